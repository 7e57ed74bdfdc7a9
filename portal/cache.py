"""The shared cache: Redis when REDIS_URL is set, else a table in the site's own database.

`caches_from_env()` builds CACHES (docs/trust.md). Every process of the site, on every machine, sees
the same cache, so a count (the feedback form's limit) or a cleared entry (glossary markup after a
publish) holds for all of them.

`ForgivingRedisCache` is Django's RedisCache that never breaks a page when Redis is down or hangs:
a failed call is logged (one warning per outage, not one per request), answers as a cache miss
("not there", "not stored"), and Redis is left alone for RETRY_AFTER seconds so residents do not
wait for a dead server again and again. `incr`/`decr` answer None then: "could not count".

`read_version`/`bump_version`: the one way a cached thing learns that it changed, in every process.
"""

import base64
import logging
import pickle
import secrets
import threading
import time

from django.core.cache import cache  # a lazy proxy: safe to import from the settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache
from django.db import connections, router, transaction
from django.utils import timezone
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

DATABASE_CACHE_TABLE = "portal_cache"
# Redis answers in well under a millisecond on the same network; this long means it hangs.
REDIS_SOCKET_SECONDS = 0.5
RETRY_AFTER = 5.0  # seconds without Redis after a failure, per process


def caches_from_env(environ):
    """CACHES for this environment: REDIS_URL → Redis (degrading), otherwise the database table."""
    url = environ.get("REDIS_URL", "").strip()
    if url:
        default = {
            "BACKEND": "portal.cache.ForgivingRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": environ.get("CACHE_KEY_PREFIX", "zb"),
            "OPTIONS": {
                "socket_connect_timeout": REDIS_SOCKET_SECONDS,
                "socket_timeout": REDIS_SOCKET_SECONDS,
            },
        }
    else:
        # Created by `migrate` (search/apps.py runs createcachetable after every migrate).
        default = {"BACKEND": "portal.cache.SharedDatabaseCache", "LOCATION": DATABASE_CACHE_TABLE}
    return {"default": default}


class SharedDatabaseCache(DatabaseCache):
    """Django's database cache with an `incr` that counts like Redis: one locked row, expiry kept.

    (Django's own reads, adds and writes the value back with the default expiry, so a count that
    should last an hour would vanish five minutes after the last increment, and two processes could
    both write the same new value.)
    """

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table, value_column, key_column = quote(self._table), quote("value"), quote("cache_key")
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        now = connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {value_column} FROM {table} WHERE {key_column} = %s AND {quote('expires')} > %s{lock}",
                [key, now],
            )
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found.")
            value = pickle.loads(base64.b64decode(row[0].encode())) + delta
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(f"UPDATE {table} SET {value_column} = %s WHERE {key_column} = %s", [encoded, key])
        return value


_state_lock = threading.Lock()
_down_until = {}  # {Redis location: monotonic time until which it is left alone}; shared by all cache objects


class ForgivingRedisCache(RedisCache):
    def _location(self):
        return tuple(self._servers)

    def _is_down(self):
        with _state_lock:
            until = _down_until.get(self._location(), 0.0)
        return time.monotonic() < until

    def _failed(self, operation, exc):
        location = self._location()
        with _state_lock:
            first = time.monotonic() >= _down_until.get(location, 0.0)
            _down_until[location] = time.monotonic() + RETRY_AFTER
        if first:
            logger.warning(
                "Cache (Redis) failed during %s (%s: %s); the site works without it for the next %.0f s",
                operation,
                type(exc).__name__,
                str(exc)[:200],
                RETRY_AFTER,
            )

    def _try(self, operation, call, fallback):
        if self._is_down():
            return fallback
        try:
            return call()
        except RedisError as exc:
            self._failed(operation, exc)
            return fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("add", lambda: super(ForgivingRedisCache, self).add(key, value, timeout, version), False)

    def get(self, key, default=None, version=None):
        return self._try("get", lambda: super(ForgivingRedisCache, self).get(key, default, version), default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._try("set", lambda: super(ForgivingRedisCache, self).set(key, value, timeout, version), None)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("touch", lambda: super(ForgivingRedisCache, self).touch(key, timeout, version), False)

    def delete(self, key, version=None):
        return self._try("delete", lambda: super(ForgivingRedisCache, self).delete(key, version), False)

    def get_many(self, keys, version=None):
        return self._try("get_many", lambda: super(ForgivingRedisCache, self).get_many(keys, version), {})

    def has_key(self, key, version=None):
        return self._try("has_key", lambda: super(ForgivingRedisCache, self).has_key(key, version), False)

    def incr(self, key, delta=1, version=None):
        return self._try("incr", lambda: super(ForgivingRedisCache, self).incr(key, delta, version), None)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(
            "set_many", lambda: super(ForgivingRedisCache, self).set_many(data, timeout, version), list(data)
        )

    def delete_many(self, keys, version=None):
        self._try("delete_many", lambda: super(ForgivingRedisCache, self).delete_many(keys, version), None)

    def clear(self):
        return self._try("clear", lambda: super(ForgivingRedisCache, self).clear(), False)


def create_cache_table(using="default", verbosity=0, **kwargs):
    """After `migrate`: the database cache's table exists (does nothing for Redis, or when it is there)."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=verbosity)


# ---- Versions: "something changed" in the shared cache -------------------------------------------------------
# One truth, many processes: a thing that is cached (the open-data files, the glossary markup, a tag of the page
# cache) has a version, a number kept in the shared cache above (Redis, or the database table) under one key.
# Every cache key built from it holds the version it was built with. A change bumps the number (`bump_version`);
# every process, on every machine, reads the number again when it next needs the thing (`read_version`), so its
# old entries are simply never asked for again and expire. Nothing has to be sent to the other processes, and a
# process that started later learns the same number.
#
# The number starts at a random value, not at 0: a version key can vanish while the entries built with it stay
# (Redis evicts it, or the database cache culls it when full); a new key that started at 0 again could hand out a
# number an old entry was stored under, which would show that old entry as current. From a random start in
# 2**VERSION_START_BITS that practically never happens (Redis counts in 64-bit integers: room to spare).
VERSION_START_BITS = 62
VERSION_PREFIX = "version:"  # before every version's name, so a name never collides with another key


def _version_key(name):
    return f"{VERSION_PREFIX}{name}"


def _first_version():
    return secrets.randbits(VERSION_START_BITS)


def read_versions(names):
    """{name: version} of these names, each created when missing; a name is left out when the cache is unreachable.

    One read for all of them (the page cache asks for several at once)."""
    keys = {_version_key(name): name for name in names}
    found = cache.get_many(list(keys))
    missing = [key for key in keys if key not in found]
    for key in missing:
        # `add` writes only when the key is still missing: two processes that both miss keep the first number.
        cache.add(key, _first_version(), None)
    if missing:
        found.update(cache.get_many(missing))
    return {keys[key]: value for key, value in found.items()}


def read_version(name):
    """The current version of `name` (created when missing), or None when the cache is unreachable."""
    return read_versions([name]).get(name)


def bump_version(name):
    """A new version of `name` for every process: the number goes up by one in the cache itself (`incr`: atomic in
    Redis and in the database table), so two processes that change something at once both count. Returns the new
    version, or None when the cache is unreachable."""
    key = _version_key(name)
    cache.add(key, _first_version(), None)
    try:
        return cache.incr(key)
    except ValueError:  # gone between add and incr (evicted or culled): a new random start is a new version too
        value = _first_version()
        cache.set(key, value, None)
        return value


def kept_until_bumped(name, key, build, seconds):
    """`build()`, kept in the shared cache for `seconds` under `key` and the current version of `name`: after
    `bump_version(name)` every process builds it anew. While the cache cannot be reached it is built every time."""
    version = read_version(name)
    if version is None:
        return build()
    versioned_key = f"{key}:v{version}"
    value = cache.get(versioned_key)
    if value is None:
        value = build()
        cache.set(versioned_key, value, seconds)
    return value
