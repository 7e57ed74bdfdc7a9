"""The public site in nl, en, tr and ar: lang/dir/hreflang on every page type, the language switch, and Dutch
text that is not translated yet marked lang="nl" (home/translation_state.py, home/language_versions.py)."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from activiteiten.models import ActiviteitPage, BuurtPage
from home import translation_state
from woordenlijst.models import BegripPage

from .languages_support import translate

pytestmark = pytest.mark.django_db

PREFIX = {"nl": "", "en": "/en", "tr": "/tr", "ar": "/ar"}
OWN_NAMES = {"nl": "Nederlands", "en": "English", "tr": "Türkçe", "ar": "العربية"}

# One URL (without the language prefix) of every public HTML page type.
PAGE_TYPES = {
    "home": "/",
    "buurt": "/presikhaaf/",
    "activiteit": "/presikhaaf/koffieochtend-de-klimop/",
    "voorziening": "/presikhaaf/buurthuis-de-klimop/",
    "woordenlijst": "/woordenlijst/",
    "begrip": "/woordenlijst/wmo/",
    "boekje": "/woordenlijst/boekje/",
    "agenda": "/agenda/?categorie=ontmoeten",
    "weekoverzicht": "/agenda/presikhaaf/weekoverzicht/",
    "zoeken": "/zoeken/?q=koffie",
}


def soup_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


def activiteit(lang, slug="koffieochtend-de-klimop"):
    return ActiviteitPage.objects.get(slug=slug, locale__language_code=lang)


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_has_lang_dir_and_hreflang_for_every_language(client, name, lang):
    path = PAGE_TYPES[name]
    soup = soup_of(client, PREFIX[lang] + path)
    html = soup.find("html")
    assert html["lang"] == lang
    assert html["dir"] == ("rtl" if lang == "ar" else "ltr")
    alternates = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
    assert set(alternates) == {"nl", "en", "tr", "ar", "x-default"}
    for code, prefix in PREFIX.items():
        assert alternates[code] == "http://testserver" + prefix + path
    assert alternates["x-default"] == alternates["nl"]


@pytest.mark.parametrize("lang", ["tr", "ar"])
def test_feeds_pdfs_and_melding_answer_in_turkish_and_arabic(client, lang):
    prefix = PREFIX[lang]
    for url in (
        f"{prefix}/agenda/ical/alles.ics",
        f"{prefix}/agenda/ical/buurt/presikhaaf.ics",
        f"{prefix}/agenda/ical/activiteit/{activiteit(lang).pk}.ics",
        f"{prefix}/agenda/ical/categorie/ontmoeten.ics",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"BEGIN:VCALENDAR" in response.content
    response = client.post(f"{prefix}/klopt-er-iets-niet/{activiteit(lang).pk}/", {"bericht": ""})
    assert response.status_code == 400  # sent back with what to fix, on the melding page
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("html")["lang"] == lang
    # The Dutch title inside the translated heading is marked, the heading itself is not.
    assert soup.h1.get("lang") is None
    assert soup.h1.find("span", lang="nl").get_text() == "Koffieochtend in De Klimop"


def test_error_page_in_arabic_is_right_to_left_with_a_switch_to_each_start_page(client):
    soup = soup_of(client, "/ar/bestaat-niet/", status=404)
    assert (soup.find("html")["lang"], soup.find("html")["dir"]) == ("ar", "rtl")
    links = {a["lang"]: a["href"] for a in soup.select(".language-switch a")}
    assert links == {"nl": "/", "en": "/en/", "tr": "/tr/"}


def switch_links(soup):
    return {a["lang"]: (a["href"], a.get_text(strip=True)) for a in soup.select(".language-switch a")}


@pytest.mark.parametrize(
    "path",
    [
        "/agenda/?categorie=ontmoeten&dag=ma&gratis=ja",
        "/agenda/presikhaaf/weekoverzicht/?vanaf=2026-12-07",
        "/zoeken/?q=koffie&type=activiteit",
        "/presikhaaf/?voor=ouderen&periode=deze-week",
        "/woordenlijst/boekje/",
    ],
)
def test_language_switch_keeps_the_page_and_its_query(client, path):
    soup = soup_of(client, "/ar" + path)
    links = switch_links(soup)
    assert links == {code: (PREFIX[code] + path, OWN_NAMES[code]) for code in ("nl", "en", "tr")}
    current = soup.select_one(".language-switch [aria-current]")
    assert (current["lang"], current.get_text(strip=True)) == ("ar", "العربية")


def test_language_switch_on_a_melding_answer_goes_to_the_same_activity_in_the_other_language(client):
    response = client.post(f"/klopt-er-iets-niet/{activiteit('nl').pk}/?x=1", {"bericht": ""})
    links = switch_links(BeautifulSoup(response.content, "html.parser"))
    for code in ("en", "tr", "ar"):
        assert links[code][0] == f"{PREFIX[code]}/presikhaaf/koffieochtend-de-klimop/"


def test_language_switch_follows_a_translated_slug(client):
    buurt = BuurtPage.objects.get(slug="presikhaaf", locale__language_code="tr")
    translate(buurt, slug="presikhaaf-mahallesi")
    soup = soup_of(client, "/agenda/presikhaaf/weekoverzicht/?vanaf=2026-12-07")
    assert switch_links(soup)["tr"][0] == "/tr/agenda/presikhaaf-mahallesi/weekoverzicht/?vanaf=2026-12-07"
    soup = soup_of(client, "/presikhaaf/koffieochtend-de-klimop/")
    assert switch_links(soup)["tr"][0] == "/tr/presikhaaf-mahallesi/koffieochtend-de-klimop/"


def dutch(soup):
    """The elements marked as Dutch text."""
    return soup.select('[lang="nl"]')


def inside_dutch(element):
    return element.find_parent(attrs={"lang": "nl"}) is not None


@pytest.mark.parametrize("lang", ["en", "tr", "ar"])
def test_untranslated_page_marks_exactly_its_dutch_text(client, lang):
    soup = soup_of(client, f"{PREFIX[lang]}/presikhaaf/koffieochtend-de-klimop/")
    assert soup.main.get("lang") is None  # the interface inside <main> keeps the page's language
    notice = soup.select_one("main .notice--taal")
    assert notice is not None and not inside_dutch(notice) and notice.get("lang") is None
    h1 = soup.h1
    assert h1["lang"] == "nl"
    assert h1.get("dir") == ("ltr" if lang == "ar" else None)
    for marked in dutch(soup.main):
        assert marked.get("dir") == ("ltr" if lang == "ar" else None)
    assert soup.select_one(".lead")["lang"] == "nl"
    assert soup.select_one(".prose")["lang"] == "nl"
    for label in soup.select("main dt") + soup.select("main h2") + soup.select(".site-nav a, footer p"):
        assert not inside_dutch(label) and label.get("lang") is None, label
    if lang == "en":
        text_outside = " ".join(t for t in soup.main.find_all(string=True) if not inside_dutch(t))
        assert "When" in text_outside and "Where" in text_outside
        assert "Wanneer" not in text_outside and "Koffieochtend" not in text_outside


def test_dutch_page_marks_nothing(client):
    soup = soup_of(client, "/presikhaaf/koffieochtend-de-klimop/")
    assert soup.select_one(".notice--taal") is None
    assert dutch(soup.main) == []


@pytest.mark.parametrize(
    "path,selector",
    [
        ("/presikhaaf/", ".agenda__title a"),
        ("/presikhaaf/", ".agenda__summary"),
        ("/presikhaaf/", ".plekken__naam"),
        ("/agenda/", ".agenda__title a"),
        ("/", ".card__title"),
        ("/woordenlijst/", ".glossary__entry"),
        ("/zoeken/?q=koffie", ".search-result__title a"),
        ("/presikhaaf/buurthuis-de-klimop/", ".agenda__title a"),
        ("/agenda/presikhaaf/weekoverzicht/", ".wo-title"),
        ("/woordenlijst/boekje/", ".boekje__item:not(.boekje__item--afkorting) dd"),
    ],
)
def test_listings_mark_the_dutch_text_of_untranslated_items(client, path, selector):
    soup = soup_of(client, "/ar" + path)
    items = soup.select(selector)
    assert items, selector
    assert all(item.get("lang") == "nl" and item.get("dir") == "ltr" for item in items), selector


def test_translated_page_is_in_its_own_language_and_says_when_the_dutch_page_changed(client):
    page = translate(activiteit("tr"), title="Klimop'ta kahve sabahı", samenvatting="Şükrü ile çay ve sohbet.")
    soup = soup_of(client, "/tr/presikhaaf/koffieochtend-de-klimop/")
    assert soup.h1.get_text(strip=True) == "Klimop'ta kahve sabahı" and soup.h1.get("lang") is None
    assert soup.select_one(".notice--taal") is None
    # In the buurt's agenda the translated activity is no longer marked Dutch; the others still are.
    cards = {
        a.get_text(strip=True): a.get("lang") for a in soup_of(client, "/tr/presikhaaf/").select(".agenda__title a")
    }
    assert cards["Klimop'ta kahve sabahı"] is None
    assert "nl" in cards.values()

    source = activiteit("nl")
    source.samenvatting = "Koffie, thee en een praatje. Nu ook op dinsdag."
    source.save_revision().publish()
    notice = soup_of(client, "/tr/presikhaaf/koffieochtend-de-klimop/").select_one(".notice--taal")
    assert notice is not None
    assert notice.a["href"] == "/presikhaaf/koffieochtend-de-klimop/" and notice.a["hreflang"] == "nl"

    translate(page.__class__.objects.get(pk=page.pk))  # the translator updates and publishes the translation
    assert soup_of(client, "/tr/presikhaaf/koffieochtend-de-klimop/").select_one(".notice--taal") is None


def test_translation_state_rules(tr, ar):
    alias = BegripPage.objects.get(slug="wmo", locale=ar)
    dutch_page = BegripPage.objects.get(slug="wmo", locale__language_code=settings.LANGUAGE_CODE)
    assert translation_state.is_untranslated(alias)
    assert translation_state.text_language(alias) == "nl"
    assert not translation_state.is_untranslated(dutch_page)
    assert translation_state.lang_attrs("nl", "ar") == ' lang="nl" dir="ltr"'
    assert translation_state.lang_attrs("nl", "tr") == ' lang="nl"'
    assert translation_state.lang_attrs("ar", "ar") == ""
    translated = translate(BegripPage.objects.get(slug="wmo", locale=tr), title="Sosyal Destek Yasası")
    assert translation_state.text_language(translated) == "tr"
    assert translation_state.outdated_source(translated) is None
