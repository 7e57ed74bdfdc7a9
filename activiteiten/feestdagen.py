"""Dutch public holidays (the `holidays` library), for activities marked "niet op feestdagen".

The library keeps the list: Nieuwjaarsdag, Goede Vrijdag, Pasen, Koningsdag, Bevrijdingsdag (the
national day off only every five years), Hemelvaartsdag, Pinksteren and Kerstmis.
"""

from datetime import timedelta
from functools import lru_cache

import holidays
from django.utils.translation import get_language

from .recurrence import to_local_naive

# The library's name for each language of the portal.
LANGUAGES = {"nl": "nl", "en": "en_US"}


# Per process, and safe: a year's public holidays come from the installed library, not from anything
# editors change, so every process computes the same list.
@lru_cache(maxsize=64)
def _year(year, language):
    return dict(holidays.country_holidays("NL", years=year, language=language))


def _language():
    return LANGUAGES.get((get_language() or "nl")[:2], "nl")


def feestdagen(first, last):
    """{date: name} of the public holidays from `first` to `last` (dates, both included), named in the
    active language."""
    language = _language()
    days = {}
    for year in range(first.year, last.year + 1):
        days.update((day, name) for day, name in _year(year, language).items() if first <= day <= last)
    return days


def is_feestdag(day):
    return day in _year(day.year, _language())


def feestdagen_between(window_start, window_end):
    """Holidays on the local dates of [window_start, window_end) (aware or naive local datetimes)."""
    last = to_local_naive(window_end) - timedelta(microseconds=1)
    return feestdagen(to_local_naive(window_start).date(), last.date())
