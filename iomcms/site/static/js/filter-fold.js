// Filter forms are folded in the page's HTML, so a phone shows the results first; on a
// screen wide enough for the sidebar (the width site.css lays it out from) they open.
(function () {
  if (window.matchMedia("(max-width: 48rem)").matches) return;
  document.querySelectorAll("details[data-open-wide]").forEach(function (fold) {
    fold.open = true;
  });
})();
