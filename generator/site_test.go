package generator

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, name)
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func appendTo(t *testing.T, dir, name, text string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, name, string(b)+text)
}

// An unknown indicator, period or chart in a shortcode stops the build
// with the file, line, column and ID.
func TestShortcodeProblemsAreLocated(t *testing.T) {
	dir := newProject(t)
	// content/summary.md has 8 lines; after a blank line 9 these are lines 10 to 12.
	appendTo(t, dir, "content/summary.md", "\nA1 was {{< metric a11 >}}.\nIn {{< metric a1 2031-32 >}}.\n{{< chart timelyness >}}\n")
	res, err := Build(context.Background(), Options{Source: dir})
	if !errors.Is(err, ErrProblems) {
		t.Fatalf("err = %v", err)
	}
	got := res.Problems.Error()
	for _, want := range []string{
		`content/summary.md:10:8: metric: unknown indicator ID "a11" (did you mean a1 or a10?)`,
		`content/summary.md:11:4: metric: no figure for a1 in 2031-32`,
		`content/summary.md:12:1: chart: unknown chart ID "timelyness" (did you mean timeliness?)`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}

// {{< compare >}} names an area of comparators.csv in double quotes, with
// or without a period; an area comparators.csv lacks, or lacks for that
// figure, stops the build at the shortcode with the areas it has.
func TestCompareAreaShortcode(t *testing.T) {
	comparators := "indicator,period,area,value\n" +
		"a1,2024-25,England,455\n" +
		"a1,2024-25,Statistical neighbours,461\n" +
		"a1,2022-25,England,466\n"
	dir := newProject(t)
	write(t, dir, "data/comparators.csv", comparators)
	// content/summary.md has 8 lines; after a blank line 9 these are lines 10 to 14.
	appendTo(t, dir, "content/summary.md", "\nA {{< compare a1 2022-25 \"Statistical neighbors\" >}}.\n"+
		"B {{< compare a1 \"Region\" >}}.\n"+
		"C {{< compare a1 2022-25 \"England\" extra >}}.\n"+
		"D {{< compare waiting 2024-25 \"England\" >}}.\n"+
		"E {{< metric a1 2022-25 \"England\" >}}.\n")
	res, err := Build(context.Background(), Options{Source: dir})
	if !errors.Is(err, ErrProblems) {
		t.Fatalf("err = %v", err)
	}
	got := res.Problems.Error()
	for _, want := range []string{
		`content/summary.md:10:3: compare: unknown comparator area "Statistical neighbors" (did you mean Statistical neighbours?); comparators.csv has "England", "Statistical neighbours"; write the area in double quotes as it is there`,
		`content/summary.md:11:3: compare: unknown comparator area "Region"; comparators.csv has "England", "Statistical neighbours"`,
		`content/summary.md:12:3: compare: write {{< compare ID >}}, {{< compare ID PERIOD >}} or {{< compare ID PERIOD "AREA" >}}`,
		`content/summary.md:13:3: compare: comparators.csv has no "England" row for waiting 2024-25 (it has no row for that figure from any area)`,
		`content/summary.md:14:3: metric: write {{< metric ID >}} or {{< metric ID PERIOD >}}`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}

	// Without comparators.csv, no area is known.
	dir = newProject(t)
	appendTo(t, dir, "content/summary.md", "\nA {{< compare a1 \"England\" >}}.\n")
	res, _ = Build(context.Background(), Options{Source: dir})
	if want := `content/summary.md:10:3: compare: no comparator area "England": comparators.csv has no rows`; !strings.Contains(res.Problems.Error(), want) {
		t.Errorf("problems lack %q:\n%s", want, res.Problems.Error())
	}

	// Without those lines the area is compared, the period taken as the
	// report year's when left out. The sample's children page names
	// "Statistical neighbours" with a period; here it is left out.
	dir = newProject(t)
	write(t, dir, "data/comparators.csv", comparators)
	appendTo(t, dir, "content/summary.md", "\nA1 this year was {{< compare a1 \"Statistical neighbours\" >}}.\n")
	out := filepath.Join(t.TempDir(), "site")
	if res, err := Build(context.Background(), Options{Source: dir, Output: out, Draft: true}); err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	page, _ := os.ReadFile(filepath.Join(out, "summary.html"))
	// The example's 2024-25 A1 is 455 days; 455 − 461 = −6.
	want := `<span class="comparison" data-indicator="a1" data-period="2024-25" data-area="Statistical neighbours">6 days faster than Statistical neighbours</span>`
	if !strings.Contains(string(page), want) {
		t.Errorf("summary.html lacks %s", want)
	}
}

// Text that starts like a shortcode but is not one stops the build, with
// what was probably meant, and a front matter mistake in the same file
// does not hide it.
func TestBrokenShortcodesStopTheBuild(t *testing.T) {
	dir := newProject(t)
	// content/summary.md has 8 lines; after a blank line 9 these are lines 10 to 14.
	appendTo(t, dir, "content/summary.md", "\nA {{< metric a1\nB {{< metric a1 }}\nC {{ metric a1 }}\nD {{% metric a1 %}}\nE {{< metric\na1 >}}\n")
	write(t, dir, "content/extra.md", "+++\ntitle = \"Extra\"\nwieght = 1\n+++\nSee {{< chart timeliness }}\n")
	res, err := Build(context.Background(), Options{Source: dir})
	if !errors.Is(err, ErrProblems) {
		t.Fatalf("err = %v", err)
	}
	got := res.Problems.Error()
	for _, want := range []string{
		`content/summary.md:10:3: {{< metric a1: the shortcode is not closed: end it with >}} on the same line; did you mean {{< metric a1 >}}?`,
		`content/summary.md:11:3: {{< metric a1 }}: a shortcode ends with >}}; did you mean {{< metric a1 >}}?`,
		`content/summary.md:12:3: {{ metric a1 }}: a shortcode is written {{< name arguments >}}`,
		`content/summary.md:13:3: {{% metric a1 %}}: a shortcode is written with < and >, not %; did you mean {{< metric a1 >}}?`,
		`content/summary.md:14:3: {{< metric …: a shortcode must be on one line; did you mean {{< metric a1 >}}?`,
		`content/extra.md:3:1: wieght: unknown setting (did you mean weight?)`,
		`content/extra.md:5:5: {{< chart timeliness }}: a shortcode ends with >}}; did you mean {{< chart timeliness >}}?`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}

// A page's HTML is converted once and its charts filled in for each
// edition: a NUL in the text, or text shaped like the mark a chart leaves,
// is only text, and each placed chart appears once, closed on screen and
// open in print.
func TestChartsFilledInOnceEach(t *testing.T) {
	dir := newProject(t)
	appendTo(t, dir, "content/children.md", "\nA forged mark: \x000\x00 and \x00timeliness\x00.\n\nIn code: `\x000\x00`, [a link](x\x000\x00) and ![an image](\x000\x00 \"\x000\x00\").\n\n    \x000\x00\n\n{{< chart time_to_match >}}\n")
	out := filepath.Join(t.TempDir(), "site")
	res, err := Build(context.Background(), Options{Source: dir, Output: out})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	screen, _ := os.ReadFile(filepath.Join(out, "children.html"))
	print, _ := os.ReadFile(filepath.Join(out, "print.html"))
	for name, page := range map[string][]byte{"children.html": screen, "print.html": print} {
		if strings.ContainsRune(string(page), 0) {
			t.Errorf("%s holds a NUL", name)
		}
		if !strings.Contains(string(page), "A forged mark: \uFFFD0\uFFFD and \uFFFDtimeliness\uFFFD.") {
			t.Errorf("%s lacks the text with U+FFFD for each NUL", name)
		}
		if n := strings.Count(string(page), `<figure class="chart" id="chart-time_to_match"`); n != 1 {
			t.Errorf("%s has the time_to_match chart %d times, want 1", name, n)
		}
	}
	// On screen a drawn chart's table is closed; the table of a chart with
	// nothing to draw is open, as it stands in for the chart.
	if open, empty := strings.Count(string(screen), `<details class="chart-data" open>`), strings.Count(string(screen), `<p class="chart-empty">`); open != empty {
		t.Errorf("children.html has %d chart tables open, want %d, one for each chart with nothing to draw", open, empty)
	}
	if n, want := strings.Count(string(print), `<details class="chart-data" open>`), strings.Count(string(print), `<details class="chart-data"`); n != want {
		t.Errorf("print.html has %d of %d chart tables open", n, want)
	}
}

// A project's layouts/ and static/ override the built-in theme file by
// file; a theme under themes/NAME sits between the two.
func TestThemeOverrides(t *testing.T) {
	dir := newProject(t)
	write(t, dir, "layouts/partials/footer.html", `{{define "footer"}}<footer><p>Project footer</p></footer>{{end}}`)
	write(t, dir, "themes/civic/static/css/style.css", "body { color: #111; } /* civic theme */\n")
	appendTo(t, dir, "config.toml", "theme = \"civic\"\nbase_url = \"https://www.example.gov.uk/adoption/\"\n[branding]\nprimary_colour = \"#ffdd00\"\nfooter = \"Town Hall\"\n")
	out := filepath.Join(t.TempDir(), "site")
	res, err := Build(context.Background(), Options{Source: dir, Output: out})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !strings.Contains(string(index), "Project footer") {
		t.Error("the project's footer partial did not replace the theme's")
	}
	if !strings.Contains(string(index), `class="skip-link"`) {
		t.Error("the rest of the built-in theme should still be used")
	}
	css, _ := filepath.Glob(filepath.Join(out, "assets", "style.*.css"))
	if len(css) != 1 {
		t.Fatalf("stylesheets: %v", css)
	}
	b, _ := os.ReadFile(css[0])
	if !strings.Contains(string(b), "civic theme") {
		t.Error("the theme's stylesheet was not used")
	}
	// Yellow is too light for white header text: it is darkened, with a warning.
	if strings.Contains(string(b), "--brand: #ffdd00") || !strings.Contains(res.Problems.Error(), "too light") {
		t.Errorf("a failing brand colour should be darkened and warned about; warnings:\n%s", res.Problems.Error())
	}
	sitemap, err := os.ReadFile(filepath.Join(out, "sitemap.xml"))
	if err != nil || !strings.Contains(string(sitemap), "<loc>https://www.example.gov.uk/adoption/children.html</loc>") {
		t.Errorf("sitemap.xml: %s, %v", sitemap, err)
	}
}

// A theme file's mistakes name the file as it is in the project, and a
// partial written without the {{define}} the layouts call says so.
func TestThemeFileErrors(t *testing.T) {
	for _, tt := range []struct {
		name, file, text, theme, want string
	}{
		{"no define", "layouts/partials/table.html", `<table id="table-{{.ID}}"></table>`, "",
			`theme: layouts/partials/table.html defines no template "table", which the layouts call: write it as {{define "table"}}…{{end}}, as the built-in partials are (see docs/theming.md)`},
		{"a theme's, no define", "themes/civic/layouts/partials/header.html", `<header>{{.Title}}</header>`, "civic",
			`theme: themes/civic/layouts/partials/header.html defines no template "header"`},
		{"a slip", "layouts/partials/table.html", `{{define "table"}}{{.ID}{{end}}`, "",
			`theme: layouts/partials/table.html: template: table.html:1:`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := newProject(t)
			write(t, dir, tt.file, tt.text)
			if tt.theme != "" {
				appendTo(t, dir, "config.toml", "theme = \""+tt.theme+"\"\n")
			}
			res, err := Build(context.Background(), Options{Source: dir, Output: filepath.Join(t.TempDir(), "site")})
			if err == nil || !strings.Contains(res.Problems.Error(), tt.want) {
				t.Errorf("got %v\n%s\nwant %s", err, res.Problems.Error(), tt.want)
			}
		})
	}
}

// A project's own table.html may be written against a table's Header,
// Rows and Numeric, as the built-in one once was, and still works:
// written as it was, it renders every page exactly as the built-in one,
// which reads the cells ready-made, does now.
func TestThemeTableFromRows(t *testing.T) {
	const rowsTable = `{{define "table"}}<div class="table-wrap{{if gt (len .Header) 8}} wide{{end}}" role="region" aria-labelledby="table-{{.ID}}-caption" tabindex="0">
<table id="table-{{.ID}}">
<caption id="table-{{.ID}}-caption">{{.Caption}}</caption>
<thead>
<tr>{{range $i, $h := .Header}}<th scope="col"{{if index $.Numeric $i}} class="num"{{end}}>{{$h}}</th>{{end}}</tr>
</thead>
<tbody>
{{- range .Rows}}
<tr>{{range $i, $c := .}}{{if eq $i 0}}<th scope="row">{{$c}}</th>{{else}}<td{{if index $.Numeric $i}} class="num"{{end}}>{{$c}}</td>{{end}}{{end}}</tr>
{{- end}}
</tbody>
</table>
</div>{{end}}
`
	build := func(own bool) map[string]string {
		dir := newProject(t)
		appendTo(t, dir, "content/summary.md", "\n{{< table scorecard >}}\n")
		if own {
			write(t, dir, "layouts/partials/table.html", rowsTable)
		}
		out := filepath.Join(t.TempDir(), "site")
		if res, err := Build(context.Background(), Options{Source: dir, Output: out}); err != nil {
			t.Fatalf("%v\n%s", err, res.Problems.Error())
		}
		pages := map[string]string{}
		for name, text := range snapshot(t, out) {
			if strings.HasSuffix(name, ".html") {
				rel, _ := filepath.Rel(out, name)
				pages[rel] = text
			}
		}
		return pages
	}
	builtIn, own := build(false), build(true)
	if !strings.Contains(builtIn["summary.html"], `<table id="table-scorecard">`) || !strings.Contains(builtIn["children.html"], `<td class="num">`) {
		t.Fatal("the pages should have a placed table and charts' tables of figures")
	}
	if len(own) != len(builtIn) {
		t.Fatalf("%d pages with the project's table.html, %d without", len(own), len(builtIn))
	}
	for name, want := range builtIn {
		if own[name] != want {
			t.Errorf("%s differs with a table.html written against Rows and Numeric", name)
		}
	}
}

// Pages showing a suppressed figure explain [c]; footnotes keep distinct
// IDs when the print edition joins the pages.
func TestAboutFiguresAndFootnotes(t *testing.T) {
	dir := newProject(t)
	appendTo(t, dir, "content/summary.md", "\nChildren adopted: {{< metric adopted >}}.[^1]\n\n[^1]: A note.\n")
	appendTo(t, dir, "content/finance.md", "\nSee the budget.[^1]\n\n[^1]: Another note.\n")
	out := filepath.Join(t.TempDir(), "site")
	if res, err := Build(context.Background(), Options{Source: dir, Output: out}); err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	summary, _ := os.ReadFile(filepath.Join(out, "summary.html"))
	if !strings.Contains(string(summary), "[c]") || !strings.Contains(string(summary), "About these figures") {
		t.Error("a page with a suppressed figure needs the note explaining [c]")
	}
	print, _ := os.ReadFile(filepath.Join(out, "print.html"))
	for _, id := range []string{`id="summary-fn:1"`, `id="finance-fn:1"`} {
		if strings.Count(string(print), id) != 1 {
			t.Errorf("print.html should hold %s once", id)
		}
	}
}

// A [cabinet] table in config.toml puts a cabinet front sheet, with its
// recommendations, first in the print edition, before the cover.
func TestCabinetFrontSheet(t *testing.T) {
	dir := newProject(t)
	appendTo(t, dir, "config.toml", `
[cabinet]
meeting = "Cabinet, 17 July 2025"
decision_maker = "Cabinet"
key_decision = false
wards_affected = "All"
recommendations = ["Note the report", "Approve the Statement of Purpose"]
report_author = "A. Officer"
`)
	out := filepath.Join(t.TempDir(), "site")
	if res, err := Build(context.Background(), Options{Source: dir, Output: out}); err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	b, _ := os.ReadFile(filepath.Join(out, "print.html"))
	s := string(b)
	sheet := strings.Index(s, `<section class="front-sheet"`)
	if cover := strings.Index(s, `<section class="cover"`); cover < sheet {
		t.Errorf("the front sheet should come before the cover, as a cabinet pack expects")
	}
	toc := strings.Index(s, `<nav class="toc"`)
	if sheet < 0 || toc < sheet {
		t.Fatalf("no front sheet before the contents")
	}
	for _, want := range []string{`Report to Cabinet, <span class="nowrap">17 July 2025</span>`, "<th scope=\"row\">Key decision</th><td>No</td>", "<li>Approve the Statement of Purpose</li>", "A. Officer"} {
		if !strings.Contains(s[sheet:toc], want) {
			t.Errorf("front sheet lacks %q", want)
		}
	}
}

var elementID = regexp.MustCompile(`\sid="([^"]+)"`)

// duplicateIDs returns the ids that page holds more than once.
func duplicateIDs(page []byte) []string {
	seen := map[string]int{}
	var dups []string
	for _, m := range elementID.FindAllSubmatch(page, -1) {
		if seen[string(m[1])]++; seen[string(m[1])] == 2 {
			dups = append(dups, string(m[1]))
		}
	}
	return dups
}

// A chart or table placed on two pages, or twice on one, gives every
// element a unique id, in its page and in print.html, which holds every
// page; the second placement's ids carry -2, and its chart still draws
// from its own options.
func TestUniqueIDs(t *testing.T) {
	dir := copySample(t)
	appendTo(t, dir, "content/summary.md", "\n{{< chart timeliness >}}\n\n{{< table scorecard >}}\n\n{{< table scorecard >}}\n")
	appendTo(t, dir, "content/adopters.md", "\n{{< chart timeliness >}}\n\n{{< table scorecard >}}\n")
	out := filepath.Join(t.TempDir(), "site")
	if res, err := Build(context.Background(), Options{Source: dir, Output: out}); err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
	for _, p := range pages {
		b, _ := os.ReadFile(p)
		if dups := duplicateIDs(b); len(dups) > 0 {
			t.Errorf("%s: ids used more than once: %v", filepath.Base(p), dups)
		}
	}
	print, _ := os.ReadFile(filepath.Join(out, "print.html"))
	for _, want := range []string{`id="chart-timeliness-2"`, `data-chart-options="chart-timeliness-2-options"`,
		`id="chart-timeliness-2-options"`, `id="table-timeliness-2"`, `id="table-scorecard-3"`} {
		if !strings.Contains(string(print), want) {
			t.Errorf("print.html lacks %s", want)
		}
	}
	if strings.Contains(string(print), "data/timeliness-2.csv") {
		t.Error("a chart placed again must still link to its own data file, data/timeliness.csv")
	}
}

// A small council's publish build suppresses most figures: a chart with
// nothing left to draw says so in a sentence, with its table open, and
// has no canvas for an empty frame of axes.
func TestEmptyChart(t *testing.T) {
	dir := newProject(t)
	out := filepath.Join(t.TempDir(), "site")
	if res, err := Build(context.Background(), Options{Source: dir, Output: out}); err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	b, _ := os.ReadFile(filepath.Join(out, "children.html"))
	fig := regexp.MustCompile(`(?s)<figure class="chart" id="chart-waiting_by_characteristic".*?</figure>`).Find(b)
	if fig == nil {
		t.Fatal("children.html has no waiting_by_characteristic chart")
	}
	for _, want := range []string{`<p class="chart-empty">There is no chart to draw`, `<details class="chart-data" open>`} {
		if !strings.Contains(string(fig), want) {
			t.Errorf("the empty chart lacks %s:\n%s", want, fig)
		}
	}
	if strings.Contains(string(fig), "chart-canvas") {
		t.Errorf("the empty chart has a canvas:\n%s", fig)
	}
}

// The data's notes on the figures (such as Annex A's stand-in for the
// registration of interest) are in the report itself, escaped: on the
// front page and in print, not repeated on every page.
func TestDataNotesInTheReport(t *testing.T) {
	dir := newProject(t)
	p, probs := Load(context.Background(), dir)
	if p == nil || probs.HasErrors() {
		t.Fatalf("load: %s", probs.Error())
	}
	p.Data.Notes = []string{"Stage 1 <started> stands in & counts."}
	files, probs, err := p.Render(false)
	if err != nil || probs.HasErrors() {
		t.Fatalf("%v\n%s", err, probs.Error())
	}
	const want = "<p>Stage 1 &lt;started&gt; stands in &amp; counts.</p>"
	for name, in := range map[string]bool{"index.html": true, "print.html": true, "summary.html": false} {
		if got := strings.Contains(string(files[name]), want); got != in {
			t.Errorf("%s holds the note: %v, want %v", name, got, in)
		}
	}
}
