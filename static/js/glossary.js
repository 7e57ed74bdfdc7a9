// Glossary tooltips: Escape closes the explanation (WCAG 1.4.13); it opens again when the pointer or the
// keyboard focus comes back. Showing it is plain CSS (:hover, :focus-within), so it works without JavaScript.
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".term:hover, .term:focus-within").forEach(function (term) {
    term.classList.add("term--closed");
  });
});
["mouseover", "focusin", "mouseout", "focusout"].forEach(function (type) {
  document.addEventListener(type, function (event) {
    var term = event.target.closest && event.target.closest(".term");
    if (term && !term.contains(event.relatedTarget)) term.classList.remove("term--closed");
  });
});
