package charts

import (
	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/indicators"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

// The report's sections: the page a chart goes on when the text does not
// place it with {{< chart ID >}}.
const (
	SectionChildren = "children"
	SectionAdopters = "adopters"
	SectionFinance  = "finance"
)

// Chart is one chart of the report, ready for a page.
type Chart struct {
	// ID is [a-z0-9_], unique among charts and tables and stable between
	// builds: the {{< chart ID >}} name, the go-echarts ChartID and the
	// name of the figures' CSV, data/<ID>.csv. docs/charts.md lists them.
	ID string
	// Section is the page the chart belongs on by default: SectionChildren,
	// SectionAdopters or SectionFinance.
	Section string
	// Title is the chart's caption.
	Title string
	// Alt is the chart's text alternative, written from the figures: what
	// the chart shows in a sentence, then a second sentence when
	// suppressed figures are left out.
	Alt string
	// Options are the ECharts options as JSON, escaped for HTML (\u003c for
	// <), to go in a <script type="application/json"> block.
	Options []byte
	// Table holds the figures as drawn; its ID is the chart's.
	Table Table
	// Empty says the chart would draw nothing: every figure it would show
	// is zero, missing or suppressed. The page says so in a sentence and
	// shows the table, instead of an empty frame of axes.
	Empty bool
	// Tall says the chart has so many rows (horizontal bars) that it needs
	// more height than a chart's usual, or its labels would overlap.
	Tall bool
	// SeriesRefs maps the name of each series drawn from figures to the
	// ref of each of its points (see Ref), as Table.Refs does, so that a
	// test can hold the drawn values against indicators.json and
	// comparators.csv. Only series of config thresholds are not in it.
	SeriesRefs map[string][]string
	// TextRefs are the refs of the figures Alt gives that neither Table nor
	// SeriesRefs holds, such as the total a breakdown's sentence starts
	// from, so that a test can hold every number of Alt against them.
	TextRefs []string
}

// Table is a table of figures, already formatted.
type Table struct {
	// ID is [a-z0-9_], as Chart.ID; the {{< table ID >}} name and the CSV
	// name, data/<ID>.csv.
	ID string
	// Caption says what the table holds.
	Caption string
	// Header names the columns.
	Header []string
	// Numeric says, per column, whether it holds figures (to be right-
	// aligned); the first column, the row headers, never does.
	Numeric []bool
	// Rows are formatted cells: "412", "18.2%", "£1,234", "[c]" for a
	// suppressed figure and "" for no data. The first cell of a row is its
	// header. Cells are plain text; the page escapes them.
	Rows [][]string
	// Refs is parallel to Rows: for each cell written from a figure, where
	// it comes from (see Ref): an indicators.json entry, "a1 2022-25" or
	// `waiting 2024-25 breakdown="age" group="1-4"`, a field of one, or a
	// comparators.csv row; "" for a label or an empty cell. It lets a test
	// check every figure against indicators.json; nothing is rendered from
	// it.
	Refs [][]string
}

// add appends a row and the refs of its cells; refs may be shorter than
// row, or nil, and is padded with "" to match.
func (t *Table) add(row, refs []string) {
	r := make([]string, len(row))
	copy(r, refs)
	t.Rows = append(t.Rows, row)
	t.Refs = append(t.Refs, r)
}

// Build returns every chart of the report, always the same charts in the
// same order, for the report year and history of cfg. Figures the report
// lacks are drawn as gaps and described as missing; a nil report has no
// charts.
func Build(r *indicators.Report, cfg config.Config) []Chart {
	if r == nil {
		return nil
	}
	b := newBuilder(r, cfg)
	cs := []Chart{
		b.timeliness(),
		b.waitingByCharacteristic(),
		b.timeToMatch(),
		b.earlyPermanence(),
		b.adopterFunnel(),
		b.stageTimeliness(),
		b.sufficiency(),
		b.overspendDrivers(),
		b.budgetByLine(),
	}
	for i := range cs {
		cs[i].Empty, cs[i].Tall = measure(cs[i].Options)
	}
	return cs
}

// Tables returns the tables that are not a chart's, for {{< table ID >}}:
// scorecard, children_waiting, adopted_by_group, adopter_journey, budget
// and comparisons, in that order.
func Tables(r *indicators.Report, cfg config.Config) []Table {
	if r == nil {
		return nil
	}
	b := newBuilder(r, cfg)
	return []Table{
		b.scorecard(),
		b.childrenWaiting(),
		b.adoptedByGroup(),
		b.adopterJourney(),
		b.budget(),
		b.comparisonTable(),
	}
}

// builder holds what every chart and table reads.
type builder struct {
	r     *indicators.Report
	cfg   config.Config
	year  period.Year   // the report year
	years []period.Year // its history, oldest first, ending with year
}

func newBuilder(r *indicators.Report, cfg config.Config) *builder {
	years := cfg.Years()
	if len(years) == 0 {
		// A history of no years still has the report year.
		years = []period.Year{cfg.Year}
	}
	return &builder{r: r, cfg: cfg, year: cfg.Year, years: years}
}

// fig returns the figure for id and p, or a figure with no value when the
// report has none, so that a missing figure is a gap rather than a zero.
func (b *builder) fig(id string, p period.Period) indicators.Figure {
	if f, ok := b.r.Lookup(id, p); ok {
		return f
	}
	u, _ := indicators.UnitOf(id)
	return indicators.Figure{ID: id, Period: p, Unit: u}
}

// ref is the indicators.json key of f, "a1 2022-25", when f is one of the
// report's figures; "" when the report has none (the cell is then a gap).
// Call it only for a figure fig or overYears returned: a group's count or
// a comparator's value has an indicator's ID and period but another value,
// and a key of its own (refOf, englandRef).
func (b *builder) ref(f indicators.Figure) string {
	if _, ok := b.r.Lookup(f.ID, f.Period); !ok {
		return ""
	}
	return refOf(f, indicators.Part{})
}

// refs is ref over figs.
func (b *builder) refs(figs []indicators.Figure) []string {
	out := make([]string, len(figs))
	for i, f := range figs {
		out[i] = b.ref(f)
	}
	return out
}

// overYears returns indicator id for each year of the history: the single
// year, or with three the three-year period ending in it.
func (b *builder) overYears(id string, three bool) []indicators.Figure {
	out := make([]indicators.Figure, len(b.years))
	for i, y := range b.years {
		out[i] = b.fig(id, yearPeriod(y, three))
	}
	return out
}

// yearPeriod is y, or the three years ending with y.
func yearPeriod(y period.Year, three bool) period.Period {
	if three {
		return period.Span(y, 3)
	}
	return y.Period()
}

// yearLabels names the years: "2024-25".
func (b *builder) yearLabels() []string {
	out := make([]string, len(b.years))
	for i, y := range b.years {
		out[i] = y.String()
	}
	return out
}

// finance returns the budget of year y, and false when the report has
// none for it.
func (b *builder) finance(y period.Year) (indicators.FinanceYear, bool) {
	for _, f := range b.r.Finance {
		if f.Year == y {
			return f, true
		}
	}
	return indicators.FinanceYear{Year: y}, false
}

// waitingAt returns the breakdown of the children waiting at the end of
// year y.
func (b *builder) waitingAt(y period.Year) (indicators.Breakdown, bool) {
	for _, w := range b.r.Waiting {
		if w.Period == y.Period() {
			return w, true
		}
	}
	return indicators.Breakdown{Cohort: "waiting", Period: y.Period()}, false
}

// adoptedIn returns the breakdown of the children adopted in p.
func (b *builder) adoptedIn(p period.Period) (indicators.Breakdown, bool) {
	for _, a := range b.r.Adopted {
		if a.Period == p {
			return a, true
		}
	}
	return indicators.Breakdown{Cohort: "adopted", Period: p}, false
}

// shown is a figure's value as a chart draws it: nil (no point, no bar)
// when it is suppressed or has none.
func shown(f indicators.Figure) any {
	if f.Suppressed || !f.HasValue {
		return nil
	}
	if f.Unit == indicators.Pounds {
		return num(indicators.PoundsOf(f.Pence))
	}
	return num(f.Value)
}

// drawable reports whether a chart draws f.
func drawable(f indicators.Figure) bool { return shown(f) != nil }

// shownAll is shown over figs.
func shownAll(figs []indicators.Figure) []any {
	out := make([]any, len(figs))
	for i, f := range figs {
		out[i] = shown(f)
	}
	return out
}

// cells is FormatValue over figs.
func cells(figs []indicators.Figure) []string {
	out := make([]string, len(figs))
	for i, f := range figs {
		out[i] = FormatValue(f)
	}
	return out
}

// numeric returns the Numeric of a table with n columns: all but the
// first text columns hold figures.
func numeric(n, text int) []bool {
	out := make([]bool, n)
	for i := text; i < n; i++ {
		out[i] = true
	}
	return out
}

// yearEnd writes the last day of y as "31 March 2025".
func yearEnd(y period.Year) string {
	return y.End().Time().Format("2 January 2006")
}
