package generator

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/period"
	"github.com/adoptionreport/adoptionreport/generator/scaffold"
)

// newProject scaffolds a project in a temporary folder.
func newProject(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "report")
	if err := scaffold.New(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestScaffoldBuilds(t *testing.T) {
	dir := newProject(t)
	res, err := Build(context.Background(), Options{Source: dir})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Error())
	}
	if res.Problems.HasErrors() || len(res.Problems) > 0 {
		t.Errorf("the scaffold should build with no problems:\n%s", res.Problems.Error())
	}
	for _, name := range []string{"index.html", "children.html", "data/indicators.json"} {
		if _, err := os.Stat(filepath.Join(dir, "output", name)); err != nil {
			t.Errorf("missing output/%s", name)
		}
	}
}

// snapshot reads every file under dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			m[p] = string(b)
		}
		return err
	})
	return m
}

// A broken config, CSV or front matter fails the build with its location
// and leaves the previous output exactly as it was.
func TestBrokenProjectLeavesOutput(t *testing.T) {
	tests := []struct {
		name, file, find, replace, want string
	}{
		{"config unknown key", "config.toml", "report_year", "reprot_year", "config.toml:"},
		{"csv bad date", "data/children.csv", "2022-05-03", "31/02/2024", "data/children.csv:2:"},
		{"front matter unknown key", "content/summary.md", "weight = 10", "wieght = 10", "content/summary.md:"},
		{"csv unterminated quote", "data/budget.csv", "2023-24,Staffing", "2023-24,\"Staffing", "data/budget.csv:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newProject(t)
			if _, err := Build(context.Background(), Options{Source: dir}); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, filepath.Join(dir, "output"))
			p := filepath.Join(dir, tt.file)
			b, _ := os.ReadFile(p)
			if !strings.Contains(string(b), tt.find) {
				t.Fatalf("%s has no %q", tt.file, tt.find)
			}
			os.WriteFile(p, []byte(strings.Replace(string(b), tt.find, tt.replace, 1)), 0o644)

			res, err := Build(context.Background(), Options{Source: dir})
			if !errors.Is(err, ErrProblems) {
				t.Fatalf("err = %v, want ErrProblems", err)
			}
			if !strings.Contains(res.Problems.Error(), tt.want) {
				t.Errorf("problems %q do not name %q", res.Problems.Error(), tt.want)
			}
			after := snapshot(t, filepath.Join(dir, "output"))
			if len(after) != len(before) {
				t.Fatalf("output changed: %d files before, %d after", len(before), len(after))
			}
			for k, v := range before {
				if after[k] != v {
					t.Errorf("output file %s changed", k)
				}
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".output") {
					t.Errorf("left a temporary folder %s", e.Name())
				}
			}
		})
	}
}

func TestOutputMayNotHoldTheProject(t *testing.T) {
	dir := newProject(t)
	for _, out := range []string{dir, filepath.Dir(dir)} {
		if _, err := Build(context.Background(), Options{Source: dir, Output: out}); err == nil {
			t.Errorf("building into %s should be refused", out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "config.toml")); err != nil {
		t.Fatal("the project was damaged")
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	dir := newProject(t)
	var runs []map[string]string
	for i := range 2 {
		out := filepath.Join(t.TempDir(), "out")
		if _, err := Build(context.Background(), Options{Source: dir, Output: out}); err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		m := map[string]string{}
		for k, v := range snapshot(t, out) {
			rel, _ := filepath.Rel(out, k)
			m[rel] = v
		}
		runs = append(runs, m)
	}
	if len(runs[0]) != len(runs[1]) {
		t.Fatalf("file counts differ")
	}
	for k, v := range runs[0] {
		if runs[1][k] != v {
			t.Errorf("%s differs between two builds", k)
		}
	}
}

// A wrong --output never costs the officer a file: not the project's own
// folders, even empty or new ones inside them, and not a folder of other
// files. The message says why and what to do instead.
func TestOutputIsRefusedUnlessABuildWroteIt(t *testing.T) {
	dir := newProject(t)
	home := t.TempDir()
	os.WriteFile(filepath.Join(home, "letter.docx"), []byte("mine"), 0o644)
	before := snapshot(t, filepath.Dir(dir))
	for _, tt := range []struct{ out, want string }{
		{filepath.Join(dir, "data"), "inside the project's"},
		{filepath.Join(dir, "content"), "inside the project's"},
		{filepath.Join(dir, "data", "site"), "inside the project's"},
		{filepath.Join(dir, "themes"), "inside the project's"},
		{home, "letter.docx"},
		{filepath.Join(dir, "data", "children.csv"), "inside the project's"},
		{filepath.Join(dir, "config.toml"), "is a file"},
	} {
		_, err := Build(context.Background(), Options{Source: dir, Output: tt.out})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("--output %s: err = %v, want one saying %q", tt.out, err, tt.want)
		}
	}
	if after := snapshot(t, filepath.Dir(dir)); len(after) != len(before) {
		t.Errorf("refused builds changed the files: %d before, %d after", len(before), len(after))
	}
	if b, _ := os.ReadFile(filepath.Join(home, "letter.docx")); string(b) != "mine" {
		t.Error("the officer's own file was changed")
	}
	// A new folder anywhere else is fine, and so is rebuilding into it.
	out := filepath.Join(home, "site")
	for range 2 {
		if _, err := Build(context.Background(), Options{Source: dir, Output: out}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCheckPDFOutput(t *testing.T) {
	dir := newProject(t)
	pdfFile := filepath.Join(dir, "old.pdf")
	os.WriteFile(pdfFile, []byte("%PDF-1.7\n..."), 0o644)
	for _, tt := range []struct{ out, want string }{
		{filepath.Join(dir, "data", "children.csv"), "inside the project's"},
		{filepath.Join(dir, "content", "report.pdf"), "inside the project's"},
		{filepath.Join(dir, "config.toml"), "is not a PDF"},
		{filepath.Join(dir, "output"), "is a folder"},
		{filepath.Join(dir, "output", "report.pdf"), "inside the output folder"},
		{pdfFile, ""},
		{filepath.Join(dir, "report.pdf"), ""},
	} {
		os.MkdirAll(filepath.Join(dir, "output"), 0o755)
		err := CheckPDFOutput(dir, tt.out)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v, want it allowed", tt.out, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: err = %v, want one saying %q", tt.out, err, tt.want)
		}
	}
}

// check (publish) checks draft pages too, marking their problems, while a
// publish build leaves them out and succeeds.
func TestCheckIncludesDraftPages(t *testing.T) {
	dir := newProject(t)
	os.WriteFile(filepath.Join(dir, "content", "panel-notes.md"),
		[]byte("+++\ntitle = \"Panel notes\"\ndraft = true\n+++\n\nWaited {{< metric a99 >}} on average.\n"), 0o644)
	probs, err := Check(context.Background(), dir, false)
	if !errors.Is(err, ErrProblems) {
		t.Fatalf("check: err = %v, want ErrProblems\n%s", err, probs.Error())
	}
	if got := probs.Error(); !strings.Contains(got, "content/panel-notes.md:6:") || !strings.Contains(got, "(draft page)") {
		t.Errorf("check should report the draft page's unknown metric, marked as a draft's:\n%s", got)
	}
	if _, err := Build(context.Background(), Options{Source: dir}); err != nil {
		t.Errorf("a publish build leaves the draft out and should succeed: %v", err)
	}
}

// A cancelled build stops before reading the data, and says so.
func TestLoadHonoursCancel(t *testing.T) {
	dir := newProject(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if p, _ := Load(ctx, dir); p != nil {
		t.Error("Load read the project after its context was cancelled")
	}
	if _, err := Build(ctx, Options{Source: dir}); !errors.Is(err, context.Canceled) {
		t.Errorf("Build: err = %v, want context.Canceled", err)
	}
}

// One round of check finds every mistake: a page's front-matter error
// hides neither its own unknown IDs nor another page's, and a shortcode
// mistake is reported once although the text is scanned twice.
func TestCheckFindsEveryPagesMistakesAtOnce(t *testing.T) {
	dir := newProject(t)
	os.WriteFile(filepath.Join(dir, "content", "panel.md"),
		[]byte("+++\ntitle = \"Panel\"\nweight = \"forty\"\n+++\n\nWaited {{< metric a99 >}}; {{< metric a1 }}.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "content", "finance.md"),
		[]byte("+++\ntitle = \"Finance\"\n+++\n\nSpent {{< metric budgit >}}.\n"), 0o644)
	for _, draft := range []bool{false, true} {
		probs, err := Check(context.Background(), dir, draft)
		if !errors.Is(err, ErrProblems) {
			t.Fatalf("check: err = %v, want ErrProblems", err)
		}
		got := probs.Error()
		for _, want := range []string{
			"content/panel.md:3:", `"forty"`, // the front matter
			"content/panel.md:6:8", "a99", // its unknown ID
			"content/panel.md:6:", "}}", // its broken shortcode
			"content/finance.md:5:7", "budgit", // the other page's unknown ID
		} {
			if !strings.Contains(got, want) {
				t.Errorf("draft=%v: check should report %q:\n%s", draft, want, got)
			}
		}
		if n := strings.Count(got, "a99"); n != 1 {
			t.Errorf("draft=%v: the unknown ID a99 is reported %d times:\n%s", draft, n, got)
		}
		if e, _ := probs.Count(); e != 4 {
			t.Errorf("draft=%v: %d errors, want 4:\n%s", draft, e, got)
		}
	}
	if _, err := Build(context.Background(), Options{Source: dir}); !errors.Is(err, ErrProblems) {
		t.Errorf("build: err = %v, want ErrProblems", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "output")); err == nil {
		t.Error("a build with errors wrote output/")
	}
}

// A report year that has not started builds, with one warning saying so:
// its figures would all be empty.
func TestFutureReportYearWarns(t *testing.T) {
	dir := newProject(t)
	cfgFile := filepath.Join(dir, "config.toml")
	b, _ := os.ReadFile(cfgFile)
	next := period.Year(time.Now().Year() + 1)
	cfg := regexp.MustCompile(`report_year = "[^"]*"`).ReplaceAll(b, []byte(`report_year = "`+strings.Replace(next.String(), "-", "/", 1)+`"`))
	// The dates of publication are checked against the year: leave them out.
	cfg = regexp.MustCompile(`(?m)^(published|data_extracted) +=.*$`).ReplaceAll(cfg, nil)
	os.WriteFile(cfgFile, cfg, 0o644)
	p, probs := Load(context.Background(), dir)
	if p == nil || p.Config.Year != next {
		t.Fatalf("report_year %s (written with /) not read:\n%s", next, probs.Error())
	}
	if want := "config.toml: report_year: " + next.String() + " has not started yet"; !strings.Contains(probs.Error(), want) {
		t.Errorf("no warning %q:\n%s", want, probs.Error())
	}
}
