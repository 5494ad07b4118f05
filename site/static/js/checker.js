/* The claim checker: with JavaScript, check without reloading the page and move focus to the result. Without it
   the form posts and the page comes back with the result. */
(function () {
  "use strict";

  var form = document.querySelector("[data-claim-check-form]");
  var results = document.querySelector("[data-claim-check-results]");
  if (form && results && window.fetch && window.FormData) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      results.classList.add("is-busy");
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { "X-Claim-Check": "1" },
        credentials: "same-origin"
      })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          results.innerHTML = html;
          var section = results.querySelector("#check-results");
          if (section) section.focus();
        })
        .catch(function () { form.submit(); })
        .finally(function () {
          button.disabled = false;
          results.classList.remove("is-busy");
        });
    });
  }
})();
