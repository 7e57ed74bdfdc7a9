"""A CDN or Varnish in front: wagtail.contrib.frontend_cache is configured from the environment, off by default."""

from portal.pagecache.frontend import frontend_cache_from_env


def test_off_without_settings():
    assert frontend_cache_from_env({}) == {}


def test_varnish_purge_url_and_cloudflare():
    backends = frontend_cache_from_env(
        {
            "FRONTEND_CACHE_PURGE_URL": "http://varnish:6081",
            "CLOUDFLARE_ZONEID": "zone",
            "CLOUDFLARE_BEARER_TOKEN": "token",
        }
    )
    assert backends["http"] == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://varnish:6081",
    }
    assert backends["cloudflare"]["ZONEID"] == "zone" and backends["cloudflare"]["BEARER_TOKEN"] == "token"


def test_cloudflare_needs_both_zone_and_token():
    assert frontend_cache_from_env({"CLOUDFLARE_ZONEID": "zone"}) == {}
