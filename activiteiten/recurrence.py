"""Recurrence rules (iCalendar RRULE) with python-dateutil, in Europe/Amsterdam local time.

Rules are expanded on naive local wall-clock times and localised afterwards, so that
"every Tuesday at 10:00" stays at 10:00 across daylight-saving changes.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrule, rrulestr
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ALLOWED_PARTS = {
    "FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "WKST",
    "BYWEEKNO", "BYYEARDAY",
}  # fmt: skip


def normalise_rule(value):
    """Strip an optional 'RRULE:' prefix and spaces; upper-case."""
    value = (value or "").strip()
    if value.upper().startswith("RRULE:"):
        value = value[6:]
    return value.replace(" ", "").upper()


def parse_rule(value, dtstart):
    """Return a dateutil rrule for `value` starting at naive local `dtstart`.

    Raises ValueError with a Dutch message when the rule is not valid.
    """
    value = normalise_rule(value)
    if not value:
        raise ValueError(_("De herhaling is leeg."))
    parts = {}
    for part in value.split(";"):
        if not part:
            continue
        if "=" not in part:
            raise ValueError(_("‘%(part)s’ is geen onderdeel van de vorm NAAM=WAARDE.") % {"part": part})
        name, _sep, val = part.partition("=")
        if name not in ALLOWED_PARTS:
            raise ValueError(_("‘%(name)s’ kennen we niet in een herhaling.") % {"name": name})
        parts[name] = val
    if "FREQ" not in parts:
        raise ValueError(_("FREQ ontbreekt (bijvoorbeeld FREQ=WEEKLY)."))
    if "COUNT" in parts and "UNTIL" in parts:
        raise ValueError(_("Gebruik COUNT of UNTIL, niet allebei."))
    try:
        rule = rrulestr(value, dtstart=dtstart, ignoretz=True)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise ValueError(_("Deze herhaling is geen geldige iCalendar-regel: %(error)s") % {"error": exc}) from exc
    if not isinstance(rule, rrule):
        raise ValueError(_("Geef één regel, zonder DTSTART of EXDATE."))
    return rule


def validate_rrule(value):
    """Model-field validator: the RRULE text must parse."""
    if not value:
        return
    try:
        parse_rule(value, datetime(2026, 1, 1, 10, 0))
    except ValueError as exc:
        raise ValidationError(
            _("Ongeldige herhaling ‘%(value)s’. %(reason)s Voorbeeld: FREQ=WEEKLY;BYDAY=TU"),
            params={"value": value, "reason": str(exc)},
            code="invalid_rrule",
        ) from exc


def to_local_naive(value):
    if value.tzinfo is not None:
        value = value.astimezone(AMSTERDAM)
    return value.replace(tzinfo=None)


def localise(naive):
    """Attach Europe/Amsterdam to a naive local time (fold=0 for the repeated hour in autumn)."""
    return naive.replace(tzinfo=AMSTERDAM)


def fast_forward(rule_text, local_start, before):
    """A later first time with the same times from `before` on, or `local_start` itself.

    dateutil iterates from the first time on, so a weekly rule that started years ago would walk
    through every past week on each refresh. Moving the start by whole periods (INTERVAL days, weeks
    or months) keeps the rule's phase and wall-clock time. Not for COUNT (it counts from the start).
    """
    if local_start >= before:
        return local_start
    parts = dict(p.partition("=")[::2] for p in normalise_rule(rule_text).split(";") if p)
    if "COUNT" in parts:
        return local_start
    interval = int(parts.get("INTERVAL") or 1)
    freq = parts.get("FREQ")
    if freq in ("DAILY", "WEEKLY"):
        step = interval * (7 if freq == "WEEKLY" else 1)
        periods = (before - local_start).days // step - 1
        return local_start + timedelta(days=periods * step) if periods > 0 else local_start
    if freq == "MONTHLY" and ("BYDAY" in parts or "BYMONTHDAY" in parts or local_start.day <= 28):
        months = (before.year - local_start.year) * 12 + before.month - local_start.month
        periods = months // interval - 1
        return local_start + relativedelta(months=periods * interval) if periods > 0 else local_start
    return local_start


def expand(start, end, rule_text, window_start, window_end, exdates=()):
    """Yield (start, end) aware datetimes of the occurrences that overlap [window_start, window_end).

    `start` and `end` are the first occurrence (aware or naive local). `exdates` are local dates
    (datetime.date) on which the activity does not take place.
    """
    local_start = to_local_naive(start)
    duration = to_local_naive(end) - local_start if end else timedelta(hours=1)
    if duration < timedelta(0):
        duration = timedelta(0)
    excluded = set(exdates)
    win_start = to_local_naive(window_start)
    win_end = to_local_naive(window_end)
    if not rule_text:
        candidates = [local_start]
    else:
        rule = parse_rule(rule_text, fast_forward(rule_text, local_start, win_start - duration))
        candidates = rule.between(win_start - duration, win_end, inc=True)
    for occ in candidates:
        occ_end = occ + duration
        overlaps = occ < win_end and (occ_end > win_start or (not duration and occ >= win_start))
        if overlaps and occ.date() not in excluded:
            yield localise(occ), localise(occ_end)


def days_without_occurrence(start, end, rule_text, days):
    """The dates among `days` on which the activity (first time `start`–`end`, rule `rule_text`) does not
    take place at all: an exception on such a day would change nothing, so the editor made a mistake."""
    missing = []
    for day in days:
        day_start = localise(datetime.combine(day, datetime.min.time()))
        day_end = localise(datetime.combine(day + timedelta(days=1), datetime.min.time()))
        if next(expand(start, end, rule_text, day_start, day_end), None) is None:
            missing.append(day)
    return missing
