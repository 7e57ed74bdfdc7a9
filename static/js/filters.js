// Filter panels are <details>: folded behind one button on phones, and without JavaScript they still work
// (a plain GET form). On wide screens there is room, so they start open there.
(function () {
  var WIDE = "(min-width: 48rem)"; // the width from which the filters no longer push the results off screen
  if (!window.matchMedia || !window.matchMedia(WIDE).matches) return;
  document.querySelectorAll("details[data-open-wide]").forEach(function (panel) {
    panel.open = true;
  });
})();
