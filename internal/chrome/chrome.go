// Package chrome starts the headless Chromium that the PDF printer and
// the project's browser tests share, so both run it the same way: no
// sandbox (CI runs as root), no GPU and no network beyond this machine.
package chrome

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/chromedp/chromedp"
)

// Start starts a headless Chromium at path with a fresh temporary
// profile and returns a context for its first tab. The browser reaches
// nothing beyond this machine. stop closes it and waits for it to exit.
func Start(ctx context.Context, path string) (tab context.Context, stop func(), err error) {
	var chromeOut syncBuffer
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		// Chromium refuses to start as root (containers, CI) with its
		// sandbox; the pages are our own site, served only to this browser.
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		// No network beyond 127.0.0.1: no QUIC probes, no component
		// updates (the defaults already turn off background networking,
		// sync, safe-browsing updates and the first-run page).
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		// No UserDataDir: chromedp then makes a fresh temporary profile
		// and removes it when the browser stops.
		chromedp.CombinedOutput(&chromeOut),
	)...)
	tab, cancelTab := chromedp.NewContext(allocCtx)
	// cancelAlloc waits for the browser to exit and its profile to go.
	stop = func() { cancelTab(); cancelAlloc() }
	if err := chromedp.Do(tab); err != nil {
		stop()
		if out := strings.TrimSpace(chromeOut.String()); out != "" {
			err = fmt.Errorf("%w; Chromium said:\n%s", err, out)
		}
		return nil, nil, fmt.Errorf("starting %s: %w", path, err)
	}
	return tab, stop, nil
}

// syncBuffer collects Chromium's output, written from chromedp's goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
