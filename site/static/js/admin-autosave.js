/* The page and snippet editor: no autosave once the form is being submitted. Wagtail's workflow-action script adds
   hidden inputs naming the action ("Approve and publish"…) just before it submits the form; autosave took them for an
   edit and posted the form a second time while the approval was still being processed, which left the page
   "live + draft" (explainer/review/wagtail_hooks.py refuses such a post as well). Loaded by that file. */
(function () {
  "use strict";

  var form = document.querySelector("form[data-edit-form]");
  if (!form) return;

  function setAutosave(active) {
    form.setAttribute("data-w-autosave-active-value", active ? "true" : "false");
  }

  /* Through jQuery when it is there: the workflow-action script submits with jQuery after a dialog, which does not
     fire the browser's own submit event. jQuery's handler also runs for an ordinary submit. */
  if (window.jQuery) {
    window.jQuery(form).on("submit", function () { setAutosave(false); });
  } else {
    form.addEventListener("submit", function () { setAutosave(false); });
  }

  /* Back to the editor from the browser's page cache: the form was not sent from this page after all. */
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) setAutosave(true);
  });
})();
