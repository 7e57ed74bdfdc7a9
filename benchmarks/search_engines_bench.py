"""Search engines benchmark (not a test): OpenSearch vs Wagtail's database backend, same corpus, same run.

Prints search latency p50/p95 and throughput at 10 and 20 concurrent clients (threads, loopback only,
a fixed number of searches each), and how long a resident waits when the cluster is down or hangs.

    search/opensearch/start.sh                                  # 1 node on 127.0.0.1:9201
    export DATABASE_URL=sqlite:////tmp/zb-bench.sqlite3         # or postgres://… (the PostgreSQL figure)
    export OPENSEARCH_URL=http://127.0.0.1:9201 SEARCH_INDEX_PREFIX=zbbench_
    python manage.py migrate && python manage.py load_demo      # once
    python benchmarks/search_engines_bench.py --index           # --index: update_index on the engine first

With 100,000 activities (see benchmarks/search_engines_README.md, "100,000 activities"):

    export DATABASE_URL=postgres://zb:zb@127.0.0.1:5432/zb_bench
    python benchmarks/search_engines_bench.py --per-client 5 --plain --engine --engine-per-client 5
    SEARCH_TIMEOUT=30 python benchmarks/search_engines_bench.py --per-client 5 --plain --engine --skip-down

The queries are those of demo/eval/dev_queries.jsonl, searched as the portal's engine asks the backend
(PlainText, operator "or", live pages of one locale, first 100). Each search is timed from the call to
the last page object loaded. --plain adds plain Wagtail search, `Page.objects.live().search(q)` (first
20 pages). --engine adds the portal's own search (search/engine.py, as /api/zoeken/ runs it, without
its answer cache): first the cold start (the first answer of a process builds the in-memory picture
of all live pages), then 10 and 20 clients with the engine's backend set to each backend in turn.
"fallback" counts searches that the engine backend handed to the database backend (SEARCH_TIMEOUT,
default 1 s): on a busy machine the figures for OpenSearch include them. SEARCH_TIMEOUT=30 shows
what the cluster itself needs.
"""

import argparse
import json
import os
import socket
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")  # DEBUG off

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import override_settings  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402
from wagtail.search.query import PlainText  # noqa: E402

from search import backends, docindex, engine  # noqa: E402
from search.analysis import search_backends  # noqa: E402
from search.kept import Kept  # noqa: E402


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def one_search(backend_name, query, locale_pk):
    backend = get_search_backend(backend_name)
    pages = Page.objects.live().filter(locale_id=locale_pk)
    started = time.perf_counter()
    results = backend.search(PlainText(query, operator="or"), pages)[:100]
    count = len(list(results))
    return time.perf_counter() - started, count, getattr(results, "answered_by", None)


def plain_search(backend_name, query, locale_pk):
    """Plain Wagtail search, as a site without the portal's engine would do it (first page of 20)."""
    started = time.perf_counter()
    results = Page.objects.live().search(query, backend=backend_name)[:20]
    count = len(list(results))
    return time.perf_counter() - started, count, getattr(results, "answered_by", None)


_answered = threading.local()


def _record_answer(method):
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        finally:
            _answered.by = self.answered_by

    return wrapper


def engine_search(query, locale):
    """The portal's search as /api/zoeken/ runs it (without the answer cache): ranking + JSON of 20."""
    _answered.by = None
    started = time.perf_counter()
    outcome = engine.search(query, locale=locale, limit=engine.API_RESULTS)
    rows = [r.as_json() for r in outcome.results]
    return time.perf_counter() - started, len(rows), _answered.by


def rss_mb():
    with open("/proc/self/status", encoding="ascii") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:")) / 1024


def engine_cold_start(query, locale):
    """Seconds to the first answer of a process (builds the in-memory picture) and the memory it takes."""
    docindex.clear()
    before = rss_mb()
    seconds, count, _ = engine_search(query, locale)
    return seconds, count, rss_mb() - before


def backends_as_default(config, name):
    """Settings in which the engine's backend (`default`) is `name`'s backend."""
    return override_settings(WAGTAILSEARCH_BACKENDS={**config, "default": config[name]})


def run(backend_name, queries, clients, per_client, locale_pk, search=one_search):
    def client(offset):
        out = []
        try:
            for i in range(per_client):
                out.append(search(backend_name, queries[(offset + i) % len(queries)], locale_pk))
        finally:
            connection.close()
        return out

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        rows = [row for part in pool.map(client, range(0, clients * 7, 7)) for row in part]
    wall = time.perf_counter() - started
    times = [r[0] * 1000 for r in rows]
    return {
        "searches": len(rows),
        "p50_ms": percentile(times, 50),
        "p95_ms": percentile(times, 95),
        "mean_ms": statistics.fmean(times),
        "per_s": len(rows) / wall,
        "fallback": sum(1 for r in rows if r[2] == "fallback"),
        "empty": sum(1 for r in rows if r[1] == 0),
    }


def wait_when_down(url, queries, locale_pk, rounds=5):
    """Seconds a resident waits for an answer when the engine at `url` is down (first search of an outage)."""
    config = search_backends({"OPENSEARCH_URL": url, "SEARCH_INDEX_PREFIX": "zbbench_down_"})
    waits = []
    with override_settings(WAGTAILSEARCH_BACKENDS=config):
        for i in range(rounds):
            backends.reset_failover_state()
            seconds, _count, by = one_search("default", queries[i % len(queries)], locale_pk)
            assert by == "fallback"
            waits.append(seconds)
    backends.reset_failover_state()
    return waits


def silent_server():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    keep = []

    def accept():
        while True:
            try:
                keep.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    return server, f"http://127.0.0.1:{server.getsockname()[1]}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", default=str(ROOT / "demo" / "eval" / "dev_queries.jsonl"))
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 20])
    parser.add_argument("--per-client", type=int, default=20, help="searches per client (bounded loop)")
    parser.add_argument("--index", action="store_true", help="run update_index on the engine backend first")
    parser.add_argument("--plain", action="store_true", help="also time plain Page.objects.live().search(q)")
    parser.add_argument("--engine", action="store_true", help="also time the portal's engine (cold start, clients)")
    parser.add_argument("--engine-per-client", type=int, default=5, help="engine searches per client")
    parser.add_argument("--engine-cache", action="store_true", help="keep the engine's ranking cache (default: off)")
    parser.add_argument("--skip-down", action="store_true", help="skip the cluster down / hanging waits")
    args = parser.parse_args()

    config = search_backends()
    if "database" not in config:
        sys.exit("Set OPENSEARCH_URL: there is no engine to compare with.")
    with open(args.queries, encoding="utf-8") as f:
        queries = [json.loads(line)["query"] for line in f if line.strip()]
    locale_pk = Locale.objects.get(language_code="nl").pk
    vendor = connection.vendor
    print(f"database: {vendor}; engine: {config['default']['BACKEND']} at {', '.join(config['default']['URLS'])}")
    print(
        f"{len(queries)} queries; {args.per_client} searches per client; SEARCH_TIMEOUT {config['default']['SEARCH_TIMEOUT']} s"
    )
    if args.index:
        started = time.perf_counter()
        call_command("update_index", backend_name="default", verbosity=0)
        print(f"update_index on the engine: {time.perf_counter() - started:.1f} s")

    for name in ("default", "database"):  # warm up: caches, connections, JIT of the engine
        for q in queries:
            one_search(name, q, locale_pk)
    backends.reset_failover_state()

    label = {"default": "opensearch", "database": f"database ({vendor})"}
    pages = Page.objects.live().filter(locale_id=locale_pk).count()
    print(f"live pages (nl): {pages}")
    table(label, "engine's backend query (PlainText or, first 100)", queries, args, locale_pk, one_search)
    if args.plain:
        for name in ("default", "database"):
            for q in queries:
                plain_search(name, q, locale_pk)
        table(label, "plain Wagtail search: Page.objects.live().search(q)[:20]", queries, args, locale_pk, plain_search)
    if args.engine:
        measure_engine(config, label, queries, args)
    if not args.skip_down:
        measure_down(queries, locale_pk)


def table(label, title, queries, args, locale_pk, search, per_client=None, names=("default", "database")):
    print(f"\n{title}")
    print(
        f"{'backend':22} {'clients':>7} {'searches':>8} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8} {'per s':>7} {'fallback':>8} {'empty':>6}"
    )
    for clients in args.clients:
        for name in names:
            r = run(name, queries, clients, per_client or args.per_client, locale_pk, search)
            print(
                f"{label[name]:22} {clients:7} {r['searches']:8} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} "
                f"{r['mean_ms']:8.1f} {r['per_s']:7.1f} {r['fallback']:8} {r['empty']:6}",
                flush=True,
            )
            backends.reset_failover_state()


def measure_engine(config, label, queries, args):
    locale = Locale.objects.get(language_code="nl")
    # which backend answered the engine's query: "fallback" when the cluster was too slow (benchmark only)
    mixin = backends.FailoverResultsMixin
    mixin._engine_or_fallback = _record_answer(mixin._engine_or_fallback)
    if not args.engine_cache:
        engine._kept = Kept(size=0, seconds=0)  # every search ranks anew (benchmark only)
    seconds, count, grown = engine_cold_start(queries[0], locale)
    print(f"\nengine cold start (first answer of a process): {seconds:.1f} s, {count} results, RSS +{grown:.0f} MB")
    seconds, _count, _ = engine_search(queries[1], locale)
    print(f"engine second search (picture built): {seconds * 1000:.0f} ms")
    cache = "on" if args.engine_cache else "off"
    for name in ("default", "database"):
        with backends_as_default(config, name):
            for q in queries:  # warm up
                engine_search(q, locale)
            table(
                label,
                f"portal engine (search/engine.py, ranking cache {cache}) with the backend {label[name]}",
                queries,
                args,
                locale.pk,
                lambda _name, q, _pk: engine_search(q, locale),
                per_client=args.engine_per_client,
                names=(name,),
            )


def measure_down(queries, locale_pk):
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    dead_url = f"http://127.0.0.1:{closed.getsockname()[1]}"  # bound, not listening: connection refused
    waits = wait_when_down(dead_url, queries, locale_pk)
    print(f"\ncluster down (connection refused): answer from the database after {max(waits) * 1000:.0f} ms at most")
    server, hanging_url = silent_server()
    waits = wait_when_down(hanging_url, queries, locale_pk, rounds=3)
    print(f"cluster hangs (no answer): answer from the database after {max(waits) * 1000:.0f} ms at most")
    server.close()
    closed.close()


if __name__ == "__main__":
    main()
