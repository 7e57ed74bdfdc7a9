"""Helpers for tests and benchmarks: make an activity with times relative to a given moment."""

from datetime import datetime, time, timedelta

from .recurrence import AMSTERDAM


def local(day, hour=10, minute=0):
    """Aware Europe/Amsterdam datetime for a date and a wall-clock time."""
    return datetime.combine(day, time(hour, minute), tzinfo=AMSTERDAM)


def make_activiteit(
    buurt, title, start, eind=None, herhaling="", uitzonderingen=(), toegankelijkheid=(), publish=True, **fields
):
    """Create (and publish) an ActiviteitPage under `buurt`.

    `uitzonderingen` is a list of (date, soort, reden); `toegankelijkheid` a list of (item, antwoord, toelichting). Publishing sends page_published, which
    refreshes the occurrence table (after the transaction commits).
    """
    from django.utils.text import slugify

    from .models import ActiviteitPage, ActiviteitToegankelijkheid, Uitzondering

    values = {
        "categorie": "ontmoeten",
        "doelgroep": "iedereen",
        "samenvatting": f"{title}: een korte zin.",
        "omschrijving": "<p>Een test.</p>",
        "locatie": "Grote zaal",
        "kosten": "gratis",
    }
    values.update(fields)
    page = ActiviteitPage(
        title=title,
        slug=slugify(title),
        start=start,
        eind=eind if eind is not None else start + timedelta(hours=2),
        herhaling=herhaling,
        live=False,
        locale_id=buurt.locale_id,
        **values,
    )
    page.uitzonderingen = [Uitzondering(datum=d, soort=s, reden=r) for d, s, r in uitzonderingen]
    page.toegankelijkheid_items = [
        ActiviteitToegankelijkheid(item=i, antwoord=a, toelichting=t) for i, a, t in toegankelijkheid
    ]
    buurt.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page
