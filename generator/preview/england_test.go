package preview

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/internal/england"
)

// BenchmarkPageEditEnglandServe is what a report officer waits for in
// serve at the scale of England (150 councils' reports and the RAA's
// overview), with la042's report open in a browser: from saving a page
// to the reload event sent to that browser. It includes the watcher's
// notice, the debounce and the rebuild (compare generator's
// BenchmarkPageEditEngland, the rebuild alone). "own" edits la042's own
// page, which the whole set's build renders alone; "shared" a page every
// council shares, for which la042's report is rendered first and the
// whole set follows in the background. The time from the save to the
// whole set is the whole-ms/op metric. Each edit is checked to show in
// the page served.
func BenchmarkPageEditEnglandServe(b *testing.B) {
	for _, bc := range []struct{ name, page, url string }{
		{"own", "content/la042/summary.md", "/la042/summary.html"},
		{"shared", "content/priorities.md", "/la042/priorities.html"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			dir := b.TempDir()
			if err := england.Write(dir, repoRoot, 150, 256); err != nil {
				b.Fatal(err)
			}
			text, err := os.ReadFile(filepath.Join(dir, "content", "summary.md"))
			if err != nil {
				b.Fatal(err)
			}
			write(b, filepath.Join(dir, "content", "la042", "summary.md"), string(text))
			page := filepath.Join(dir, filepath.FromSlash(bc.page))
			if text, err = os.ReadFile(page); err != nil {
				b.Fatal(err)
			}
			s := builtServer(b, dir, nil)
			whole := make(chan Outcome, 1)
			s.afterRebuild = func(o Outcome) {
				if o.Councils == nil {
					whole <- o
				}
			}
			watch(b, s)
			events := s.events.subscribe("la042")
			defer s.events.unsubscribe(events)
			h := s.Handler()
			var wholeTime time.Duration
			for i := 0; b.Loop(); i++ {
				mark := fmt.Sprintf("Edit number %d.", i)
				saved := time.Now()
				write(b, page, fmt.Sprintf("%s\n%s\n", text, mark))
				select {
				case e := <-events:
					if e.name != "reload" {
						b.Fatalf("event %q, want reload", e.name)
					}
				case <-time.After(waitFor):
					b.Fatal("no reload event")
				}
				b.StopTimer()
				if body := get(b, h, bc.url).Body.String(); !strings.Contains(body, mark) {
					b.Fatalf("the edit does not show:\n%s", body)
				}
				select {
				case o := <-whole:
					if o.Failed() {
						b.Fatalf("the whole set: %v", o.Problems)
					}
				case <-time.After(waitFor):
					b.Fatal("the whole set was not built")
				}
				wholeTime += time.Since(saved)
				if body := get(b, h, "/la001"+bc.url[len("/la042"):]).Body.String(); bc.name == "shared" && !strings.Contains(body, mark) {
					b.Fatalf("the edit does not show in another council's report:\n%s", body)
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(wholeTime.Milliseconds())/float64(b.N), "whole-ms/op")
		})
	}
}
