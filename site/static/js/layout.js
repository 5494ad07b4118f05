/* The header's menu. Progressive enhancement only: it works without this file. (The language switch needs no script:
   its links go through /language/<code>/, which remembers the choice; explainer.core.languages.) */
(function () {
  "use strict";

  /* Wide screens keep the menu open. CSS does this where the browser can style a closed <details>. */
  var nav = document.querySelector("[data-site-nav]");
  var cssKeepsItOpen = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
  if (nav && window.matchMedia && !cssKeepsItOpen) {
    var wide = window.matchMedia("(min-width: 48rem)");
    var follow = function () {
      nav.open = wide.matches;
      nav.classList.toggle("site-nav--always-open", wide.matches);
    };
    follow();
    if (wide.addEventListener) wide.addEventListener("change", follow);
  }

  /* On a phone, Escape closes the open menu and puts the focus back on its button. */
  if (nav) {
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && nav.open && !nav.classList.contains("site-nav--always-open")) {
        nav.open = false;
        nav.querySelector("summary").focus();
      }
    });
  }
})();
