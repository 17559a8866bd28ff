// Site search on /zoeken/: loads the static Pagefind index (pagefind/pagefind.js, built with the
// site) on the first search, announces the number of results in the status line and lists them.
// `/zoeken/?q=…` searches on load, so the form also works as a plain link or from another page.
// Without this script the page says that search needs JavaScript and links to pages that don't.
(function () {
  "use strict";
  var form = document.querySelector("[data-search-form]");
  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  if (!form || !status || !list) return;
  var input = form.querySelector("input[name=q]");
  var MAX = 20;
  var pagefind = null;
  var latest = 0;

  function load() {
    if (!pagefind) {
      pagefind = import(form.getAttribute("data-pagefind")).then(function (pf) {
        // Pagefind favours short pages by default, which puts theme and list pages above the
        // report a phrase comes from; a weaker length factor ranks the reports first.
        var ranking = { pageLength: 0.3 };
        // A big site's index comes in shards (pagefind/deel-N/): merged into one search, with
        // result URLs relative to the site, not to the shard's folder.
        var base = form.getAttribute("data-pagefind-base") || "/";
        var shards = (form.getAttribute("data-pagefind-shards") || "").split(" ").filter(Boolean);
        return pf.options({ ranking: ranking })
          .then(function () {
            return Promise.all(shards.map(function (shard) {
              return pf.mergeIndex(shard, { baseUrl: base, ranking: ranking });
            }));
          })
          .then(function () { return pf.init(); })
          .then(function () { return pf; });
      });
      // A failed load may be retried by the next search.
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  // Pagefind's excerpt is escaped page text with <mark> around the matches. Rebuild it from
  // text nodes and <mark> elements only, so nothing else from it can reach the page.
  function excerpt(html) {
    var p = document.createElement("p");
    p.className = "search-result-excerpt";
    var doc = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(node.textContent));
      }
    });
    return p;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "search-result";
    var h2 = document.createElement("h2");
    h2.className = "search-result-title";
    var a = document.createElement("a");
    a.href = data.url;
    a.textContent = (data.meta && data.meta.title) || data.url;
    h2.appendChild(a);
    li.appendChild(h2);
    if (data.excerpt) li.appendChild(excerpt(data.excerpt));
    return li;
  }

  function say(text) {
    status.textContent = text;
  }

  function search(query) {
    var run = ++latest;
    query = query.trim();
    list.replaceChildren();
    if (!query) {
      say("Typ een woord om op te zoeken.");
      return;
    }
    list.setAttribute("aria-busy", "true");
    load()
      .then(function (pf) { return pf.search(query); })
      .then(function (found) {
        var results = (found && found.results) || [];
        return Promise.all(results.slice(0, MAX).map(function (r) { return r.data(); }))
          .then(function (data) { return { total: results.length, data: data }; });
      })
      .then(function (r) {
        if (run !== latest) return;
        list.replaceChildren.apply(list, r.data.map(item));
        var quoted = "\u2018" + query + "\u2019";
        var text = r.total === 0 ? "Geen resultaten voor " + quoted + "."
          : (r.total === 1 ? "1 resultaat" : r.total + " resultaten") + " voor " + quoted + ".";
        if (r.total > MAX) text += " De eerste " + MAX + " staan hieronder.";
        say(text);
      })
      .catch(function () {
        if (run !== latest) return;
        say("Zoeken lukt nu niet. Probeer het later nog eens, of kijk bij de aanbevelingen en thema's.");
      })
      .then(function () {
        if (run === latest) list.removeAttribute("aria-busy");
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value;
    var url = new URL(window.location.href);
    if (query.trim()) url.searchParams.set("q", query.trim());
    else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
    search(query);
  });

  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    search(initial);
  }
})();
