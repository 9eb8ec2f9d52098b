package generator

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// regional903Project writes two regional editions of the same two
// councils: one whose councils give their own 903 folders (and the
// children.csv beside them, data/<code>/children.csv), one with their
// rows in children.csv's la column. Fenmoor's returns are
// generator/ssda903's fixture; Marshby's are the fixture's with its
// children renamed K1, K2…, without the tracker rows of K4 and K5, and
// with own_providers PR1 and PR2 (another council hosts its RAA), so the
// councils differ. The children.csv rows are the fixture's hand-written
// children_full.csv, K5's disabled, sibling_group and matched left blank
// as the 903 leaves them.
func regional903Project(t *testing.T) (with903, withLA string) {
	t.Helper()
	fixture := filepath.Join("ssda903", "testdata", "fixture", "data")
	codes := []string{"fenmoor", "marshby"}
	rename := regexp.MustCompile(`(?m)^C(\d)`)
	with903 = regionalProject(t, codes, "")
	withLA = regionalProject(t, codes, "")
	os.Remove(filepath.Join(with903, "data", "children.csv"))
	cfg, _ := os.ReadFile(filepath.Join(with903, "config.toml"))
	text := string(cfg)
	full := readCSV(t, filepath.Join(fixture, "children_full.csv"))
	la := [][]string{full[0]}
	for _, code := range codes {
		own := ""
		if code == "marshby" {
			own = "own_providers = [\"PR1\", \"PR2\"]\n"
		}
		text = strings.Replace(text, "code = \""+code+"\"\n", "code = \""+code+"\"\nssda903 = [\"data/"+code+"/903/2023-24\", \"data/"+code+"/903/2024-25\"]\n"+own, 1)
		err := filepath.WalkDir(filepath.Join(fixture, "903"), func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(fixture, p)
			if code == "marshby" {
				b = rename.ReplaceAll(b, []byte("K$1"))
			}
			writeFile(t, filepath.Join(with903, "data", code, rel), string(b))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		tracker, _ := os.ReadFile(filepath.Join(fixture, "children.csv"))
		for _, r := range full[1:] {
			r = append([]string(nil), r...)
			r[1] = code
			if code == "marshby" {
				r[0] = "K" + r[0][1:]
				if r[0] == "K5" {
					r[5], r[6], r[10] = "", "", "" // disabled, sibling_group, matched
				}
			}
			la = append(la, r)
		}
		if code == "marshby" {
			tracker = rename.ReplaceAll(tracker, []byte("K$1"))
			// Without K4's row (interagency: no), K4's placement with
			// PR2 is interagency unless Marshby's own_providers has PR2.
			tracker = regexp.MustCompile(`(?m)^K[45],.*\n`).ReplaceAll(tracker, nil)
		}
		writeFile(t, filepath.Join(with903, "data", code, "children.csv"), string(tracker))
	}
	writeFile(t, filepath.Join(with903, "config.toml"), text)
	writeCSV(t, filepath.Join(withLA, "data", "children.csv"), la)
	return with903, withLA
}

// Councils giving their own 903 folders get, each, byte for byte the
// indicators.json of the same councils' rows given in children.csv's la
// column, and so does the RAA's overview.
func TestRegional903SameFiguresAsChildrenCSV(t *testing.T) {
	with903, withLA := regional903Project(t)
	for _, draft := range []bool{true, false} {
		for _, dir := range []string{with903, withLA} {
			os.RemoveAll(filepath.Join(dir, "output"))
			if res, err := Build(context.Background(), Options{Source: dir, Draft: draft}); err != nil {
				t.Fatalf("build %s: %v\n%s", dir, err, res.Problems.Error())
			}
		}
		for _, f := range []string{"fenmoor/data/indicators.json", "marshby/data/indicators.json", "data/indicators.json"} {
			a, err := os.ReadFile(filepath.Join(with903, "output", f))
			if err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(filepath.Join(withLA, "output", f))
			if err != nil {
				t.Fatal(err)
			}
			if string(a) != string(b) {
				t.Errorf("draft %v: %s differs between the councils' 903 folders and children.csv", draft, f)
			}
		}
		f, _ := os.ReadFile(filepath.Join(with903, "output", "fenmoor", "data", "indicators.json"))
		m, _ := os.ReadFile(filepath.Join(with903, "output", "marshby", "data", "indicators.json"))
		if string(f) == string(m) {
			t.Errorf("draft %v: Fenmoor's and Marshby's figures are the same: the councils' rows were not kept apart", draft)
		}
	}

	// A children.csv of the la kind left beside is not read, and the
	// build says so.
	b, _ := os.ReadFile(filepath.Join(withLA, "data", "children.csv"))
	writeFile(t, filepath.Join(with903, "data", "children.csv"), string(b))
	res, err := Build(context.Background(), Options{Source: with903})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Error())
	}
	if !strings.Contains(res.Problems.Error(), "data/children.csv: is not read: the councils' children come from their own 903 folders") {
		t.Errorf("no warning that data/children.csv is not read:\n%s", res.Problems.Error())
	}
}

// A problem in a council's 903 return names that council's file, row and
// column; a mistake in the councils' 903 settings names config.toml's
// line and says how to mend it. Nothing is written.
func TestRegional903Problems(t *testing.T) {
	edit := func(t *testing.T, name, old, new string) {
		t.Helper()
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), old) {
			t.Fatalf("%s has no %q", name, old)
		}
		os.WriteFile(name, []byte(strings.Replace(string(b), old, new, 1)), 0o644)
	}
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, dir string)
		want   []string
	}{
		{"903 error in the second council's return", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "data", "marshby", "903", "2023-24", "episodes.csv"), "K1,10/04/2023,S,C2", "K1,10/04/2023,Q,C2")
		}, []string{`data/marshby/903/2023-24/episodes.csv:2:3: RNE: "Q"`}},
		{"derived row error at the council's 903 cell", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "data", "marshby", "903", "2024-25", "header.csv"), "K3,1,20/04/2023", "K3,1,20/04/2029")
		}, []string{`data/marshby/903/2024-25/header.csv:4:3: DOB`}},
		{"folder missing", func(t *testing.T, dir string) {
			os.RemoveAll(filepath.Join(dir, "data", "marshby", "903", "2024-25"))
		}, []string{`config.toml:45:1: councils.ssda903: council marshby: folder data/marshby/903/2024-25 not found`}},
		{"same folder for two councils", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "config.toml"), `"data/marshby/903/2023-24"`, `"data/fenmoor/903/2023-24"`)
		}, []string{`config.toml:45:1: councils.ssda903: council marshby: folder data/fenmoor/903/2023-24 is also council fenmoor's (line 40)`}},
		{"a council without folders", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "config.toml"), `ssda903 = ["data/marshby/903/2023-24", "data/marshby/903/2024-25"]`, "")
		}, []string{`config.toml:43: councils.ssda903: council marshby has no 903 folders, while fenmoor gives its own`}},
		{"a council's own_providers not a code", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "config.toml"), `own_providers = ["PR1", "PR2"]`, `own_providers = ["PR1", "PR7"]`)
		}, []string{`config.toml:46:1: councils.own_providers: council marshby: "PR7" is not a PLACE_PROVIDER code`}},
		{"[data] ssda903 too", func(t *testing.T, dir string) {
			appendConfig(t, dir, "\n[data]\nssda903 = [\"data/fenmoor/903/2024-25\"]\n")
		}, []string{`config.toml:50:1: data.ssda903: is set, and so are the councils' own 903 folders`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, _ := regional903Project(t)
			tc.change(t, dir)
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
			all := strings.Join(got, "\n")
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("errors:\n%s\nwant %q", all, w)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "output")); !os.IsNotExist(err) {
				t.Errorf("output written despite errors: %v", err)
			}
		})
	}
}
