package generator

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/adoptionreport/adoptionreport/internal/browsertest"
	"github.com/adoptionreport/adoptionreport/internal/chrome"
)

const (
	scriptAttack = `</script><script>alert(1)</script>`
	imgAttack    = `<img src=x onerror=alert(2)>`
)

// hostileProject is the scaffold with both attacks in the council name,
// a budget line, a reversal reason and a paragraph of the panel chair's
// report.
func hostileProject(t *testing.T) string {
	t.Helper()
	dir := newProject(t)
	edit := func(name, old, new string) {
		t.Helper()
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(b), old) {
			t.Fatalf("%s: no %q (%v)", name, old, err)
		}
		os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644)
	}
	attack := scriptAttack + imgAttack
	// TOML basic strings take the attack as it is: it has no quote or backslash.
	edit("config.toml", `council     = "Your Council"`, `council     = "Your Council `+attack+`"`)
	edit("data/budget.csv", "2024-25,Interagency fees,", `2024-25,"Interagency fees `+attack+`",`)
	edit("data/children.csv", ",RD1,", `,"RD1 `+attack+`",`)
	edit("content/panel.md", "The adoption panel chair's report", attack+"\n\nThe adoption panel chair's report")
	return dir
}

// Hostile text from config, CSV and Markdown reaches the pages only
// escaped: no page holds the attack as markup.
func TestHostileTextIsEscaped(t *testing.T) {
	dir := hostileProject(t)
	for _, draft := range []bool{false, true} {
		out := filepath.Join(t.TempDir(), "site")
		res, err := Build(context.Background(), Options{Source: dir, Output: out, Draft: draft})
		if err != nil {
			t.Fatalf("%v\n%s", err, res.Problems.Error())
		}
		pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
		seen := false
		for _, p := range pages {
			b, _ := os.ReadFile(p)
			s := string(b)
			for _, raw := range []string{"<script>alert", "<img src=x", "onerror=alert(2)>"} {
				if strings.Contains(s, raw) {
					t.Errorf("%s holds %q unescaped", filepath.Base(p), raw)
				}
			}
			seen = seen || strings.Contains(s, "&lt;img src=x onerror=alert(2)&gt;")
		}
		if !seen {
			t.Error("the attack text should be shown, escaped, on some page")
		}
	}
}

// In Chromium no injected script runs: no dialog opens on any page.
func TestHostileTextRunsNothing(t *testing.T) {
	browsertest.Chrome(t)
	dir := hostileProject(t)
	out := filepath.Join(t.TempDir(), "site")
	if res, err := Build(context.Background(), Options{Source: dir, Output: out}); err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	base := browsertest.Serve(t, out)
	ctx := browsertest.NewBrowser(t)
	pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
	for _, p := range pages {
		tab, cancel := chromedp.NewContext(ctx)
		var dialogs atomic.Int32
		err := chromedp.Listen(tab, func(ev any) {
			if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
				dialogs.Add(1)
				// A listener may not run commands itself.
				go chromedp.Call(tab, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
			}
		})
		run, stop := context.WithTimeout(tab, 30*time.Second)
		// A page without a chart loads no chart script, so nothing there
		// announces the charts are ready; the hostile text is still on it.
		html, _ := os.ReadFile(p)
		charted := len(chartCanvas.FindAll(html, -1)) > 0
		ready := !charted
		if err == nil {
			err = chromedp.Do(run, chromedp.Navigate(base+"/"+filepath.Base(p)))
		}
		if err == nil && charted {
			ready, err = chrome.ChartsReady(run, 5*time.Second)
		}
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(p), err)
		}
		if !ready {
			t.Errorf("%s: charts never drew", filepath.Base(p))
		}
		if n := dialogs.Load(); n != 0 {
			t.Errorf("%s: %d script dialogs opened", filepath.Base(p), n)
		}
		stop()
		cancel()
	}
}
