/*
 * The page editor's slug field, for Thai titles.
 *
 * Wagtail's title field sends every change to the slug field (the Stimulus events ``w-sync:check`` and
 * ``w-sync:apply``), where ``w-slug`` turns it into ASCII and so drops every Thai word. While the title contains
 * Thai, this script answers those events instead: it asks the server for the RTGS romanisation of the title
 * (``data-romanise-url`` on this script tag, a staff-only JSON endpoint) and writes it into the slug field.
 * Once the editor has changed the slug by hand, it is left alone: Wagtail's title sync is switched off the same
 * way it is for Latin titles. A slug typed in Thai is romanised when the editor leaves the field.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var url = script && script.getAttribute("data-romanise-url");
  if (!url) {
    return;
  }
  var THAI = /[\u0e01-\u0e5b]/;
  var answers = {};

  function romanise(text) {
    if (!answers[text]) {
      answers[text] = fetch(url + "?text=" + encodeURIComponent(text), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("romanise: " + response.status);
          }
          return response.json();
        })
        .then(function (data) {
          return data.slug || "";
        })
        .catch(function () {
          delete answers[text];
          return null;
        });
    }
    return answers[text];
  }

  function isSlugField(element) {
    return (
      element instanceof HTMLInputElement &&
      (element.getAttribute("data-controller") || "").split(/\s+/).indexOf("w-slug") !== -1
    );
  }

  function setSlug(field, value, byHand) {
    if (byHand) {
      field.dataset.slugByHand = "true";
    } else {
      field.dataset.romanisedSlug = value;
    }
    field.value = value;
    field.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // The title changed: fill the slug with its romanisation (only the answer to the latest title is used).
  document.addEventListener(
    "w-sync:apply",
    function (event) {
      var field = event.target;
      var text = (event.detail && event.detail.value) || "";
      if (!isSlugField(field) || !THAI.test(text)) {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      if (field.dataset.slugByHand) {
        return;
      }
      field.dataset.romanisingFor = text;
      romanise(text).then(function (value) {
        if (value !== null && field.dataset.romanisingFor === text && !field.dataset.slugByHand) {
          setSlug(field, value, false);
        }
      });
    },
    true,
  );

  // The title got focus: Wagtail asks whether the slug still follows the title (if not, syncing stops).
  document.addEventListener(
    "w-sync:check",
    function (event) {
      var field = event.target;
      if (!isSlugField(field)) {
        return;
      }
      var title = event.detail && event.detail.element;
      var text = (event.detail && event.detail.value) || "";
      if (field.dataset.slugByHand) {
        if (THAI.test(text)) {
          event.preventDefault(); // changed by hand: stop syncing
          event.stopPropagation();
        }
        return;
      }
      if (!field.value || field.value === field.dataset.romanisedSlug) {
        event.stopPropagation(); // still the romanised title (or empty): keep syncing
        return;
      }
      if (!THAI.test(text)) {
        return; // a Latin title: Wagtail compares it itself
      }
      // Not known to follow the title (an edit by hand, or a slug saved earlier): stop syncing now, and start
      // again if the server's romanisation of the title is exactly the slug.
      event.preventDefault();
      event.stopPropagation();
      romanise(text).then(function (value) {
        if (value && value === field.value && title) {
          field.dataset.romanisedSlug = value;
          title.setAttribute("data-w-sync-disabled-value", "false");
        }
      });
    },
    true,
  );

  // The editor types in the slug field: from now on it is theirs, until they empty it.
  document.addEventListener(
    "input",
    function (event) {
      var field = event.target;
      if (!isSlugField(field)) {
        return;
      }
      if (field.value) {
        field.dataset.slugByHand = "true";
      } else {
        delete field.dataset.slugByHand;
      }
    },
    true,
  );

  // A slug typed in Thai: romanise it when the editor leaves the field (Wagtail's own clean-up would empty it).
  document.addEventListener(
    "blur",
    function (event) {
      var field = event.target;
      if (!isSlugField(field) || !THAI.test(field.value)) {
        return;
      }
      event.stopPropagation();
      var text = field.value;
      romanise(text).then(function (value) {
        if (value !== null && field.value === text) {
          setSlug(field, value, true);
        }
      });
    },
    true,
  );
})();
