package disclosure

import (
	"fmt"
	"strings"
	"testing"
)

func TestGuard(t *testing.T) {
	tests := []struct {
		name string
		file string
		ids  []string
		want []string // leaks as FILE:LINE plus the ID quoted
	}{
		{"comma after", "a,C1,b", []string{"C1"}, []string{`f:1 "C1"`}},
		{"in a tag", "<td>C1</td>", []string{"C1"}, []string{`f:1 "C1"`}},
		{"quoted", `{"id": "C1"}`, []string{"C1"}, []string{`f:1 "C1"`}},
		{"start and end of file", "C1", []string{"C1"}, []string{`f:1 "C1"`}},
		{"not a prefix of a longer ID", "C10 C1_ C1-2 xC1", []string{"C1"}, nil},
		{"case matters", "<h1>Title</h1>", []string{"H1"}, nil},
		{"line numbers", "one\ntwo HH001\nthree\nEX002 and EX002\n", []string{"HH001", "EX002"},
			[]string{`f:2 "HH001"`, `f:4 "EX002"`}},
		{"ID with a space", "x C 01 y, C 012", []string{"C 01"}, []string{`f:1 "C 01"`}},
		{"ID with a slash, not inside a longer token", "xC/01 C/01x C/012", []string{"C/01"}, nil},
		{"ID with a slash, between slashes", "a/C/01/b", []string{"C/01"}, []string{`f:1 "C/01"`}},
		{"ID with a slash", "see C/01.", []string{"C/01"}, []string{`f:1 "C/01"`}},
		{"ID starting with a symbol", "#12 and 12", []string{"#12"}, []string{`f:1 "#12"`}},
		{"ID with no letters or digits", "a ?? b", []string{"??"}, []string{`f:1 "??"`}},
		{"numeric ID", "412 days", []string{"412"}, []string{`f:1 "412"`}},
		{"blank IDs are ignored", "a  b", []string{""}, nil},
		{"non-ASCII", "Zoé1 Zoé12", []string{"Zoé1"}, []string{`f:1 "Zoé1"`}},
		// Tokens of an ID's first letter and length are looked up; an ID
		// over 63 bytes shares its shape with every token as long.
		{"same first letter and length", "C2 C12 D1 C1", []string{"C1", "C123"}, []string{`f:1 "C1"`}},
		{"long IDs", strings.Repeat("a", 70) + " " + strings.Repeat("a", 64) + " " + strings.Repeat("a", 63),
			[]string{strings.Repeat("a", 64), strings.Repeat("a", 62)}, []string{`f:1 "` + strings.Repeat("a", 64) + `"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			leaks := Guard(map[string][]byte{"f": []byte(tt.file)}, tt.ids)
			var got []string
			for _, l := range leaks {
				id := l.Message[strings.Index(l.Message, `"`):]
				id = id[:strings.Index(id[1:], `"`)+2]
				got = append(got, fmt.Sprintf("%s:%d %s", l.File, l.Line, id))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Guard(%q, %q) = %q, want %q", tt.file, tt.ids, got, tt.want)
			}
		})
	}
}

func TestGuardFilesInOrder(t *testing.T) {
	files := map[string][]byte{
		"b.html":          []byte("x\nC7\n"),
		"a.html":          []byte("C7"),
		"data/charts.csv": []byte("group,count\nunder_1,7\n"),
	}
	var got []string
	for _, l := range Guard(files, []string{"C7"}) {
		got = append(got, l.String()[:strings.Index(l.String(), ": ")])
	}
	if want := "a.html:1 b.html:2"; strings.Join(got, " ") != want {
		t.Errorf("leaks at %v, want %s", got, want)
	}
}

func TestLeakString(t *testing.T) {
	l := Leak{File: "index.html", Line: 12, Message: "boom"}
	if got, want := l.String(), "index.html:12: boom"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// BenchmarkGuard scans about the sample's size: 2 MB of output, 600 IDs.
func BenchmarkGuard(b *testing.B) {
	ids := make([]string, 600)
	for i := range ids {
		ids[i] = fmt.Sprintf("EX%03d", i)
	}
	page := strings.Repeat(`<p class="figure-12">Children adopted: 23 [c] 2024-25 a1 398 days</p>`+"\n", 30000)
	files := map[string][]byte{"index.html": []byte(page)}
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if leaks := Guard(files, ids); len(leaks) != 0 {
			b.Fatal(leaks)
		}
	}
}

// A leak says where on its line the ID starts, so a page's source can be
// pointed at: column 1 is the line's first byte.
func TestGuardColumns(t *testing.T) {
	files := map[string][]byte{"p.md": []byte("title\nWe met C1 and, later, C1.\n\tXC-9 XC-9\n")}
	got := Guard(files, []string{"C1", "XC-9"})
	want := []Leak{
		{File: "p.md", Line: 2, Col: 8, ID: "C1"},
		{File: "p.md", Line: 3, Col: 2, ID: "XC-9"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d leaks, want %d: %v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.File != w.File || g.Line != w.Line || g.Col != w.Col || g.ID != w.ID {
			t.Errorf("leak %d = %s:%d:%d %s, want %s:%d:%d %s", i, g.File, g.Line, g.Col, g.ID, w.File, w.Line, w.Col, w.ID)
		}
	}
}
