"""Fixtures for the tests against a real OpenSearch cluster (imported by tests/test_opensearch_*.py).

OPENSEARCH_TEST_URL: comma-separated node URLs (CI: the 3 nodes of `search/opensearch/start.sh 3`).
Without it the tests use node 1 of a local cluster (http://127.0.0.1:9201) when one answers, and
otherwise skip and say so. With REQUIRE_SEARCH_CLUSTER=1 a missing or unreachable cluster
fails them instead. Each test process uses its own index prefix (zbtest_<pid>_) and removes its
indexes at the end.
"""

import functools
import json
import os
import time
import urllib.error
import urllib.request

import pytest
from django.core.management import call_command
from django.test import override_settings
from opensearchpy.exceptions import OpenSearchException
from wagtail.search.backends import get_search_backend

from search import backends
from search.analysis import search_backends

PREFIX = f"zbtest_{os.getpid()}_"


LOCAL_NODE = "http://127.0.0.1:9201"  # where `search/opensearch/start.sh` puts node 1


@functools.cache
def cluster_urls():
    """OPENSEARCH_TEST_URL, or else node 1 of a local cluster started with start.sh, if it answers."""
    urls = [u.strip() for u in os.environ.get("OPENSEARCH_TEST_URL", "").split(",") if u.strip()]
    if urls:
        return urls
    try:
        with urllib.request.urlopen(LOCAL_NODE, timeout=1) as response:
            if json.loads(response.read()).get("version", {}).get("distribution") == "opensearch":
                return [LOCAL_NODE]
    except (OSError, ValueError):
        pass
    return []


def required():
    return os.environ.get("REQUIRE_SEARCH_CLUSTER", "").strip().lower() in {"1", "true", "yes"}


def not_available(message, hint="start one with search/opensearch/start.sh"):
    if required():
        pytest.fail(f"{message} (REQUIRE_SEARCH_CLUSTER=1)", pytrace=False)
    pytest.skip(f"{message}; OpenSearch tests skipped ({hint})")


def http(url, method="GET", body=None, timeout=30):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read() or b"{}")


def health(url, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return http(f"{url}/_cluster/health?{query}", timeout=60)


def engine_settings(urls, **overrides):
    """WAGTAILSEARCH_BACKENDS pointing "default" at `urls`, with the test prefix."""
    config = search_backends({"OPENSEARCH_URL": ",".join(urls), "SEARCH_INDEX_PREFIX": PREFIX, "SEARCH_REPLICAS": "1"})
    config["default"].update({"SEARCH_TIMEOUT": 5.0, "RETRY_AFTER": 30.0})  # a busy CI machine
    config["default"].update(overrides)
    return config


@pytest.fixture(scope="session")
def opensearch_urls():
    urls = cluster_urls()
    if not urls:
        not_available(f"OPENSEARCH_TEST_URL is not set and no OpenSearch node answers at {LOCAL_NODE}")
    for url in urls:
        try:
            health(url, wait_for_status="yellow", timeout="30s")
            return urls
        except (OSError, urllib.error.URLError, ValueError):
            continue
    not_available(f"no OpenSearch node answers at {', '.join(urls)}")


@pytest.fixture(scope="session")
def opensearch_config(opensearch_urls, django_db_blocker):
    """The demo corpus indexed once per test process (update_index); the indexes go at the end."""
    config = engine_settings(opensearch_urls)
    with override_settings(WAGTAILSEARCH_BACKENDS=config):
        with django_db_blocker.unblock():
            call_command("update_index", backend_name="default", verbosity=0)
    yield config
    try:
        http(f"{opensearch_urls[0]}/{PREFIX}*", method="DELETE")
    except (OSError, urllib.error.URLError):
        pass


@pytest.fixture
def engine(db, opensearch_config):
    """ "default" is the OpenSearch backend during the test."""
    backends.reset_failover_state()
    with override_settings(WAGTAILSEARCH_BACKENDS=opensearch_config):
        yield get_search_backend()
    backends.reset_failover_state()


def settle(backend):
    """Make every copy of the test indexes show the writes made so far.

    Each copy of a shard (the primary and its replica, SEARCH_REPLICAS=1 on CI's 3 nodes) refreshes on its
    own second, and a search is answered by either: a search that found a new page can be followed by one
    from the other copy that does not yet (CI, stop 24). A test asserts what the index holds, so it asks
    after a refresh of every copy. Through the test's proxy while it is down the refresh fails: then the
    search that follows goes to the fallback anyway."""
    client = getattr(backend, "es", None)
    if client is None:  # the database backend: nothing to refresh
        return
    try:
        client.indices.refresh(index=f"{PREFIX}*")
    except OpenSearchException:
        pass


def search(backend, query, queryset, limit=20):
    """[(slug, answered_by)] — the pages found and which backend answered (after `settle`)."""
    settle(backend)
    results = backend.search(query, queryset)[:limit]
    pages = list(results)
    return [p.slug for p in pages], results.answered_by


def wait_for(condition, seconds=10.0, step=0.2):
    """Poll `condition` until true (the engine makes a change searchable within its 1 s refresh)."""
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(step)


def results(client, q, **params):
    """The resident search's JSON answer (/api/zoeken/) for `q` (after `settle`)."""
    settle(get_search_backend())
    response = client.get("/api/zoeken/", {"q": q, **params})
    assert response.status_code == 200
    return response.json()["results"]


def found(client, q, **params):
    """[(type, slug)] of that answer, in its order."""
    return [(r["type"], r["slug"]) for r in results(client, q, **params)]
