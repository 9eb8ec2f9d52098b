package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// csp is the policy the generated site carries.
const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`

// site is a tiny static site: one page that passes every check, and pages
// that each break exactly the rules the tests below expect to be reported.
var site = map[string]string{
	// Accessible, valid, self-contained; its "chart" is drawn late by an
	// external script, which then sets data-charts-ready, as charts.js does.
	"good.html": `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
` + csp + `
<title>Good page</title>
<link rel="stylesheet" href="style.css">
<script src="ready.js" defer></script>
</head>
<body>
<main>
<h1>Children adopted</h1>
<p>Twelve children were adopted this year.</p>
<figure class="chart" id="chart"><figcaption>Adoptions by year</figcaption></figure>
<script type="application/json" id="chart-options">{"series": []}</script>
</main>
</body>
</html>
`,
	"style.css": "body { font-family: sans-serif; color: #111; background: #fff; }\n",
	"ready.js": `setTimeout(() => {
	const c = document.createElement("canvas");
	c.width = 300; c.height = 150;
	c.setAttribute("role", "img");
	c.setAttribute("aria-label", "Bar chart: 12 adoptions in 2024-25");
	document.getElementById("chart").append(c);
	document.documentElement.dataset.chartsReady = "true";
}, 300);
`,

	// An image with no alt text, a console error, and a request to another
	// site (which fails: the tests have no network, and .invalid never
	// resolves). No CSP, so that the request is made.
	"bad.html": `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Bad page</title>
<script src="bad.js"></script>
</head>
<body>
<main>
<h1>Bad page</h1>
<img src="http://example.invalid/x.png">
</main>
</body>
</html>
`,
	"bad.js": "console.error(\"deliberate error\");\n",

	// An inline script, which the CSP blocks.
	"inline.html": `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
` + csp + `
<title>Inline script</title>
</head>
<body>
<main><h1>Inline script</h1></main>
<script>document.title = "ran";</script>
</body>
</html>
`,

	// A script that throws, and an image that is not there. (Not a missing
	// stylesheet or script: Chromium refuses http.FileServer's text/plain
	// 404 page for those, and then logs the 404 itself only sometimes.)
	"throws.html": `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
` + csp + `
<title>Throws</title>
<script src="throws.js"></script>
</head>
<body><main><h1>Throws</h1><img src="missing.png" alt="Missing"></main></body>
</html>
`,
	"throws.js": "throw new Error(\"deliberate exception\");\n",

	// Not HTML the validator accepts: no <title>, a stray end tag.
	"invalid.html": "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"></head><body><p>text</span></p></body></html>\n",
}

// writeSite writes site to a new directory and returns it.
func writeSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range site {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestBrowser shares one browser between its subtests, as a test of a whole
// site would: starting Chromium costs a second or more.
func TestBrowser(t *testing.T) {
	ctx := NewBrowser(t)
	base := Serve(t, writeSite(t))
	t.Run("CheckPage", func(t *testing.T) { testCheckPage(t, ctx, base) })
}

func testCheckPage(t *testing.T, ctx context.Context, base string) {
	charts := CheckOptions{WaitCharts: true, ChartSelector: ".chart canvas, .chart svg"}

	tests := []struct {
		page string
		opts CheckOptions
		// What the report must hold; each console error is matched by a
		// substring of a different entry, in any order (Chromium sends
		// console and network messages on their own schedules), everything
		// else exactly.
		console     []string
		offSite     []string
		csp         int
		axe         []string
		chartCount  int
		chartsReady bool
		problems    int
		more        func(t *testing.T, r PageReport) // further checks
	}{
		{page: "good.html", opts: charts, chartCount: 1, chartsReady: true},
		{
			page:     "bad.html",
			console:  []string{"error: deliberate error (/bad.js:1:9)"},
			offSite:  []string{"http://example.invalid/x.png"},
			axe:      []string{"image-alt"},
			problems: 3,
			more: func(t *testing.T, r PageReport) {
				v := r.AxeViolations[0]
				if v.Impact != "critical" || !slices.Equal(v.Targets, []string{"img"}) || v.Help == "" || !strings.HasPrefix(v.HelpURL, "https://") {
					t.Errorf("violation = %+v, want impact critical, target img, help and its URL", v)
				}
			},
		},
		{
			// The CSP blocks the inline script: Chromium logs it, and the
			// page gets a securitypolicyviolation event.
			page:     "inline.html",
			console:  []string{"Content Security Policy"},
			csp:      1,
			problems: 2,
		},
		{
			page: "throws.html",
			console: []string{
				"exception: Uncaught Error: deliberate exception (/throws.js:1:7)",
				"error: Failed to load resource: the server responded with a status of 404 (Not Found) (/missing.png)",
			},
			problems: 2,
		},
		{
			// A page with no charts.js never says its charts are ready.
			page:     "bad.html",
			opts:     CheckOptions{WaitCharts: true, ChartsTimeout: 200 * time.Millisecond, ChartSelector: "canvas"},
			console:  []string{"deliberate error"},
			offSite:  []string{"http://example.invalid/x.png"},
			axe:      []string{"image-alt"},
			problems: 4,
		},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			t.Parallel() // each check has a tab of its own
			r := CheckPage(t, ctx, base+"/"+tt.page, tt.opts)
			for _, p := range r.Problems() {
				t.Log(p)
			}
			if !matchAll(r.ConsoleErrors, tt.console) {
				t.Errorf("ConsoleErrors = %q, want %d matching %q", r.ConsoleErrors, len(tt.console), tt.console)
			}
			if !slices.Equal(r.OffSiteRequests, tt.offSite) {
				t.Errorf("OffSiteRequests = %q, want %q", r.OffSiteRequests, tt.offSite)
			}
			if len(r.CSPViolations) != tt.csp {
				t.Errorf("CSPViolations = %q, want %d", r.CSPViolations, tt.csp)
			}
			var ids []string
			for _, v := range r.AxeViolations {
				ids = append(ids, v.ID)
			}
			if !slices.Equal(ids, tt.axe) {
				t.Errorf("AxeViolations = %v, want rules %q", r.AxeViolations, tt.axe)
			}
			if r.ChartCount != tt.chartCount || r.ChartsReady != tt.chartsReady {
				t.Errorf("ChartCount, ChartsReady = %d, %t, want %d, %t", r.ChartCount, r.ChartsReady, tt.chartCount, tt.chartsReady)
			}
			if got := len(r.Problems()); got != tt.problems {
				t.Errorf("len(Problems()) = %d, want %d", got, tt.problems)
			}
			if tt.more != nil && !t.Failed() {
				tt.more(t, r)
			}
		})
	}
}

// matchAll reports whether got and wants have the same length and each of
// wants is a substring of a different entry of got.
func matchAll(got, wants []string) bool {
	if len(got) != len(wants) {
		return false
	}
	used := make([]bool, len(got))
next:
	for _, want := range wants {
		for i, g := range got {
			if !used[i] && strings.Contains(g, want) {
				used[i] = true
				continue next
			}
		}
		return false
	}
	return true
}

func TestValidateHTML(t *testing.T) {
	if got := ValidateHTML(t, nil); got != nil {
		t.Errorf("ValidateHTML(nil) = %q, want nothing", got)
	}

	// One run for all the files, as a test of a site would do: the JVM
	// takes seconds to start.
	dir := writeSite(t)
	files := []string{"good.html", "inline.html", "throws.html", "bad.html", "invalid.html"}
	wantErrors := map[string]bool{"bad.html": true, "invalid.html": true} // else none
	var paths []string
	for _, f := range files {
		paths = append(paths, filepath.Join(dir, f))
	}
	got := ValidateHTML(t, paths)
	perFile := map[string][]string{}
	for _, line := range got {
		if !strings.Contains(line, ": error: ") {
			t.Errorf("%q is not a GNU-format error line", line)
		}
		for _, f := range files {
			if strings.Contains(line, "/"+f+`"`) {
				perFile[f] = append(perFile[f], line)
			}
		}
	}
	for _, f := range files {
		if gotErrors := len(perFile[f]) > 0; gotErrors != wantErrors[f] {
			t.Errorf("%s: errors %q, want errors: %t", f, perFile[f], wantErrors[f])
		}
	}
	// The img without alt in bad.html is one of the errors; invalid.html
	// has no <title> and a stray </span>.
	if !slices.ContainsFunc(perFile["bad.html"], func(l string) bool { return strings.Contains(l, "alt") }) {
		t.Errorf("bad.html: errors %q, want one about the missing alt", perFile["bad.html"])
	}
	if len(perFile["invalid.html"]) < 2 {
		t.Errorf("invalid.html: errors %q, want at least two", perFile["invalid.html"])
	}
}

func TestServe(t *testing.T) {
	base := Serve(t, writeSite(t))
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("Serve = %q, want http://127.0.0.1:PORT", base)
	}
}
