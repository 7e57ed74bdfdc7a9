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
  var FIT_PADDING = [32, 32]; // px around the outermost places, so that their markers are not cut off
  var MAX_ZOOM = 19; // what tile servers commonly serve

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

  function popup(place) {
    // Built as elements with textContent: names come from editors and are never parsed as HTML.
    var content = document.createElement("p");
    content.dir = "auto";
    var target = content;
    if (place.url) {
      target = document.createElement("a");
      target.href = place.url;
      content.appendChild(target);
    }
    target.textContent = place.naam;
    return content;
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
      var point = L.latLng(place.lat, place.lon);
      // title and alt give each marker its accessible name; keyboard: a marker is reached with Tab, opened with Enter.
      L.marker(point, { icon: icon, title: place.naam, alt: place.naam, keyboard: true })
        .bindPopup(popup(place))
        .addTo(map);
      return point;
    });
    if (points.length === 1) {
      map.setView(points[0], ZOOM_ONE_PLACE);
    } else {
      map.fitBounds(L.latLngBounds(points), { padding: FIT_PADDING, maxZoom: ZOOM_MAX_FIT });
    }
  }

  document.querySelectorAll("[data-kaart]").forEach(draw);
})();
