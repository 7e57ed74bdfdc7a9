"""The .ics feeds parse back with icalendar and hold the right dates; JSON-LD on activity pages."""

import json
from datetime import UTC, date, datetime

import pytest
from bs4 import BeautifulSoup
from dateutil.rrule import rrulestr
from icalendar import Calendar

from activiteiten.models import ActiviteitPage, BuurtPage
from activiteiten.recurrence import AMSTERDAM
from activiteiten.testing import local, make_activiteit

from .agenda_support import clock  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

NOW = local(date(2026, 11, 23), 9)


@pytest.fixture
def breiclub(presikhaaf):
    return make_activiteit(
        presikhaaf,
        "Breiclub Klimop",
        local(date(2026, 12, 1), 10),
        herhaling="FREQ=WEEKLY;BYDAY=TU;UNTIL=20270330T235959",
        uitzonderingen=[(date(2026, 12, 29), "vrij", "kerstvakantie"), (date(2026, 12, 8), "afgelast", "Docent ziek.")],
        categorie="cultuur",
        kosten="gratis",
    )


def get_calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def events(cal, summary_contains):
    return [e for e in cal.walk("VEVENT") if summary_contains in str(e["SUMMARY"])]


def test_activity_ics_has_rule_exdate_cancellation_location_and_url(client, breiclub):
    cal = get_calendar(client, f"/agenda/ical/activiteit/{breiclub.pk}.ics")
    master, cancelled = sorted(events(cal, "Breiclub Klimop"), key=lambda e: "RECURRENCE-ID" in e)
    start = master.decoded("DTSTART")
    assert start == datetime(2026, 12, 1, 10, tzinfo=AMSTERDAM)
    assert str(master["DTSTART"].params["TZID"]) == "Europe/Amsterdam"
    assert master.decoded("DTEND") == datetime(2026, 12, 1, 12, tzinfo=AMSTERDAM)
    assert master["STATUS"] == "CONFIRMED"
    rule = master["RRULE"].to_ical().decode()
    assert "FREQ=WEEKLY" in rule and "BYDAY=TU" in rule and "UNTIL=20270330T215959Z" in rule
    exdates = (
        [d.dt for d in master["EXDATE"].dts]
        if not isinstance(master["EXDATE"], list)
        else [d.dt for ex in master["EXDATE"] for d in ex.dts]
    )
    assert exdates == [datetime(2026, 12, 29, 10, tzinfo=AMSTERDAM)]
    assert "Grote zaal" in str(master["LOCATION"])
    assert str(master["URL"]).endswith(breiclub.url)
    assert "Elke dinsdag van 10.00 tot 12.00 uur" in str(master["DESCRIPTION"])
    # The single cancelled time.
    assert cancelled["STATUS"] == "CANCELLED"
    assert cancelled.decoded("RECURRENCE-ID") == datetime(2026, 12, 8, 10, tzinfo=AMSTERDAM)
    assert cancelled["UID"] == master["UID"]
    # The dates the calendar app will show: expand RRULE minus EXDATE.
    rule_set = rrulestr(rule, dtstart=start)
    dates = [d for d in rule_set if d.astimezone(AMSTERDAM) not in exdates][:6]
    assert [d.astimezone(AMSTERDAM).date() for d in dates] == [
        date(2026, 12, 1),
        date(2026, 12, 8),
        date(2026, 12, 15),
        date(2026, 12, 22),
        date(2027, 1, 5),
        date(2027, 1, 12),
    ]
    assert all(d.astimezone(AMSTERDAM).hour == 10 for d in dates)
    assert cal.walk("VTIMEZONE")[0]["TZID"] == "Europe/Amsterdam"


def test_cancelled_activity_has_status_cancelled(client, presikhaaf):
    page = make_activiteit(
        presikhaaf,
        "Zangkoor",
        local(date(2026, 12, 2), 19),
        herhaling="FREQ=WEEKLY;BYDAY=WE",
        status="afgelast",
        status_reden="Het koor stopt.",
    )
    (event,) = get_calendar(client, f"/agenda/ical/activiteit/{page.pk}.ics").walk("VEVENT")
    assert event["STATUS"] == "CANCELLED"
    assert str(event["SUMMARY"]) == "Afgelast: Zangkoor"


def test_buurt_categorie_and_site_feeds(client, breiclub):
    buurt_cal = get_calendar(client, "/agenda/ical/buurt/presikhaaf.ics")
    summaries = {str(e["SUMMARY"]) for e in buurt_cal.walk("VEVENT")}
    assert "Breiclub Klimop" in summaries and "Koffieochtend in De Klimop" in summaries
    assert "Repair Café Malburgen" not in summaries  # another buurt
    assert str(buurt_cal["X-WR-CALNAME"]) == "Agenda Presikhaaf"

    cultuur = get_calendar(client, "/agenda/ical/categorie/cultuur.ics")
    slugs = {str(e["URL"]).rstrip("/").rsplit("/", 1)[-1] for e in cultuur.walk("VEVENT")}
    assert "breiclub-klimop" in slugs
    assert set(
        ActiviteitPage.objects.filter(slug__in=slugs, locale=breiclub.locale).values_list("categorie", flat=True)
    ) == {"cultuur"}

    site = get_calendar(client, "/agenda/ical/alles.ics")
    masters = [e for e in site.walk("VEVENT") if "RECURRENCE-ID" not in e]
    site_summaries = {str(e["SUMMARY"]) for e in masters}
    assert {"Breiclub Klimop", "Koffieochtend in De Klimop", "Repair Café Malburgen"} <= site_summaries
    assert len({str(e["UID"]) for e in masters}) == len(masters)


def test_unknown_feed_is_404(client):
    assert client.get("/agenda/ical/buurt/nergenshuizen.ics").status_code == 404
    assert client.get("/agenda/ical/categorie/dansen.ics").status_code == 404
    assert client.get("/agenda/ical/activiteit/999999.ics").status_code == 404


def test_one_off_in_feed_has_no_rrule_and_right_time_in_summer(client, presikhaaf):
    page = make_activiteit(presikhaaf, "Zomerfeest", local(date(2027, 7, 3), 14), eind=local(date(2027, 7, 3), 17))
    (event,) = get_calendar(client, f"/agenda/ical/activiteit/{page.pk}.ics").walk("VEVENT")
    assert "RRULE" not in event
    assert event.decoded("DTSTART").astimezone(UTC) == datetime(2027, 7, 3, 12, tzinfo=UTC)


def json_ld(client, page):
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    (script,) = soup.find_all("script", type="application/ld+json")
    return json.loads(script.string)


def test_json_ld_event_with_schedule(client, breiclub):
    data = json_ld(client, breiclub)
    assert data["@type"] == "Event"
    assert data["name"] == "Breiclub Klimop"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["startDate"] == "2026-12-01T10:00:00+01:00"
    assert data["location"]["name"] == "Grote zaal"
    schedule = data["eventSchedule"]
    assert schedule["repeatFrequency"] == "P1W"
    assert schedule["byDay"] == "https://schema.org/Tuesday"
    assert schedule["startTime"] == "10:00" and schedule["endTime"] == "12:00"
    assert schedule["endDate"] == "2027-03-30"
    assert schedule["exceptDate"] == ["2026-12-08", "2026-12-29"]
    assert data["isAccessibleForFree"] is True


def test_json_ld_cancelled_and_address_of_voorziening(client, presikhaaf):
    page = ActiviteitPage.objects.get(slug="alzheimercafe-arnhem-oost", locale=presikhaaf.locale)
    data = json_ld(client, page)
    assert data["eventSchedule"]["byMonthWeek"] == 2
    assert data["location"]["address"]["addressLocality"] == "Arnhem"
    page.status = "afgelast"
    page.save_revision().publish()
    page = ActiviteitPage.objects.get(pk=page.pk)
    assert json_ld(client, page)["eventStatus"] == "https://schema.org/EventCancelled"


def test_a_very_big_feed_holds_the_activities_that_come_first_and_says_so(client, settings):
    from activiteiten.models_occurrence import Occurrence

    settings.AGENDA_FEED_MAX = 3
    nl = BuurtPage.objects.get(slug="presikhaaf", locale__language_code="nl").locale
    first = []
    for page_id in Occurrence.objects.filter(locale=nl, afgelast=False, start__gte=NOW).values_list(
        "page_id", flat=True
    ):
        if page_id not in first:
            first.append(page_id)
    assert len(first) > 3
    site = get_calendar(client, "/agenda/ical/alles.ics")
    masters = [e for e in site.walk("VEVENT") if "RECURRENCE-ID" not in e]
    expected = ActiviteitPage.objects.filter(pk__in=first[:3])
    assert sorted(str(e["SUMMARY"]).removeprefix("Afgelast: ") for e in masters) == sorted(p.title for p in expected)
    assert "de 3 activiteiten die het eerst komen" in str(site["X-WR-CALDESC"])
    feed = get_calendar(client, "/agenda/ical/buurt/presikhaaf.ics")
    assert len([e for e in feed.walk("VEVENT") if "RECURRENCE-ID" not in e]) == 3
    settings.AGENDA_FEED_MAX = 1000
    assert "X-WR-CALDESC" not in get_calendar(client, "/agenda/ical/alles.ics")
