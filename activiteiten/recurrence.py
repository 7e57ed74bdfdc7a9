"""Recurrence rules (iCalendar RRULE) with python-dateutil, in Europe/Amsterdam local time.

Rules are expanded on naive local wall-clock times and localised afterwards, so that
"every Tuesday at 10:00" stays at 10:00 across daylight-saving changes.

This module is the one place for what a rule may be. The editor's form, the CSV importers and the
occurrence refresh all go through ``parse_rule``; what it refuses can take no server down:

* only the frequencies an agenda needs (ALLOWED_FREQS): at most one time per day, because the parts
  that would add more times in a day (BYHOUR, BYMINUTE, BYSECOND) are not allowed either;
* at most MAX_OCCURRENCES times (COUNT) and no INTERVAL above MAX_INTERVAL;
* dates between EARLIEST_DATE and MAX_YEARS_AHEAD years from today (the first time, UNTIL, exceptions);
* a rule must give its first time within MAX_YEARS_AHEAD years of the start. dateutil walks period after
  period until the year 9999 when a rule never matches (such as the 30th of February), which takes
  seconds per activity; the check below walks at most one Gregorian cycle (see ``first_time``).
"""

import logging
from collections import deque
from datetime import MAXYEAR, date, datetime, timedelta
from functools import lru_cache
from itertools import islice
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from dateutil.rrule import DAILY, rrule, rrulestr
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ALLOWED_PARTS = {
    "FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "WKST",
    "BYWEEKNO", "BYYEARDAY",
}  # fmt: skip
# The weekday codes of BYDAY, Monday first (as date.weekday() counts).
DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# An agenda lists days: an activity comes back every day, week, month or year. HOURLY, MINUTELY and
# SECONDLY are refused: one FREQ=MINUTELY activity added 164,499 rows to the agenda (issue 15).
ALLOWED_FREQS = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
# The most times one activity may have: every day for ten years (the furthest an editor may plan,
# MAX_YEARS_AHEAD). It bounds COUNT and every expansion of a rule (rows stored, dates computed).
MAX_OCCURRENCES = 3660
# "Every 52 weeks" is the longest pause an agenda needs; larger intervals only make dateutil walk
# through more empty periods.
MAX_INTERVAL = 52
# Dates before 2000 are typing mistakes (0001-01-01 was typed in the admin): the portal lists
# activities of today and later, and no activity in it started before 2000.
EARLIEST_DATE = date(2000, 1, 1)
# Nobody plans an activity more than ten years ahead; 9999-12-31 is a typing mistake, and a rule
# expanded that far is work without use.
MAX_YEARS_AHEAD = 10
# The Gregorian calendar repeats every 400 years, weekdays and leap years included.
GREGORIAN_CYCLE_YEARS = 400
# How many rules (with their first time) keep their check result in memory per process.
CHECKED_RULES_CACHE = 10_000
# A time without an end lasts this long, in the agenda, the iCal feeds and the search alike.
DEFAULT_DURATION = timedelta(hours=1)


class RecurrenceError(ValueError):
    """A rule or date that is refused, with a message in the reader's language."""


def latest_date(today=None):
    """The last date an activity, a series (UNTIL) or an exception may have."""
    today = today or timezone.localdate()
    return today + relativedelta(years=MAX_YEARS_AHEAD)


def check_date(value, today=None, label=None):
    """Raise RecurrenceError when the date (or datetime) `value` lies outside the dates the portal accepts.

    `label` names the date in the message ("De einddatum (UNTIL)"); by default "De datum"."""
    day = value.date() if isinstance(value, datetime) else value
    last = latest_date(today)
    if day < EARLIEST_DATE or day > last:
        raise RecurrenceError(
            _("%(wat)s %(datum)s kan niet. Kies een datum tussen %(eerste)s en %(laatste)s.")
            % {
                "wat": label or _("De datum"),
                "eerste": formats.date_format(EARLIEST_DATE, "j F Y"),
                "datum": formats.date_format(day, "j F Y"),
                "laatste": formats.date_format(last, "j F Y"),
            }
        )
    return value


def validate_date_in_range(value):
    """Model- and form-field validator for check_date."""
    if value is None:
        return
    try:
        check_date(value)
    except RecurrenceError as exc:
        raise ValidationError(str(exc), code="date_out_of_range") from exc


def normalise_rule(value):
    """Strip an optional 'RRULE:' prefix and spaces; upper-case."""
    value = (value or "").strip()
    if value.upper().startswith("RRULE:"):
        value = value[6:]
    return value.replace(" ", "").upper()


def rule_parts(value):
    """'FREQ=WEEKLY;BYDAY=TU' -> {'FREQ': 'WEEKLY', 'BYDAY': 'TU'} (no checks)."""
    return dict(part.partition("=")[::2] for part in normalise_rule(value).split(";") if part)


def _number(parts, name, low, high, message):
    if name not in parts:
        return
    value = parts[name]
    if not (value.isascii() and value.isdigit()) or not low <= int(value) <= high:
        raise RecurrenceError(message % {"value": value, "low": low, "high": high})


def _check_parts(value):
    """The rule's parts, checked one by one (no dates yet). Raises RecurrenceError."""
    if not value:
        raise RecurrenceError(_("De herhaling is leeg."))
    parts = {}
    for part in value.split(";"):
        if not part:
            continue
        if "=" not in part:
            raise RecurrenceError(_("‘%(part)s’ is geen onderdeel van de vorm NAAM=WAARDE.") % {"part": part})
        name, _sep, val = part.partition("=")
        if name not in ALLOWED_PARTS:
            raise RecurrenceError(_("‘%(name)s’ kennen we niet in een herhaling.") % {"name": name})
        parts[name] = val
    if "FREQ" not in parts:
        raise RecurrenceError(_("FREQ ontbreekt (bijvoorbeeld FREQ=WEEKLY)."))
    if parts["FREQ"] not in ALLOWED_FREQS:
        raise RecurrenceError(
            _(
                "FREQ=%(freq)s kan niet. Een activiteit komt elke dag, week, maand of jaar terug, "
                "niet vaker dan één keer per dag: kies DAILY, WEEKLY, MONTHLY of YEARLY."
            )
            % {"freq": parts["FREQ"]}
        )
    if "COUNT" in parts and "UNTIL" in parts:
        raise RecurrenceError(_("Gebruik COUNT of UNTIL, niet allebei."))
    _number(
        parts,
        "INTERVAL",
        1,
        MAX_INTERVAL,
        _("INTERVAL=%(value)s kan niet: kies een getal van %(low)s tot en met %(high)s."),
    )
    _number(
        parts,
        "COUNT",
        1,
        MAX_OCCURRENCES,
        _("COUNT=%(value)s kan niet: kies een getal van %(low)s tot en met %(high)s."),
    )
    return parts


def _shift(value, years):
    return value.replace(year=value.year + years) if value is not None else None


def first_time(rule):
    """The rule's first time, or None when it has none in the MAX_YEARS_AHEAD years after its start.

    dateutil looks for the first time period by period and only stops at the year 9999. The
    calendar repeats every GREGORIAN_CYCLE_YEARS, so the same rule started a whole number of cycles
    later has its times on the same weekdays and dates: the search runs there, close to 9999, and
    so walks at most one cycle (a fifth of a second for a daily rule that never matches).
    """
    start = rule._dtstart
    room = MAXYEAR - MAX_YEARS_AHEAD - 1 - start.year
    years = max(room // GREGORIAN_CYCLE_YEARS, 0) * GREGORIAN_CYCLE_YEARS
    probe = rule.replace(dtstart=_shift(start, years), until=_shift(rule._until, years))
    first = next(iter(probe), None)
    if first is None:
        return None
    first = _shift(first, -years)
    return first if first <= start + relativedelta(years=MAX_YEARS_AHEAD) else None


def _build(value, dtstart):
    try:
        rule = rrulestr(value, dtstart=dtstart, ignoretz=True)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as exc:
        raise RecurrenceError(_("Deze herhaling is geen geldige iCalendar-regel: %(error)s") % {"error": exc}) from exc
    if not isinstance(rule, rrule):
        raise RecurrenceError(_("Geef één regel, zonder DTSTART of EXDATE."))
    return rule


# Per process, and safe: the answer depends only on the arguments (today is one of them), so no other
# process has to learn anything when it changes.
@lru_cache(maxsize=CHECKED_RULES_CACHE)
def _problem(value, dtstart, today, language):
    """The reason why rule `value` (normalised) from naive local `dtstart` is refused, or ''.

    Kept per day (`today`: the date bounds move) and per `language` (the message is translated)."""
    try:
        _check_parts(value)
        rule = _build(value, dtstart)
        if rule._until is not None:
            check_date(rule._until, today, _("De einddatum (UNTIL)"))
            if sum(1 for _time in islice(rule, MAX_OCCURRENCES + 1)) > MAX_OCCURRENCES:
                return _("Deze herhaling geeft meer dan %(n)s keer. Kies een eerdere einddatum.") % {
                    "n": MAX_OCCURRENCES
                }
        if first_time(rule) is None:
            return _(
                "Deze herhaling geeft geen datum in de %(n)s jaar na het begin. Kijk of de dagen en de einddatum kloppen."
            ) % {"n": MAX_YEARS_AHEAD}
    except RecurrenceError as exc:
        return str(exc)
    return ""


def parse_rule(value, dtstart):
    """Return a dateutil rrule for `value` starting at naive local `dtstart`.

    Raises RecurrenceError (a ValueError) with a message in the active language when the rule is refused.
    """
    value = normalise_rule(value)
    problem = _problem(value, dtstart, timezone.localdate(), get_language())
    if problem:
        raise RecurrenceError(problem)
    return _build(value, dtstart)


def check_rule_from(value, start):
    """Raise RecurrenceError when rule `value` is refused from the first time `start` (aware or naive
    local). A `start` outside the accepted dates is left to the start field's own check."""
    if not value or not start:
        return
    try:
        check_date(start)
    except RecurrenceError:
        return
    parse_rule(value, to_local_naive(start))


def usable_rule(value, start):
    """`value` when the rule is accepted from the first time `start` (aware or naive local), else "".

    A rule stored before the rules were bounded (such as FREQ=SECONDLY) is not expanded: the activity
    counts as its first time only, everywhere (agenda, page, iCal), and the log says which rule.
    """
    if not value:
        return ""
    try:
        parse_rule(value, to_local_naive(start))
    except (RecurrenceError, OverflowError) as exc:
        logger.warning("De herhaling %r (begin %s) wordt niet uitgerekend: %s", value, start, exc)
        return ""
    return value


def weekdays(rule_text, start):
    """The weekdays (0 = Monday) on which an activity with first time `start` (aware or naive local) and rule
    `rule_text` takes place: the days the rule names (BYDAY; '2WE' is a Wednesday), the weekday of the first
    time for a one-off and for a weekly rule without BYDAY, all seven for a daily rule. Empty when the rule
    ties its times to dates instead (a monthly rule on the 22nd falls on any day). A refused rule counts as
    its first time only, as everywhere (usable_rule)."""
    local = to_local_naive(start)
    rule_text = usable_rule(rule_text, start)
    if not rule_text:
        return frozenset({local.weekday()})
    # dateutil has read the rule: BYDAY without a number, BYDAY with one, and the weekday of the first time
    # that it fills in for a weekly rule without BYDAY.
    rule = _build(normalise_rule(rule_text), local)
    days = set(rule._byweekday or ()) | {day for day, _n in rule._bynweekday or ()}
    by_date = rule._bymonthday or rule._bynmonthday or rule._byyearday or rule._byweekno or rule._byeaster
    if not days and rule._freq == DAILY and not by_date:
        days = set(range(len(DAY_CODES)))
    return frozenset(days)


def validate_rrule(value):
    """Model-field validator: the parts of the RRULE text are accepted. What depends on the first time
    (UNTIL, a first date within reach) is checked with parse_rule where the start is known."""
    if not value:
        return
    value = normalise_rule(value)
    try:
        _check_parts(value)
        _build(value, datetime(2026, 1, 1, 10, 0))
    except RecurrenceError as exc:
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
    parts = rule_parts(rule_text)
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


def duration_of(start, end):
    """How long each time lasts: from `start` to `end` (aware or naive local), never less than nothing;
    DEFAULT_DURATION without an end."""
    if not end:
        return DEFAULT_DURATION
    return max(to_local_naive(end) - to_local_naive(start), timedelta(0))


def series_end(start, end, rule_text):
    """When the last time ends (aware), or None when the series goes on without end. The one rule for
    "is this activity over": the agenda's feeds (ical.py) and the search (search/docindex.py) use it.

    A one-off ends at its end; a rule with COUNT or UNTIL at the end of its last time; a rule without
    either goes on. A refused rule counts as the first time only, as everywhere (`usable_rule`)."""
    local_start = to_local_naive(start)
    last = local_start
    rule_text = usable_rule(rule_text, start)
    if rule_text:
        rule = _build(normalise_rule(rule_text), local_start)
        if rule._count is None and rule._until is None:
            return None
        # the last of at most MAX_OCCURRENCES times (parse_rule bounds COUNT and UNTIL)
        last = next(iter(deque(rule, maxlen=1)), local_start)
    return localise(last + duration_of(start, end))


def expand(start, end, rule_text, window_start, window_end, exdates=()):
    """Yield (start, end) aware datetimes of the occurrences that overlap [window_start, window_end).

    `start` and `end` are the first occurrence (aware or naive local). `exdates` are local dates
    (datetime.date) on which the activity does not take place. At most MAX_OCCURRENCES times.
    Raises RecurrenceError for a rule that is refused (see parse_rule).
    """
    local_start = to_local_naive(start)
    duration = duration_of(local_start, end)
    excluded = set(exdates)
    win_start = to_local_naive(window_start)
    win_end = to_local_naive(window_end)
    if not rule_text:
        candidates = [local_start]
    else:
        parse_rule(rule_text, local_start)  # refuses what could take long before any time is computed
        rule = _build(normalise_rule(rule_text), fast_forward(rule_text, local_start, win_start - duration))
        candidates = islice(rule.xafter(win_start - duration, inc=True), MAX_OCCURRENCES)
    for occ in candidates:
        if occ >= win_end:
            break
        occ_end = occ + duration
        overlaps = occ_end > win_start or (not duration and occ >= win_start)
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
