"""Shared fixtures.

The demo corpus is loaded once per test session into the test database (committed), so that
ordinary tests (rolled back after each test) and the browser tests' live server both see it.
Without the translated demo content (demo/corpus/en|tr|ar): every page in those languages starts as an
untranslated copy, the state the language tests start from; a test that needs a translation makes it
(tests/translation_support.py), and tests/test_demo_translations.py checks the demo's translation files.
"""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from wagtail.models import Locale

from activiteiten.models import BuurtPage

SEARCH_CLUSTER_FIXTURE = "opensearch_urls"  # tests/opensearch_support.py: every cluster test depends on it


def pytest_collection_modifyitems(config, items):
    """The tests that use the search cluster run in one worker of `make test` (pytest-xdist, --dist
    loadgroup), one after the other: one of them stops a node, and none may see the cluster change under
    it. That one (marked stops_a_search_node) runs after all the others."""
    for item in items:
        if SEARCH_CLUSTER_FIXTURE in item.fixturenames or item.get_closest_marker("search_cluster"):
            item.add_marker(pytest.mark.xdist_group("search-cluster"))
    items.sort(key=lambda item: item.get_closest_marker("stops_a_search_node") is not None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        cache.clear()  # a shared cache (Redis) outlives test runs: nothing from an earlier run may show
        call_command("load_demo", "--zonder-vertalingen", verbosity=0, stdout=open("/dev/null", "w"))


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def nl(db):
    return Locale.objects.get(language_code="nl")


@pytest.fixture
def en(db):
    return Locale.objects.get(language_code="en")


# Turkish and Arabic, like English, are synchronised from Dutch by load_demo: every Dutch page has an untranslated
# copy (a wagtail-localize alias) in each of them, and a page made in a test gets its copies when it is created.
@pytest.fixture
def tr(db):
    return Locale.objects.get(language_code="tr")


@pytest.fixture
def ar(db):
    return Locale.objects.get(language_code="ar")


@pytest.fixture
def presikhaaf(nl):
    """The demo's first buurt, in Dutch: the buurt the agenda, feed, cache and privacy tests work in."""
    return BuurtPage.objects.get(slug="presikhaaf", locale=nl)


@pytest.fixture
def admin_client(db, django_user_model):
    user = django_user_model.objects.create_superuser("beheer", "beheer@example.nl", "geheim-wachtwoord")
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def forget_search_answers():
    """Each test rolls its data back; answers kept by the search page must not leak into the next test."""
    from search import answers

    answers.clear()
    yield
    answers.clear()
