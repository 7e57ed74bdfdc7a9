"""The open-data files, made on request and kept in the shared cache until the content changes.

How every process learns of a change: each cache key holds the current export version (VERSION, a version in
the shared cache, Redis or the database table, see portal/cache.py). Publishing, unpublishing, moving or deleting
a page bumps that version (signals.py), so every process, on every machine, builds the files anew on its next
request; the old entries simply expire. Entries also expire after CACHE_SECONDS, because a schedule's B1
sentence names coming exception days and holidays, which change with the date, not with a publish.
"""

import json

from django.conf import settings

from portal.cache import bump_version, kept_until_bumped

from . import hsds, skos

VERSION = "partners:exports"  # the name of the exports' version in the shared cache
CACHE_SECONDS = 24 * 60 * 60  # a day: dates in the B1 sentences move on even without a publish


def languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def invalidate():
    bump_version(VERSION)


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
    return kept_until_bumped(
        VERSION, f"partners:export:{language}:{name}", lambda: _build(name, language), CACHE_SECONDS
    )
