"""Changes made while the search engine is unreachable wait in the database and reach it later.

The first tests need no cluster (the database backend, or an engine at a closed port or at a server
that never answers). The tests marked `search_cluster` use the real cluster of OPENSEARCH_TEST_URL
behind a small TCP proxy in this file: closing the proxy makes the cluster unreachable for the site
(connection refused), opening it brings the cluster back at the same address. What the cluster
holds is read directly from the cluster, past the proxy.
"""
# ruff: noqa: F811  (pytest fixtures imported from opensearch_support)

import logging
import socket
import threading
import time
import urllib.error
from datetime import timedelta
from io import StringIO
from urllib.parse import urlparse

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from activiteiten.models import ActiviteitPage, BuurtPage
from activiteiten.testing import make_activiteit
from search import backends
from search.analysis import search_backends
from search.models import PendingIndexChange
from woordenlijst.models import BegripPage

from .opensearch_support import (  # noqa: F401
    cluster_urls,
    engine,
    engine_settings,
    http,
    opensearch_config,
    opensearch_urls,
    search,
    wait_for,
)
from .redactie_support import edit_form_data
from .server_support import free_port
from .test_opensearch_failover import silent_server  # noqa: F401

RETRY = 1.0  # seconds the site leaves the engine alone after a failure (production: 30)


@pytest.fixture(autouse=True)
def fresh_state():
    backends.reset_failover_state()
    yield
    backends.reset_failover_state()


def buurt(slug):
    return BuurtPage.objects.get(slug=slug, locale__language_code="nl")


def nl_pages():
    return Page.objects.live().filter(locale=Locale.objects.get(language_code="nl"))


def new_activity(title, word, buurt_slug="presikhaaf"):
    return make_activiteit(
        buurt(buurt_slug), title, timezone.now() + timedelta(days=7), samenvatting=f"{title}: samen met de {word}."
    )


def queue():
    """{page id: action} of what waits for the engine."""
    return {int(row.object_id): row.action for row in PendingIndexChange.objects.all()}


def engine_at(url, **overrides):
    config = search_backends({"OPENSEARCH_URL": url, "SEARCH_INDEX_PREFIX": "zbtest_down_"})
    config["default"].update(overrides)
    return override_settings(WAGTAILSEARCH_BACKENDS=config)


def problems(caplog):
    return [r for r in caplog.records if r.levelno >= logging.ERROR]


def queue_warnings(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "search.pending" and r.levelno == logging.WARNING]


def run_command(*args):
    out = StringIO()
    call_command("replay_search_queue", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


# -- without a cluster ------------------------------------------------------------------------------


def test_database_backend_needs_no_queue(db):
    page = new_activity("Okapikoor zingt", "okapikoor")
    Page.objects.get(pk=page.pk).specific.unpublish()
    Page.objects.get(pk=page.pk).delete()
    assert PendingIndexChange.objects.count() == 0
    assert run_command() == "Geen zoekmachine ingesteld (OPENSEARCH_URL): niets te doen.\n"


def test_unreachable_engine_keeps_the_changes_and_the_editor_gets_no_error(db, caplog):
    with engine_at(f"http://127.0.0.1:{free_port()}"):
        page = new_activity("Okapikoor zingt", "okapikoor")
        assert ActiviteitPage.objects.get(pk=page.pk).live
        assert queue()[page.pk] == "index"
        row = PendingIndexChange.objects.get(object_id=str(page.pk))
        assert row.content_type.model_class() is Page  # one row per page, whatever its type

        Page.objects.get(pk=page.pk).delete()
        assert not Page.objects.filter(pk=page.pk).exists()
        assert queue()[page.pk] == "delete"  # the newest change wins
        assert PendingIndexChange.objects.filter(object_id=str(page.pk)).count() == 1

        with pytest.raises(CommandError, match="De zoekmachine is niet bereikbaar"):
            run_command()
        assert queue()[page.pk] == "delete"  # still waiting

    assert "ConnectionError" in queue_warnings(caplog)[0]
    assert problems(caplog) == []


def test_publishing_in_the_admin_succeeds_while_the_engine_is_down(admin_client, caplog):
    page = new_activity("Okapikoor zingt", "okapikoor")
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = edit_form_data(admin_client, page, title="Okapikoor zingt weer", **{"action-publish": "publish"})
    with engine_at(f"http://127.0.0.1:{free_port()}"):
        response = admin_client.post(edit_url, data, follow=True)
    assert response.status_code == 200
    assert ActiviteitPage.objects.get(pk=page.pk).title == "Okapikoor zingt weer"
    assert "is gepubliceerd" in response.content.decode() or "has been published" in response.content.decode()
    assert queue() == {page.pk: "index"}
    assert problems(caplog) == []


def test_a_glossary_change_during_an_outage_waits_for_the_replay(db, caplog, django_capture_on_commit_callbacks):
    begrip = BegripPage.objects.get(slug="wmo", locale__language_code="nl")
    with engine_at(f"http://127.0.0.1:{free_port()}"):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            begrip.save_revision().publish()
    assert callbacks, "the synonym refresh was scheduled"
    assert queue()[begrip.pk] == "index"  # (and its English alias page)
    # The engine was known to be down: the synonyms were not tried (the replay puts them in).
    assert [r for r in caplog.records if r.name == "search.synonyms"] == []
    assert problems(caplog) == []


def test_a_hanging_engine_is_waited_for_once(db, silent_server, caplog):
    with engine_at(silent_server, TIMEOUT=1):
        first = new_activity("Okapikoor zingt", "okapikoor")
        second = new_activity("Okapikoor danst", "okapikoor")
    assert queue() == {first.pk: "index", second.pk: "index"}
    warnings = queue_warnings(caplog)
    assert "ConnectionTimeout" in warnings[0]
    # After the first timeout the engine is known to be down: later writes go to the queue at once.
    assert len(warnings) > 1 and all("EngineDown" in w for w in warnings[1:])
    assert "EngineDown" in PendingIndexChange.objects.get(object_id=str(second.pk)).error
    assert problems(caplog) == []


# -- with the real cluster ---------------------------------------------------------------------------


class Proxy:
    """127.0.0.1:<port> → the cluster. `down()` refuses connections (and cuts open ones), `up()` serves."""

    def __init__(self, target):
        self.target = target
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.sockets, self.lock, self.listener, self.thread = set(), threading.Lock(), None, None

    def up(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        listener.settimeout(0.2)
        self.thread = threading.Thread(target=self._accept, args=(listener,), daemon=True)
        self.thread.start()

    def down(self):
        listener, self.listener = self.listener, None
        listener.close()
        self.thread.join(timeout=5)
        with self.lock:
            for sock in self.sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
            self.sockets.clear()

    def _accept(self, listener):
        while self.listener is listener:
            try:
                client = listener.accept()[0]
                upstream = socket.create_connection(self.target, timeout=30)
            except OSError:
                continue
            with self.lock:
                self.sockets.update((client, upstream))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source, target):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


@pytest.fixture
def proxy(opensearch_urls):
    url = urlparse(opensearch_urls[0])
    proxy = Proxy((url.hostname, url.port))
    proxy.up()
    yield proxy
    if proxy.listener is not None:
        proxy.down()


@pytest.fixture
def site(engine, proxy):
    """Wagtail's "default" backend reaches the cluster through the proxy (the same indexes as `engine`)."""
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_settings([proxy.url], RETRY_AFTER=RETRY)):
        yield get_search_backend()


def in_cluster(engine, page_id):
    """The page's document as the cluster holds it ({} if there is none), read past the proxy."""
    index = engine.get_index_for_model(Page).name
    try:
        answer = http(f"{cluster_urls()[0]}/{index}/_doc/{page_id}")
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return {}
        raise
    return answer.get("_source", {}) if answer.get("found") else {}


def found(site, word):
    """Slugs the site's search finds for `word` (nl, live), and who answered."""
    return search(site, word, nl_pages())


def engine_finds(site, word, expected, queryset=None):
    """True when the engine (not the fallback) answers `word` with the pages `expected` (slugs)."""
    slugs, by = search(site, word, nl_pages() if queryset is None else queryset)
    return by == "engine" and sorted(slugs) == sorted(expected)


def live_in_cluster(engine, page_id):
    return in_cluster(engine, page_id).get("live_filter") is True


@pytest.mark.search_cluster
def test_outage_changes_are_replayed_when_a_search_finds_the_engine_back(site, engine, proxy):
    word = "okapikoor"
    stays, unpublished, deleted = (new_activity(f"Okapikoor {n}", word) for n in ("blijft", "stopt", "verdwijnt"))
    assert wait_for(lambda: all(live_in_cluster(engine, p.pk) for p in (stays, unpublished, deleted)))

    proxy.down()
    new = new_activity("Okapikoor begint", word)
    Page.objects.get(pk=unpublished.pk).specific.unpublish()
    Page.objects.get(pk=deleted.pk).delete()
    assert queue() == {new.pk: "index", unpublished.pk: "index", deleted.pk: "delete"}
    # Residents still find the new page (the database answers); the cluster has seen nothing.
    slugs, by = found(site, word)
    assert by == "fallback" and "okapikoor-begint" in slugs and "okapikoor-stopt" not in slugs
    time.sleep(2)  # longer than the engine's 1 s refresh
    assert in_cluster(engine, new.pk) == {}
    assert live_in_cluster(engine, unpublished.pk) and live_in_cluster(engine, deleted.pk)

    proxy.up()
    time.sleep(RETRY + 0.2)  # the site tries the engine again after RETRY_AFTER
    assert wait_for(lambda: found(site, word)[1] == "engine" and not PendingIndexChange.objects.exists())
    assert live_in_cluster(engine, new.pk)
    assert in_cluster(engine, unpublished.pk)["live_filter"] is False
    assert in_cluster(engine, deleted.pk) == {}
    assert wait_for(lambda: engine_finds(site, word, ["okapikoor-begint", "okapikoor-blijft"]))


@pytest.mark.search_cluster
def test_the_next_successful_write_replays_the_queue(site, engine, proxy):
    proxy.down()
    waiting = new_activity("Gnoekoor wacht", "gnoekoor")
    assert queue() == {waiting.pk: "index"}
    proxy.up()
    time.sleep(RETRY + 0.2)
    later = new_activity("Gnoekoor later", "gnoekoor")  # written at once; then the queue follows
    assert queue() == {}
    assert wait_for(lambda: live_in_cluster(engine, waiting.pk) and live_in_cluster(engine, later.pk))
    assert wait_for(lambda: engine_finds(site, "gnoekoor", ["gnoekoor-later", "gnoekoor-wacht"]))


@pytest.mark.search_cluster
def test_the_command_replays_edits_moves_and_deletes(site, engine, proxy):
    edited = new_activity("Zingen op woensdag", "lamakoor")  # the word only in the summary
    moved = new_activity("Lamakoor verhuist", "lamakoor")
    deleted = new_activity("Lamakoor stopt", "lamakoor")
    assert wait_for(lambda: all(live_in_cluster(engine, p.pk) for p in (edited, moved, deleted)))
    malburgen = buurt("malburgen")

    proxy.down()
    page = ActiviteitPage.objects.get(pk=edited.pk)
    page.samenvatting = "Samen zingen met de buren."  # no longer "lamakoor"
    page.save_revision().publish()
    Page.objects.get(pk=moved.pk).move(malburgen, pos="last-child")
    Page.objects.get(pk=deleted.pk).delete()
    added = new_activity("Lamakoor nieuw", "lamakoor")
    assert queue() == {edited.pk: "index", moved.pk: "index", deleted.pk: "delete", added.pk: "index"}
    with pytest.raises(CommandError, match="niet bereikbaar"):
        run_command()
    assert len(queue()) == 4

    proxy.up()
    listing = run_command("--list")
    assert "4 wijzigingen wachten." in listing and f"pagina {deleted.pk}, weghalen uit de zoekmachine" in listing
    output = run_command()
    assert f"bijgewerkt: pagina {added.pk} (Lamakoor nieuw)" in output
    assert f"weggehaald: pagina {deleted.pk}" in output
    assert "Klaar: 3 bijgewerkt en 1 weggehaald in de zoekmachine." in output
    assert queue() == {}
    assert run_command() == "Er wachten geen wijzigingen. De zoekmachine is bij.\n"  # idempotent

    assert wait_for(lambda: engine_finds(site, "lamakoor", ["lamakoor-nieuw", "lamakoor-verhuist"]))
    assert engine_finds(site, "lamakoor", ["lamakoor-verhuist"], Page.objects.live().descendant_of(malburgen))
    assert in_cluster(engine, deleted.pk) == {}


@pytest.mark.search_cluster
def test_update_index_clears_the_queue(site, engine, proxy):
    proxy.down()
    waiting = new_activity("Emoekoor wacht", "emoekoor")
    assert queue() == {waiting.pk: "index"}
    proxy.up()
    backends.reset_failover_state()
    call_command("update_index", backend_name="default", verbosity=0)
    assert queue() == {}
    assert live_in_cluster(engine, waiting.pk)
    assert engine_finds(site, "emoekoor", ["emoekoor-wacht"])
