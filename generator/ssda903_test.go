package generator

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// The same council given as children.csv and as its 903 returns (with
// the partial children.csv beside them) gives byte-identical figures:
// the 903 project's rows are generator/ssda903's hand-worked fixture,
// and children_full.csv is that fixture's rows written out by hand.
func TestSSDA903SameFiguresAsChildrenCSV(t *testing.T) {
	fixture := filepath.Join("ssda903", "testdata", "fixture", "data")
	csvProject := newProject(t)
	copyFile(t, filepath.Join(fixture, "children_full.csv"), filepath.Join(csvProject, "data", "children.csv"))

	p903 := newProject(t)
	if err := os.CopyFS(filepath.Join(p903, "data", "903"), os.DirFS(filepath.Join(fixture, "903"))); err != nil {
		t.Fatal(err)
	}
	copyFile(t, filepath.Join(fixture, "children.csv"), filepath.Join(p903, "data", "children.csv"))
	appendConfig(t, p903, "\n[data]\nssda903 = [\"data/903/2023-24\", \"data/903/2024-25\"]\n")

	for _, draft := range []bool{true, false} {
		var js [2][]byte
		for i, dir := range []string{csvProject, p903} {
			res, err := Build(context.Background(), Options{Source: dir, Draft: draft})
			if err != nil {
				t.Fatalf("build %s: %v\n%s", dir, err, res.Problems.Error())
			}
			js[i], err = os.ReadFile(filepath.Join(dir, "output", "data", "indicators.json"))
			if err != nil {
				t.Fatal(err)
			}
		}
		if string(js[0]) != string(js[1]) {
			t.Errorf("draft %v: indicators.json differs between children.csv and the 903", draft)
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func appendConfig(t *testing.T, dir, text string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(dir, "config.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}
