// The self-assessment's total as the unit types (the server's total is shown again at each save): criteria and
// the bonus add, the penalty subtracts; a box that is not a number leaves the total as it was.
(function () {
  const total = document.getElementById("total-points");
  if (!total) return;
  const boxes = Array.from(document.querySelectorAll("input[name=points]"));
  const max = total.dataset.max;
  function number(text) {
    const value = text.trim().replace(",", ".");
    return value === "" ? 0 : (/^\d+(\.\d+)?$/.test(value) ? parseFloat(value) : NaN);
  }
  function update() {
    let sum = 0;
    for (const box of boxes) {
      const value = number(box.value);
      if (Number.isNaN(value)) return;
      sum += box.dataset.role === "penalty" ? -value : value;
    }
    const shown = (Math.round(sum * 1000) / 1000).toString().replace(".", ",");
    total.textContent = total.textContent.replace(/^[^/]*\//, shown + " /");
  }
  boxes.forEach(box => box.addEventListener("input", update));
})();
