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
// overview): from saving one council's own page to the reload event
// being sent to open pages. It includes the watcher's notice, the
// debounce and the rebuild (compare generator's BenchmarkPageEditEngland,
// the rebuild alone). Each edit is checked to show in the page served.
func BenchmarkPageEditEnglandServe(b *testing.B) {
	dir := b.TempDir()
	if err := england.Write(dir, repoRoot, 150, 256); err != nil {
		b.Fatal(err)
	}
	page := filepath.Join(dir, "content", "la042", "summary.md")
	text, err := os.ReadFile(filepath.Join(dir, "content", "summary.md"))
	if err != nil {
		b.Fatal(err)
	}
	write(b, page, string(text))
	s, err := New(Options{Source: dir})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if out := rebuild(b, s); out.Failed() {
		b.Fatalf("first build: %v", out.Problems)
	}
	watch(b, s)
	events := s.events.subscribe()
	defer s.events.unsubscribe(events)
	h := s.Handler()
	for i := 0; b.Loop(); i++ {
		mark := fmt.Sprintf("Edit number %d.", i)
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
		if body := get(b, h, "/la042/summary.html").Body.String(); !strings.Contains(body, mark) {
			b.Fatalf("the edit does not show:\n%s", body)
		}
		b.StartTimer()
	}
}
