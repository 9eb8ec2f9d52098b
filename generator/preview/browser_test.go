package preview

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/adoptionreport/adoptionreport/internal/browsertest"
)

// In a real browser, a council's page open in the preview tells the
// preview which report it shows: an edit to a page every council shares
// reaches it by the fast pass, which renders that council's report
// first, and the page reloads by itself to show it.
func TestLiveReloadInBrowser(t *testing.T) {
	ctx := browsertest.NewBrowser(t)
	dir := regionalProject(t)
	s, base, log := serveProject(t, dir)
	poll(t, base+"/marshby/panel.html", func(status int, _ string) bool { return status == 200 })

	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	if err := chromedp.Do(tab, chromedp.Navigate(base+"/marshby/panel.html")); err != nil {
		t.Fatal(err)
	}
	// The page's event stream is open once the preview knows its council.
	for deadline := time.Now().Add(waitFor); !s.events.scopes()["marshby"]; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the page's event stream did not say it shows marshby's report")
		}
	}
	panel := filepath.Join(dir, "content", "panel.md")
	text, err := os.ReadFile(panel)
	if err != nil {
		t.Fatal(err)
	}
	write(t, panel, string(text)+"\nThe panel met eleven times.\n")
	// The page reloads itself: ask it again until it shows the edit (a
	// question asked as it navigates fails, and is asked again).
	for deadline := time.Now().Add(waitFor); ; time.Sleep(50 * time.Millisecond) {
		shown, err := chromedp.Run(tab, chromedp.Evaluate[bool](`document.body.textContent.includes("The panel met eleven times.")`))
		if err == nil && shown {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the open page did not show the edit (last error: %v)\n%s", err, log)
		}
	}
	if !strings.Contains(log.String(), "rebuilt marshby in ") {
		t.Errorf("the open council's report was not rendered first:\n%s", log)
	}
}
