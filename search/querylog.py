"""Recording searches (our log and Wagtail's Query hits) and reading the popular ones back."""

import logging
from datetime import timedelta

from django.db import DatabaseError, transaction
from django.db.models import Sum
from django.utils import timezone

from .models import ZoekDag

logger = logging.getLogger(__name__)


def record(outcome, language):
    """Log a search. A failure to log never breaks the search itself."""
    if not outcome.query:
        return
    try:
        with transaction.atomic():
            ZoekDag.record(outcome.query, language, bool(outcome.results))
            from wagtail.contrib.search_promotions.models import Query

            Query.get(outcome.query).add_hit()
    except DatabaseError:
        logger.exception("Could not log the search %r", outcome.query)


def top_queries(days=30, language=None, without_results=False, limit=50):
    """[{zoekterm, aantal, zonder_resultaat}] for the last `days` days, most searched first."""
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
