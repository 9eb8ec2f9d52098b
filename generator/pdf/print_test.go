package pdf

import (
	"bytes"
	"context"
	"errors"
	"maps"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/adoptionreport/adoptionreport/internal/browsertest"
)

// fixtureSections are the sections of testdata/site/print.html in order,
// by id, with their titles. The cover with the contents fills page 1 and
// every section starts a new page, so the summary (two paragraphs) is on
// page 2 and the children's section on page 3; that section runs over
// several pages (fourteen long paragraphs and a chart), so the adopters'
// section starts further on, and, being one paragraph, is followed at once
// by the finance section.
var fixtureSections = []struct{ id, title string }{
	{"sec-summary", "Summary"},
	{"sec-children", "Children waiting and placed"},
	{"sec-adopters", "Adopters approved"},
	{"sec-finance", "Spending on adoption"},
}

// printFixture prints html with the test's Chromium and returns the PDF's
// path and the result.
func printFixture(t *testing.T, html string, opts Options) (string, Result, error) {
	t.Helper()
	opts.Chrome = browsertest.Chrome(t)
	opts.HTML = html
	if opts.Output == "" {
		opts.Output = filepath.Join(t.TempDir(), "report.pdf")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res, err := Print(ctx, opts)
	return opts.Output, res, err
}

func TestPrint(t *testing.T) {
	poppler(t, "pdfinfo") // before the slow part, skip or fail without it
	var progress bytes.Buffer
	meta := Metadata{
		Title:   "Annual Adoption Report 2024–25",
		Author:  "Example Borough Council",
		Subject: "Adoption in Example Borough (2024–25)",
	}
	start := time.Now()
	out, res, err := printFixture(t, "testdata/site/print.html", Options{
		Title: meta.Title, Author: meta.Author, Subject: meta.Subject, Progress: &progress,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("printed the fixture (%d pages) in %s", res.Pages, time.Since(start).Round(time.Millisecond))

	info := pdfinfo(t, out)
	t.Run("pdfinfo", func(t *testing.T) {
		for k, want := range map[string]string{
			"Title":   meta.Title,
			"Author":  meta.Author,
			"Subject": meta.Subject,
			"Tagged":  "yes",
			"Pages":   strconv.Itoa(res.Pages),
		} {
			if info[k] != want {
				t.Errorf("pdfinfo %s = %q, want %q", k, info[k], want)
			}
		}
		// A4 is 210 × 297 mm = 595.28 × 841.89 pt; Chromium rounds the
		// page to whole device pixels, 594.96 × 841.92, within half a point.
		size := info["Page size"]
		w, h, label, ok := parsePageSize(size)
		if !ok || math.Abs(w-595.28) > 0.5 || math.Abs(h-841.89) > 0.5 || label != "(A4)" {
			t.Errorf("pdfinfo Page size = %q, want A4: 595.28 x 841.89 pts (A4), give or take half a point", size)
		}
	})

	t.Run("result", func(t *testing.T) {
		fi, err := os.Stat(out)
		if err != nil {
			t.Fatal(err)
		}
		if res.Bytes != fi.Size() {
			t.Errorf("Result.Bytes = %d, the file has %d", res.Bytes, fi.Size())
		}
		if fi.Mode().Perm() != 0o644 {
			t.Errorf("the PDF's mode is %v, want -rw-r--r--", fi.Mode().Perm())
		}
		if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*tmp")); len(left) > 0 {
			t.Errorf("temporary files left beside the PDF: %v", left)
		}
		// Each step, each print with its page count, and where it wrote.
		want := regexp.MustCompile(`^printing: starting \S+…\n` +
			`printing: loading \S+ and drawing its charts…\n` +
			`printing: ready in \d+\.\d s\n` +
			`(printing: a first draft, to find the page each section starts on… \d+ pages in \d+\.\d s\n` +
			`(printing: the PDF, with the contents' page numbers… ` + strconv.Itoa(res.Pages) + ` pages in \d+\.\d s\n)+` +
			`|printing… ` + strconv.Itoa(res.Pages) + ` pages in \d+\.\d s\n)` +
			regexp.QuoteMeta("wrote "+out+" ("+strconv.Itoa(res.Pages)+" pages, "+formatSize(res.Bytes)+") in ") + `\d+\.\d s\n$`)
		if !want.MatchString(progress.String()) {
			t.Errorf("progress:\n%s\nwant it to match:\n%s", progress.String(), want)
		}
		// Our own strict reader must read the final file too: the update's
		// cross-reference section and trailer are well formed.
		data, _ := os.ReadFile(out)
		doc, err := parseDocument(data)
		if err != nil {
			t.Fatalf("reading the PDF back: %v", err)
		}
		if _, ok := doc.trailer["Prev"]; !ok {
			t.Error("the PDF has no incremental update with the metadata")
		}
	})

	t.Run("sections", func(t *testing.T) {
		pages := make([]int, len(fixtureSections))
		for i, s := range fixtureSections {
			pages[i] = res.Sections[s.id]
		}
		if len(res.Sections) != len(fixtureSections) || pages[0] != 2 || pages[1] != 3 ||
			pages[2] <= pages[1]+1 || pages[3] != pages[2]+1 || pages[3] > res.Pages {
			t.Fatalf("Result.Sections = %v; want summary on 2, children on 3 and over several pages, "+
				"adopters after them and finance right after adopters, within %d pages", res.Sections, res.Pages)
		}
		contents := pageText(t, out, 1)
		for i, s := range fixtureSections {
			// The section really is on that page, as its first heading.
			text := pageText(t, out, pages[i])
			if first := firstLine(text); !strings.Contains(first, s.title) {
				t.Errorf("page %d starts %q, want the heading %q", pages[i], first, s.title)
			}
			if pages[i]-1 > 1 && strings.Contains(pageText(t, out, pages[i]-1), s.title) { // page 1 is the contents
				t.Errorf("%q is on page %d too, before the section starts", s.title, pages[i]-1)
			}
			// The contents says so.
			re := regexp.MustCompile(regexp.QuoteMeta(s.title) + `\s+(\d+)\s*$`)
			var got string
			for _, line := range strings.Split(contents, "\n") {
				if m := re.FindStringSubmatch(line); m != nil {
					got = m[1]
				}
			}
			if got != strconv.Itoa(pages[i]) {
				t.Errorf("the contents gives %q on page %q, want %d\ncontents page:\n%s", s.title, got, pages[i], contents)
			}
		}
	})

	t.Run("page numbers", func(t *testing.T) {
		// From the @page margin boxes: "Page N of M" on every page.
		for n := 1; n <= res.Pages; n++ {
			want := "Page " + strconv.Itoa(n) + " of " + strconv.Itoa(res.Pages)
			if text := pageText(t, out, n); !strings.Contains(text, want) {
				t.Errorf("page %d does not say %q:\n%s", n, want, text)
			}
		}
	})
}

// parsePageSize parses pdfinfo's "594.96 x 841.92 pts (A4)".
func parsePageSize(s string) (w, h float64, label string, ok bool) {
	f := strings.Fields(s)
	if len(f) != 5 || f[1] != "x" || f[3] != "pts" {
		return 0, 0, "", false
	}
	w, err1 := strconv.ParseFloat(f[0], 64)
	h, err2 := strconv.ParseFloat(f[2], 64)
	return w, h, f[4], err1 == nil && err2 == nil
}

// firstLine returns the first line of the page's body text, after the
// running header from @top-center.
func firstLine(page string) string {
	for _, line := range strings.Split(page, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && line != "Annual Adoption Report 2024-25" {
			return line
		}
	}
	return ""
}

// sitePage writes a page beside copies of the fixture's CSS and scripts,
// and returns its path.
func sitePage(t *testing.T, html string, scripts map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"css/print.css", "js/ready.js"} {
		data, err := os.ReadFile(filepath.Join("testdata/site", f))
		if err != nil {
			t.Fatal(err)
		}
		scripts[f] = string(data)
	}
	for f, body := range scripts {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(dir, "print.html")
	if err := os.WriteFile(p, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// testPage is a minimal print edition loading the given script.
func testPage(script, body string) string {
	return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<title>Test page</title><link rel="stylesheet" href="css/print.css">
<script src="` + script + `" defer></script></head><body>` + body + `</body></html>`
}

func TestPrintProblems(t *testing.T) {
	tests := []struct {
		name    string
		html    string
		scripts map[string]string
		want    []string // parts of the error
	}{
		{
			name:    "charts never ready",
			html:    testPage("js/broken.js", "<p>No chart draws here.</p>"),
			scripts: map[string]string{"js/broken.js": `throw new Error("chart data missing");`},
			want:    []string{"print.html", `data-charts-ready="true"`, "within 2s", "chart data missing"},
		},
		{
			name: "contents entry with no section",
			html: testPage("js/ready.js", `<a href="#sec-a">A<span class="toc-page" data-section="sec-a"></span></a>
<span class="toc-page" data-section="sec-gone"></span>
<section class="print-section" id="sec-a"><h1>A</h1></section>`),
			want: []string{"print.html", `"sec-gone"`, `id="sec-gone"`, `<a href="#sec-gone">`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.scripts == nil {
				tt.scripts = map[string]string{}
			}
			html := sitePage(t, tt.html, tt.scripts)
			out := filepath.Join(t.TempDir(), "report.pdf")
			if err := os.WriteFile(out, []byte("the previous PDF"), 0o644); err != nil {
				t.Fatal(err)
			}
			_, _, err := printFixture(t, html, Options{Output: out, Timeout: 2 * time.Second})
			if err == nil {
				t.Fatal("Print succeeded, want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("the error does not mention %s:\n%v", w, err)
				}
			}
			if data, _ := os.ReadFile(out); string(data) != "the previous PDF" {
				t.Error("a failed print changed the previous PDF")
			}
		})
	}
}

func TestPrintWithoutContents(t *testing.T) {
	html := sitePage(t, testPage("js/ready.js",
		`<section class="print-section" id="sec-a"><h1>Only section</h1><p>Text.</p></section>`), map[string]string{})
	out, res, err := printFixture(t, html, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The body is one page; the section's break-before does not add a
	// blank page before the first content.
	if res.Pages != 1 || len(res.Sections) != 0 {
		t.Errorf("Result = %+v, want 1 page and no contents", res)
	}
	if text := pageText(t, out, 1); !strings.Contains(text, "Only section") || !strings.Contains(text, "Page 1 of 1") {
		t.Errorf("page 1:\n%s", text)
	}
	if info := pdfinfo(t, out); info["Title"] != "Test page" {
		t.Errorf("pdfinfo Title = %q, want Chromium's from <title>, %q, as Options.Title is blank", info["Title"], "Test page")
	}
}

func TestPrintMissingHTML(t *testing.T) {
	_, err := Print(context.Background(), Options{
		HTML:   filepath.Join(t.TempDir(), "print.html"),
		Output: filepath.Join(t.TempDir(), "report.pdf"),
		Chrome: "/nonexistent/chromium", // never started: the missing page is found first
	})
	if err == nil || !strings.Contains(err.Error(), "print.html: no such file") || !strings.Contains(err.Error(), "adoptionreport build") {
		t.Errorf("Print of a missing page: %v, want an error saying to build the site", err)
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{
		0:         "0 bytes",
		999:       "999 bytes",
		1000:      "1 kB",
		77288:     "77 kB",
		999_499:   "999 kB",
		999_500:   "1.0 MB",
		1_234_567: "1.2 MB",
	} {
		if got := formatSize(n); got != want {
			t.Errorf("formatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new", "folder", "report.pdf")
	for _, content := range []string{"first", "second"} {
		if err := writeAtomic(path, []byte(content)); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(path); string(got) != content {
			t.Errorf("file holds %q, want %q", got, content)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("the folder holds %d entries, want only report.pdf", len(entries))
	}
	// A folder where the file should be: the write fails, and leaves
	// nothing behind.
	blocked := filepath.Join(dir, "blocked.pdf")
	if err := os.Mkdir(blocked, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(blocked, []byte("x")); err == nil || !strings.Contains(err.Error(), blocked) {
		t.Errorf("writeAtomic over a folder: %v, want an error naming it", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*tmp")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestPrintCancelled: Ctrl-C (a cancelled context) stops a print that is
// waiting for the charts at once, not after Options.Timeout.
func TestPrintCancelled(t *testing.T) {
	html := sitePage(t, testPage("js/none.js", "<p>Never ready.</p>"), map[string]string{"js/none.js": "// draws nothing\n"})
	chrome := browsertest.Chrome(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(3*time.Second, cancel)
	start := time.Now()
	out := filepath.Join(t.TempDir(), "report.pdf")
	_, err := Print(ctx, Options{Chrome: chrome, HTML: html, Output: out, Timeout: time.Minute})
	if err == nil || !errors.Is(err, context.Canceled) {
		t.Errorf("Print with a cancelled context: %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("Print took %s to stop after the context was cancelled", d)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a cancelled print wrote a PDF")
	}
}

// TestPrintContentsGrows: a contents list that gets longer when its numbers
// are filled in pushes every section one page on, so the numbers from the
// first print are wrong and Print must print again until they hold.
//
// The numbers are display: block, so an empty one takes no line and a
// filled one takes a line of its own: four entries take four lines empty
// and eight filled. A spacer fills page 1 (255 mm of the A4 page lies
// inside the fixture's margins) so that four lines fit and eight do not.
// So the first print has the sections on pages 2 to 5; filled in, the
// contents runs onto page 2 and the sections are on pages 3 to 6.
func TestPrintContentsGrows(t *testing.T) {
	var toc, body strings.Builder
	for _, id := range []string{"a", "b", "c", "d"} {
		toc.WriteString(`<li><a href="#sec-` + id + `">Part ` + id + `<span class="toc-page" data-section="sec-` + id + `"></span></a></li>`)
		body.WriteString(`<section class="print-section" id="sec-` + id + `"><h1>Part ` + id + `</h1><p>Text.</p></section>`)
	}
	// Styles in a file of their own: the page's CSP refuses style attributes.
	page := strings.Replace(testPage("js/ready.js",
		`<div class="spacer">Spacer</div><ol class="grows">`+toc.String()+`</ol><main>`+body.String()+`</main>`),
		"</head>", `<link rel="stylesheet" href="css/grows.css"></head>`, 1)
	html := sitePage(t, page, map[string]string{
		"css/grows.css": ".spacer { height: 215mm } .grows { margin: 0 } .grows .toc-page { display: block }\n",
	})
	out, res, err := printFixture(t, html, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"sec-a": 3, "sec-b": 4, "sec-c": 5, "sec-d": 6}
	if !maps.Equal(res.Sections, want) || res.Pages != 6 {
		t.Fatalf("Result = %+v, want 6 pages and sections %v", res, want)
	}
	contents := pageText(t, out, 1) + pageText(t, out, 2)
	for id, n := range want {
		if !regexp.MustCompile(`Part ` + id[len("sec-"):] + `\s+` + strconv.Itoa(n) + `\s`).MatchString(contents) {
			t.Errorf("the contents does not give %s on page %d:\n%s", id, n, contents)
		}
		if first := firstLine(pageText(t, out, n)); first != "Part "+id[len("sec-"):] {
			t.Errorf("page %d starts %q, want Part %s", n, first, id[len("sec-"):])
		}
	}
}

// Printing again over an earlier PDF takes its sections' pages as a
// guess: when the sections have not moved, one print is all it takes;
// when they have, the numbers are still right.
func TestPrintAgain(t *testing.T) {
	page := func(spacer string) string {
		var toc, body strings.Builder
		for _, id := range []string{"a", "b", "c", "d"} {
			toc.WriteString(`<li><a href="#sec-` + id + `">Part ` + id + `<span class="toc-page" data-section="sec-` + id + `"></span></a></li>`)
			body.WriteString(`<section class="print-section" id="sec-` + id + `"><h1>Part ` + id + `</h1><p>Text.</p></section>`)
		}
		p := strings.Replace(testPage("js/ready.js",
			`<div class="spacer">Spacer</div><ol>`+toc.String()+`</ol><main>`+body.String()+`</main>`),
			"</head>", `<link rel="stylesheet" href="css/spacer.css"></head>`, 1)
		return sitePage(t, p, map[string]string{"css/spacer.css": ".spacer { height: " + spacer + " } .print-section { break-before: page }\n"})
	}
	prints := func(progress string) int { return strings.Count(progress, " pages in ") }

	out := filepath.Join(t.TempDir(), "report.pdf")
	var first, again, moved bytes.Buffer
	short, long := page("10mm"), page("260mm")
	res1, err := printAgain(t, short, out, &first)
	if err != nil {
		t.Fatal(err)
	}
	res2, err := printAgain(t, short, out, &again)
	if err != nil {
		t.Fatal(err)
	}
	if n := prints(again.String()); n != 1 || !maps.Equal(res1.Sections, res2.Sections) {
		t.Errorf("printed again over its own PDF: %d prints, sections %v then %v; want one print, the same sections:\n%s",
			n, res1.Sections, res2.Sections, again.String())
	}
	// A spacer that fills page 1 moves every section on a page.
	res3, err := printAgain(t, long, out, &moved)
	if err != nil {
		t.Fatal(err)
	}
	for id, p := range res1.Sections {
		if res3.Sections[id] != p+1 {
			t.Errorf("after the spacer grew, %s is on page %d, want %d:\n%s", id, res3.Sections[id], p+1, moved.String())
		}
	}
	if prints(moved.String()) < 2 {
		t.Errorf("the sections moved, yet it printed once:\n%s", moved.String())
	}
}

func printAgain(t *testing.T, html, out string, progress *bytes.Buffer) (Result, error) {
	t.Helper()
	_, res, err := printFixture(t, html, Options{Output: out, Progress: progress})
	return res, err
}
