"""What one search page costs inside one process (not a test; prints figures): every judged question once,
through `/zoeken/` with Django's test client, kept answers off, so each is a first-time question.

Prints the mean time per page, the database queries per page, and the time of the query analysis alone
(search.query_understanding.analyse) weighed, as the Python ranking needs it, and not weighed, as the
engine ranking asks it (each on a fresh picture, so that no count is kept from before); then the time of
a few broad questions with the picture's store of activity documents empty before each (BROAD). Run it with the
settings of the ranking to measure, e.g. at 100,000 activities with the engine ranking:

    export DATABASE_URL=postgres://zb:zb@127.0.0.1:5432/zb_bench100 OPENSEARCH_URL=http://127.0.0.1:9401 \\
           SEARCH_INDEX_PREFIX=bench_ SEARCH_RANKING=engine SEARCH_ANSWER_SECONDS=0 REDIS_URL=
    python benchmarks/search_page_cost.py [--runs 2] [judged file ...]

The server, the network and other processes are left out: benchmarks/search_bench.py measures those.
Figures in benchmarks/search_engines_README.md.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = [ROOT / "demo" / "eval" / f"{name}_queries.jsonl" for name in ("dev", "needs", "places", "languages")]
# Questions that find many activities (at 100,000 activities: hundreds to tens of thousands each).
BROAD = ["mantelzorg", "wandelen", "koffie", "bewegen", "ouderen", "samen eten", "vrijwilligers", "bingo",
         "iets te doen op zondagmiddag", "zingen", "computerhulp", "eenzaam"]  # fmt: skip


def questions(files):
    found = []
    for path in files:
        with open(path, encoding="utf-8") as handle:
            found += [json.loads(line)["query"] for line in handle if line.strip()]
    return found


def pages(asked):
    """(mean ms per page, database queries per page) for asking every question once, on a fresh picture and
    with nothing kept from a run before (the analyses, the activities' documents)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from search import docindex, engine

    docindex.clear()
    engine._kept.clear()
    client = Client(HTTP_HOST="localhost")
    client.get("/zoeken/", {"q": "koffie"})  # the picture and the connections, not measured
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        for question in asked:
            response = client.get("/zoeken/", {"q": question})
            if response.status_code != 200:
                raise SystemExit(f"/zoeken/?q={question} answered {response.status_code}")
        seconds = time.perf_counter() - started
    return seconds * 1000 / len(asked), len(queries.captured_queries) / len(asked)


def broad(asked):
    """[ms] for each question through `/zoeken/` with the picture's store of activity documents empty, as
    after a publish anywhere: at scale the questions that find many activities pay for building them."""
    from django.test import Client
    from wagtail.models import Locale

    from search import docindex, engine

    client = Client(HTTP_HOST="localhost")
    client.get("/zoeken/", {"q": "koffie"})
    index = docindex.get_index(Locale.get_default())
    times = []
    for question in asked:
        index.candidate_docs.clear()
        engine._kept.clear()
        started = time.perf_counter()
        client.get("/zoeken/", {"q": question})
        times.append((time.perf_counter() - started) * 1000)
    return times


def analyses(asked, weighed):
    """Mean ms per question of the query analysis alone, on a fresh picture."""
    from wagtail.models import Locale

    from search import docindex
    from search.query_understanding import analyse

    docindex.clear()
    index = docindex.get_index(Locale.get_default())
    started = time.perf_counter()
    for question in asked:
        analyse(question, index, weighed)
    return (time.perf_counter() - started) * 1000 / len(asked)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("files", nargs="*", default=[str(f) for f in FILES])
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()
    from django.conf import settings

    from search import docindex
    from search.engine_rank import engine_ranks

    asked = questions(args.files)
    runs = [pages(asked) for _ in range(args.runs)]
    weighed = [analyses(asked, True) for _ in range(args.runs)]
    light = [analyses(asked, False) for _ in range(args.runs)]
    from wagtail.models import Locale

    index = docindex.get_index(Locale.get_default())
    print(f"database: {settings.DATABASES['default']['ENGINE']} {settings.DATABASES['default'].get('NAME')}")
    print(f"ranking: {'engine' if engine_ranks() else 'python'}; at scale: {index.at_scale}; {len(asked)} questions")
    print(f"median of {args.runs} runs:")
    print(f"  /zoeken/, ms per first-time question        {statistics.median(r[0] for r in runs):8.1f}")
    print(f"  /zoeken/, database queries per question     {statistics.median(r[1] for r in runs):8.1f}")
    print(f"  analysis weighed (Python ranking), ms       {statistics.median(weighed):8.1f}")
    print(f"  analysis not weighed (engine ranking), ms   {statistics.median(light):8.1f}")
    wide = [broad(BROAD) for _ in range(args.runs)]
    print(f"{len(BROAD)} broad questions, the store of activity documents empty before each (as after a publish):")
    typical = statistics.median(statistics.median(r) for r in wide)
    print(f"  /zoeken/, median ms                          {typical:8.1f}")
    print(f"  /zoeken/, slowest ms (median of the runs)    {statistics.median(max(r) for r in wide):8.1f}")


if __name__ == "__main__":
    main()
