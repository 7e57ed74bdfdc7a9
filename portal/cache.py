"""The shared cache: Redis when REDIS_URL is set, else a table in the site's own database.

`caches_from_env()` builds CACHES (docs/trust.md). Every process of the site, on every machine, sees
the same cache, so a count (the feedback form's limit) or a cleared entry (glossary markup after a
publish) holds for all of them.

`ForgivingRedisCache` is Django's RedisCache that never breaks a page when Redis is down or hangs:
a failed call is logged (one warning per outage, not one per request), answers as a cache miss
("not there", "not stored"), and Redis is left alone for RETRY_AFTER seconds so residents do not
wait for a dead server again and again. `incr`/`decr` answer None then: "could not count".
"""

import base64
import logging
import pickle
import threading
import time

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
