"""The glossary in reading: first use of each term or abbreviation marked up, with its uitleg."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from wagtail.models import Locale

from activiteiten.models import ActiviteitPage, BuurtPage, VoorzieningPage
from woordenlijst.markup import Entry, Matcher, mark_up
from woordenlijst.models import BegripPage

WMO = Entry(1, "Wet maatschappelijke ondersteuning", "Wmo", "De Wmo is een wet over hulp thuis.", "/woordenlijst/wmo/")
ZIN = Entry(2, "zorg in natura", "ZIN", "Zorg die je zorgverzekeraar regelt.", "/woordenlijst/zin/")
MANTELZORG = Entry(3, "mantelzorg", "", "Zorg voor iemand die je kent.", "/woordenlijst/mantelzorg/")
WIJKTEAM = Entry(4, "wijkteam", "", "Hulpverleners in je wijk.", "/woordenlijst/wijkteam/")
SOCIAAL_WIJKTEAM = Entry(5, "sociaal wijkteam", "", "Het wijkteam van de gemeente.", "/woordenlijst/sociaal-wijkteam/")
SCRIPT = Entry(6, "valpreventie", "", "<script>alert(1)</script> niet vallen", "/woordenlijst/valpreventie/")
ENTRIES = [WMO, ZIN, MANTELZORG, WIJKTEAM, SOCIAAL_WIJKTEAM, SCRIPT]


def marked(html, entries=ENTRIES):
    out, used = mark_up(html, Matcher(entries), prefix="t")
    return BeautifulSoup(out, "html.parser"), used


def terms(soup):
    return [span.find("a").get_text() for span in soup.select("span.term")]


def test_only_the_first_use_is_marked():
    soup, used = marked("<p>De Wmo helpt. Vraag het Wmo-loket.</p><p>Wmo is een wet.</p>")
    assert terms(soup) == ["Wmo"]
    assert used == [WMO]
    assert len(soup.find_all("abbr")) == 1
    assert "Vraag het Wmo-loket." in soup.get_text()


def test_term_and_its_abbreviation_count_as_one():
    soup, _used = marked("<p>De Wet maatschappelijke ondersteuning (Wmo) regelt hulp.</p>")
    assert terms(soup) == ["Wet maatschappelijke ondersteuning"]


def test_abbreviation_markup_links_and_explains():
    soup, _used = marked("<p>Vraag het aan bij de Wmo.</p>")
    span = soup.select_one("span.term")
    link = span.find("a")
    assert link["href"] == "/woordenlijst/wmo/"
    assert link.find("abbr")["title"] == "Wet maatschappelijke ondersteuning"
    tip = soup.find(id=link["aria-describedby"])
    assert tip is not None and tip["role"] == "tooltip"
    assert "De Wmo is een wet over hulp thuis." in tip.get_text()


def test_term_markup_uses_dfn():
    soup, _used = marked("<p>Mantelzorg is belangrijk.</p>")
    assert soup.select_one("span.term a dfn").get_text() == "Mantelzorg"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<p>De WMO helpt.</p>", ["WMO"]),
        ("<p>De wmo helpt.</p>", []),
        ("<p>Dit is een lange zin.</p>", []),  # "zin" is not ZIN
        ("<p>Kies ZIN of een pgb.</p>", ["ZIN"]),
        ("<p>Wmoloket en Wmo2015</p>", []),
        ("<p>Het Wmo-loket.</p>", ["Wmo"]),
        ("<p>Mantelzorgers en mantelzorgen</p>", []),
        ("<p>MANTELZORG</p>", ["MANTELZORG"]),
        ("<p>Het sociaal   wijkteam en het wijkteam.</p>", ["sociaal   wijkteam", "wijkteam"]),
    ],
)
def test_word_boundaries_and_case(text, expected):
    soup, _used = marked(text)
    assert terms(soup) == expected


def test_never_inside_links_headings_or_existing_markup():
    html = (
        "<h2>De Wmo</h2><p><a href='/x/'>Wmo en mantelzorg</a> <abbr title='x'>ZIN</abbr> <code>wijkteam</code></p>"
        "<p>Toch de Wmo, ZIN, mantelzorg en het wijkteam.</p>"
    )
    soup, _used = marked(html)
    assert soup.h2.get_text() == "De Wmo" and not soup.h2.select("span.term")
    first_p = soup.find_all("p")[0]
    assert not first_p.select("span.term")
    assert terms(soup) == ["Wmo", "ZIN", "mantelzorg", "wijkteam"]


def test_text_is_escaped():
    soup, _used = marked("<p>Over valpreventie &amp; &lt;veilig&gt; thuis.</p>")
    assert not soup.find("script")
    assert "<veilig>" in soup.p.get_text()
    assert "<script>alert(1)</script>" in soup.select_one(".term__tip").get_text()


# -- on the real pages ---------------------------------------------------------------------------
def page_with(model, form):
    for page in model.objects.live().filter(locale=Locale.get_default()):
        if form in str(getattr(page, "omschrijving", "") or getattr(page, "intro", "")):
            return page
    raise AssertionError(f"no {model.__name__} uses {form!r}")


@pytest.mark.parametrize(
    "model, form, slug",
    [
        (ActiviteitPage, "Wmo", "wmo"),
        (VoorzieningPage, "Wmo", "wmo"),
        (BuurtPage, "woningcorporatie", "woningcorporatie"),
    ],
)
def test_pages_show_markup_and_print_notes(client, db, model, form, slug):
    cache.clear()
    page = page_with(model, form)
    html = client.get(page.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    text = soup.select_one(".glossary-text")
    assert text is not None
    link = text.select_one(f'span.term a[href="/woordenlijst/{slug}/"]')
    assert link is not None
    begrip = BegripPage.objects.get(locale=page.locale, slug=slug)
    assert begrip.uitleg in soup.find(id=link["aria-describedby"]).get_text()
    assert begrip.uitleg in text.select_one(".term-notes").get_text()
    ids = [el["id"] for el in soup.select("[id]")]
    assert len(ids) == len(set(ids))  # every tooltip id is unique


def test_cached_and_refreshed_when_the_glossary_is_published(client, db):
    cache.clear()
    page = page_with(ActiviteitPage, "Wmo")
    assert "Nieuwe uitleg voor de test." not in client.get(page.url).content.decode()
    begrip = BegripPage.objects.get(slug="wmo", locale=Locale.get_default())
    begrip.uitleg = "Nieuwe uitleg voor de test."
    begrip.save_revision().publish()
    assert "Nieuwe uitleg voor de test." in client.get(page.url).content.decode()
    begrip.unpublish()
    assert "/woordenlijst/wmo/" not in client.get(page.url).content.decode()


def test_english_pages_link_to_a_glossary_page_that_exists(client, db):
    cache.clear()
    page = page_with(ActiviteitPage, "Wmo")
    soup = BeautifulSoup(client.get("/en" + page.url).content, "html.parser")
    links = [a["href"] for a in soup.select(".glossary-text .term a")]
    assert links
    for href in links:
        assert client.get(href).status_code == 200
