package preview

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/scaffold"
)

// serve previews a regional edition whole: the RAA's overview at /, each
// council's report under /<code>/; an edit to one council's own page
// shows in that council's report.
func TestPreviewRegional(t *testing.T) {
	dir := regionalProject(t)
	_, base, log := serveProject(t, dir)
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
	dir := regionalProject(t)
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
	s := builtServer(t, dir, nil)
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

// An edit to a page every council shares renders first the reports open
// in a browser (a fast pass), tells only their readers to reload, and
// leaves the other reports as they were; the whole set's build then
// brings those up to date and reloads their readers, but neither the
// readers already shown the edit nor the overview's, which it leaves as
// it was. An edit to a council's own page reloads that council's readers
// alone. A fast pass that does not build gives way to the whole set's
// build, which finds every problem, and every page shows them.
func TestPreviewRendersOpenCouncilsFirst(t *testing.T) {
	dir := regionalProject(t)
	s := builtServer(t, dir, nil)
	h := s.Handler()
	marshby := s.events.subscribe("marshby")
	defer s.events.unsubscribe(marshby)
	overview := s.events.subscribe("")
	defer s.events.unsubscribe(overview)
	heard := func(ch chan event) string {
		select {
		case e := <-ch:
			return e.name
		default:
			return ""
		}
	}
	build := func(page string) string {
		t.Helper()
		body := get(t, h, page).Body.String()
		_, id, _ := strings.Cut(body, `data-build="`)
		id, _, _ = strings.Cut(id, `"`)
		return id
	}
	ctx := context.Background()
	panel := filepath.Join(dir, "content", "panel.md")
	text, err := os.ReadFile(panel)
	if err != nil {
		t.Fatal(err)
	}
	write(t, panel, string(text)+"\nThe panel met eleven times.\n")
	out, err := s.rebuild(ctx, []string{"content/panel.md"})
	if err != nil || out.Failed() {
		t.Fatalf("fast pass: %v %v", err, out.Problems)
	}
	if !slices.Equal(out.Councils, []string{"marshby"}) {
		t.Fatalf("the rebuild rendered %v first, want the open council, marshby", out.Councils)
	}
	if !strings.Contains(get(t, h, "/marshby/panel.html").Body.String(), "eleven times") {
		t.Error("the open council's report does not show the edit")
	}
	if strings.Contains(get(t, h, "/fenmoor/panel.html").Body.String(), "eleven times") {
		t.Error("the fast pass rendered a council no browser shows")
	}
	if got := heard(marshby); got != "reload" {
		t.Errorf("the open council's reader heard %q, want reload", got)
	}
	if got := heard(overview); got != "" {
		t.Errorf("the overview's reader heard %q after the fast pass, want nothing", got)
	}
	shown := build("/marshby/panel.html")
	// A reader opens fenmoor's report, not rendered again yet.
	fenmoor := s.events.subscribe("fenmoor")
	defer s.events.unsubscribe(fenmoor)

	out, err = s.rebuild(ctx, []string{})
	if err != nil || out.Failed() || out.Councils != nil {
		t.Fatalf("the whole set: %v %v %v", err, out.Councils, out.Problems)
	}
	if !strings.Contains(get(t, h, "/fenmoor/panel.html").Body.String(), "eleven times") {
		t.Error("the whole set's build did not bring fenmoor up to date")
	}
	if got := heard(fenmoor); got != "reload" {
		t.Errorf("fenmoor's reader heard %q after the whole set, want reload", got)
	}
	if got := heard(overview); got != "" {
		t.Errorf("the overview's reader heard %q, though the overview is as it was", got)
	}
	if got := heard(marshby); got != "" {
		t.Errorf("marshby's reader, shown the edit already, heard %q", got)
	}
	if got := build("/marshby/panel.html"); got != shown {
		t.Errorf("marshby's page is of build %s, want the fast pass's %s: its reader would reload for nothing", got, shown)
	}
	if got := build("/fenmoor/panel.html"); got == shown {
		t.Error("fenmoor's page has the fast pass's build")
	}

	// A council's own page: no fast pass, as the whole set's build renders
	// that council alone; only its readers reload.
	write(t, filepath.Join(dir, "content", "Fenmoor", "panel.md"), "+++\ntitle = \"The panel\"\n+++\nThe panel of Fenmoor alone.\n")
	out, err = s.rebuild(ctx, []string{"content/Fenmoor/panel.md"})
	if err != nil || out.Failed() || out.Councils != nil {
		t.Fatalf("a council's own page: %v %v %v", err, out.Councils, out.Problems)
	}
	if !strings.Contains(get(t, h, "/fenmoor/panel.html").Body.String(), "The panel of Fenmoor alone.") {
		t.Error("fenmoor's own page does not show")
	}
	if heard(fenmoor) != "reload" || heard(marshby) != "" || heard(overview) != "" {
		t.Error("an edit to fenmoor's own page did not reload fenmoor's reader alone")
	}
	if err := os.RemoveAll(filepath.Join(dir, "content", "Fenmoor")); err != nil {
		t.Fatal(err)
	}
	if _, err = s.rebuild(ctx, []string{"content/Fenmoor/panel.md"}); err != nil {
		t.Fatal(err)
	}
	heard(fenmoor)

	// A broken shortcode: the fast pass fails and the whole set builds at
	// once, with the problem, and every reader gets the panel.
	write(t, panel, string(text)+"\n{{< figure nosuch >}}\n")
	out, err = s.rebuild(ctx, []string{"content/panel.md"})
	if err != nil {
		t.Fatal(err)
	}
	if out.Councils != nil || !out.Failed() || !strings.Contains(out.Problems.Error(), "content/panel.md") {
		t.Errorf("a broken page: councils %v, problems:\n%s", out.Councils, out.Problems.Error())
	}
	if heard(marshby) != "reload" || heard(overview) != "reload" || heard(fenmoor) != "reload" {
		t.Error("a failed build did not reload every reader")
	}
	if !strings.Contains(get(t, h, "/fenmoor/panel.html").Body.String(), panelID) {
		t.Error("the failed build's panel is not on every page")
	}
}
