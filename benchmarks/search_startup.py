"""How soon a new process answers its first search, and what the search holds in its memory (not a test;
prints figures). Issue 12 asks for a start-up under 1 s and memory per process flat in the number of pages.

Every run is a fresh Python process (this script with --child), as a new gunicorn worker or a worker
after a restart is. It measures, on the database of DATABASE_URL:
- setup: importing Django and the project (`django.setup()`);
- picture: building the search's picture of one language (`docindex.get_index`), what the first search
  of a process waits for;
- first search: `engine.search` for each question, right after (query analysis, the backend's query);
- again after a publish: the picture built once more (`docindex.clear()` + `get_index`), what every
  process does after a page is published anywhere;
- memory: the process's resident set (VmRSS) after setup and after the searches;
- a worker's first search page (`/zoeken/?q=<first question>` through Django's handler, kept answers off),
  counted from the moment the worker exists: a fresh process (setup, URL patterns, templates, word lists,
  picture, search), and a process forked from one that ran `portal.warmup.warm()`, as gunicorn's workers
  are with `preload_app` (portal/gunicorn.conf.py): the picture and the search only.

    export DATABASE_URL=postgres://zb:zb@127.0.0.1:5432/zb_bench100   # or the demo database
    python benchmarks/search_startup.py [--runs 3] [--lang nl] [question ...]

The medians of the runs are printed; figures in benchmarks/search_engines_README.md.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ["koffie", "mantelzorg", "iets te doen op zondagmiddag", "hoffie"]


def rss_mb():
    """The resident set of this process in MB (Linux /proc)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def first_page(question, started):
    """Ms from `started` until this process has answered its first search page."""
    from django.test import Client

    response = Client(HTTP_HOST="127.0.0.1").get("/zoeken/", {"q": question})
    assert response.status_code == 200, response.status_code
    return (time.perf_counter() - started) * 1000


def setup():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ["SEARCH_ANSWER_SECONDS"] = "0"  # no kept answers: the page is searched
    import django

    django.setup()


def worker(lang, question, forked):
    """Print the ms a new worker takes to answer its first search page: fresh, or forked after warm()."""
    started = time.perf_counter()
    setup()
    if not forked:
        print(json.dumps({"fresh_first_page_ms": first_page(question, started)}))
        return
    from portal.warmup import warm

    begin = time.perf_counter()
    warm()
    warm_ms = (time.perf_counter() - begin) * 1000
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        os.write(write, json.dumps({"forked_first_page_ms": first_page(question, time.perf_counter())}).encode())
        os._exit(0)
    os.waitpid(pid, 0)
    os.close(write)
    print(json.dumps({"warm_ms": warm_ms, **json.loads(os.read(read, 4096))}))


def child(lang, questions):
    started = time.perf_counter()
    setup()
    from wagtail.models import Locale

    from search import docindex, engine

    figures = {"setup_ms": (time.perf_counter() - started) * 1000, "rss_setup_mb": rss_mb()}
    locale = Locale.objects.get(language_code=lang)
    begin = time.perf_counter()
    index = docindex.get_index(locale)
    figures["picture_ms"] = (time.perf_counter() - begin) * 1000
    figures["activities"] = index.activity_count or sum(1 for d in index.docs.values() if d.type == "activiteit")
    figures["at_scale"] = index.at_scale
    figures["docs_in_memory"] = len(index.docs)
    begin = time.perf_counter()
    found = [engine.search(q, locale).total for q in questions]
    figures["first_searches_ms"] = (time.perf_counter() - begin) * 1000 / len(questions)
    figures["found"] = found
    figures["rss_after_mb"] = rss_mb()
    docindex.clear()
    begin = time.perf_counter()
    docindex.get_index(locale)
    figures["rebuild_ms"] = (time.perf_counter() - begin) * 1000
    print(json.dumps(figures))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--worker", choices=("fresh", "forked"), help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lang", default="nl")
    parser.add_argument("questions", nargs="*", default=QUESTIONS)
    args = parser.parse_args()
    if args.child:
        child(args.lang, args.questions)
        return
    if args.worker:
        worker(args.lang, args.questions[0], forked=args.worker == "forked")
        return
    runs = []
    for _ in range(args.runs):
        run = {}
        for mode in ("--child", "--worker=fresh", "--worker=forked"):
            command = [sys.executable, __file__, mode, "--lang", args.lang, *args.questions]
            output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            run.update(json.loads(output.strip().splitlines()[-1]))
        runs.append(run)
    first = runs[0]
    print(f"database: {os.environ.get('DATABASE_URL', 'sqlite (default)')}; language {args.lang}")
    print(f"live activities: {first['activities']}; at scale: {first['at_scale']}; pages in memory: "
          f"{first['docs_in_memory']}; found per question: {first['found']}")  # fmt: skip
    print(f"median of {len(runs)} fresh processes:")
    for key, label in (
        ("setup_ms", "django.setup()"),
        ("picture_ms", "the picture, first build"),
        ("first_searches_ms", "a first search, after it (mean per question)"),
        ("rebuild_ms", "the picture again, after a publish"),
        ("rss_setup_mb", "memory after setup (MB)"),
        ("rss_after_mb", "memory after the searches (MB)"),
        ("fresh_first_page_ms", f"a fresh worker: its first page ‘{args.questions[0]}’"),
        ("warm_ms", "portal.warmup.warm() in the master"),
        ("forked_first_page_ms", "a worker forked from it: its first page"),
    ):
        print(f"  {label:<48} {statistics.median(r[key] for r in runs):>9.1f}")


if __name__ == "__main__":
    main()
