// Instant filters for the recommendations browser. Without this script the page still works:
// each audience has its own page and each theme its own page. The counts in the choices follow
// the other choice, and an empty result says so and offers a way back.
(function () {
  "use strict";
  var list = document.querySelector("[data-aanbevelingen]");
  var form = document.querySelector("[data-filter-form]");
  if (!list || !form) return;
  var status = document.querySelector("[data-filter-status]");
  var empty = document.querySelector("[data-filter-empty]");
  var reset = document.querySelector("[data-filter-reset]");
  var audience = form.querySelector("select[name=doelgroep]");
  var theme = form.querySelector("select[name=thema]");
  var items = Array.prototype.slice.call(list.querySelectorAll("[data-audience]"));
  form.hidden = false;

  function matches(item, a, t) {
    var themes = (item.getAttribute("data-themes") || "").split(" ");
    return (!a || item.getAttribute("data-audience") === a) && (!t || themes.indexOf(t) >= 0);
  }

  function count(a, t) {
    return items.filter(function (item) { return matches(item, a, t); }).length;
  }

  // "Leren (3)": how many the choice gives together with the other select's choice.
  function label(select, other, audienceSelect) {
    Array.prototype.forEach.call(select.options, function (option) {
      var n = audienceSelect ? count(option.value, other.value) : count(other.value, option.value);
      option.textContent = option.getAttribute("data-label") + " (" + n + ")";
    });
  }

  function apply() {
    var a = audience.value, t = theme.value, shown = 0;
    list.querySelectorAll("[data-audience-group]").forEach(function (group) {
      var visibleInGroup = 0;
      group.querySelectorAll("[data-audience]").forEach(function (item) {
        var match = matches(item, a, t);
        item.hidden = !match;
        if (match) visibleInGroup += 1;
      });
      group.hidden = visibleInGroup === 0;
      shown += visibleInGroup;
    });
    label(audience, theme, true);
    label(theme, audience, false);
    if (empty) empty.hidden = shown > 0;
    if (status) {
      status.textContent = shown === 1 ? "1 aanbeveling getoond" : shown + " aanbevelingen getoond";
    }
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply();
  });
  if (reset) {
    reset.addEventListener("click", function () {
      audience.value = "";
      theme.value = "";
      apply();
      audience.focus();
    });
  }
  // The counts at the start; the status line speaks only after a choice.
  label(audience, theme, true);
  label(theme, audience, false);
})();
