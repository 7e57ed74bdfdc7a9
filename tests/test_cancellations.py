"""Cancellations told plainly: a cancelled date stays visible as "Gaat niet door: <reason>." in the agenda,
the weekoverzicht (HTML and PDF), the home page and on the activity page, and is cancelled in iCal as that
one occurrence. An activity cancelled for good says so once. Dates show the year only when it is not this year."""
# ruff: noqa: F811  (the clock fixture imported from agenda_support)

import io
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from activiteiten.models import BuurtPage, Uitzondering
from activiteiten.occurrences import refresh_page
from activiteiten.recurrence import AMSTERDAM
from activiteiten.testing import local, make_activiteit
from activiteiten.wording import reden_zin

from .agenda_support import clock  # noqa: F401

pytestmark = pytest.mark.django_db

NOW = local(date(2027, 3, 24), 8)  # a Wednesday


@pytest.fixture
def malburgen():
    return BuurtPage.objects.get(slug="malburgen", locale__language_code="nl")


def add(buurt, title, start, now=NOW, **kwargs):
    page = make_activiteit(buurt, title, start, **kwargs)
    refresh_page(page, now=now)
    return page


def text_of(response):
    assert response.status_code == 200
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def items_of(response, title):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        " ".join(a.find_parent("li").get_text(" ").split()) for a in soup.select(".agenda__title a") if a.text == title
    ]


@pytest.fixture
def breiclub(clock, malburgen):
    return add(
        malburgen,
        "Breiclub",
        local(date(2027, 3, 3), 10),
        herhaling="FREQ=WEEKLY;BYDAY=WE",
        uitzonderingen=[(date(2027, 3, 31), "afgelast", "de zaal is dicht"), (date(2027, 4, 7), "vrij", "Pasen")],
    )


def test_reason_is_a_capitalised_sentence_with_one_full_stop():
    assert reden_zin("de zaal is dicht") == "De zaal is dicht."
    assert reden_zin("  De zaal is dicht.  ") == "De zaal is dicht."
    assert reden_zin("Waarom? Storm!") == "Waarom? Storm!"
    assert reden_zin("") == ""


def test_cancelled_date_stays_in_the_agendas_with_its_reason(client, breiclub, malburgen):
    for url in (malburgen.url, "/agenda/?buurt=malburgen"):
        items = items_of(client.get(url), "Breiclub")
        assert [i.split(",")[0] for i in items[:3]] == ["woensdag 24 maart", "woensdag 31 maart", "woensdag 14 april"]
        assert "Gaat niet door: De zaal is dicht." in items[1]
        assert "Gaat niet door" not in items[0] + items[2]


def test_cancelled_date_in_the_weekoverzicht_html_and_pdf(client, breiclub):
    soup = BeautifulSoup(client.get("/agenda/malburgen/weekoverzicht/?vanaf=2027-03-29").content, "html.parser")
    wednesday = " ".join(soup.find(id="dag-2027-03-31").find_parent("section").get_text(" ").split())
    assert "Breiclub Gaat niet door: De zaal is dicht." in wednesday
    response = client.get("/agenda/malburgen/weekoverzicht.pdf?vanaf=2027-03-29")
    pdf = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages).split())
    assert "Gaat niet door: De zaal is dicht." in pdf


def test_activity_page_tells_the_cancelled_date_once_and_the_next_real_date(client, breiclub):
    text = text_of(client.get(breiclub.url))
    assert text.count("Gaat niet door op woensdag 31 maart.") == 1
    assert "Gaat niet door op woensdag 31 maart. De zaal is dicht." in text
    assert "De volgende keer: woensdag 24 maart, 10.00 – 12.00 uur" in text
    assert "woensdag 31 maart, 10.00 – 12.00 uur – Gaat niet door: De zaal is dicht." in text


def test_next_time_skips_a_cancelled_date(client, clock, malburgen):
    page = add(
        malburgen,
        "Koor",
        local(date(2027, 3, 3), 19),
        herhaling="FREQ=WEEKLY;BYDAY=WE",
        uitzonderingen=[(date(2027, 3, 24), "afgelast", "")],
    )
    text = text_of(client.get(page.url))
    assert "De volgende keer: woensdag 31 maart" in text
    assert "Gaat niet door op woensdag 24 maart." in text


def test_activity_cancelled_for_good_says_so_once_and_no_next_time(client, clock, malburgen):
    page = add(
        malburgen,
        "Zangkoor",
        local(date(2027, 3, 3), 19),
        herhaling="FREQ=WEEKLY;BYDAY=WE",
        status="afgelast",
        status_reden="het koor stopt",
    )
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    (status,) = soup.select(".status")
    assert status.get_text(" ", strip=True) == "Deze activiteit gaat niet meer door. Het koor stopt."
    text = " ".join(soup.get_text(" ").split())
    assert "De volgende keer" not in text and "Zet in mijn agenda" not in text
    # The agendas show it once, at its next date, not every week.
    items = items_of(client.get(malburgen.url), "Zangkoor")
    assert len(items) == 1
    assert items[0].startswith("woensdag 24 maart") and "Gaat niet door: Het koor stopt." in items[0]


def test_home_deze_week_shows_a_cancelled_date(client, malburgen):
    # The home page lists the next few times from the real clock: this one starts in a few minutes.
    soon = (timezone.now() + timedelta(minutes=5)).astimezone(AMSTERDAM).replace(second=0, microsecond=0)
    add(
        malburgen,
        "Buurtsoep zo meteen",
        soon,
        now=timezone.now(),
        uitzonderingen=[(soon.date(), "afgelast", "de kok is ziek")],
    )
    section = BeautifulSoup(client.get("/").content, "html.parser").find(id="deze-week").find_parent("section")
    item = next(a.find_parent("li") for a in section.select(".agenda__title a") if a.text == "Buurtsoep zo meteen")
    assert "Gaat niet door: De kok is ziek." in " ".join(item.get_text(" ").split())


def test_ical_cancels_the_one_date_not_the_series(client, breiclub):
    cal = Calendar.from_ical(client.get(f"/agenda/ical/activiteit/{breiclub.pk}.ics").content)
    master, single = sorted(cal.walk("VEVENT"), key=lambda e: "RECURRENCE-ID" in e)
    assert master["STATUS"] == "CONFIRMED" and "RRULE" in master
    assert single["STATUS"] == "CANCELLED" and single["UID"] == master["UID"]
    assert single.decoded("RECURRENCE-ID") == local(date(2027, 3, 31), 10)
    assert str(single["SUMMARY"]) == "Gaat niet door: Breiclub"
    assert str(single["DESCRIPTION"]).startswith("Gaat niet door: De zaal is dicht.")


def test_ical_has_no_override_for_a_day_the_rule_does_not_give(client, breiclub):
    # An imported exception on a Thursday (the club meets on Wednesdays) would be a stray cancelled event.
    Uitzondering.objects.create(page=breiclub, datum=date(2027, 4, 1), soort="afgelast", reden="x")
    cal = Calendar.from_ical(client.get(f"/agenda/ical/activiteit/{breiclub.pk}.ics").content)
    ids = [e.decoded("RECURRENCE-ID").date() for e in cal.walk("VEVENT") if "RECURRENCE-ID" in e]
    assert ids == [date(2027, 3, 31)]


def test_dates_show_the_year_only_when_it_is_not_this_year(client, clock, malburgen):
    page = add(malburgen, "Nieuwjaarsborrel", local(date(2028, 1, 4), 16))
    item = items_of(client.get(malburgen.url), "Nieuwjaarsborrel")[0]
    assert item.startswith("dinsdag 4 januari 2028, 16.00 – 18.00 uur")
    assert "dinsdag 4 januari 2028" in text_of(client.get(page.url))
    soup = BeautifulSoup(client.get("/agenda/malburgen/weekoverzicht/?vanaf=2027-12-29").content, "html.parser")
    assert soup.find(id="dag-2027-12-31").get_text(strip=True) == "Vrijdag 31 december"
    assert soup.find(id="dag-2028-01-04").get_text(strip=True) == "Dinsdag 4 januari 2028"
    assert soup.h1.get_text(strip=True).endswith("tot en met dinsdag 4 januari 2028")
