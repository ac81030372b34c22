// Files and folders dropped on the upload box are sent as the form sends chosen files, each named by its path
// in the dropped folder ("don-vi/01-so-noi-vu.xlsx"); without this script the two file inputs do the same.
(function () {
  var box = document.getElementById("drop");
  var form = document.getElementById("upload");
  if (!box || !form || !window.FormData || !window.fetch) return;
  function entries(entry, path, found) {
    if (entry.isFile) {
      return new Promise(function (done) {
        entry.file(function (file) { found.push([file, path + file.name]); done(); }, function () { done(); });
      });
    }
    if (!entry.isDirectory) return Promise.resolve();
    var reader = entry.createReader();
    return new Promise(function (done) {
      var all = [];
      (function more() {
        reader.readEntries(function (batch) {
          if (!batch.length) {
            Promise.all(all.map(function (e) { return entries(e, path + entry.name + "/", found); })).then(done);
            return;
          }
          all = all.concat(Array.prototype.slice.call(batch));
          more();
        }, function () { done(); });
      })();
    });
  }
  box.addEventListener("dragover", function (event) { event.preventDefault(); box.classList.add("dragging"); });
  box.addEventListener("dragleave", function () { box.classList.remove("dragging"); });
  box.addEventListener("drop", function (event) {
    event.preventDefault();
    box.classList.remove("dragging");
    var found = [];
    var items = Array.prototype.slice.call(event.dataTransfer.items || []);
    var walks = items.map(function (item) {
      var entry = item.kind === "file" && item.webkitGetAsEntry && item.webkitGetAsEntry();
      if (entry) return entries(entry, "", found);
      var file = item.kind === "file" && item.getAsFile();  // a file without an entry (not from the disk)
      if (file) found.push([file, file.name]);
      return Promise.resolve();
    });
    Promise.all(walks).then(function () {
      if (!found.length) return;
      var data = new FormData();
      data.append(form.elements.csrf.name, form.elements.csrf.value);
      data.append("target", "");
      found.forEach(function (pair) { data.append("file", pair[0], pair[1]); });
      return fetch(form.action, {method: "POST", body: data, credentials: "same-origin"})
        .then(function (response) { return response.text(); })
        .then(function (html) { document.open(); document.write(html); document.close(); });
    });
  });
})();
