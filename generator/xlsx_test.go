package generator

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// A sheet is one sheet of a test workbook, written from a CSV file the way
// an officer's workbook holds the same table: dates as date cells in the
// given number format, money and counts as number cells.
type sheet struct {
	name, csv string
	hidden    bool
	// dateFmt is a custom number format for the date cells; "" lets
	// excelize give them Excel's built-in short date (format 14).
	dateFmt string
	// numFmt is a custom number format for the number cells, "" none.
	numFmt string
	// titles is how many rows of text stand above the header.
	titles int
}

// The columns of the sample's tables that hold dates and numbers.
var (
	dateColumns   = "date_of_birth entered_care should_be_placed placement_order matched placed_for_adoption moved_in_with_adopters adoption_order decision_reversed disrupted enquiry registration_of_interest stage1_started stage1_completed stage2_started approved placed withdrawn"
	numberColumns = "budget actual budget_volume actual_volume value"
)

// writeWorkbook writes the sheets, in order, to path.
func writeWorkbook(t *testing.T, path string, sheets ...sheet) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		var dateStyle, numStyle int
		var err error
		if s.dateFmt != "" {
			if dateStyle, err = f.NewStyle(&excelize.Style{CustomNumFmt: &s.dateFmt}); err != nil {
				t.Fatal(err)
			}
		}
		if s.numFmt != "" {
			if numStyle, err = f.NewStyle(&excelize.Style{CustomNumFmt: &s.numFmt}); err != nil {
				t.Fatal(err)
			}
		}
		if s.csv == "" {
			continue
		}
		cr := csv.NewReader(strings.NewReader(s.csv))
		cr.FieldsPerRecord = -1
		recs, err := cr.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		header := recs[s.titles]
		for r, rec := range recs {
			for c, v := range rec {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				col := header[min(c, len(header)-1)]
				var val any = v
				style := 0
				switch {
				case r <= s.titles || v == "":
				case strings.Contains(" "+dateColumns+" ", " "+col+" ") || strings.HasPrefix(col, "Date "):
					d, err := time.Parse("2006-01-02", v)
					if err != nil {
						t.Fatalf("%s %s: %v", s.name, cell, err)
					}
					val, style = d, dateStyle
				case strings.Contains(" "+numberColumns+" ", " "+col+" "):
					n, err := strconv.ParseFloat(v, 64)
					if err != nil {
						t.Fatalf("%s %s: %v", s.name, cell, err)
					}
					val, style = n, numStyle
				}
				if err := f.SetCellValue(s.name, cell, val); err != nil {
					t.Fatal(err)
				}
				if style != 0 {
					if err := f.SetCellStyle(s.name, cell, cell, style); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
	for i, s := range sheets {
		if !s.hidden {
			// Excel shows the active sheet, so it cannot be hidden.
			f.SetActiveSheet(i)
			break
		}
	}
	for _, s := range sheets {
		if s.hidden {
			if err := f.SetSheetVisible(s.name, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The sample council's data as Excel workbooks, with real date and number
// cells, gives the very same report as its CSV files: indicators.json,
// and every other file of the output, byte for byte.
func TestWorkbooksBuildAsCSV(t *testing.T) {
	dir := copySample(t)
	csvOut := filepath.Join(t.TempDir(), "csv")
	csvRes, err := Build(context.Background(), Options{Source: dir, Output: csvOut})
	if err != nil {
		t.Fatalf("CSV build: %v\n%s", err, csvRes.Problems.Error())
	}

	data := func(name string) string { return readText(t, filepath.Join(dir, "data", name)) }
	// Children on the first visible sheet, after a hidden one, in UK dates;
	// adopters and budget on named sheets of one workbook, the budget in
	// Excel's Accounting format (zero shown as "-").
	writeWorkbook(t, filepath.Join(dir, "data", "children.xlsx"),
		sheet{name: "Lookups", csv: "code,meaning\nWBRI,White British\n", hidden: true},
		sheet{name: "Children tracker", csv: data("children.csv"), dateFmt: "dd/mm/yyyy"})
	writeWorkbook(t, filepath.Join(dir, "data", "raa.xlsx"),
		sheet{name: "Notes"},
		sheet{name: "Adopters", csv: data("adopters.csv")},
		sheet{name: "Budget 2019-25", csv: data("budget.csv"), numFmt: `_-[$£-809]* #,##0.00_-;-[$£-809]* #,##0.00_-;_-[$£-809]* "-"??_-;_-@_-`})
	writeWorkbook(t, filepath.Join(dir, "data", "comparators.xlsx"),
		sheet{name: "Benchmarks", csv: data("comparators.csv"), numFmt: "#,##0.0"})
	for _, name := range []string{"children.csv", "adopters.csv", "budget.csv", "comparators.csv"} {
		if err := os.Remove(filepath.Join(dir, "data", name)); err != nil {
			t.Fatal(err)
		}
	}
	cfg := readText(t, filepath.Join(dir, "config.toml")) + `
[data]
children    = "data/children.xlsx"
adopters    = "data/raa.xlsx[Adopters]"
budget      = "data/raa.xlsx[budget 2019-25]"
comparators = "data/comparators.xlsx"
`
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	xlsxOut := filepath.Join(t.TempDir(), "xlsx")
	res, err := Build(context.Background(), Options{Source: dir, Output: xlsxOut})
	if err != nil {
		t.Fatalf("workbook build: %v\n%s", err, res.Problems.Error())
	}
	// The sample's two warnings (placement_order after matched), on the
	// same rows, now naming the sheet and Excel's column letter.
	if len(res.Problems) != len(csvRes.Problems) {
		t.Errorf("the workbooks should give the CSV files' problems:\n%s\nnot\n%s", res.Problems.Error(), csvRes.Problems.Error())
	}
	for i, p := range res.Problems {
		if i < len(csvRes.Problems) && !strings.HasPrefix(p.String(), fmt.Sprintf("data/children.xlsx[Children tracker]:%d:I: placement_order: ", csvRes.Problems[i].Line)) {
			t.Errorf("problem %d is %q, for the CSV build's %q", i, p, csvRes.Problems[i])
		}
	}

	want := readText(t, filepath.Join(csvOut, "data", "indicators.json"))
	if got := readText(t, filepath.Join(xlsxOut, "data", "indicators.json")); got != want {
		t.Fatalf("indicators.json differs between the CSV and the workbook build")
	}
	a, b := snapshot(t, csvOut), snapshot(t, xlsxOut)
	if len(a) != len(b) {
		t.Errorf("the CSV build wrote %d files, the workbook build %d", len(a), len(b))
	}
	for p, v := range a {
		rel, _ := filepath.Rel(csvOut, p)
		if w, ok := b[filepath.Join(xlsxOut, rel)]; !ok || !bytes.Equal([]byte(v), []byte(w)) {
			t.Errorf("output/%s differs between the CSV and the workbook build", rel)
		}
	}
}

// Workbooks the build cannot read are all reported at once, each saying
// what to do, and the build writes nothing.
func TestBadWorkbooksLeaveOutput(t *testing.T) {
	dir := copySample(t)
	out := filepath.Join(t.TempDir(), "out")
	if res, err := Build(context.Background(), Options{Source: dir, Output: out}); err != nil {
		t.Fatalf("first build: %v\n%s", err, res.Problems.Error())
	}
	before := snapshot(t, out)

	writeWorkbook(t, filepath.Join(dir, "data", "budget.xlsx"), sheet{name: "Budget", csv: readText(t, filepath.Join(dir, "data", "budget.csv"))})
	good, err := os.ReadFile(filepath.Join(dir, "data", "budget.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	locked, err := excelize.Encrypt(good, &excelize.Options{Password: "secret"})
	if err != nil {
		t.Fatal(err)
	}
	xls := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	for name, b := range map[string][]byte{"children.xls": xls, "adopters.xlsx": locked, "comparators.xlsx": good[:len(good)/3]} {
		if err := os.WriteFile(filepath.Join(dir, "data", name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := readText(t, filepath.Join(dir, "config.toml")) + `
[data]
children    = "data/children.xls"
adopters    = "data/adopters.xlsx"
budget      = "data/budget.xlsx[Budget 2024-25]"
comparators = "data/comparators.xlsx"
`
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Build(context.Background(), Options{Source: dir, Output: out})
	if err == nil {
		t.Fatal("the build should fail")
	}
	got := res.Problems.Error()
	for _, want := range []string{
		"data/adopters.xlsx: is protected by a password, so it cannot be read: open it in Excel, remove the password (File > Info > Protect Workbook",
		`data/budget.xlsx: has no sheet named "Budget 2024-25"; its sheets are "Budget": write one of them in square brackets after the file's path in config.toml, e.g. "data/budget.xlsx[Budget]"`,
		`data/children.xls: is an Excel 97-2003 workbook (.xls), which cannot be read: open it in Excel and use File > Save As > "Excel Workbook (.xlsx)"`,
		"data/comparators.xlsx: cannot be read as an Excel workbook",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	after := snapshot(t, out)
	if len(after) != len(before) {
		t.Errorf("the failed build changed the number of output files: %d, was %d", len(after), len(before))
	}
	for p, v := range before {
		if after[p] != v {
			t.Errorf("the failed build changed %s", p)
		}
	}
}

// records reads a CSV file of the sample into maps by column.
func records(t *testing.T, path string) []map[string]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(readText(t, path))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// csvText writes rows under header as CSV.
func csvText(t *testing.T, header []string, rows [][]string) string {
	t.Helper()
	var b strings.Builder
	w := csv.NewWriter(&b)
	if err := w.WriteAll(append([][]string{header}, rows...)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// coded writes a value as Annex A's drop-down lists do, "a) Male".
func coded(v string) string {
	if v == "" {
		return ""
	}
	return "a) " + v
}

// The sample council as Ofsted's Annex A (List 10 and List 11, each
// adopter of a couple on a row of their own, coded cells, a title row
// above the header), with partial children.csv and adopters.csv giving
// only what the lists lack, builds the same figures as its CSV files.
func TestAnnexABuildsAsCSV(t *testing.T) {
	dir := copySample(t)
	csvOut := filepath.Join(t.TempDir(), "csv")
	if res, err := Build(context.Background(), Options{Source: dir, Output: csvOut}); err != nil {
		t.Fatalf("CSV build: %v\n%s", err, res.Problems.Error())
	}

	yesNo := map[string]string{"yes": "a) Yes", "no": "b) No", "": ""}
	sex := map[string]string{"male": "a) Male", "female": "b) Female"}
	l10 := []string{"Child Unique ID", "Family identifier", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
		"Does the Child have a Disability", "Date the Child Entered Care", "Date of Decision that Child Should be Placed for Adoption",
		"Date of Placement Order", "Date of Matching Child and Prospective Adopters", "Date Placed for Adoption", "Date of Adoption Order",
		"Date of Decision that Child Should No Longer be Placed for Adoption", "Reason Why Child No Longer Placed for Adoption",
		"Date the child was placed for fostering in FFA or concurrent planning placement"}
	fill := []string{"child_id", "entered_care", "sibling_group", "adopted_by_foster_carer", "interagency", "disrupted", "moved_in_with_adopters", "early_permanence"}
	var list10, kids [][]string
	for _, c := range records(t, filepath.Join(dir, "data", "children.csv")) {
		ffa, moved, ep := "", c["moved_in_with_adopters"], c["early_permanence"]
		if ep != "none" && ep != "" {
			ffa, moved = moved, ""
		}
		if implied := map[bool]string{true: "ffa", false: "none"}[ffa != ""]; ep == implied || ep == "" && implied == "none" {
			ep = ""
		}
		list10 = append(list10, []string{c["child_id"], "F" + c["child_id"], sex[c["sex"]], coded(c["ethnicity"]), c["date_of_birth"], "4",
			yesNo[c["disabled"]], c["entered_care"], c["should_be_placed"], c["placement_order"], c["matched"], c["placed_for_adoption"],
			c["adoption_order"], c["decision_reversed"], c["reversal_reason"], ffa})
		kids = append(kids, []string{c["child_id"], c["entered_care"], c["sibling_group"], c["adopted_by_foster_carer"], c["interagency"], c["disrupted"], moved, ep})
	}
	l11 := []string{"Individual adopter identifier", "Family identifier", "Gender", "Ethnicity", "Date of Birth", "Age", "Disability",
		"Is the (prospective) adopter fostering for adoption?", "Date enquiry received", "Date Stage 1 started", "Date Stage 1 ended",
		"Date Stage 2 started", "Date Stage 2 ended", "Date application submitted", "Date application approved",
		"Date adopter matched with child(ren)", "Date child/children placed with adopter(s)", "No. of children placed",
		"Date of Adoption Order", "Date of leaving adoption process", "Reason for leaving adoption process"}
	var list11, hh [][]string
	for _, a := range records(t, filepath.Join(dir, "data", "adopters.csv")) {
		for k, eth := range []string{coded(a["ethnicity"]), "b) WIRI"} {
			ffa := yesNo[a["early_permanence_approved"]]
			if k == 1 {
				ffa = "b) No" // the partner's answer: the family's is yes if either's is
			}
			list11 = append(list11, []string{fmt.Sprintf("%s-%d", a["household_id"], k+1), a["household_id"], "b) Female", eth, "", "40", "b) No",
				ffa, a["enquiry"], a["stage1_started"], a["stage1_completed"], a["stage2_started"], "", "", a["approved"],
				a["matched"], a["placed"], "", "", a["withdrawn"], a["withdrawn_reason"]})
		}
		hh = append(hh, []string{a["household_id"], a["registration_of_interest"], a["fast_track"]})
	}
	// The title row Ofsted's template has above each list's header.
	writeWorkbook(t, filepath.Join(dir, "data", "annex_a.xlsx"),
		sheet{name: "List 1"},
		sheet{name: "List 10 - Adoption", csv: "List 10: Adoption\n" + csvText(t, l10, list10), dateFmt: "dd/mm/yyyy", titles: 1},
		sheet{name: "Adopters", csv: csvText(t, l11, list11), dateFmt: "dd/mm/yyyy"})
	for name, text := range map[string]string{
		"children.csv": csvText(t, fill, kids),
		"adopters.csv": csvText(t, []string{"household_id", "registration_of_interest", "fast_track"}, hh),
	} {
		if err := os.WriteFile(filepath.Join(dir, "data", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := readText(t, filepath.Join(dir, "config.toml")) + "\n[data]\nannex_a = \"data/annex_a.xlsx\"\n"
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	annexOut := filepath.Join(t.TempDir(), "annex")
	res, err := Build(context.Background(), Options{Source: dir, Output: annexOut})
	if err != nil {
		t.Fatalf("Annex A build: %v\n%s", err, res.Problems.Error())
	}
	// The sample's two warnings (placement_order after matched), now in
	// List 10; nothing overridden, since the files only fill.
	if len(res.Problems) != 2 || !strings.Contains(res.Problems.Error(), "data/annex_a.xlsx[List 10 - Adoption]:58:J: placement_order: 07/10/2016 is after matched") {
		t.Errorf("problems:\n%s", res.Problems.Error())
	}
	if got, want := readText(t, filepath.Join(annexOut, "data", "indicators.json")), readText(t, filepath.Join(csvOut, "data", "indicators.json")); got != want {
		t.Errorf("indicators.json differs between the CSV and the Annex A build\n%s", res.Problems.Error())
	}
}
