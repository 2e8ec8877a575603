// The main menu folds behind a button on narrow screens. Without this script the links
// simply wrap onto more rows, so nothing depends on it.
(function () {
  var button = document.querySelector(".menu-button");
  var menu = document.getElementById("main-menu");
  if (!button || !menu) return;
  document.documentElement.classList.add("js");
  button.addEventListener("click", function () {
    var open = menu.classList.toggle("open");
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });
})();
