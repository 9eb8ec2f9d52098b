package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/scaffold"
	"github.com/adoptionreport/adoptionreport/internal/browsertest"
)

// --council must name a council of a regional edition, and --output one
// council's file; both are refused before anything is built.
func TestRegionalPDFRefuses(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "raa")
	if err := scaffold.NewRegional(dir); err != nil {
		t.Fatal(err)
	}
	one := filepath.Join(t.TempDir(), "one")
	if err := scaffold.New(one); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		say  string
	}{
		{[]string{"--source", dir, "--council", "marshbey"}, `--council "marshbey" is not a council of ` + filepath.Join(dir, "config.toml") + ` (did you mean "marshby"?): give one of fenmoor, marshby, eastholme`},
		{[]string{"--source", dir, "--output", filepath.Join(t.TempDir(), "x.pdf")}, "give --council CODE with it"},
		{[]string{"--source", one, "--council", "fenmoor"}, "has no [[councils]]"},
	} {
		var stdout, stderr bytes.Buffer
		if code := runPDF(context.Background(), tt.args, &stdout, &stderr); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", tt.args, code, exitUsage)
		}
		if !strings.Contains(stderr.String(), tt.say) || strings.Contains(stderr.String(), "building") {
			t.Errorf("%v: got\n%s\nwant %q, before building", tt.args, stderr.String(), tt.say)
		}
	}
}

// --council takes a code whatever its capitals: Marshby is marshby, and
// the command goes on to find the browser (here, one that is not there).
func TestRegionalPDFCouncilAnyCapitals(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "raa")
	if err := scaffold.NewRegional(dir); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	args := []string{"--source", dir, "--council", "Marshby", "--chrome", filepath.Join(t.TempDir(), "no-browser")}
	code := runPDF(context.Background(), args, &stdout, &stderr)
	if code == exitUsage || strings.Contains(stderr.String(), "is not a council") {
		t.Errorf("--council Marshby is refused (exit %d):\n%s", code, stderr.String())
	}
}

// pdf --council prints that council's report beside it, and only that
// council's; every council's report is still built.
func TestRegionalPDFOneCouncil(t *testing.T) {
	if testing.Short() {
		t.Skip("prints with Chromium")
	}
	browsertest.Chrome(t)
	dir := filepath.Join(t.TempDir(), "raa")
	if err := scaffold.NewRegional(dir); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	// A code matches whatever its capitals; the PDF is Marshby's under its
	// code as config.toml writes it.
	if code := runPDF(context.Background(), []string{"--source", dir, "--council", "Marshby"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	got, _ := filepath.Glob(filepath.Join(dir, "output", "*", "*.pdf"))
	want := filepath.Join(dir, "output", "marshby", "marshby-borough-council-adoption-report-2024-25.pdf")
	if len(got) != 1 || got[0] != want {
		t.Fatalf("PDFs written: %v, want only %s", got, want)
	}
	html, _ := os.ReadFile(filepath.Join(dir, "output", "marshby", "index.html"))
	if !bytes.Contains(html, []byte(`href="marshby-borough-council-adoption-report-2024-25.pdf"`)) {
		t.Error("Marshby's report does not link its PDF")
	}
	overview, _ := os.ReadFile(filepath.Join(dir, "output", "index.html"))
	if !bytes.Contains(overview, []byte(`href="marshby/marshby-borough-council-adoption-report-2024-25.pdf"`)) || bytes.Count(overview, []byte(".pdf")) != 1 {
		t.Error("the overview does not link Marshby's PDF alone")
	}
	if _, err := os.Stat(filepath.Join(dir, "output", "fenmoor", "index.html")); err != nil {
		t.Errorf("Fenmoor's report was not built: %v", err)
	}
	// The terminal names the PDF where it is, not a temporary folder.
	if !strings.Contains(stderr.String(), "wrote "+want+" (") {
		t.Errorf("progress does not name %s:\n%s", want, stderr.String())
	}
	// Printing another council keeps Marshby's, whose report is unchanged.
	stderr.Reset()
	if code := runPDF(context.Background(), []string{"--source", dir, "--council", "fenmoor"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	fenmoor := filepath.Join(dir, "output", "fenmoor", "fenmoor-district-council-adoption-report-2024-25.pdf")
	for _, p := range []string{want, fenmoor} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("after pdf --council fenmoor: %v\n%s", err, stderr.String())
		}
	}
	if strings.Contains(stderr.String(), "removed") {
		t.Errorf("pdf --council fenmoor removed a PDF whose report is unchanged:\n%s", stderr.String())
	}
	overview, _ = os.ReadFile(filepath.Join(dir, "output", "index.html"))
	if bytes.Count(overview, []byte(".pdf\"")) != 2 {
		t.Error("the overview does not link both PDFs")
	}
	// Marshby's report changes: printing Fenmoor's elsewhere keeps
	// Fenmoor's published PDF and drops Marshby's, saying how to print it.
	if err := os.WriteFile(filepath.Join(dir, "content", "marshby", "extra.md"), []byte("+++\ntitle = \"Extra\"\n+++\nA page of Marshby's own.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	elsewhere := filepath.Join(t.TempDir(), "fen.pdf")
	if code := runPDF(context.Background(), []string{"--source", dir, "--council", "fenmoor", "--output", elsewhere}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	if _, err := os.Stat(fenmoor); err != nil {
		t.Errorf("pdf --council fenmoor --output elsewhere removed Fenmoor's published PDF: %v\n%s", err, stderr.String())
	}
	if _, err := os.Stat(want); err == nil || !strings.Contains(stderr.String(), "removed "+want+": the report has changed") ||
		!strings.Contains(stderr.String(), "adoptionreport pdf --source "+dir+" --council marshby") {
		t.Errorf("Marshby's PDF, printed before its report changed, was not removed with a message saying how to print it again:\n%s", stderr.String())
	}
	stderr.Reset()
	if code := run(context.Background(), []string{"build", "--source", dir}, &stdout, &stderr); code != exitOK {
		t.Fatalf("build: exit %d:\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "removed "+filepath.Join(dir, "output", "fenmoor")) || !strings.Contains(stderr.String(), "run adoptionreport pdf --source "+dir+" --council fenmoor to print it and link it again") {
		t.Errorf("build does not say it removed Fenmoor's PDF:\n%s", stderr.String())
	}
}

// A removed PDF's message says why, by the kinds of PDF and build, and
// gives the command that prints it again, with --source, --council and
// --draft as that PDF needs.
func TestDroppedPDF(t *testing.T) {
	for _, tt := range []struct {
		f, source, council string
		draft, byPDF       bool
		want               string
	}{
		{"raa/output/fenmoor/f-2024-25.pdf", "raa", "fenmoor", false, true,
			"removed raa/output/fenmoor/f-2024-25.pdf: the report has changed since an earlier pdf run printed it; run adoptionreport pdf --source raa --council fenmoor to print it again\n"},
		{"raa/output/fenmoor/f-2024-25.pdf", "raa", "fenmoor", true, true,
			"removed raa/output/fenmoor/f-2024-25.pdf: a draft build replaces the published site, and its PDF with it; run adoptionreport pdf --source raa --council fenmoor to publish both again\n"},
		{"output/f-2024-25-draft.pdf", ".", "", false, false,
			"removed output/f-2024-25-draft.pdf, a draft's PDF, with the draft it was printed from: run adoptionreport pdf --draft to print the draft again\n"},
		{"output/f-2024-25.pdf", ".", "", false, false,
			"removed output/f-2024-25.pdf, printed by an earlier pdf run, and the links to it: build writes no PDF; run adoptionreport pdf to print it and link it again\n"},
	} {
		var b bytes.Buffer
		droppedPDF(&b, tt.f, tt.source, tt.council, tt.draft, tt.byPDF)
		if b.String() != tt.want {
			t.Errorf("droppedPDF(%q, draft %v, by pdf %v) =\n%s\nwant\n%s", tt.f, tt.draft, tt.byPDF, b.String(), tt.want)
		}
	}
}
