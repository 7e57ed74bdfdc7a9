"""Agenda benchmark (not a test): SQL queries per agenda page, p50/p95 render time, full refresh time.

Run on PostgreSQL (see docs in benchmarks/README-agenda.md):

    service postgresql start
    su postgres -c "createdb -O zb zb_bench"
    export DATABASE_URL=postgres://zb:zb@127.0.0.1:5432/zb_bench
    python manage.py migrate && python manage.py load_demo
    python benchmarks/agenda_bench.py --generate           # once: 100,000 activities in 500 buurten
    python benchmarks/agenda_bench.py                      # measure

Targets on the 2-core machine: at most 15 SQL queries for any agenda page; buurt agenda with 1,000
activities p95 < 100 ms; site agenda with 100,000 activities p95 < 250 ms; full occurrence refresh of
100,000 activities < 2 minutes. The script prints figures; it does not fail on them.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")  # DEBUG off, any host

import django  # noqa: E402

django.setup()

import agenda_data  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from activiteiten.models import ActiviteitPage, BuurtPage, Occurrence  # noqa: E402
from activiteiten.occurrences import refresh_all, refresh_page  # noqa: E402


def measure(client, url, runs):
    client.get(url)  # warm up (site root paths, template loading)
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    return len(executed), statistics.median(times), p95, response.content.count(b'class="agenda__item')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--generate", action="store_true", help="generate the benchmark data first")
    parser.add_argument("--drop", action="store_true", help="remove the benchmark data and stop")
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--buurten", type=int, default=500)
    parser.add_argument("--big", type=int, default=1_000, help="activities in the first (big) buurt")
    parser.add_argument("--runs", type=int, default=50, help="requests per URL")
    parser.add_argument("--skip-refresh", action="store_true", help="do not time the full refresh")
    args = parser.parse_args()

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    if args.drop:
        agenda_data.drop()
        return
    if args.generate:
        started = time.perf_counter()
        agenda_data.generate(args.activities, args.buurten, args.big)
        print(f"generated in {time.perf_counter() - started:.1f} s")

    n_acts = ActiviteitPage.objects.live().count()
    n_buurten = BuurtPage.objects.live().count()
    print(f"live activities: {n_acts}, buurten: {n_buurten}")

    if not args.skip_refresh:
        started = time.perf_counter()
        rows = refresh_all()
        seconds = time.perf_counter() - started
        print(f"full refresh: {rows} occurrence rows for {n_acts} activities in {seconds:.1f} s (target < 120 s)")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE activiteiten_occurrence")

    page = ActiviteitPage.objects.live().filter(slug__startswith="bench-act-").first()
    if page is not None:
        started = time.perf_counter()
        stored = refresh_page(page)
        print(f"refresh of one activity (on publish): {stored} rows in {(time.perf_counter() - started) * 1000:.0f} ms")
    print(f"occurrence rows: {Occurrence.objects.count()}")

    big = BuurtPage.objects.filter(slug="bench-buurt-0000").first()
    small = BuurtPage.objects.filter(slug="bench-buurt-0001").first()
    demo = BuurtPage.objects.filter(slug="presikhaaf", locale__language_code="nl").first()
    urls = []
    for buurt, label in ((big, "buurt agenda (big)"), (small, "buurt agenda (small)"), (demo, "buurt agenda (demo)")):
        if buurt is None:
            continue
        n = ActiviteitPage.objects.child_of(buurt).count()
        for query in ("", "?categorie=bewegen", "?periode=volgende-week", "?dag=di&dag=do&gratis=ja", "?pagina=5"):
            urls.append((f"{label}, {n} activities", buurt.url + query))
    slug = small.slug if small else "presikhaaf"
    for query in ("", "?categorie=bewegen", f"?buurt={slug}", "?periode=later&toegankelijk=ja",
                  "?voor=mantelzorgers&dag=za", "?pagina=10"):  # fmt: skip
        urls.append((f"site agenda, {n_acts} activities", "/agenda/" + query))

    client = Client()
    print(f"\n{'page':<42} {'url':<52} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8} {'items':>5}")
    worst, most_queries = {}, 0
    for label, url in urls:
        queries, p50, p95, items = measure(client, url, args.runs)
        print(f"{label:<42} {url:<52} {queries:>7} {p50:>8.1f} {p95:>8.1f} {items:>5}")
        worst[label] = max(worst.get(label, 0), p95)
        most_queries = max(most_queries, queries)
    print()
    for label, p95 in worst.items():
        print(f"worst p95 for {label}: {p95:.1f} ms")
    print(f"most SQL queries on an agenda page: {most_queries} (target <= 15)")


if __name__ == "__main__":
    main()
