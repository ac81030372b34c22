// The settings form's rows (signature lines, labels): a button adds an empty row, each row's button removes it.
document.querySelectorAll("#settings .rows").forEach(function (rows) {
  var add = rows.querySelector(".add-row");
  function wire(row) {
    var remove = row.querySelector(".remove-row");
    remove.hidden = false;
    remove.addEventListener("click", function () {
      row.querySelectorAll("input, select").forEach(function (input) { input.value = ""; });
      if (rows.querySelectorAll(".row").length > 1) { row.hidden = true; }
    });
  }
  rows.querySelectorAll(".row").forEach(wire);
  add.hidden = false;
  add.addEventListener("click", function () {
    var all = rows.querySelectorAll(".row");
    var last = all[all.length - 1];
    var row = last.cloneNode(true);
    var n = all.length + 1;
    row.hidden = false;
    row.querySelectorAll("input, select").forEach(function (input) {
      input.value = "";
      input.name = input.name.replace(/--\d+-/, "--" + n + "-");
      input.setAttribute("aria-label", input.getAttribute("aria-label").replace(/\d+$/, n));
      input.removeAttribute("autofocus");
    });
    rows.insertBefore(row, add);
    wire(row);
    row.querySelector("input, select").focus();
  });
});
