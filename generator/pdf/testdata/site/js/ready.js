// Stands in for the site's charts.js: it signals that the charts have
// drawn a little after load, so the printer must really wait for it.
"use strict";
window.addEventListener("load", () => {
  setTimeout(() => {
    document.documentElement.dataset.chartsReady = "true";
  }, 150);
});
