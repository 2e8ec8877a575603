// An invitation campaign's progress bar, asked every two seconds until the campaign is
// finished. Without this script the page shows where it was when loaded, and a Refresh link.
(function () {
  "use strict";
  var section = document.getElementById("progress");
  if (!section || !window.fetch) { return; }
  var bar = section.querySelector("progress");
  var done = section.querySelector("[data-done]");
  var state = section.querySelector("[data-state]");
  var refresh = section.querySelector("[data-refresh]");
  if (!refresh) { return; }  // finished already
  refresh.hidden = true;

  function poll() {
    fetch(section.dataset.progressUrl, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (progress) {
        if (!progress) { refresh.hidden = false; return; }
        bar.value = progress.done;
        bar.textContent = progress.percent + "%";
        done.textContent = progress.done;
        if (progress.finished) {
          state.textContent = "Finished: the e-mails leave through the outbox.";
        } else {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () { refresh.hidden = false; });
  }
  window.setTimeout(poll, 1000);
})();
