"""Search latency against a running portal: p50/p95 at 10 and 20 concurrent clients.

    python benchmarks/search_bench.py [--url http://127.0.0.1:8000] [--requests 40] [--clients 10 20]
        [--path /zoeken/] [--queries demo/eval/dev_queries.jsonl ...] [--same-answers 6]

Loopback only (127.0.0.1, ::1, localhost) and bounded: every client sends --requests requests and
stops. The queries are those of the evaluation files (each client starts at a different one), so
the server sees realistic, varied searches. Prints figures; it asserts nothing.
"""

import argparse
import json
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILES = [ROOT / "demo" / "eval" / "dev_queries.jsonl", ROOT / "search" / "eval" / "heldout_queries.jsonl"]
LOOPBACK = {"127.0.0.1", "::1", "localhost"}
MAX_REQUESTS = 500


def load_queries(files):
    queries = []
    for path in files:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    data = json.loads(line)
                    queries.append((data["query"], data.get("buurt") or ""))
    return queries


def percentile(values, pct):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def run(base, path, queries, clients, requests):
    latencies, errors = [], []
    lock = threading.Lock()

    def client(number):
        for i in range(requests):
            query, buurt = queries[(number * 7 + i) % len(queries)]
            params = {"q": query}
            if buurt:
                params["buurt"] = buurt
            url = f"{base}{path}?{urllib.parse.urlencode(params)}"
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    response.read()
                    status = response.status
            except urllib.error.URLError as exc:
                status = getattr(exc, "code", str(exc))
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                (latencies if status == 200 else errors).append(elapsed if status == 200 else status)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return latencies, errors, wall


def same_answers(base, queries, repeats):
    """Ask every question `repeats` times on new connections (so different workers answer) through the
    JSON API; returns the questions whose list of results was not always the same."""
    differing = []
    for query, buurt in queries:
        params = urllib.parse.urlencode({"q": query, **({"buurt": buurt} if buurt else {})})
        answers = set()
        for _ in range(repeats):
            with urllib.request.urlopen(f"{base}/api/zoeken/?{params}", timeout=30) as response:
                answers.add(tuple((r["type"], r["slug"]) for r in json.loads(response.read())["results"]))
        if len(answers) > 1:
            differing.append(query)
    return differing


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--path", default="/zoeken/", help="/zoeken/ (HTML) or /api/zoeken/ (JSON)")
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 20])
    parser.add_argument("--requests", type=int, default=40, help="requests per client (at most 500)")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--queries", nargs="+", default=[str(p) for p in DEFAULT_FILES])
    parser.add_argument(
        "--same-answers", type=int, default=0, metavar="N", help="also ask every question N times: same answers?"
    )
    args = parser.parse_args(argv)

    host = urllib.parse.urlsplit(args.url).hostname
    if host not in LOOPBACK:
        parser.error(f"only a server on this machine (127.0.0.1, ::1 or localhost), not {host}")
    requests = max(1, min(args.requests, MAX_REQUESTS))
    queries = load_queries(args.queries)
    base = args.url.rstrip("/")

    run(base, args.path, queries, 1, args.warmup)  # the first search builds the in-memory picture
    print(f"{args.path} on {base}: {len(queries)} different queries, {requests} requests per client")
    print(f"{'clients':>7} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'req/s':>7} {'errors':>6}")
    for clients in args.clients:
        latencies, errors, wall = run(base, args.path, queries, clients, requests)
        if not latencies:
            print(f"{clients:>7} {'-':>8} all requests failed: {errors[:3]}")
            continue
        print(
            f"{clients:>7} {len(latencies):>8} {statistics.median(latencies):8.1f} {percentile(latencies, 95):8.1f} "
            f"{max(latencies):8.1f} {len(latencies) / wall:7.1f} {len(errors):>6}"
        )
    if args.same_answers:
        differing = same_answers(base, queries, args.same_answers)
        print(f"same answers from every worker: {len(queries) - len(differing)}/{len(queries)} questions", end="")
        print(f" (differing: {differing})" if differing else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
