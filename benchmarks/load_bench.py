"""Load test on production settings: pages and searches from many clients, and is every search counted?

    DATABASE_URL=postgres://zb:zb@127.0.0.1:5432/zb REDIS_URL=redis://127.0.0.1:6379/0 \\
        python benchmarks/load_bench.py [--seconds 60] [--clients 50] [--workers 4] [--search-share 0.4]

Starts gunicorn with portal.settings.production on 127.0.0.1 (a free port, its own collected static
files), lets --clients clients request a mix of pages (found by following the links of the start
page, the agenda and the buurt pages) and searches (the evaluation queries) for --seconds seconds,
stops gunicorn gracefully (so every worker writes what its query log still holds), and compares the
number of searches answered with 200 with what the query log gained. The database must hold the
site (`manage.py migrate && manage.py load_demo`). Prints figures; it asserts nothing.
"""

import argparse
import json
import os
import random
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
QUERY_FILES = [ROOT / "demo" / "eval" / "dev_queries.jsonl", ROOT / "search" / "eval" / "heldout_queries.jsonl"]
PAGE_LIMIT = 300  # different page addresses in the mix
REQUEST_TIMEOUT = 60  # seconds a client waits for one answer
START_TIMEOUT = 120  # seconds gunicorn may take to answer its first request
# Production redirects plain http to https behind its proxy; the proxy says the request was https.
HEADERS = {"X-Forwarded-Proto": "https", "User-Agent": "zorgzame-buurten-load-bench"}
SKIP = re.compile(r"^/(admin|static|media|django-admin)/|\.(ics|pdf|csv|xml|rss)$|/ical/|/feed")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    request = urllib.request.Request(url, headers=HEADERS)
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""
    except (urllib.error.URLError, OSError) as exc:
        return type(exc).__name__, b""


def query_log_total(database_url):
    with psycopg.connect(database_url) as conn:
        return conn.execute("SELECT COALESCE(SUM(aantal), 0) FROM portal_search_zoekdag").fetchone()[0]


def load_queries():
    queries = []
    for path in QUERY_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                queries.append(json.loads(line)["query"])
    return queries


def discover_pages(base):
    """Addresses of public pages: the start page, the agenda and what they and the buurt pages link to."""
    found, todo = [], ["/", "/agenda/", "/en/"]
    while todo and len(found) < PAGE_LIMIT:
        path = todo.pop(0)
        if path in found:
            continue
        status, body = fetch(base + path)
        if status != 200:
            continue
        found.append(path)
        for href in re.findall(r'href="(/[^"#?]*)"', body.decode("utf-8", "replace")):
            if not SKIP.search(href) and href not in found and href not in todo:
                todo.append(href)
    return found


def start_server(args, port, env):
    static = tempfile.mkdtemp(prefix="zb-load-static-")
    env = {**env, "STATIC_ROOT": static}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    command = [sys.executable, "-m", "gunicorn", "portal.wsgi:application", "-w", str(args.workers)]
    command += ["-b", f"127.0.0.1:{port}", "--graceful-timeout", "30", "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if fetch(f"http://127.0.0.1:{port}/")[0] == 200:
            return server
        time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn did not answer within the start timeout")


def run(base, pages, queries, args):
    results = []  # (kind, status, milliseconds)
    lock = threading.Lock()
    stop_at = time.monotonic() + args.seconds

    def client(number):
        rng = random.Random(number)
        while time.monotonic() < stop_at:
            if rng.random() < args.search_share:
                kind = "search"
                url = f"{base}/zoeken/?{urllib.parse.urlencode({'q': rng.choice(queries)})}"
            else:
                kind, url = "page", base + rng.choice(pages)
            started = time.perf_counter()
            status, _body = fetch(url)
            with lock:
                results.append((kind, status, (time.perf_counter() - started) * 1000))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def percentile(values, pct):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--search-share", type=float, default=0.4, help="share of requests that are searches")
    args = parser.parse_args(argv)
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        parser.error("set DATABASE_URL to the PostgreSQL database that holds the site (production settings)")

    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_COOKIES": "0",
    }
    server = start_server(args, port, env)
    base = f"http://127.0.0.1:{port}"
    try:
        pages = discover_pages(base)
        queries = load_queries()
        before = query_log_total(database_url)
        started = time.monotonic()
        results = run(base, pages, queries, args)
        wall = time.monotonic() - started
    finally:
        server.send_signal(signal.SIGTERM)  # graceful: every worker writes its query log on the way out
        server.wait(timeout=60)
    after = query_log_total(database_url)

    print(f"{args.clients} clients, {args.seconds} s, gunicorn -w {args.workers}, production settings, {base}")
    print(f"mix: {len(pages)} page addresses, {len(queries)} search questions, {args.search_share:.0%} searches")
    print(f"{'kind':<7} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8}  statuses")
    for kind in ("page", "search"):
        rows = [r for r in results if r[0] == kind]
        if not rows:
            continue
        millis = [r[2] for r in rows]
        statuses = dict(sorted(Counter(str(r[1]) for r in rows).items()))
        print(
            f"{kind:<7} {len(rows):>8} {len(rows) / wall:7.1f} {statistics.median(millis):8.1f} "
            f"{percentile(millis, 95):8.1f}  {statuses}"
        )
    answered = sum(1 for kind, status, _ms in results if kind == "search" and status == 200)
    counted = after - before
    errors = sum(1 for _kind, status, _ms in results if status != 200)
    print(f"errors (not 200): {errors}")
    print(f"searches answered: {answered}; query log gained: {counted}; every search counted: {answered == counted}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
