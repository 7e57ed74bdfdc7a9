"""The booklet "Gemeenschappelijke taal": an A4 print page and a PDF of all terms A–Z."""

import io
import re

import pypdf
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale

from woordenlijst.models import DOMEINEN, BegripPage


def normal(text):
    return re.sub(r"\s+", " ", text).strip()


def begrippen():
    return list(BegripPage.objects.live().filter(locale=Locale.get_default()))


def test_print_page_has_all_terms_a_to_z(client, db):
    response = client.get("/woordenlijst/boekje/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    items = soup.select(".boekje__item:not(.boekje__item--afkorting)")
    terms = [normal(item.find("dfn").get_text()) for item in items]
    assert sorted(terms) == sorted(b.title for b in begrippen())
    letters = [h.get_text() for h in soup.select(".boekje__letter h2")]
    assert letters == sorted(letters)
    wmo = soup.find(id="b-wmo")
    assert "(Wmo)" in wmo.get_text()
    with translation.override("nl"):
        assert str(dict(DOMEINEN)["gemeente"]) in wmo.select_one(".boekje__domein").get_text()
    assert BegripPage.objects.get(slug="wmo", locale=Locale.get_default()).uitleg in wmo.get_text()
    # The abbreviation is listed under its own letter, pointing to the term.
    afkorting = [a for a in soup.select(".boekje__item--afkorting") if a.find("abbr").get_text() == "Wmo"]
    assert afkorting and afkorting[0].find("a")["href"] == "#b-wmo"
    assert soup.find("a", href="/woordenlijst/boekje/pdf/")


def test_print_page_is_set_up_for_a4(client, db):
    html = client.get("/woordenlijst/boekje/").content.decode()
    assert "css/boekje.css" in html
    from django.contrib.staticfiles import finders

    css = open(finders.find("css/boekje.css")).read()
    assert "size: A4" in css


def test_pdf_contains_every_term(client, db):
    cache.clear()
    response = client.get("/woordenlijst/boekje/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = normal(" ".join(page.extract_text() for page in reader.pages))
    assert text.startswith("Gemeenschappelijke taal")
    missing = [b.title for b in begrippen() if normal(b.title) not in text]
    assert missing == []
    assert "Wet maatschappelijke ondersteuning (Wmo)" in text
    assert normal(BegripPage.objects.get(slug="mantelzorg", locale=Locale.get_default()).uitleg) in text
    assert len(reader.pages) > 5


def test_pdf_follows_the_glossary(client, db):
    cache.clear()
    begrip = BegripPage.objects.get(slug="wmo", locale=Locale.get_default())
    begrip.title = "Wet maatschappelijke ondersteuning 2015"
    begrip.save_revision().publish()
    reader = pypdf.PdfReader(io.BytesIO(client.get("/woordenlijst/boekje/pdf/").content))
    assert "Wet maatschappelijke ondersteuning 2015" in normal(" ".join(p.extract_text() for p in reader.pages))


def test_link_from_the_glossary_page(client, db):
    soup = BeautifulSoup(client.get("/woordenlijst/").content, "html.parser")
    assert soup.find("a", href="/woordenlijst/boekje/")
