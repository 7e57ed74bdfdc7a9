// The referral card's "Printen" button: only shown when JavaScript runs (without it, the browser's own print works).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
