"""Is a place open now? From its opening hours, the Dutch public holidays and its own closing periods.

Everything is worked out in Europe/Amsterdam wall-clock time, so a place that opens at 9.00 opens at 9.00 on
both sides of a change to or from summer time. The text is worked out per request (``status``), never stored.
A page cache can keep a page until ``next_change(place, now)``: the next minute the text changes (an opening
or closing minute, or local midnight, when "morgen" becomes "vandaag").
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from portal.pagecache import tags as page_cache_tags

from .feestdagen import feestdagen
from .openingstijden import DAG_CHOICES
from .recurrence import AMSTERDAM
from .rrule_text import clock

# How far ahead to look for the next opening: a closing period (a renovation) can last months.
LOOKAHEAD_DAYS = 400
# "Maandag open om 9.00 uur" names the weekday within a week; further ahead the date is named.
WEEKDAY_NAMED_DAYS = 7
# The JSON-LD lists the holidays and closing periods of the coming year.
SPECIAL_HOURS_DAYS = 366


@dataclass(frozen=True)
class Status:
    open: bool
    text: str


class Week:
    """A place's opening hours and closed days, read once (prefetched rows are used as they are)."""

    def __init__(self, place):
        self.slots = sorted(((o.dag, o.open, o.dicht) for o in place.openingstijden.all()), key=lambda s: s[:2])
        self.periodes = [(p.van, p.tot_en_met, p.reden) for p in place.sluitingsperiodes.all()]
        self._feestdagen = {}

    def feestdag(self, day):
        if day.year not in self._feestdagen:
            self._feestdagen[day.year] = feestdagen(day.replace(month=1, day=1), day.replace(month=12, day=31))
        return self._feestdagen[day.year].get(day)

    def gesloten_reden(self, day):
        """Why the place is closed all of `day` (a closing period, else a public holiday), or None."""
        for van, tot_en_met, reden in self.periodes:
            if van <= day <= tot_en_met:
                return reden or _("gesloten")
        return self.feestdag(day)

    def tijden(self, day):
        """[(open, dicht)] on `day`, empty when closed all day."""
        if self.gesloten_reden(day) is not None:
            return []
        return [(start, end) for dag, start, end in self.slots if dag == day.weekday()]


def _local(now):
    return (now or timezone.now()).astimezone(AMSTERDAM)


def _aware(day, moment):
    return datetime.combine(day, moment, tzinfo=AMSTERDAM)


def _next_opening(week, local):
    """The next local moment the place opens after `local`, or None."""
    for offset in range(LOOKAHEAD_DAYS):
        day = local.date() + timedelta(days=offset)
        for start, _end in week.tijden(day):
            if offset or start > local.time():
                return _aware(day, start)
    return None


def _open_text(when, local):
    days = (when.date() - local.date()).days
    values = {"time": clock(when.time())}
    if days == 0:
        return _("Vandaag weer open om %(time)s uur.") % values
    if days == 1:
        return _("Morgen open om %(time)s uur.") % values
    if days < WEEKDAY_NAMED_DAYS:
        values["day"] = str(DAG_CHOICES[when.weekday()][1]).capitalize()
        return _("%(day)s open om %(time)s uur.") % values
    values["date"] = formats.date_format(when.date(), "l j F")
    return _("Weer open op %(date)s om %(time)s uur.") % values


def status(place, now=None, week=None):
    """A Status for residents ("Nu open, tot 17.00 uur."), or None when the place has no opening hours.

    A page that shows this text is cached only until the text changes (``next_change``, told to the page cache:
    portal/pagecache/tags.py ``expire_at``), so no process serves "Nu open" after closing time."""
    week = week or Week(place)
    if not week.slots:
        return None
    page_cache_tags.expire_at(next_change(place, now, week))
    local = _local(now)
    today = local.date()
    for start, end in week.tijden(today):
        if start <= local.time() < end:
            return Status(True, _("Nu open, tot %(time)s uur.") % {"time": clock(end)})
    opening = _next_opening(week, local)
    reden = week.gesloten_reden(today)
    if reden is not None:
        text = _("Vandaag gesloten (%(reason)s).") % {"reason": reden}
    else:
        text = _("Gesloten.")
    return Status(False, f"{text} {_open_text(opening, local)}" if opening else text)


def next_change(place, now=None, week=None):
    """The next moment (aware) at which ``status`` may give another text: the next opening or closing minute,
    or the next local midnight (the wording names "vandaag" and "morgen"). For a page cache's expiry."""
    week = week or Week(place)
    local = _local(now)
    midnight = _aware(local.date() + timedelta(days=1), datetime.min.time())
    moments = [midnight]
    for start, end in week.tijden(local.date()):
        moments.extend(m for m in (_aware(local.date(), start), _aware(local.date(), end)) if m > local)
    return min(moments)


def earliest_change(places, now=None):
    """``next_change`` of a list of places: when a list with "open now" texts must be worked out again."""
    return min((next_change(place, now) for place in places), default=None)


def is_open(place, now=None):
    result = status(place, now)
    return result is not None and result.open


def komende_sluitingen(place, now=None, days=SPECIAL_HOURS_DAYS):
    """[(van, tot_en_met, reden)] of the place's closing periods and the public holidays from today on, sorted."""
    today = _local(now).date()
    last = today + timedelta(days=days)
    periods = [(v, t, r) for v, t, r in Week(place).periodes if t >= today and v <= last]
    periods += [(day, day, name) for day, name in feestdagen(today, last).items()]
    return sorted(periods)


def plek_context(request, place):
    """What a place page shows about now: the open-now text and the coming closing periods (per request)."""
    from .agenda import now as agenda_now
    from .jsonld_plaats import place_json_ld

    now = agenda_now()
    return {
        "open_nu": status(place, now),
        "sluitingen": sorted((v, t, r) for v, t, r in Week(place).periodes if t >= _local(now).date()),
        "json_ld": place_json_ld(place, request, now),
    }
