package charts

import (
	"bytes"
	"encoding/csv"
	"slices"
	"testing"
)

func TestCSV(t *testing.T) {
	tb := Table{
		ID:      "t",
		Header:  []string{"Line", "Driver", "Variance"},
		Numeric: []bool{false, false, true},
		Rows: [][]string{
			{"=HYPERLINK(\"http://x\")", "+SUM(A1)", "-£1,234"},
			{"-2+3", "@cmd", "-1234"},
			{"\tTabbed", "\rReturn", "[c]"},
			{"Plain, with comma", "Quote \" inside", ""},
			{"Multi\nline", "£", "£1,234"},
		},
	}
	got := tb.CSV()
	rest, ok := bytes.CutPrefix(got, []byte(BOM))
	if !ok {
		t.Errorf("CSV does not start with a UTF-8 byte-order mark, which Excel needs to read £:\n%q", got)
	}
	got = rest
	if bytes.Contains(got, []byte("\r\n")) {
		t.Errorf("CSV uses CRLF; want LF:\n%q", got)
	}
	records, err := csv.NewReader(bytes.NewReader(got)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not read back: %v\n%s", err, got)
	}
	want := [][]string{
		{"Line", "Driver", "Variance"},
		// Text that a spreadsheet would run is defused; figures are not.
		{"'=HYPERLINK(\"http://x\")", "'+SUM(A1)", "-£1,234"},
		{"'-2+3", "'@cmd", "-1234"},
		{"'\tTabbed", "'\rReturn", "[c]"},
		{"Plain, with comma", "Quote \" inside", ""},
		{"Multi\nline", "£", "£1,234"},
	}
	// encoding/csv reads a quoted \r as \n; compare the cell that held it
	// by its prefix only.
	for i := range want {
		if i >= len(records) {
			t.Fatalf("CSV has %d records, want %d", len(records), len(want))
		}
		if i == 3 {
			if records[i][0] != want[i][0] || records[i][1][0] != '\'' || records[i][2] != want[i][2] {
				t.Errorf("record %d = %q, want %q", i, records[i], want[i])
			}
			continue
		}
		if !slices.Equal(records[i], want[i]) {
			t.Errorf("record %d = %q, want %q", i, records[i], want[i])
		}
	}
}

func TestCSVHeaderDefused(t *testing.T) {
	// A header can hold a driver name from budget.csv.
	tb := Table{Header: []string{"Year", "=cmd (actual)"}, Numeric: []bool{false, true}}
	if got, want := string(tb.CSV()), BOM+"Year,'=cmd (actual)\n"; got != want {
		t.Errorf("CSV = %q, want %q", got, want)
	}
}
