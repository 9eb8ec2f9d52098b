package pdf

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/adoptionreport/adoptionreport/internal/chrome"
)

// defaultTimeout is how long Print waits, when Options.Timeout is zero, for
// print.html to load and its charts to draw.
const defaultTimeout = time.Minute

// Options say what to print and where.
type Options struct {
	// Chrome is the path of Chromium or Chrome; blank means the one
	// chrome.Find("") finds ($CHROME_PATH, then chromium and its kin on
	// PATH).
	Chrome string
	// HTML is the path of print.html in a built site folder. The whole
	// folder is served, so the page's stylesheets, scripts and images load
	// as they do when the site is published.
	HTML string
	// Output is the path of the PDF to write. It is replaced only by a
	// complete new PDF; missing parent folders are created.
	Output string
	// Title, Author and Subject go into the PDF's document information.
	// A blank Title keeps the one Chromium takes from <title>.
	Title, Author, Subject string
	// Progress, if not nil, receives a line as each step starts or ends:
	// starting the browser, loading the page and drawing its charts, each
	// print with its page count, and where the PDF was written.
	Progress io.Writer
	// Browser, if not nil, is a browser StartBrowser is starting, for Print
	// to use (and not close) instead of starting one; Chrome is then
	// ignored. Start it with the context given to Print, or one that
	// outlives it: cancelling that context stops the browser.
	Browser *Browser
	// Timeout bounds the wait for the page to load and for its charts to
	// draw (data-charts-ready="true" on <html>); zero means a minute.
	Timeout time.Duration
}

// Result is what Print wrote.
type Result struct {
	// Pages is the number of pages in the PDF.
	Pages int
	// Bytes is the size of the PDF file.
	Bytes int64
	// Sections maps the id of each section the contents lists (such as
	// "sec-summary") to the page, from 1, it starts on: the numbers
	// written into the contents.
	Sections map[string]int
	// Missing lists what the PDF lacks of an accessible document (tags,
	// language, title shown as the window title, bookmarks), which an
	// older Chromium leaves out; Print warns of it on Progress.
	Missing []string
}

// Print prints the print edition at opts.HTML to a PDF at opts.Output with
// Chromium, numbering its contents; see the package doc for how. It stops
// the browser and the server it starts before it returns.
func Print(ctx context.Context, opts Options) (Result, error) {
	if opts.HTML == "" || opts.Output == "" {
		return Result{}, errors.New("pdf.Print: Options.HTML and Options.Output are required")
	}
	if fi, err := os.Stat(opts.HTML); err != nil || fi.IsDir() {
		return Result{}, fmt.Errorf("%s: no such file: build the site first (adoptionreport build), which writes it", opts.HTML)
	}
	if opts.Chrome == "" && opts.Browser == nil {
		var err error
		if opts.Chrome, err = chrome.Find(""); err != nil {
			return Result{}, err
		}
	}
	if opts.Timeout <= 0 {
		opts.Timeout = defaultTimeout
	}
	progress := opts.Progress
	if progress == nil {
		progress = io.Discard
	}

	start := time.Now()
	printed, err := printPage(ctx, opts, progress)
	if err != nil {
		return Result{}, err
	}
	data, err := setInfo(printed.pdf, Metadata{Title: opts.Title, Author: opts.Author, Subject: opts.Subject})
	if err != nil {
		return Result{}, fmt.Errorf("writing the title, author and subject into the PDF: %w", err)
	}
	if err := writeAtomic(opts.Output, data); err != nil {
		return Result{}, err
	}
	if len(printed.missing) > 0 {
		fmt.Fprintf(progress, "warning: the PDF lacks %s, which an accessible document needs: "+
			"print with a recent Chromium or Chrome\n", strings.Join(printed.missing, ", "))
	}
	res := Result{Pages: printed.pages, Bytes: int64(len(data)), Sections: printed.sections, Missing: printed.missing}
	fmt.Fprintf(progress, "wrote %s (%d pages, %s) in %s\n", opts.Output, res.Pages, formatSize(res.Bytes), seconds(time.Since(start)))
	return res, nil
}

// writeAtomic writes data to path through a temporary file in the same
// folder and a rename, so that a reader never sees half a PDF and a failed
// print leaves the previous one in place.
func writeAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating the folder for the PDF: %w", err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing the PDF: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
			err = fmt.Errorf("writing %s: %w", path, err)
		}
	}()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	// CreateTemp makes the file private; a published report is not.
	if err := f.Chmod(0o644); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// seconds gives d as progress lines show it: "2.3 s".
func seconds(d time.Duration) string { return fmt.Sprintf("%.1f s", d.Seconds()) }

// formatSize gives n bytes as people read file sizes: 950 bytes, 78 kB,
// 1.2 MB (decimal units, as file managers show them).
func formatSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d bytes", n)
	case n < 999_500: // not "1000 kB"
		return fmt.Sprintf("%.0f kB", float64(n)/1000)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
}
