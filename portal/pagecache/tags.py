"""Tag versions in the shared cache, the tags a render notes, and the moment every entry expires."""

import contextvars
import logging
import uuid
from datetime import UTC, datetime, time, timedelta

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

SITE = "site"  # on every cached page: a change of a buurt, the home page or the site's structure
ACTIVITEITEN = "activiteiten"  # pages that list activities of the whole site
WOORDENLIJST = "woordenlijst"  # the glossary, and every page whose text got glossary links
ANY_BUMP_KEY = "pagecache:any-bump"  # changes with every purge: a render that overlaps one is not stored

_noted = contextvars.ContextVar("pagecache_noted", default=None)
# The earliest moment at which something on the page being rendered changes by the clock alone (an "open now"
# text at a place's opening or closing minute): the entry must not outlive it. None: only midnight counts.
_expires = contextvars.ContextVar("pagecache_expires", default=None)


def page(pk):
    return f"page:{pk}"


def buurt(slug):
    return f"buurt:{slug}"


def _key(tag):
    if tag == WOORDENLIJST:
        # The glossary markup's own version (woordenlijst/markup.py): one version for one rule.
        from woordenlijst.markup import VERSION_KEY

        return VERSION_KEY
    return f"pagecache:tag:{tag}"


def start_collecting():
    """Begin a render: tags noted from now on belong to this request (returns the token for `stop`)."""
    return _noted.set({SITE}), _expires.set(None)


def stop_collecting(token):
    """End a render: (the tags it noted, the moment it must expire or None)."""
    noted_token, expires_token = token
    noted, expires = _noted.get(), _expires.get()
    _noted.reset(noted_token)
    _expires.reset(expires_token)
    return noted or set(), expires


def expire_at(moment):
    """Say that the page being rendered changes by itself at `moment` (aware); nothing happens outside a render.
    activiteiten/open_nu.py calls it with the next opening or closing minute of the places it shows."""
    if moment is None or _noted.get() is None:
        return
    current = _expires.get()
    if current is None or moment < current:
        _expires.set(moment)


def note(*tags):
    """Say that the page being rendered shows what these tags name (nothing happens outside a render)."""
    noted = _noted.get()
    if noted is not None:
        noted.update(tags)


def current_versions(tags):
    """{tag: version} of these tags; a tag without a version gets one. None when the cache is unreachable."""
    keys = {_key(tag): tag for tag in tags}
    found = cache.get_many(list(keys) + [ANY_BUMP_KEY])
    missing = [key for key in keys if key not in found]
    for key in missing:
        cache.add(key, uuid.uuid4().hex, None)
    if missing:
        found.update(cache.get_many(missing))
    if any(key not in found for key in keys):
        return None
    return {keys[key]: found[key] for key in keys}


def any_bump():
    return cache.get(ANY_BUMP_KEY)


def versions_match(stored):
    """True when none of the tags of a stored page has changed since it was rendered."""
    keys = {_key(tag): version for tag, version in stored.items()}
    found = cache.get_many(list(keys))
    return len(found) == len(keys) and all(found[key] == version for key, version in keys.items())


def _write(tags):
    values = {_key(tag): uuid.uuid4().hex for tag in tags}
    values[ANY_BUMP_KEY] = uuid.uuid4().hex
    failed = cache.set_many(values, None)
    if failed:
        logger.error("Page cache: could not purge %s (cache unreachable)", ", ".join(sorted(tags)))


def bump(tags):
    """Give these tags new versions now and again when the transaction commits.

    Now: no process serves the old page any more. At commit: a render that read the old rows between
    now and the commit (and so stored the old page under the new versions) is purged as well."""
    tags = set(tags)
    if not tags:
        return
    _write(tags)
    transaction.on_commit(lambda: _write(tags))


def seconds_to_midnight(moment):
    """Whole seconds from `moment` (aware) to the next midnight in Europe/Amsterdam, at least 1."""
    from activiteiten.recurrence import AMSTERDAM

    local = moment.astimezone(AMSTERDAM)
    midnight = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=AMSTERDAM)
    # Subtract in UTC: two aware datetimes in the same zone subtract as wall-clock times, which is an
    # hour off on the nights the clocks change.
    return max(1, int((midnight.astimezone(UTC) - moment.astimezone(UTC)).total_seconds()))
