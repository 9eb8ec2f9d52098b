package charts

import (
	"fmt"
	"slices"
	"strings"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/adoptionreport/adoptionreport/generator/indicators"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

// waterfallStep is one bar of the overspend waterfall: a total (budget or
// outturn) or a change between them, in pence.
type waterfallStep struct {
	label  string
	amount int64
	total  bool
}

// waterfall lists the steps from the year's budget to its outturn: the
// budget, each of indicators' changes (FinanceYear.Changes) and the
// outturn. The changes add up exactly, so the last bar ends at the
// outturn.
func waterfall(fy indicators.FinanceYear) []waterfallStep {
	steps := []waterfallStep{{label: "Budget", amount: fy.Total.Budget, total: true}}
	for _, c := range fy.Changes() {
		steps = append(steps, waterfallStep{label: changeLabel(c), amount: c.Amount})
	}
	return append(steps, waterfallStep{label: "Outturn", amount: fy.Total.Actual, total: true})
}

// changeLabel names a change: the driver for its whole variance, else the
// driver and the part, "Interagency placements: price".
func changeLabel(c indicators.Change) string {
	switch c.ID {
	case "variance_price":
		return c.Driver + ": price"
	case "variance_volume":
		return c.Driver + ": volume"
	case indicators.VarianceUnsplit:
		return c.Driver + ": other lines"
	}
	return c.Driver
}

// waterfallRefs are the indicators.json keys of waterfall(fy)'s steps:
// the budget, each change and the outturn.
func waterfallRefs(fy indicators.FinanceYear) []string {
	per := fy.Year.Period().String()
	refs := []string{Ref("budget", per, indicators.Part{})}
	for _, c := range fy.Changes() {
		refs = append(refs, Ref(c.ID, per, indicators.Part{Driver: c.Driver}))
	}
	return append(refs, Ref("actual", per, indicators.Part{}))
}

// overspendDrivers draws the report year's waterfall from budget to
// outturn: the usual ECharts waterfall of stacked bars on a transparent
// base, horizontal so that driver names read in full, each bar labelled
// in pounds.
func (b *builder) overspendDrivers() Chart {
	const id = "overspend_drivers"
	fy, _ := b.finance(b.year)
	steps, refs := waterfall(fy), waterfallRefs(fy)
	if fy.Total.Lines == 0 {
		steps, refs = nil, nil
	}

	labels := make([]string, len(steps))
	// A narrow chart cuts labels short, so there the part comes first.
	narrowLabels := make([]string, len(steps))
	base := make([]any, len(steps))
	totals := make([]any, len(steps))
	ups := make([]any, len(steps))
	downs := make([]any, len(steps))
	t := Table{
		ID:      id,
		Caption: fmt.Sprintf("From the %s budget to the outturn, by cost driver: price and volume where budget.csv gives volumes", b.year),
		Header:  []string{"Step", "Change", "Running total"},
		Numeric: numeric(3, 1),
	}
	// Each series' refs, as the walk of the figures checks them: the totals
	// are the budget and actual figures, a change's bar is its size and its
	// base where it starts.
	baseRefs, totalRefs := make([]string, len(steps)), make([]string, len(steps))
	upRefs, downRefs := make([]string, len(steps)), make([]string, len(steps))
	var run int64
	for i, s := range steps {
		labels[i], narrowLabels[i] = s.label, partFirst(s.label)
		if s.total {
			run = s.amount
			totals[i] = withLabel(pounds(s.amount), shortMoney(s.amount), "right")
			totalRefs[i] = refs[i]
			t.add([]string{s.label, "", money(run)}, []string{"", "", refs[i]})
			continue
		}
		before := run
		run += s.amount
		// The invisible base holds the bar up to the lower end of the change.
		base[i] = labelled{Value: pounds(min(before, run)), Tooltip: &showing{Show: false}}
		baseRefs[i] = FieldRef(refs[i], FieldBarStart)
		bar := withLabel(pounds(abs(s.amount)), signedMoney(s.amount), "right")
		switch {
		case s.amount > 0:
			ups[i], upRefs[i] = bar, FieldRef(refs[i], FieldAbs)
		case s.amount < 0:
			downs[i], downRefs[i] = bar, FieldRef(refs[i], FieldAbs)
		}
		t.add([]string{s.label, money(s.amount), money(run)}, []string{"", refs[i], FieldRef(refs[i], FieldRunningTotal)})
	}

	c := newBar(id)
	c.SetGlobalOptions(
		ec.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		ec.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Left: "center",
			Data: []string{"Budget and outturn", "Increase", "Decrease"}}),
	)
	categoryY(c, labels)
	valueX(c, moneyAxis())
	hiddenBase := barSeries("Running total", base, "transparent")
	hiddenBase.ItemStyle.BorderColor = "transparent"
	for _, s := range []ec.SingleSeries{
		hiddenBase,
		barSeries("Budget and outturn", totals, blue),
		barSeries("Increase", ups, red),
		barSeries("Decrease", downs, turquoise),
	} {
		s.Stack = "waterfall"
		c.MultiSeries = append(c.MultiSeries, s)
	}

	return Chart{
		ID:       id,
		Section:  SectionFinance,
		Title:    fmt.Sprintf("From budget to outturn in %s", b.year),
		Alt:      waterfallSentence(b.year.String(), fy, steps),
		Options:  denseOptions(c, narrowLabels),
		Table:    t,
		TextRefs: []string{b.ref(b.fig("variance", b.year.Period()))},
		SeriesRefs: map[string][]string{
			"Running total":      baseRefs,
			"Budget and outturn": totalRefs,
			"Increase":           upRefs,
			"Decrease":           downRefs,
		},
	}
}

// partFirst turns a step's label "Interagency placements: price" round,
// to "Price: Interagency placements"; other labels it returns as they are.
func partFirst(label string) string {
	for _, part := range []string{"price", "volume", "other lines"} {
		if driver, ok := strings.CutSuffix(label, ": "+part); ok {
			return strings.ToUpper(part[:1]) + part[1:] + ": " + driver
		}
	}
	return label
}

// waterfallSentence gives the outturn against the budget and the largest
// change between them.
func waterfallSentence(year string, fy indicators.FinanceYear, steps []waterfallStep) string {
	if fy.Total.Lines == 0 {
		return fmt.Sprintf("There are no budget lines for %s in budget.csv, so there is nothing to draw.", year)
	}
	tot := fy.Total
	var outcome string
	switch {
	case tot.Variance > 0:
		outcome = ", an overspend of " + shortMoney(tot.Variance)
	case tot.Variance < 0:
		outcome = ", an underspend of " + shortMoney(-tot.Variance)
	default:
		outcome = ", exactly on budget"
	}
	lead := fmt.Sprintf("in %s the adoption service spent %s against a budget of %s%s", year, shortMoney(tot.Actual), shortMoney(tot.Budget), outcome)
	var big *waterfallStep
	for i := range steps {
		s := &steps[i]
		if !s.total && s.amount != 0 && (big == nil || abs(s.amount) > abs(big.amount)) {
			big = s
		}
	}
	if big == nil {
		return sentence(lead)
	}
	return sentence(lead, fmt.Sprintf("the largest change was %s (%s)", big.label, signedMoney(big.amount)))
}

// budgetByLine draws each year's actual spending stacked by cost driver,
// with the year's total budget as a line across it.
func (b *builder) budgetByLine() Chart {
	const id = "budget_by_line"
	labels := b.yearLabels()
	var drivers []string
	byYear := make([]map[string]indicators.DriverTotal, len(b.years))
	for i, y := range b.years {
		fy, _ := b.finance(y)
		byYear[i] = map[string]indicators.DriverTotal{}
		for _, d := range fy.Drivers {
			byYear[i][d.Driver] = d
			if !slices.Contains(drivers, d.Driver) {
				drivers = append(drivers, d.Driver)
			}
		}
	}
	slices.Sort(drivers)
	actual := b.overYears("actual", false)
	budget := b.overYears("budget", false)

	c := newBar(id)
	c.SetXAxis(labels)
	c.SetGlobalOptions(ec.WithYAxisOpts(moneyAxis()))
	header := []string{"Year"}
	seriesRefs := map[string][]string{"Budget": b.refs(budget)}
	for di, d := range drivers {
		data := make([]any, len(b.years))
		refs := make([]string, len(b.years))
		for i, y := range b.years {
			if t, ok := byYear[i][d]; ok {
				data[i], refs[i] = pounds(t.Actual), driverActualRef(y, d)
			}
		}
		seriesRefs[d] = refs
		s := barSeries(d, data, palette[di%len(palette)])
		s.Stack = "actual"
		c.MultiSeries = append(c.MultiSeries, s)
		header = append(header, d+" (actual)")
	}
	c.Overlap(lines(lineSeries("Budget", shownAll(budget), look{grey, "rect", "dashed"})))
	header = append(header, "Total actual", "Budget")

	t := Table{
		ID:      id,
		Caption: "Actual spending by cost driver and the total budget, each year",
		Header:  header,
		Numeric: numeric(len(header), 1),
	}
	for i, y := range b.years {
		row, refs := []string{labels[i]}, []string{""}
		for _, d := range drivers {
			cell, ref := "", ""
			if dt, ok := byYear[i][d]; ok {
				cell, ref = money(dt.Actual), driverActualRef(y, d)
			}
			row, refs = append(row, cell), append(refs, ref)
		}
		t.add(append(row, FormatValue(actual[i]), FormatValue(budget[i])), append(refs, b.ref(actual[i]), b.ref(budget[i])))
	}

	return Chart{
		ID:      id,
		Section: SectionFinance,
		Title:   "Spending by cost driver against the budget",
		Alt: alt(
			sentence(
				described("actual spending", actual, 0, "there is no budget data to show"),
				b.budgetClause(budget[len(budget)-1], byYear[len(byYear)-1]),
			),
			hidden(suppressedAt(actual, budget), "year", "years", "", b.r.SuppressBelow),
		),
		Options:    options(c),
		Table:      t,
		SeriesRefs: seriesRefs,
	}
}

// driverActualRef is the key of driver's actual spending in year y.
func driverActualRef(y period.Year, driver string) string {
	return Ref("actual", y.String(), indicators.Part{Driver: driver})
}

// budgetClause gives the report year's budget and its largest driver.
func (b *builder) budgetClause(budget indicators.Figure, drivers map[string]indicators.DriverTotal) string {
	var parts []string
	if drawable(budget) {
		parts = append(parts, fmt.Sprintf("the budget for %s was %s", b.year, FormatFigure(budget)))
	}
	var top *indicators.DriverTotal
	for _, d := range drivers {
		if top == nil || d.Actual > top.Actual || (d.Actual == top.Actual && d.Driver < top.Driver) {
			d := d
			top = &d
		}
	}
	if top != nil && len(drivers) > 1 {
		parts = append(parts, fmt.Sprintf("the largest cost was %s (%s)", top.Driver, shortMoney(top.Actual)))
	}
	return list(parts)
}

// pounds is pence as pounds for chart data.
func pounds(pence int64) any { return num(indicators.PoundsOf(pence)) }

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}
