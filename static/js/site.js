/* Progressive enhancements; every page works without this file.
 * 1. Registers the service worker (/sw.js) and, on toolkit pages, asks it to keep the toolkit offline; says so
 *    on the toolkit page once it is kept.
 * 2. Turns the "Link to this page" share link into a copy-link button. */
(function () {
  "use strict";

  if ("serviceWorker" in navigator && window.isSecureContext) {
    // The worker answers "toolkit-kept" once every toolkit page, the PDF and the forms are stored.
    navigator.serviceWorker.addEventListener("message", function (event) {
      var data = event.data || {};
      if (data.type !== "toolkit-kept") return;
      document.documentElement.setAttribute("data-offline-toolkit", data.lang);
      var status = document.querySelector("[data-offline-status]");
      if (status) status.hidden = false;
    });
    navigator.serviceWorker.startMessages();
    window.addEventListener("load", function () {
      navigator.serviceWorker
        .register("/sw.js", { scope: "/" })
        .then(function () {
          return navigator.serviceWorker.ready;
        })
        .then(function (registration) {
          if (registration.active) {
            registration.active.postMessage({ type: "toolkit-opened", path: window.location.pathname });
          }
        })
        .catch(function () {
          /* the site works without the service worker */
        });
    });
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.style.position = "absolute";
      field.style.left = "-9999px";
      document.body.appendChild(field);
      field.select();
      var ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (e) {
        ok = false;
      }
      document.body.removeChild(field);
      if (ok) {
        resolve();
      } else {
        reject(new Error("copy failed"));
      }
    });
  }

  document.querySelectorAll(".share__permalink").forEach(function (link) {
    var button = document.createElement("button");
    var status = link.parentNode.querySelector(".share__status");
    button.type = "button";
    button.className = "share__link share__copy";
    button.textContent = link.dataset.copyLabel;
    button.dataset.url = link.href;
    button.addEventListener("click", function () {
      copyText(button.dataset.url).then(
        function () {
          if (status) status.textContent = link.dataset.copiedLabel;
        },
        function () {
          if (status) status.textContent = link.dataset.failedLabel + " " + button.dataset.url;
        }
      );
    });
    link.parentNode.replaceChild(button, link);
  });
})();
