/* The page and snippet editor, both languages: wagtail-modeltranslation's "Copy content from" buttons overwrite a
   field in one click, and autosave would keep the result. This asks first when the field is not empty, and puts
   the package's hard-coded English labels and language codes into the editor's language. Loaded, with
   admin-translation.css, by explainer/review/wagtail_hooks.py. */
(function () {
  "use strict";

  var labelsElement = document.getElementById("admin-translation-labels");
  var labels = labelsElement ? JSON.parse(labelsElement.textContent) : {};

  /* "body_zh_hans" -> "中文": the language a field holds, named for the editor. */
  function fieldLanguageName(fieldName) {
    var names = labels.languages || {};
    var codes = Object.keys(names);
    for (var i = 0; i < codes.length; i++) {
      if (fieldName.slice(-(codes[i].length + 1)) === "_" + codes[i].replace("-", "_")) return names[codes[i]];
    }
    return fieldName;
  }

  /* A StreamField has content when its hidden "-count" input says it holds at least one block. */
  function fieldHasContent(fieldName) {
    var count = document.querySelector('input[name="' + fieldName + '-count"]');
    if (count) return parseInt(count.value, 10) > 0;
    var input = document.querySelector('[name="' + fieldName + '"]');
    return Boolean(input && input.value && input.value.trim() && input.value.trim() !== "[]");
  }

  /* Runs in the capture phase, so before the package's own click handler on the button. */
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".translation-field-copy");
    if (!button) return;
    var target = button.getAttribute("current-lang-code");
    var source = button.getAttribute("data-lang-code");
    if (!target || !fieldHasContent(target)) return;
    var question = (labels.confirm || "Replace %(target)s with a copy of %(source)s?")
      .replace("%(target)s", fieldLanguageName(target))
      .replace("%(source)s", fieldLanguageName(source));
    if (!window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  function translateCopyLabels() {
    if (!labels.copyFrom) return;
    document.querySelectorAll(".translation-field-copy-wrapper").forEach(function (wrapper) {
      var first = wrapper.firstChild;
      if (first && first.nodeType === Node.TEXT_NODE && first.textContent.indexOf("Copy content from") !== -1) {
        first.textContent = labels.copyFrom + " ";
      }
      wrapper.querySelectorAll(".translation-field-copy").forEach(function (button) {
        var source = button.getAttribute("data-lang-code");
        var code = button.textContent.trim();
        if (source && labels.languages && labels.languages[code]) {
          button.textContent = labels.languages[code];
          button.setAttribute("lang", code === "zh-hans" ? "zh-Hans" : code);
        }
      });
    });
  }

  /* The package's "View / edit fields for" toggles show language codes ("EN", "ZH-HANS"). Their text must stay the
     code: the package reads it back (getSelectedLocales) when an inline item is added. So the name goes in an
     attribute that admin-translation.css shows in place of the code, and in aria-label for screen readers. */
  function nameLocaleToggles() {
    var names = labels.languages || {};
    document.querySelectorAll(".locale-picker button.locale-toggle").forEach(function (toggle) {
      var code = toggle.textContent.trim();
      if (!names[code]) return;
      toggle.setAttribute("data-language-name", names[code]);
      toggle.setAttribute("aria-label", names[code]);
      var showPressed = function () {
        toggle.setAttribute("aria-pressed", toggle.classList.contains("showing-locale") ? "true" : "false");
      };
      showPressed();
      toggle.addEventListener("click", showPressed);  /* after the package's own handler, which toggles the class */
    });
  }

  /* The package adds its buttons when the document is ready; this runs after it. */
  function whenReady(callback) {
    if (window.jQuery) {
      window.jQuery(function () { window.setTimeout(callback, 0); });
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { window.setTimeout(callback, 0); });
    } else {
      window.setTimeout(callback, 0);
    }
  }
  whenReady(translateCopyLabels);
  whenReady(nameLocaleToggles);
})();
