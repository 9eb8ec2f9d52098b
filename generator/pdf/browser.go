package pdf

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/adoptionreport/adoptionreport/internal/chrome"
)

// maxPasses bounds the prints. The second print normally confirms the
// numbers the first found; a contents list that grows onto another page
// when its numbers are filled in moves every section, and needs a third.
const maxPasses = 4

// tocSections lists the section ids of the contents' page-number slots, in
// order, once each.
const tocSections = `[...new Set([...document.querySelectorAll(".toc-page[data-section]")].map((e) => e.dataset.section))]`

// tocFill writes the page numbers, given as a JSON object from section id
// to page, into the contents' slots.
const tocFill = `((pages) => {
	for (const e of document.querySelectorAll(".toc-page[data-section]")) {
		e.textContent = String(pages[e.dataset.section]);
	}
})(%s)`

// sketch hides (true) or shows (false) the page's inline SVG, its charts.
// The first print only finds where the sections fall, and a chart's decal
// patterns make Chromium rasterise images, about a second of the print;
// hidden, the charts keep their boxes, so the pages break where they will
// in the final print.
const sketch = `((hide) => {
	for (const e of document.querySelectorAll("svg")) e.style.visibility = hide ? "hidden" : "";
})(%t)`

// untagged is a PrintToPDF option for a PDF without tags or outline: a
// Chromium that tags by default (154 and later) is told not to.
func untagged(p *page.PrintToPDFParams) {
	no := false
	p.GenerateTaggedPDF, p.GenerateDocumentOutline = &no, &no
}

// printed is the outcome of printPage.
type printed struct {
	pdf      []byte
	pages    int
	sections map[string]int
	// missing lists what the PDF lacks of an accessible document.
	missing []string
}

// printPage serves the site folder, loads print.html in a headless
// Chromium, waits for its charts, and prints it until the contents'
// page numbers match the pages the sections land on.
func printPage(ctx context.Context, opts Options, progress io.Writer) (printed, error) {
	base, stop, err := serve(filepath.Dir(opts.HTML))
	if err != nil {
		return printed{}, err
	}
	defer stop()
	pageURL := base + "/" + url.PathEscape(filepath.Base(opts.HTML))

	start := time.Now()
	b := opts.Browser
	if b == nil {
		b = StartBrowser(ctx, opts.Chrome)
		defer b.Close()
	} else {
		start = b.started
	}
	select {
	case <-b.ready:
	default:
		fmt.Fprintf(progress, "printing: starting %s…\n", filepath.Base(b.path))
	}
	tab, err := b.wait()
	if err != nil {
		return printed{}, err
	}

	errs := collectErrors(tab)
	fmt.Fprintf(progress, "printing: loading %s and drawing its charts…\n", filepath.Base(opts.HTML))
	if err := load(tab, pageURL, opts, errs); err != nil {
		return printed{}, err
	}
	fmt.Fprintf(progress, "printing: ready in %s\n", seconds(time.Since(start)))
	return printNumbered(tab, opts.HTML, progress, previousSections(opts.Output))
}

// printNumbered prints the loaded page, fills in its contents' page
// numbers from that PDF and prints again, until a PDF's sections are on
// the pages its contents says. html names the page in errors.
//
// guess, when it gives a page for every section (the previous PDF's, see
// previousSections), is written into the contents before the first print:
// if the sections are still where they were, that print is the PDF, and
// one print is all it takes. Otherwise the first print is a sketch.
func printNumbered(tab context.Context, html string, progress io.Writer, guess map[string]int) (printed, error) {
	ids, err := chromedp.Run(tab, chromedp.Evaluate[[]string](tocSections))
	if err != nil {
		return printed{}, fmt.Errorf("reading the contents of %s: %w", html, err)
	}
	var written map[string]int
	if len(ids) > 0 && covers(guess, ids) {
		written = make(map[string]int, len(ids))
		for _, id := range ids {
			written[id] = guess[id]
		}
		if err := fill(tab, html, written); err != nil {
			return printed{}, err
		}
	}
	hidden := false
	for pass := 1; ; pass++ {
		// Only a first print without numbers is a sketch: any other may
		// be delivered.
		isSketch := pass == 1 && len(ids) > 0 && written == nil
		if isSketch != hidden {
			if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(sketch, isSketch))); err != nil {
				return printed{}, fmt.Errorf("preparing %s for printing: %w", html, err)
			}
			hidden = isSketch
		}
		start := time.Now()
		switch {
		case isSketch:
			fmt.Fprint(progress, "printing: a first draft, to find the page each section starts on… ")
		case len(ids) == 0:
			fmt.Fprint(progress, "printing… ")
		case pass == 1:
			fmt.Fprint(progress, "printing: the PDF, with the contents' page numbers of the last PDF… ")
		default:
			fmt.Fprint(progress, "printing: the PDF, with the contents' page numbers… ")
		}
		// The sketch is read only for its links' destinations, which
		// Chromium writes whether or not the PDF is tagged: untagged and
		// without an outline, it spares building the structure tree.
		tagging := chromedp.PDFOutlineAndTagged()
		if isSketch {
			tagging = untagged
		}
		pdf, err := chromedp.Run(tab, chromedp.PrintToPDF(
			chromedp.PDFPaper(chromedp.PaperA4), // for a page without @page { size }
			chromedp.PDFPreferCSSPageSize(),
			chromedp.PDFPrintBackground(),
			tagging,
			chromedp.PDFStream(),
		))
		if err != nil {
			fmt.Fprintln(progress) // end the progress line
			return printed{}, fmt.Errorf("printing %s: %w", html, err)
		}
		doc, err := parseDocument(pdf)
		if err != nil {
			return printed{}, fmt.Errorf("reading the PDF Chromium printed: %w", err)
		}
		pages, err := doc.pages()
		if err != nil {
			return printed{}, fmt.Errorf("reading the PDF Chromium printed: %w", err)
		}
		fmt.Fprintf(progress, "%d pages in %s\n", len(pages), seconds(time.Since(start)))
		found, err := sectionPages(doc, ids, html)
		if err != nil {
			return printed{}, err
		}
		if len(ids) == 0 || (written != nil && maps.Equal(found, written)) {
			missing, err := doc.accessibility()
			if err != nil {
				return printed{}, fmt.Errorf("reading the PDF Chromium printed: %w", err)
			}
			return printed{pdf: pdf, pages: len(pages), sections: found, missing: missing}, nil
		}
		if pass == maxPasses {
			return printed{}, fmt.Errorf("%s: the contents' page numbers did not settle after %d prints: "+
				"filling them in keeps moving the sections (does the contents list change length with its numbers?)", html, pass)
		}
		if err := fill(tab, html, found); err != nil {
			return printed{}, err
		}
		written = found
	}
}

// covers reports whether pages has a page for every id.
func covers(pages map[string]int, ids []string) bool {
	for _, id := range ids {
		if pages[id] < 1 {
			return false
		}
	}
	return true
}

// fill writes the page numbers into the contents.
func fill(tab context.Context, html string, pages map[string]int) error {
	js, err := json.Marshal(pages)
	if err != nil {
		return err
	}
	if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(tocFill, js))); err != nil {
		return fmt.Errorf("writing page numbers into the contents of %s: %w", html, err)
	}
	return nil
}

// previousSections returns the section pages of the PDF at path, from its
// named destinations, or nil when there is none or it cannot be read: a
// guess for printNumbered, which checks it against the new print.
func previousSections(path string) map[string]int {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	doc, err := parseDocument(data)
	if err != nil {
		return nil
	}
	dests, err := doc.destinations()
	if err != nil {
		return nil
	}
	return dests
}

// sectionPages returns the page of each id from the PDF's named
// destinations.
func sectionPages(doc *document, ids []string, html string) (map[string]int, error) {
	dests, err := doc.destinations()
	if err != nil {
		return nil, fmt.Errorf("reading the PDF Chromium printed: %w", err)
	}
	found := make(map[string]int, len(ids))
	for _, id := range ids {
		n, ok := dests[id]
		if !ok {
			return nil, fmt.Errorf("%s: the contents has a page number for %q, but the printed PDF has no such section: "+
				"give the section id=%q and put the number inside the contents' link to it, <a href=\"#%s\">",
				html, id, id, id)
		}
		found[id] = n
	}
	return found, nil
}

// readyGrace is how long load gives the page's own timer to report
// before giving up on the browser altogether.
const readyGrace = 5 * time.Second

// load navigates to pageURL and waits for the charts to draw, within
// opts.Timeout.
func load(tab context.Context, pageURL string, opts Options, errs *pageErrors) error {
	start := time.Now()
	ctx, cancel := context.WithTimeout(tab, opts.Timeout+readyGrace)
	defer cancel()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(pageURL))
	switch {
	case errors.Is(err, context.DeadlineExceeded) && tab.Err() == nil:
		return fmt.Errorf("%s did not load within %s%s", opts.HTML, opts.Timeout, errs.String())
	case err != nil:
		return fmt.Errorf("loading %s: %w", opts.HTML, err)
	case resp != nil && resp.Status != http.StatusOK:
		return fmt.Errorf("loading %s: the server answered %d %s", opts.HTML, resp.Status, resp.StatusText)
	}
	wait := max(opts.Timeout-time.Since(start), 0)
	ready, err := chrome.ChartsReady(ctx, wait)
	if err != nil {
		return fmt.Errorf("waiting for the charts of %s: %w", opts.HTML, err)
	}
	if !ready {
		return fmt.Errorf("%s: the charts did not finish drawing within %s: the page never set "+
			`data-charts-ready="true" on <html>, which the site's charts.js does when every chart has drawn; `+
			"open the page in a browser and look in its console for errors%s", opts.HTML, opts.Timeout, errs.String())
	}
	return nil
}

// serve serves dir on a free port of 127.0.0.1 and returns its base URL.
// A real server rather than file:// URLs gives the page an origin, which
// its Content-Security-Policy of 'self' needs to load anything.
func serve(dir string) (base string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, fmt.Errorf("serving %s to Chromium: %w", dir, err)
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(dir)), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln) //nolint:errcheck // Serve always returns ErrServerClosed after Close
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

// pageErrors keeps the first few errors the page reports, to explain a
// page that never gets ready.
type pageErrors struct {
	mu   sync.Mutex
	list []string
}

// maxErrors is how many page errors an error message repeats.
const maxErrors = 5

// collectErrors records the tab's console errors and uncaught exceptions
// until the tab closes.
func collectErrors(tab context.Context) *pageErrors {
	pe := &pageErrors{}
	messages := chromedp.Console(tab)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type != chromedp.ConsoleError && !m.IsException() {
				continue
			}
			pe.mu.Lock()
			if len(pe.list) < maxErrors {
				pe.list = append(pe.list, m.String())
			}
			pe.mu.Unlock()
		}
	}()
	return pe
}

// String gives the errors as lines to append to a message, or "".
func (pe *pageErrors) String() string {
	pe.mu.Lock()
	defer pe.mu.Unlock()
	if len(pe.list) == 0 {
		return ""
	}
	return "; the page reported:" + indent(strings.Join(pe.list, "\n"))
}

// indent returns s as indented lines after a newline, or "" for blank s.
func indent(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	return "\n\t" + strings.ReplaceAll(s, "\n", "\n\t")
}
