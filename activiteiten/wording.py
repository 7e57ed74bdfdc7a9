"""How the portal writes dates, reasons and "Nieuw"/"Gewijzigd" for residents: one place for each rule.

Templates reach these through the filters in ``templatetags/agenda_tags.py``; views call them directly.
"""

from datetime import timedelta

from django.utils import formats
from django.utils.translation import get_language

# An activity counts as "Nieuw" this many days after it was first published.
NIEUW_DAYS = 14
# A change of time or place is shown as "Gewijzigd" for this many days after it was published.
GEWIJZIGD_DAYS = 14

# How each language writes a date, keyed by (with weekday, with year). Dutch and English as the portal always
# wrote them ("dinsdag 6 januari 2026"). Turkish and Arabic take the order and punctuation of Django's own
# locale formats (tr DATE_FORMAT "d F Y", ar "j F، Y" with the Arabic comma before the year), with the day
# without a leading zero as newspapers write it ("6 Ocak"). The weekday goes where the language puts it:
# after the date in Turkish ("6 Ocak 2026 Salı", the form of the Türk Dil Kurumu), before it in Arabic.
# Digits stay 0-9 in every language (see docs/recurrence.md: the same digits as times and phone numbers).
DATE_FORMATS = {
    "nl": {(False, False): "j F", (False, True): "j F Y", (True, False): "l j F", (True, True): "l j F Y"},
    "en": {(False, False): "j F", (False, True): "j F Y", (True, False): "l j F", (True, True): "l j F Y"},
    "tr": {(False, False): "j F", (False, True): "j F Y", (True, False): "j F l", (True, True): "j F Y l"},
    "ar": {(False, False): "j F", (False, True): "j F، Y", (True, False): "l j F", (True, True): "l j F، Y"},
}
# Turkish has a dotted and a dotless i: a capital 'i' is 'İ' and a capital 'ı' is 'I' (str.upper() gives 'I').
TURKISH_CAPITALS = {"i": "İ", "ı": "I"}
# A reason that already ends like a sentence (the Arabic question mark '؟' too) gets no extra full stop.
SENTENCE_ENDS = ".!?؟"


def language():
    """'nl', 'en', 'tr' or 'ar': the active language without a region ('en-gb' → 'en')."""
    return (get_language() or "nl").split("-")[0]


def date_text(day, weekday=False, year=False):
    """A date in the active language: '6 januari', 'dinsdag 6 januari 2026', '6 Ocak 2026 Salı', 'الثلاثاء 6 يناير، 2026'."""
    patterns = DATE_FORMATS.get(language(), DATE_FORMATS["nl"])
    return formats.date_format(day, patterns[(weekday, year)])


def today():
    """Today in the Netherlands (through agenda.now(), so that tests can set the clock)."""
    from . import agenda
    from .recurrence import AMSTERDAM

    return agenda.now().astimezone(AMSTERDAM).date()


def datum(day, this_year=None, weekday=True):
    """'dinsdag 8 december'; the year is added when it is not this year: 'dinsdag 4 januari 2028'.

    `this_year`: the current year (looked up when left out; a listing passes it once)."""
    this_year = this_year if this_year is not None else today().year
    return date_text(day, weekday=weekday, year=day.year != this_year)


def capfirst(text):
    """The first letter as a capital, the Turkish way in Turkish ('iptal' → 'İptal')."""
    first = text[:1]
    capital = TURKISH_CAPITALS.get(first, first.upper()) if language() == "tr" else first.upper()
    return capital + text[1:]


def reden_zin(text):
    """A reason as a sentence: 'de zaal is dicht' → 'De zaal is dicht.' (capital first, one full stop)."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    text = capfirst(text)
    return text if text[-1] in SENTENCE_ENDS else text + "."


def is_nieuw(page, moment):
    """True when the activity was first published less than NIEUW_DAYS ago."""
    first = page.first_published_at
    return first is not None and moment - first < timedelta(days=NIEUW_DAYS)


def is_gewijzigd(page, moment):
    """True when its time or place changed less than GEWIJZIGD_DAYS ago."""
    changed = getattr(page, "tijd_of_plek_gewijzigd_op", None)
    return changed is not None and moment - changed < timedelta(days=GEWIJZIGD_DAYS)
