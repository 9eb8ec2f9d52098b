package charts

import (
	"cmp"
	"fmt"

	"github.com/adoptionreport/adoptionreport/generator/indicators"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

// scorecard is the adoption scorecard: A1, A10, A2 and A3 as a share, for
// each three-year period ending in a year of the history and then each
// single year, with the thresholds in the column names and, beside each
// measure, a column for each area of comparators.csv that covers it.
func (b *builder) scorecard() Table {
	th := b.cfg.Thresholds
	measures := []struct{ id, short, head string }{
		{"a1", "A1", fmt.Sprintf("A1: days from entering care to moving in (threshold %d)", th.A1)},
		{"a10", "A10", fmt.Sprintf("A10: A1, counting from moving in with the foster carers or early permanence carers who adopted (threshold %d)", th.A1)},
		{"a2", "A2", fmt.Sprintf("A2: days from placement order to match (threshold %d)", th.A2)},
		{"a3_percent", "A3 (%)", fmt.Sprintf("A3: %% who moved in in under %d days", th.A1)},
	}
	var periods []period.Period
	var names []string
	for _, y := range b.years {
		p := period.Span(y, 3)
		periods = append(periods, p)
		names = append(names, p.String()+" (3 years)")
	}
	for _, y := range b.years {
		periods = append(periods, y.Period())
		names = append(names, y.String())
	}

	header := []string{"Period"}
	var columns [][]indicators.Figure
	var areas []string // each column's comparators.csv area; "" for the council's figures
	for _, m := range measures {
		figs := make([]indicators.Figure, len(periods))
		for i, p := range periods {
			figs[i] = b.fig(m.id, p)
		}
		header = append(header, m.head)
		columns = append(columns, figs)
		areas = append(areas, "")
		for _, comp := range b.comparisons(figs) {
			header = append(header, comp.area+": "+m.short)
			columns = append(columns, comp.figs)
			areas = append(areas, comp.area)
		}
	}
	t := Table{
		ID:      "scorecard",
		Caption: "Adoption scorecard: three-year averages and single years, against " + list(append([]string{"the thresholds"}, b.r.Areas...)),
		Header:  header,
		Numeric: numeric(len(header), 1),
	}
	for i, name := range names {
		row, refs := []string{name}, []string{""}
		for c, col := range columns {
			row = append(row, FormatValue(col[i]))
			ref := b.ref(col[i])
			if areas[c] != "" {
				ref = areaRef(areas[c], col[i]) // the area's figure has the council's ID and period
			}
			refs = append(refs, ref)
		}
		t.add(row, refs)
	}
	return t
}

// childrenWaiting is the children waiting at the end of each year of the
// history: in all, with a placement order, waiting 18 months or more since
// it, and by characteristic.
func (b *builder) childrenWaiting() Table {
	header := []string{"Group", "Characteristic"}
	var breakdowns []indicators.Breakdown
	for _, y := range b.years {
		header = append(header, yearEnd(y))
		w, _ := b.waitingAt(y)
		breakdowns = append(breakdowns, w)
	}
	t := Table{
		ID:      "children_waiting",
		Caption: "Children waiting for adoption at the end of each year (31 March), in all and by characteristic",
		Header:  header,
		Numeric: numeric(len(header), 2),
	}
	for _, total := range []struct{ id, label string }{
		{"waiting", "All children waiting"},
		{"waiting_with_order", "With a placement order"},
		{"waiting_18_months", fmt.Sprintf("Waiting %d days or more since the placement order", b.cfg.Thresholds.EighteenMonths)},
	} {
		figs := b.overYears(total.id, false)
		t.add(append([]string{total.label, "All"}, cells(figs)...), append([]string{"", ""}, b.refs(figs)...))
	}
	// Every year's breakdown lists the same groups in the same order; the
	// report year's names the rows, and a year without a breakdown gets
	// empty cells.
	last := breakdowns[len(breakdowns)-1]
	for gi, g := range last.Groups {
		row, refs := []string{groupLabel(g), dimensionLabel(g.Dimension)}, []string{"", ""}
		for _, w := range breakdowns {
			cell, ref := "", ""
			if gi < len(w.Groups) && w.Groups[gi].Dimension == g.Dimension && w.Groups[gi].Key == g.Key {
				cell, ref = FormatValue(w.Groups[gi].Count), refOf(w.Groups[gi].Count, groupPart(g))
			}
			row, refs = append(row, cell), append(refs, ref)
		}
		t.add(row, refs)
	}
	return t
}

// adoptedByGroup is the children adopted in the three years to the report
// year by characteristic, with each group's A1 and A10.
func (b *builder) adoptedByGroup() Table {
	p := period.Span(b.year, 3)
	a, _ := b.adoptedIn(p)
	th := b.cfg.Thresholds.A1
	t := Table{
		ID:      "adopted_by_group",
		Caption: fmt.Sprintf("Children adopted in %s by characteristic, with their average A1 and A10 in days (threshold %d)", p, th),
		Header:  []string{"Group", "Characteristic", "Children adopted", "A1 (days)", "A10 (days)"},
		Numeric: numeric(5, 2),
	}
	// All children: the number adopted is the base of A3 as a share, which
	// indicators.json publishes with it.
	all, allRef := "", ""
	if f, ok := b.r.Lookup("a3_percent", p); ok {
		all = FormatValue(indicators.Figure{ID: "adopted", Period: p, Unit: indicators.Children,
			Value: float64(f.Base), HasValue: true, Suppressed: f.Suppressed})
		allRef = FieldRef(b.ref(f), FieldBase)
	}
	a1, a10 := b.fig("a1", p), b.fig("a10", p)
	t.add([]string{"All children adopted", "All", all, FormatValue(a1), FormatValue(a10)},
		[]string{"", "", allRef, b.ref(a1), b.ref(a10)})
	for _, g := range a.Groups {
		part := groupPart(g)
		t.add([]string{groupLabel(g), dimensionLabel(g.Dimension), FormatValue(g.Count), FormatValue(g.A1), FormatValue(g.A10)},
			[]string{"", "", refOf(g.Count, part), refOf(g.A1, part), refOf(g.A10, part)})
	}
	return t
}

// adopterJourney is the number of households at each step of the adopter
// journey, and withdrawing, in each year of the history.
func (b *builder) adopterJourney() Table {
	header := append([]string{"Step"}, b.yearLabels()...)
	t := Table{
		ID:      "adopter_journey",
		Caption: "Adopter households at each step of the journey, by year",
		Header:  header,
		Numeric: numeric(len(header), 1),
	}
	steps := append(journey[:len(journey):len(journey)], journeyStep{id: "withdrawals", label: "Withdrew or not approved"})
	for _, s := range steps {
		figs := b.overYears(s.id, false)
		t.add(append([]string{s.label}, cells(figs)...), append([]string{""}, b.refs(figs)...))
	}
	return t
}

// budget is the report year's budget.csv lines with their variance, and
// the total.
func (b *builder) budget() Table {
	fy, _ := b.finance(b.year)
	p := b.year.Period()
	t := Table{
		ID:      "budget",
		Caption: fmt.Sprintf("Budget and outturn by cost line, %s (a positive variance is an overspend)", b.year),
		Header:  []string{"Line", "Driver", "Budget", "Actual", "Variance"},
		Numeric: numeric(5, 2),
	}
	for _, l := range fy.Lines {
		part, per := indicators.Part{Line: l.Line, Driver: l.Driver}, p.String()
		t.add([]string{l.Line, l.Driver, money(l.Budget), money(l.Actual), money(l.Variance)},
			[]string{"", "", Ref("budget", per, part), Ref("actual", per, part), Ref("variance", per, part)})
	}
	total := []indicators.Figure{b.fig("budget", p), b.fig("actual", p), b.fig("variance", p)}
	t.add(append([]string{"Total", ""}, cells(total)...), append([]string{"", ""}, b.refs(total)...))
	return t
}

// comparisonTable is every figure of the report that comparators.csv has
// a row for, beside each area's value: whatever indicator an area is
// given for, its figures are in a table and a CSV, even where no chart
// draws that indicator. Rows follow the order of indicators.json; an
// area without a row for a figure has an empty cell.
func (b *builder) comparisonTable() Table {
	header := []string{"Measure", "Period", cmp.Or(b.r.Council, "The council")}
	header = append(header, b.r.Areas...)
	caption := "The council's figures beside " + list(b.r.Areas) + ", for each figure comparators.csv gives"
	if len(b.r.Areas) == 0 {
		caption = "The council's figures beside published comparators: comparators.csv gives none"
	}
	t := Table{
		ID:      "comparisons",
		Caption: caption,
		Header:  header,
		Numeric: numeric(len(header), 2),
	}
	for _, f := range b.r.Figures {
		if len(f.Comparators) == 0 {
			continue
		}
		row := []string{measureLabel(f, b.cfg.Thresholds), f.Period.String(), FormatValue(f)}
		refs := []string{"", "", b.ref(f)}
		for _, area := range b.r.Areas {
			cell, ref := "", ""
			if c, ok := f.Comparator(area); ok {
				a := areaFigure(f, c)
				cell, ref = FormatValue(a), areaRef(area, a)
			}
			row, refs = append(row, cell), append(refs, ref)
		}
		t.add(row, refs)
	}
	return t
}
