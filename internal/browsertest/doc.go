// Package browsertest checks a folder of static HTML in a real browser, for
// the tests behind the project's acceptance criteria: no console errors, no
// request that leaves the site, no Content-Security-Policy violation, no
// WCAG 2.2 AA violation that axe-core can find, valid HTML (the Nu Html
// Checker), and charts that actually drew.
//
// It drives Debian's Chromium through chromedp and needs, besides Go:
//
//   - Chromium or Chrome, found as the pdf command finds it (chrome.Find:
//     $CHROME_PATH, or chromium, chromium-browser, google-chrome or
//     google-chrome-stable on PATH, or /usr/bin/chromium);
//   - a Java runtime, for vnu.jar;
//   - the npm dev dependencies of the repository root (axe-core, vnu-jar),
//     installed from package-lock.json.
//
// bash scripts/install-browser-deps.sh installs all three. A test that needs
// one that is missing is skipped, with one line per package on the terminal
// saying so, so `go test ./...` works on a bare machine;
// with ADOPTIONREPORT_REQUIRE_BROWSER set to anything non-empty (as CI sets
// it) a missing one fails the test instead, so CI cannot pass by skipping.
//
// A typical test:
//
//	base := browsertest.Serve(t, outputDir)
//	ctx := browsertest.NewBrowser(t)
//	r := browsertest.CheckPage(t, ctx, base+"/index.html", browsertest.CheckOptions{
//		WaitCharts:    true,
//		ChartSelector: ".chart canvas, .chart svg",
//	})
//	for _, p := range r.Problems() {
//		t.Error(p)
//	}
//
// # The charts-ready contract
//
// The site draws its charts with ECharts from an external charts.js. ECharts'
// "finished" event never fires when animation is off, so the harness cannot
// learn from ECharts when drawing is over. Instead, charts.js must set
//
//	document.documentElement.dataset.chartsReady = "true"
//
// (the attribute data-charts-ready="true" on <html>) once every chart on the
// page has drawn, including on a page that has no chart. CheckPage with
// CheckOptions.WaitCharts waits for that attribute, and reports a page that
// never sets it within CheckOptions.ChartsTimeout as a problem.
//
// # The scripts it runs in the page
//
// The harness evaluates its own scripts (axe-core, the wait above, a listener
// for "securitypolicyviolation" events) through the DevTools protocol, which
// the page's CSP does not govern, so a strict policy such as default-src
// 'self' needs no exception for the tests. It never uses chromedp.Poll, whose
// predicate is built with new Function and so would itself violate such a
// policy.
package browsertest
