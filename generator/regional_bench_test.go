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

// BenchmarkPageEditEngland is serve's rebuild of the whole set after a
// page edit at the scale of England, in memory, as serve does: the data,
// every council's figures and the overview come from the cache, and the
// guard scans only the files that changed. "own" edits one council's own
// page: the other 149 reports come from the cache too, so the time is
// reading the pages and rendering one report. "shared" edits a page every
// council shares: every report is rendered again (serve renders first the
// reports open in a browser; see BenchmarkPageEditEnglandServe).
func BenchmarkPageEditEngland(b *testing.B) {
	for _, bc := range []struct{ name, page string }{
		{"own", "content/la042/summary.md"},
		{"shared", "content/summary.md"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			dir := englandProject(b, 150, 256)
			ctx := context.Background()
			cache := NewCache()
			page := filepath.Join(dir, filepath.FromSlash(bc.page))
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
				cache.Changed([]string{bc.page})
				if _, res, err := Render(ctx, Options{Source: dir, Draft: true, Cache: cache}); err != nil {
					b.Fatalf("%v\n%s", err, res.Problems.Error())
				}
			}
		})
	}
}
