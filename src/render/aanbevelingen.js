// Instant filters for the recommendations browser. Without this script the page still works:
// each audience has its own page and each theme its own page.
(function () {
  "use strict";
  var list = document.querySelector("[data-aanbevelingen]");
  var form = document.querySelector("[data-filter-form]");
  if (!list || !form) return;
  var status = document.querySelector("[data-filter-status]");
  var audience = form.querySelector("select[name=doelgroep]");
  var theme = form.querySelector("select[name=thema]");
  form.hidden = false;

  function apply() {
    var a = audience.value, t = theme.value, shown = 0;
    list.querySelectorAll("[data-audience-group]").forEach(function (group) {
      var visibleInGroup = 0;
      group.querySelectorAll("[data-audience]").forEach(function (item) {
        var themes = (item.getAttribute("data-themes") || "").split(" ");
        var match = (!a || item.getAttribute("data-audience") === a) && (!t || themes.indexOf(t) >= 0);
        item.hidden = !match;
        if (match) visibleInGroup += 1;
      });
      group.hidden = visibleInGroup === 0;
      shown += visibleInGroup;
    });
    if (status) {
      status.textContent = shown === 1 ? "1 aanbeveling getoond" : shown + " aanbevelingen getoond";
    }
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply();
  });
})();
