"""Two real server processes, one database, one Redis: a publish made in a third process shows on the
other servers at once: glossary explanations and cached pages (portal/pagecache, woordenlijst/markup)."""

import os
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
from wagtail.models import Locale

from activiteiten.models import ActiviteitPage, BuurtPage
from woordenlijst.models import BegripPage

from .redis_support import redis_url
from .server_support import copy_of_test_database, free_port, wait_until_serving

ROOT = Path(__file__).resolve().parent.parent
# How long another process may show the old text after a publish. The versions live in Redis, so it is
# the next request; the margin is for a machine that is busy with other work.
WITHIN_SECONDS = 10

# (The demo corpus is read from the test database, which pytest-django creates for django_db tests only.)
pytestmark = pytest.mark.django_db


def _get(base, path):
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return response.headers.get("X-Page-Cache"), response.read().decode()


@pytest.fixture
def shared_database(django_db_setup, django_db_blocker, tmp_path):
    """A copy of the test database (demo corpus) that the servers and the publisher may all change."""
    why = "the two-server test copies the SQLite test database"
    return copy_of_test_database(django_db_blocker, tmp_path / "gedeeld.sqlite3", why)


@pytest.fixture
def environment(shared_database):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"sqlite:///{shared_database}",
        "REDIS_URL": redis_url(),
        "CACHE_KEY_PREFIX": f"zb-test-{uuid.uuid4().hex[:8]}",  # this test's own keys in that Redis
        "PAGE_CACHE": "1",
        "DB_CONN_MAX_AGE": "0",
    }
    return env


@pytest.fixture
def two_servers(environment):
    servers, bases = [], []
    for _ in range(2):
        port = free_port()
        servers.append(
            subprocess.Popen(
                [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
                cwd=ROOT,
                env=environment,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        bases.append(f"http://127.0.0.1:{port}")
    try:
        for base in bases:
            wait_until_serving(base)
        yield bases
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


def publish_in_a_third_process(environment, code):
    """Publish the way the admin does (revision → publish → signals), in a process of its own."""
    script = "import django; django.setup()\n" + code
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=environment, check=True, timeout=300)


def shown_within(base, path, text):
    deadline = time.monotonic() + WITHIN_SECONDS
    while True:
        _state, html = _get(base, path)
        if text in html or time.monotonic() > deadline:
            return text in html
        time.sleep(0.2)


def test_a_publish_through_one_process_shows_on_the_other_servers(two_servers, environment, django_db_blocker):
    first, second = two_servers
    with django_db_blocker.unblock():
        begrip = BegripPage.objects.get(slug="wmo", locale=Locale.get_default())
        linking = next(p for p in ActiviteitPage.objects.live().filter(locale=begrip.locale) if "Wmo" in p.omschrijving)
        buurt = BuurtPage.objects.ancestor_of(linking).get()
        _state, buurt_html = _get(first, buurt.url)
        # An activity the buurt page lists (it shows the first few coming ones).
        listed = next(p for p in ActiviteitPage.objects.child_of(buurt).live() if p.title in buurt_html)
        pages = {"begrip": begrip.url, "activiteit": listed.url, "woordenlijst": "/woordenlijst/", "buurt": buurt.url}
        pages["linking"] = linking.url
        activity_pk = listed.pk
    for base in (first, second):
        for path in pages.values():
            _get(base, path)
        assert {_get(base, path)[0] for path in pages.values()} == {"hit"}

    uitleg = "Uitleg die in een ander proces is gepubliceerd."
    publish_in_a_third_process(
        environment,
        "from woordenlijst.models import BegripPage\n"
        f"b = BegripPage.objects.get(pk={begrip.pk})\n"
        f"b.uitleg = {uitleg!r}\n"
        "b.save_revision().publish()\n",
    )
    for base in (first, second):
        for name in ("begrip", "linking", "woordenlijst"):
            assert shown_within(base, pages[name], uitleg), (base, name)

    title = "Titel uit een ander proces"
    publish_in_a_third_process(
        environment,
        "from activiteiten.models import ActiviteitPage\n"
        f"p = ActiviteitPage.objects.get(pk={activity_pk})\n"
        f"p.title = {title!r}\n"
        "p.save_revision().publish()\n",
    )
    for base in (first, second):
        assert shown_within(base, pages["buurt"], title), base
        assert shown_within(base, pages["activiteit"], title), base
