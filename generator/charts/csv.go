package charts

import (
	"bytes"
	"encoding/csv"
)

// CSV returns the table as RFC 4180 CSV with LF line endings: the header
// row, then the rows, each cell exactly as shown ("[c]" included).
//
// The file starts with a UTF-8 byte-order mark. Excel, where most readers
// will open it, takes a CSV without one for the Windows code page and
// shows "£2,038,221" as "Â£2,038,221"; with it, Excel, LibreOffice and
// Numbers all read UTF-8.
//
// A text cell beginning with =, +, -, @, a tab or a carriage return gets a
// leading apostrophe, so that a spreadsheet shows a budget line named
// "=HYPERLINK(…)" as text instead of running it. Cells in Numeric columns
// are figures this package formatted, not text from a spreadsheet, and are
// left alone so that "-1,234" stays a number.
func (t Table) CSV() []byte {
	var b bytes.Buffer
	b.WriteString(BOM)
	w := csv.NewWriter(&b)
	// Writing to a bytes.Buffer cannot fail, and csv.Writer only refuses
	// an invalid Comma, which the default is not.
	_ = w.Write(defuse(t.Header, nil))
	for _, row := range t.Rows {
		_ = w.Write(defuse(row, t.Numeric))
	}
	w.Flush()
	return b.Bytes()
}

// BOM is the UTF-8 byte-order mark every CSV starts with.
const BOM = "\uFEFF"

// defuse returns cells with every text cell that a spreadsheet would read
// as a formula prefixed with an apostrophe. numeric marks the columns that
// hold figures; a nil numeric treats every cell as text.
func defuse(cells []string, numeric []bool) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = c
		if i < len(numeric) && numeric[i] {
			continue
		}
		if c != "" && isFormulaStart(c[0]) {
			out[i] = "'" + c
		}
	}
	return out
}

// isFormulaStart reports whether a cell starting with b may be taken for a
// formula (OWASP's list for CSV injection).
func isFormulaStart(b byte) bool {
	switch b {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}
