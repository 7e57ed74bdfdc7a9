"""When the search engine is down or slow, residents get answers from the database backend.

These tests need no cluster: they point the engine at a closed port, or at a server that accepts
connections and never answers. The database backend holds the demo corpus (loaded by conftest).
"""

import logging
import socket
import threading
import time

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from search import backends
from search.analysis import search_backends

from .server_support import free_port


@pytest.fixture
def silent_server():
    """A TCP server that accepts connections and never answers: a cluster that hangs."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted, stop = [], threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    server.close()


def engine_at(url):
    config = search_backends({"OPENSEARCH_URL": url, "SEARCH_INDEX_PREFIX": "zbtest_down_"})
    return override_settings(WAGTAILSEARCH_BACKENDS=config)


@pytest.fixture(autouse=True)
def fresh_state():
    backends.reset_failover_state()
    yield
    backends.reset_failover_state()


def nl_pages():
    return Page.objects.live().filter(locale=Locale.objects.get(language_code="nl"))


def warnings_of(caplog):
    return [r for r in caplog.records if r.name == "search.backends" and r.levelno == logging.WARNING]


def test_unreachable_cluster_answers_from_the_database(db, caplog):
    with engine_at(f"http://127.0.0.1:{free_port()}"):
        database = [p.slug for p in get_search_backend("database").search("koffieochtend", nl_pages())[:10]]
        results = get_search_backend().search("koffieochtend", nl_pages())[:10]
        slugs = [p.slug for p in results]
    assert results.answered_by == "fallback"
    assert "koffieochtend-de-klimop" in slugs
    assert slugs == database
    assert len(warnings_of(caplog)) == 1
    assert "answering from the 'database' backend" in warnings_of(caplog)[0].getMessage()


def test_after_a_failure_the_dead_cluster_is_not_asked_again(db, caplog):
    with engine_at(f"http://127.0.0.1:{free_port()}"):
        first = get_search_backend().search("wandelen", nl_pages())[:10]
        list(first)
        second = get_search_backend().search("wandelen", nl_pages())[:10]
        assert second.count() == len(list(first))
    assert (first.answered_by, second.answered_by) == ("fallback", "fallback")
    assert len(warnings_of(caplog)) == 1  # one warning per outage, not one per search


def test_hanging_cluster_gives_up_after_the_search_timeout(db, caplog, silent_server):
    with engine_at(silent_server):
        started = time.monotonic()
        results = get_search_backend().search("koffieochtend", nl_pages())[:10]
        slugs = [p.slug for p in results]
        seconds = time.monotonic() - started
    assert results.answered_by == "fallback" and "koffieochtend-de-klimop" in slugs
    assert "ConnectionTimeout" in warnings_of(caplog)[0].getMessage()
    # SEARCH_TIMEOUT is 1 s; without it the client would wait its 10 s index timeout (and retry).
    assert seconds < 5


def test_resident_search_page_shows_results_without_an_error(client, db, caplog):
    with engine_at(f"http://127.0.0.1:{free_port()}"):
        response = client.get("/zoeken/", {"q": "koffieochtend stoelyoga"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    links = {a["href"] for a in soup.select("main a[href]")}
    assert any("koffieochtend-de-klimop" in href for href in links)
    assert warnings_of(caplog), "the fallback is logged"
    # The engine's own error path ("Search backend failed") is not needed: the backend answered.
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_with_the_engine_ranking_down_the_python_ranking_still_names_a_word_no_page_has(client, db, settings):
    # The engine ranking analyses a question without the counts the Python ranking weighs by
    # (query_understanding.analyse, weighed=False); when the engine does not answer, the Python ranking
    # analyses it again with them: "zwemles" is still a word no page has, so the question stays
    # unanswered (not everything about children) and the resident learns which word it was.
    settings.SEARCH_RANKING = "engine"
    settings.SEARCH_ANSWER_SECONDS = 0
    with engine_at(f"http://127.0.0.1:{free_port()}"):
        response = client.get("/zoeken/", {"q": "zwemles voor kinderen"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select(".search-result__title a") == []
    assert soup.select_one("#niets-gevonden") is not None
    notices = [p.get_text(" ", strip=True) for p in soup.select(".unfound p")]
    assert notices == ["Het woord ‘zwemles’ staat niet op onze pagina's."]
