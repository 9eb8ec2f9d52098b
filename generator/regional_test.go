package generator

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/pdf"
	"github.com/adoptionreport/adoptionreport/generator/problem"
	"github.com/adoptionreport/adoptionreport/generator/scaffold"
	"github.com/adoptionreport/adoptionreport/internal/browsertest"
)

// regionalProject writes a regional edition made from the sample: its
// children dealt to the councils in turn (every n-th row to the n-th),
// its budget lines given to every council, with amounts scaled so that
// councils differ. It returns the project folder.
func regionalProject(t *testing.T, codes []string, extra string) string {
	t.Helper()
	dir := t.TempDir()
	cfg, err := os.ReadFile("../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(cfg), `council     = "Northmoor Borough Council"`+"\n", "", 1)
	for _, c := range codes {
		text += fmt.Sprintf("\n[[councils]]\ncode = %q\nname = %q\n", c, councilName(c))
	}
	text += extra
	writeFile(t, filepath.Join(dir, "config.toml"), text)
	children := readCSV(t, "../data/children.csv")
	budget := readCSV(t, "../data/budget.csv")
	out := [][]string{append([]string{"la"}, children[0]...)}
	for i, row := range children[1:] {
		out = append(out, append([]string{codes[i%len(codes)]}, row...))
	}
	writeCSV(t, filepath.Join(dir, "data", "children.csv"), out)
	out = [][]string{append([]string{"la"}, budget[0]...)}
	for _, c := range codes {
		for _, row := range budget[1:] {
			out = append(out, append([]string{c}, row...))
		}
	}
	writeCSV(t, filepath.Join(dir, "data", "budget.csv"), out)
	for _, f := range []string{"data/adopters.csv", "data/comparators.csv"} {
		b, err := os.ReadFile(filepath.Join("..", f))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, f), string(b))
	}
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../content")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func councilName(code string) string {
	return strings.ToUpper(code[:1]) + code[1:] + " Borough Council"
}

// oneCouncil writes the one-council project of council code of the
// regional project dir: the same settings with the council's name, its
// rows alone, and its own pages in place of the shared ones.
func oneCouncil(t *testing.T, dir, code string) string {
	t.Helper()
	one := t.TempDir()
	cfg, _ := os.ReadFile(filepath.Join(dir, "config.toml"))
	text, _, _ := strings.Cut(string(cfg), "\n[[councils]]")
	text = fmt.Sprintf("council = %q\n", councilName(code)) + text
	writeFile(t, filepath.Join(one, "config.toml"), text)
	for _, f := range []string{"children.csv", "budget.csv"} {
		rows := readCSV(t, filepath.Join(dir, "data", f))
		keep := rows[:1]
		for _, r := range rows[1:] {
			if strings.EqualFold(r[0], code) {
				keep = append(keep, r)
			}
		}
		writeCSV(t, filepath.Join(one, "data", f), keep)
	}
	for _, f := range []string{"adopters.csv", "comparators.csv"} {
		b, _ := os.ReadFile(filepath.Join(dir, "data", f))
		writeFile(t, filepath.Join(one, "data", f), string(b))
	}
	shared, _ := filepath.Glob(filepath.Join(dir, "content", "*.md"))
	for _, f := range shared {
		b, _ := os.ReadFile(f)
		writeFile(t, filepath.Join(one, "content", filepath.Base(f)), string(b))
	}
	folders, _ := os.ReadDir(filepath.Join(dir, "content"))
	var own []string
	for _, f := range folders {
		if f.IsDir() && strings.EqualFold(f.Name(), code) {
			own, _ = filepath.Glob(filepath.Join(dir, "content", f.Name(), "*.md"))
		}
	}
	for _, f := range own {
		b, _ := os.ReadFile(f)
		writeFile(t, filepath.Join(one, "content", filepath.Base(f)), string(b))
	}
	return one
}

func writeFile(t testing.TB, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readCSV(t testing.TB, name string) [][]string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func writeCSV(t testing.TB, name string, rows [][]string) {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(rows)
	writeFile(t, name, b.String())
}

// files reads every file under dir, by its path from dir.
func siteFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Each council's report of a regional build is byte for byte what a
// one-council project with that council's rows and pages builds,
// indicators.json and the CSVs included, in a publish and a draft build;
// a council's own page replaces the shared page of its name.
func TestRegionalReportsAreOneCouncilReports(t *testing.T) {
	codes := []string{"fenmoor", "marshby", "eastholme"}
	dir := regionalProject(t, codes, "")
	// Codes match whatever their capitals: a case system's "Fenmoor" in
	// the la column, and a folder content/Marshby/.
	rows := readCSV(t, filepath.Join(dir, "data", "children.csv"))
	for i, r := range rows[1:] {
		switch {
		case r[0] == "fenmoor" && i%2 == 0:
			r[0] = "Fenmoor"
		case r[0] == "eastholme" && i%3 == 0:
			r[0] = "EASTHOLME"
		}
	}
	writeCSV(t, filepath.Join(dir, "data", "children.csv"), rows)
	budget := readCSV(t, filepath.Join(dir, "data", "budget.csv"))
	budget[1][0] = strings.ToUpper(budget[1][0])
	writeCSV(t, filepath.Join(dir, "data", "budget.csv"), budget)
	writeFile(t, filepath.Join(dir, "content", "Marshby", "introduction.md"),
		"+++\ntitle = \"Introduction\"\nweight = 1\n+++\nMarshby's own introduction: {{< metric adopted 2024-25 >}} children adopted.\n")
	for _, draft := range []bool{false, true} {
		out := filepath.Join(t.TempDir(), "site")
		res, err := Build(context.Background(), Options{Source: dir, Output: out, Draft: draft})
		if err != nil {
			t.Fatalf("regional build: %v\n%s", err, res.Problems.Error())
		}
		all := siteFiles(t, out)
		for _, code := range codes {
			one := oneCouncil(t, dir, code)
			oneOut := filepath.Join(t.TempDir(), "site")
			res, err := Build(context.Background(), Options{Source: one, Output: oneOut, Draft: draft})
			if err != nil {
				t.Fatalf("%s alone: %v\n%s", code, err, res.Problems.Error())
			}
			want := siteFiles(t, oneOut)
			// The marker of a folder the tool writes is the whole output's.
			delete(want, ".adoptionreport-output")
			if _, ok := want["data/indicators.json"]; !ok {
				t.Fatalf("%s alone wrote no indicators.json", code)
			}
			var got []string
			for name := range all {
				if rest, ok := strings.CutPrefix(name, code+"/"); ok {
					got = append(got, rest)
				}
			}
			if len(got) != len(want) {
				t.Errorf("draft %t: %s has %d files, its one-council project %d", draft, code, len(got), len(want))
			}
			for name, w := range want {
				if !bytes.Equal(all[code+"/"+name], w) {
					t.Errorf("draft %t: %s/%s differs from the one-council project's", draft, code, name)
				}
			}
		}
		intro := string(all["marshby/introduction.html"])
		if !strings.Contains(intro, "Marshby&rsquo;s own introduction") && !strings.Contains(intro, "Marshby’s own introduction") {
			t.Errorf("marshby's own introduction is not its introduction page")
		}
		if strings.Contains(string(all["fenmoor/introduction.html"]), "own introduction") {
			t.Errorf("marshby's own page reached fenmoor's report")
		}
		if !slices.ContainsFunc(codes, func(c string) bool { return bytes.Contains(all[c+"/index.html"], []byte(councilName(c))) }) {
			t.Errorf("no council's report names its council")
		}
	}
}

// Each mistake of a regional edition is an error at its place, naming
// the councils' codes, and nothing is built.
func TestRegionalBadInput(t *testing.T) {
	codes := []string{"fenmoor", "marshby"}
	dir := regionalProject(t, codes, "\n[[councils]]\ncode = \"eastholme\"\nname = \"Eastholme\"\n")
	rows := readCSV(t, filepath.Join(dir, "data", "children.csv"))
	rows[3][0] = "marshbey"
	rows[4][0] = ""
	writeCSV(t, filepath.Join(dir, "data", "children.csv"), rows)
	budget := readCSV(t, filepath.Join(dir, "data", "budget.csv"))
	budget[2][0] = "westholme"
	writeCSV(t, filepath.Join(dir, "data", "budget.csv"), budget)
	writeFile(t, filepath.Join(dir, "content", "fenmor", "summary.md"), "+++\ntitle = \"Summary\"\n+++\nText.\n")
	cfg, _ := os.ReadFile(filepath.Join(dir, "config.toml"))
	lines := strings.Split(string(cfg), "\n")
	lineOf := func(text string, nth int) int {
		for i, l := range lines {
			if l == text {
				if nth--; nth == 0 {
					return i + 1
				}
			}
		}
		t.Fatalf("no line %q", text)
		return 0
	}
	out := filepath.Join(t.TempDir(), "site")
	res, err := Build(context.Background(), Options{Source: dir, Output: out})
	if err != ErrProblems {
		t.Fatalf("got %v, want the project's errors", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("a site was written despite the errors")
	}
	want := []string{
		`data/children.csv:4:1: la: "marshbey" is not the code of a council in config.toml (did you mean "marshby"?): write one of the codes fenmoor, marshby and eastholme, or add the council under [[councils]]`,
		`data/children.csv:5:1: la: is blank: in a regional edition every row names its council's code, one of the codes fenmoor, marshby and eastholme`,
		`data/budget.csv:3:1: la: "westholme" is not the code of a council in config.toml (did you mean "eastholme"?): write one of the codes fenmoor, marshby and eastholme, or add the council under [[councils]]`,
		fmt.Sprintf(`config.toml:%d:1: councils.code: council "eastholme" (Eastholme) has no rows in data/children.csv: give its children the la value "eastholme", or remove its [[councils]] entry (the codes are fenmoor, marshby, eastholme)`, lineOf(`code = "eastholme"`, 1)),
		`content/fenmor/summary.md: is in the folder content/fenmor, but "fenmor" is not the code of a council in config.toml (did you mean "fenmoor"?): a council's own pages go in content/<code>/, with code one of fenmoor, marshby, eastholme`,
	}
	got := res.Problems.Error()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("no problem\n  %s\nin\n%s", w, got)
		}
	}
}

// A council's [[councils]] entry deleted, its rows kept: one error in
// each file, at the council's first row, counting its rows, not one error
// a row.
func TestRegionalCouncilRemoved(t *testing.T) {
	dir := regionalProject(t, []string{"fenmoor", "marshby", "eastholme"}, "")
	cfgFile := filepath.Join(dir, "config.toml")
	cfg, _ := os.ReadFile(cfgFile)
	entry := "\n[[councils]]\ncode = \"eastholme\"\nname = \"" + councilName("eastholme") + "\"\n"
	if !bytes.Contains(cfg, []byte(entry)) {
		t.Fatalf("no eastholme entry in\n%s", cfg)
	}
	writeFile(t, cfgFile, strings.Replace(string(cfg), entry, "", 1))
	res, err := Build(context.Background(), Options{Source: dir, Output: filepath.Join(t.TempDir(), "site")})
	if err != ErrProblems {
		t.Fatalf("got %v, want the project's errors", err)
	}
	var got []string
	for _, p := range res.Problems {
		if p.Field == "la" {
			got = append(got, p.String())
		}
	}
	// eastholme's rows: every third child from spreadsheet row 4 on, and
	// the last third of the budget lines.
	var want []string
	for _, f := range []string{"children", "budget"} {
		name := "data/" + f + ".csv"
		var rows []int
		for i, r := range readCSV(t, filepath.Join(dir, name)) {
			if r[0] == "eastholme" {
				rows = append(rows, i+1)
			}
		}
		if len(rows) < 2 {
			t.Fatalf("%s: %d eastholme rows, want several", name, len(rows))
		}
		want = append(want, fmt.Sprintf(`%s:%d:1: la: "eastholme" is not the code of a council in config.toml; it is the la of %d rows, from this one down to %s:%d:1: write one of the codes fenmoor and marshby in each, or add the council under [[councils]]`,
			name, rows[0], len(rows), name, rows[len(rows)-1]))
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// Two councils with one code, or with codes that differ only in their
// capitals: an error at the second code's line, naming the first's code
// line and listing the codes; a config error stops the build before the
// data is read.
func TestRegionalDuplicateCode(t *testing.T) {
	for _, second := range []string{"fenmoor", "FenMoor"} {
		dir := regionalProject(t, []string{"fenmoor", "marshby"}, "\n[[councils]]\nname = \"Second Fenmoor\"\ncode = \""+second+"\"\n")
		cfg, _ := os.ReadFile(filepath.Join(dir, "config.toml"))
		var codeLines []int
		for i, l := range strings.Split(string(cfg), "\n") {
			if strings.EqualFold(l, `code = "fenmoor"`) {
				codeLines = append(codeLines, i+1)
			}
		}
		res, err := Build(context.Background(), Options{Source: dir, Output: filepath.Join(t.TempDir(), "site")})
		if err != ErrProblems {
			t.Fatalf("got %v, want the project's errors", err)
		}
		same := "is already"
		if second != "fenmoor" {
			same = `differs only in its capitals from "fenmoor",`
		}
		want := fmt.Sprintf(`config.toml:%d:1: councils.code: %q %s the code of council 1 (Fenmoor Borough Council, line %d): codes match whatever their capitals, and two councils cannot share one; give each its own (the codes are fenmoor, marshby)`,
			codeLines[1], second, same, codeLines[0])
		if got := res.Problems.Error(); !strings.Contains(got, want) {
			t.Errorf("no problem\n  %s\nin\n%s", want, got)
		}
	}
}

// A one-council project may keep an la column, and [[councils]] is
// optional: without it la is a note, as before regional editions.
func TestOneCouncilIgnoresLA(t *testing.T) {
	dir := regionalProject(t, []string{"fenmoor"}, "")
	one := oneCouncil(t, dir, "fenmoor")
	rows := readCSV(t, filepath.Join(one, "data", "children.csv"))
	rows[1][0] = "anything"
	writeCSV(t, filepath.Join(one, "data", "children.csv"), rows)
	if res, err := Build(context.Background(), Options{Source: one, Output: filepath.Join(t.TempDir(), "site")}); err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
}

// The RAA's overview opens in Chromium with every chart drawn, no
// console error or CSP violation, no axe WCAG 2.2 A/AA violation, and is
// valid HTML; it links to every council's report.
func TestRegionalOverviewInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	browsertest.Chrome(t)
	browsertest.AxeSource(t)
	codes := []string{"fenmoor", "marshby", "eastholme"}
	dir := regionalProject(t, codes, "")
	// With one council's PDF printed, so that its link is checked too.
	printed := filepath.Join(t.TempDir(), "marshby.pdf")
	writeFile(t, printed, "%PDF-1.7\n")
	for _, draft := range []bool{false, true} {
		out := filepath.Join(t.TempDir(), "site")
		pdfs := map[string]PDF{"marshby": {Path: printed, Pages: 3}}
		if res, err := Build(context.Background(), Options{Source: dir, Output: out, Draft: draft, CouncilPDFs: pdfs}); err != nil {
			t.Fatalf("%v\n%s", err, res.Problems.Error())
		}
		page := filepath.Join(out, "index.html")
		html, _ := os.ReadFile(page)
		for _, c := range codes {
			if !strings.Contains(string(html), `href="`+c+`/index.html"`) {
				t.Errorf("the overview does not link to %s's report", c)
			}
		}
		want := len(chartCanvas.FindAll(html, -1))
		if want != 6 {
			t.Errorf("the overview has %d charts, want 6", want)
		}
		base := browsertest.Serve(t, out)
		ctx := browsertest.NewBrowser(t)
		r := browsertest.CheckPage(t, ctx, base+"/index.html", browsertest.CheckOptions{WaitCharts: true, ChartSelector: ".chart-canvas svg"})
		for _, prob := range r.Problems() {
			t.Errorf("draft %t: %s", draft, prob)
		}
		if r.ChartCount != want {
			t.Errorf("draft %t: %d of %d charts drew", draft, r.ChartCount, want)
		}
		if !draft {
			for _, e := range browsertest.ValidateHTML(t, []string{page}) {
				t.Errorf("Nu HTML Checker: %s", e)
			}
		}
	}
}

// Disclosure holds across the set: with councils so small that some of
// their counts are suppressed, no published RAA total less the other
// councils' published figures gives away a count of 1 to 4; and a total
// is published where every council's figure is (so the test can fail);
// the spending on interagency placements is hidden where their count is.
func TestRegionalDisclosureAcrossCouncils(t *testing.T) {
	suppressed, published, costHidden := 0, 0, 0
	for _, n := range []int{3, 12} {
		var codes []string
		for i := range n {
			codes = append(codes, fmt.Sprintf("c%02d", i+1))
		}
		s, p, c := checkTotals(t, regionalProject(t, codes, ""))
		suppressed, published, costHidden = suppressed+s, published+p, costHidden+c
	}
	if costHidden == 0 {
		t.Error("no council's interagency placements are suppressed: the test cannot check their cost")
	}
	if suppressed == 0 {
		t.Fatal("no council's figure is suppressed: the councils are not small enough to test disclosure")
	}
	if published == 0 {
		t.Error("no total of a count is published: the rule suppresses everything")
	}
}

// checkTotals builds the regional project dir and checks its overview's
// totals of counts; it returns how many councils' figures were
// suppressed and how many totals published.
func checkTotals(t *testing.T, dir string) (suppressed, published, costHidden int) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "site")
	if res, err := Build(context.Background(), Options{Source: dir, Output: out}); err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	var o struct {
		SuppressBelow int `json:"suppress_below"`
		Councils      []struct {
			Figures []struct {
				ID         string   `json:"id"`
				Unit       string   `json:"unit"`
				Value      *float64 `json:"value"`
				Suppressed bool     `json:"suppressed"`
			} `json:"figures"`
		} `json:"councils"`
		Total struct {
			Figures []struct {
				ID         string   `json:"id"`
				Unit       string   `json:"unit"`
				Value      *float64 `json:"value"`
				Suppressed bool     `json:"suppressed"`
			} `json:"figures"`
		} `json:"total"`
	}
	b, err := os.ReadFile(filepath.Join(out, "data", "indicators.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatal(err)
	}
	// The spending on interagency placements, a standard fee each, goes
	// with their count: spending ÷ fee would give a hidden count back.
	type fig = struct {
		ID         string   `json:"id"`
		Unit       string   `json:"unit"`
		Value      *float64 `json:"value"`
		Suppressed bool     `json:"suppressed"`
	}
	partners := [][]fig{o.Total.Figures}
	for _, c := range o.Councils {
		partners = append(partners, c.Figures)
	}
	for i, figs := range partners {
		byID := map[string]fig{}
		for _, f := range figs {
			byID[f.ID] = f
		}
		count, cost := byID["interagency_placements"], byID["interagency_cost"]
		if count.Suppressed && (cost.Value != nil || !cost.Suppressed) {
			t.Errorf("partner %d: interagency placements are [c], and their cost %v is published", i, *cost.Value)
		}
		if count.Suppressed {
			costHidden++
		}
	}
	for i, tf := range o.Total.Figures {
		if tf.Unit != "children" && tf.Unit != "households" {
			continue
		}
		hidden, sum := 0, 0.0
		for _, c := range o.Councils {
			f := c.Figures[i]
			switch {
			case f.Suppressed:
				hidden++
			case f.Value != nil:
				sum += *f.Value
			}
		}
		suppressed += hidden
		if tf.Value == nil {
			continue
		}
		published++
		if hidden > 0 {
			t.Errorf("%s: the total %v is published while %d councils' figures are suppressed", tf.ID, *tf.Value, hidden)
		}
		if d := *tf.Value - sum; d >= 1 && d < float64(o.SuppressBelow) {
			t.Errorf("%s: the total less the councils' published figures is %v", tf.ID, d)
		}
	}
	return suppressed, published, costHidden
}

// `new --regional` starts a three-council regional edition that builds:
// a report for each council and the overview, Marshby's own summary in
// Marshby's report alone.
func TestNewRegionalBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "raa")
	if err := scaffold.NewRegional(dir); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "site")
	res, err := Build(context.Background(), Options{Source: dir, Output: out})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	all := siteFiles(t, out)
	for _, c := range scaffold.RegionalCouncils {
		if !bytes.Contains(all[c[0]+"/index.html"], []byte(c[1])) {
			t.Errorf("%s's report does not name %s", c[0], c[1])
		}
	}
	if !bytes.Contains(all["index.html"], []byte(`href="marshby/index.html"`)) {
		t.Error("the overview does not link to Marshby's report")
	}
	if !bytes.Contains(all["marshby/summary.html"], []byte("Marshby")) || bytes.Contains(all["fenmoor/summary.html"], []byte("Marshby&rsquo;s own page")) {
		t.Error("Marshby's own summary is not Marshby's alone")
	}
	// It builds without a warning, and its councils differ as
	// neighbours do: in timeliness, size and budget, each figure its own.
	if len(res.Problems) > 0 {
		t.Errorf("the example builds with problems:\n%s", res.Problems.Error())
	}
	var o struct {
		Councils []struct {
			Code    string `json:"code"`
			Figures []struct {
				ID    string   `json:"id"`
				Value *float64 `json:"value"`
			} `json:"figures"`
		} `json:"councils"`
	}
	if err := json.Unmarshal(all["data/indicators.json"], &o); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a1", "a2", "adopted", "waiting", "interagency_cost"} {
		seen := map[float64]bool{}
		for _, c := range o.Councils {
			for _, f := range c.Figures {
				if f.ID == id && f.Value != nil {
					seen[*f.Value] = true
				}
			}
		}
		if len(seen) < 2 {
			t.Errorf("%s: the councils' published figures are %v, not differing", id, seen)
		}
	}
	// As docs/regional.md says: Fenmoor is the largest and quickest on
	// A1, Eastholme quickest on A2 and A10, Marshby slowest on all three.
	value := func(code, id string) float64 {
		for _, c := range o.Councils {
			for _, f := range c.Figures {
				if c.Code == code && f.ID == id && f.Value != nil {
					return *f.Value
				}
			}
		}
		t.Fatalf("no published %s for %s", id, code)
		return 0
	}
	for _, w := range []struct{ id, quickest, slowest string }{{"a1", "fenmoor", "marshby"}, {"a2", "eastholme", "marshby"}, {"a10", "eastholme", "marshby"}} {
		for _, c := range []string{"fenmoor", "marshby", "eastholme"} {
			if value(w.quickest, w.id) > value(c, w.id) || value(w.slowest, w.id) < value(c, w.id) {
				t.Errorf("%s: %s is not the quickest and %s the slowest, as docs/regional.md says", w.id, w.quickest, w.slowest)
			}
		}
	}
	if value("fenmoor", "adopted") <= value("marshby", "adopted") || value("eastholme", "adopted") >= value("marshby", "adopted") {
		t.Error("Fenmoor is not the largest and Eastholme the smallest, as docs/regional.md says")
	}
	// Budgets, not only outturns: each council sets its own.
	rows := readCSV(t, filepath.Join(dir, "data", "budget.csv"))
	col := slices.Index(rows[0], "budget")
	budgets := map[string]string{}
	for _, r := range rows[1:] {
		budgets[r[0]] += r[col] + ","
	}
	if len(budgets) != len(scaffold.RegionalCouncils) || budgets["fenmoor"] == budgets["marshby"] || budgets["marshby"] == budgets["eastholme"] || budgets["fenmoor"] == budgets["eastholme"] {
		t.Errorf("the councils' budgets are not each their own: %v", budgets)
	}
}

// With a Cache, as serve keeps one, a page edit recomputes no council's
// figures: they are kept for the data they were computed from; an edit
// to one council's page renders that council's report alone; and the
// edit shows.
func TestRegionalCacheKeepsFigures(t *testing.T) {
	dir := regionalProject(t, []string{"fenmoor", "marshby"}, "")
	cache := NewCache()
	out := filepath.Join(t.TempDir(), "site")
	build := func() {
		t.Helper()
		if res, err := Build(context.Background(), Options{Source: dir, Output: out, Draft: true, Cache: cache}); err != nil {
			t.Fatalf("%v\n%s", err, res.Problems.Error())
		}
	}
	build()
	kept := map[councilKey]any{}
	for k, v := range cache.councils {
		kept[k] = v
	}
	if len(kept) != 3 { // two councils and the RAA's figures
		t.Fatalf("the cache holds %d councils' figures, want 3", len(kept))
	}
	before := map[string]uintptr{}
	for k, v := range cache.rendered {
		before[k.code] = reflect.ValueOf(v.files).Pointer()
	}
	writeFile(t, filepath.Join(dir, "content", "marshby", "summary.md"), "+++\ntitle = \"Summary\"\nweight = 10\n+++\nMarshby's edit.\n")
	build()
	// Marshby's page touches Marshby's report alone.
	if got := reflect.ValueOf(cache.rendered[councilKey{"fenmoor", true}].files).Pointer(); got != before["fenmoor"] || got == 0 {
		t.Error("fenmoor's report was rendered again after an edit to marshby's page")
	}
	if got := reflect.ValueOf(cache.rendered[councilKey{"marshby", true}].files).Pointer(); got == before["marshby"] {
		t.Error("marshby's report was not rendered again after an edit to its page")
	}
	for k, v := range cache.councils {
		if kept[k] != v {
			t.Errorf("%q's figures were computed again after a page edit", k.code)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(out, "marshby", "summary.html")); !bytes.Contains(b, []byte("Marshby")) {
		t.Error("the edit does not show")
	}
	if cache.Loads() != 1 {
		t.Errorf("the data was read %d times", cache.Loads())
	}
}

// A regional build says how many councils' reports are done while it
// runs (each second; here, each millisecond).
func TestRegionalProgress(t *testing.T) {
	defer func(d time.Duration) { progressEvery = d }(progressEvery)
	progressEvery = time.Millisecond
	dir := regionalProject(t, []string{"fenmoor", "marshby", "eastholme"}, "")
	var log bytes.Buffer
	if res, err := Build(context.Background(), Options{Source: dir, Output: filepath.Join(t.TempDir(), "site"), Progress: &log}); err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	if !strings.Contains(log.String(), " of 3 councils' reports…\n") {
		t.Errorf("no progress shown:\n%q", log.String())
	}
}

// A children.csv without its la column is one error, not one more for
// every council left without rows.
func TestRegionalMissingLAColumn(t *testing.T) {
	dir := regionalProject(t, []string{"fenmoor", "marshby"}, "")
	rows := readCSV(t, filepath.Join(dir, "data", "children.csv"))
	for i := range rows {
		rows[i] = rows[i][1:] // la is the first column
	}
	writeCSV(t, filepath.Join(dir, "data", "children.csv"), rows)
	probs, err := Check(context.Background(), dir, false)
	if err != ErrProblems {
		t.Fatalf("got %v, want the project's errors", err)
	}
	if e, _ := probs.Count(); e != 1 || !strings.Contains(probs.Error(), "data/children.csv:1: la: column is missing") {
		t.Errorf("want the one error on the missing column:\n%s", probs.Error())
	}
}

// check (publish) checks a council's own draft pages too, marking their
// problems as a draft page's, as it does the shared ones; a publish
// build leaves them out and succeeds.
func TestRegionalCheckIncludesCouncilDraftPages(t *testing.T) {
	dir := regionalProject(t, []string{"fenmoor", "marshby"}, "")
	writeFile(t, filepath.Join(dir, "content", "marshby", "panel-notes.md"),
		"+++\ntitle = \"Panel notes\"\ndraft = true\n+++\n\nWaited {{< metric a99 >}} on average.\n")
	probs, err := Check(context.Background(), dir, false)
	if !errors.Is(err, ErrProblems) {
		t.Fatalf("check: err = %v, want ErrProblems\n%s", err, probs.Error())
	}
	if got := probs.Error(); !strings.Contains(got, "content/marshby/panel-notes.md:6:") || !strings.Contains(got, "(draft page)") {
		t.Errorf("check should report marshby's draft page's unknown metric, marked as a draft's:\n%s", got)
	}
	if res, err := Build(context.Background(), Options{Source: dir, Output: filepath.Join(t.TempDir(), "site")}); err != nil {
		t.Errorf("a publish build leaves the draft out and should succeed: %v\n%s", err, res.Problems.Error())
	}
}

// The overview links each council's printed report, with its size and
// pages as the council's own pages do, once it has been printed; a
// council not printed has no link.
func TestRegionalOverviewLinksPDFs(t *testing.T) {
	dir := regionalProject(t, []string{"fenmoor", "marshby"}, "")
	printed := filepath.Join(t.TempDir(), "marshby.pdf")
	writeFile(t, printed, "%PDF-1.7\n"+strings.Repeat("x", 2400))
	out := filepath.Join(t.TempDir(), "site")
	res, err := Build(context.Background(), Options{Source: dir, Output: out,
		CouncilPDFs: map[string]PDF{"marshby": {Path: printed, Pages: 12}}})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	name := "marshby/marshby-borough-council-adoption-report-2024-25.pdf"
	if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(name))); err != nil {
		t.Fatalf("marshby's PDF is not published: %v", err)
	}
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	want := `<a class="attachment__link" href="` + name + `">Marshby Borough Council: the whole report to print or download</a>` +
		"\n" + `<span class="attachment__meta">PDF, ` + pdf.FormatSize(2409) + `, 12 pages</span>`
	if !strings.Contains(string(index), want) {
		t.Errorf("the overview does not link marshby's PDF as\n%s\nin\n%s", want, index)
	}
	if n := strings.Count(string(index), ".pdf"); n != 1 {
		t.Errorf("the overview links %d PDFs, want marshby's alone", n)
	}
}

// The overview ends, as every council's page does, with the report's
// publication and data-extraction dates and the service's contact from
// config.toml, in the same words and markup; a theme's footer-about
// partial changes both.
func TestRegionalOverviewFooter(t *testing.T) {
	dir := regionalProject(t, []string{"fenmoor", "marshby"}, "")
	out := filepath.Join(t.TempDir(), "site")
	res, err := Build(context.Background(), Options{Source: dir, Output: out})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	all := siteFiles(t, out)
	page := string(all["fenmoor/index.html"])
	start, end := strings.Index(page, `<p class="dates">`), strings.Index(page, `<ul class="footer-links">`)
	if start < 0 || end < start {
		t.Fatalf("fenmoor's page has no dates before its footer's links:\n%s", page)
	}
	about := page[start:end]
	for _, want := range []string{`Published <time datetime="2025-07-16">16 July 2025</time>.`, `Figures from data extracted on <time datetime="2025-04-30">30 April 2025</time>.`, `<h2 class="footer-heading">Contact</h2>`, `mailto:`} {
		if !strings.Contains(about, want) {
			t.Errorf("fenmoor's footer lacks %q:\n%s", want, about)
		}
	}
	overview := string(all["index.html"])
	_, footer, _ := strings.Cut(overview, `<footer class="site-footer">`)
	if !strings.Contains(footer, strings.TrimSpace(about)) {
		t.Errorf("the overview's footer does not give the dates and contact as the councils' pages do:\n%s\nwant within it:\n%s", footer, about)
	}
	writeFile(t, filepath.Join(dir, "layouts", "partials", "footer-about.html"), `{{define "footer-about"}}<p>Our own: {{.Published.Text}}</p>{{end}}`)
	res, err = Build(context.Background(), Options{Source: dir, Output: out})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	all = siteFiles(t, out)
	for _, name := range []string{"index.html", "fenmoor/index.html"} {
		if !strings.Contains(string(all[name]), "<p>Our own: 16 July 2025</p>") {
			t.Errorf("%s does not take the project's footer-about partial", name)
		}
	}
}

// A folder of content/ named for no council is an error on its pages
// only: emptied while serve runs (the build keeping a Cache), it stops
// failing the build; an empty one never did.
func TestRegionalFolderWithoutPages(t *testing.T) {
	dir := regionalProject(t, []string{"fenmoor", "marshby"}, "")
	if err := os.MkdirAll(filepath.Join(dir, "content", "emptyx"), 0o755); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "content", "marshbi", "notes.md")
	writeFile(t, page, "+++\ntitle = \"Notes\"\n+++\nText.\n")
	cache := NewCache()
	out := filepath.Join(t.TempDir(), "site")
	res, err := Build(context.Background(), Options{Source: dir, Output: out, Draft: true, Cache: cache})
	var errs []string
	for _, p := range res.Problems {
		if p.Severity == problem.Error {
			errs = append(errs, p.String())
		}
	}
	if err == nil || len(errs) != 1 || !strings.HasPrefix(errs[0], "content/marshbi/notes.md: is in the folder content/marshbi") {
		t.Fatalf("want one error, on content/marshbi/notes.md; got %v\n%s", err, res.Problems.Error())
	}
	if err := os.Remove(page); err != nil {
		t.Fatal(err)
	}
	cache.Changed([]string{"content/marshbi/notes.md"})
	res, err = Build(context.Background(), Options{Source: dir, Output: out, Draft: true, Cache: cache})
	if err != nil {
		t.Fatalf("the folder emptied still fails the build: %v\n%s", err, res.Problems.Error())
	}
	for _, p := range res.Problems {
		if strings.Contains(p.File, "content/") {
			t.Errorf("a folder without pages is reported: %s", p)
		}
	}
}

// A one-council project (no [[councils]]) builds as before with a folder
// of pages under content/, and warns on the folder that its pages are
// not read: only a regional edition has councils' own pages.
func TestOneCouncilWarnsOfCouncilFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "one")
	if err := scaffold.New(dir); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "content", "marshby", "summary.md"), "+++\ntitle = \"Marshby's summary\"\n+++\nText.\n")
	out := filepath.Join(t.TempDir(), "site")
	res, err := Build(context.Background(), Options{Source: dir, Output: out})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	var warned []string
	for _, p := range res.Problems {
		if p.File == "content/marshby" && p.Severity == problem.Warning {
			warned = append(warned, p.Message)
		}
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "not read: only a regional edition ([[councils]] in config.toml)") {
		t.Errorf("want one warning on content/marshby; got:\n%s", res.Problems.Error())
	}
	if b, _ := os.ReadFile(filepath.Join(out, "summary.html")); bytes.Contains(b, []byte("Marshby's summary")) {
		t.Error("the folder's page replaced the project's summary")
	}
}
