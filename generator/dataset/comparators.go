package dataset

import (
	"fmt"
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/period"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// comparatorCSV is a comparators.csv row as text, one string field per column.
type comparatorCSV struct {
	Indicator string `csv:"indicator" required:"yes"`
	Period    string `csv:"period" required:"yes"`
	Area      string `csv:"area" required:"yes"`
	Value     string `csv:"value" required:"yes"`
}

var comparatorSchema = schemaOf(comparatorCSV{})

// indicatorIDs are the indicator IDs of docs/data.md, the only ones a
// comparator may name.
var indicatorIDs = []string{
	"adopted", "a1", "a10", "a2", "a3", "a3_percent",
	"should_be_placed", "placement_orders", "matched", "placed", "reversed",
	"early_permanence_placements", "early_permanence_percent", "interagency_placements",
	"waiting", "waiting_with_order", "waiting_18_months",
	"enquiries", "registrations", "stage1_started", "stage2_started", "approvals", "adopter_matches", "withdrawals",
	"stage1_on_time_percent", "stage2_on_time_percent", "approved_within_6_months_percent",
	"adopters_waiting", "adopters_waiting_over_3_months", "sufficiency_ratio",
	"budget", "actual", "variance", "variance_price", "variance_volume",
}

// readComparators reads and checks comparators.csv. Indicator IDs are
// matched in any case and stored in lower case. Every row is returned,
// even one with errors; problems are in row and column order. name is
// the file's name in messages.
func readComparators(name string, data []byte) ([]Comparator, problem.List) {
	var probs problem.List
	t := readTable(name, data, comparatorSchema, &probs)
	if t == nil {
		return nil, sortByPlace(probs)
	}
	raw := rawRows[comparatorCSV](t, comparatorSchema)
	out := make([]Comparator, 0, len(raw))
	c := newRowCheck(t, limits{}, &probs)
	for i := range raw {
		r := &raw[i]
		row := t.rows[i].row
		c.next(row)
		cp := Comparator{Row: row, Area: r.Area}
		if c.required("indicator", r.Indicator) {
			cp.Indicator = c.indicator(r.Indicator)
		}
		if c.required("period", r.Period) {
			p, err := period.ParsePeriod(r.Period)
			if err != nil {
				c.errorf("period", "%v", err)
			}
			cp.Period = p
		}
		c.required("area", r.Area)
		if c.required("value", r.Value) {
			cp.Value = c.comparatorValue(r.Value)
		}
		out = append(out, cp)
	}
	return out, sortByPlace(probs)
}

func (c *rowCheck) indicator(v string) string {
	id := strings.ToLower(v)
	for _, known := range indicatorIDs {
		if id == known {
			return id
		}
	}
	hint := didYouMean(id, indicatorIDs)
	if hint == "" {
		hint = " (see the list of indicator IDs in docs/data.md)"
	}
	c.errorf("indicator", "%q is not an indicator ID%s", v, hint)
	return ""
}

// comparatorValue reads a benchmark, explaining the symbols that
// published tables use for figures they do not give.
func (c *rowCheck) comparatorValue(v string) float64 {
	n, err := parseNumber(v)
	if err == nil {
		return n
	}
	switch t := strings.Trim(strings.ToLower(v), "[]"); {
	case t == "c" || t == "x" || t == "z" || t == "low" || t == "..":
		err = fmt.Errorf("%q is a published table's symbol for a figure not given, not a number: delete this row", v)
	case strings.HasSuffix(v, "%"):
		if _, e := parseNumber(strings.TrimSuffix(v, "%")); e == nil {
			err = fmt.Errorf("%q is not a number: write it without the %% sign (%s)", v, strings.TrimSpace(strings.TrimSuffix(v, "%")))
		}
	}
	c.errorf("value", "%v", err)
	return 0
}
