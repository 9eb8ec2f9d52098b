package generator

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A build with a Cache reads the data only the first time and when a
// data file's stamp, the settings or a Changed data file say it may
// differ; a page edit alone reuses the data and the figures, and the
// site shows the edit.
func TestCacheReadsDataOnlyWhenItChanges(t *testing.T) {
	dir := newProject(t)
	out := filepath.Join(t.TempDir(), "site")
	cache := NewCache()
	build := func(what string, wantLoads int) string {
		t.Helper()
		res, err := Build(context.Background(), Options{Source: dir, Output: out, Draft: true, Cache: cache})
		if err != nil {
			t.Fatalf("%s: %v\n%s", what, err, res.Problems.Error())
		}
		if n := cache.Loads(); n != wantLoads {
			t.Errorf("%s: the data has been read %d times, want %d", what, n, wantLoads)
		}
		b, _ := os.ReadFile(filepath.Join(out, "summary.html"))
		return string(b)
	}
	build("first build", 1)

	appendTo(t, dir, "content/summary.md", "\nAn edit to the page.\n")
	cache.Changed([]string{"content/summary.md"})
	if page := build("page edit", 1); !strings.Contains(page, "An edit to the page.") {
		t.Error("the page edit is not in the rebuilt site")
	}
	cache.Changed([]string{"themes/civic/static/css/style.css", "layouts/partials/footer.html", "static/logo.png"})
	build("theme edit", 1)

	// A data file rewritten: its size and time differ, whatever Changed
	// was told.
	csv := filepath.Join(dir, "data", "adopters.csv")
	appendTo(t, dir, "data/adopters.csv", "")
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(csv, later, later); err != nil {
		t.Fatal(err)
	}
	build("data file touched", 2)
	build("nothing changed", 2)

	for _, changed := range [][]string{
		{"data/adopters.csv"},
		{"content/summary.md", "config.toml"},
		{"?"},
		{"content"}, // the folder itself: moved or removed
		nil,
	} {
		n := cache.Loads()
		cache.Changed(changed)
		build(strings.Join(changed, ", "), n+1)
	}

	// A setting changed: read again (the thresholds change the figures).
	n := cache.Loads()
	appendTo(t, dir, "config.toml", "\n[thresholds]\na1 = 400\n")
	build("settings changed", n+1)
	if page, _ := os.ReadFile(filepath.Join(out, "children.html")); !strings.Contains(string(page), "400-day threshold") {
		t.Error("the new threshold is not in the rebuilt site")
	}

	// A data file that config.toml names inside content/ is data.
	n = cache.Loads()
	cache.Changed([]string{"content/summary.md"})
	build("page edit", n)
	cache.loaded.cfg.Data.Budget = "./content/budget.csv"
	cache.Changed([]string{"content/budget.csv"})
	if cache.data != nil {
		t.Error("a change to a data file kept under content/ kept the data")
	}
}

// A workbook's sheet named as data is stamped by its file: rewriting the
// workbook reads the data again, and so does Changed naming it.
func TestCacheStampsWorkbooks(t *testing.T) {
	dir := newProject(t)
	writeWorkbook(t, filepath.Join(dir, "data", "finance.xlsx"), sheet{name: "Notes"},
		sheet{name: "Budget", csv: readText(t, filepath.Join(dir, "data", "budget.csv"))})
	appendTo(t, dir, "config.toml", "\n[data]\nbudget = \"data/finance.xlsx[Budget]\"\n")
	out := filepath.Join(t.TempDir(), "site")
	cache := NewCache()
	build := func(what string, wantLoads int) {
		t.Helper()
		if res, err := Build(context.Background(), Options{Source: dir, Output: out, Draft: true, Cache: cache}); err != nil {
			t.Fatalf("%s: %v\n%s", what, err, res.Problems.Error())
		}
		if n := cache.Loads(); n != wantLoads {
			t.Errorf("%s: the data has been read %d times, want %d", what, n, wantLoads)
		}
	}
	build("first build", 1)
	cache.Changed([]string{"content/summary.md"})
	build("page edit", 1)
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(filepath.Join(dir, "data", "finance.xlsx"), later, later); err != nil {
		t.Fatal(err)
	}
	build("workbook touched", 2)
	cache.Changed([]string{"data/finance.xlsx"})
	build("workbook changed", 3)
}
