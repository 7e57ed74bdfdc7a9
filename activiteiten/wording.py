"""How the portal writes dates, reasons and "Nieuw"/"Gewijzigd" for residents: one place for each rule.

Templates reach these through the filters in ``templatetags/agenda_tags.py``; views call them directly.
"""

from datetime import timedelta

from django.utils import formats

# An activity counts as "Nieuw" this many days after it was first published.
NIEUW_DAYS = 14
# A change of time or place is shown as "Gewijzigd" for this many days after it was published.
GEWIJZIGD_DAYS = 14


def today():
    """Today in the Netherlands (through agenda.now(), so that tests can set the clock)."""
    from . import agenda
    from .recurrence import AMSTERDAM

    return agenda.now().astimezone(AMSTERDAM).date()


def datum(day, this_year=None, weekday=True):
    """'dinsdag 8 december'; the year is added when it is not this year: 'dinsdag 4 januari 2028'.

    `this_year`: the current year (looked up when left out; a listing passes it once)."""
    this_year = this_year if this_year is not None else today().year
    fmt = "l j F" if weekday else "j F"
    if day.year != this_year:
        fmt += " Y"
    return formats.date_format(day, fmt)


def reden_zin(text):
    """A reason as a sentence: 'de zaal is dicht' → 'De zaal is dicht.' (capital first, one full stop)."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def is_nieuw(page, moment):
    """True when the activity was first published less than NIEUW_DAYS ago."""
    first = page.first_published_at
    return first is not None and moment - first < timedelta(days=NIEUW_DAYS)


def is_gewijzigd(page, moment):
    """True when its time or place changed less than GEWIJZIGD_DAYS ago."""
    changed = getattr(page, "tijd_of_plek_gewijzigd_op", None)
    return changed is not None and moment - changed < timedelta(days=GEWIJZIGD_DAYS)
