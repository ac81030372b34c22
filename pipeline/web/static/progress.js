// Polls the run's progress while it runs, then reloads the page to list the files.
(function () {
  var run = document.getElementById("run");
  if (!run || run.dataset.state !== "running") return;
  var words = JSON.parse(run.dataset.words);
  var bar = document.getElementById("bar");
  var status = document.getElementById("run-status");
  function poll() {
    fetch(run.dataset.progress, {credentials: "same-origin"}).then(function (r) { return r.json(); }).then(function (s) {
      if (s.total || s.state !== "running") bar.value = s.percent;  // without a count the bar keeps moving
      if (s.state === "running") {
        status.textContent = words.running + (s.total ? " " + words.units.replace("{done}", s.done).replace("{total}", s.total) : "");
        setTimeout(poll, 500);
      } else {
        window.location.replace(window.location.pathname);
      }
    }).catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
