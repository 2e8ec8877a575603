// The directory's filters are a <details> that starts folded, so that on a phone the mentors
// come first. Where the results have room beside them (site.css, 60rem) open it, so that its
// state and what screen readers announce match what is shown. Without this script site.css
// still shows the filters on wide screens.
(function () {
  var filters = document.querySelector("details.filters");
  if (filters && window.matchMedia("(min-width: 60rem)").matches) filters.open = true;
})();
