"""The map and "Wat is er bij mij in de buurt?" in Chromium: axe-core finds nothing at 320 px in every state, the
map draws from the portal's own Leaflet with tiles from the configured host only, and the keyboard gets past it."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings

from .conftest import assert_fits, assert_no_axe_violations

TILE_HOST = "https://tiles.example.test"
TILE_PNG = (Path(django_settings.BASE_DIR) / "static/vendor/leaflet/images/layers.png").read_bytes()

POSTCODE_STATES = {
    "leeg": "/bij-mij-in-de-buurt/",
    "antwoord": "/bij-mij-in-de-buurt/?postcode=6826+HK",
    "straat": "/bij-mij-in-de-buurt/?postcode=Vlierbesstraat",
    "niets-getypt": "/bij-mij-in-de-buurt/?postcode=",
    "letters": "/bij-mij-in-de-buurt/?postcode=abc",
    "vijf-cijfers": "/bij-mij-in-de-buurt/?postcode=68265",
    "drie-cijfers": "/bij-mij-in-de-buurt/?postcode=682",
    "onbekend": "/bij-mij-in-de-buurt/?postcode=1234",
    "engels": "/en/bij-mij-in-de-buurt/?postcode=6826+HK",
    "arabisch": "/ar/bij-mij-in-de-buurt/?postcode=6826+HK",
    "home": "/",
}
MAP_PAGES = {
    "buurt": "/presikhaaf/",
    "activiteit": "/presikhaaf/koffieochtend-de-klimop/",
    "voorziening": "/presikhaaf/buurthuis-de-klimop/",
    "postcode": "/bij-mij-in-de-buurt/?postcode=6826+HK",
    "buurt-arabisch": "/ar/presikhaaf/",
}


@pytest.fixture
def tiles(settings):
    settings.MAP_TILES_URL = TILE_HOST + "/{z}/{x}/{y}.png"
    settings.MAP_TILES_ATTRIBUTION = '&copy; <a href="https://example.test/">Voorbeeldkaart</a>'
    yield


def _serve_tiles(page):
    """No network in tests: the browser gets a small PNG for every tile of the configured host."""
    page.route(TILE_HOST + "/**", lambda route: route.fulfill(status=200, content_type="image/png", body=TILE_PNG))


@pytest.mark.parametrize("name", POSTCODE_STATES)
def test_postcode_page_states_have_no_axe_violations_at_320_px(phone_page, live_url, name):
    response = phone_page.goto(live_url + POSTCODE_STATES[name])
    assert response.status == 200
    assert_fits(phone_page)
    assert_no_axe_violations(phone_page)


@pytest.mark.parametrize("name", MAP_PAGES)
def test_map_pages_with_a_tile_server_draw_the_map_and_pass_axe_at_320_px(phone_page, live_url, tiles, name):
    errors, leaflet = [], []
    phone_page.on("pageerror", lambda error: errors.append(str(error)))
    phone_page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    phone_page.on("response", lambda r: leaflet.append(r.url) if "leaflet" in r.url and r.ok else None)
    _serve_tiles(phone_page)
    response = phone_page.goto(live_url + MAP_PAGES[name])
    assert TILE_HOST in response.headers["content-security-policy"]
    block = phone_page.locator("[data-kaart-blok]")
    block.wait_for(state="visible")
    places = phone_page.locator(f"#{phone_page.locator('[data-kaart]').get_attribute('data-kaart-bron')}")
    names = {places.nth(0).get_attribute("data-naam")} if places.get_attribute("data-lat") else set()
    names |= {p.get_attribute("data-naam") for p in places.locator("[data-lat]").all()}
    markers = phone_page.locator(".leaflet-marker-icon")
    # Every place has a marker, named after it; places too close to tell apart share one (named after all).
    on_map = {name for i in range(markers.count()) for name in markers.nth(i).get_attribute("alt").split(", ")}
    assert names and on_map == names
    phone_page.locator(".leaflet-tile-loaded").first.wait_for()
    assert f"{live_url}/static/vendor/leaflet/leaflet.js" in leaflet
    assert errors == []
    assert_fits(phone_page)
    assert_no_axe_violations(phone_page)


def test_the_keyboard_reaches_the_markers_and_gets_past_the_map(page, live_url, tiles):
    _serve_tiles(page)
    page.goto(live_url + "/presikhaaf/")
    page.locator("[data-kaart-blok]").wait_for(state="visible")
    page.locator("#plekken-lijst a").last.focus()
    seen = []
    for _ in range(30):
        page.keyboard.press("Tab")
        inside = page.evaluate("!!document.activeElement.closest('[data-kaart-blok]')")
        seen.append(page.evaluate("document.activeElement.getAttribute('alt') || document.activeElement.className"))
        if seen and not inside and len(seen) > 1:
            break
    assert any("Buurthuis De Klimop" in (name or "") for name in seen)  # a marker, named after its place
    assert not page.evaluate("!!document.activeElement.closest('[data-kaart-blok]')"), seen  # Tab left the map


def test_without_a_tile_server_there_is_no_map_box_and_no_error(page, live_url, settings):
    settings.MAP_TILES_URL = ""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_url + "/presikhaaf/")
    assert page.locator("[data-kaart-blok], .leaflet-container").count() == 0
    assert page.locator("#plekken-lijst li").count() >= 5 and errors == []
