"""Numbers and dates from a request (query string, form or URL), read in one place.

Every view that reads a number or a date from a resident's request goes through this module, so that
odd input (``²``, ``①``, Arabic-Indic digits, ``-1``, 40 digits, ``9999-12-31``, ``\\x00``) gives a plain
message in the reader's language, or a 404 for an id that cannot exist, and never a server error.

* Only ASCII digits count. ``str.isdigit()`` and ``int()`` accept ``²``, ``①`` and ``٣``; a database and
  ``range()`` do not all agree on what those mean, so they are refused here.
* Every number and date has a named range, explained below. Out of range is refused like a non-number.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from django.http import Http404
from django.utils import formats
from django.utils.translation import gettext as _

# Digits in ASCII only (re.ASCII: \d is [0-9]). The length cap keeps int() of a megabyte of digits
# from costing time: 18 digits is below the largest id a database column holds (MAX_ID).
WHOLE_NUMBER = re.compile(r"\d{1,18}", re.ASCII)
# A date as the portal writes it in its links: 2026-11-30 (ISO 8601, ASCII digits).
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)

# The largest id a database row can have: a signed 64-bit column (BigAutoField; SQLite's INTEGER).
# A larger number in a URL cannot name anything, and SQLite raises OverflowError on it.
MAX_ID = 2**63 - 1
# The deepest page of a listing. 40 agenda items (10 search results) to a page: past page 1,000 no reader
# is still paging, and a deeper page only makes the database skip rows.
MAX_PAGE = 1000
# How far from today a date in a link may be. The agenda stores 120 days ahead and an activity page looks
# 800 days ahead (activiteiten/occurrences.py): three years ahead covers both with room to spare. A week in
# the past (a notice board printed late) is useful; a year back is the most anyone needs.
DATE_PAST_DAYS = 366
DATE_FUTURE_DAYS = 3 * 366
# How much of a refused value the message repeats: enough to recognise it, not a page full.
SHOWN_CHARS = 40


@dataclass(frozen=True)
class Parsed:
    """A value read from a request: the value to use, and a message for the reader when it was refused."""

    value: object
    error: str = ""


def shown(value):
    """The refused value as the message repeats it: without control characters, at most SHOWN_CHARS long."""
    text = "".join(ch for ch in str(value) if unicodedata.category(ch)[0] != "C")
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"


def whole_number(text):
    """A non-negative whole number written in ASCII digits, or None."""
    text = (text or "").strip()
    return int(text) if WHOLE_NUMBER.fullmatch(text) else None


def int_id(value):
    """An id from a URL (a string, or an int from an <int:…> path converter); 404 when no row can have it."""
    number = value if isinstance(value, int) else whole_number(value)
    if number is None or not 1 <= number <= MAX_ID:
        raise Http404(_("Deze pagina bestaat niet."))
    return number


def page_number(query, name="pagina", maximum=MAX_PAGE):
    """The page of a listing from `query` (request.GET); page 1 with a message when the value is refused."""
    text = query.get(name, "").strip()
    if not text:
        return Parsed(1)
    number = whole_number(text)
    if number is None or number < 1:
        return Parsed(1, _("‘%(value)s’ is geen paginanummer. We tonen de eerste pagina.") % {"value": shown(text)})
    if number > maximum:
        return Parsed(
            1, _("Zo veel pagina’s zijn er niet (hoogstens %(max)s). We tonen de eerste pagina.") % {"max": maximum}
        )
    return Parsed(number)


def date_range(today):
    """The first and last date a link may ask for (see DATE_PAST_DAYS and DATE_FUTURE_DAYS)."""
    return today - timedelta(days=DATE_PAST_DAYS), today + timedelta(days=DATE_FUTURE_DAYS)


def date_param(query, name, today, instead, default=None):
    """A date from `query` (2026-11-30), between the bounds of date_range(today).

    Left out: `default` (`today` when not given). Refused: `default`, with a message that says what was wrong
    and ends with `instead` (what the page shows now, e.g. "We tonen de week vanaf maandag.")."""
    default = today if default is None else default
    text = query.get(name, "").strip()
    if not text:
        return Parsed(default)
    try:
        value = date.fromisoformat(text) if ISO_DATE.fullmatch(text) else None
    except ValueError:  # 2026-02-30
        value = None
    if value is None:
        message = _("‘%(value)s’ is geen datum. Schrijf de datum zo: %(voorbeeld)s.") % {
            "value": shown(text),
            "voorbeeld": today.isoformat(),
        }
        return Parsed(default, f"{message} {instead}")
    first, last = date_range(today)
    if not first <= value <= last:
        message = _("Kies een datum van %(van)s tot en met %(tot)s.") % {
            "van": formats.date_format(first, "j F Y"),
            "tot": formats.date_format(last, "j F Y"),
        }
        return Parsed(default, f"{message} {instead}")
    return Parsed(value)
