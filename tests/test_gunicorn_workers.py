"""The production server as docs/deploy.md runs it: gunicorn with portal/gunicorn.conf.py. The master
warms the site once (portal/warmup.py) and every worker is a fork of it: a worker that replaces a crashed
one starts warmed and gives residents the same answers as before."""

import os
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from portal.warmup import warm
from search import text

from .server_support import START_SECONDS, copy_of_test_database, free_port, wait_until_serving

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 2


def _search(base, question):
    url = f"{base}/zoeken/?{urllib.parse.urlencode({'q': question})}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read().decode()


def _workers(master):
    """The pids of the master's child processes (its workers), from /proc."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a process that ended meanwhile
        if int(fields[1]) == master and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


@pytest.fixture
def server(django_db_setup, django_db_blocker, tmp_path):
    """gunicorn with the project's config and WORKERS workers, on a copy of the test database (demo corpus)."""
    why = "the server runs on a copy of the SQLite test database"
    database = copy_of_test_database(django_db_blocker, tmp_path / "server.sqlite3", why)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
        "SEARCH_ANSWER_SECONDS": "0",  # every page is searched, none is a kept answer
    }
    port, log = free_port(), tmp_path / "gunicorn.log"
    command = [sys.executable, "-m", "gunicorn", "-c", "portal/gunicorn.conf.py", "-w", str(WORKERS)]
    command += ["-b", f"127.0.0.1:{port}", "--no-control-socket", "--error-logfile", str(log), "portal.wsgi"]
    master = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base, master, lambda: log.read_text() if log.exists() else "")
        yield base, master.pid, log
    finally:
        master.terminate()
        master.wait(timeout=30)


@pytest.mark.django_db
def test_workers_that_replace_crashed_ones_start_warmed_and_answer_the_same(server):
    base, master, log = server
    status, before = _search(base, "koffie")
    assert status == 200 and "Koffieochtend" in before
    crashed = _workers(master)
    assert len(crashed) == WORKERS
    for pid in crashed:
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + START_SECONDS
    while len(_workers(master) - crashed) < WORKERS:
        assert time.monotonic() < deadline, "the master started no new workers"
        time.sleep(0.2)
    new = _workers(master) - crashed
    status, after = _search(base, "koffie")
    assert status == 200
    # The same list of results, from a worker that never ran the startup itself.
    assert after.split("<main", 1)[1].split("</main>", 1)[0] == before.split("<main", 1)[1].split("</main>", 1)[0]
    logged = log.read_text()
    for pid in new:
        assert f"Worker {pid}: warmed by the master" in logged


def test_warming_asks_the_database_nothing():
    """A connection opened in the master before the fork would be shared by every worker. This test has no
    database: pytest-django refuses any query, so warm() fails here if it asks one."""
    text.compound_lexicon.cache_clear()
    compiled = warm()
    assert compiled >= len(list((ROOT / "templates").rglob("*.html")))
    assert text.compound_lexicon.cache_info().currsize == 1
