"""Glossary markup and booklet benchmark (not a test): prints figures, never fails on them.

    export DATABASE_URL=sqlite:////tmp/redactie-dev.sqlite3   # or postgres://…, with load_demo done
    python benchmarks/redactie_bench.py

Measures: markup of every activiteit/voorziening/buurt text without cache (cold) and with cache (warm),
p50/p95 per page; the booklet PDF cold and cached; the writing hints per page.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.utils.safestring import mark_safe  # noqa: E402
from wagtail.models import Locale  # noqa: E402
from wagtail.rich_text import expand_db_html  # noqa: E402

from activiteiten.models import ActiviteitPage, BuurtPage, VoorzieningPage  # noqa: E402
from redactie.hints import hints_for  # noqa: E402
from woordenlijst.booklet import booklet_pdf  # noqa: E402
from woordenlijst.markup import glossary_html  # noqa: E402
from woordenlijst.models import WoordenlijstPage  # noqa: E402


def texts():
    locale = Locale.get_default()
    for model in (ActiviteitPage, VoorzieningPage):
        for page in model.objects.live().filter(locale=locale):
            yield page, mark_safe(expand_db_html(page.omschrijving))
    for page in BuurtPage.objects.live().filter(locale=locale):
        yield page, page.intro


def timed(items, fn):
    durations = []
    for item in items:
        start = time.perf_counter()
        fn(*item)
        durations.append((time.perf_counter() - start) * 1000)
    return durations


def report(label, durations):
    durations = sorted(durations)
    p95 = durations[int(len(durations) * 0.95) - 1]
    print(f"{label:40s} n={len(durations):4d}  p50={statistics.median(durations):7.2f} ms  p95={p95:7.2f} ms")


def main():
    items = list(texts())
    cache.clear()
    glossary_html(*reversed(items[0]))  # load the glossary index once
    cache.clear()
    from woordenlijst.markup import entries_for

    start = time.perf_counter()
    entries_for(Locale.get_default())
    print(f"{'glossary index (90 terms), cold':40s} {(time.perf_counter() - start) * 1000:7.1f} ms")
    report("markup per page, cold (index cached)", timed(items, lambda page, text: glossary_html(text, page)))
    report("markup per page, warm (cached)", timed(items, lambda page, text: glossary_html(text, page)))
    report("writing hints per page", timed([(p,) for p, _t in items], hints_for))
    lijst = WoordenlijstPage.objects.live().filter(locale=Locale.get_default()).first()
    cache.clear()
    start = time.perf_counter()
    size = len(booklet_pdf(lijst, None).content)
    print(f"{'booklet PDF, cold':40s} {(time.perf_counter() - start) * 1000:7.1f} ms ({size} bytes)")
    start = time.perf_counter()
    booklet_pdf(lijst, None)
    print(f"{'booklet PDF, cached':40s} {(time.perf_counter() - start) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
