package dataset

import (
	"strings"
	"testing"
)

// A file with the required columns of children.csv only, to which the
// tests below add the file-level mistakes.
const minHeader = "child_id,sex,date_of_birth,entered_care,should_be_placed,ethnicity,reversal_reason"

const minRow = "C1,male,2020-01-01,2021-01-01,2021-06-01,WBRI,"

func TestFileConventions(t *testing.T) {
	tests := []struct {
		name string
		data string
		want []string
		rows []int // the Row of each record read
	}{
		{"clean", minHeader + "\n" + minRow + "\n", nil, []int{2}},
		{"CRLF", minHeader + "\r\n" + minRow + "\r\n" + "C2,male,2020-01-01,2021-01-01,2021-06-01,WBRI,\r\n", nil, []int{2, 3}},
		{"no final newline", minHeader + "\n" + minRow, nil, []int{2}},
		{"BOM", "\uFEFF" + minHeader + "\n" + minRow + "\n", nil, []int{2}},
		{"old Mac line ends", minHeader + "\r" + minRow + "\r", nil, []int{2}},
		{"headers in any case and order, with spaces",
			" ETHNICITY ,Child_ID,SEX,Date_of_Birth,entered_care , should_be_placed\nWBRI,C1,male,2020-01-01,2021-01-01,2021-06-01\n", nil, []int{2}},
		{"header only", minHeader + "\n", nil, nil},
		{"unknown column",
			minHeader + ",Social worker\n" + minRow + ",A. Smith\n",
			[]string{"W c.csv:1:8: Social worker: unknown column, ignored"}, []int{2}},
		{"unknown column that looks like a known one",
			"Child ID,sex,date_of_birth,entered_care,should_be_placed,ethnicity\nC1,male,2020-01-01,2021-01-01,2021-06-01,WBRI\n",
			[]string{
				`E c.csv:1: child_id: required column is missing: add a column headed child_id (or rename the column headed "Child ID")`,
				"W c.csv:1:1: Child ID: unknown column, ignored (did you mean child_id?)",
			}, []int{2}},
		{"misspelt column", "child_id,sex,date_of_brith,entered_care,should_be_placed,ethnicity\nC1,male,2020-01-01,2021-01-01,2021-06-01,WBRI\n",
			[]string{
				`E c.csv:1: date_of_birth: required column is missing: add a column headed date_of_birth (or rename the column headed "date_of_brith")`,
				"W c.csv:1:3: date_of_brith: unknown column, ignored (did you mean date_of_birth?)",
			}, []int{2}},
		{"missing required column, reported once not per row",
			"child_id,date_of_birth,entered_care,should_be_placed,ethnicity\nC1,2020-01-01,2021-01-01,2021-06-01,WBRI\nC2,2020-01-01,2021-01-01,2021-06-01,WBRI\n",
			[]string{"E c.csv:1: sex: required column is missing: add a column headed sex"}, []int{2, 3}},
		{"missing ethnicity column, warned once",
			"child_id,sex,date_of_birth,entered_care,should_be_placed\nC1,male,2020-01-01,2021-01-01,2021-06-01\nC2,male,2020-01-01,2021-01-01,2021-06-01\n",
			[]string{"W c.csv:1: ethnicity: column is missing: every child is counted as Not known"}, []int{2, 3}},
		{"duplicate column",
			minHeader + ",Sex\n" + minRow + ",female\n",
			[]string{"E c.csv:1:8: sex: column appears twice (first as column B): delete one of them"}, []int{2}},
		{"column with no heading",
			"child_id,,sex,date_of_birth,entered_care,should_be_placed,ethnicity\nC1,x,male,2020-01-01,2021-01-01,2021-06-01,WBRI\n",
			[]string{"W c.csv:1:2: column B has no heading, so it is ignored"}, []int{2}},
		{"trailing empty cells are ignored",
			minHeader + ",,\n" + minRow + ",,,,\n", nil, []int{2}},
		{"cells beyond the header",
			minHeader + "\n" + minRow + ",,oops\n",
			[]string{"E c.csv:2:9: cell to the right of the last column heading: give column I a heading or delete the cell"}, []int{2}},
		{"blank line, then a bad date: the row counts the blank line as Excel does",
			minHeader + "\n" + minRow + "\n\nC2,male,2020-01-01,2021-13-01,2021-06-01,WBRI,\n",
			[]string{`E c.csv:4:4: entered_care: "2021-13-01" is not a date`}, []int{2, 4}},
		{"a row of empty cells is ignored but keeps its row",
			minHeader + "\n,,,,,,\nC2,male,2020-01-01,2021-13-01,2021-06-01,WBRI,\n",
			[]string{`E c.csv:3:4: entered_care: "2021-13-01" is not a date`}, []int{3}},
		{"multi-line cell, then a bad date: one row per record, as Excel shows it",
			minHeader + "\n" + `C1,male,2020-01-01,2021-01-01,2021-06-01,WBRI,"Appeal by birth mother` + "\n" + `upheld` + "\r\n" + `in court"` + "\n" +
				"C2,male,2020-01-01,2021-01-01,32/06/2021,WBRI,\n",
			[]string{`E c.csv:3:5: should_be_placed: "32/06/2021" is not a date`}, []int{2, 3}},
		{"multi-line cell in the header",
			"child_id,sex,date_of_birth,\"entered_care\",\"should_be_placed\",ethnicity,\"reversal\nreason\"\nC1,male,2020-01-01,2021-01-01,2021-06-01,WBRI,\nC2,male,x,2021-01-01,2021-06-01,WBRI,\n",
			[]string{`W c.csv:1:7: reversal` + "\n" + `reason: unknown column`, `E c.csv:3:3: date_of_birth: "x" is not a date`}, []int{2, 3}},
		{"unterminated quote",
			minHeader + "\n" + minRow + "\n" + `C2,male,2020-01-01,2021-01-01,2021-06-01,WBRI,"Appeal` + "\nC3,male,2020-01-01,2021-01-01,2021-06-01,WBRI,\n",
			[]string{`E c.csv:3:7: reversal_reason: a cell here opens with " but is never closed, so the rest of the file was read as part of it: add the missing "`}, []int{2}},
		{"unterminated quote after a multi-line cell",
			minHeader + "\n" + minRow + "\"a\nb\"\n" + `C2,"male,2020-01-01` + "\nC3\n",
			[]string{`E c.csv:3:2: sex: a cell here opens with " but is never closed`}, []int{2}},
		{"stray quote in a plain cell, reading goes on",
			minHeader + "\nC1,male,2020-01-01,2021-01-01,2021-06-01,WBRI,5\" tall\nC2,male,x,2021-01-01,2021-06-01,WBRI,\n",
			[]string{`E c.csv:2:7: reversal_reason: has a " in a cell that does not start with one`, `E c.csv:3:3: date_of_birth: "x" is not a date`}, []int{3}},
		{"text after a closing quote",
			minHeader + "\nC1,\"male\"x,2020-01-01,2021-01-01,2021-06-01,WBRI,\n" + minRow + "\n",
			[]string{`E c.csv:2:2: sex: has text after the closing " of a quoted cell`}, []int{3}},
		{"quoting error in the header: nothing else is read",
			"child_id,\"sex\"x,date_of_birth\nC1,male,2020-01-01\n",
			[]string{`E c.csv:1:2: has text after the closing " of a quoted cell`}, nil},
		{"semicolons", strings.ReplaceAll(minHeader, ",", ";") + "\n" + strings.ReplaceAll(minRow, ",", ";") + "\n",
			[]string{"E c.csv:1:1: columns are separated by semicolons, not commas"}, nil},
		{"tabs", strings.ReplaceAll(minHeader, ",", "\t") + "\n",
			[]string{"E c.csv:1:1: columns are separated by tabs, not commas"}, nil},
		{"Windows-1252, warned once",
			minHeader + "\nC1,male,2020-01-01,2021-01-01,2021-06-01,WBRI,Caf\xe9 \xa3\nC2,male,2020-01-01,2021-01-01,2021-06-02,WBRI,Caf\xe9\n",
			[]string{`W c.csv: file is not UTF-8; read it as Windows-1252 (Excel's "CSV" format) — save as "CSV UTF-8" to avoid this warning`}, []int{2, 3}},
		{"empty", "", []string{"E c.csv: is empty: it needs a header row naming the columns, e.g. child_id,sex,date_of_birth,entered_care,should_be_placed"}, nil},
		{"only spaces and a BOM", "\uFEFF \r\n\n", []string{"E c.csv: is empty"}, nil},
		{"only empty cells", ",,,\n,,\n", []string{"E c.csv: has no header row: the first row must name the columns"}, nil},
		{"binary", "child_id\x00\x01\x02", []string{"E c.csv: is not a text file (it contains binary data)"}, nil},
		{"the start of a zip archive: a damaged workbook, whatever its name", "PK\x03\x04\x14\x00\x06\x00",
			[]string{`E c.csv: cannot be read as an Excel workbook (zip: not a valid zip file): it may be damaged, or another kind of file renamed; open it in Excel and use File > Save As > "Excel Workbook (.xlsx)"`}, nil},
		{"UTF-16", "\xff\xfec\x00h\x00", []string{"E c.csv: is UTF-16 text"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kids, probs, _ := readChildren("c.csv", []byte(tt.data), testLimits)
			if d := matchProblems(probs, tt.want); d != "" {
				t.Error(d)
			}
			var rows []int
			for _, k := range kids {
				rows = append(rows, k.Row)
			}
			if !equalInts(rows, tt.rows) {
				t.Errorf("rows %v, want %v", rows, tt.rows)
			}
		})
	}
}

func TestWindows1252Text(t *testing.T) {
	kids, _, _ := readChildren("c.csv", []byte(minHeader+"\nC1,male,2020-01-01,2021-01-01,2021-06-01,WBRI,Caf\xe9 \x93quote\x94 \xa3\n"), testLimits)
	if len(kids) != 1 || kids[0].ReversalReason != "Café “quote” £" {
		t.Errorf("got %+v", kids)
	}
}

func TestMultiLineCellKept(t *testing.T) {
	kids, _, _ := readChildren("c.csv", []byte(minHeader+"\r\n"+`C1,male,2020-01-01,2021-01-01,2021-06-01,WBRI,"Line one`+"\r\n"+`line ""two"""`+"\r\n"), testLimits)
	if len(kids) != 1 || kids[0].ReversalReason != "Line one\nline \"two\"" {
		t.Errorf("got %+v", kids)
	}
}

func TestLetters(t *testing.T) {
	for n, want := range map[int]string{1: "A", 2: "B", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA"} {
		if got := letters(n); got != want {
			t.Errorf("letters(%d) = %s, want %s", n, got, want)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
