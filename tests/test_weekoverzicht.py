"""Weekoverzicht per buurt: print page and PDF with the week's activities, grouped by day."""
# ruff: noqa: F811  (pytest fixtures imported from agenda_support)

import io
from datetime import date

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from activiteiten.models import ActiviteitPage
from activiteiten.occurrences import refresh_page
from activiteiten.testing import local, make_activiteit

from .agenda_support import clock, malburgen  # noqa: F401  (fixtures; malburgen uses clock)

pytestmark = pytest.mark.django_db

NOW = local(date(2027, 3, 24), 8)  # Wednesday


def add(buurt, title, start, **kwargs):
    page = make_activiteit(buurt, title, start, **kwargs)
    refresh_page(page, now=NOW)
    return page


def test_print_page_groups_by_day_with_times_places_and_servicepunt(client, malburgen):
    add(
        malburgen,
        "Paaseieren zoeken",
        local(date(2027, 3, 27), 14),
        eind=local(date(2027, 3, 27), 15, 30),
        aanmelden="bel 088-5550999",
    )
    add(malburgen, "Te laat voor deze week", local(date(2027, 3, 31), 14))
    response = client.get("/agenda/malburgen/weekoverzicht/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Activiteiten in Malburgen van maandag 22 maart tot en met zondag 28 maart"
    days = [h.get_text(strip=True) for h in soup.select(".wo-day h2")]
    assert days == [
        "Maandag 22 maart",
        "Dinsdag 23 maart",
        "Woensdag 24 maart",
        "Donderdag 25 maart",
        "Vrijdag 26 maart",
        "Zaterdag 27 maart",
        "Zondag 28 maart",
    ]
    saturday = soup.find(id="dag-2027-03-27").find_parent("section").get_text(" ", strip=True)
    assert "14.00 – 15.30 uur Paaseieren zoeken" in saturday
    assert "Waar: Grote zaal" in saturday and "Aanmelden: bel 088-5550999" in saturday
    assert "Te laat voor deze week" not in soup.get_text()
    servicepunt = soup.select_one(".wo-servicepunt").get_text(" ", strip=True)
    assert "Vraagpunt De Wegwijzer" in servicepunt and "Kribbenweg 5" in servicepunt and "088-5550109" in servicepunt
    # A weekly demo activity of Malburgen shows up on its day, with the address of its place.
    pollepel = ActiviteitPage.objects.get(slug="wijkrestaurant-pollepel-dinsdag", locale=malburgen.locale)
    tuesday = soup.find(id="dag-2027-03-23").find_parent("section").get_text(" ", strip=True)
    assert pollepel.title in tuesday and pollepel.voorziening.adres in tuesday
    # "Soep en broodje" (every Friday, not on public holidays) is not there on Goede Vrijdag.
    friday = soup.find(id="dag-2027-03-26").find_parent("section").get_text(" ", strip=True)
    assert "Soep en broodje op vrijdag" not in friday


def test_pdf_is_a4_and_contains_the_weeks_titles(client, malburgen):
    add(malburgen, "Paaseieren zoeken", local(date(2027, 3, 27), 14))
    response = client.get("/agenda/malburgen/weekoverzicht.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "weekoverzicht-malburgen-2027-03-22.pdf" in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Paaseieren zoeken" in text
    assert "Samen eten bij Wijkrestaurant De Pollepel" in text
    assert "Vraagpunt De Wegwijzer" in text


def test_other_week_and_wrong_date(client, malburgen):
    add(malburgen, "Volgende week iets", local(date(2027, 3, 31), 14))
    soup = BeautifulSoup(client.get("/agenda/malburgen/weekoverzicht/?vanaf=2027-03-31").content, "html.parser")
    assert "Volgende week iets" in soup.get_text()
    response = client.get("/agenda/malburgen/weekoverzicht/?vanaf=31-03-2027")
    assert response.status_code == 200
    alert = BeautifulSoup(response.content, "html.parser").find(role="alert").get_text()
    assert "‘31-03-2027’ is geen datum" in alert
    assert client.get("/agenda/nergenshuizen/weekoverzicht/").status_code == 404


def test_buurt_without_servicepunt_says_where_to_go(client, clock):
    soup = BeautifulSoup(client.get("/agenda/presikhaaf/weekoverzicht/").content, "html.parser")
    assert "nog geen servicepunt" in soup.select_one(".wo-servicepunt").get_text()
