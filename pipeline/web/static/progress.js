// Polls the run's progress while it runs (the phase and its count), then reloads the page to list the files.
(function () {
  var run = document.getElementById("run");
  if (!run) return;
  if (run.dataset.state !== "running") {  // a run just over: its outcome said to screen readers, focused
    if (sessionStorage.getItem("run-over") === window.location.pathname) document.getElementById("run-status").focus();
    sessionStorage.removeItem("run-over");
    return;
  }
  var bar = document.getElementById("bar");
  var status = document.getElementById("run-status");
  function poll() {
    fetch(run.dataset.progress, {credentials: "same-origin"}).then(function (r) { return r.json(); }).then(function (s) {
      if (s.phase || s.state !== "running") bar.value = s.percent;  // before the first phase the bar keeps moving
      if (s.state === "running") {
        if (status.textContent.trim() !== s.text) {  // a live region: screen readers say each change, so only changes
          status.textContent = s.text;
          bar.setAttribute("aria-valuetext", s.text);
        }
        setTimeout(poll, 500);
      } else {
        sessionStorage.setItem("run-over", window.location.pathname);
        window.location.replace(window.location.pathname);
      }
    }).catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
