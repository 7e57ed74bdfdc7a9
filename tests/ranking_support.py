"""The backend a resident-behaviour ranking test runs on (issue 12): the `ranking` fixture.

Every test that takes `ranking` runs twice:

- `database`: the default settings: the database backend with the Python ranking (SQLite, or PostgreSQL
  with DATABASE_URL);
- `opensearch`: the OpenSearch backend of tests/opensearch_support.py (the demo is indexed once per test
  process, `opensearch_config`) with SEARCH_RANKING = "engine": the engine ranks. Without a cluster this
  case is skipped, and with REQUIRE_SEARCH_CLUSTER=1 (CI) it fails, as the other OpenSearch tests.

A test that changes pages does it inside `with ranking.changes():`. The commit callbacks of a publish run
there (new glossary synonyms, ‘zie ook’ words, a place's activities indexed again), and on OpenSearch
the index is refreshed at the end, so that the change is searchable at once. The database rolls back
after the test, the engine's index does not: what a test wrote to it is written again from the database
(as it is after the rollback) before the next OpenSearch case starts, instead of indexing everything again.

A behaviour one backend does not give yet is marked for that backend only: `@expected_to_fail(opensearch="…")`.
"""

from contextlib import contextmanager

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.db.models.signals import post_delete, post_save
from django.test import override_settings
from modelsearch.index import get_indexed_models, insert_or_update_object, remove_object

from activiteiten.models import BuurtPage, VoorzieningPage
from activiteiten.zoekvelden import reindex_activities_of
from search import docindex
from search.synonyms import refresh_synonyms
from woordenlijst.models import BegripPage, BegripZieOok

from .opensearch_support import PREFIX, http

BACKENDS = ("database", "opensearch")
# The opensearch case needs the cluster: marked like every cluster test, so that `make test` runs it in the
# cluster's worker, before the failover test stops a node (tests/conftest.py).
BACKEND_MARKS = {"database": [], "opensearch": [pytest.mark.search_cluster]}

# (model, pk) of every indexed object saved or deleted during an OpenSearch case, written again from the
# database before the next one (the engine's index outlives the test's rollback).
_written = set()


class Ranking:
    """The backend of one test case: its name, and how a test changes pages so that the backend sees it."""

    def __init__(self, name, capture_on_commit, urls=()):
        self.name = name
        self._capture_on_commit = capture_on_commit
        self._urls = list(urls)

    @contextmanager
    def changes(self):
        with self._capture_on_commit(execute=True):
            yield
        if self._urls:
            refresh(self._urls)

    def publish(self, *pages):
        """Publish these pages as an editor does; the backend sees them at once."""
        with self.changes():
            for page in pages:
                page.save_revision().publish()


def refresh(urls):
    """Make every write so far searchable now (the index's own refresh comes within a second)."""
    http(f"{urls[0]}/{PREFIX}*/_refresh", method="POST")


def _remember(sender, instance, **kwargs):
    if sender is BegripZieOok:
        # A ‘zie ook’ link puts each term's title in the other's document (BegripPage.zie_ook_zoekwoorden).
        _written.update({(BegripPage, instance.page_id), (BegripPage, instance.doel_id)})
    elif sender in _indexed_models():
        _written.add((sender, instance.pk))


def _indexed_models():
    return set(get_indexed_models())


def _write_back(urls):
    """Index again, from the database as it is now, what earlier OpenSearch cases wrote."""
    if not _written:
        return
    written = list(_written)
    _written.clear()
    for model, pk in written:
        instance = model.objects.filter(pk=pk).first()
        if instance is None:
            remove_object(model(pk=pk))
            continue
        insert_or_update_object(instance)
        if isinstance(instance, (VoorzieningPage, BuurtPage)):
            reindex_activities_of(instance)  # their documents show the place's name and buurt
    if any(issubclass(model, BegripPage) for model, _pk in written):
        refresh_synonyms()  # a term's synonyms are in the analyzers, not in its document
    refresh(urls)


@pytest.fixture(params=[pytest.param(name, id=name, marks=BACKEND_MARKS[name]) for name in BACKENDS])
def ranking(request, settings, django_capture_on_commit_callbacks):
    # Tests roll back their changes without a publish signal: check the site's fingerprint every time.
    settings.SEARCH_INDEX_CHECK_SECONDS = 0
    if request.param == "database":
        yield Ranking("database", django_capture_on_commit_callbacks)
        return
    request.getfixturevalue("engine")  # skips (or fails when required) without a cluster
    urls = request.getfixturevalue("opensearch_urls")
    _write_back(urls)
    post_save.connect(_remember, dispatch_uid="ranking_support_saved")
    post_delete.connect(_remember, dispatch_uid="ranking_support_deleted")
    try:
        with override_settings(SEARCH_RANKING="engine", SEARCH_ANSWER_SECONDS=0):
            docindex.clear()
            yield Ranking("opensearch", django_capture_on_commit_callbacks, urls)
    finally:
        post_save.disconnect(dispatch_uid="ranking_support_saved")
        post_delete.disconnect(dispatch_uid="ranking_support_deleted")
        docindex.clear()


def expected_to_fail(database_vendor=None, **reasons):
    """Run on every backend; on the backends named (database=…, opensearch=…) the test is expected to
    fail, strictly (it must fail there), with the reason: what the resident gets instead, and why.
    `database_vendor` ("sqlite", "postgresql") limits the database case's mark to that database."""
    unknown = set(reasons) - set(BACKENDS)
    assert not unknown, f"no such backend: {unknown}"
    applies = {name: True for name in reasons}
    if database_vendor and "database" in reasons:
        applies["database"] = connection.vendor == database_vendor
    cases = [
        pytest.param(
            name,
            id=name,
            marks=[*BACKEND_MARKS[name], pytest.mark.xfail(applies[name], strict=True, reason=reasons[name])],
        )
        if name in reasons
        else pytest.param(name, id=name, marks=BACKEND_MARKS[name])
        for name in BACKENDS
    ]
    return pytest.mark.parametrize("ranking", cases, indirect=True)


def html(client, **params):
    """The search page (/zoeken/) as a resident's browser gets it."""
    response = client.get("/zoeken/", params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(soup):
    """The titles of the answers on that page, in their order."""
    return [a.get_text(strip=True) for a in soup.select(".search-result__title a")]


@pytest.fixture
def no_kept_answers(settings):
    """Every search is answered anew: no page kept from an earlier, equal search (search/answers.py)."""
    settings.SEARCH_ANSWER_SECONDS = 0
