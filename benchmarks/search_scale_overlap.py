"""Does search at scale give the answers of the full in-memory picture? (not a test; prints figures)

Runs every query twice on the same database and backend: once with every page in memory, once at
scale (SEARCH_MEMORY_MAX_ACTIVITIES=0: activities are the backend's candidates, search/candidates.py).
Prints per query how many of the full picture's first 10 results the scale search also has in its
first 10, and whether the first result is the same.

    export DATABASE_URL=postgres://zb:zb@127.0.0.1:5432/zb_bench   # the 100,000-activity set
    export OPENSEARCH_URL=http://127.0.0.1:9201 SEARCH_INDEX_PREFIX=zbbench_   # leave out for PostgreSQL
    python benchmarks/search_scale_overlap.py [QUERIES.jsonl ...]
"""

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.test import override_settings  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from search import docindex, engine  # noqa: E402
from search.kept import Kept  # noqa: E402

FILES = sys.argv[1:] or [
    str(ROOT / "demo" / "eval" / "dev_queries.jsonl"),
    str(ROOT / "search" / "eval" / "heldout_queries.jsonl"),
]


def top(queries, locale, limit):
    docindex.clear()
    engine._kept = Kept(size=0, seconds=0)  # no kept rankings between the two runs
    with override_settings(SEARCH_MEMORY_MAX_ACTIVITIES=limit):
        started = time.perf_counter()
        engine.search(queries[0]["query"], locale=locale, limit=10)
        build = time.perf_counter() - started
        found = {}
        for q in queries:
            outcome = engine.search(q["query"], locale=locale, buurt=q.get("buurt") or "", limit=10)
            found[q["id"]] = [r.doc.id for r in outcome.results]
    return found, build


def main():
    locale = Locale.objects.get(language_code="nl")
    queries = [json.loads(line) for name in FILES for line in open(name, encoding="utf-8") if line.strip()]
    full, full_build = top(queries, locale, 10**9)
    scale, scale_build = top(queries, locale, 0)
    print(f"first answer (builds the picture): full {full_build:.1f} s; at scale {scale_build:.1f} s")
    overlaps, same_first, answered = [], 0, 0
    for q in queries:
        a, b = full[q["id"]], scale[q["id"]]
        if not a:
            print(f"{q['id']:5} {'-':>6}  {'':5}  {q['query']}  (no answer in full: {len(b)} at scale)")
            continue
        answered += 1
        overlap = len(set(a) & set(b)) / len(a)
        overlaps.append(overlap)
        same_first += a[0] == (b[0] if b else None)
        print(f"{q['id']:5} {overlap:6.2f}  {'same' if b and a[0] == b[0] else 'other':5}  {q['query']}")
    print(
        f"\n{answered} queries with answers: mean overlap@10 {sum(overlaps) / len(overlaps):.3f}; "
        f"same first result {same_first}/{answered}"
    )


if __name__ == "__main__":
    main()
