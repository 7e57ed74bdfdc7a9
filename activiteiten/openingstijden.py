"""Structured opening hours: parse the corpus text form and format it for residents.

Text form (as organisations keep it in Excel): ``ma 09:00-17:00; di 09:00-12:00, 13:00-17:00``.
Days: ma di wo do vr za zo. A day may have several time ranges, separated by a comma.
"""

import re
from dataclasses import dataclass
from datetime import time

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

DAGEN = ["ma", "di", "wo", "do", "vr", "za", "zo"]
DAG_CHOICES = [
    (0, gettext_lazy("maandag")),
    (1, gettext_lazy("dinsdag")),
    (2, gettext_lazy("woensdag")),
    (3, gettext_lazy("donderdag")),
    (4, gettext_lazy("vrijdag")),
    (5, gettext_lazy("zaterdag")),
    (6, gettext_lazy("zondag")),
]
_RANGE = re.compile(r"^(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})$")


@dataclass(frozen=True)
class Slot:
    dag: int
    open: time
    dicht: time


def _parse_time(hours, minutes, whole):
    h, m = int(hours), int(minutes)
    if h == 24 and m == 0:
        return time(23, 59)
    if not (0 <= h <= 23 and 0 <= m <= 59):
        raise ValueError(_("‘%(value)s’ is geen geldige tijd.") % {"value": whole})
    return time(h, m)


def parse_openingstijden(text):
    """Parse the text form into a list of Slots. Raises ValueError with a Dutch message."""
    slots = []
    seen_days = set()
    text = (text or "").strip()
    if not text:
        return slots
    for chunk in text.split(";"):
        chunk = chunk.strip()
        if not chunk:
            continue
        day, _sep, ranges = chunk.partition(" ")
        day = day.strip().lower().rstrip(":")
        if day not in DAGEN:
            raise ValueError(_("‘%(chunk)s’: de dag moet een van ma, di, wo, do, vr, za, zo zijn.") % {"chunk": chunk})
        if day in seen_days:
            raise ValueError(_("‘%(day)s’ staat twee keer in de openingstijden.") % {"day": day})
        seen_days.add(day)
        if not ranges.strip():
            raise ValueError(_("‘%(chunk)s’: de tijd ontbreekt, bijvoorbeeld 09:00-17:00.") % {"chunk": chunk})
        for rng in ranges.split(","):
            rng = rng.strip()
            match = _RANGE.match(rng)
            if not match:
                raise ValueError(
                    _("‘%(range)s’ bij %(day)s is geen tijdvak als 09:00-17:00.") % {"range": rng, "day": day}
                )
            start = _parse_time(match[1], match[2], rng)
            end = _parse_time(match[3], match[4], rng)
            if end <= start:
                raise ValueError(
                    _("‘%(range)s’ bij %(day)s: de sluitingstijd moet na de openingstijd liggen.")
                    % {"range": rng, "day": day}
                )
            slots.append(Slot(DAGEN.index(day), start, end))
    return slots


def format_time(value):
    return f"{value.hour:02d}.{value.minute:02d}"


def format_openingstijden_text(slots):
    """Back to the text form used in the CSV files (for export)."""
    by_day = {}
    for slot in sorted(slots, key=lambda s: (s.dag, s.open)):
        by_day.setdefault(slot.dag, []).append(f"{slot.open:%H:%M}-{slot.dicht:%H:%M}")
    return "; ".join(f"{DAGEN[day]} {', '.join(ranges)}" for day, ranges in sorted(by_day.items()))
