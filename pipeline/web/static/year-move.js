// "Công việc mới": the years the chosen job's texts would move ("2024 → 2025") beside the box, and only its changes.
(function () {
  var source = document.getElementById("source");
  var to = document.getElementById("move-years-to");
  if (!source || !to) { return; }
  function show() {
    var chosen = null;
    document.querySelectorAll(".year-move").forEach(function (block) {
      var mine = block.dataset.source === source.value;
      block.hidden = !mine;
      if (mine) { chosen = block; }
    });
    to.textContent = chosen ? chosen.dataset.years : "";
    var kind = document.getElementById("kind");  // a job made from another is of its kind
    if (chosen && kind && kind.querySelector('option[value="' + chosen.dataset.kind + '"]')) { kind.value = chosen.dataset.kind; }
    document.getElementById("move-years-field").hidden = !source.value;
  }
  source.addEventListener("change", show);
  show();
})();
