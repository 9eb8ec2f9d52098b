package browsertest

import (
	"bytes"
	"context"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// NewBrowser starts a headless Chromium for the test and returns its chromedp
// context; CheckPage and Screenshot open a tab of their own in it, so tests
// and subtests may share one browser. The browser stops when the test ends.
// Without Chromium it skips the test, or fails it when RequireEnv is set.
func NewBrowser(t testing.TB) context.Context {
	t.Helper()
	chrome := Chrome(t)
	// Chromium's output goes into a buffer the test prints only if the
	// browser fails to start, where Chromium's own words are the useful ones.
	var out syncBuffer
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		// Containers and CI run as root, where Chromium refuses to start with
		// its sandbox.
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		// The tests must never touch the network: no QUIC probes, no
		// component or safe-browsing updates, no sync.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.CombinedOutput(&out),
	)

	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	// Cleanups run last-in first-out: the browser stops before t.TempDir
	// removes its profile.
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium %s: %v\n%s", chrome, err, out.String())
	}
	return ctx
}

// syncBuffer is a bytes.Buffer that the browser's output goroutine and the
// test may use at once.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
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
