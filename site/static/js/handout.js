/* The printable handout: a Print button, shown only when this script runs (printing needs it). */
(function () {
  "use strict";
  document.querySelectorAll("[data-print-button]").forEach(function (button) {
    if (!window.print) return;
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
