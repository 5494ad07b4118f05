/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";

  /* Glossary terms link to the glossary page. With JavaScript, a tap shows the definition in place. */
  function closeDefinitions(except) {
    document.querySelectorAll(".term-definition").forEach(function (box) {
      if (box !== except) {
        box.previousElementSibling.setAttribute("aria-expanded", "false");
        box.remove();
      }
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.term");
    if (!link) {
      if (!event.target.closest(".term-definition")) closeDefinitions(null);
      return;
    }
    event.preventDefault();
    var open = link.nextElementSibling && link.nextElementSibling.classList.contains("term-definition");
    closeDefinitions(null);
    if (open) return;
    var box = document.createElement("span");
    box.className = "term-definition";
    box.setAttribute("role", "note");
    box.id = "definition-" + link.hash.slice(1);
    box.textContent = link.dataset.definition + " ";
    var more = document.createElement("a");
    more.href = link.href;
    more.textContent = document.documentElement.lang === "zh-Hans" ? "词汇表" : "Glossary";
    box.appendChild(more);
    link.after(box);
    link.setAttribute("aria-expanded", "true");
    link.setAttribute("aria-describedby", box.id);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeDefinitions(null);
  });

  /* Copy a page's short link, for clinicians. The link itself works without this. */
  document.querySelectorAll("[data-copy-button]").forEach(function (button) {
    var link = button.parentNode.querySelector("[data-copy-source]");
    if (!link || !navigator.clipboard) return;
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(link.href).then(function () {
        button.textContent = button.dataset.copiedLabel;
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  });
})();
