"""'Voor wie' (the doelgroep) in the reader's language: a known group ("ouderen", "ouderen en mantelzorgers",
"55-plussers") is said in English, Turkish or Arabic; other text is shown as the editor typed it, marked
lang="nl" (activiteiten/doelgroepen.py voor_wie). Dutch pages show the text as typed."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from django.utils.translation import gettext, override
from wagtail.models import Page
from wagtail_localize.synctree import create_aliases_for_new_page

from activiteiten.models import ActiviteitPage, BuurtPage
from activiteiten.testing import make_activiteit

from .languages_support import translate

pytestmark = pytest.mark.django_db

PREFIX = {"nl": "", "en": "/en", "tr": "/tr", "ar": "/ar"}
# What a reader of each language sees for "ouderen", "iedereen" and "55-plussers" (locale/*/django.po).
OUDEREN = {"nl": "ouderen", "en": "older people", "tr": "yaşlılar", "ar": "كبار السن"}
IEDEREEN = {"nl": "iedereen", "en": "everyone", "tr": "herkes", "ar": "الجميع"}
PLUSSERS_55 = {
    "nl": "55-plussers",
    "en": "people aged 55 and over",
    "tr": "55 yaş ve üstü",
    "ar": "من عمرهم 55 سنة أو أكثر",
}


def voor_wie_dd(client, lang, path):
    """The <dd> after "Voor wie" (in the page's language) on the activity page."""
    response = client.get(PREFIX[lang] + path)
    assert response.status_code == 200, path
    soup = BeautifulSoup(response.content, "html.parser")
    with override(lang):
        heading = gettext("Voor wie")
    dt = soup.find("dt", string=heading)
    assert dt is not None, f"no 'Voor wie' on {lang} {path}"
    return dt.find_next_sibling("dd")


def new_activiteit(doelgroep):
    buurt = BuurtPage.objects.get(slug="presikhaaf", locale__language_code="nl")
    start = timezone.now() + timedelta(days=7)
    page = make_activiteit(buurt, f"Doelgroeptest {doelgroep}", start, doelgroep=doelgroep)
    create_aliases_for_new_page(Page.objects.get(pk=page.pk))  # the en, tr and ar versions, as an import makes
    return f"/presikhaaf/{page.slug}/"


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize(
    ("path", "labels"),
    [
        ("/presikhaaf/koffieochtend-de-klimop/", OUDEREN),  # stored as "ouderen"
        ("/presikhaaf/wandelgroep-park-presikhaaf/", IEDEREEN),  # "iedereen"
        ("/presikhaaf/schilderclub-de-klimop/", PLUSSERS_55),  # "55-plussers"
    ],
)
def test_known_group_is_shown_in_the_readers_language(client, lang, path, labels):
    dd = voor_wie_dd(client, lang, path)
    assert dd.get_text(strip=True) == labels[lang]
    assert dd.find(attrs={"lang": True}) is None  # in the page's own language: not marked


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "Ouderen en Mantelzorgers"),
        ("en", "older people and carers"),
        ("tr", "yaşlılar ve yakınına bakanlar"),
        ("ar", "كبار السن و من يعتني بقريب (mantelzorgers)"),
    ],
)
def test_a_list_of_known_groups_is_said_as_a_list(client, lang, expected):
    path = new_activiteit("Ouderen en Mantelzorgers")
    assert voor_wie_dd(client, lang, path).get_text(strip=True) == expected


@pytest.mark.parametrize("lang", ["en", "tr", "ar"])
def test_free_text_stays_as_typed_and_is_marked_dutch(client, lang):
    dd = voor_wie_dd(client, lang, "/presikhaaf/alzheimercafe-arnhem-oost/")
    span = dd.find("span", lang="nl")
    assert span is not None and span.get_text() == "mensen met dementie en hun naasten"
    # Dutch runs left to right inside an Arabic page.
    assert span.get("dir") == ("ltr" if lang == "ar" else None)


def test_free_text_on_a_dutch_page_is_unchanged_and_not_marked(client):
    dd = voor_wie_dd(client, "nl", "/presikhaaf/alzheimercafe-arnhem-oost/")
    assert dd.get_text() == "mensen met dementie en hun naasten"
    assert dd.find(attrs={"lang": True}) is None and dd.get("lang") is None


def test_free_text_is_marked_dutch_on_a_translated_page_too(client):
    """'voor wie' is not translated with the page (home/translatable.py synchronises it): it stays Dutch."""
    page = ActiviteitPage.objects.get(slug="alzheimercafe-arnhem-oost", locale__language_code="en")
    translate(page, title="Alzheimer café Arnhem East")
    dd = voor_wie_dd(client, "en", "/presikhaaf/alzheimercafe-arnhem-oost/")
    assert dd.find("span", lang="nl").get_text() == "mensen met dementie en hun naasten"
    # A known group on a translated page is still said in English.
    page = ActiviteitPage.objects.get(slug="koffieochtend-de-klimop", locale__language_code="en")
    translate(page, title="Coffee morning in De Klimop")
    assert voor_wie_dd(client, "en", "/presikhaaf/koffieochtend-de-klimop/").get_text(strip=True) == "older people"


@pytest.mark.parametrize("lang", PREFIX)
def test_agenda_filter_voor_wie_in_the_readers_language(client, lang):
    response = client.get(PREFIX[lang] + "/agenda/?voor=ouderen")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    options = {option["value"]: option.get_text() for option in soup.select("#f-voor option")}
    assert options["ouderen"] == OUDEREN[lang][0].upper() + OUDEREN[lang][1:]
    assert soup.select_one("#f-voor option[selected]")["value"] == "ouderen"
    # The agenda lists the activity for "ouderen" under that filter.
    titles = soup.get_text()
    assert "Koffieochtend in De Klimop" in titles
