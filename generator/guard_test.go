package generator

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/disclosure"
	"github.com/adoptionreport/adoptionreport/generator/site"
)

// The last check refuses a site holding a child, sibling group or
// household ID, or with a leak found in indicators.json, and says where.
func TestGuardRefusesLeaks(t *testing.T) {
	p := &Project{Data: &dataset.Dataset{
		Children: []dataset.Child{{ChildID: "CH0042", SiblingGroup: "SG7"}},
		Adopters: []dataset.Adopter{{HouseholdID: "HH0099"}},
	}}
	clean := site.Files{"index.html": []byte("<p>42 children</p>\n"), "assets/app.js": []byte("var CH0042;")}
	if probs := p.guard(clean, nil); len(probs) > 0 {
		t.Errorf("clean site refused: %v", probs)
	}
	for name, tc := range map[string]struct {
		files site.Files
		where string
	}{
		"CH0042": {site.Files{"children.html": []byte("<p>ok</p>\n<td>CH0042</td>\n")}, "output/children.html:2:5"},
		"SG7":    {site.Files{"data/x.csv": []byte("group\nSG7\n")}, "output/data/x.csv:2:1"},
		"HH0099": {site.Files{"adopters.html": []byte("HH0099")}, "output/adopters.html:1:1"},
	} {
		probs := p.guard(tc.files, nil)
		if !probs.HasErrors() || !strings.Contains(probs.Error(), name) || !strings.Contains(probs.Error(), tc.where) {
			t.Errorf("%s: problems = %v, want an error at %s", name, probs, tc.where)
		}
	}
	leak := disclosure.Leak{File: "data/indicators.json", Line: 3, Message: "a count of 2 is shown"}
	if probs := p.guard(clean, []disclosure.Leak{leak}); !probs.HasErrors() || !strings.Contains(probs.Error(), "output/data/indicators.json:3") {
		t.Errorf("indicators.json leak: problems = %v", probs)
	}
}

// A child ID typed into a page is reported at the page's line and column,
// not at the built pages it reached, and the summary counts it as an
// error: the build never says "0 errors" and then fails.
func TestGuardNamesTheSource(t *testing.T) {
	dir := newProject(t)
	ids := childIDs(t, dir)
	page := filepath.Join(dir, "content", "summary.md")
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Count(string(b), "\n")
	os.WriteFile(page, append(b, []byte("\nAbout the child "+ids[0]+", matched late.\n")...), 0o644)

	res, err := Build(context.Background(), Options{Source: dir})
	if !errors.Is(err, ErrProblems) {
		t.Fatalf("err = %v, want ErrProblems", err)
	}
	want := "content/summary.md:" + strconv.Itoa(lines+2) + ":17"
	if !strings.Contains(res.Problems.Error(), want) {
		t.Errorf("problems do not point at %s:\n%s", want, res.Problems.Error())
	}
	if strings.Contains(res.Problems.Error(), ".html") {
		t.Errorf("problems name built files, not the source:\n%s", res.Problems.Error())
	}
	if _, err := os.Stat(filepath.Join(dir, "output", "index.html")); err == nil {
		t.Error("the site was written")
	}
}

// childIDs returns the child IDs of a project's children.csv.
func childIDs(t *testing.T, dir string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "data", "children.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if i > 0 {
			ids = append(ids, strings.Split(line, ",")[0])
		}
	}
	return ids
}

// An ID typed with a character reference (K&#49;007) is the ID on the
// built page: it is reported at the page's line, not at the built files.
func TestGuardNamesTheSourceOfAnEncodedID(t *testing.T) {
	dir := newProject(t)
	id := childIDs(t, dir)[0]
	i := strings.IndexAny(id, "0123456789")
	if i < 0 {
		t.Fatalf("child ID %q has no digit to encode", id)
	}
	encoded := id[:i] + "&#" + strconv.Itoa(int(id[i])) + ";" + id[i+1:]
	page := filepath.Join(dir, "content", "summary.md")
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Count(string(b), "\n")
	os.WriteFile(page, append(b, []byte("\nAbout the child "+encoded+", matched late.\n")...), 0o644)

	res, err := Build(context.Background(), Options{Source: dir})
	if !errors.Is(err, ErrProblems) {
		t.Fatalf("err = %v, want ErrProblems", err)
	}
	got := res.Problems.Error()
	if want := "content/summary.md:" + strconv.Itoa(lines+2) + ": "; !strings.Contains(got, want) || !strings.Contains(got, "character references") {
		t.Errorf("problems do not point at %s, saying how the ID was written:\n%s", want, got)
	}
	if strings.Contains(got, ".html") {
		t.Errorf("problems name built files, not the source:\n%s", got)
	}
}
