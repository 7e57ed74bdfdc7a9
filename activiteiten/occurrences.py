"""Occurrences of activities.

Two sides:

* ``compute`` expands ONE activity's rule (with its exception days and cancellations). The activity
  page, the iCal feed and the refresh use it.
* The ``Occurrence`` table stores the result for every live activity in a rolling window, so that
  listings (agendas, "deze week", weekoverzicht) are one indexed query. ``refresh_page`` rebuilds one
  activity (called from the publish/unpublish/delete signals); ``refresh_all`` rebuilds everything (the
  ``refresh_occurrences`` management command, once a day).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .doelgroepen import doelgroep_tags, is_gratis
from .feestdagen import feestdagen_between
from .models_occurrence import Occurrence
from .recurrence import expand, usable_rule
from .talen import tags as taal_tags
from .toegankelijkheid import effectieve_items, ja_tags

# The stored table holds the times of the coming WINDOW_DAYS; a series that starts later still gets its
# first time stored (so it shows under "Later"), and one-off activities are always stored.
WINDOW_DAYS = getattr(settings, "AGENDA_WINDOW_DAYS", 120)
# An activity page looks this far ahead for its next dates (computed for that one page, not stored).
PAGE_HORIZON_DAYS = 800
KEEP_PAST_DAYS = 7  # rows that ended longer ago are dropped at refresh; the weekoverzicht shows this week from Monday
MAX_SPAN_DAYS = 31  # agenda queries look back this far for multi-day activities that are still going on
# Rows that last longer than this are marked `lang_lopend`. A listing reads the other rows from SHORT_SPAN
# ago onwards and the long ones through their own small index (`running`), so it no longer walks past every
# stored row that already ended. Measured at 100,000 activities at 23.50 h (PostgreSQL 15): the home page's
# "Deze week" query skipped 72,889 ended rows of the past days and took 156 ms; see benchmarks/README.md.
# Four hours covers a morning or an afternoon: most activities fit in it, a day trip does not.
SHORT_SPAN = timedelta(hours=4)
BATCH = 5000
# Without a window (the iCal feeds, the page's sentence), holidays count from a month ago (a feed keeps
# activities that ended up to 30 days ago) to as far as the page shows dates (PAGE_HORIZON_DAYS).
HOLIDAY_PAST_DAYS = 31


@dataclass
class Voorkomen:
    """One computed time an activity takes place (not stored)."""

    activiteit: object
    start: datetime
    end: datetime
    afgelast: bool = False
    reden: str = ""

    @property
    def page(self):
        return self.activiteit

    @property
    def buurt(self):
        return self.activiteit.get_parent().specific


# Backwards-compatible name used by older code.
OccurrenceData = Voorkomen


def exceptions(page, window_start=None, window_end=None):
    """({date: reden} of days it does not take place, {date: reden} of single cancellations).

    For a series marked "niet op feestdagen", the public holidays on which it would take place are
    days it does not take place (named after the holiday), in [window_start, window_end) or, without a
    window, from HOLIDAY_PAST_DAYS ago to PAGE_HORIZON_DAYS ahead. iCal writes them as EXDATE.
    """
    vrij, afgelast = {}, {}
    for u in page.uitzonderingen.all():
        (afgelast if u.soort == "afgelast" else vrij)[u.datum] = u.reden
    if page.niet_op_feestdagen and page.herhaling:
        for day, name in _holidays_it_would_meet(page, window_start, window_end).items():
            vrij.setdefault(day, name)
            afgelast.pop(day, None)  # a holiday is a day off, not a cancellation
    return vrij, afgelast


def _holidays_it_would_meet(page, window_start, window_end):
    if window_start is None:
        moment = timezone.now()
        window_start = moment - timedelta(days=HOLIDAY_PAST_DAYS)
        window_end = moment + timedelta(days=PAGE_HORIZON_DAYS)
    days = feestdagen_between(window_start, window_end)
    if not days:
        return {}
    met = {start.date() for start, _end in _expand(page, window_start, window_end, ())}
    return {day: name for day, name in days.items() if day in met}


def _expand(page, window_start, window_end, exdates):
    """The page's times as a list (a refused stored rule counts as the first time only, see usable_rule)."""
    rule = usable_rule(page.herhaling, page.start)
    return list(expand(page.start, page.eind, rule, window_start, window_end, exdates=exdates))


def _times(page, window_start, window_end):
    """(start, end, cancelled, reason) tuples; start and end carry the Europe/Amsterdam tzinfo."""
    vrij, afgelast = exceptions(page, window_start, window_end)
    whole = page.status == "afgelast"
    whole_reason = page.status_reden or ""
    for start, end in _expand(page, window_start, window_end, vrij):
        if whole:
            yield start, end, True, whole_reason
        else:
            day = start.date()
            yield start, end, day in afgelast, afgelast.get(day, "") or ""


def compute(page, window_start, window_end, include_cancelled=True):
    """The times `page` takes place that overlap [window_start, window_end), sorted."""
    return [
        Voorkomen(page, start, end, cancelled, reason)
        for start, end, cancelled, reason in _times(page, window_start, window_end)
        if include_cancelled or not cancelled
    ]


def next_occurrences(activiteit, limit=5, after=None, horizon_days=PAGE_HORIZON_DAYS, include_cancelled=True):
    after = after or timezone.now()
    return compute(activiteit, after, after + timedelta(days=horizon_days), include_cancelled)[:limit]


def is_over(activiteit, now=None):
    """True when the activity has no time left that has not ended yet (cancellations count as times)."""
    now = now or timezone.now()
    return not compute(activiteit, now, now + timedelta(days=PAGE_HORIZON_DAYS))


# -- the stored table ------------------------------------------------------------------------------

COLUMNS = [
    "page_id", "buurt_id", "locale_id", "voorziening_key", "start", "end", "datum", "weekdag", "categorie",
    "doelgroepen", "gratis", "toegankelijk", "afgelast", "reden", "talen", "lang_lopend",
]  # fmt: skip


def _rows(page, buurt_id, voorziening_key, now):
    """Tuples in COLUMNS order for the stored table."""
    doelgroepen = doelgroep_tags(page.doelgroep)
    gratis = is_gratis(page.kosten)
    toegankelijk = ja_tags(effectieve_items(page))
    talen = taal_tags(page.talen)
    window_start = now - timedelta(days=KEEP_PAST_DAYS)
    window_end = now + timedelta(days=WINDOW_DAYS)
    if not page.herhaling:
        window_end = max(window_end, page.start + timedelta(days=1))  # one-offs: always, however far ahead
    times = list(_times(page, window_start, window_end))
    if not times and page.herhaling:
        # A series that starts after the window: store its first time, so the agenda shows it under "Later".
        times = list(_times(page, window_end, window_end + timedelta(days=PAGE_HORIZON_DAYS)))[:1]
    if page.status == "afgelast":
        # Cancelled for good: the listings show it once, at its next time, as "Gaat niet door" with the
        # reason, instead of every week of the window.
        times = [t for t in times if t[1] > now][:1]
    for start, end, cancelled, reason in times:
        # `start` is local (Europe/Amsterdam), so its date and weekday are the local ones.
        yield (
            page.pk, buurt_id, page.locale_id, voorziening_key, start, end, start.date(), start.weekday(),
            page.categorie, doelgroepen, gratis, toegankelijk, cancelled, reason[:200], talen, end - start > SHORT_SPAN,
        )  # fmt: skip


def _voorziening_key(page):
    return page.voorziening.translation_key if page.voorziening_id and page.voorziening else None


def refresh_page(page, now=None):
    """Rebuild the stored rows of one activity. Returns the number of rows stored."""
    from .models import ActiviteitPage, BuurtPage

    now = now or timezone.now()
    with transaction.atomic():
        Occurrence.objects.filter(page_id=page.pk).delete()
        fresh = ActiviteitPage.objects.filter(pk=page.pk).live().public().select_related("voorziening").first()
        if fresh is None:
            return 0
        buurt_id = BuurtPage.objects.filter(path=fresh.path[: -fresh.steplen]).values_list("pk", flat=True).first()
        rows = [
            Occurrence(**dict(zip(COLUMNS, row, strict=True)))
            for row in _rows(fresh, buurt_id, _voorziening_key(fresh), now)
        ]
        Occurrence.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


# What _rows() reads of an activity: loading only these columns halves the time to read 100,000 pages.
ROW_FIELDS = (
    "path", "depth", "locale", "start", "eind", "herhaling", "niet_op_feestdagen", "status", "status_reden",
    "categorie", "doelgroep", "kosten", "talen", "voorziening__translation_key", "voorziening__live",
)  # fmt: skip


def _page_chunks(size=2000):
    """Live, public activities in chunks of `size` (each chunk fully fetched, exceptions prefetched)."""
    from .models import ActiviteitPage

    ids = list(ActiviteitPage.objects.live().public().order_by("pk").values_list("pk", flat=True))
    for offset in range(0, len(ids), size):
        yield list(
            ActiviteitPage.objects.filter(pk__in=ids[offset : offset + size])
            .select_related("voorziening")
            .prefetch_related("uitzonderingen", "toegankelijkheid_items", "voorziening__toegankelijkheid_items")
            .only(*ROW_FIELDS)
            .order_by("pk")
        )


def refresh_all(now=None, progress=None):
    """Rebuild the whole table for the rolling window. Returns the number of rows stored.

    Pages are read in chunks; the rows of each chunk are written with COPY on PostgreSQL and with
    bulk_create elsewhere. Readers keep seeing the old rows until the transaction commits.
    """
    from .models import BuurtPage

    now = now or timezone.now()
    count = done = 0
    table = connection.ops.quote_name(Occurrence._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in COLUMNS)
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table}")  # one statement, no per-row collecting
        buurt_by_path = dict(BuurtPage.objects.values_list("path", "pk"))
        for pages in _page_chunks():
            rows = (
                row
                for page in pages
                for row in _rows(page, buurt_by_path.get(page.path[: -page.steplen]), _voorziening_key(page), now)
            )
            if connection.vendor == "postgresql":
                # Rows go to the server while the next ones are worked out: PostgreSQL stores and indexes
                # them on the other core meanwhile.
                with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                        count += 1
            else:
                objects = [Occurrence(**dict(zip(COLUMNS, row, strict=True))) for row in rows]
                Occurrence.objects.bulk_create(objects, batch_size=BATCH)
                count += len(objects)
            done += len(pages)
            if progress:
                progress(done)
    return count


# -- reading the table -----------------------------------------------------------------------------


def _listed(qs, locale):
    if locale is not None:
        qs = qs.filter(locale=locale)
    return qs.select_related("page", "page__voorziening", "buurt").order_by("start", "page_id")


def stored(locale=None, now=None):
    """Stored occurrences that have not ended and began at most SHORT_SPAN before `now`, with what a listing
    shows joined in (one query). Cancelled times are included: the listings show them as "Gaat niet door"
    instead of leaving them out silently. The long ones that began earlier come from `running`; `listing`
    puts both together."""
    now = now or timezone.now()
    return _listed(Occurrence.objects.filter(end__gt=now, start__gte=now - SHORT_SPAN), locale)


def running(locale=None, now=None):
    """Long occurrences (`lang_lopend`) that began more than SHORT_SPAN before `now` and have not ended: a
    multi-day exhibition, a day trip that began this morning. Few rows, read through the partial index
    occ_locale_lang_lopend."""
    now = now or timezone.now()
    qs = Occurrence.objects.filter(
        lang_lopend=True, end__gt=now, start__lt=now - SHORT_SPAN, start__gte=now - timedelta(days=MAX_SPAN_DAYS)
    )
    return _listed(qs, locale)


def listing(locale, now, refine, offset=0, count=None):
    """Rows offset … offset + count (None: all) of every stored occurrence that has not ended, sorted on
    (start, page), after `refine(queryset)` (filters). Every row of `running` begins before every row of
    `stored`, so the sorted whole is the one list followed by the other: two indexed queries, no sort of all
    rows."""
    early = list(refine(running(locale, now)))
    rows = early[offset:] if count is None else early[offset : offset + count]
    if count is None or len(rows) < count:
        skip = max(0, offset - len(early))
        rest = refine(stored(locale, now))
        rows += list(rest[skip:] if count is None else rest[skip : skip + count - len(rows)])
    return rows


def upcoming_for(locale=None, buurt=None, voorziening=None, days=7, limit=None, after=None):
    """Occurrences that have not ended and begin in the next `days` days, sorted by start (used by home and
    voorziening pages)."""
    after = after or timezone.now()

    def refine(qs):
        qs = qs.filter(start__lt=after + timedelta(days=days))
        if buurt is not None:
            qs = qs.filter(buurt=buurt)
        if voorziening is not None:
            qs = qs.filter(voorziening_key=voorziening.translation_key)
        return qs

    return listing(locale, after, refine, count=limit)
