"""The shared cache: Redis when REDIS_URL is set, the database table otherwise; Redis down never gives a 500."""
# ruff: noqa: F811  (pytest fixtures imported from the support modules)

import logging
import threading

from django.core.cache import cache, caches
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from portal import cache as portal_cache
from portal.cache import ForgivingRedisCache, SharedDatabaseCache, caches_from_env, create_cache_table
from redactie.models import Melding

from .redactie_support import activiteit_a, buurt_a  # noqa: F401
from .redis_support import closed_port_url, real_redis, redis_caches  # noqa: F401


def test_without_redis_url_the_cache_is_the_database_table(db):
    assert caches_from_env({})["default"]["LOCATION"] == "portal_cache"
    with override_settings(CACHES=caches_from_env({})):
        assert isinstance(caches["default"], SharedDatabaseCache)
        call_command("migrate", verbosity=0)  # creates the table (when the test run itself uses Redis)
        cache.set("gedeeld", "ja", 60)
        assert cache.get("gedeeld") == "ja"


def expiry_of_every_entry():
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key, expires FROM portal_cache ORDER BY cache_key")
        return cursor.fetchall()


def test_database_cache_counts_and_keeps_the_expiry(db):
    with override_settings(CACHES=caches_from_env({})):
        create_cache_table()
        cache.add("teller", 0, 3600)
        before = expiry_of_every_entry()
        assert [cache.incr("teller") for _ in range(3)] == [1, 2, 3]
        # Django's own incr writes the value back with the default expiry (300 s); ours keeps the hour.
        assert expiry_of_every_entry() == before
        assert cache.get("teller") == 3


def test_with_redis_url_the_cache_is_redis_and_shared_between_clients(real_redis):
    assert isinstance(caches["default"], ForgivingRedisCache)
    cache.set("gedeeld", "van proces 1", 60)
    seen = []
    # Another thread has its own cache object and its own connection pool, like another process.
    thread = threading.Thread(target=lambda: seen.append((caches["default"] is not cache, cache.get("gedeeld"))))
    thread.start()
    thread.join()
    assert seen == [(True, "van proces 1")]


def test_redis_down_pages_keep_working_and_the_log_says_so(client, activiteit_a, caplog, monkeypatch):
    # The whole test is one outage, however slow the machine (production: Redis is tried again after 5 s).
    monkeypatch.setattr(portal_cache, "RETRY_AFTER", 3600.0)
    with redis_caches(closed_port_url()), caplog.at_level(logging.WARNING, logger="portal.cache"):
        assert client.get(activiteit_a.url).status_code == 200
        assert client.get("/zoeken/", {"q": "koffie"}).status_code == 200
        response = client.post(
            reverse("melding", args=[activiteit_a.pk]), {"bericht": "De tijd klopt niet, het is om 10 uur."}
        )
        assert response.status_code == 302  # not counted while Redis is down, but stored
        assert cache.get("iets", "standaard") == "standaard"
    warnings = [r.getMessage() for r in caplog.records if r.name == "portal.cache"]
    assert warnings and "Cache (Redis) failed" in warnings[0]
    assert len(warnings) == 1  # one warning per outage, not one per request
    assert Melding.objects.filter(bericht__startswith="De tijd klopt niet").exists()
