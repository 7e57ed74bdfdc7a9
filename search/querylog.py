"""Recording searches (our log and Wagtail's Query hits) and reading them back for the admin reports.

The log never reaches a public page: the popular searches residents see are the list editors keep
(search/populair.py).

Searches are counted first and written to the database in one transaction at most every
SEARCH_LOG_SECONDS (default 5; 0 writes at once, as the tests do), so a busy search page does not wait
for database writes. Where the counts wait:
- With Redis as the shared cache (REDIS_URL): in one Redis hash (HINCRBY), shared by every process on
  every machine. Any process that finds the interval passed empties it (an atomic RENAME, so two
  flushes never write the same counts) and writes it; a process that stops or crashes loses nothing.
- Without Redis (`make run`, one machine): in this process's memory, written when the process stops.
The reports read the database, so they can be those seconds behind; what is waiting is written before
a report is read.
"""

import atexit
import logging
import threading
import time
from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Sum
from django.utils import timezone

from . import shared_counts
from .models import ZoekDag

logger = logging.getLogger(__name__)

# (zoekterm, taal, datum, found) → searches not written yet, only while Redis cannot be used (see above);
# no other process needs them before they are in the database, which every process reads.
_pending = Counter()
_lock = threading.Lock()
_last_write = time.monotonic()


def _seconds():
    return getattr(settings, "SEARCH_LOG_SECONDS", 5)


def record_query(query, language, found):
    """Count a search (`query` as cleaned by the engine). A failure to log never breaks the search."""
    global _last_write
    zoekterm = " ".join((query or "").lower().split())[:255]
    if not zoekterm:
        return
    key = (zoekterm, language[:10], timezone.localdate(), found)
    if not shared_counts.add(Counter({key: 1})):
        with _lock:
            _pending[key] += 1
    with _lock:
        due = time.monotonic() - _last_write >= _seconds()
    if due:
        flush()


def flush():
    """Write the counted searches: per query and day one row in our log and Wagtail's daily hits.

    Many processes flush at the same time. Each row is one upsert (INSERT … ON CONFLICT DO UPDATE,
    adding to what is there), and every flush takes its rows in the same order (sorted keys; our log,
    then Wagtail's queries, then its daily hits), so two flushes wait for each other instead of
    deadlocking (which lost searches under load when each flush took its rows in its own order).
    Counts that could not be written go back into the buffer for the next flush.
    """
    global _pending, _last_write
    with _lock:
        pending, _pending = _pending, Counter()
        _last_write = time.monotonic()
    shared = shared_counts.take()
    pending.update(shared)
    if not pending:
        return
    try:
        write_counts(pending)
    except DatabaseError:
        logger.exception("Could not log %d searches; they are kept for the next try", sum(pending.values()))
        if not shared_counts.add(pending):
            with _lock:
                _pending.update(pending)


def write_counts(pending):
    """Add `pending` ({(zoekterm, taal, datum, found): searches}) to the log in one transaction."""
    with transaction.atomic():
        _write(pending)


def _write(pending):
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
    from wagtail.search.utils import normalise_query_string

    totals, zonder, hits = Counter(), Counter(), Counter()
    for (zoekterm, taal, datum, found), n in pending.items():
        totals[(zoekterm, taal, datum)] += n
        zonder[(zoekterm, taal, datum)] += 0 if found else n
        hits[(normalise_query_string(zoekterm)[:255], datum)] += n
    log, query, daily = (connection.ops.quote_name(m._meta.db_table) for m in (ZoekDag, Query, QueryDailyHits))
    with connection.cursor() as cursor:
        for (zoekterm, taal, datum), total in sorted(totals.items()):
            cursor.execute(
                f"INSERT INTO {log} (zoekterm, taal, datum, aantal, zonder_resultaat) VALUES (%s, %s, %s, %s, %s) "
                f"ON CONFLICT (zoekterm, taal, datum) DO UPDATE SET aantal = {log}.aantal + EXCLUDED.aantal, "
                f"zonder_resultaat = {log}.zonder_resultaat + EXCLUDED.zonder_resultaat",
                [zoekterm, taal, datum, total, zonder[(zoekterm, taal, datum)]],
            )
        query_ids = {}
        for query_string in sorted({q for q, _datum in hits}):
            cursor.execute(
                f"INSERT INTO {query} (query_string) VALUES (%s) ON CONFLICT (query_string) DO NOTHING", [query_string]
            )
            cursor.execute(f"SELECT id FROM {query} WHERE query_string = %s", [query_string])
            query_ids[query_string] = cursor.fetchone()[0]
        for (query_string, datum), n in sorted(hits.items()):
            cursor.execute(
                f"INSERT INTO {daily} (query_id, date, hits) VALUES (%s, %s, %s) "
                f"ON CONFLICT (query_id, date) DO UPDATE SET hits = {daily}.hits + EXCLUDED.hits",
                [query_ids[query_string], datum, n],
            )


atexit.register(flush)


def top_queries(days=30, without_results=False, limit=50, per_language=False):
    """[{zoekterm, aantal, zonder_resultaat}] for the last `days` days, most searched first.

    `per_language`: one row per term and language, each with its `taal`."""
    flush()
    since = timezone.localdate() - timedelta(days=days - 1)
    grouping = ["zoekterm", "taal"] if per_language else ["zoekterm"]
    rows = ZoekDag.objects.filter(datum__gte=since).values(*grouping)
    rows = rows.annotate(aantal_sum=Sum("aantal"), zonder_sum=Sum("zonder_resultaat"))
    if without_results:
        rows = rows.filter(zonder_sum__gt=0).order_by("-zonder_sum", "zoekterm")
    else:
        rows = rows.order_by("-aantal_sum", *grouping)
    return [
        {**{key: r[key] for key in grouping}, "aantal": r["aantal_sum"], "zonder_resultaat": r["zonder_sum"]}
        for r in rows[:limit]
    ]
