"""A real Redis for the tests that need one: REDIS_URL (CI: redis://127.0.0.1:6379/0).

Without REDIS_URL those tests skip and say so; with REQUIRE_REDIS=1 they fail instead. The tests
empty that Redis database before and after each test.
"""

import os

import pytest
from django.test import override_settings

from portal.cache import caches_from_env

from .server_support import free_port


def required():
    return os.environ.get("REQUIRE_REDIS", "").strip().lower() in {"1", "true", "yes"}


def redis_url():
    url = os.environ.get("REDIS_URL", "").strip()
    if not url:
        message = "REDIS_URL is not set (start redis-server and export REDIS_URL=redis://127.0.0.1:6379/0)"
        if required():
            pytest.fail(f"{message} (REQUIRE_REDIS=1)", pytrace=False)
        pytest.skip(f"{message}; Redis tests skipped")
    return url


def redis_caches(url):
    return override_settings(CACHES=caches_from_env({"REDIS_URL": url}))


def closed_port_url():
    """A Redis URL at which nothing listens: Redis is down."""
    return f"redis://127.0.0.1:{free_port()}/0"


@pytest.fixture
def real_redis():
    """The site's cache is the real Redis of REDIS_URL, emptied before and after the test."""
    from django.core.cache import cache

    url = redis_url()
    with redis_caches(url):
        cache.clear()
        yield url
        cache.clear()
