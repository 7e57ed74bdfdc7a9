"""The maps of a buurt's places and of an activity's place (docs/plaatsen.md, "Kaart").

The map is an addition to the list of places, never a replacement: the list with address and route text is always
on the page. Leaflet is a static file of the portal (static/vendor/leaflet/); the map tiles come from the tile server
in MAP_TILES_URL (a URL template such as ``https://tiles.example.org/{z}/{x}/{y}.png``). Without a tile server
there is no map at all, and no empty box. The Content-Security-Policy allows images from exactly that tile host
(portal/security/csp.py uses tile_origin()).

No Django models are imported here: the CSP middleware imports this module.
"""

from urllib.parse import urlsplit

from django.conf import settings

# Leaflet's placeholder for the tile server's subdomains (a, b, c): the CSP allows any subdomain of that host.
SUBDOMAIN_PLACEHOLDER = "{s}"
TILE_SCHEMES = ("https", "http")


def tile_origin(url=None):
    """The origin the browser loads tiles from ("https://tiles.example.org"), or "" when the URL is unset or not
    an http(s) URL (then there is no map). A "{s}." subdomain placeholder becomes a "*." wildcard."""
    url = (settings.MAP_TILES_URL if url is None else url or "").strip()
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]  # never a user name or password in a CSP header
    if parts.scheme not in TILE_SCHEMES or not host or "{" in host.replace(SUBDOMAIN_PLACEHOLDER, ""):
        return ""
    return f"{parts.scheme}://{host.replace(SUBDOMAIN_PLACEHOLDER, '*')}"


def kaart_instellingen():
    """What a page needs to draw a map, or None when no tile server is set."""
    if not tile_origin():
        return None
    return {"tiles_url": settings.MAP_TILES_URL.strip(), "attribution": settings.MAP_TILES_ATTRIBUTION}


def has_coordinates(voorziening):
    return voorziening is not None and voorziening.latitude is not None and voorziening.longitude is not None
