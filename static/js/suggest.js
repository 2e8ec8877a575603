// Suggestions as you type for comma-separated interest fields (input[data-suggest]).
// Completes the term after the last comma from the shared vocabulary.
(function () {
  "use strict";
  function lastTerm(value) {
    var parts = value.split(",");
    return parts[parts.length - 1].trim();
  }
  document.querySelectorAll("input[data-suggest]").forEach(function (input, index) {
    var list = document.createElement("datalist");
    list.id = "suggestions-" + index;
    input.setAttribute("list", list.id);
    input.after(list);
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var term = lastTerm(input.value);
      if (term.length < 2) { list.replaceChildren(); return; }
      timer = setTimeout(function () {
        fetch("/interests/suggest/?q=" + encodeURIComponent(term), {credentials: "same-origin"})
          .then(function (response) { return response.ok ? response.json() : {suggestions: []}; })
          .then(function (data) {
            var head = input.value.slice(0, input.value.lastIndexOf(",") + 1);
            var prefix = head ? head + " " : "";
            list.replaceChildren.apply(list, data.suggestions.map(function (name) {
              var option = document.createElement("option");
              option.value = prefix + name;
              return option;
            }));
          })
          .catch(function () { list.replaceChildren(); });
      }, 150);
    });
  });
})();
