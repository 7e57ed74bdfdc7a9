"""How many reports ("Klopt er iets niet?") one resident, and the whole site, may send per hour.

Counted in the shared cache (portal/cache.py), so the limit holds for every worker process and
every machine: an atomic increment on a key that expires one window after the first report.

Behind a reverse proxy every request comes from the proxy's address. The resident's own address is
then read from X-Forwarded-For, counted from the right: each trusted proxy appends the address it
saw, so with TRUSTED_PROXY_COUNT proxies the entry that many places from the right was written by
our outermost proxy and cannot be forged; anything to the left of it came from the client.

Settings: REDACTIE_MELDING_RATE (reports, seconds) per resident, REDACTIE_MELDING_CEILING (reports,
seconds) for the whole site, TRUSTED_PROXY_COUNT. While the cache cannot count (Redis down) reports
are let through and the log says so: a lost report is worse than a few extra.
"""

import ipaddress
import logging

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

IPV6_NETWORK_BITS = 64  # one home or phone gets a whole /64: count the network, not each address
KEY_PREFIX = "redactie:melding:"
SITE_KEY = KEY_PREFIX + "site"

PER_CLIENT = "per_client"
SITE_CEILING = "site_ceiling"


def _setting(name):
    return getattr(settings, name)


def client_address(request):
    """The resident's address as counted: from X-Forwarded-For behind trusted proxies, else REMOTE_ADDR."""
    trusted = _setting("TRUSTED_PROXY_COUNT")
    remote = request.META.get("REMOTE_ADDR") or ""
    chosen = remote
    if trusted > 0:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        if hops:
            # Fewer entries than proxies: every entry was written by one of our proxies; take the outermost.
            chosen = hops[-trusted] if len(hops) >= trusted else hops[0]
    return _normalised(chosen) or _normalised(remote) or "onbekend"


def _normalised(text):
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return ""
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/{IPV6_NETWORK_BITS}", strict=False))
    return str(address)


def _count(key, seconds):
    """Add one to `key` (created with an expiry of `seconds`). None when the cache cannot count."""
    cache.add(key, 0, seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr: a new window starts with this report
        cache.add(key, 1, seconds)
        return 1


def take(request):
    """Count one report. Returns None when it may be stored, else PER_CLIENT or SITE_CEILING."""
    limit, seconds = _setting("REDACTIE_MELDING_RATE")
    ceiling, ceiling_seconds = _setting("REDACTIE_MELDING_CEILING")
    mine = _count(KEY_PREFIX + client_address(request), seconds)
    if mine is None:
        logger.warning("Report limit not counted: the cache is unavailable")
        return None
    if mine > limit:
        return PER_CLIENT
    site = _count(SITE_KEY, ceiling_seconds)
    if site is not None and site > ceiling:
        logger.warning("Report ceiling reached: %d reports within %d s for the whole site", site, ceiling_seconds)
        return SITE_CEILING
    return None
