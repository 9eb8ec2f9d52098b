package dataset

import (
	"io/fs"
	"maps"
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/period"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// ParseDate reads a date as children.csv allows it (2024-03-31 or
// 31/03/2024); blank is the zero Date. It is exported for the readers of
// files councils already hold (generator/ssda903), which fill
// children.csv's columns and must accept exactly what it accepts.
func ParseDate(s string) (period.Date, error) { return parseDate(s) }

// ChildrenColumns lists children.csv's columns in contract order.
func ChildrenColumns() []string { return append([]string(nil), childSchema.columns...) }

// IsEthnicityCode reports whether s is one of SSDA903's ETHNIC codes, in
// any case.
func IsEthnicityCode(s string) bool {
	_, ok := ethnicityCodes[strings.ToLower(strings.TrimSpace(s))]
	return ok
}

// A Partial is a partial children.csv as read: the file (or workbook
// sheet) beside files councils already hold that gives child_id and any
// columns of children.csv. Name is as problems name it (FILE or
// FILE[SHEET]); Col maps each column it has to its spreadsheet column.
type Partial struct {
	Name string
	Col  map[string]int
	Rows []PartialRow
}

// A PartialRow is one row of a Partial: its spreadsheet row and its
// cells, trimmed, by column name (a column the file lacks is blank).
type PartialRow struct {
	Row   int
	Cells map[string]string
}

// ReadPartialChildren reads the optional partial children file name (a
// CSV, or an Excel workbook and sheet as config.toml names it) by the
// conventions of every table of the project: unknown columns are a
// warning, child_id is required. A missing file is nil and no problem.
func ReadPartialChildren(fsys fs.FS, name string) (*Partial, problem.List) {
	data, probs := readFile(fsys, name, "children", true)
	if data == nil {
		return nil, probs
	}
	t := readTable(name, data, partial(childSchema), &probs)
	if t == nil {
		return nil, probs
	}
	p := &Partial{Name: t.name, Col: maps.Clone(t.col)}
	for _, r := range t.rows {
		row := PartialRow{Row: r.row, Cells: map[string]string{}}
		for i, c := range r.cells {
			if n := t.names[i]; n != "" && c != "" {
				row.Cells[n] = c
			}
		}
		p.Rows = append(p.Rows, row)
	}
	return p, probs
}
