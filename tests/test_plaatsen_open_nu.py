"""Open now on the pages: a place page, the JSON-LD, and the "nu open" filter of the places lists."""

import json
from datetime import date

import pytest
from bs4 import BeautifulSoup

from activiteiten import agenda
from activiteiten.models import Sluitingsperiode, VoorzieningPage
from activiteiten.testing import local

pytestmark = pytest.mark.django_db

MONDAY = date(2027, 3, 22)


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def klimop():
    """Open ma 09-22, di 09-22, wo 09-17, do 09-22, vr 09-17 (demo corpus)."""
    return VoorzieningPage.objects.get(slug="buurthuis-de-klimop", locale__language_code="nl")


def at(monkeypatch, moment):
    monkeypatch.setattr(agenda, "now", lambda: moment)


def names(soup):
    return [a.get_text(strip=True) for a in soup.select(".plekken__naam")]


def test_place_page_says_open_now(client, klimop, monkeypatch):
    at(monkeypatch, local(MONDAY, 10))
    soup = soup_of(client.get(klimop.url))
    assert soup.select_one(".open-nu").get_text(strip=True) == "Nu open, tot 22.00 uur."
    at(monkeypatch, local(date(2027, 3, 13), 10))  # a Saturday (not before Easter Monday)
    soup = soup_of(client.get(klimop.url))
    assert soup.select_one(".open-nu").get_text(strip=True) == "Gesloten. Maandag open om 09.00 uur."


def test_closing_period_on_the_page_and_in_json_ld(client, klimop, monkeypatch):
    Sluitingsperiode.objects.create(
        page=klimop, van=date(2027, 7, 19), tot_en_met=date(2027, 8, 1), reden="zomersluiting"
    )
    at(monkeypatch, local(date(2027, 7, 21), 10))
    soup = soup_of(client.get(klimop.url))
    assert soup.select_one(".open-nu").get_text(strip=True) == (
        "Vandaag gesloten (zomersluiting). Weer open op maandag 2 augustus om 09.00 uur."
    )
    assert "19 juli tot en met 1 augustus 2027 (zomersluiting)" in soup.select_one(".sluitingen").get_text(
        " ", strip=True
    )
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert {"@type": "OpeningHoursSpecification", "dayOfWeek": "https://schema.org/Monday", "opens": "09:00",
            "closes": "22:00"} in data["openingHoursSpecification"]  # fmt: skip
    special = {(s["name"], s["validFrom"], s["validThrough"]) for s in data["specialOpeningHoursSpecification"]}
    assert ("zomersluiting", "2027-07-19", "2027-08-01") in special
    assert ("Eerste kerstdag", "2027-12-25", "2027-12-25") in special


def test_easter_monday_is_skipped(client, klimop, monkeypatch):
    at(monkeypatch, local(date(2027, 3, 27), 10))  # the Saturday before Easter; Monday 29 March is Tweede paasdag
    soup = soup_of(client.get(klimop.url))
    assert soup.select_one(".open-nu").get_text(strip=True) == "Gesloten. Dinsdag open om 09.00 uur."


def test_holiday_on_the_page(client, klimop, monkeypatch):
    at(monkeypatch, local(date(2027, 4, 27), 10))  # Koningsdag, a Tuesday
    soup = soup_of(client.get(klimop.url))
    assert (
        soup.select_one(".open-nu").get_text(strip=True) == "Vandaag gesloten (Koningsdag). Morgen open om 09.00 uur."
    )


def test_nu_open_filter_site_wide_and_on_the_buurt(client, klimop, monkeypatch):
    at(monkeypatch, local(MONDAY, 21, 30))
    open_late = names(soup_of(client.get("/voorzieningen/?nu_open=ja")))
    assert "Buurthuis De Klimop" in open_late
    assert len(open_late) < 45
    assert "Buurthuis De Klimop" in names(soup_of(client.get(klimop.get_parent().url + "?nu_open=ja")))
    at(monkeypatch, local(MONDAY, 22, 0))  # the closing minute
    assert "Buurthuis De Klimop" not in names(soup_of(client.get("/voorzieningen/?nu_open=ja")))
    soup = soup_of(client.get(klimop.get_parent().url + "?nu_open=ja"))
    assert "Buurthuis De Klimop" not in names(soup)
    assert soup.find("input", id="p-nu-open").has_attr("checked")
