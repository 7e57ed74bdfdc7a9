"""The page cache for whom: 304 answers, editors and sessions bypass it, forms and searches never poison
it, Redis stopped in the middle never gives a 500 (portal/pagecache)."""
# ruff: noqa: F811  (pytest fixtures imported from the support modules)

import logging
import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from wagtail.models import Locale

from activiteiten.models import ActiviteitPage, BuurtPage
from portal import cache as portal_cache
from portal.cache import caches_from_env
from redactie.models import Melding

from .pagecache_support import HEADER, fetch, page_cache  # noqa: F401
from .server_support import free_port


def buurt_url():
    return BuurtPage.objects.get(slug="presikhaaf", locale=Locale.get_default()).url


def activiteit():
    return ActiviteitPage.objects.live().filter(locale=Locale.get_default()).order_by("path").first()


def test_readers_get_public_short_lived_pages_and_a_304_when_nothing_changed(client, page_cache):
    url = buurt_url()
    first = client.get(url)
    assert first["Cache-Control"].startswith("public, max-age=")
    assert 0 < int(first["Cache-Control"].split("max-age=")[1]) <= 60
    assert first["ETag"] and first["Last-Modified"]
    same = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert same.status_code == 304 and same.content == b""
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"iets-anders"').status_code == 200


def test_activity_pages_with_the_report_form_are_shared_and_carry_no_token(client, page_cache):
    url = activiteit().url
    assert [fetch(client, url)[0] for _ in range(2)] == ["miss", "hit"]
    response = client.get(url)
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies


def test_editors_always_get_a_fresh_private_page_that_is_never_stored(admin_client, client, page_cache):
    url = buurt_url()
    for _ in range(2):
        response = admin_client.get(url)
        assert response[HEADER] == "bypass"
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    # What the editor saw (the userbar) was not stored for readers.
    state, html = fetch(client, url)
    assert state == "miss" and "wagtail-userbar" not in html


def test_search_with_a_query_is_never_stored(client, page_cache):
    for _ in range(2):
        response = client.get("/zoeken/?q=koffie")
        assert response.status_code == 200
        assert response.get(HEADER) != "hit"


def test_a_report_never_ends_up_in_the_page_another_reader_gets(client, page_cache):
    page = activiteit()
    _state, before = fetch(client, page.url)
    reader = Client()
    bericht = "De tijd klopt niet, het begint om elf uur (paginacache-test)."
    response = reader.post(
        f"/klopt-er-iets-niet/{page.pk}/", {"bericht": bericht, "contact": ""}, HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code in (200, 302)
    assert Melding.objects.filter(bericht=bericht).exists()
    state, after = fetch(client, page.url)
    assert state == "hit" and after == before and bericht not in after
    # A post with the form's errors shows them to that reader only.
    assert reader.post(f"/klopt-er-iets-niet/{page.pk}/", {"bericht": ""}).status_code == 400
    assert fetch(client, page.url) == ("hit", before)


def test_a_report_posted_from_another_website_is_refused(client, db):
    page = activiteit()
    data = {"bericht": "Vanaf een andere website (paginacache-test).", "contact": ""}
    response = client.post(f"/klopt-er-iets-niet/{page.pk}/", data, HTTP_ORIGIN="https://kwaadwillend.example")
    assert response.status_code == 403
    assert not Melding.objects.filter(bericht=data["bericht"]).exists()


@pytest.fixture
def own_redis():
    """A Redis server of this test alone, so that it can be stopped in the middle."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    port = free_port()
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    yield server, f"redis://127.0.0.1:{port}/0"
    server.kill()
    server.wait()


def test_redis_stopped_in_the_middle_pages_keep_coming_uncached_and_the_log_says_so(
    client, db, own_redis, caplog, monkeypatch
):
    monkeypatch.setattr(portal_cache, "RETRY_AFTER", 3600.0)  # the rest of the test is one outage
    server, url = own_redis
    with override_settings(CACHES=caches_from_env({"REDIS_URL": url}), PAGE_CACHE_ENABLED=True):
        cache.clear()
        page = buurt_url()
        assert [fetch(client, page)[0] for _ in range(2)] == ["miss", "hit"]
        server.kill()
        server.wait()
        with caplog.at_level(logging.WARNING, logger="portal.cache"):
            for _ in range(3):
                state, html = fetch(client, page)
                assert state == "miss" and "Presikhaaf" in html
        assert "Cache (Redis) failed" in caplog.text
        portal_cache._down_until.clear()
