"""The open-data files, made on request and kept in the shared cache until the content changes.

How every process learns of a change: each cache key holds the current export version (VERSION_KEY in the
shared cache, Redis or the database table, see portal/cache.py). Publishing, unpublishing, moving or deleting a
page writes a new version (signals.py), so every process, on every machine, builds the files anew on its next
request; the old entries simply expire. Entries also expire after CACHE_SECONDS, because a schedule's B1
sentence names coming exception days and holidays, which change with the date, not with a publish.
"""

import json
import uuid

from django.conf import settings
from django.core.cache import cache

from . import hsds, skos

VERSION_KEY = "partners:exports:version"
CACHE_SECONDS = 24 * 60 * 60  # a day: dates in the B1 sentences move on even without a publish


def languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def version():
    value = cache.get(VERSION_KEY)
    if value is None:
        value = uuid.uuid4().hex
        cache.set(VERSION_KEY, value, None)
    return value


def invalidate():
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def _build(name, language):
    if name == "hsds.json":
        return json.dumps(hsds.document(language), ensure_ascii=False, indent=1)
    return skos.serialize(language, name.rpartition(".")[2])


# (file name, content type) of every export; the names are part of the stable URLs in docs/partners.md.
FILES = {
    "hsds.json": "application/json",
    "woordenlijst.ttl": skos.FORMATS["ttl"][1],
    "woordenlijst.jsonld": skos.FORMATS["jsonld"][1],
}


def text(name, language):
    """The export `name` ("hsds.json", "woordenlijst.ttl", "woordenlijst.jsonld") in `language`."""
    key = f"partners:export:{version()}:{language}:{name}"
    result = cache.get(key)
    if result is None:
        result = _build(name, language)
        cache.set(key, result, CACHE_SECONDS)
    return result
