// The set-up's time zone, read from the browser into its hidden field (browser_time_zone).
// The server checks the name against the zones it knows; without this script, the zone
// already on the account stays, and one can be typed instead.
(function () {
  "use strict";
  var field = document.querySelector("input[name=browser_time_zone]");
  if (!field || !window.Intl) { return; }
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) { return; }
  field.value = zone;
  var note = document.getElementById("browser-zone");
  if (note) {
    note.querySelector("strong").textContent = zone.replace(/_/g, " ");
    note.hidden = false;
  }
})();
