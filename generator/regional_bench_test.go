package generator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// englandProject writes a regional edition at the scale of all of
// England: n councils (150), each dealt a third of the sample's children
// (about 18 adoptions a year each, 2,700 in all), its budget lines, and
// the sample's adopter households copied households times under new IDs
// (256 copies: about 20,000 enquiries a year). Synthetic throughout.
func englandProject(tb testing.TB, n, households int) string {
	tb.Helper()
	dir := tb.TempDir()
	cfg, err := os.ReadFile("../config.toml")
	if err != nil {
		tb.Fatal(err)
	}
	var text strings.Builder
	text.WriteString(strings.Replace(string(cfg), `council     = "Northmoor Borough Council"`+"\n", "", 1))
	for i := range n {
		fmt.Fprintf(&text, "\n[[councils]]\ncode = \"la%03d\"\nname = \"Council %03d\"\n", i+1, i+1)
	}
	writeFile(tb, filepath.Join(dir, "config.toml"), text.String())
	children := readCSV(tb, "../data/children.csv")
	budget := readCSV(tb, "../data/budget.csv")
	adopters := readCSV(tb, "../data/adopters.csv")
	kids := [][]string{append([]string{"la"}, children[0]...)}
	lines := [][]string{append([]string{"la"}, budget[0]...)}
	for i := range n {
		code := fmt.Sprintf("la%03d", i+1)
		for j, row := range children[1:] {
			if j%3 != i%3 {
				continue
			}
			r := append([]string{code}, row...)
			r[1] = fmt.Sprintf("L%03d%s", i+1, row[0])
			if row[5] != "" { // sibling_group
				r[6] = fmt.Sprintf("L%03d%s", i+1, row[5])
			}
			kids = append(kids, r)
		}
		for _, row := range budget[1:] {
			lines = append(lines, append([]string{code}, row...))
		}
	}
	hh := [][]string{adopters[0]}
	for k := range households {
		for _, row := range adopters[1:] {
			r := append([]string(nil), row...)
			r[0] = fmt.Sprintf("R%03d%s", k, row[0])
			hh = append(hh, r)
		}
	}
	writeCSV(tb, filepath.Join(dir, "data", "children.csv"), kids)
	writeCSV(tb, filepath.Join(dir, "data", "budget.csv"), lines)
	writeCSV(tb, filepath.Join(dir, "data", "adopters.csv"), hh)
	b, err := os.ReadFile("../data/comparators.csv")
	if err != nil {
		tb.Fatal(err)
	}
	writeFile(tb, filepath.Join(dir, "data", "comparators.csv"), string(b))
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../content")); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// BenchmarkBuildEngland is one whole build of 150 councils' reports and
// the RAA's overview, at the scale of England, from reading config.toml
// to the swap of the output folder: compare BenchmarkBuildSample.
func BenchmarkBuildEngland(b *testing.B) {
	dir := englandProject(b, 150, 256)
	out := filepath.Join(b.TempDir(), "site")
	ctx := context.Background()
	for b.Loop() {
		if res, err := Build(ctx, Options{Source: dir, Output: out}); err != nil {
			b.Fatalf("%v\n%s", err, res.Problems.Error())
		}
	}
}

// TestWriteEnglandProject writes the benchmark's project to the folder
// in $ADOPTIONREPORT_ENGLAND, to time the whole process on it:
//
//	ADOPTIONREPORT_ENGLAND=/tmp/england go test ./generator -run TestWriteEnglandProject
//	/usr/bin/time -v ./adoptionreport build --source /tmp/england
func TestWriteEnglandProject(t *testing.T) {
	to := os.Getenv("ADOPTIONREPORT_ENGLAND")
	if to == "" {
		t.Skip("set ADOPTIONREPORT_ENGLAND to a folder to write the project to")
	}
	if err := os.CopyFS(to, os.DirFS(englandProject(t, 150, 256))); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkPageEditEngland is serve's rebuild after an edit to one
// council's own page at the scale of England: the data, every council's
// figures, the other 149 reports and the overview come from the cache,
// and the guard scans only the files that changed, so the time is
// reading the pages and rendering one report, in memory, as serve does.
func BenchmarkPageEditEngland(b *testing.B) {
	dir := englandProject(b, 150, 256)
	ctx := context.Background()
	cache := NewCache()
	page := filepath.Join(dir, "content", "la042", "summary.md")
	text, err := os.ReadFile(filepath.Join(dir, "content", "summary.md"))
	if err != nil {
		b.Fatal(err)
	}
	if _, res, err := Render(ctx, Options{Source: dir, Draft: true, Cache: cache}); err != nil {
		b.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	n := 0
	for b.Loop() {
		n++
		writeFile(b, page, fmt.Sprintf("%s\nEdit %d.\n", text, n))
		cache.Changed([]string{"content/la042/summary.md"})
		if _, res, err := Render(ctx, Options{Source: dir, Draft: true, Cache: cache}); err != nil {
			b.Fatalf("%v\n%s", err, res.Problems.Error())
		}
	}
}
