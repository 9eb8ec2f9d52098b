package browsertest

import (
	"context"
	"testing"

	"github.com/adoptionreport/adoptionreport/internal/chrome"
)

// NewBrowser starts a headless Chromium for the test and returns its chromedp
// context; CheckPage opens a tab of its own in it, so tests and subtests may
// share one browser. The browser stops when the test ends. Without Chromium
// it skips the test, or fails it when ADOPTIONREPORT_REQUIRE_BROWSER is set.
func NewBrowser(t testing.TB) context.Context {
	t.Helper()
	path := Chrome(t)
	ctx, stop, err := chrome.Start(context.Background(), path)
	if err != nil {
		t.Fatalf("%v", err)
	}
	t.Cleanup(stop)
	return ctx
}
