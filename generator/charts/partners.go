package charts

import (
	"fmt"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/adoptionreport/adoptionreport/generator/indicators"
)

// Partner is one column of a regional edition's overview: a partner
// council's figures as its own report publishes them (suppressed where
// it suppresses them), or the RAA's totals. Figures are keyed by
// indicator ID, and "interagency_cost" for the actual spending on the
// cost driver of interagency placements.
type Partner struct {
	Name    string
	Figures map[string]indicators.Figure
}

// PartnerKeys are the figures of the overview, in its table's order.
var PartnerKeys = []string{
	"a1", "a2", "a10", "adopted", "waiting",
	"early_permanence_placements", "early_permanence_percent",
	"interagency_placements", "interagency_cost",
}

// PartnerHeadings are the overview table's column headings, by key.
var PartnerHeadings = map[string]string{
	"a1":                          "A1: days from entering care to moving in with adopters",
	"a2":                          "A2: days from placement order to match",
	"a10":                         "A10: days from entering care to moving in, counting foster carers",
	"adopted":                     "Children adopted",
	"waiting":                     "Children waiting",
	"early_permanence_placements": "Early permanence placements",
	"early_permanence_percent":    "Share of children adopted placed through early permanence",
	"interagency_placements":      "Interagency placements",
	"interagency_cost":            "Spent on interagency placements",
}

// Overview is what the RAA's overview draws.
type Overview struct {
	// Councils are the partner councils in [[councils]] order; Total is
	// the RAA's, across them.
	Councils []Partner
	Total    Partner
	// AdoptersWaiting is the RAA's adopter households waiting: adopters
	// are the RAA's, shared by every council.
	AdoptersWaiting indicators.Figure
	// Thresholds in days, by key: a1 and a10 against A1's, a2 against A2's.
	Thresholds map[string]int
	// Period is the three-year period of A1, A2 and A10; Year the report
	// year, for the counts.
	Period, Year  string
	SuppressBelow int
}

// OverviewCharts returns the overview's charts: the partner councils
// side by side on A1, A2 and A10 against their thresholds and England,
// children waiting against adopters waiting, early permanence and
// interagency placements.
func OverviewCharts(o Overview) []Chart {
	return []Chart{
		o.timeliness("a1", "A1: average days from entering care to moving in with adopters"),
		o.timeliness("a2", "A2: average days from placement order to match"),
		o.timeliness("a10", "A10: average days from entering care to moving in, counting foster carers"),
		o.waiting(),
		o.counts("overview_early_permanence", "Early permanence placements", "early_permanence_placements", "children", "children placed through early permanence"),
		o.counts("overview_interagency", "Interagency placements", "interagency_placements", "children", "interagency placements"),
	}
}

// OverviewTable is every figure of the overview, a council a row, then
// the RAA's total.
func OverviewTable(o Overview) Table {
	header := []string{"Council"}
	for _, k := range PartnerKeys {
		header = append(header, PartnerHeadings[k])
	}
	t := Table{
		ID:      "partners",
		Caption: fmt.Sprintf("The partner councils side by side: A1, A2 and A10 over %s, the rest in %s", o.Period, o.Year),
		Header:  header,
		Numeric: numeric(len(header), 1),
	}
	for _, p := range append(o.Councils, o.Total) {
		row := []string{p.Name}
		for _, k := range PartnerKeys {
			row = append(row, FormatValue(p.Figures[k]))
		}
		t.add(row, nil)
	}
	return t
}

func (o Overview) names() []string {
	n := make([]string, 0, len(o.Councils)+1)
	for _, p := range o.Councils {
		n = append(n, p.Name)
	}
	return append(n, o.Total.Name)
}

func (o Overview) figures(key string) []indicators.Figure {
	f := make([]indicators.Figure, 0, len(o.Councils)+1)
	for _, p := range o.Councils {
		f = append(f, p.Figures[key])
	}
	return append(f, o.Total.Figures[key])
}

// bars is a horizontal bar chart of the figures of key, a bar a council
// and one for the RAA, with marks as vertical lines.
func (o Overview) bars(id, series, unit string, figs []indicators.Figure, marks []opts.MarkLineNameXAxisItem) *ec.Bar {
	c := newBar(id)
	c.SetGlobalOptions(ec.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}))
	categoryY(c, o.names())
	valueX(c, valueAxis(unit, "", false))
	s := barSeries(series, shownAll(figs), blue)
	s.Label = &opts.Label{Show: opts.Bool(true), Position: "right"}
	if len(marks) > 0 {
		s.MarkLines = thresholdLines(marks)
	}
	c.MultiSeries = append(c.MultiSeries, s)
	return c
}

// table is the figures of a chart, a council a row.
func (o Overview) table(id, caption string, heads []string, cols ...[]indicators.Figure) Table {
	t := Table{ID: id, Caption: caption, Header: append([]string{"Council"}, heads...), Numeric: numeric(len(heads)+1, 1)}
	for i, name := range o.names() {
		row := []string{name}
		for _, c := range cols {
			row = append(row, FormatValue(c[i]))
		}
		t.add(row, nil)
	}
	return t
}

// clauses describes each drawn figure: "Fenmoor 412 days".
func (o Overview) clauses(figs []indicators.Figure) []string {
	var out []string
	for i, name := range o.names() {
		if drawable(figs[i]) {
			out = append(out, name+" "+FormatFigure(figs[i]))
		}
	}
	return out
}

func (o Overview) timeliness(key, title string) Chart {
	id := "overview_" + key
	figs := o.figures(key)
	var marks []opts.MarkLineNameXAxisItem
	text := []string{}
	if th := o.Thresholds[key]; th > 0 {
		marks = append(marks, opts.MarkLineNameXAxisItem{Name: fmt.Sprintf("Threshold %d", th), XAxis: th})
		text = append(text, fmt.Sprintf("the threshold is %d days", th))
	}
	england, hasEngland := indicators.Figure{}, false
	for _, f := range figs {
		if c, ok := f.Comparator(indicators.England); ok {
			england, hasEngland = indicators.Figure{ID: key, Unit: indicators.Days, Value: c.Value, HasValue: true}, true
			break
		}
	}
	if hasEngland {
		marks = append(marks, opts.MarkLineNameXAxisItem{Name: "England " + FormatValue(england), XAxis: num(england.Value)})
		text = append(text, "England's is "+FormatFigure(england))
	}
	c := o.bars(id, "Average days, "+o.Period, "days", figs, marks)
	heads := []string{"Average days, " + o.Period}
	cols := [][]indicators.Figure{figs}
	if hasEngland {
		en := make([]indicators.Figure, len(figs))
		for i := range en {
			en[i] = england
		}
		heads, cols = append(heads, "England"), append(cols, en)
	}
	summary := fmt.Sprintf("There are no %s figures to show for %s.", key, o.Period)
	if cl := o.clauses(figs); len(cl) > 0 {
		summary = fmt.Sprintf("Average days over %s: %s.", o.Period, list(cl))
	}
	return Chart{
		ID:      id,
		Title:   title + ", " + o.Period,
		Alt:     alt(summary, sentence(text...), o.hidden(figs, "children")),
		Options: denseOptions(c, nil),
		Table:   o.table(id, title+" by council, "+o.Period+", with the threshold and England", heads, cols...),
	}
}

func (o Overview) waiting() Chart {
	const id = "overview_waiting"
	figs := o.figures("waiting")
	var marks []opts.MarkLineNameXAxisItem
	more := ""
	if a := o.AdoptersWaiting; drawable(a) {
		marks = append(marks, opts.MarkLineNameXAxisItem{Name: "Adopters waiting " + FormatValue(a), XAxis: shown(a)})
		more = fmt.Sprintf("The RAA had %s approved and waiting, shared by every council.", FormatFigure(a))
	} else if a.Suppressed {
		more = "The number of adopter households waiting is not shown: it rests on fewer than " + fmt.Sprint(o.SuppressBelow) + " households."
	}
	c := o.bars(id, "Children waiting, end of "+o.Year, "children", figs, marks)
	adopters := make([]indicators.Figure, len(figs))
	for i := range adopters {
		adopters[i] = o.AdoptersWaiting
	}
	summary := "There are no figures of children waiting to show."
	if cl := o.clauses(figs); len(cl) > 0 {
		summary = fmt.Sprintf("Children waiting at the end of %s: %s.", o.Year, list(cl))
	}
	return Chart{
		ID:      id,
		Title:   "Children waiting against adopters waiting, end of " + o.Year,
		Alt:     alt(summary, more, o.hidden(figs, "children")),
		Options: denseOptions(c, nil),
		Table: o.table(id, "Children waiting to be placed by council, and the RAA's adopter households waiting, end of "+o.Year,
			[]string{"Children waiting", "Adopter households waiting (RAA)"}, figs, adopters),
	}
}

// counts is a chart of a count by council in the report year; the
// interagency chart's table adds the spending.
func (o Overview) counts(id, title, key, unit, what string) Chart {
	figs := o.figures(key)
	c := o.bars(id, title+", "+o.Year, unit, figs, nil)
	heads := []string{title}
	cols := [][]indicators.Figure{figs}
	switch key {
	case "early_permanence_placements":
		heads, cols = append(heads, PartnerHeadings["early_permanence_percent"]), append(cols, o.figures("early_permanence_percent"))
	case "interagency_placements":
		heads, cols = append(heads, PartnerHeadings["interagency_cost"]), append(cols, o.figures("interagency_cost"))
	}
	summary := fmt.Sprintf("There are no figures of %s to show for %s.", what, o.Year)
	if cl := o.clauses(figs); len(cl) > 0 {
		summary = fmt.Sprintf("%s in %s: %s.", title, o.Year, list(cl))
	}
	return Chart{
		ID:      id,
		Title:   title + ", " + o.Year,
		Alt:     alt(summary, o.hidden(figs, unit)),
		Options: denseOptions(c, nil),
		Table:   o.table(id, title+" by council, "+o.Year, heads, cols...),
	}
}

// hidden says which of figs (the councils' in order, then the RAA's
// total) are not shown: the councils by name, and the RAA's total
// apart, since it is no council. people is whom the figures count; ""
// for money. "" when every figure is shown.
func (o Overview) hidden(figs []indicators.Figure, people string) string {
	var names []string
	for i, p := range o.Councils {
		if figs[i].Suppressed {
			names = append(names, p.Name)
		}
	}
	total := figs[len(figs)-1].Suppressed
	why := func(one bool) string {
		switch {
		case people == "" && one:
			return ": disclosure control withheld it"
		case people == "":
			return ": disclosure control withheld them"
		case one:
			return " because it rests on or would reveal " + fewer(people, o.SuppressBelow)
		}
		return " because they rest on or would reveal " + fewer(people, o.SuppressBelow)
	}
	switch {
	case len(names) == 0 && total:
		return "The RAA's total is not shown" + why(true) + "."
	case len(names) == 0:
		return ""
	}
	s := "The figure for " + names[0] + " is not shown" + why(true) + "."
	whose := names[0] + "'s"
	if len(names) > 1 {
		s, whose = "The figures for "+list(names)+" are not shown"+why(false)+".", "theirs"
	}
	if total {
		s += " The RAA's total is not shown either: less the other councils' figures, it would give " + whose + " away."
	}
	return s
}
