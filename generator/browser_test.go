package generator

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/internal/browsertest"
)

// buildSample builds the repository's sample project into a temporary
// folder.
func buildSample(t *testing.T, draft bool) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "site")
	res, err := Build(context.Background(), Options{Source: "..", Output: out, Draft: draft})
	if err != nil {
		t.Fatalf("building the sample: %v\n%s", err, res.Problems.Error())
	}
	return out
}

var chartCanvas = regexp.MustCompile(`class="chart-canvas[ "]`)

// Every page of the sample opens in Chromium with every chart drawn, no
// console error, no request off the site, no CSP violation, no WCAG 2.2
// A/AA violation axe-core finds, and valid HTML by the Nu HTML Checker.
func TestSampleInBrowser(t *testing.T) {
	browsertest.Chrome(t)
	browsertest.AxeSource(t)
	for _, draft := range []bool{false, true} {
		name := "publish"
		if draft {
			name = "draft"
		}
		t.Run(name, func(t *testing.T) {
			out := buildSample(t, draft)
			pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
			if len(pages) < 7 {
				t.Fatalf("only %d pages built", len(pages))
			}
			base := browsertest.Serve(t, out)
			ctx := browsertest.NewBrowser(t)
			for _, p := range pages {
				html, _ := os.ReadFile(p)
				want := len(chartCanvas.FindAll(html, -1))
				r := browsertest.CheckPage(t, ctx, base+"/"+filepath.Base(p), browsertest.CheckOptions{
					WaitCharts:    true,
					ChartSelector: ".chart-canvas svg",
				})
				for _, prob := range r.Problems() {
					t.Errorf("%s: %s", filepath.Base(p), prob)
				}
				if r.ChartCount != want {
					t.Errorf("%s: %d of %d charts drew", filepath.Base(p), r.ChartCount, want)
				}
				if draft && !strings.Contains(string(html), "DRAFT") {
					t.Errorf("%s: a draft page without the DRAFT mark", filepath.Base(p))
				}
			}
			if draft {
				return
			}
			for _, e := range browsertest.ValidateHTML(t, pages) {
				t.Errorf("Nu HTML Checker: %s", e)
			}
		})
	}
}
