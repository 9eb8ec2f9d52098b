// Package chrome finds and starts the headless Chromium that the PDF
// printer and the project's browser tests share, so both look for it in the
// same places, run it the same way (no GPU, no network beyond this machine,
// the sandbox on unless running as root) and wait for a page's charts the
// same way.
package chrome

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/chromedp/chromedp"
)

// Start starts a headless Chromium at path with a fresh temporary
// profile and returns a context for its first tab. The browser reaches
// nothing beyond this machine. stop closes it and waits for it to exit.
func Start(ctx context.Context, path string) (tab context.Context, stop func(), err error) {
	// Chromium puts a folder of its own (org.chromium.Chromium.XXXXXX) in
	// TMPDIR and cannot remove it when it is stopped; give it a folder of
	// ours, removed with everything in it. Its name is short: the socket's
	// path inside it must fit in 107 bytes.
	tmp, err := os.MkdirTemp("", "arc-")
	if err != nil {
		return nil, nil, fmt.Errorf("starting %s: %w", path, err)
	}
	var chromeOut syncBuffer
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		append(allocatorOptions(path, os.Geteuid() == 0, &chromeOut), chromedp.Env("TMPDIR="+tmp))...)
	// chromedp logs to the standard logger what it fails to tell Chromium
	// once the browser has gone ("writing message: broken pipe"): an
	// officer's terminal gets the error Start or the caller returns instead.
	tab, cancelTab := chromedp.NewContext(allocCtx, chromedp.WithErrorf(func(string, ...any) {}))
	// cancelAlloc waits for the browser to exit and its profile to go.
	stop = func() { cancelTab(); cancelAlloc(); os.RemoveAll(tmp) }
	if err := chromedp.Do(tab); err != nil {
		stop()
		out := strings.TrimSpace(chromeOut.String())
		if out == "" && ctx.Err() == nil {
			// chromedp's message would end at "failed to start:" with
			// nothing after it; a program that says nothing is most
			// likely not a browser at all.
			return nil, nil, fmt.Errorf("starting %s: it stopped without a word, so it is probably not Chromium or Chrome: "+
				"name the browser's program instead", path)
		}
		err = fmt.Errorf("%w; Chromium said:\n%s", err, out)
		if strings.Contains(out, "No usable sandbox") {
			// The sandbox needs unprivileged user namespaces or a setuid
			// chrome-sandbox helper; some containers allow neither.
			err = fmt.Errorf("%w\nthis system does not let Chromium start its sandbox: "+
				"allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1) "+
				"or install Chromium's setuid sandbox helper", err)
		}
		return nil, nil, fmt.Errorf("starting %s: %w", path, err)
	}
	return tab, stop, nil
}

// allocatorOptions are the command line Start gives Chromium at path,
// writing its output to out; asRoot turns the sandbox off.
func allocatorOptions(path string, asRoot bool, out *syncBuffer) []chromedp.ExecAllocatorOption {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.DisableGPU,
		// No network beyond 127.0.0.1: no QUIC probes, no component
		// updates (the defaults already turn off background networking,
		// sync, safe-browsing updates and the first-run page).
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		// No UserDataDir: chromedp then makes a fresh temporary profile
		// and removes it when the browser stops.
		chromedp.CombinedOutput(out),
	)
	if asRoot {
		// Chromium refuses to start as root (containers, CI) with its
		// sandbox. Without it a compromised renderer runs with the
		// user's rights, so it is off only where Chromium insists; the
		// pages are our own site, served only to this browser.
		opts = append(opts, chromedp.NoSandbox)
	}
	return opts
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
