"""Open-data benchmark (not a test): time and size of each export built from scratch, and a cached request.

Run on a database with the demo content (or more):

    export DATABASE_URL=postgres://zb:zb@127.0.0.1:5432/zb_bench REDIS_URL=redis://127.0.0.1:6379/0
    python manage.py migrate && python manage.py load_demo
    python benchmarks/open_data_bench.py

Prints, per file and language: seconds to build (cache emptied first), size in kB, and the p50 of cached requests
(the answer every request gets until the next publish).
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")  # DEBUG off, any host

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from partners import exports  # noqa: E402

CACHED_RUNS = 20  # requests after the build, for the p50


def main():
    client = Client()
    for name in exports.FILES:
        for language in exports.languages():
            url = f"/open-data/{language}/{name}"
            exports.invalidate()
            started = time.perf_counter()
            exports.text(name, language)  # built in this process, then served from the cache
            built = time.perf_counter() - started
            response = client.get(url)
            cached = []
            for _run in range(CACHED_RUNS):
                started = time.perf_counter()
                client.get(url)
                cached.append(time.perf_counter() - started)
            print(
                f"{url:36} build {built:6.2f} s  "
                f"{len(response.content) / 1024:8.1f} kB  cached p50 {statistics.median(cached) * 1000:6.1f} ms"
            )


if __name__ == "__main__":
    main()
