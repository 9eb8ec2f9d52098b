// Live reload for `adoptionreport serve`. The preview adds this file to
// every page it serves (never to a built site). It listens on the
// preview's event stream and reloads the page after every rebuild, or,
// when only stylesheets changed, swaps them in place so the reader keeps
// their scroll position.
(function () {
  "use strict";
  if (!window.EventSource) {
    return;
  }
  var script = document.currentScript;
  // The build this page shows; a stream that greets us with another one
  // means we missed a rebuild (the server restarted, or the build
  // finished while this page loaded).
  var build = script ? script.getAttribute("data-build") : "";

  // The page's address tells the preview which council's report is
  // open, to render it first after an edit.
  var events = new EventSource("/_preview/events?page=" + encodeURIComponent(location.pathname));
  events.addEventListener("hello", function (e) {
    if (build && e.data !== build) {
      location.reload();
    }
  });
  events.addEventListener("reload", function () {
    location.reload();
  });
  events.addEventListener("css", function (e) {
    swapStylesheets().then(function () {
      build = e.data;
    }, function () {
      location.reload();
    });
  });

  var sheets = 'link[rel~="stylesheet"]:not([href^="/_preview/"])';

  // swapStylesheets fetches this page again and replaces its stylesheet
  // links with the new ones: their names carry a fingerprint, so the old
  // names are gone from the rebuilt site.
  function swapStylesheets() {
    return fetch(location.href, { cache: "no-store" }).then(function (r) {
      if (!r.ok) {
        throw new Error("page answered " + r.status);
      }
      return r.text();
    }).then(function (text) {
      var fresh = new DOMParser().parseFromString(text, "text/html").querySelectorAll(sheets);
      var old = document.querySelectorAll(sheets);
      if (old.length === 0 || fresh.length === 0) {
        throw new Error("no stylesheets to swap");
      }
      var last = old[old.length - 1];
      var loads = [];
      Array.prototype.forEach.call(fresh, function (link) {
        var copy = document.importNode(link, true);
        loads.push(new Promise(function (resolve, reject) {
          copy.addEventListener("load", resolve);
          copy.addEventListener("error", reject);
        }));
        last.parentNode.insertBefore(copy, last.nextSibling);
        last = copy;
      });
      // Remove the old sheets only once the new ones apply, so the page
      // never flashes unstyled.
      return Promise.all(loads).then(function () {
        Array.prototype.forEach.call(old, function (link) {
          link.remove();
        });
      });
    });
  }
})();
