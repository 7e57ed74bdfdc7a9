// The map of places (activiteiten/kaart.py, templates/activiteiten/kaart.html). The places come from the list on
// the page itself (data-lat, data-lon, data-naam, data-url on its items), so the map never shows a place the list
// does not have. The map block stays hidden unless Leaflet loaded and there is at least one place with coordinates.
(function () {
  "use strict";
  // Leaflet's own default marker: 25 x 41 px image, its point at the bottom middle; the shadow 41 x 41 px.
  var ICON_SIZE = [25, 41];
  var ICON_ANCHOR = [12, 41];
  var POPUP_ANCHOR = [1, -34];
  var SHADOW_SIZE = [41, 41];
  var ZOOM_ONE_PLACE = 16; // streets and their names readable around a single place
  var ZOOM_MAX_FIT = 17; // places close together: no closer than this
  // px kept free around the outermost places: their markers are not cut off and stay clear of the zoom buttons
  // (top left, 2 x 44 px) and of the credit line (bottom right).
  var PADDING_TOP_LEFT = [72, 56];
  var PADDING_BOTTOM_RIGHT = [32, 72];
  var MAX_ZOOM = 19; // what tile servers commonly serve
  var TARGET_GAP = 4; // px kept free between two markers (WCAG 2.5.8): closer places share one marker

  function places(source) {
    var nodes = Array.prototype.slice.call(source.querySelectorAll("[data-lat][data-lon]"));
    if (source.hasAttribute("data-lat")) nodes.unshift(source);
    return nodes
      .map(function (node) {
        return {
          lat: parseFloat(node.getAttribute("data-lat")),
          lon: parseFloat(node.getAttribute("data-lon")),
          naam: node.getAttribute("data-naam") || "",
          url: node.getAttribute("data-url") || "",
        };
      })
      .filter(function (place) {
        return isFinite(place.lat) && isFinite(place.lon) && place.naam;
      });
  }

  function link(place) {
    // Built as elements with textContent: names come from editors and are never parsed as HTML.
    var target = document.createElement(place.url ? "a" : "span");
    if (place.url) target.href = place.url;
    target.textContent = place.naam;
    return target;
  }

  function popup(group) {
    var content = document.createElement(group.length === 1 ? "p" : "ul");
    content.dir = "auto";
    group.forEach(function (place) {
      var item = group.length === 1 ? content : content.appendChild(document.createElement("li"));
      item.appendChild(link(place));
    });
    return content;
  }

  // Places so close together at this zoom that their markers would overlap become one marker (named after all
  // of them, its pop-up lists them): overlapping targets are hard to hit, and axe-core rightly says so.
  function groups(map, list) {
    var found = [];
    list.forEach(function (place) {
      var point = map.latLngToLayerPoint([place.lat, place.lon]);
      var group = found.find(function (g) {
        return (
          Math.abs(g.point.x - point.x) < ICON_SIZE[0] + TARGET_GAP &&
          Math.abs(g.point.y - point.y) < ICON_SIZE[1] + TARGET_GAP
        );
      });
      if (group) group.places.push(place);
      else found.push({ point: point, latLng: L.latLng(place.lat, place.lon), places: [place] });
    });
    return found;
  }

  function draw(container) {
    var block = container.closest("[data-kaart-blok]");
    var source = document.getElementById(container.getAttribute("data-kaart-bron"));
    if (!window.L || !block || !source) return;
    var list = places(source);
    if (!list.length) return;
    block.hidden = false; // first: Leaflet measures the container
    var map = L.map(container, { scrollWheelZoom: false, zoomControl: false });
    L.control
      .zoom({
        zoomInTitle: container.getAttribute("data-inzoomen"),
        zoomOutTitle: container.getAttribute("data-uitzoomen"),
      })
      .addTo(map);
    L.tileLayer(container.getAttribute("data-tiles"), {
      attribution: container.getAttribute("data-attributie"),
      maxZoom: MAX_ZOOM,
    }).addTo(map);
    var icon = L.icon({
      iconUrl: container.getAttribute("data-icoon"),
      iconRetinaUrl: container.getAttribute("data-icoon-2x"),
      shadowUrl: container.getAttribute("data-schaduw"),
      iconSize: ICON_SIZE,
      iconAnchor: ICON_ANCHOR,
      popupAnchor: POPUP_ANCHOR,
      shadowSize: SHADOW_SIZE,
    });
    var points = list.map(function (place) {
      return L.latLng(place.lat, place.lon);
    });
    if (points.length === 1) {
      map.setView(points[0], ZOOM_ONE_PLACE);
    } else {
      map.fitBounds(L.latLngBounds(points), {
        paddingTopLeft: PADDING_TOP_LEFT,
        paddingBottomRight: PADDING_BOTTOM_RIGHT,
        maxZoom: ZOOM_MAX_FIT,
      });
    }
    var markers = L.layerGroup().addTo(map);
    function placeMarkers() {
      markers.clearLayers();
      groups(map, list).forEach(function (group) {
        var naam = group.places
          .map(function (place) {
            return place.naam;
          })
          .join(", ");
        // title and alt give each marker its accessible name; keyboard: reached with Tab, opened with Enter.
        L.marker(group.latLng, { icon: icon, title: naam, alt: naam, keyboard: true })
          .bindPopup(popup(group.places))
          .addTo(markers);
      });
    }
    placeMarkers();
    map.on("zoomend", placeMarkers);
  }

  document.querySelectorAll("[data-kaart]").forEach(draw);
})();
