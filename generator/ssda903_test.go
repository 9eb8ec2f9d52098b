package generator

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/problem"
	"github.com/adoptionreport/adoptionreport/generator/scaffold"
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

// An error in a 903 return stops the build at the 903 cell, with every
// other problem, and writes nothing.
func TestSSDA903ErrorWritesNothing(t *testing.T) {
	fixture := filepath.Join("ssda903", "testdata", "fixture", "data")
	dir := newProject(t)
	if err := os.CopyFS(filepath.Join(dir, "data", "903"), os.DirFS(filepath.Join(fixture, "903"))); err != nil {
		t.Fatal(err)
	}
	copyFile(t, filepath.Join(fixture, "children.csv"), filepath.Join(dir, "data", "children.csv"))
	appendConfig(t, dir, "\n[data]\nssda903 = [\"data/903/2023-24\", \"data/903/2024-25\"]\n")
	eps := filepath.Join(dir, "data", "903", "2023-24", "episodes.csv")
	b, _ := os.ReadFile(eps)
	os.WriteFile(eps, []byte(strings.Replace(string(b), "C1,10/04/2023,S,C2", "C1,10/04/2023,Q,C2", 1)), 0o644)
	budget := filepath.Join(dir, "data", "budget.csv")
	b, _ = os.ReadFile(budget)
	os.WriteFile(budget, append(b, "2024-25,Extra,,x,1\n"...), 0o644)

	res, err := Build(context.Background(), Options{Source: dir})
	if !errors.Is(err, ErrProblems) {
		t.Fatalf("build: %v, want ErrProblems", err)
	}
	var got []string
	for _, p := range res.Problems {
		if p.Severity == problem.Error {
			got = append(got, p.String())
		}
	}
	if len(got) != 2 || !strings.HasPrefix(got[0], "data/903/2023-24/episodes.csv:2:3: RNE: \"Q\"") || !strings.HasPrefix(got[1], "data/budget.csv:") {
		t.Errorf("errors:\n%s\nwant the 903's RNE and the budget's", strings.Join(got, "\n"))
	}
	if _, err := os.Stat(filepath.Join(dir, "output")); !os.IsNotExist(err) {
		t.Errorf("output written despite errors: %v", err)
	}
}

// adoptionreport new --ssda903 starts a project that builds, its only
// warnings those of the sample: two children matched before their
// placement order, and the concurrent-planning children that the
// partial children.csv sets apart from fostering for adoption.
func TestScaffoldSSDA903Builds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "report")
	if err := scaffold.NewSSDA903(dir); err != nil {
		t.Fatal(err)
	}
	res, err := Build(context.Background(), Options{Source: dir})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Error())
	}
	for _, p := range res.Problems {
		if !strings.Contains(p.Message, "A2 counts this child as 0 days") && !strings.Contains(p.Message, "overrode 7 values") {
			t.Errorf("unexpected problem: %s", p)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "903", "2024-25", "episodes.csv")); err != nil {
		t.Error(err)
	}
}

// Without a children.csv beside the 903 the report is still built, and
// the build names, once each, the figures resting on what is missing.
func TestSSDA903WithoutTrackerBuilds(t *testing.T) {
	fixture := filepath.Join("ssda903", "testdata", "fixture", "data")
	dir := newProject(t)
	if err := os.CopyFS(filepath.Join(dir, "data", "903"), os.DirFS(filepath.Join(fixture, "903"))); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "data", "children.csv"))
	appendConfig(t, dir, "\n[data]\nssda903 = [\"data/903/2023-24\", \"data/903/2024-25\"]\n")
	res, err := Build(context.Background(), Options{Source: dir})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Error())
	}
	named := map[string]int{}
	for _, p := range res.Problems {
		for _, col := range []string{"disabled", "sibling_group", "matched"} {
			if strings.HasPrefix(p.Message, "the 903 does not hold "+col+",") {
				named[col]++
			}
		}
	}
	if named["disabled"] != 1 || named["sibling_group"] != 1 || named["matched"] != 1 {
		t.Errorf("missing columns named %v, want each once:\n%s", named, res.Problems.Error())
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
