"""The Europe/Amsterdam VTIMEZONE of the feeds, in the rule form (STANDARD/DAYLIGHT with an RRULE each).

icalendar's ``add_missing_timezones()`` writes the list-of-dates form (one RDATE per change, only for the
years it was asked for). Some readers (vobject, and calendar apps that follow it) then get the offset of a
repeating event wrong after the last listed change: a monthly activity read an hour late after
28 March 2027. The rule form says what every year does, so every client gets every year right.

The rule is the EU's since 1996: summer time from the last Sunday of March 02.00 (CET) to the last Sunday of
October 03.00 (CEST). ``tests/test_ical_timezone.py`` checks it against the zoneinfo database year by year.
"""

from datetime import datetime, timedelta

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

TZID = "Europe/Amsterdam"
CET = timedelta(hours=1)
CEST = timedelta(hours=2)
# First year of the current EU rule (the October change moved to the last Sunday in 1996).
RULE_SINCE = 1996


def _part(component, name, start, offset_from, offset_to, month):
    component.add("tzname", name)
    component.add("dtstart", start)  # local time before the change, no TZID (RFC 5545 3.6.5)
    component.add("tzoffsetfrom", offset_from)
    component.add("tzoffsetto", offset_to)
    component.add("rrule", vRecur(freq="YEARLY", bymonth=month, byday="-1SU"))
    return component


def amsterdam():
    """A fresh VTIMEZONE component for Europe/Amsterdam."""
    tz = Timezone()
    tz.add("tzid", TZID)
    # Last Sunday of March and of October 1996 (the DTSTART of a rule must be one of its own dates).
    tz.add_component(_part(TimezoneDaylight(), "CEST", datetime(RULE_SINCE, 3, 31, 2), CET, CEST, 3))
    tz.add_component(_part(TimezoneStandard(), "CET", datetime(RULE_SINCE, 10, 27, 3), CEST, CET, 10))
    return tz
