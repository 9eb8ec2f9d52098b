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
		recs, err := csv.NewReader(strings.NewReader(s.csv)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		header := recs[0]
		for r, rec := range recs {
			for c, v := range rec {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				col := header[c]
				var val any = v
				style := 0
				switch {
				case r == 0 || v == "":
				case strings.Contains(" "+dateColumns+" ", " "+col+" "):
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
