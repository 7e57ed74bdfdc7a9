"""Fixtures for the page cache tests: the page cache switched on, the shared cache emptied around each test."""

import pytest
from django.core.cache import cache
from django.test import override_settings

HEADER = "X-Page-Cache"


@pytest.fixture
def page_cache(db):
    with override_settings(PAGE_CACHE_ENABLED=True):
        cache.clear()
        yield
        cache.clear()


def fetch(client, url, **extra):
    """GET as an anonymous reader: (how the page cache answered, the page's text)."""
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response.get(HEADER), response.content.decode()
