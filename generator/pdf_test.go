package generator

import (
	"context"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/pdf"
	"github.com/adoptionreport/adoptionreport/internal/browsertest"
)

// poppler skips the test without a poppler-utils tool (or fails it in
// CI), as browsertest.Command does.
func poppler(t *testing.T, tool string) {
	t.Helper()
	browsertest.Command(t, tool, "`apt-get install poppler-utils`")
}

func pageText(t *testing.T, file string, page int) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext page %d: %v", page, err)
	}
	return string(out)
}

var printSection = regexp.MustCompile(`<section class="print-section" id="(sec-[a-z0-9-]+)">\s*<h1>([^<]+)</h1>`)

// The sample's PDF is A4, tagged, paged "Page N of M", has every section
// title on the page its contents entry gives, and its charts' axis labels
// are text (vector charts, not pictures).
func TestSamplePDF(t *testing.T) {
	chrome := browsertest.Chrome(t)
	poppler(t, "pdfinfo")
	poppler(t, "pdftotext")
	out := buildSample(t, false)
	file := filepath.Join(t.TempDir(), "report.pdf")
	res, err := pdf.Print(context.Background(), pdf.Options{
		Chrome: chrome, HTML: filepath.Join(out, "print.html"), Output: file,
		Title: "Annual Adoption Report 2024-25", Author: "Northmoor Borough Council", Subject: "Adoption",
	})
	if err != nil {
		t.Fatal(err)
	}
	info, err := exec.Command("pdfinfo", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"(A4)", "Tagged:          yes", "Pages:           " + strconv.Itoa(res.Pages)} {
		if !strings.Contains(string(info), want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	if len(res.Missing) > 0 {
		t.Errorf("the PDF lacks %v", res.Missing)
	}
	if res.Pages < 10 {
		t.Errorf("only %d pages", res.Pages)
	}
	if p2 := pageText(t, file, 2); !strings.Contains(p2, "Page 2 of "+strconv.Itoa(res.Pages)) {
		t.Errorf("page 2 has no footer \"Page 2 of %d\":\n%s", res.Pages, p2)
	}

	html, _ := os.ReadFile(filepath.Join(out, "print.html"))
	sections := printSection.FindAllSubmatch(html, -1)
	if len(sections) < 6 {
		t.Fatalf("only %d sections in print.html", len(sections))
	}
	contents := pageText(t, file, 2)
	for _, s := range sections {
		id, title := string(s[1]), strings.ReplaceAll(string(s[2]), "&#39;", "'")
		page, ok := res.Sections[id]
		if !ok {
			t.Errorf("%s: no page found", id)
			continue
		}
		// A long title wraps: compare with white space folded.
		if text := strings.Join(strings.Fields(pageText(t, file, page)), " "); !strings.Contains(text, title) {
			t.Errorf("%q is not on page %d, where the contents put it", title, page)
		}
		// The contents line: the title, then its page number.
		line := regexp.MustCompile(regexp.QuoteMeta(title) + `[ .]*(\d+)\s*\n`).FindStringSubmatch(contents)
		if line == nil || line[1] != strconv.Itoa(page) {
			t.Errorf("contents entry for %q = %v, want page %d", title, line, page)
		}
	}
	// Axis labels and names of the timeliness chart, as text.
	children := res.Sections["sec-children"]
	var text strings.Builder
	for p := children; p < children+8 && p <= res.Pages; p++ {
		text.WriteString(pageText(t, file, p))
	}
	for _, want := range []string{"2022-25", "days", "A1 426"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("chart text %q not found in the children section's pages", want)
		}
	}
	// The finance charts' money axes: compact amounts (charts.js's
	// money:compact), never long ones run together.
	var finance strings.Builder
	for p := res.Sections["sec-finance"]; p < res.Sections["sec-priorities"]; p++ {
		finance.WriteString(pageText(t, file, p))
	}
	if !regexp.MustCompile(`(?m)^\s*£\d+(\.\d+)?[mk]\s*$`).MatchString(finance.String()) {
		t.Errorf("no money axis label such as £1.5m or £500k on a line of its own in the finance section:\n%s", finance.String())
	}
	if m := regexp.MustCompile(`£[\d,.]+[mk]?£`).FindString(finance.String()); m != "" {
		t.Errorf("money axis labels run together: %q", m)
	}
	checkTablesPrinted(t, file, html)
	checkPrintLayout(t, file, html, res.Sections, res.Pages)
	checkAccessiblePDF(t, file, html)
}

var (
	printTable = regexp.MustCompile(`(?s)<table id="table-([a-z0-9_]+)">.*?</table>`)
	numCell    = regexp.MustCompile(`<td class="num">([^<]*)</td>`)
)

// checkTablesPrinted checks that every row of every table in print.html
// has all its figures, in order, on one line of the PDF's text: a table
// wider than the page loses its last columns to the page's edge, and
// clipped text is not in the PDF at all.
func checkTablesPrinted(t *testing.T, file string, printHTML []byte) {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(out), "\n")
	tables, rows := 0, 0
	for _, tm := range printTable.FindAllSubmatch(printHTML, -1) {
		tables++
		for _, tr := range tableRow.FindAllSubmatch(tm[0], -1) {
			var cells []string
			for _, c := range numCell.FindAllSubmatch(tr[1], -1) {
				if c := strings.TrimSpace(html.UnescapeString(string(c[1]))); c != "" {
					cells = append(cells, regexp.QuoteMeta(c))
				}
			}
			if len(cells) < 2 {
				continue
			}
			rows++
			re := regexp.MustCompile(`(^|\s)` + strings.Join(cells, `\s+`) + `(\s|$)`)
			if !slices.ContainsFunc(lines, re.MatchString) {
				t.Errorf("table %s: no line of the PDF has the row's figures %q in order: is the table wider than the page?", tm[1], cells)
			}
		}
	}
	if tables < 9 || rows < 50 {
		t.Errorf("only %d tables and %d rows of figures checked", tables, rows)
	}
}

// A draft PDF says DRAFT on every page.
func TestDraftPDF(t *testing.T) {
	chrome := browsertest.Chrome(t)
	poppler(t, "pdftotext")
	out := buildSample(t, true)
	file := filepath.Join(t.TempDir(), "draft.pdf")
	res, err := pdf.Print(context.Background(), pdf.Options{Chrome: chrome, HTML: filepath.Join(out, "print.html"), Output: file})
	if err != nil {
		t.Fatal(err)
	}
	for p := 1; p <= res.Pages; p++ {
		if !strings.Contains(pageText(t, file, p), "DRAFT") {
			t.Errorf("page %d of the draft does not say DRAFT", p)
		}
	}
}

// copySample copies the sample project (config.toml, content/, data/) into
// a temporary folder, for a test to change.
func copySample(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "report")
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../content")); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "data"), os.DirFS("../data")); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "config.toml", string(b))
	return dir
}

// printProject builds the project in dir and prints its PDF.
func printProject(t *testing.T, dir string) (string, pdf.Result) {
	t.Helper()
	chrome := browsertest.Chrome(t)
	out := filepath.Join(t.TempDir(), "site")
	if res, err := Build(context.Background(), Options{Source: dir, Output: out}); err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	file := filepath.Join(t.TempDir(), "report.pdf")
	res, err := pdf.Print(context.Background(), pdf.Options{Chrome: chrome, HTML: filepath.Join(out, "print.html"), Output: file})
	if err != nil {
		t.Fatal(err)
	}
	return file, res
}

// With a [cabinet] table, the PDF starts with the cabinet front sheet, as
// a cabinet pack expects, and the cover follows. The cover's title wraps
// between words, never inside its year: with this title and an en dash,
// which a browser may break after, it once printed "2024–" and "25".
func TestCabinetPDF(t *testing.T) {
	browsertest.Chrome(t)
	poppler(t, "pdftotext")
	dir := copySample(t)
	b, _ := os.ReadFile(filepath.Join(dir, "config.toml"))
	cfg := regexp.MustCompile(`(?m)^title\s*=.*$`).ReplaceAllString(string(b), `title = "Adoption Report of 2024–25"`)
	write(t, dir, "config.toml", cfg+`
[cabinet]
meeting = "Cabinet, 16 July 2025"
decision_maker = "Cabinet"
recommendations = ["Note the report"]
`)
	file, _ := printProject(t, dir)
	if p1 := pageText(t, file, 1); !strings.Contains(p1, "Report to Cabinet,") || !strings.Contains(p1, "Note the report") {
		t.Errorf("page 1 is not the cabinet front sheet:\n%s", p1)
	}
	p2 := pageText(t, file, 2)
	if !strings.Contains(p2, "Northmoor Borough Council") {
		t.Errorf("page 2 is not the cover:\n%s", p2)
	}
	if !regexp.MustCompile(`(?m)^\s*(Adoption Report of )?2024–25\s*$`).MatchString(p2) {
		t.Errorf("the cover's title breaks inside its year:\n%s", p2)
	}
	if strings.Contains(p2, "Page ") {
		t.Errorf("the cover has a page number:\n%s", p2)
	}
}
