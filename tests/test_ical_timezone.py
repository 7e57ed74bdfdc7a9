"""Repeating activities keep their local time across a DST change, read back with two independent libraries
(icalendar and vobject), compared with the portal's own dates."""

from datetime import UTC, date, datetime, timedelta
from itertools import islice
from zoneinfo import ZoneInfo

import pytest
import vobject
from dateutil.rrule import rrulestr
from icalendar import Calendar

from activiteiten.occurrences import compute
from activiteiten.recurrence import AMSTERDAM
from activiteiten.testing import local, make_activiteit
from activiteiten.vtimezone import amsterdam

from .agenda_support import clock  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

NOW = local(date(2026, 11, 23), 9)
# The next dates after the DST change of 28 March 2027 (and the one of 31 October 2027) to compare.
DATES_TO_COMPARE = 8


def portal_dates(page, count):
    """The times the portal itself shows (agenda, activity page), in UTC."""
    return [o.start.astimezone(UTC) for o in compute(page, NOW, NOW + timedelta(days=800))][:count]


def feed(client, page):
    response = client.get(f"/agenda/ical/activiteit/{page.pk}.ics")
    assert response.status_code == 200
    return response.content


def icalendar_dates(body, count):
    (event,) = [e for e in Calendar.from_ical(body).walk("VEVENT") if "RECURRENCE-ID" not in e]
    start = event.decoded("DTSTART")
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
    return [d.astimezone(UTC) for d in islice(rule, count)]


def vobject_dates(body, count):
    cal = vobject.readOne(body.decode())
    (event,) = [e for e in cal.vevent_list if not hasattr(e, "recurrence_id")]
    dates = []
    for moment in event.getrruleset(addRDate=True):
        dates.append(moment.astimezone(UTC))
        if len(dates) == count:
            break
    return dates


@pytest.mark.parametrize(
    "title, first, rule",
    [
        # Monthly on the 2nd Wednesday at 19.00: 10 March (winter), 14 April (summer), ... 10 November (winter).
        ("Alzheimercafé maandelijks", local(date(2027, 1, 13), 19), "FREQ=MONTHLY;BYDAY=2WE"),
        # Weekly on Sunday at 10.00, starting in winter: 28 March 2027 is itself the day of the change.
        ("Zondagswandeling", local(date(2027, 3, 14), 10), "FREQ=WEEKLY;BYDAY=SU"),
    ],
)
def test_repeating_activity_keeps_local_time_after_dst_in_both_libraries(client, presikhaaf, title, first, rule):
    page = make_activiteit(presikhaaf, title, first, herhaling=rule)
    body = feed(client, page)
    own = portal_dates(page, DATES_TO_COMPARE)
    assert {d.astimezone(AMSTERDAM).hour for d in own} == {first.hour}
    assert {d.utcoffset() for d in (o.astimezone(AMSTERDAM) for o in own)} == {
        timedelta(hours=1),
        timedelta(hours=2),
    }, "the dates compared must cross a DST change"
    assert icalendar_dates(body, DATES_TO_COMPARE) == own
    assert vobject_dates(body, DATES_TO_COMPARE) == own


def test_feed_time_zone_is_the_rule_form(client, presikhaaf):
    page = make_activiteit(
        presikhaaf, "Alzheimercafé", local(date(2027, 1, 13), 19), herhaling="FREQ=MONTHLY;BYDAY=2WE"
    )
    (tz,) = Calendar.from_ical(feed(client, page)).walk("VTIMEZONE")
    assert str(tz["TZID"]) == "Europe/Amsterdam"
    parts = {c.name: c for c in tz.subcomponents}
    assert set(parts) == {"DAYLIGHT", "STANDARD"}
    for part in parts.values():
        assert "RRULE" in part and "RDATE" not in part


def test_the_rule_gives_the_same_changes_as_the_zoneinfo_database():
    """Every DST change from 1996 to 2037 that the rule gives is the one Python's zoneinfo knows."""
    zone = ZoneInfo("Europe/Amsterdam")
    tz = amsterdam()
    changes = {}
    for part in tz.subcomponents:
        start = part.decoded("DTSTART")
        offset_from = part.decoded("TZOFFSETFROM")
        rule = rrulestr(part["RRULE"].to_ical().decode(), dtstart=start)
        for local_change in rule.between(datetime(1996, 1, 1), datetime(2038, 1, 1)):
            changes[(local_change - offset_from).replace(tzinfo=UTC)] = part.decoded("TZOFFSETTO")
    assert len(changes) == 2 * (2037 - 1996 + 1)
    for moment, offset in changes.items():
        assert (moment - timedelta(seconds=1)).astimezone(zone).utcoffset() != offset
        assert moment.astimezone(zone).utcoffset() == offset
