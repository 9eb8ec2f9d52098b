package generator

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
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
