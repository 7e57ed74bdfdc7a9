"""Real server processes in tests: a free port, a copy of the SQLite test database they may all change, and
waiting until a server answers (tests/test_page_cache_processes.py, tests/test_gunicorn_workers.py). A free port
is also where nothing listens: a search engine or Redis that is down (test_opensearch_failover.py, redis_support.py)."""

import socket
import sqlite3
import time
import urllib.request

import pytest
from django.conf import settings

START_SECONDS = 120  # a server process starting on a busy machine


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_of_test_database(django_db_blocker, path, why):
    """Copy the SQLite test database (demo corpus) to `path`; skip the test, saying `why` it needs SQLite, when
    the tests run on another database."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip(f"{why}; run it without DATABASE_URL")
    with django_db_blocker.unblock(), sqlite3.connect(settings.DATABASES["default"]["NAME"]) as src:
        with sqlite3.connect(path) as dst:
            src.backup(dst)
    return path


def wait_until_serving(base, process=None, describe=lambda: ""):
    """Wait until the server at `base` answers /robots.txt; fail the test after START_SECONDS, or at once when
    `process` has ended, with `describe()` (e.g. the server's log) in the message."""
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            urllib.request.urlopen(base + "/robots.txt", timeout=30).close()
            return
        except OSError:
            if time.monotonic() > deadline or (process is not None and process.poll() is not None):
                pytest.fail(f"server {base} did not start within {START_SECONDS} s {describe()}")
            time.sleep(0.5)
