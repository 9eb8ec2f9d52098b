package pdf

import (
	"context"
	"sync"
	"time"

	"github.com/adoptionreport/adoptionreport/internal/chrome"
)

// Browser is a Chromium being started in the background, for Print to use
// once it is ready. Starting the browser takes about as long as building
// the report, so the pdf command starts one before it builds: the two
// overlap, and printing can begin as soon as the site is written.
type Browser struct {
	path    string
	started time.Time
	ready   chan struct{}
	tab     context.Context
	stop    func()
	err     error
	once    sync.Once
}

// StartBrowser starts Chromium at path (from chrome.Find) in the
// background and returns at once. Give it to Print as Options.Browser, and
// Close it when done, whether or not Print used it.
func StartBrowser(ctx context.Context, path string) *Browser {
	b := &Browser{path: path, started: time.Now(), ready: make(chan struct{})}
	go func() {
		defer close(b.ready)
		b.tab, b.stop, b.err = chrome.Start(ctx, path)
	}()
	return b
}

// wait returns the browser's first tab once it has started.
func (b *Browser) wait() (context.Context, error) {
	<-b.ready
	return b.tab, b.err
}

// Close stops the browser, waiting for it to finish starting first, and
// for it to exit.
func (b *Browser) Close() {
	b.once.Do(func() {
		<-b.ready
		if b.stop != nil {
			b.stop()
		}
	})
}
