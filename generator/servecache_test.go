package generator

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/content"
	"github.com/adoptionreport/adoptionreport/generator/site"
)

// In serve, the guard scans only the files that differ from the last
// site it found clean; the rest were scanned against the same IDs. A
// child's ID typed into one council's page is still caught when every
// other council comes from the cache, and again on the next rebuild,
// when the leaking council's report comes from the cache too (it
// rendered without errors: only the guard stopped it).
func TestServeGuardCatchesIDAfterCache(t *testing.T) {
	dir := regionalProject(t, []string{"fenmoor", "marshby"}, "")
	cache := NewCache()
	ctx := context.Background()
	render := func() (Result, error) {
		t.Helper()
		_, res, err := Render(ctx, Options{Source: dir, Draft: true, Cache: cache})
		return res, err
	}
	if res, err := render(); err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	filesOf := func(code string) uintptr {
		return reflect.ValueOf(cache.rendered[councilKey{code, true}].files).Pointer()
	}
	fenmoor := filesOf("fenmoor")

	// The sample's second child is dealt to marshby.
	const id = "C101178"
	leaky := "+++\ntitle = \"Summary\"\nweight = 10\n+++\nWe placed " + id + " with a family.\n"
	edit := func(code, text string) {
		writeFile(t, filepath.Join(dir, "content", code, "summary.md"), text)
		cache.Changed([]string{"content/" + code + "/summary.md"})
	}
	wantLeak := func(when string) {
		t.Helper()
		res, err := render()
		if !errors.Is(err, ErrProblems) {
			t.Fatalf("%s: the build did not fail: %v", when, err)
		}
		want := "content/marshby/summary.md:5:11: child or household ID \"" + id + "\" would be published from here"
		if !strings.Contains(res.Problems.Error(), want) {
			t.Errorf("%s: the problems do not include\n%s\n%s", when, want, res.Problems.Error())
		}
	}
	edit("marshby", leaky)
	wantLeak("the ID typed")
	if filesOf("fenmoor") != fenmoor {
		t.Fatal("fenmoor's report was rendered again: the test needs it from the cache")
	}
	marshby := filesOf("marshby")

	edit("fenmoor", "+++\ntitle = \"Summary\"\nweight = 10\n+++\nFenmoor's edit.\n")
	wantLeak("another council's page edited")
	if filesOf("marshby") != marshby || marshby == 0 {
		t.Fatal("marshby's report was rendered again: the test needs it from the cache")
	}

	edit("marshby", strings.ReplaceAll(leaky, id, "a child"))
	if res, err := render(); err != nil {
		t.Fatalf("the ID removed: %v\n%s", err, res.Problems.Error())
	}
	if cache.Loads() != 1 {
		t.Errorf("the data was read %d times, want once", cache.Loads())
	}
}

// The same in a one-council project: a page that leaks, then an edit to
// another page, fails both times.
func TestServeGuardOneCouncil(t *testing.T) {
	dir := newProject(t)
	cache := NewCache()
	ctx := context.Background()
	if _, res, err := Render(ctx, Options{Source: dir, Draft: true, Cache: cache}); err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	ds := cache.data
	if len(ds.Children) == 0 {
		t.Fatal("the scaffold has no children")
	}
	id := ds.Children[0].ChildID
	pages, _ := filepath.Glob(filepath.Join(dir, "content", "*.md"))
	if len(pages) < 2 {
		t.Fatal("the scaffold has fewer than two pages")
	}
	writeFile(t, pages[0], "+++\ntitle = \"Leak\"\n+++\nChild "+id+".\n")
	for i, p := range []string{pages[0], pages[1]} {
		if i > 0 {
			writeFile(t, p, "+++\ntitle = \"Other\"\n+++\nAn edit.\n")
		}
		rel, _ := filepath.Rel(dir, p)
		cache.Changed([]string{filepath.ToSlash(rel)})
		_, res, err := Render(ctx, Options{Source: dir, Draft: true, Cache: cache})
		if !errors.Is(err, ErrProblems) || !strings.Contains(res.Problems.Error(), id) {
			t.Errorf("build %d: the ID was not caught: %v\n%s", i+1, err, res.Problems.Error())
		}
	}
	if cache.data != ds {
		t.Error("the data was read again: the test needs it from the cache")
	}
}

// An edit to a council's page leaves the overview as it was: it is made
// from the figures, not the pages, and is not rendered again. A change
// to the data renders it again.
func TestServeCacheKeepsOverview(t *testing.T) {
	dir := regionalProject(t, []string{"fenmoor", "marshby"}, "")
	cache := NewCache()
	ctx := context.Background()
	render := func() site.Files {
		t.Helper()
		files, res, err := Render(ctx, Options{Source: dir, Draft: true, Cache: cache})
		if err != nil {
			t.Fatalf("%v\n%s", err, res.Problems.Error())
		}
		return files
	}
	first := render()
	overview := func() uintptr { return reflect.ValueOf(cache.overview.files).Pointer() }
	kept := overview()
	writeFile(t, filepath.Join(dir, "content", "marshby", "summary.md"), "+++\ntitle = \"Summary\"\nweight = 10\n+++\nMarshby edited this page.\n")
	cache.Changed([]string{"content/marshby/summary.md"})
	second := render()
	if overview() != kept {
		t.Error("the overview was rendered again after an edit to a council's page")
	}
	if !bytes.Equal(first["index.html"], second["index.html"]) {
		t.Error("the overview changed after an edit to a council's page")
	}
	if !bytes.Contains(second["marshby/summary.html"], []byte("Marshby edited this page.")) {
		t.Error("the edit does not show")
	}

	// Every council's figures change: the overview is rendered again.
	csv := filepath.Join(dir, "data", "children.csv")
	rows := readCSV(t, csv)
	writeCSV(t, csv, rows[:len(rows)/2])
	cache.Changed([]string{"data/children.csv"})
	third := render()
	if overview() == kept {
		t.Error("the overview was kept after the data changed")
	}
	if bytes.Equal(first["index.html"], third["index.html"]) {
		t.Error("the overview did not change with half the children gone")
	}
}

// A council's report is kept while its pages are the same: renderCached
// signs every field of each content.Page. A field added to Page must be
// signed too, or an edit to it would not show in serve.
func TestServeCacheSignsEveryPageField(t *testing.T) {
	if n := reflect.TypeFor[content.Page]().NumField(); n != 10 {
		t.Errorf("content.Page has %d fields, renderCached signs 10: sign the new one", n)
	}
}

// Render with Options.Councils gives those councils' reports alone,
// each byte for byte what the whole set's render gives, and a code
// config.toml does not list is an error naming the councils. A build
// refuses it: an output folder always gets every council.
func TestRenderSomeCouncils(t *testing.T) {
	dir := regionalProject(t, []string{"fenmoor", "marshby", "tollard"}, "")
	ctx := context.Background()
	whole, res, err := Render(ctx, Options{Source: dir, Draft: true})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	some, res, err := Render(ctx, Options{Source: dir, Draft: true, Councils: []string{"Marshby"}})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	n := 0
	for name, b := range whole {
		if !strings.HasPrefix(name, "marshby/") {
			if _, ok := some[name]; ok {
				t.Errorf("%s is rendered, but only marshby was asked for", name)
			}
			continue
		}
		n++
		if !bytes.Equal(some[name], b) {
			t.Errorf("%s differs from the whole set's", name)
		}
	}
	if n == 0 || len(some) != n {
		t.Errorf("rendered %d files, want marshby's %d", len(some), n)
	}

	_, _, err = Render(ctx, Options{Source: dir, Draft: true, Councils: []string{"fenmor"}})
	if err == nil || !strings.Contains(err.Error(), `no council "fenmor" in config.toml (its councils: fenmoor, marshby, tollard)`) {
		t.Errorf("unknown code: got %v", err)
	}
	if _, err := Build(ctx, Options{Source: dir, Councils: []string{"marshby"}}); err == nil {
		t.Error("a build of one council's report was allowed")
	}
}

// A cancelled render returns the context's error, not a problem of the
// project's; and a council's report rendered alone (serve's fast pass)
// stays in the cache, so that the whole set's render does not do it
// again. (A render cancelled part-way keeps its councils' reports the
// same way: each is cached as it is done.)
func TestRenderStopsWhenCancelled(t *testing.T) {
	dir := regionalProject(t, []string{"fenmoor", "marshby", "tollard"}, "")
	cache := NewCache()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Render(ctx, Options{Source: dir, Draft: true, Cache: cache}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled render: got %v, want context.Canceled", err)
	}
	some, res, err := Render(context.Background(), Options{Source: dir, Draft: true, Cache: cache, Councils: []string{"tollard"}})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	kept := reflect.ValueOf(cache.rendered[councilKey{"tollard", true}].files).Pointer()
	whole, res, err := Render(context.Background(), Options{Source: dir, Draft: true, Cache: cache})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	if got := reflect.ValueOf(cache.rendered[councilKey{"tollard", true}].files).Pointer(); got != kept {
		t.Error("tollard's report was rendered again for the whole set")
	}
	if !bytes.Equal(some["tollard/index.html"], whole["tollard/index.html"]) {
		t.Error("tollard's front page differs between the two renders")
	}
}
