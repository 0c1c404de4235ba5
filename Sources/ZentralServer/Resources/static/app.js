// zentral serve: live progress of a run (server-sent events) and a confirmation before cancelling.
// Progressive: without this script the run page shows its state on reload.
"use strict";

(function () {
  const run = document.getElementById("run");
  if (run && run.dataset.final === "false" && window.EventSource) {
    const statusText = document.getElementById("run-status");
    const progress = document.getElementById("run-progress");
    const labels = {
      queued: "wartet", running: "läuft", done: "fertig", failed: "fehlgeschlagen",
      cancelled: "abgebrochen", interrupted: "unterbrochen", refused: "abgelehnt"
    };
    const source = new EventSource(run.dataset.events);
    source.addEventListener("progress", function (event) {
      progress.textContent = event.data;
    });
    source.addEventListener("status", function (event) {
      statusText.textContent = labels[event.data] || event.data;
      statusText.className = "status " + event.data;
      if (event.data !== "queued" && event.data !== "running") {
        source.close();
        // The finished page lists the report, the chart and the downloads.
        window.location.reload();
      }
    });
    source.onerror = function () {
      source.close();
      setTimeout(function () { window.location.reload(); }, 2000);
    };
    const hint = document.getElementById("reload-hint");
    if (hint) { hint.hidden = true; }
  }
  const cancel = document.getElementById("cancel-form");
  if (cancel) {
    cancel.addEventListener("submit", function (event) {
      if (!window.confirm("Diesen Lauf abbrechen? Es wird nichts gespeichert.")) { event.preventDefault(); }
    });
  }
})();
