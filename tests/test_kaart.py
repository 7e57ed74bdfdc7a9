"""The map of places (activiteiten/kaart.py): only with a tile server, Leaflet from the portal's own static files,
the CSP allowing exactly the tile host, and the list of places with route text always there."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.test import override_settings

from activiteiten.kaart import tile_origin
from activiteiten.models import VoorzieningPage

TILES = "https://tiles.example.org/{z}/{x}/{y}.png"
ATTRIBUTION = '&copy; <a href="https://example.org/copyright">Example</a>'
PAGES = ["/presikhaaf/", "/presikhaaf/koffieochtend-de-klimop/", "/presikhaaf/buurthuis-de-klimop/"]


def _soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, BeautifulSoup(response.content, "html.parser")


def _img_src(response):
    directives = dict(d.strip().split(" ", 1) for d in response["Content-Security-Policy"].split(";") if d.strip())
    return directives["img-src"].split()


@pytest.mark.parametrize("url", PAGES)
@override_settings(MAP_TILES_URL="")
def test_without_a_tile_server_there_is_no_map_and_no_leaflet(client, db, url):
    response, soup = _soup(client, url)
    assert soup.select("[data-kaart]") == [] and soup.select("[data-kaart-blok]") == []
    assert "leaflet" not in response.content.decode()
    assert _img_src(response) == ["'self'"]


@pytest.mark.parametrize("url", PAGES)
@override_settings(MAP_TILES_URL=TILES, MAP_TILES_ATTRIBUTION=ATTRIBUTION)
def test_with_a_tile_server_the_map_comes_after_the_places_hidden_until_drawn(client, db, url):
    response, soup = _soup(client, url)
    block = soup.select_one("[data-kaart-blok]")
    assert block is not None and block.has_attr("hidden")  # no empty box before (or without) JavaScript
    kaart = block.select_one("[data-kaart]")
    assert kaart["data-tiles"] == TILES and kaart["data-attributie"] == ATTRIBUTION
    assert kaart["role"] == "region" and kaart["aria-label"]
    source = soup.find(id=kaart["data-kaart-bron"])
    places = ([source] if source.has_attr("data-lat") else []) + source.select("[data-lat]")
    assert places and all(p["data-naam"] and "." in p["data-lat"] and "," not in p["data-lon"] for p in places)
    # The list (or the address) comes first in the page, the map after it.
    assert str(soup).index(f'id="{kaart["data-kaart-bron"]}"') < str(soup).index("data-kaart-blok")
    scripts = [s["src"] for s in soup.find_all("script", src=True)]
    for src in [s for s in scripts if "leaflet" in s or "kaart" in s] + [
        link["href"] for link in soup.find_all("link", rel="stylesheet")
    ]:
        assert src.startswith("/static/"), src  # no CDN: the portal serves Leaflet itself
        assert finders.find(src.removeprefix("/static/")), src
    assert "/static/vendor/leaflet/leaflet.js" in scripts and "/static/js/kaart.js" in scripts
    assert _img_src(response) == ["'self'", "https://tiles.example.org"]


def test_the_buurt_page_lists_every_place_with_its_route_text(client, db):
    _response, soup = _soup(client, "/presikhaaf/")
    items = soup.select("#plekken-lijst .plekken__item")
    names = {i.select_one(".plekken__naam").get_text(strip=True): i for i in items}
    schakel = names["Buurtteam De Schakel"]
    assert "Zo kom je er: Naast Buurthuis De Klimop. De ingang is via het buurthuis." in schakel.get_text(
        " ", strip=True
    )
    assert "Vlierbesstraat 16" in schakel.get_text()
    assert schakel["data-lat"] == "51.984180" and schakel["data-lon"] == "5.943890"
    assert names["Buurthuis De Klimop"].select_one(".plekken__route") is None  # the data says nothing: left empty


def test_a_route_entered_by_an_editor_shows_on_the_place_and_its_activities(client, db):
    klimop = VoorzieningPage.objects.get(slug="buurthuis-de-klimop", locale__language_code="nl")
    klimop.routebeschrijving = "Bus 7, halte Kerkplein, 2 minuten lopen"
    klimop.save_revision().publish()
    for url in ("/presikhaaf/buurthuis-de-klimop/", "/presikhaaf/koffieochtend-de-klimop/", "/presikhaaf/"):
        _response, soup = _soup(client, url)
        assert "Bus 7, halte Kerkplein, 2 minuten lopen" in soup.get_text(), url


def test_a_place_without_coordinates_is_in_the_list_but_not_on_the_map(client, db):
    klimop = VoorzieningPage.objects.get(slug="buurthuis-de-klimop", locale__language_code="nl")
    klimop.latitude = klimop.longitude = None
    klimop.save_revision().publish()
    _response, soup = _soup(client, "/presikhaaf/")
    item = next(i for i in soup.select(".plekken__item") if "Buurthuis De Klimop" in i.get_text())
    assert not item.has_attr("data-lat")


@pytest.mark.parametrize(
    "url, origin",
    [
        ("https://tiles.example.org/{z}/{x}/{y}.png", "https://tiles.example.org"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        ("http://kaart.gemeente.example:8080/tiles/{z}/{x}/{y}.png", "http://kaart.gemeente.example:8080"),
        ("https://user:secret@tiles.example.org/{z}/{x}/{y}.png", "https://tiles.example.org"),
        ("", ""),
        ("javascript:alert(1)//{z}", ""),
        ("tiles.example.org/{z}/{x}/{y}.png", ""),
    ],
)
def test_the_tile_origin_is_derived_from_the_setting(url, origin):
    assert tile_origin(url) == origin


@override_settings(MAP_TILES_URL="ftp://tiles.example.org/{z}/{x}/{y}.png")
def test_a_tile_url_that_is_not_http_gives_no_map_and_no_csp_change(client, db):
    response, soup = _soup(client, "/presikhaaf/")
    assert soup.select("[data-kaart]") == [] and _img_src(response) == ["'self'"]


@override_settings(MAP_TILES_URL=TILES)
def test_the_admin_csp_is_not_widened_by_the_tiles(admin_client):
    response = admin_client.get("/admin/")
    assert "tiles.example.org" not in response["Content-Security-Policy"]
