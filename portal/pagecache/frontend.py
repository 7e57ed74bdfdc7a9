"""wagtail.contrib.frontend_cache from the environment: purge a CDN or Varnish in front (docs/cache.md).

Off unless one of these is set:
- FRONTEND_CACHE_PURGE_URL=http://varnish:6081 → an HTTP PURGE to that server for each changed URL
  (Varnish, nginx with a purge module, Fastly's HTTP purge).
- CLOUDFLARE_ZONEID and CLOUDFLARE_BEARER_TOKEN → Cloudflare's purge API.
"""


def frontend_cache_from_env(environ):
    backends = {}
    purge_url = environ.get("FRONTEND_CACHE_PURGE_URL", "").strip()
    if purge_url:
        backends["http"] = {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": purge_url}
    zone, token = environ.get("CLOUDFLARE_ZONEID", "").strip(), environ.get("CLOUDFLARE_BEARER_TOKEN", "").strip()
    if zone and token:
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": zone,
            "BEARER_TOKEN": token,
        }
    return backends
