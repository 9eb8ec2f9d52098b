package browsertest

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// CheckOptions says what CheckPage waits for and checks. The zero value
// checks the page as soon as it has loaded.
type CheckOptions struct {
	// WaitCharts makes CheckPage wait until the page sets
	// data-charts-ready="true" on <html> (see the package doc), and report
	// a page that does not do so within ChartsTimeout.
	WaitCharts bool

	// ChartsTimeout bounds the wait of WaitCharts; zero means 10 seconds.
	ChartsTimeout time.Duration

	// ChartSelector, if set, is a CSS selector for the elements that show a
	// drawn chart, such as ".chart canvas, .chart svg"; PageReport.ChartCount
	// counts them after the wait.
	ChartSelector string

	// AxeTags are the axe-core rule tags to run; nil means WCAG 2.0, 2.1
	// and 2.2 at levels A and AA: wcag2a, wcag2aa, wcag21a, wcag21aa and
	// wcag22aa.
	AxeTags []string

	// Timeout bounds the whole check of the page; zero means one minute.
	Timeout time.Duration
}

// withDefaults fills in the zero fields.
func (o CheckOptions) withDefaults() CheckOptions {
	if o.ChartsTimeout <= 0 {
		o.ChartsTimeout = 10 * time.Second
	}
	if o.AxeTags == nil {
		o.AxeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}
	}
	if o.Timeout <= 0 {
		o.Timeout = time.Minute
	}
	return o
}

// PageReport is what CheckPage found on one page. A clean page has no
// entries in any of the slices and, when charts were waited for,
// ChartsReady set; Problems lists everything else.
type PageReport struct {
	// URL is the page checked.
	URL string

	// ConsoleErrors are the page's console messages of level error or
	// warning, its uncaught exceptions and unhandled rejections, and the
	// browser's own errors and warnings about it (a resource that failed to
	// load, a CSP violation), each as "LEVEL: TEXT (WHERE)" with WHERE
	// relative to the page's origin. A failed load of an off-site resource
	// is left out here: it is in OffSiteRequests already. So is a 404 for
	// /favicon.ico, which headless Chromium asks for by itself, at a moment
	// of its choosing, for a page that declares no icon. Messages logged
	// after the page went quiet (no request in flight, no event for 250ms)
	// are not seen, nor are axe-core's own.
	ConsoleErrors []string

	// OffSiteRequests are the URLs of every request the page made outside
	// its own origin, in order and without repeats, whether or not it
	// succeeded. data:, blob: and about: URLs do not count.
	OffSiteRequests []string

	// CSPViolations are the page's "securitypolicyviolation" events, each
	// as "DIRECTIVE blocked WHAT (WHERE)". Chromium logs each as a console
	// error too.
	CSPViolations []string

	// AxeViolations are axe-core's violations of the rules tagged with
	// CheckOptions.AxeTags.
	AxeViolations []Violation

	// ChartCount is the number of elements CheckOptions.ChartSelector
	// matched after the wait for the charts; zero without a selector.
	ChartCount int

	// ChartsReady reports whether the page had set data-charts-ready="true"
	// when the check finished waiting (or, without WaitCharts, when it
	// loaded).
	ChartsReady bool

	// chartsTimeout is how long CheckPage waited for the charts; zero if
	// it did not.
	chartsTimeout time.Duration
}

// Problems returns one line for each thing wrong with the page, each
// starting with the page's path, for a test to report with t.Error.
func (r PageReport) Problems() []string {
	page := r.URL
	if u, err := url.Parse(r.URL); err == nil && u.Path != "" {
		page = u.Path
	}
	var out []string
	add := func(format string, args ...any) {
		out = append(out, page+": "+fmt.Sprintf(format, args...))
	}
	for _, c := range r.ConsoleErrors {
		add("console %s", c)
	}
	for _, u := range r.OffSiteRequests {
		add("off-site request: %s (everything must be served from the site itself)", u)
	}
	for _, c := range r.CSPViolations {
		add("Content-Security-Policy violation: %s", c)
	}
	for _, v := range r.AxeViolations {
		add("accessibility: %s", v)
	}
	if r.chartsTimeout > 0 && !r.ChartsReady {
		add(`charts: <html data-charts-ready="true"> not set within %v (did charts.js fail, or a chart never draw?)`, r.chartsTimeout)
	}
	return out
}

// Violation is one axe-core rule that failed on a page.
type Violation struct {
	// ID is the axe rule, such as "image-alt" or "color-contrast".
	ID string `json:"id"`
	// Impact is axe's severity: "minor", "moderate", "serious" or
	// "critical".
	Impact string `json:"impact"`
	// Help says in a sentence what the rule asks for.
	Help string `json:"help"`
	// HelpURL explains the rule and how to fix a failure.
	HelpURL string `json:"helpUrl"`
	// Targets are CSS selectors for the failing elements. An element inside
	// an iframe has the frames' selectors first, joined by " >> "; one in a
	// shadow tree has the hosts' selectors first, joined by " >>> ".
	Targets []string `json:"targets"`
}

// String gives the rule, its impact, what it asks for and where it failed.
func (v Violation) String() string {
	return fmt.Sprintf("%s (%s): %s: %s [%s]", v.ID, v.Impact, v.Help, strings.Join(v.Targets, ", "), v.HelpURL)
}
