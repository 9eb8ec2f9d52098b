package generator

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A PDF printed from the site is published beside it, under the council
// and year's name, and every page links to it with its size and pages as
// GOV.UK shows an attachment. Only a build given the PDF links it: a
// plain build afterwards drops both, so no page points at a print of
// older figures, and the same PDF gives the same site byte for byte.
func TestPDFBesideTheSite(t *testing.T) {
	dir := newProject(t)
	printed := filepath.Join(t.TempDir(), "printed.pdf")
	data := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("x"), 12345-9)...)
	if err := os.WriteFile(printed, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "site")
	opts := Options{Source: dir, Output: out, PDF: &PDF{Path: printed, Pages: 3}}
	if res, err := Build(context.Background(), opts); err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	// The scaffold's council is "Your Council", its year 2024-25.
	const name = "your-council-adoption-report-2024-25.pdf"
	got, err := os.ReadFile(filepath.Join(out, name))
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("the PDF was not published as %s (%v)", name, err)
	}
	// 12,345 bytes is 12 kB, as the pdf command reports it.
	link := `<a class="attachment__link" href="` + name + `">Annual Adoption Report 2024-25: the whole report to print or download</a>` +
		"\n" + `<span class="attachment__meta">PDF, 12 kB, 3 pages</span>`
	pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
	first := map[string][]byte{}
	for _, p := range pages {
		b, _ := os.ReadFile(p)
		first[p] = b
		if filepath.Base(p) == "print.html" {
			if strings.Contains(string(b), name) {
				t.Error("print.html links to the PDF printed from it")
			}
			continue
		}
		if !strings.Contains(string(b), link) {
			t.Errorf("%s does not link to the PDF with its size", filepath.Base(p))
		}
	}
	// The same PDF again: the same site, and nothing dropped.
	if res, err := Build(context.Background(), opts); err != nil || len(res.DroppedPDFs) > 0 {
		t.Fatalf("%v; dropped %q", err, res.DroppedPDFs)
	}
	for p, b := range first {
		again, _ := os.ReadFile(p)
		if !bytes.Equal(again, b) {
			t.Errorf("%s differs between two builds with the same PDF", filepath.Base(p))
		}
	}
	// A build without it: no PDF, no link, and the build says so.
	res, err := Build(context.Background(), Options{Source: dir, Output: out})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{filepath.Join(out, name)}; !slices.Equal(res.DroppedPDFs, want) {
		t.Errorf("DroppedPDFs = %q, want %q", res.DroppedPDFs, want)
	}
	if _, err := os.Stat(filepath.Join(out, name)); err == nil {
		t.Error("a build without the PDF kept the old one")
	}
	for _, p := range pages {
		b, _ := os.ReadFile(p)
		if strings.Contains(string(b), ".pdf") {
			t.Errorf("%s links to a PDF after a build without one", filepath.Base(p))
		}
	}
	// A draft's PDF says so in its name.
	opts.Draft = true
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "your-council-adoption-report-2024-25-draft.pdf")); err != nil {
		t.Errorf("the draft PDF: %v", err)
	}
}
