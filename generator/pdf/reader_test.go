package pdf

import (
	"bytes"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestLexerValues(t *testing.T) {
	tests := []struct {
		in   string
		want any
	}{
		{"42", 42},
		{"-3.5", -3.5},
		{"12 0 R", ref{12, 0}},
		{"12 0 obj", 12}, // not a reference: the lexer rewinds after 12
		{"0 1\n0000", 0}, // a cross-reference subsection header
		{"/sec-summary", name("sec-summary")},
		{"/sec#20a#2Fb", name("sec a/b")}, // #xx escapes
		{"(a \\(b\\) c)", pdfStr("a (b) c")},
		{"(nested (parens) ok)", pdfStr("nested (parens) ok")},
		{`(\n\r\t\\\101\0617)`, pdfStr("\n\r\t\\A17")}, // octal: \101 = A, \061 = 1, then 7
		{"(line\\\ncontinued)", pdfStr("linecontinued")},
		{"<FEFF0041>", pdfStr("\xfe\xff\x00A")},
		{"<4 1 4>", pdfStr("A@")}, // spaces ignored; odd count padded with 0: 41 40
		{"true", keyword("true")},
		{"% a comment\n7", 7},
		{"[1 2 0 R /XYZ]", array{1, ref{2, 0}, name("XYZ")}},
		{"<</A [<</B 1>>] /C (x)>>", dict{"A": array{dict{"B": 1}}, "C": pdfStr("x")}},
	}
	for _, tt := range tests {
		lx := lexer{data: []byte(tt.in)}
		got, err := lx.value()
		if err != nil {
			t.Errorf("value(%q): %v", tt.in, err)
			continue
		}
		if !equalValue(got, tt.want) {
			t.Errorf("value(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

func TestLexerErrors(t *testing.T) {
	for _, in := range []string{
		"(not closed",
		"<41",
		"<4G>",
		"<</A 1",
		"[1 2",
		"<<1 2>>", // key is not a name
		")",
		strings.Repeat("[", maxDepth+1),
	} {
		lx := lexer{data: []byte(in)}
		if v, err := lx.value(); err == nil {
			t.Errorf("value(%q) = %#v, want an error", in, v)
		}
	}
}

// equalValue compares values as the reader returns them.
func equalValue(a, b any) bool {
	switch a := a.(type) {
	case pdfStr:
		b, ok := b.(pdfStr)
		return ok && bytes.Equal(a, b)
	case array:
		b, ok := b.(array)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !equalValue(a[i], b[i]) {
				return false
			}
		}
		return true
	case dict:
		b, ok := b.(dict)
		return ok && maps.EqualFunc(a, b, equalValue)
	}
	return a == b
}

// threePages is a PDF with a two-level page tree (pages 4, 5 under node 3,
// and 6), as Chromium writes one for more than a few pages, and both kinds
// of named destination.
func threePages(catalogExtra string) []byte {
	return buildPDF([]string{
		"<</Type /Catalog /Pages 2 0 R " + catalogExtra + ">>",                                // 1
		"<</Type /Pages /Count 3 /Kids [3 0 R 6 0 R]>>",                                       // 2
		"<</Type /Pages /Count 2 /Kids [4 0 R 5 0 R] /Parent 2 0 R>>",                         // 3
		"<</Type /Page /Parent 3 0 R>>",                                                       // 4: page 1
		"<</Type /Page /Parent 3 0 R>>",                                                       // 5: page 2
		"<</Type /Page /Parent 2 0 R>>",                                                       // 6: page 3
		"<</sec-a [5 0 R /XYZ 0 841.92 0] /sec#2Db [6 0 R /Fit] /sec-c <</D [4 0 R /Fit]>>>>", // 7
		"<</Kids [9 0 R]>>",                                                                   // 8: a name tree root
		"<</Names [(sec-tree) [6 0 R /XYZ 0 0 0]] /Limits [(sec-tree) (sec-tree)]>>",          // 9
		"<</Title (Old title) /Producer (Skia/PDF m156)>>",                                    // 10
	}, "/Root 1 0 R /Info 10 0 R")
}

func TestDestinations(t *testing.T) {
	tests := []struct {
		name    string
		catalog string
		want    map[string]int
	}{
		{"Dests dictionary", "/Dests 7 0 R", map[string]int{"sec-a": 2, "sec-b": 3, "sec-c": 1}},
		{"name tree", "/Names <</Dests 8 0 R>>", map[string]int{"sec-tree": 3}},
		{"both", "/Dests 7 0 R /Names <</Dests 8 0 R>>", map[string]int{"sec-a": 2, "sec-b": 3, "sec-c": 1, "sec-tree": 3}},
		{"none", "", map[string]int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parseDocument(threePages(tt.catalog))
			if err != nil {
				t.Fatal(err)
			}
			pages, err := doc.pages()
			if err != nil {
				t.Fatal(err)
			}
			if want := []int{4, 5, 6}; !equalInts(pages, want) {
				t.Errorf("pages = %v, want objects %v", pages, want)
			}
			got, err := doc.destinations()
			if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(got, tt.want) {
				t.Errorf("destinations = %v, want %v", got, tt.want)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestParseDocumentErrors(t *testing.T) {
	good := threePages("")
	xrefAt := bytes.LastIndex(good, []byte("\nxref")) + 1
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not a PDF", []byte("<html>"), "not a PDF"},
		{"cut short", good[:xrefAt], "no startxref"},
		{"startxref past the end", bytes.Replace(good, []byte("startxref\n"), []byte("startxref\n9"), 1), "does not give an offset"},
		{"cross-reference stream", []byte("%PDF-1.5\n1 0 obj\n<</Type /XRef>>\nendobj\nstartxref\n9\n%%EOF"), "cross-reference stream"},
		{"no trailer root", bytes.Replace(good, []byte("/Root 1 0 R"), []byte("/Rot 1 0 R"), 1), "no /Root"},
		{"Prev loop", bytes.Replace(good, []byte("/Info 10 0 R"), []byte("/Info 10 0 R /Prev "+strconv.Itoa(xrefAt)), 1), "loop"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseDocument(tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parseDocument: error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestPagesAndDestinationErrors(t *testing.T) {
	tests := []struct {
		name string
		objs []string
		want string
	}{
		{"page tree loop", []string{
			"<</Type /Catalog /Pages 2 0 R>>",
			"<</Type /Pages /Kids [2 0 R]>>",
		}, "loops at object 2"},
		{"missing object", []string{
			"<</Type /Catalog /Pages 7 0 R>>",
		}, "object 7 is not in the cross-reference table"},
		{"destination to no page", []string{
			"<</Type /Catalog /Pages 2 0 R /Dests <</sec-x [9 0 R /Fit]>>>>",
			"<</Type /Pages /Kids [3 0 R]>>",
			"<</Type /Page>>",
		}, `destination "sec-x" does not point to a page`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parseDocument(buildPDF(tt.objs, "/Root 1 0 R"))
			if err != nil {
				t.Fatal(err)
			}
			_, err = doc.destinations()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("destinations: error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestObjectOffsetMismatch(t *testing.T) {
	// Object 1's header names another object: the table and the file
	// disagree.
	data := bytes.Replace(threePages(""), []byte("\n1 0 obj"), []byte("\n9 0 obj"), 1)
	doc, err := parseDocument(data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := doc.pages(); err == nil || !strings.Contains(err.Error(), "is not at byte") {
		t.Errorf("pages: error %v, want one saying the object is not where the table says", err)
	}
}

// accessibility names what the catalog lacks of an accessible document.
func TestAccessibility(t *testing.T) {
	all := "/StructTreeRoot 7 0 R /Lang (en-GB) /ViewerPreferences <</DisplayDocTitle true>> /Outlines 8 0 R"
	for _, tt := range []struct {
		catalog string
		want    []string
	}{
		{all, nil},
		{"/StructTreeRoot 7 0 R /Lang (en-GB) /ViewerPreferences <</DisplayDocTitle false>>", []string{
			"the title shown as the window title", "bookmarks"}},
		{"", []string{"tags (a structure tree for screen readers)", "the document's language (lang on <html>)",
			"the title shown as the window title", "bookmarks"}},
	} {
		doc, err := parseDocument(threePages(tt.catalog))
		if err != nil {
			t.Fatal(err)
		}
		got, err := doc.accessibility()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("catalog %q: missing %q, want %q", tt.catalog, got, tt.want)
		}
	}
}
