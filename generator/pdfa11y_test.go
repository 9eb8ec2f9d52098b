package generator

import (
	"bytes"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

var (
	chartTitleRE = regexp.MustCompile(`<figcaption id="chart-[^"]+-title">([^<]*)</figcaption>`)
	figureAltRE  = regexp.MustCompile(`/S /Figure\s*/Alt \(((?:\\.|[^\\)])*)\)`)
	outlineRE    = regexp.MustCompile(`/Type /Outlines\s*/First \d+ 0 R\s*/Last \d+ 0 R\s*/Count (\d+)`)
)

// pdfString decodes a PDF literal string's body: its escapes, and UTF-16
// when it starts with a byte-order mark.
func pdfString(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b = append(b, c)
			continue
		}
		i++
		switch e := s[i]; {
		case e >= '0' && e <= '7':
			n := 0
			for j := 0; j < 3 && i < len(s) && s[i] >= '0' && s[i] <= '7'; j++ {
				n = n*8 + int(s[i]-'0')
				i++
			}
			i--
			b = append(b, byte(n))
		case e == 'n':
			b = append(b, '\n')
		case e == 'r':
			b = append(b, '\r')
		case e == 't':
			b = append(b, '\t')
		default:
			b = append(b, e)
		}
	}
	if bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	}
	return string(b)
}

// checkAccessiblePDF checks what the public sector accessibility
// regulations expect of the PDF, from its structure tree as poppler reads
// it (pdfinfo -struct-text) and from its catalog: tagged, its language
// set, its title shown as the window title, each part's heading an H1,
// every drawn chart a Figure whose text alternative (/Alt) is the chart's
// title and description, with the title as its Caption, every table a
// Table with header cells, and bookmarks for the headings.
func checkAccessiblePDF(t *testing.T, file string, printHTML []byte) {
	t.Helper()
	out, err := exec.Command("pdfinfo", "-struct-text", file).Output()
	if err != nil {
		t.Fatalf("pdfinfo -struct-text: %v", err)
	}
	tree := string(out)
	if !strings.HasPrefix(tree, "Document") {
		t.Fatalf("the PDF has no structure tree (pdfinfo -struct-text):\n%.500s", tree)
	}
	// The tree's lines with the spaces taken out of its text: poppler
	// joins a wrapped line to the next without one.
	squeezed := strings.Join(strings.Fields(tree), " ")
	squeezed = regexp.MustCompile(`"[^"\n]*"`).ReplaceAllStringFunc(squeezed, func(s string) string { return strings.Join(strings.Fields(s), "") })
	sections := len(printSection.FindAllSubmatch(printHTML, -1))
	if n := strings.Count(tree, "H1 (block)"); n < sections {
		t.Errorf("the structure tree has %d H1 headings, fewer than the %d parts", n, sections)
	}
	if n, want := strings.Count(tree, "Table (block)"), strings.Count(string(printHTML), "<table"); n != want {
		t.Errorf("the structure tree has %d tables, want %d", n, want)
	}
	if n, want := strings.Count(tree, "/Scope /Column"), strings.Count(string(printHTML), `<th scope="col"`); n != want {
		t.Errorf("the structure tree has %d column header cells, want %d", n, want)
	}
	if n, want := strings.Count(tree, "/Scope /Row"), strings.Count(string(printHTML), `<th scope="row"`); n != want {
		t.Errorf("the structure tree has %d row header cells, want %d", n, want)
	}

	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var alts []string
	for _, m := range figureAltRE.FindAllSubmatch(data, -1) {
		alts = append(alts, strings.Join(strings.Fields(pdfString(string(m[1]))), " "))
	}
	titles := chartTitleRE.FindAllSubmatch(printHTML, -1)
	drawn := strings.Count(string(printHTML), `class="chart-canvas`)
	if len(titles) == 0 || drawn == 0 {
		t.Fatal("print.html has no charts")
	}
	for _, m := range titles {
		title := fold(string(m[1]))
		// poppler joins a caption's lines without a space.
		if !strings.Contains(squeezed, `Caption NonStruct "`+strings.Join(strings.Fields(title), "")) {
			t.Errorf("chart %q: no caption with its title in the structure tree", title)
		}
		found := false
		for _, a := range alts {
			found = found || strings.HasPrefix(a, title)
		}
		if !found {
			t.Errorf("chart %q: no Figure in the structure tree has it as its text alternative (/Alt)", title)
		}
	}
	if len(alts) < drawn {
		t.Errorf("%d Figures with a text alternative for %d drawn charts", len(alts), drawn)
	}

	// The catalog: Chromium writes it uncompressed.
	for what, re := range map[string]string{
		"the document's language, /Lang (en-GB)":                `/Lang \(en-GB\)`,
		"the title shown as the window title, /DisplayDocTitle": `/DisplayDocTitle true`,
		"tagged content, /MarkInfo with /Marked true":           `/MarkInfo <</Type /MarkInfo\s*/Marked true>>`,
		"a structure tree, /StructTreeRoot":                     `/StructTreeRoot \d+ 0 R`,
		"bookmarks, /Outlines":                                  `/Outlines \d+ 0 R`,
	} {
		if !regexp.MustCompile(re).Match(data) {
			t.Errorf("the PDF's catalog lacks %s", what)
		}
	}
	if m := outlineRE.FindSubmatch(data); m == nil {
		t.Error("the PDF has no bookmarks (no /Outlines dictionary)")
	} else if n, _ := strconv.Atoi(string(m[1])); n < sections {
		t.Errorf("the PDF has %d bookmarks, fewer than its %d parts", n, sections)
	}
}
