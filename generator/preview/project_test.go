package preview

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// repoRoot is the repository, itself a sample report project, seen from
// this package's folder.
const repoRoot = "../.."

// minimalProject is a small valid project, used when the repository's
// sample is not there to copy.
var minimalProject = map[string]string{
	"config.toml": `title = "Annual Adoption Report 2024-25"
council = "Example Borough Council"
raa = "Example Regional Adoption Agency"
report_year = "2024-25"
`,
	"data/children.csv": `child_id,sex,date_of_birth,ethnicity,entered_care,should_be_placed,placement_order,matched,placed_for_adoption,adoption_order
C001,female,2021-05-01,WBRI,2022-01-10,2022-06-01,2022-09-01,2023-01-15,2023-02-01,2023-08-01
C002,male,2022-02-11,MWBC,2022-08-20,2023-01-05,2023-03-01,2023-09-12,2023-10-02,2024-06-10
`,
	"data/adopters.csv": `household_id,registration_of_interest,stage1_started,stage1_completed,stage2_started,approved
H001,2023-04-03,2023-04-10,2023-06-01,2023-06-05,2023-10-01
`,
	"data/budget.csv": `year,line,budget,actual
2024-25,Interagency fees,100000,120000
`,
	"content/introduction.md": `+++
title = "Introduction"
weight = 1
+++

This is the introduction.
`,
}

// newProject makes a report project in a temporary folder: a copy of the
// repository's sample if it has one, else minimalProject.
func newProject(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	if sampleExists() {
		for _, name := range []string{"config.toml", "content", "data", "themes", "layouts"} {
			if err := copyTree(filepath.Join(repoRoot, name), filepath.Join(dir, name)); err != nil && !os.IsNotExist(err) {
				tb.Fatal(err)
			}
		}
		return dir
	}
	for name, body := range minimalProject {
		write(tb, filepath.Join(dir, filepath.FromSlash(name)), body)
	}
	return dir
}

func sampleExists() bool {
	for _, name := range []string{"config.toml", "content", "data"} {
		if _, err := os.Stat(filepath.Join(repoRoot, name)); err != nil {
			return false
		}
	}
	return true
}

// copyTree copies a file or folder, leaving out hidden files.
func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, p)
		if err != nil {
			return err
		}
		if rel != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
}

var titleLine = regexp.MustCompile(`(?m)^title\s*=.*$`)

// setTitle rewrites the report title in config.toml.
func setTitle(t *testing.T, dir, title string) {
	t.Helper()
	path := filepath.Join(dir, "config.toml")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	loc := titleLine.FindIndex(b)
	if loc == nil {
		t.Fatalf("%s has no title line", path)
	}
	out := slices.Concat(b[:loc[0]], []byte(fmt.Sprintf("title = %q", title)), b[loc[1]:])
	write(t, path, string(out))
}

// TestLiveEdit runs the real build through the watcher: an edit to the
// title shows; an unknown setting shows the panel, with its position,
// over the last good page; the fix removes the panel.
func TestLiveEdit(t *testing.T) {
	dir := newProject(t)
	_, base, log := serveProject(t, dir)
	first := poll(t, base+"/", func(status int, _ string) bool { return status != 503 })
	if strings.Contains(first, panelID) {
		t.Fatalf("the project does not build:\n%s", log)
	}
	if !strings.Contains(first, "DRAFT") {
		t.Errorf("the preview is not marked DRAFT:\n%s", first)
	}

	setTitle(t, dir, "Preview title one")
	poll(t, base+"/", contains("Preview title one"))

	// An unknown setting on line 1, where it is a top-level key whatever
	// tables the file has.
	cfg := filepath.Join(dir, "config.toml")
	good, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	write(t, cfg, "reprot_year = \"2024-25\"\n"+string(good))
	body := poll(t, base+"/", contains(panelID))
	for _, want := range []string{"config.toml:1:", "reprot_year", "Preview title one"} {
		if !strings.Contains(body, want) {
			t.Errorf("after a broken edit the page does not contain %q:\n%s", want, body)
		}
	}
	if !strings.Contains(log.String(), "config.toml:1:") {
		t.Errorf("the log does not show the problem:\n%s", log)
	}

	write(t, cfg, string(good))
	setTitle(t, dir, "Preview title two")
	body = poll(t, base+"/", contains("Preview title two"))
	if strings.Contains(body, panelID) {
		t.Errorf("the panel stayed after the fix:\n%s", body)
	}
	if _, err := os.Stat(filepath.Join(dir, "output", "index.html")); err == nil {
		t.Error("the preview wrote to the project's output folder")
	}
}

// TestBadDate: a broken CSV cell shows with its spreadsheet position.
func TestBadDate(t *testing.T) {
	dir := newProject(t)
	s, err := New(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	if out := rebuild(t, s); out.Failed() {
		t.Fatalf("the project does not build:\n%s", out.Problems.Error())
	}
	t.Cleanup(func() { s.Close() })
	path := filepath.Join(dir, "data", "children.csv")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	header := strings.Split(strings.TrimSpace(lines[0]), ",")
	col := slices.IndexFunc(header, func(h string) bool { return strings.EqualFold(strings.TrimSpace(h), "date_of_birth") })
	if col < 0 || len(lines) < 2 {
		t.Fatalf("%s has no date_of_birth column or no rows", path)
	}
	cells := strings.Split(lines[1], ",")
	cells[col] = "31/02/2020"
	lines[1] = strings.Join(cells, ",")
	write(t, path, strings.Join(lines, "\n"))

	out := rebuild(t, s)
	want := fmt.Sprintf("data/children.csv:2:%d:", col+1)
	if !out.Failed() || !strings.Contains(out.Problems.Error(), want) {
		t.Fatalf("problems do not include %s:\n%s", want, out.Problems.Error())
	}
	body := get(t, s.Handler(), "/").Body.String()
	if !strings.Contains(body, want) || !strings.Contains(body, "31/02/2020") {
		t.Errorf("the page's panel does not show %s:\n%s", want, body)
	}
}

// BenchmarkEditToRebuild measures the time from saving a content file to
// the rebuilt site being served. "direct" starts the rebuild as soon as
// the file is written, told which file changed as the watcher would, so
// the data and figures are kept; "full" is the same edit rebuilt with
// everything read again (Rebuild); "watched" goes through the watcher,
// so it includes the debounce, which is reported again with it taken
// off.
func BenchmarkEditToRebuild(b *testing.B) {
	dir := newProject(b)
	pages, _ := filepath.Glob(filepath.Join(dir, "content", "*.md"))
	if len(pages) == 0 {
		b.Fatal("the project has no content/*.md")
	}
	sort.Strings(pages)
	original, err := os.ReadFile(pages[0])
	if err != nil {
		b.Fatal(err)
	}
	edit := func(i int) {
		write(b, pages[0], fmt.Sprintf("%s\nEdit number %d.\n", original, i))
	}
	newServer := func(b *testing.B) *Server {
		s, err := New(Options{Source: dir})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		return s
	}

	rel := "content/" + filepath.Base(pages[0])
	for _, run := range []struct {
		name    string
		changed []string // nil: not known, so everything is read again
	}{{"direct", []string{rel}}, {"full", nil}} {
		b.Run(run.name, func(b *testing.B) {
			s := newServer(b)
			if out := rebuild(b, s); out.Failed() {
				b.Fatalf("first build: %v", out.Problems)
			}
			var times []time.Duration
			for i := 0; b.Loop(); i++ {
				start := time.Now()
				edit(i)
				out, err := s.rebuild(context.Background(), run.changed)
				if err != nil || out.Failed() {
					b.Fatalf("rebuild: %v %v", err, out.Problems)
				}
				times = append(times, time.Since(start))
			}
			b.ReportMetric(ms(median(times)), "median-ms")
		})
	}

	b.Run("watched", func(b *testing.B) {
		s := newServer(b)
		done := make(chan Outcome, 16)
		s.afterRebuild = func(o Outcome) { done <- o }
		watch(b, s)
		var times []time.Duration
		for i := 0; b.Loop(); i++ {
			start := time.Now()
			edit(i)
			if out := <-done; out.Failed() {
				b.Fatalf("rebuild: %v", out.Problems)
			}
			times = append(times, time.Since(start))
		}
		m := median(times)
		b.ReportMetric(ms(m), "median-ms")
		b.ReportMetric(ms(m-s.debounce), "median-ms-after-debounce")
	})
}

func median(d []time.Duration) time.Duration {
	if len(d) == 0 {
		return 0
	}
	slices.Sort(d)
	return d[len(d)/2]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// TestPageEditKeepsData: after the first build, an edit to a page
// rebuilds without reading the CSVs again. children.csv is overwritten
// with garbage of the same size and modification time, so only reading
// it could tell: the page edit still builds and shows, and the data is
// read once. Told that the data changed, the rebuild reads it and fails
// on the garbage; through the watcher, a page edit keeps the data and a
// data file edit reads it again.
func TestPageEditKeepsData(t *testing.T) {
	dir := newProject(t)
	s, err := New(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	first := rebuild(t, s)
	if first.Failed() {
		t.Fatalf("first build: %v", first.Problems)
	}
	if n := s.cache.Loads(); n != 1 {
		t.Fatalf("the first build read the data %d times, want 1", n)
	}

	csv := filepath.Join(dir, "data", "children.csv")
	info, err := os.Stat(csv)
	if err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(csv)
	write(t, csv, strings.Repeat("x", int(info.Size())))
	if err := os.Chtimes(csv, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}

	pages, _ := filepath.Glob(filepath.Join(dir, "content", "*.md"))
	sort.Strings(pages)
	original, _ := os.ReadFile(pages[0])
	rel := "content/" + filepath.Base(pages[0])
	write(t, pages[0], string(original)+"\nA sentence added in the preview.\n")
	out, err := s.rebuild(ctx, []string{rel})
	if err != nil || out.Failed() {
		t.Fatalf("the page edit's rebuild read the broken CSV: %v %s", err, out.Problems.Summary())
	}
	if n := s.cache.Loads(); n != 1 {
		t.Errorf("after a page edit the data has been read %d times, want 1", n)
	}
	// The data's warnings are still shown, though it was not read again.
	if got, want := out.Problems.Error(), first.Problems.Error(); got != want {
		t.Errorf("after a page edit the problems are\n%s\nwant the first build's\n%s", got, want)
	}
	found := false
	for _, name := range []string{"index.html", "print.html"} {
		if strings.Contains(get(t, s.Handler(), "/"+name).Body.String(), "A sentence added in the preview.") {
			found = true
		}
	}
	if !found {
		t.Errorf("the edit to %s is not on the rebuilt pages", rel)
	}

	out, err = s.rebuild(ctx, []string{"data/children.csv"})
	if err != nil || !out.Failed() || !strings.Contains(out.Problems.Error(), "data/children.csv") {
		t.Errorf("told children.csv changed, the rebuild did not read it: %v\n%s", err, out.Problems.Error())
	}
	if n := s.cache.Loads(); n != 2 {
		t.Errorf("after a data edit the data has been read %d times, want 2", n)
	}

	// Through the watcher.
	write(t, csv, string(good))
	if out := rebuild(t, s); out.Failed() {
		t.Fatalf("rebuild with the data restored: %v", out.Problems)
	}
	done := make(chan Outcome, 16)
	s.afterRebuild = func(o Outcome) { done <- o }
	watch(t, s)
	next := func(what string) {
		t.Helper()
		select {
		case o := <-done:
			if o.Failed() {
				t.Fatalf("%s: %v", what, o.Problems)
			}
		case <-time.After(waitFor):
			t.Fatalf("%s: no rebuild", what)
		}
	}
	loads := s.cache.Loads()
	write(t, pages[0], string(original)+"\nAnother sentence.\n")
	next("page edit")
	if n := s.cache.Loads(); n != loads {
		t.Errorf("a watched page edit read the data again (%d reads, was %d)", n, loads)
	}
	write(t, csv, string(good)+"\n")
	next("data edit")
	if n := s.cache.Loads(); n != loads+1 {
		t.Errorf("a watched data edit: %d reads of the data, want %d", n, loads+1)
	}
}
