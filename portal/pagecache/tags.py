"""Tag versions in the shared cache, the tags a render notes, and the moment every entry expires.

A tag's version is a version of portal/cache.py (read_versions, bump_version), which says how every process
learns of a change: a stored page keeps the versions of its tags, and is served only while they are all current.
"""

import contextvars
import logging
from datetime import UTC, datetime, time, timedelta

from django.db import transaction

from portal.cache import bump_version, read_version, read_versions

logger = logging.getLogger(__name__)

SITE = "site"  # on every cached page: a change of a buurt, the home page or the site's structure
ACTIVITEITEN = "activiteiten"  # pages that list activities of the whole site
WOORDENLIJST = "woordenlijst"  # the glossary, and every page whose text got glossary links
ANY_BUMP = "pagecache:any-bump"  # a version bumped with every purge: a render that overlaps one is not stored

_noted = contextvars.ContextVar("pagecache_noted", default=None)
# The earliest moment at which something on the page being rendered changes by the clock alone (an "open now"
# text at a place's opening or closing minute): the entry must not outlive it. None: only midnight counts.
_expires = contextvars.ContextVar("pagecache_expires", default=None)


def page(pk):
    return f"page:{pk}"


def buurt(slug):
    return f"buurt:{slug}"


def _version_name(tag):
    if tag == WOORDENLIJST:
        # The glossary markup's own version (woordenlijst/markup.py): one version for one rule.
        from woordenlijst.markup import VERSION

        return VERSION
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
    names = {_version_name(tag): tag for tag in tags}
    found = read_versions(names)
    if len(found) < len(names):
        return None
    return {names[name]: version for name, version in found.items()}


def any_bump():
    """The version that every purge bumps (None when the cache is unreachable)."""
    return read_version(ANY_BUMP)


def versions_match(stored):
    """True when none of the tags of a stored page has changed since it was rendered."""
    names = {_version_name(tag): version for tag, version in stored.items()}
    found = read_versions(names)
    return len(found) == len(names) and all(found[name] == version for name, version in names.items())


def _write(tags):
    # ANY_BUMP first: a render that reads a tag's new version has then seen ANY_BUMP change, and is not stored.
    failed = bump_version(ANY_BUMP) is None
    for tag in tags:
        failed = bump_version(_version_name(tag)) is None or failed
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
