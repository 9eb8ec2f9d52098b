package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/adoptionreport/adoptionreport/internal/chrome"
)

// cspListener runs in every document before the page's own scripts and keeps
// the page's CSP violations where CheckPage can read them. It is installed
// through the DevTools protocol, so the page's CSP does not block it.
const cspListener = `(() => {
	const seen = [];
	Object.defineProperty(window, "__browsertestCSP", {value: seen});
	document.addEventListener("securitypolicyviolation", (e) => {
		const what = e.blockedURI || "(unknown)";
		const where = e.sourceFile ? " (" + e.sourceFile + ":" + e.lineNumber + ")" : "";
		seen.push(e.effectiveDirective + " blocked " + what + where);
	});
})()`

// axeRun runs axe-core with the rule tags given as a JSON array and
// resolves to the violations in the shape of Violation.
const axeRun = `axe.run(document, {runOnly: {type: "tag", values: %s}}).then((r) =>
	r.violations.map((v) => ({
		id: v.id,
		impact: v.impact || "",
		help: v.help,
		helpUrl: v.helpUrl,
		targets: v.nodes.map((n) => n.target
			.map((t) => Array.isArray(t) ? t.join(" >>> ") : t)
			.join(" >> ")),
	})))`

// quietPeriod is how long a page must be quiet, with no request in flight
// and no event, before CheckPage takes its console and requests; settleLimit
// bounds the wait for a page that never goes quiet.
const (
	quietPeriod = 250 * time.Millisecond
	settleLimit = 5 * time.Second
)

// settle waits until the page is quiet, settleLimit passes or ctx ends.
func settle(ctx context.Context, rec *recorder) {
	tick := time.NewTicker(quietPeriod / 10)
	defer tick.Stop()
	limit := time.After(settleLimit)
	for !rec.settled(quietPeriod) {
		select {
		case <-tick.C:
		case <-limit:
			return
		case <-ctx.Done():
			return
		}
	}
}

// CheckPage loads pageURL in a new tab of the browser from NewBrowser and
// reports what is wrong with it: console errors and warnings, uncaught
// exceptions, requests that leave the page's origin, CSP violations and
// axe-core's accessibility violations. With opts.WaitCharts it first waits
// for the page's charts (see the package doc). It fails the test only if the
// page cannot be checked at all; what it finds is for the caller to judge,
// usually with PageReport.Problems.
func CheckPage(t testing.TB, ctx context.Context, pageURL string, opts CheckOptions) PageReport {
	t.Helper()
	opts = opts.withDefaults()
	axeSource := AxeSource(t)
	rec, err := newRecorder(pageURL)
	if err != nil {
		t.Fatalf("CheckPage: %v", err)
	}

	tab, closeTab := chromedp.NewContext(ctx)
	defer closeTab()
	if err := chromedp.Listen(tab, rec.handle); err != nil {
		t.Fatalf("CheckPage %s: opening a tab: %v", pageURL, err)
	}
	run, cancel := context.WithTimeout(tab, opts.Timeout)
	defer cancel()
	fail := func(step string, err error) {
		t.Helper()
		t.Fatalf("CheckPage %s: %s: %v", pageURL, step, err)
	}

	if _, err := chromedp.Call(run, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: cspListener}); err != nil {
		fail("installing the CSP listener", err)
	}
	if err := chromedp.Do(run, chromedp.Navigate(pageURL)); err != nil {
		fail("loading", err)
	}

	report := PageReport{URL: pageURL}
	var wait time.Duration // zero: only read whether the charts are ready
	if opts.WaitCharts {
		report.chartsTimeout = opts.ChartsTimeout
		wait = opts.ChartsTimeout
	}
	report.ChartsReady, err = chrome.ChartsReady(run, wait)
	if err != nil {
		fail("reading data-charts-ready", err)
	}
	if opts.ChartSelector != "" {
		sel, _ := json.Marshal(opts.ChartSelector)
		report.ChartCount, err = chromedp.Run(run, chromedp.Evaluate[int](
			fmt.Sprintf("document.querySelectorAll(%s).length", sel)))
		if err != nil {
			fail(fmt.Sprintf("counting the charts (is %q a valid CSS selector?)", opts.ChartSelector), err)
		}
	}

	// Chromium logs some failures (a 404's "Failed to load resource") a
	// little after the load event, and the page may still be fetching.
	settle(run, rec)

	// Take what the page itself did before axe-core runs: axe's own side
	// effects (such as a <style> it adds, which the CSP refuses, when a
	// stylesheet failed to load) are not the page's. This round trip also
	// means the listener has seen every event sent before it.
	report.CSPViolations, err = chromedp.Run(run, chromedp.Evaluate[[]string](`window.__browsertestCSP || []`))
	if err != nil {
		fail("reading CSP violations", err)
	}
	for i, v := range report.CSPViolations {
		report.CSPViolations[i] = strings.ReplaceAll(v, rec.origin, "")
	}
	report.ConsoleErrors, report.OffSiteRequests = rec.results()

	if err := chromedp.Do(run, chromedp.Evaluate[chromedp.Void](axeSource)); err != nil {
		fail("loading axe-core", err)
	}
	tags, _ := json.Marshal(opts.AxeTags)
	report.AxeViolations, err = chromedp.Run(run, chromedp.Evaluate[[]Violation](
		fmt.Sprintf(axeRun, tags), chromedp.EvalAwaitPromise))
	if err != nil {
		fail("running axe-core", err)
	}
	return report
}
