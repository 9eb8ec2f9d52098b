package generator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/internal/england"
)

// englandProject writes a regional edition at the scale of all of
// England (see package england): n councils (150), households copies of
// the sample's adopter households (256).
func englandProject(tb testing.TB, n, households int) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := england.Write(dir, "..", n, households); err != nil {
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

// BenchmarkSharedPageEditEngland is serve's rebuild after an edit to a
// page every council shares, at the scale of England: every council's
// report is rendered again, from the figures the cache keeps.
func BenchmarkSharedPageEditEngland(b *testing.B) {
	dir := englandProject(b, 150, 256)
	ctx := context.Background()
	cache := NewCache()
	page := filepath.Join(dir, "content", "summary.md")
	text, err := os.ReadFile(page)
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
		cache.Changed([]string{"content/summary.md"})
		if _, res, err := Render(ctx, Options{Source: dir, Draft: true, Cache: cache}); err != nil {
			b.Fatalf("%v\n%s", err, res.Problems.Error())
		}
	}
}
