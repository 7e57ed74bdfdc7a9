"""Versions in the shared cache (portal/cache.py): how every process learns that a cached thing changed."""
# ruff: noqa: F811  (pytest fixtures imported from the support modules)

import threading

import pytest
from django.core.cache import cache, caches
from django.test import override_settings

from portal import cache as portal_cache
from portal.cache import bump_version, caches_from_env, create_cache_table, kept_until_bumped, read_version

from .redis_support import real_redis  # noqa: F401

BUMPS_PER_THREAD = 25  # enough for two threads' increments to interleave


@pytest.fixture(params=["memory", "database", "redis"])
def shared_cache(request, db):
    """Each kind of cache the site runs on: Redis (REDIS_URL), the database table, or memory (tests)."""
    if request.param == "redis":
        request.getfixturevalue("real_redis")
        yield
        return
    if request.param == "database":
        settings = caches_from_env({})
    else:
        settings = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with override_settings(CACHES=settings):
        if request.param == "database":
            create_cache_table()
        cache.clear()
        yield
        cache.clear()


def test_a_version_is_created_once_and_kept(shared_cache):
    first = read_version("proef")
    assert first is not None
    assert read_version("proef") == first
    assert read_version("iets-anders") != first  # every name has its own version


def test_a_bump_gives_every_reader_a_new_version(shared_cache):
    before = read_version("proef")
    other = read_version("iets-anders")
    bumped = bump_version("proef")
    assert bumped != before
    assert read_version("proef") == bumped
    assert read_version("iets-anders") == other  # the bump touched only its own name


def test_a_lost_version_never_comes_back_as_an_old_one(shared_cache):
    seen = {read_version("proef")}
    for _ in range(3):
        seen.add(bump_version("proef"))
        cache.clear()  # Redis evicted it, or the database cache culled it
        assert read_version("proef") not in seen


def test_bumping_without_a_version_creates_one(shared_cache):
    bumped = bump_version("nieuw")
    assert bumped is not None
    assert read_version("nieuw") == bumped


def test_bumps_in_two_processes_at_once_all_count(real_redis):
    # Each thread has its own cache object and its own connection to Redis, like another process.
    start = read_version("proef")

    def bump_many():
        for _ in range(BUMPS_PER_THREAD):
            bump_version("proef")

    threads = [threading.Thread(target=bump_many) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert read_version("proef") == start + 2 * BUMPS_PER_THREAD


def test_kept_until_bumped_builds_once_per_version(shared_cache):
    built = []

    def build():
        built.append(len(built) + 1)
        return f"bouw {len(built)}"

    assert kept_until_bumped("proef", "ding", build, 60) == "bouw 1"
    assert kept_until_bumped("proef", "ding", build, 60) == "bouw 1"
    bump_version("proef")
    assert kept_until_bumped("proef", "ding", build, 60) == "bouw 2"
    assert kept_until_bumped("proef", "ander-ding", build, 60) == "bouw 3"


def test_without_a_reachable_cache_versions_are_none_and_things_are_built_every_time(db, monkeypatch):
    monkeypatch.setattr(portal_cache, "RETRY_AFTER", 3600.0)  # the whole test is one outage
    from .redis_support import closed_port_url, redis_caches

    with redis_caches(closed_port_url()):
        assert isinstance(caches["default"], portal_cache.ForgivingRedisCache)
        assert read_version("proef") is None
        assert bump_version("proef") is None
        built = []
        for _ in range(2):
            kept_until_bumped("proef", "ding", lambda: built.append(1), 60)
        assert len(built) == 2
