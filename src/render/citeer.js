// The copy button of the "Citeer dit rapport" box. Without this script the reference is plain
// text to select and copy, and the box has no button; with it, one button copies the
// reference (with the title in italics where the target takes formatted text) and a status
// line says that it did.
(function () {
  "use strict";
  var reference = document.querySelector("[data-citation]");
  var place = document.querySelector("[data-citation-actions]");
  if (!reference || !place) return;

  var button = document.createElement("button");
  button.type = "button";
  button.className = "button citation-copy";
  button.textContent = "Kopieer de verwijzing";
  var status = document.createElement("span");
  status.className = "citation-status";
  status.setAttribute("role", "status");
  place.appendChild(button);
  place.appendChild(status);

  function done(message) {
    status.textContent = message;
  }

  // Older browsers and pages without a secure context: select the text and copy it.
  function copyBySelecting() {
    var selection = window.getSelection();
    var range = document.createRange();
    range.selectNodeContents(reference);
    selection.removeAllRanges();
    selection.addRange(range);
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (e) {
      copied = false;
    }
    done(copied ? "De verwijzing is gekopieerd." : "Kopiëren lukte niet: de verwijzing is geselecteerd, kopieer hem met Ctrl+C of Cmd+C.");
  }

  button.addEventListener("click", function () {
    var text = reference.textContent.replace(/\s+/g, " ").trim();
    var html = reference.innerHTML;
    if (navigator.clipboard && window.ClipboardItem && navigator.clipboard.write) {
      var item = new ClipboardItem({
        "text/plain": new Blob([text], { type: "text/plain" }),
        "text/html": new Blob([html], { type: "text/html" })
      });
      navigator.clipboard.write([item]).then(function () {
        done("De verwijzing is gekopieerd.");
      }, copyBySelecting);
    } else if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        done("De verwijzing is gekopieerd.");
      }, copyBySelecting);
    } else {
      copyBySelecting();
    }
  });
})();
