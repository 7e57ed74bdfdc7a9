"""Both PDFs (weekoverzicht, booklet) in Turkish and Arabic show their own script, from the portal's own fonts.

The text is read back with poppler's pdftotext (poppler-utils, installed in CI), which puts right-to-left text in
reading order; the fonts are read from the PDF's page resources with pypdf.
"""

import io
import shutil
import subprocess
import unicodedata

import pytest
from django.core.cache import cache
from pypdf import PdfReader

from activiteiten.models import ActiviteitPage
from activiteiten.recurrence import AMSTERDAM
from woordenlijst.models import BegripPage

from .languages_support import translate

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)"),
]

TURKISH_TITLE = "Kahve sabahı: Şükrü ve Gül ile İstanbul çayı"
ARABIC_TITLE = "صباح القهوة في الحي"
ARABIC_UITLEG = "قانون يساعد الناس في بيوتهم"
# (No lam-alef ligatures (لا, لى) in these words: pdftotext reads such a glyph back with its letters swapped.)


def pdf_text(content):
    """The PDF's text in reading order, without bidi control characters and with Arabic letters in their basic
    form (a PDF may store the joined forms of the letters)."""
    text = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True).stdout.decode()
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return unicodedata.normalize("NFKC", text)


def font_names(content):
    names = set()
    for page in PdfReader(io.BytesIO(content)).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def weekoverzicht_pdf(client, lang, title):
    page = translate(
        ActiviteitPage.objects.get(slug="koffieochtend-de-klimop", locale__language_code=lang), title=title
    )
    first = page.next_occurrences(limit=1)[0].start.astimezone(AMSTERDAM).date()
    response = client.get(f"/{lang}/agenda/presikhaaf/weekoverzicht.pdf?vanaf={first.isoformat()}")
    assert response.status_code == 200
    return response.content


def test_weekoverzicht_pdf_in_turkish_shows_turkish_letters(client):
    content = weekoverzicht_pdf(client, "tr", TURKISH_TITLE)
    assert TURKISH_TITLE in " ".join(pdf_text(content).split())
    assert PdfReader(io.BytesIO(content)).trailer["/Root"]["/Lang"] == "tr"


def test_weekoverzicht_pdf_in_arabic_shows_arabic_in_the_portal_font(client):
    content = weekoverzicht_pdf(client, "ar", ARABIC_TITLE)
    assert ARABIC_TITLE in " ".join(pdf_text(content).split())
    assert any(name.startswith("Noto-Sans-Arabic") for name in font_names(content))
    assert PdfReader(io.BytesIO(content)).trailer["/Root"]["/Lang"] == "ar"


@pytest.mark.parametrize(
    "lang,term,uitleg",
    [
        ("ar", "قانون الدعم في البيت", ARABIC_UITLEG),
        ("tr", "Sosyal Destek Yasası", "Evde yaşamanıza yardım eden yasa."),
    ],
)
def test_booklet_pdf_shows_the_language_of_its_terms(client, lang, term, uitleg):
    cache.clear()  # the booklet PDF is kept until the glossary changes
    translate(BegripPage.objects.get(slug="wmo", locale__language_code=lang), title=term, uitleg=uitleg)
    cache.clear()
    response = client.get(f"/{lang}/woordenlijst/boekje/pdf/")
    assert response.status_code == 200
    text = " ".join(pdf_text(response.content).split())
    assert term in text and uitleg in text
    fonts = font_names(response.content)
    if lang == "ar":
        assert any(name.startswith("Noto-Sans-Arabic") for name in fonts), fonts
    else:
        assert any(name.startswith("Noto-Sans") for name in fonts), fonts  # ş, ı and İ from the portal's font
