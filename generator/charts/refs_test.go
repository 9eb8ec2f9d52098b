package charts

import (
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/period"
)

// Every table's Refs is parallel to its Rows, and each ref names one of
// the report's figures that FormatValue writes as the cell reads.
func TestRefsMatchCells(t *testing.T) {
	r, cfg := testReport(t)
	var tables []Table
	for _, c := range Build(r, cfg) {
		tables = append(tables, c.Table)
	}
	tables = append(tables, Tables(r, cfg)...)
	n := 0
	for _, tb := range tables {
		if len(tb.Refs) != len(tb.Rows) {
			t.Errorf("%s: %d rows of refs, %d rows", tb.ID, len(tb.Refs), len(tb.Rows))
			continue
		}
		for i, refs := range tb.Refs {
			if len(refs) != len(tb.Rows[i]) {
				t.Errorf("%s row %d: %d refs, %d cells", tb.ID, i, len(refs), len(tb.Rows[i]))
				continue
			}
			for c, ref := range refs {
				if ref == "" {
					continue
				}
				n++
				id, per, _ := strings.Cut(ref, " ")
				p, err := period.ParsePeriod(per)
				if err != nil {
					t.Errorf("%s row %d column %d: ref %q: %v", tb.ID, i, c, ref, err)
					continue
				}
				f, ok := r.Lookup(id, p)
				if !ok {
					t.Errorf("%s row %d column %d: ref %q is not one of the report's figures", tb.ID, i, c, ref)
					continue
				}
				if got, want := tb.Rows[i][c], FormatValue(f); got != want {
					t.Errorf("%s row %d column %d (%s): %q, FormatValue gives %q", tb.ID, i, c, ref, got, want)
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d cells have refs", n)
	}
}
