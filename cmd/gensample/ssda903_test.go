package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/adoptionreport/adoptionreport/generator"
	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/ssda903"
)

// variantFolders are the sample's 903 folders as config lists them.
func variantFolders() []string {
	var folders []string
	for _, f := range theSample.ssda903Files() {
		if dir := filepath.ToSlash(filepath.Dir(f.name)); strings.HasPrefix(dir, "903/") && !slices.Contains(folders, "data/"+dir) {
			folders = append(folders, "data/"+dir)
		}
	}
	return folders
}

// The 903 variant, read by the rules of docs/data.md, gives back the
// sample's children.csv row for row.
func TestSSDA903VariantRows(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, f := range theSample.ssda903Files() {
		fsys["data/"+f.name] = &fstest.MapFile{Data: f.data}
	}
	for _, f := range theSample.files() {
		fsys["full/"+f.name] = &fstest.MapFile{Data: f.data}
		if f.name != "children.csv" {
			fsys["data/"+f.name] = &fstest.MapFile{Data: f.data}
		}
	}
	d, probs := ssda903.Load(fsys, ssda903.Settings{Folders: variantFolders(), Tracker: "data/children.csv", OwnProviders: []string{"PR1"}})
	if probs.HasErrors() {
		t.Fatalf("903 problems:\n%s", probs)
	}
	files := config.Default().Data
	files.Children = ssda903.DerivedName
	got, probs := dataset.Load(d.FS(fsys), files, reportYear)
	if probs.HasErrors() {
		t.Fatalf("derived children.csv problems:\n%s", d.Remap(probs))
	}
	files.Children = "full/children.csv"
	want, _ := dataset.Load(fsys, files, reportYear)
	key := func(c dataset.Child) string { return fmt.Sprint(c.ChildID, c.EnteredCare) }
	sortKids := func(cs []dataset.Child) {
		for i := range cs {
			cs[i].Row = 0
		}
		slices.SortFunc(cs, func(a, b dataset.Child) int { return strings.Compare(key(a), key(b)) })
	}
	sortKids(got.Children)
	sortKids(want.Children)
	if len(got.Children) != len(want.Children) {
		t.Fatalf("%d rows from the 903, %d in children.csv", len(got.Children), len(want.Children))
	}
	bad := 0
	for i := range want.Children {
		g, w := got.Children[i], want.Children[i]
		g.Ethnicity, w.Ethnicity = "", ""
		if g != w && bad < 5 {
			bad++
			t.Errorf("child %s:\n903 %+v\ncsv %+v", w.ChildID, g, w)
		}
	}
}

// The sample as children.csv and as its 903 variant gives byte-identical
// indicators.json, in a draft build and a published one.
func TestSSDA903VariantSameFigures(t *testing.T) {
	root := filepath.Join("..", "..")
	var js [2][2][]byte
	for i := range 2 {
		dir := t.TempDir()
		for _, sub := range []string{"content", "data"} {
			if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(root, sub))); err != nil {
				t.Fatal(err)
			}
		}
		cfg, err := os.ReadFile(filepath.Join(root, "config.toml"))
		if err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			if err := write(filepath.Join(dir, "data"), theSample.ssda903Files()); err != nil {
				t.Fatal(err)
			}
			cfg = fmt.Appendf(cfg, "\n[data]\nssda903 = [\"%s\"]\n", strings.Join(variantFolders(), `", "`))
		}
		os.WriteFile(filepath.Join(dir, "config.toml"), cfg, 0o644)
		for j, draft := range []bool{true, false} {
			out := filepath.Join(dir, fmt.Sprint("out", j))
			if res, err := generator.Build(context.Background(), generator.Options{Source: dir, Output: out, Draft: draft}); err != nil {
				t.Fatalf("build: %v\n%s", err, res.Problems)
			}
			js[i][j], _ = os.ReadFile(filepath.Join(out, "data", "indicators.json"))
		}
	}
	for j := range 2 {
		if len(js[0][j]) == 0 || string(js[0][j]) != string(js[1][j]) {
			t.Errorf("draft=%v: indicators.json differs between children.csv and the 903 variant", j == 0)
		}
	}
}

// TestCommittedSSDA903 checks that the 903 variant `adoptionreport new
// --ssda903` writes is what the generator writes. Rerun
// `go run ./cmd/gensample -ssda903 generator/scaffold/ssda903` after
// changing it.
func TestCommittedSSDA903(t *testing.T) {
	dir := filepath.Join("..", "..", "generator", "scaffold", "ssda903")
	want := map[string]bool{}
	for _, f := range theSample.ssda903Files() {
		want[f.name] = true
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.name)))
		if err != nil || string(got) != string(f.data) {
			t.Errorf("generator/scaffold/ssda903/%s is not what gensample writes (%v): run go run ./cmd/gensample -ssda903 generator/scaffold/ssda903", f.name, err)
		}
	}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			if !want[filepath.ToSlash(rel)] {
				t.Errorf("generator/scaffold/ssda903/%s is not written by gensample: delete it", filepath.ToSlash(rel))
			}
		}
		return err
	})
}
