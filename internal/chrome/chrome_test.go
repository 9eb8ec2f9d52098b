package chrome_test

import (
	"log"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"github.com/adoptionreport/adoptionreport/internal/browsertest"
	"github.com/adoptionreport/adoptionreport/internal/chrome"
)

// Start runs Chromium headless, without its sandbox only as root, where
// Chromium will not start with it.
func TestStartSandbox(t *testing.T) {
	tab := browsertest.NewBrowser(t)
	res, err := chromedp.CallBrowser(tab, browser.GetBrowserCommandLine, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(res.Arguments, "--headless") {
		t.Errorf("command line %q: not headless", res.Arguments)
	}
	root := os.Geteuid() == 0
	if got := slices.Contains(res.Arguments, "--no-sandbox"); got != root {
		t.Errorf("running as root: %t, but --no-sandbox given: %t (command line %q)", root, got, res.Arguments)
	}
}

// ChartsReady waits for data-charts-ready="true" and reports a page that
// never sets it.
func TestChartsReady(t *testing.T) {
	ctx := browsertest.NewBrowser(t)
	const (
		setAt = `<script>document.documentElement.dataset.chartsReady = "true"</script>`
		later = `<script>setTimeout(() => document.documentElement.dataset.chartsReady = "true", 1000)</script>`
		other = `<script>document.documentElement.dataset.chartsReady = "false"</script>`
	)
	tests := []struct {
		name    string
		page    string
		timeout time.Duration
		want    bool
	}{
		{"set while loading", setAt, time.Second, true},
		{"set while loading, only read", setAt, 0, true},
		{"set later", later, 5 * time.Second, true},
		{"set later, only read", later, 0, false},
		{"set later than the timeout", later, 50 * time.Millisecond, false},
		{"never true", other, 100 * time.Millisecond, false},
		{"no script", "<p>no charts</p>", 100 * time.Millisecond, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, cancel := chromedp.NewContext(ctx)
			defer cancel()
			if err := chromedp.Do(tab, chromedp.Navigate("data:text/html,"+url.PathEscape(tt.page))); err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			got, err := chrome.ChartsReady(tab, tt.timeout)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("ChartsReady(%v) = %t, want %t", tt.timeout, got, tt.want)
			}
			if d := time.Since(start); !tt.want && d < tt.timeout {
				t.Errorf("ChartsReady gave up after %v, before its timeout of %v", d, tt.timeout)
			}
		})
	}
}

// A program that is not a browser and exits without a word gets a message
// that says so, not chromedp's "failed to start:" with nothing after it.
func TestStartNotABrowser(t *testing.T) {
	// chromedp's own complaints went to the standard logger, before the
	// message: "ERROR: writing message: write |1: broken pipe".
	var logged strings.Builder
	log.SetOutput(&logged)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	for _, prog := range []string{"/bin/false", "/bin/true"} {
		if _, err := os.Stat(prog); err != nil {
			t.Logf("no %s on this system", prog)
			continue
		}
		_, _, err := chrome.Start(t.Context(), prog)
		if err == nil {
			t.Fatalf("Start(%s) succeeded", prog)
		}
		msg := err.Error()
		if strings.HasSuffix(strings.TrimSpace(msg), ":") || !strings.Contains(msg, "probably not Chromium or Chrome") {
			t.Errorf("Start(%s) = %q; want a message saying it is probably not a browser", prog, msg)
		}
	}
	if logged.Len() > 0 {
		t.Errorf("Start logged besides its error:\n%s", logged.String())
	}
}

// A started and stopped browser leaves nothing in the temporary folder:
// Chromium's own singleton folder goes with the browser.
func TestStartLeavesNoTemporaryFolder(t *testing.T) {
	path := browsertest.Chrome(t)
	// Not t.TempDir: its long name would leave no room for Chromium's
	// socket path.
	tmp, err := os.MkdirTemp("", "t-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(tmp) })
	t.Setenv("TMPDIR", tmp)
	tab, stop, err := chrome.Start(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab, chromedp.Navigate("about:blank")); err != nil {
		t.Error(err)
	}
	stop()
	left, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range left {
		t.Errorf("left in the temporary folder: %s", e.Name())
	}
}
