package generator

import (
	"html"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// word is a word of a PDF page and its box, in points from the top left.
type word struct {
	x0, y0, x1, y1 float64
	text           string
}

// bboxPage is a page of pdftotext -bbox.
type bboxPage struct {
	w, h  float64
	words []word
}

var (
	bboxPageRE = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	bboxWordRE = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
)

// pdfWords reads every page's words and their boxes with pdftotext -bbox.
func pdfWords(t *testing.T, file string) []bboxPage {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var pages []bboxPage
	for _, part := range strings.Split(string(out), "<page ")[1:] {
		m := bboxPageRE.FindStringSubmatch("<page " + part)
		if m == nil {
			t.Fatalf("pdftotext -bbox: a page without its size")
		}
		p := bboxPage{w: atof(t, m[1]), h: atof(t, m[2])}
		for _, w := range bboxWordRE.FindAllStringSubmatch(part, -1) {
			p.words = append(p.words, word{atof(t, w[1]), atof(t, w[2]), atof(t, w[3]), atof(t, w[4]), html.UnescapeString(w[5])})
		}
		pages = append(pages, p)
	}
	return pages
}

func atof(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// margin is the theme's top and bottom page margin, 22mm, in points: the
// running header and the footer are in it.
const margin = 22 / 25.4 * 72

// body is the page's words between its running header and its footer.
func (p bboxPage) body() []word {
	var ws []word
	for _, w := range p.words {
		// A glyph's box reaches a little into the margin.
		if w.y0 >= margin-12 && w.y1 <= p.h-margin+12 {
			ws = append(ws, w)
		}
	}
	return ws
}

var (
	headingRE = regexp.MustCompile(`(?s)<(h[1-4]|figcaption)\b[^>]*>(.*?)</(?:h[1-4]|figcaption)>|<p class="chart-summary"[^>]*>(.*?)</p>`)
	tagRE     = regexp.MustCompile(`<[^>]+>`)
	// A print section's title is the first heading in it.
	sectionTitleRE = regexp.MustCompile(`(?s)<section class="print-section"[^>]*>.*?<h[12][^>]*>(.*?)</h[12]>`)
)

// fold gives HTML text as its words joined by single spaces.
func fold(s string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tagRE.ReplaceAllString(s, ""))), " ")
}

// bodyLines are a page's lines of text between its running header and its
// footer, as pdftotext -layout gives them, folded.
func bodyLines(text string) []string {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.Join(strings.Fields(l), " ")
		if l != "" {
			lines = append(lines, l)
		}
	}
	// The running header is the report's title; the footer "Page N of M".
	if len(lines) > 0 && strings.HasPrefix(lines[len(lines)-1], "Page ") {
		lines = lines[:len(lines)-1]
	}
	if len(lines) > 0 && lines[0] == "Annual Adoption Report 2024-25" {
		lines = lines[1:]
	}
	return lines
}

// checkPrintLayout checks the sample PDF's pages as a reader sees them:
//   - no page ends with a heading, a chart's title or its description:
//     each keeps with what follows it;
//   - a table that runs onto another page repeats its header row there;
//   - text flows round the page breaks: a page before one that is not a
//     new section (nor a landscape page for a wide table) is not left
//     mostly blank;
//   - one type scale: a section's title is larger than an h2, an h2 than
//     a chart's title, and a chart's title than the text.
func checkPrintLayout(t *testing.T, file string, printHTML []byte, sections map[string]int, pages int) {
	t.Helper()
	var headings []string
	sizes := map[string]string{} // a heading's text → its kind, for the type scale
	for _, m := range headingRE.FindAllSubmatch(printHTML, -1) {
		text := fold(string(m[2]) + string(m[3]))
		if text == "" {
			continue
		}
		headings = append(headings, text)
		if kind := string(m[1]); kind != "" {
			sizes[text] = kind
		}
	}
	// The h1s that count are the sections' titles, not the cover's or
	// the contents'.
	var titles []string
	for _, m := range sectionTitleRE.FindAllSubmatch(printHTML, -1) {
		titles = append(titles, fold(string(m[1])))
	}
	for text, kind := range sizes {
		if kind == "h1" && !slices.Contains(titles, text) {
			delete(sizes, text)
		}
	}
	var captions []string
	for text, kind := range sizes {
		if kind == "figcaption" {
			captions = append(captions, text)
		}
	}
	texts := make([]string, pages+1)
	for p := 1; p <= pages; p++ {
		texts[p] = pageText(t, file, p)
	}
	for p := 1; p <= pages; p++ {
		lines := bodyLines(texts[p])
		if len(lines) == 0 {
			continue
		}
		last := lines[len(lines)-1]
		for _, h := range headings {
			if len(last) >= 8 && strings.HasSuffix(h, last) {
				t.Errorf("page %d ends with %q, the end of a heading or a chart's title or description, "+
					"which should have gone onto the next page with what it introduces", p, last)
			}
		}
	}

	// A row of a table on the first line of a page, other than the table's
	// first row, is a table run on without its header row.
	for _, tm := range printTable.FindAllSubmatch(printHTML, -1) {
		for i, tr := range tableRow.FindAllSubmatch(tm[0], -1) {
			var cells []string
			for _, c := range numCell.FindAllSubmatch(tr[1], -1) {
				if c := strings.TrimSpace(html.UnescapeString(string(c[1]))); c != "" {
					cells = append(cells, regexp.QuoteMeta(c))
				}
			}
			// Row 0 is the header row; row 1 the first of the body.
			if i < 2 || len(cells) < 2 {
				continue
			}
			re := regexp.MustCompile(`(^|\s)` + strings.Join(cells, `\s+`) + `(\s|$)`)
			for p := 2; p <= pages; p++ {
				if lines := bodyLines(texts[p]); len(lines) > 0 && re.MatchString(lines[0]) {
					t.Errorf("table %s runs onto page %d without its header row: the page starts %q", tm[1], p, lines[0])
				}
			}
		}
	}

	// A page that starts with a section's title starts a new section.
	starts := map[int]bool{}
	for p := 1; p <= pages; p++ {
		if lines := bodyLines(texts[p]); len(lines) > 0 {
			for _, title := range titles {
				if strings.HasPrefix(title, lines[0]) {
					starts[p] = true
				}
			}
		}
	}
	boxes := pdfWords(t, file)
	if len(boxes) != pages {
		t.Fatalf("pdftotext -bbox found %d pages, want %d", len(boxes), pages)
	}
	for i := 0; i+1 < len(boxes); i++ {
		p, next := boxes[i], boxes[i+1]
		if starts[i+2] || p.w > p.h || next.w > next.h {
			continue
		}
		// Pages before the contents (front sheet, cover) stand alone.
		if i+1 < sections["sec-summary"] {
			continue
		}
		bottom := margin
		for _, w := range p.body() {
			bottom = max(bottom, w.y1)
		}
		// A chart is never split, so a page before one may be left part
		// blank: the tallest, with its title, is about two thirds of a page.
		least := 0.4
		if lines := bodyLines(texts[i+2]); len(lines) > 0 && slices.ContainsFunc(captions, func(c string) bool { return strings.HasPrefix(c, lines[0]) }) {
			least = 0.25
		}
		if fill := (bottom - margin) / (p.h - 2*margin); fill < least {
			t.Errorf("page %d is %.0f%% blank before page %d, which is not a new section: text should flow round the page break",
				i+1, 100*(1-fill), i+2)
		}
	}

	// The type scale, from the height of each heading's words.
	height := map[string]float64{}
	for _, p := range boxes {
		lines := map[float64][]word{}
		for _, w := range p.body() {
			lines[w.y0] = append(lines[w.y0], w)
		}
		for _, ws := range lines {
			var text []string
			for _, w := range ws {
				text = append(text, w.text)
			}
			line := strings.Join(text, " ")
			for h, kind := range sizes {
				if line == h && height[kind] == 0 {
					height[kind] = ws[0].y1 - ws[0].y0
				}
			}
			if height["p"] == 0 && len(ws) > 10 {
				height["p"] = ws[0].y1 - ws[0].y0
			}
		}
	}
	order := []string{"h1", "h2", "figcaption", "p"}
	for i := 0; i+1 < len(order); i++ {
		a, b := order[i], order[i+1]
		if height[a] == 0 || height[b] == 0 {
			t.Errorf("type scale: no one-line %s or %s found in the PDF (%v)", a, b, height)
			continue
		}
		if height[a] <= height[b] {
			t.Errorf("type scale: %s prints %.1fpt high, no larger than %s at %.1fpt", a, height[a], b, height[b])
		}
	}
}
