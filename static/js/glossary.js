// Glossary explanations (WCAG 1.4.13). Showing them is plain CSS (:hover, :focus-within), so they work without
// JavaScript; this script adds what CSS cannot do:
// - Escape closes the explanation; it opens again when the pointer or the keyboard focus comes back.
// - After the pointer leaves the term the explanation stays a moment, so the pointer can move onto it.
// - On a touch screen the first tap on a term shows the explanation instead of leaving the page; the
//   "Meer uitleg" link in the explanation (or a second tap) goes to the begrip page.
// - An explanation that would stick out below or on the right is moved into the screen.
(function () {
  var CLOSE_DELAY_MS = 600; // time to move the pointer from the term onto its explanation
  var EDGE_PX = 8; // room kept between an explanation and the edge of the screen
  var timers = new WeakMap();
  var lastPointer = "mouse";

  function termOf(node) {
    return node && node.closest ? node.closest(".term") : null;
  }

  function fit(term) {
    var tip = term.querySelector(".term__tip");
    term.classList.remove("term--above");
    if (!tip || getComputedStyle(tip).position !== "absolute") return; // small screens: fixed by CSS
    tip.style.left = "";
    var rect = tip.getBoundingClientRect();
    var viewHeight = document.documentElement.clientHeight;
    if (rect.bottom > viewHeight - EDGE_PX) {
      // Not enough room under the term: show it above the term when there is more room there.
      var termRect = term.getBoundingClientRect();
      if (termRect.top > viewHeight - termRect.bottom) term.classList.add("term--above");
      rect = tip.getBoundingClientRect();
    }
    var overflow = rect.right - (document.documentElement.clientWidth - EDGE_PX);
    if (overflow > 0) tip.style.left = -Math.min(overflow, rect.left - EDGE_PX) + "px";
  }

  function open(term) {
    clearTimeout(timers.get(term));
    term.classList.remove("term--closed");
    term.classList.add("term--open");
    fit(term);
  }

  function close(term) {
    clearTimeout(timers.get(term));
    term.classList.remove("term--open");
  }

  function closeAll(except) {
    document.querySelectorAll(".term--open").forEach(function (term) {
      if (term !== except) close(term);
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".term:hover, .term:focus-within, .term--open").forEach(function (term) {
      close(term);
      term.classList.add("term--closed");
    });
  });

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
    if (!termOf(event.target)) closeAll(null);
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".term__link");
    if (!link || lastPointer !== "touch") return;
    var term = termOf(link);
    if (term.classList.contains("term--open")) return; // second tap: follow the link
    event.preventDefault();
    closeAll(term);
    open(term);
  });

  // Pointer events say which pointer it is; a touch "hover" is left to the tap handler above.
  document.addEventListener("pointerover", function (event) {
    var term = termOf(event.target);
    if (!term || event.pointerType === "touch" || term.contains(event.relatedTarget)) return;
    closeAll(term);
    open(term);
  });

  document.addEventListener("pointerout", function (event) {
    var term = termOf(event.target);
    if (!term || event.pointerType === "touch" || term.contains(event.relatedTarget)) return;
    timers.set(
      term,
      setTimeout(function () {
        close(term);
      }, CLOSE_DELAY_MS)
    );
  });

  document.addEventListener("focusin", function (event) {
    var term = termOf(event.target);
    if (term && !term.contains(event.relatedTarget)) {
      term.classList.remove("term--closed");
      fit(term);
    }
  });

  document.addEventListener("focusout", function (event) {
    var term = termOf(event.target);
    if (term && !term.contains(event.relatedTarget)) term.classList.remove("term--closed");
  });
})();
