// The join form without a second click: choosing a province asks the server for its districts (the same
// "Show this province's districts" button the form has without JavaScript), keeping everything typed so far.
document.addEventListener("DOMContentLoaded", function () {
  var province = document.getElementById("id_province");
  var button = document.querySelector('button[name="show_districts"]');
  if (!province || !button) return;
  province.addEventListener("change", function () {
    if (province.value) button.click();
  });
});
