package charts

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/indicators"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

// entriesOf indexes every figure of r that indicators.json lists by its
// key, in its order.
func entriesOf(r *indicators.Report) map[string][]indicators.Entry {
	m := map[string][]indicators.Entry{}
	all := make([]indicators.Entry, 0, len(r.Figures))
	for _, f := range r.Figures {
		all = append(all, indicators.Entry{Figure: f})
	}
	for _, e := range append(all, r.Extras()...) {
		k := Ref(e.ID, e.Period.String(), e.Part)
		m[k] = append(m[k], e)
	}
	return m
}

// Every table's Refs is parallel to its Rows; each ref names one of the
// report's figures (or a field of it, or a comparator) that reads as the
// cell does; and every figure a table shows has one.
func TestRefsMatchCells(t *testing.T) {
	r, cfg := testReport(t)
	entries := entriesOf(r)
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
				cell := tb.Rows[i][c]
				if ref == "" {
					if tb.Numeric[c] && cell != "" {
						t.Errorf("%s row %d column %d: %q has no ref", tb.ID, i, c, cell)
					}
					continue
				}
				n++
				want, ok := resolveCell(t, r, entries, ref)
				if ok && cell != want {
					t.Errorf("%s row %d column %d (%s): %q, the report gives %q", tb.ID, i, c, ref, cell, want)
				}
			}
		}
	}
	if n < 250 {
		t.Errorf("only %d cells have refs", n)
	}
}

// resolveCell is what a cell with ref reads according to the report.
func resolveCell(t *testing.T, r *indicators.Report, entries map[string][]indicators.Entry, ref string) (string, bool) {
	t.Helper()
	if area, id, per, ok := ParseComparatorRef(ref); ok {
		p, err := period.ParsePeriod(per)
		if err != nil {
			t.Errorf("ref %q: %v", ref, err)
			return "", false
		}
		f, ok := r.Lookup(id, p)
		c, found := f.Comparator(area)
		if !ok || !found {
			t.Errorf("ref %q: comparators.csv has no such row", ref)
			return "", false
		}
		return FormatValue(indicators.Figure{Unit: f.Unit, Value: c.Value, HasValue: true}), true
	}
	key, field := SplitRef(ref)
	es := entries[key]
	if len(es) == 0 {
		t.Errorf("ref %q is not one of the report's figures", ref)
		return "", false
	}
	cell, ok := RefCell(es[0], field)
	if !ok {
		t.Errorf("ref %q: a table cannot show field %q of it", ref, field)
	}
	return cell, ok
}

func TestSplitRef(t *testing.T) {
	for _, tt := range []struct{ ref, key, field string }{
		{"a1 2022-25", "a1 2022-25", ""},
		{"a3_percent 2022-25 .base", "a3_percent 2022-25", "base"},
		{`budget 2024-25 line="Fees .base"`, `budget 2024-25 line="Fees .base"`, ""},
		{`variance 2024-25 driver="x" .running_total`, `variance 2024-25 driver="x"`, "running_total"},
	} {
		if k, f := SplitRef(tt.ref); k != tt.key || f != tt.field {
			t.Errorf("SplitRef(%q) = %q, %q; want %q, %q", tt.ref, k, f, tt.key, tt.field)
		}
	}
	ref := ComparatorRef(`England "proper"`, "a1", "2022-25")
	if area, id, per, ok := ParseComparatorRef(ref); !ok || area != `England "proper"` || id != "a1" || per != "2022-25" {
		t.Errorf("ParseComparatorRef(%q) = %q, %q, %q, %v", ref, area, id, per, ok)
	}
	if _, _, _, ok := ParseComparatorRef("a1 2022-25"); ok {
		t.Error("an indicator's key parses as a comparator")
	}
	// Quoting keeps a line name from running into the next field.
	a := Ref("budget", "2024-25", indicators.Part{Line: `x" driver="y`})
	b := Ref("budget", "2024-25", indicators.Part{Line: "x", Driver: "y"})
	if a == b || !strings.HasPrefix(a, "budget 2024-25 line=") {
		t.Errorf("Ref: %q and %q", a, b)
	}
}

// Every series of every chart but the thresholds has refs for its points.
func TestSeriesRefsCoverEverySeries(t *testing.T) {
	r, cfg := testReport(t)
	for _, c := range Build(r, cfg) {
		for _, name := range seriesNames(t, c) {
			if _, ok := c.SeriesRefs[name]; !ok && name != "Thresholds" {
				t.Errorf("%s: series %q has no refs", c.ID, name)
			}
		}
		for name := range c.SeriesRefs {
			if !slices.Contains(seriesNames(t, c), name) {
				t.Errorf("%s: refs for series %q, which the chart does not draw", c.ID, name)
			}
		}
	}
}

// seriesNames lists the names of the series a chart's options draw.
func seriesNames(t *testing.T, c Chart) []string {
	t.Helper()
	var o struct {
		Series []struct {
			Name string `json:"name"`
		} `json:"series"`
	}
	if err := json.Unmarshal(c.Options, &o); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range o.Series {
		names = append(names, s.Name)
	}
	return names
}
