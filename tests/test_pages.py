"""Each page type shows its fields to a resident."""

import pytest
from bs4 import BeautifulSoup

from activiteiten.models import ActiviteitPage, BuurtPage, VoorzieningPage
from woordenlijst.models import BegripPage, BegripZieOok

pytestmark = pytest.mark.django_db


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def text_of(soup):
    return " ".join(soup.get_text(" ").split())


def test_home_shows_intro_buurt_chooser_search_and_week(client):
    soup = get(client, "/")
    assert soup.find("html")["lang"] == "nl"
    assert soup.h1.get_text(strip=True) == "Zorgzame Buurten"
    buurt_links = [a.get_text(" ", strip=True) for a in soup.select(".card-list--buurten a")]
    assert len(buurt_links) == 12
    assert any("Presikhaaf" in link and "Arnhem" in link for link in buurt_links)
    assert soup.find("input", {"type": "search", "name": "q"}) is not None
    assert soup.find(id="deze-week") is not None


def test_buurt_page_lists_voorzieningen_and_agenda(client):
    buurt = BuurtPage.objects.get(slug="presikhaaf", locale__language_code="nl")
    soup = get(client, buurt.url)
    page_text = text_of(soup)
    assert soup.h1.get_text(strip=True) == "Presikhaaf"
    assert "Arnhem" in page_text
    assert buurt.intro[:40] in page_text
    assert "Buurthuis De Klimop" in page_text
    agenda_titles = [h.get_text(strip=True) for h in soup.select(".agenda__title")]
    assert "Koffieochtend in De Klimop" in agenda_titles


def test_activiteit_page_shows_when_where_costs(client):
    page = ActiviteitPage.objects.get(slug="koffieochtend-de-klimop", locale__language_code="nl")
    soup = get(client, page.url)
    page_text = text_of(soup)
    assert soup.h1.get_text(strip=True) == "Koffieochtend in De Klimop"
    assert "maandag" in page_text  # the next date, written out in Dutch
    assert "09.30 – 11.30 uur" in page_text
    assert "Buurthuis De Klimop" in page_text and "Vlierbesstraat 14" in page_text
    assert "€ 1,00" in page_text
    assert "Ria Hendriks" in page_text
    assert "Welzijn Veerkracht" in page_text


def test_voorziening_page_shows_address_and_structured_hours(client):
    page = VoorzieningPage.objects.get(slug="buurthuis-de-klimop", locale__language_code="nl")
    assert [(o.dag, f"{o.open:%H:%M}", f"{o.dicht:%H:%M}") for o in page.openingstijden.all()][:2] == [
        (0, "09:00", "22:00"),
        (1, "09:00", "22:00"),
    ]
    soup = get(client, page.url)
    rows = {tr.th.get_text(strip=True): tr.td.get_text(" ", strip=True) for tr in soup.select("table.hours tr")}
    assert rows["Maandag"] == "09.00 – 22.00 uur"
    assert rows["Zaterdag"] == "gesloten"
    assert "6826 HK Arnhem" in text_of(soup)
    assert soup.find("a", href="tel:+31885550101") is not None


def test_woordenlijst_lists_terms_a_to_z_with_abbreviations_under_their_letter(client):
    soup = get(client, "/woordenlijst/")
    letters = [a.get_text(strip=True) for a in soup.select(".alphabet a")]
    assert "W" in letters
    w_group = soup.find(id="letter-W").find_parent("section")
    w_labels = [dt.a.get_text(strip=True) for dt in w_group.select("dt")]
    assert "Wet maatschappelijke ondersteuning" in w_labels
    assert "Wmo" in w_labels  # the abbreviation has its own entry
    assert BegripPage.objects.filter(locale__language_code="nl").count() == 90


def test_begrip_page_shows_uitleg_definitie_and_zie_ook_both_ways(client):
    wmo = BegripPage.objects.get(slug="wmo", locale__language_code="nl")
    soup = get(client, wmo.url)
    assert "Wet maatschappelijke ondersteuning" in soup.h1.get_text()
    assert "(Wmo)" in soup.h1.get_text()
    assert wmo.uitleg[:50] in text_of(soup)
    related = [a.get_text(strip=True) for a in soup.select("#zie-ook ~ ul a")]
    assert "keukentafelgesprek" in related
    # Shown the other way round: a link set only on another term shows up on wmo's page too.
    other = BegripPage.objects.get(slug="mantelzorg", locale__language_code="nl")
    assert other not in wmo.related_terms()
    other.zie_ook_links.add(BegripZieOok(doel=wmo))
    other.save_revision().publish()
    soup = get(client, wmo.url)
    assert "mantelzorg" in [a.get_text(strip=True) for a in soup.select("#zie-ook ~ ul a")]


def test_english_interface(client):
    soup = get(client, "/en/presikhaaf/")
    assert soup.find("html")["lang"] == "en"
    assert soup.h1.get_text(strip=True) == "Presikhaaf"


def test_english_tree_mirrors_the_dutch_one(client):
    from wagtail.models import Page

    assert not Page.objects.filter(locale__language_code="en", live=False).exists()
    switch = get(client, "/").select(".language-switch a")
    assert [(a["href"], a.get_text(strip=True)) for a in switch] == [
        ("/en/", "English"),
        ("/tr/", "Türkçe"),
        ("/ar/", "العربية"),
    ]
    soup = get(client, "/en/woordenlijst/wmo/")
    assert "Wet maatschappelijke ondersteuning" in soup.h1.get_text()
    assert soup.find("html")["lang"] == "en"
    # The untranslated alias says so, and marks its Dutch content (not the English interface) as Dutch.
    assert soup.main.get("lang") is None
    assert soup.h1["lang"] == "nl"
    assert "has not been translated yet" in soup.select_one(".notice").get_text()
