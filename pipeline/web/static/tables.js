// A table wider than the screen scrolls inside its own box; while it does, the keyboard can reach it to scroll.
(function () {
  function reachable() {
    document.querySelectorAll("table.grid").forEach(function (table) {
      if (table.scrollWidth > table.clientWidth + 1) table.setAttribute("tabindex", "0");
      else table.removeAttribute("tabindex");
    });
  }
  reachable();
  window.addEventListener("resize", reachable);
})();
