package dataset

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// A cell of a test workbook: its reference, value and, for a number,
// a custom number format ("" none).
type xcell struct {
	ref    string
	val    any
	numFmt string
}

// workbookOf writes a workbook in memory with the named sheets, in order,
// each holding its cells.
func workbookOf(t *testing.T, sheets ...struct {
	name  string
	cells []xcell
}) []byte {
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
		for _, c := range s.cells {
			if err := f.SetCellValue(s.name, c.ref, c.val); err != nil {
				t.Fatal(err)
			}
			if c.numFmt != "" {
				st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &c.numFmt})
				if err != nil {
					t.Fatal(err)
				}
				if err := f.SetCellStyle(s.name, c.ref, c.ref, st); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type xsheet = struct {
	name  string
	cells []xcell
}

// row is the cells of one spreadsheet row from column A.
func row(n int, vals ...any) []xcell {
	var cs []xcell
	for i, v := range vals {
		if v == nil {
			continue
		}
		ref, _ := excelize.CoordinatesToCellName(i+1, n)
		cs = append(cs, xcell{ref: ref, val: v})
	}
	return cs
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// The sheet's cells read as the CSV file's text would: a date cell as its
// day whatever its format (and with a time of day), a number in any
// format as its value, a percentage as the percentage shown; problems
// name FILE[SHEET]:ROW:COL with Excel's column letter.
func TestWorkbookCells(t *testing.T) {
	header := row(1, "child_id", "sex", "date_of_birth", "entered_care", "should_be_placed", "ethnicity", "placed_for_adoption", "adoption_order")
	cells := append(header, row(2, "C1", 1, day(2019, 5, 2), day(2020, 1, 31), day(2020, 6, 1), "WBRI", "2021-01-04", day(2021, 9, 30))...)
	cells = append(cells,
		// Row 3: entered care as a date and time in a UK date-time format;
		// a text date; a number that is no date (an Excel serial in a
		// General cell); an impossible date typed as text.
		xcell{"A3", "C2", ""}, xcell{"B3", "female", ""},
		xcell{"C3", day(2018, 2, 28), "d mmmm yyyy"},
		xcell{"D3", time.Date(2020, 3, 31, 9, 30, 0, 0, time.UTC), "dd/mm/yyyy hh:mm"},
		xcell{"E3", 45382, ""},
		xcell{"F3", "WBRI", ""}, xcell{"G3", "31/02/2021", ""},
	)
	// A blank row 4, then a row in column J beyond the header.
	cells = append(cells, row(5, "C3", "m", day(2017, 1, 1), day(2019, 1, 1), day(2019, 2, 1))...)
	cells = append(cells, xcell{"F5", "WBRI", ""}, xcell{"J5", "note", ""})
	data := workbookOf(t, xsheet{"Kids", cells})

	kids, probs, _ := readChildren("data/c.xlsx", data, testLimits)
	want := []string{
		`E data/c.xlsx[Kids]:3:E: should_be_placed: "45382" is not a date (it looks like Excel's number for 31/03/2024: format the column as a date`,
		`E data/c.xlsx[Kids]:3:G: placed_for_adoption: "31/02/2021" is not a date`,
		`E data/c.xlsx[Kids]:5:J: cell to the right of the last column heading: give column J a heading or delete the cell`,
	}
	if d := matchProblems(probs, want); d != "" {
		t.Error(d)
	}
	if len(kids) != 3 {
		t.Fatalf("read %d children, want 3", len(kids))
	}
	k := kids[0]
	if k.Row != 2 || k.Sex != "male" || k.DateOfBirth.String() != "2019-05-02" || k.EnteredCare.String() != "2020-01-31" ||
		k.PlacedForAdoption.String() != "2021-01-04" || k.AdoptionOrder.String() != "2021-09-30" {
		t.Errorf("row 2 read as %+v", k)
	}
	if k := kids[1]; k.Row != 3 || k.DateOfBirth.String() != "2018-02-28" || k.EnteredCare.String() != "2020-03-31" {
		t.Errorf("row 3 read as %+v", k)
	}
	if k := kids[2]; k.Row != 5 {
		t.Errorf("the row after a blank one is row %d, want 5", k.Row)
	}
}

// Money and numbers read as the cell's value, whatever format shows it.
func TestWorkbookNumbers(t *testing.T) {
	acct := `_-[$£-809]* #,##0.00_-;-[$£-809]* #,##0.00_-;_-[$£-809]* "-"??_-;_-@_-`
	cells := row(1, "year", "line", "budget", "actual", "budget_volume", "actual_volume")
	cells = append(cells,
		xcell{"A2", "2024-25", ""}, xcell{"B2", "Fees", ""},
		xcell{"C2", 141600.5, acct}, xcell{"D2", 0.1 + 0.2, acct}, xcell{"E2", 4, "0"}, xcell{"F2", 3, ""},
		xcell{"A3", "2024/25", ""}, xcell{"B3", "Staff", ""},
		xcell{"C3", -1234, "£#,##0.00;(£#,##0.00)"}, xcell{"D3", 0, acct},
	)
	lines, probs := readBudget("b.xlsx", workbookOf(t, xsheet{"Budget", cells}), limits{})
	if len(probs) != 0 {
		t.Fatalf("problems: %v", strs(probs))
	}
	if len(lines) != 2 || lines[0].Budget != 14160050 || lines[0].Actual != 30 || lines[0].BudgetVolume != 4 ||
		lines[1].Budget != -123400 || lines[1].Actual != 0 {
		t.Errorf("read %+v", lines)
	}

	comp := row(1, "indicator", "period", "area", "value")
	comp = append(comp, row(2, "a3_percent", "2024-25", "England")...)
	comp = append(comp, xcell{"D2", 0.625, "0.0%"})
	comp = append(comp, row(3, "a1", "2021-24", "England", 486)...)
	rows, probs := readComparators("c.xlsx", workbookOf(t, xsheet{"C", comp}))
	if len(probs) != 0 || len(rows) != 2 || rows[0].Value != 62.5 || rows[1].Value != 486 {
		t.Errorf("read %+v, problems %v", rows, strs(probs))
	}
}

func TestFormatKind(t *testing.T) {
	for code, want := range map[string]cellKind{
		"dd/mm/yyyy":                             dateCell,
		"d mmmm yyyy":                            dateCell,
		"[$-809]dd mmmm yyyy;@":                  dateCell,
		"mmm-yy":                                 dateCell,
		"mmmm":                                   dateCell,
		"dd/mm/yyyy hh:mm":                       dateCell,
		"h:mm":                                   numberCell, // a time of day
		"[h]:mm:ss":                              numberCell,
		"mm:ss":                                  numberCell,
		"£#,##0.00":                              numberCell,
		`#,##0 "days"`:                           numberCell, // the d of days is text
		`0\d`:                                    numberCell,
		"[Red]0.00;[Blue]-0.00":                  numberCell,
		"0.0%":                                   percentCell,
		"General":                                numberCell,
		`_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-`: numberCell,
	} {
		if got := formatKind(code); got != want {
			t.Errorf("formatKind(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestNumberText(t *testing.T) {
	for n, want := range map[float64]string{
		0.1 + 0.2: "0.3", 141600: "141600", -1234.5: "-1234.5", 1e15: "1000000000000000", 0.000001: "0.000001",
	} {
		if got := numberText(n); got != want {
			t.Errorf("numberText(%v) = %q, want %q", n, got, want)
		}
	}
}

func TestSplitSheet(t *testing.T) {
	for in, want := range map[string][2]string{
		"data/t.xlsx[Children]":  {"data/t.xlsx", "Children"},
		"data/t.xlsx[Budget 24]": {"data/t.xlsx", "Budget 24"},
		"data/t.xlsx":            {"data/t.xlsx", ""},
		"data/export[1].csv":     {"data/export[1].csv", ""},
		"data/export[1].xlsx[S]": {"data/export[1].xlsx", "S"},
		"[S]":                    {"[S]", ""},
	} {
		if f, s := splitSheet(in); f != want[0] || s != want[1] {
			t.Errorf("splitSheet(%q) = %q, %q, want %q", in, f, s, want)
		}
	}
}

// A workbook the build cannot read says what to save it as.
func TestBadWorkbooks(t *testing.T) {
	good := workbookOf(t, xsheet{"Children", row(1, "child_id")}, xsheet{"Notes", nil})
	encrypted, err := excelize.Encrypt(good, &excelize.Options{Password: "secret"})
	if err != nil {
		t.Fatal(err)
	}
	// The start of an Excel 97-2003 file: the compound file's signature
	// and header, with a Workbook stream and no encrypted package.
	xls := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	xls = append(xls, []byte("W\x00o\x00r\x00k\x00b\x00o\x00o\x00k\x00")...)
	tests := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"xls", "c.xls", xls, `E c.xls: is an Excel 97-2003 workbook (.xls), which cannot be read: open it in Excel and use File > Save As > "Excel Workbook (.xlsx)"`},
		{"xls renamed .xlsx", "c.xlsx", xls, `E c.xlsx: is an Excel 97-2003 workbook (.xls)`},
		{"password", "c.xlsx", encrypted, `E c.xlsx: is protected by a password, so it cannot be read: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, and clear the password)`},
		{"missing sheet", "c.xlsx[Childen]", good, `E c.xlsx: has no sheet named "Childen" (did you mean Children?); its sheets are "Children", "Notes": write one of them in square brackets after the file's path in config.toml, e.g. "c.xlsx[Children]"`},
		{"sheet named in any case", "c.xlsx[children]", good, `E c.xlsx[Children]:1: sex: required column is missing`},
		{"empty sheet", "c.xlsx[notes]", good, `E c.xlsx[Notes]: is empty: its first row must name the columns, e.g. child_id, sex`},
		{"a part claiming gigabytes", "c.xlsx", claimSize(t, good, "xl/theme/theme1.xml", 3<<30), `E c.xlsx: is too large to read (over 256 MB unpacked), or damaged: delete the sheets the report does not read, or save the table as CSV UTF-8`},
		{"corrupt", "c.xlsx", good[:len(good)/2], `E c.xlsx: cannot be read as an Excel workbook (zip: not a valid zip file): it may be damaged, or another kind of file renamed; open it in Excel and use File > Save As > "Excel Workbook (.xlsx)"`},
		{"ods", "c.ods", []byte("PK\x03\x04\x14\x00\x00\x08\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheetPK"), `E c.ods: is an OpenDocument spreadsheet (.ods), which cannot be read: save it as "Excel 2007-365 (.xlsx)"`},
		{"a CSV opened with the wrong separator, saved as a workbook", "c.xlsx", workbookOf(t, xsheet{"Sheet1", row(1, "child_id;sex;date_of_birth")}),
			`E c.xlsx[Sheet1]:1:A: the columns are all in column A, separated by semicolons: select column A and use Data > Text to Columns (Delimited, by semicolons), then save`},
		{"a sheet of a CSV file", "c.csv[Children]", []byte("child_id\nC1\n"), `E c.csv: is not an Excel workbook, so it has no sheet "Children": give the workbook's path, or remove [Children] from this file's path in config.toml`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs, _ := readChildren(tt.file, tt.data, testLimits)
			if len(probs) == 0 || !hasPrefix(strs(probs)[0], tt.want) {
				t.Errorf("got:\n\t%v\nwant first (prefix):\n\t%s", strs(probs), tt.want)
			}
		})
	}
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// A damaged or hostile workbook is reported, never a crash: the bytes of
// a real workbook, mutated, are read as children.csv and as Annex A.
func FuzzWorkbook(f *testing.F) {
	t := &testing.T{}
	f.Add(workbookOf(t, xsheet{"Kids", append(row(1, "child_id", "sex", "date_of_birth", "entered_care", "should_be_placed"),
		row(2, "C1", "a) Male", day(2019, 5, 2), day(2020, 1, 31), 45382.5)...)}))
	f.Add(annexWorkbook(t))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, probs, _ := readChildren("c.xlsx", data, testLimits)
		var ap problem.List
		readAnnexA("a.xlsx", data, &ap)
		for _, p := range append(probs, ap...) {
			if p.File == "" || p.Message == "" {
				t.Errorf("problem without a file or message: %+v", p)
			}
		}
	})
}

// claimSize rewrites the zip archive data so that its part name claims to
// unpack to size bytes, as a damaged file's directory may.
func claimSize(t *testing.T, data []byte, name string, size uint64) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name != name {
			if err := zw.Copy(f); err != nil {
				t.Fatal(err)
			}
			continue
		}
		raw, err := f.OpenRaw()
		if err != nil {
			t.Fatal(err)
		}
		h := f.FileHeader
		h.UncompressedSize64 = size
		w, err := zw.CreateRaw(&h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, raw); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
