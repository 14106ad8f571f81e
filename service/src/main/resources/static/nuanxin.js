// The pages work without this script; it adds a print button and opens every "why" before printing.
document.addEventListener('DOMContentLoaded', function () {
  var print = document.getElementById('print');
  if (print) {
    print.addEventListener('click', function () { window.print(); });
  }
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });
  // the first field of a question takes the focus, so a keyboard user can answer at once
  var value = document.querySelector('#question #value, #question #yes');
  if (value) {
    value.focus();
  }
});
