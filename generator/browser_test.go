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
			// With a PDF beside the site, as the pdf command publishes it,
			// so that every page's link to it is checked too.
			printed := filepath.Join(t.TempDir(), "printed.pdf")
			if err := os.WriteFile(printed, []byte("%PDF-1.7\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "site")
			res, err := Build(context.Background(), Options{Source: "..", Output: out, Draft: draft, PDF: &PDF{Path: printed, Pages: 1}})
			if err != nil {
				t.Fatalf("building the sample: %v\n%s", err, res.Problems.Error())
			}
			pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
			if len(pages) < 7 {
				t.Fatalf("only %d pages built", len(pages))
			}
			base := browsertest.Serve(t, out)
			ctx := browsertest.NewBrowser(t)
			for _, p := range pages {
				html, _ := os.ReadFile(p)
				want := len(chartCanvas.FindAll(html, -1))
				// A page without a chart loads no chart script, so nothing
				// there announces the charts are ready.
				r := browsertest.CheckPage(t, ctx, base+"/"+filepath.Base(p), browsertest.CheckOptions{
					WaitCharts:    want > 0,
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
