package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/adoptionreport/adoptionreport/internal/chrome"
)

// waitLoaded is how long Screenshot waits for fonts and charts before
// taking the picture anyway.
const waitLoaded = 10 * time.Second

// Screenshot saves a PNG of the whole of pageURL, laid out for a window
// width×height CSS pixels (for example 390×844 for a phone, 1280×800 for a
// laptop), to path, creating its directory. It is for people to look at, not
// for comparing in tests. It waits for the page's web fonts and, on a page
// with chart option blocks (<script type="application/json">), for
// data-charts-ready="true", but takes the picture anyway after 10 seconds.
func Screenshot(t testing.TB, ctx context.Context, pageURL string, width, height int, path string) {
	t.Helper()
	tab, closeTab := chromedp.NewContext(ctx)
	defer closeTab()
	run, cancel := context.WithTimeout(tab, time.Minute)
	defer cancel()

	if err := chromedp.Do(run,
		chromedp.EmulateViewport(int64(width), int64(height)),
		chromedp.Navigate(pageURL),
	); err != nil {
		t.Fatalf("Screenshot %s: loading at %dx%d: %v", pageURL, width, height, err)
	}
	start := time.Now()
	hasCharts, err := chromedp.Run(run, chromedp.Evaluate[bool](`document.fonts.ready.then(() =>
		document.querySelector('script[type="application/json"]') !== null)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("Screenshot %s: waiting for fonts: %v", pageURL, err)
	}
	ready := true
	if hasCharts {
		if ready, err = chrome.ChartsReady(run, waitLoaded-time.Since(start)); err != nil {
			t.Fatalf("Screenshot %s: waiting for charts: %v", pageURL, err)
		}
	}
	if !ready {
		t.Logf("Screenshot %s: charts not ready after %v; taking the screenshot anyway", pageURL, waitLoaded)
	}
	png, err := chromedp.Run(run, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("Screenshot %s: %v", pageURL, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatalf("Screenshot: %v", err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatalf("Screenshot: %v", err)
	}
}
