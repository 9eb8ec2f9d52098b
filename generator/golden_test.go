package generator

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/adoptionreport/adoptionreport/internal/linediff"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// The sample's rendered pages are compared with golden copies, so any
// change to what a reader sees shows in review. Refresh them with
// go test ./generator -run TestGoldenPages -update.
func TestGoldenPages(t *testing.T) {
	for _, draft := range []bool{false, true} {
		out := buildSample(t, draft)
		dir := "publish"
		if draft {
			dir = "draft"
		}
		golden := filepath.Join("testdata", "golden", dir)
		pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
		if *update {
			os.RemoveAll(golden)
			os.MkdirAll(golden, 0o755)
		}
		want, _ := filepath.Glob(filepath.Join(golden, "*.html"))
		if !*update && len(want) != len(pages) {
			t.Errorf("%s: %d pages built, %d golden pages", dir, len(pages), len(want))
		}
		for _, p := range pages {
			got, _ := os.ReadFile(p)
			g := filepath.Join(golden, filepath.Base(p))
			if *update {
				if err := os.WriteFile(g, got, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			w, err := os.ReadFile(g)
			if err != nil {
				t.Errorf("%s: no golden file (run with -update): %v", g, err)
				continue
			}
			if d := linediff.Diff(string(w), string(got)); d != "" {
				t.Errorf("%s differs from its golden copy %s (if intended, run go test ./generator -run TestGoldenPages -update and review the diff):\n%s",
					filepath.Base(p), g, d)
			}
		}
	}
}
