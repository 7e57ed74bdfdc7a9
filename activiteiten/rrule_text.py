"""A recurrence rule as one short sentence in plain language (B1), in the active language.

    describe("FREQ=WEEKLY;BYDAY=TU", start, end)  ->  "Elke dinsdag van 10.00 tot 12.00 uur."
    describe("FREQ=MONTHLY;BYDAY=-1WE", ...)      ->  "Elke laatste woensdag van de maand van 14.00 tot 16.00 uur."

Dutch is the source text; the English words come from gettext (activiteiten/locale/en). A rule that
cannot be said simply gives None: show the list of next dates instead, never the RRULE text.
"""

from datetime import date, timedelta

from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .feestdagen import is_feestdag
from .recurrence import DAY_CODES, normalise_rule, parse_rule, to_local_naive
from .wording import datum

MAX_EXDATES = 4


def day_name(index):
    return [_("maandag"), _("dinsdag"), _("woensdag"), _("donderdag"), _("vrijdag"), _("zaterdag"), _("zondag")][index]


def join(items):
    """'a', 'a en b', 'a, b en c'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + _(" en ") + items[-1]


def ordinal(n):
    """2 -> '2e' (English: '2nd'); -1 -> 'laatste'; -2 -> 'voorlaatste'."""
    if n == -1:
        return _("laatste")
    if n == -2:
        return _("voorlaatste")
    if n < 0:
        raise ValueError(n)
    if (get_language() or "nl").startswith("en"):
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    return f"{n}e"


def clock(value):
    return _("%(uur)s.%(minuut)s") % {"uur": f"{value.hour:02d}", "minuut": f"{value.minute:02d}"}


def day_month(value, with_year=False):
    return formats.date_format(value, "j F Y" if with_year else "j F")


def _parts(rule_text):
    parts = {}
    for part in normalise_rule(rule_text).split(";"):
        if part:
            name, _sep, val = part.partition("=")
            parts[name] = val
    return parts


def _days(value):
    """'MO,TH' -> [(None, 0), (None, 3)]; '2WE' -> [(2, 2)]; None when not understood."""
    result = []
    for item in value.split(","):
        code = item[-2:]
        if code not in DAY_CODES:
            return None
        number = item[:-2]
        result.append((int(number) if number else None, DAY_CODES.index(code)))
    return result


def _weekday_phrase(days):
    """For days without a number: 'Elke werkdag', 'Elke dag', or 'dinsdag en vrijdag'."""
    indexes = sorted({d for _n, d in days})
    if indexes == list(range(5)):
        return "workdays"
    if indexes == list(range(7)):
        return "all"
    return join(day_name(i) for i in indexes)


def _monthly_phrase(days):
    """[(2, 2)] -> '2e woensdag'; [(1, 0), (3, 0)] -> '1e en 3e maandag'; mixed days -> '1e maandag en 3e woensdag'."""
    if any(n is None or n == 0 or n < -2 or n > 5 for n, _d in days):
        return None
    weekdays = {d for _n, d in days}
    if len(weekdays) == 1:
        numbers = sorted((n for n, _d in days), key=lambda n: n if n > 0 else 10 - n)
        return f"{join(ordinal(n) for n in numbers)} {day_name(days[0][1])}"
    return join(f"{ordinal(n)} {day_name(d)}" for n, d in days)


def _frequency(parts, start):
    """The first part of the sentence, without times; None when it cannot be said simply."""
    freq = parts.get("FREQ")
    interval = int(parts.get("INTERVAL", "1") or 1)
    allowed = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", "BYDAY", "BYMONTHDAY", "BYSETPOS", "BYMONTH"}
    if set(parts) - allowed or interval < 1:
        return None
    days = _days(parts["BYDAY"]) if "BYDAY" in parts else None
    if "BYDAY" in parts and days is None:
        return None
    if freq == "DAILY":
        if set(parts) & {"BYMONTHDAY", "BYSETPOS", "BYMONTH"}:
            return None
        if days:
            if interval != 1 or any(n for n, _d in days):
                return None
            freq = "WEEKLY"
        elif interval == 1:
            return _("Elke dag")
        else:
            return _("Om de %(n)s dagen") % {"n": interval}
    if freq == "WEEKLY":
        if set(parts) & {"BYMONTHDAY", "BYSETPOS", "BYMONTH"}:
            return None
        days = days or [(None, start.weekday())]
        if any(n for n, _d in days):
            return None
        phrase = _weekday_phrase(days)
        if interval == 1:
            if phrase == "workdays":
                return _("Elke werkdag")
            if phrase == "all":
                return _("Elke dag")
            return _("Elke %(dagen)s") % {"dagen": phrase}
        phrase = join(day_name(i) for i in sorted({d for _n, d in days}))
        if interval == 2:
            return _("Om de week op %(dagen)s") % {"dagen": phrase}
        return _("Om de %(n)s weken op %(dagen)s") % {"n": interval, "dagen": phrase}
    if freq == "MONTHLY":
        if "BYMONTH" in parts or ("BYDAY" in parts and "BYMONTHDAY" in parts):
            return None
        if days:
            if "BYSETPOS" in parts:
                if any(n for n, _d in days) or len({d for _n, d in days}) != 1:
                    return None
                days = [(int(p), days[0][1]) for p in parts["BYSETPOS"].split(",")]
            if all(n is None for n, _d in days):
                if interval != 1:
                    return None
                return _("Elke %(dagen)s") % {"dagen": join(day_name(i) for i in sorted({d for _n, d in days}))}
            phrase = _monthly_phrase(days)
            if phrase is None:
                return None
            if interval == 1:
                return _("Elke %(wanneer)s van de maand") % {"wanneer": phrase}
            return _("Om de %(n)s maanden op de %(wanneer)s van de maand") % {"n": interval, "wanneer": phrase}
        if "BYSETPOS" in parts:
            return None
        monthdays = [int(d) for d in parts.get("BYMONTHDAY", str(start.day)).split(",")]
        if any(d == 0 or d < -1 for d in monthdays):
            return None
        phrase = join(_("laatste dag") if d == -1 else ordinal(d) for d in sorted(monthdays, key=lambda d: d % 100))
        if interval == 1:
            return _("Elke maand op de %(dagen)s") % {"dagen": phrase}
        return _("Om de %(n)s maanden op de %(dagen)s") % {"n": interval, "dagen": phrase}
    if freq == "YEARLY":
        if "BYSETPOS" in parts or "," in parts.get("BYMONTH", ""):
            return None
        month = int(parts.get("BYMONTH", start.month))
        if days:
            phrase = _monthly_phrase(days)
            if phrase is None or "BYMONTHDAY" in parts:
                return None
            month_name = formats.date_format(date(2000, month, 1), "F")
            when = _("de %(wanneer)s van %(maand)s") % {"wanneer": phrase, "maand": month_name}
        else:
            monthday = parts.get("BYMONTHDAY", str(start.day))
            if "," in monthday or int(monthday) < 1:
                return None
            when = day_month(date(2000, month, int(monthday)))
        if interval == 1:
            return _("Elk jaar op %(wanneer)s") % {"wanneer": when}
        return _("Om de %(n)s jaar op %(wanneer)s") % {"n": interval, "wanneer": when}
    return None


def time_phrase(start, end):
    """'van 10.00 tot 12.00 uur' or 'om 10.00 uur'; None when it lasts a day or longer."""
    if end is None or end == start:
        return _("om %(start)s uur") % {"start": clock(start)}
    if end - start >= timedelta(days=1):
        return None
    return _("van %(start)s tot %(end)s uur") % {"start": clock(start), "end": clock(end)}


def exdate_sentence(exdates, today=None):
    """'Niet op 24 december.' for the exception days from today on."""
    days = sorted(d for d in set(exdates) if today is None or d >= today)
    if not days:
        return ""
    # The year only when it is not this year: the one rule for dates residents read (wording.datum).
    shown = [datum(d, this_year=today.year if today else d.year, weekday=False) for d in days[:MAX_EXDATES]]
    if len(days) > MAX_EXDATES:
        return _("Niet op %(data)s en nog %(n)s andere dagen.") % {
            "data": ", ".join(shown),
            "n": len(days) - MAX_EXDATES,
        }
    return _("Niet op %(data)s.") % {"data": join(shown)}


def describe(rule_text, start, end=None, exdates=(), today=None, feestdagen=False):
    """The rule (or the one date) as short sentences, or None when it cannot be said simply.

    `start` and `end` are the first occurrence (aware or naive local). `exdates` are dates on which it
    does not take place. With `today`, dates before today are left out and 'vanaf …' is added when the
    first time is still to come. With `feestdagen` (a series that skips public holidays) the sentence
    says so once, and the holidays among `exdates` are not listed one by one.
    """
    local_start = to_local_naive(start)
    local_end = to_local_naive(end) if end else None
    if not rule_text:
        return one_off(local_start, local_end)
    try:
        rule = parse_rule(rule_text, local_start)
    except ValueError:
        return None
    parts = _parts(rule_text)
    first = _frequency(parts, local_start)
    times = time_phrase(local_start, local_end)
    if first is None or times is None:
        return None
    sentence = f"{first} {times}"
    if "COUNT" in parts:
        dates = list(rule)
        sentence += ". " + _("%(n)s keer: van %(eerste)s tot en met %(laatste)s") % {
            "n": len(dates),
            "eerste": day_month(dates[0], with_year=dates[0].year != dates[-1].year),
            "laatste": day_month(dates[-1], with_year=True),
        }
    elif "UNTIL" in parts:
        last = rule[-1] if rule.count() else local_start
        sentence += ", " + _("tot en met %(datum)s") % {"datum": day_month(last, with_year=True)}
        if today is not None and local_start.date() > today:
            sentence += " (" + _("vanaf %(datum)s") % {"datum": day_month(local_start, with_year=True)} + ")"
    elif today is not None and local_start.date() > today:
        sentence += ", " + _("vanaf %(datum)s") % {"datum": day_month(local_start, with_year=True)}
    if feestdagen:
        sentence += ", " + _("behalve op feestdagen")
        exdates = [day for day in exdates if not is_feestdag(day)]
    sentence += "."
    extra = exdate_sentence(exdates, today)
    return f"{sentence} {extra}" if extra else sentence


def one_off(start, end):
    """'Op zaterdag 10 april 2027 van 11.00 tot 15.00 uur.'; several days: 'Van … tot ….'"""
    day = formats.date_format(start, "l j F Y")
    if end and end.date() != start.date():
        return _("Van %(start)s %(start_time)s uur tot %(end)s %(end_time)s uur.") % {
            "start": formats.date_format(start, "l j F"),
            "start_time": clock(start),
            "end": formats.date_format(end, "l j F Y"),
            "end_time": clock(end),
        }
    return _("Op %(dag)s %(tijd)s.") % {"dag": day, "tijd": time_phrase(start, end)}
