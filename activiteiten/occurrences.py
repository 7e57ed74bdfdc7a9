"""Upcoming occurrences of activities, for agendas and highlights."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from .recurrence import expand


@dataclass
class Occurrence:
    activiteit: object
    start: datetime
    end: datetime

    @property
    def buurt(self):
        return self.activiteit.get_parent().specific


def next_occurrences(activiteit, limit=5, after=None, horizon_days=400):
    after = after or timezone.now()
    result = []
    for start, end in expand(
        activiteit.start, activiteit.eind, activiteit.herhaling, after, after + timedelta(days=horizon_days)
    ):
        result.append(Occurrence(activiteit, start, end))
        if len(result) >= limit:
            break
    return result


def upcoming_for(locale=None, buurt=None, voorziening=None, days=7, limit=None, after=None):
    """Occurrences in the next `days` days, sorted by start."""
    from .models import ActiviteitPage

    after = after or timezone.now()
    until = after + timedelta(days=days)
    qs = ActiviteitPage.objects.live().public().select_related("voorziening")
    if locale is not None:
        qs = qs.filter(locale=locale)
    if buurt is not None:
        qs = qs.child_of(buurt)
    if voorziening is not None:
        qs = qs.filter(voorziening__translation_key=voorziening.translation_key)
    result = []
    for activiteit in qs:
        for start, end in expand(activiteit.start, activiteit.eind, activiteit.herhaling, after, until):
            result.append(Occurrence(activiteit, start, end))
    result.sort(key=lambda o: (o.start, o.activiteit.title))
    return result[:limit] if limit else result
