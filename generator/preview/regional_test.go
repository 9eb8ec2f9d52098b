package preview

import (
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
