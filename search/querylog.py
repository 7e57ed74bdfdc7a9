"""Recording searches (our log and Wagtail's Query hits) and reading the popular ones back.

Searches are counted in memory and written in one transaction at most every SEARCH_LOG_SECONDS
(default 5; 0 writes at once, as the tests do), so a busy search page does not wait for database
writes. The reports read the database, so they can be those seconds behind; what this process has not
written yet is written before a report is read, and when the process stops.
"""

import atexit
import logging
import threading
import time
from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from .models import ZoekDag

logger = logging.getLogger(__name__)

_pending = Counter()  # (zoekterm, taal, datum, found) → searches not written yet
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
    with _lock:
        _pending[(zoekterm, language[:10], timezone.localdate(), found)] += 1
        due = time.monotonic() - _last_write >= _seconds()
    if due:
        flush()


def flush():
    """Write the counted searches: per query and day one row in our log and Wagtail's daily hits."""
    global _pending, _last_write
    with _lock:
        pending, _pending = _pending, Counter()
        _last_write = time.monotonic()
    if not pending:
        return
    totals, zonder = Counter(), Counter()
    for (zoekterm, taal, datum, found), n in pending.items():
        totals[(zoekterm, taal, datum)] += n
        if not found:
            zonder[(zoekterm, taal, datum)] += n
    try:
        from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

        with transaction.atomic():
            for (zoekterm, taal, datum), total in totals.items():
                row, _created = ZoekDag.objects.get_or_create(zoekterm=zoekterm, taal=taal, datum=datum)
                ZoekDag.objects.filter(pk=row.pk).update(
                    aantal=F("aantal") + total, zonder_resultaat=F("zonder_resultaat") + zonder[(zoekterm, taal, datum)]
                )
                hits, _created = QueryDailyHits.objects.get_or_create(query=Query.get(zoekterm), date=datum)
                QueryDailyHits.objects.filter(pk=hits.pk).update(hits=F("hits") + total)
    except DatabaseError:
        logger.exception("Could not log %d searches", sum(pending.values()))


atexit.register(flush)


def top_queries(days=30, language=None, without_results=False, limit=50):
    """[{zoekterm, aantal, zonder_resultaat}] for the last `days` days, most searched first."""
    flush()
    since = timezone.localdate() - timedelta(days=days - 1)
    rows = ZoekDag.objects.filter(datum__gte=since)
    if language:
        rows = rows.filter(taal=language)
    rows = rows.values("zoekterm").annotate(aantal_sum=Sum("aantal"), zonder_sum=Sum("zonder_resultaat"))
    if without_results:
        rows = rows.filter(zonder_sum__gt=0).order_by("-zonder_sum", "zoekterm")
    else:
        rows = rows.order_by("-aantal_sum", "zoekterm")
    return [
        {"zoekterm": r["zoekterm"], "aantal": r["aantal_sum"], "zonder_resultaat": r["zonder_sum"]}
        for r in rows[:limit]
    ]


def popular_with_results(language, limit=6):
    """Searches that often found something: suggestions for a page without results."""
    rows = [r for r in top_queries(days=60, language=language, limit=limit * 4) if r["aantal"] > r["zonder_resultaat"]]
    return [r["zoekterm"] for r in rows[:limit]]
