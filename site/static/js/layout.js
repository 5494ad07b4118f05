/* The header: the language switch and the menu. Progressive enhancement only: both work without this file. */
(function () {
  "use strict";

  /* Remember the language a reader switches to, so that "/" and short links open in it next time
     (Django's LocaleMiddleware reads this cookie before the browser's Accept-Language). */
  document.querySelectorAll(".language-switch a[data-language]").forEach(function (link) {
    link.addEventListener("click", function () {
      var secure = window.location.protocol === "https:" ? "; secure" : "";
      document.cookie = "django_language=" + link.dataset.language + "; path=/; max-age=31536000; samesite=lax" + secure;
    });
  });

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
