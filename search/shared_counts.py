"""Search counts waiting for the query log, in one Redis hash that every process shares (search/querylog.py).

Only with Redis as the shared cache (portal/cache.py): the database cache has no atomic "add to a field
of a hash" and no atomic "take everything", so without Redis the counts wait in each process instead.
"""

import json
import logging
import uuid
from collections import Counter
from datetime import date

from django.core.cache import caches
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

PENDING = "search:querylog:pending"


def _client():
    """Redis' own client behind the shared cache, or None (no Redis, or Redis known to be down)."""
    from portal.cache import ForgivingRedisCache

    cache = caches["default"]
    if not isinstance(cache, ForgivingRedisCache) or cache._is_down():
        return None
    return cache._cache.get_client(write=True)


def _field(key):
    zoekterm, taal, datum, found = key
    return json.dumps([zoekterm, taal, datum.isoformat(), found])


def _key(field):
    zoekterm, taal, datum, found = json.loads(field)
    return (zoekterm, taal, date.fromisoformat(datum), found)


def add(counts):
    """Add {(zoekterm, taal, datum, found): n} to the shared hash. False when that could not be done."""
    client = _client()
    if client is None:
        return False
    cache = caches["default"]
    name = cache.make_key(PENDING)
    try:
        with client.pipeline() as pipe:
            for key, n in counts.items():
                pipe.hincrby(name, _field(key), n)
            pipe.execute()
    except RedisError as exc:
        cache._failed("query log count", exc)
        return False
    return True


def take():
    """Everything waiting in the shared hash, removed from it (one process gets each count)."""
    client = _client()
    if client is None:
        return Counter()
    cache = caches["default"]
    name = cache.make_key(PENDING)
    taken = f"{name}:taken:{uuid.uuid4().hex}"
    try:
        if not client.exists(name):
            return Counter()
        client.rename(name, taken)  # atomic: counts added after this go to a new hash
        rows = client.hgetall(taken)
        client.delete(taken)
    except RedisError as exc:
        # A rename that failed because another process took the hash first lands here too.
        if "no such key" not in str(exc).lower():
            cache._failed("query log flush", exc)
        return Counter()
    return Counter({_key(field): int(n) for field, n in rows.items()})
