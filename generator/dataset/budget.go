package dataset

import "github.com/adoptionreport/adoptionreport/generator/problem"

// budgetCSV is a budget.csv row as text, one string field per column.
type budgetCSV struct {
	Year         string `csv:"year" required:"yes"`
	LA           string `csv:"la"`
	Line         string `csv:"line" required:"yes"`
	Driver       string `csv:"driver"`
	Budget       string `csv:"budget" required:"yes"`
	Actual       string `csv:"actual" required:"yes"`
	BudgetVolume string `csv:"budget_volume"`
	ActualVolume string `csv:"actual_volume"`
	Unit         string `csv:"unit"`
}

var budgetSchema = schemaOf(budgetCSV{})

// readBudget reads and checks budget.csv. Every row is returned, even
// one with errors; problems are in row and column order. name is the
// file's name in messages.
func readBudget(name string, data []byte, lim limits) ([]BudgetLine, problem.List) {
	var probs problem.List
	t := readTable(name, data, budgetSchema, &probs)
	if t == nil {
		return nil, sortByPlace(probs)
	}
	raw := rawRows[budgetCSV](t, budgetSchema)
	out := make([]BudgetLine, 0, len(raw))
	laColumn(t, lim, &probs)
	c := newRowCheck(t, limits{councils: lim.councils}, &probs)
	for i := range raw {
		r := &raw[i]
		row := t.rows[i].row
		c.next(row)
		b := BudgetLine{Row: row, LA: c.la(r.LA), Line: r.Line, Driver: r.Driver, Unit: r.Unit}
		if c.required("year", r.Year) {
			y, err := parseYear(r.Year)
			if err != nil {
				c.errorf("year", "%v", err)
			}
			b.Year = y
		}
		c.required("line", r.Line)
		if b.Driver == "" {
			b.Driver = b.Line
		}
		if c.required("budget", r.Budget) {
			b.Budget = c.money("budget", r.Budget)
		}
		if c.required("actual", r.Actual) {
			b.Actual = c.money("actual", r.Actual)
		}
		bv, bvErr := parseNumber(r.BudgetVolume)
		_, avErr := parseNumber(r.ActualVolume)
		if r.BudgetVolume != "" {
			b.BudgetVolume = c.number("budget_volume", r.BudgetVolume)
		}
		if r.ActualVolume != "" {
			b.ActualVolume = c.number("actual_volume", r.ActualVolume)
		}
		// Both volumes, both numbers: only then can the variance be split.
		b.HasVolumes = bvErr == nil && avErr == nil
		if b.HasVolumes && bv == 0 {
			c.errorf("budget_volume", "is 0, so the variance cannot be split into price and volume (the split divides by the budgeted volume): give the number budgeted, or leave both volumes blank for this line")
			b.HasVolumes = false
		}
		out = append(out, b)
	}
	c.reportLA()
	return out, sortByPlace(probs)
}
