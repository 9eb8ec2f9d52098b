package preview

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/scaffold"
)

// serve previews a regional edition whole: the RAA's overview at /, each
// council's report under /<code>/; an edit to one council's own page
// shows in that council's report.
func TestPreviewRegional(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "raa")
	if err := scaffold.NewRegional(dir); err != nil {
		t.Fatal(err)
	}
	log := &syncBuffer{}
	s, err := New(Options{Source: dir, Log: log})
	if err != nil {
		t.Fatal(err)
	}
	base, _ := serve(t, s)
	first := poll(t, base+"/", func(status int, _ string) bool { return status != 503 })
	if strings.Contains(first, panelID) || !strings.Contains(first, `href="marshby/index.html"`) {
		t.Fatalf("the overview is not previewed:\n%s\n%s", first, log)
	}
	for _, c := range scaffold.RegionalCouncils {
		poll(t, base+"/"+c[0]+"/index.html", contains(c[1]))
	}
	write(t, filepath.Join(dir, "content", "marshby", "summary.md"), "+++\ntitle = \"Summary\"\nweight = 10\n+++\nMarshby edited its summary.\n")
	poll(t, base+"/marshby/summary.html", contains("Marshby edited its summary."))
	if body := poll(t, base+"/fenmoor/summary.html", contains("Summary")); strings.Contains(body, "Marshby edited") {
		t.Error("Marshby's edit reached Fenmoor's report")
	}
}

// A child's ID typed into one council's page while serving fails the
// rebuild, though every other council's report and the overview come
// from the cache: the last good pages stay, with the problem on them.
// Saving another council's page does not let it through either.
func TestPreviewRegionalGuard(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "raa")
	if err := scaffold.NewRegional(dir); err != nil {
		t.Fatal(err)
	}
	rows, err := readRows(filepath.Join(dir, "data", "children.csv"))
	if err != nil {
		t.Fatal(err)
	}
	id := ""
	for _, r := range rows[1:] {
		if r[0] == "marshby" {
			id = r[1]
			break
		}
	}
	if id == "" {
		t.Fatal("no child of marshby in the scaffold")
	}
	s, err := New(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if out := rebuild(t, s); out.Failed() {
		t.Fatalf("first build: %v", out.Problems)
	}
	ctx := context.Background()
	edit := func(code, body string) Outcome {
		t.Helper()
		write(t, filepath.Join(dir, "content", code, "summary.md"), "+++\ntitle = \"Summary\"\nweight = 10\n+++\n"+body+"\n")
		out, err := s.rebuild(ctx, []string{"content/" + code + "/summary.md"})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	for _, out := range []Outcome{edit("marshby", "We placed "+id+" with a family."), edit("fenmoor", "Fenmoor's own words.")} {
		if !out.Failed() || !strings.Contains(out.Problems.Error(), "content/marshby/summary.md:5:11: child or household ID \""+id+"\"") {
			t.Errorf("the ID was not caught at the page it was typed on:\n%s", out.Problems.Error())
		}
		body := get(t, s.Handler(), "/marshby/summary.html").Body.String()
		if strings.Contains(body, "We placed "+id) || !strings.Contains(body, panelID) {
			t.Errorf("the page served is not the last good one with the panel:\n%s", body)
		}
	}
	if n := s.cache.Loads(); n != 1 {
		t.Errorf("the data was read %d times, want once", n)
	}
}

func readRows(name string) ([][]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return csv.NewReader(f).ReadAll()
}
