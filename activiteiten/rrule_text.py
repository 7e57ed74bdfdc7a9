"""A recurrence rule as one short sentence in plain language (B1), in the active language.

    describe("FREQ=WEEKLY;BYDAY=TU", start, end)  ->  "Elke dinsdag van 10.00 tot 12.00 uur."
    describe("FREQ=MONTHLY;BYDAY=-1WE", ...)      ->  "Elke laatste woensdag van de maand van 14.00 tot 16.00 uur."

Dutch is the source text. Every message has the context "herhaling" and is a whole phrase with named
placeholders, so that Turkish and Arabic can put the words in their own order ("Her ayın son çarşamba günü",
"في الأربعاء الأخير من كل شهر"); where the form depends on a number (Arabic: one day, two days, three or more
days) the message has plural forms. Day names, lists and ordinals come from sentence_parts.py, dates from
wording.py. A rule that cannot be said simply gives None: show the list of next dates instead, never the RRULE.
"""

from datetime import date, timedelta

from django.utils import formats
from django.utils.translation import npgettext, pgettext

from .feestdagen import is_feestdag
from .recurrence import DAY_CODES, normalise_rule, parse_rule, to_local_naive
from .sentence_parts import day_name, day_of_month, join, weekday_in_month
from .wording import date_text, datum

MAX_EXDATES = 4
# Weekday positions sort 1st..5th first, then 'laatste' (-1) and 'voorlaatste' (-2): past every real position.
AFTER_POSITIONS = 10


def clock(value):
    # Translators: a time of day; the portal writes "10.00" in Dutch and "10:00" in English.
    return pgettext("herhaling", "%(uur)s.%(minuut)s") % {"uur": f"{value.hour:02d}", "minuut": f"{value.minute:02d}"}


def day_month(value, with_year=False):
    return date_text(value, year=with_year)


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


def _every_weekday(indexes):
    """'Elke dinsdag', 'Elke maandag, woensdag en vrijdag'; the plural form follows the number of days."""
    # Translators: %(dagen)s is one or more weekdays ("dinsdag", "maandag en vrijdag"); the form follows
    # the number of days.
    return npgettext("herhaling", "Elke %(dagen)s", "Elke %(dagen)s", len(indexes)) % {
        "dagen": join(day_name(i) for i in indexes)
    }


def _monthly_phrase(days):
    """[(2, 2)] -> '2e woensdag'; [(1, 0), (3, 0)] -> '1e en 3e maandag'; mixed days -> '1e maandag en 3e woensdag'."""
    if any(n is None or n == 0 or n < -2 or n > 5 for n, _d in days):
        return None
    weekdays = {d for _n, d in days}
    if len(weekdays) == 1:
        numbers = sorted((n for n, _d in days), key=lambda n: n if n > 0 else AFTER_POSITIONS - n)
        return weekday_in_month(numbers, days[0][1])
    return join(weekday_in_month([n], d) for n, d in days)


def _daily(parts, days, interval):
    if set(parts) & {"BYMONTHDAY", "BYSETPOS", "BYMONTH"}:
        return None
    if interval == 1:
        return pgettext("herhaling", "Elke dag")
    return npgettext("herhaling", "Om de %(n)s dagen", "Om de %(n)s dagen", interval) % {"n": interval}


def _weekly(parts, days, interval, start):
    if set(parts) & {"BYMONTHDAY", "BYSETPOS", "BYMONTH"}:
        return None
    days = days or [(None, start.weekday())]
    if any(n for n, _d in days):
        return None
    indexes = sorted({d for _n, d in days})
    if interval == 1:
        if indexes == list(range(5)):
            return pgettext("herhaling", "Elke werkdag")
        if indexes == list(range(7)):
            return pgettext("herhaling", "Elke dag")
        return _every_weekday(indexes)
    # Translators: the weekdays of a series that is not every week: "op dinsdag", "op dinsdag en donderdag".
    op_dagen = npgettext("herhaling", "op %(dagen)s", "op %(dagen)s", len(indexes)) % {
        "dagen": join(day_name(i) for i in indexes)
    }
    if interval == 2:
        # Translators: %(op_dagen)s is the message "op %(dagen)s".
        return pgettext("herhaling", "Om de week %(op_dagen)s") % {"op_dagen": op_dagen}
    # Translators: %(op_dagen)s is the message "op %(dagen)s"; the form follows the number of weeks.
    return npgettext("herhaling", "Om de %(n)s weken %(op_dagen)s", "Om de %(n)s weken %(op_dagen)s", interval) % {
        "n": interval,
        "op_dagen": op_dagen,
    }


def _monthly(parts, days, interval, start):
    if "BYMONTH" in parts or ("BYDAY" in parts and "BYMONTHDAY" in parts):
        return None
    if days:
        if "BYSETPOS" in parts:
            if any(n for n, _d in days) or len({d for _n, d in days}) != 1:
                return None
            days = [(int(p), days[0][1]) for p in parts["BYSETPOS"].split(",")]
        if all(n is None for n, _d in days):
            return _every_weekday(sorted({d for _n, d in days})) if interval == 1 else None
        phrase = _monthly_phrase(days)
        if phrase is None:
            return None
        if interval == 1:
            # Translators: %(wanneer)s is "2e woensdag", "1e en 3e dinsdag" or "laatste woensdag".
            return pgettext("herhaling", "Elke %(wanneer)s van de maand") % {"wanneer": phrase}
        return npgettext(
            "herhaling",
            "Om de %(n)s maanden op de %(wanneer)s van de maand",
            "Om de %(n)s maanden op de %(wanneer)s van de maand",
            interval,
        ) % {"n": interval, "wanneer": phrase}
    if "BYSETPOS" in parts:
        return None
    monthdays = [int(d) for d in parts.get("BYMONTHDAY", str(start.day)).split(",")]
    if any(d == 0 or d < -1 for d in monthdays):
        return None
    # -1 (the last day) sorts after every day of the month.
    phrase = join(day_of_month(d) for d in sorted(monthdays, key=lambda d: d % 100))
    if interval == 1:
        # Translators: %(dagen)s is one or more days of the month: "22e", "1e en 15e", "laatste dag".
        return pgettext("herhaling", "Elke maand op de %(dagen)s") % {"dagen": phrase}
    return npgettext(
        "herhaling", "Om de %(n)s maanden op de %(dagen)s", "Om de %(n)s maanden op de %(dagen)s", interval
    ) % {
        "n": interval,
        "dagen": phrase,
    }


def _yearly(parts, days, interval, start):
    if "BYSETPOS" in parts or "," in parts.get("BYMONTH", ""):
        return None
    month = int(parts.get("BYMONTH", start.month))
    if days:
        phrase = _monthly_phrase(days)
        if phrase is None or "BYMONTHDAY" in parts:
            return None
        month_name = formats.date_format(date(2000, month, 1), "F")
        # Translators: %(wanneer)s is "2e zondag" or "laatste zaterdag", %(maand)s a month name.
        when = pgettext("herhaling", "de %(wanneer)s van %(maand)s") % {"wanneer": phrase, "maand": month_name}
    else:
        monthday = parts.get("BYMONTHDAY", str(start.day))
        if "," in monthday or int(monthday) < 1:
            return None
        when = day_month(date(2000, month, int(monthday)))
    if interval == 1:
        # Translators: %(wanneer)s is a date without year ("6 januari") or the message "de %(wanneer)s van %(maand)s".
        return pgettext("herhaling", "Elk jaar op %(wanneer)s") % {"wanneer": when}
    return npgettext("herhaling", "Om de %(n)s jaar op %(wanneer)s", "Om de %(n)s jaar op %(wanneer)s", interval) % {
        "n": interval,
        "wanneer": when,
    }


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
    if freq == "DAILY" and days:
        # A daily rule on some weekdays is a weekly rule on those days.
        if interval != 1 or any(n for n, _d in days) or set(parts) & {"BYMONTHDAY", "BYSETPOS", "BYMONTH"}:
            return None
        freq = "WEEKLY"
    if freq == "DAILY":
        return _daily(parts, days, interval)
    if freq == "WEEKLY":
        return _weekly(parts, days, interval, start)
    if freq == "MONTHLY":
        return _monthly(parts, days, interval, start)
    if freq == "YEARLY":
        return _yearly(parts, days, interval, start)
    return None


def time_phrase(start, end):
    """'van 10.00 tot 12.00 uur' or 'om 10.00 uur'; None when it lasts a day or longer."""
    if end is None or end == start:
        return pgettext("herhaling", "om %(start)s uur") % {"start": clock(start)}
    if end - start >= timedelta(days=1):
        return None
    return pgettext("herhaling", "van %(start)s tot %(end)s uur") % {"start": clock(start), "end": clock(end)}


def exdate_sentence(exdates, today=None):
    """'Niet op 24 december.' for the exception days from today on."""
    days = sorted(d for d in set(exdates) if today is None or d >= today)
    if not days:
        return ""
    # The year only when it is not this year: the one rule for dates residents read (wording.datum).
    shown = [datum(d, this_year=today.year if today else d.year, weekday=False) for d in days[:MAX_EXDATES]]
    if len(days) > MAX_EXDATES:
        more = len(days) - MAX_EXDATES
        # Translators: %(data)s is a list of dates; the form follows %(n)s, the number of further days.
        return npgettext(
            "herhaling",
            "Niet op %(data)s en nog %(n)s andere dagen.",
            "Niet op %(data)s en nog %(n)s andere dagen.",
            more,
        ) % {"data": pgettext("herhaling", ", ").join(shown), "n": more}
    # Translators: %(data)s is one date or a list of dates ("24 december en 31 december").
    return npgettext("herhaling", "Niet op %(data)s.", "Niet op %(data)s.", len(shown)) % {"data": join(shown)}


def _end(sentence, parts, rule, local_start, today):
    """The sentence with how long the series runs: 'N keer: …', ', tot en met …', ', vanaf …'."""
    if "COUNT" in parts:
        dates = list(rule)
        # Translators: a second sentence after the first one; the form follows %(n)s, the number of times.
        count = npgettext(
            "herhaling",
            "%(n)s keer: van %(eerste)s tot en met %(laatste)s",
            "%(n)s keer: van %(eerste)s tot en met %(laatste)s",
            len(dates),
        ) % {
            "n": len(dates),
            "eerste": day_month(dates[0], with_year=dates[0].year != dates[-1].year),
            "laatste": day_month(dates[-1], with_year=True),
        }
        return f"{sentence}. {count}"
    starts_later = today is not None and local_start.date() > today
    first_day = day_month(local_start, with_year=True)
    if "UNTIL" in parts:
        last = rule[-1] if rule.count() else local_start
        # Translators: %(zin)s is the sentence so far ("Elke dinsdag van 10.00 tot 12.00 uur").
        sentence = pgettext("herhaling", "%(zin)s, tot en met %(datum)s") % {
            "zin": sentence,
            "datum": day_month(last, with_year=True),
        }
        if starts_later:
            sentence = pgettext("herhaling", "%(zin)s (vanaf %(datum)s)") % {"zin": sentence, "datum": first_day}
    elif starts_later:
        sentence = pgettext("herhaling", "%(zin)s, vanaf %(datum)s") % {"zin": sentence, "datum": first_day}
    return sentence


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
    sentence = _end(f"{first} {times}", parts, rule, local_start, today)
    if feestdagen:
        sentence = pgettext("herhaling", "%(zin)s, behalve op feestdagen") % {"zin": sentence}
        exdates = [day for day in exdates if not is_feestdag(day)]
    sentence += "."
    extra = exdate_sentence(exdates, today)
    return f"{sentence} {extra}" if extra else sentence


def one_off(start, end):
    """'Op zaterdag 10 april 2027 van 11.00 tot 15.00 uur.'; several days: 'Van … tot ….'"""
    if end and end.date() != start.date():
        return pgettext("herhaling", "Van %(start)s %(start_time)s uur tot %(end)s %(end_time)s uur.") % {
            "start": date_text(start, weekday=True),
            "start_time": clock(start),
            "end": date_text(end, weekday=True, year=True),
            "end_time": clock(end),
        }
    return pgettext("herhaling", "Op %(dag)s %(tijd)s.") % {
        "dag": date_text(start, weekday=True, year=True),
        "tijd": time_phrase(start, end),
    }
