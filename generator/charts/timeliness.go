package charts

import (
	"fmt"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/adoptionreport/adoptionreport/generator/indicators"
)

// scoreLine is one line of the timeliness chart: a scorecard measure over
// three-year or single-year periods.
type scoreLine struct {
	id, name string
	three    bool
	look     look
}

// title is the line's legend and column name: "A1 three-year average".
func (l scoreLine) title() string {
	if l.three {
		return l.name + " three-year average"
	}
	return l.name + " single year"
}

// Three-year lines are solid with filled symbols, single years dashed
// with hollow ones; each measure has its own colour and symbol shape.
var timelinessLines = []scoreLine{
	{"a1", "A1", true, look{blue, "circle", "solid"}},
	{"a1", "A1", false, look{blue, "emptyCircle", "dashed"}},
	{"a10", "A10", true, look{turquoise, "triangle", "solid"}},
	{"a10", "A10", false, look{turquoise, "emptyTriangle", "dashed"}},
	{"a2", "A2", true, look{orange, "diamond", "solid"}},
	{"a2", "A2", false, look{orange, "emptyDiamond", "dashed"}},
}

// englandArea is the comparators.csv area the charts draw beside the
// council.
const englandArea = "England"

// comparatorSeries returns the England value of each figure (nil where
// comparators.csv has none) and whether there is any.
func comparatorSeries(figs []indicators.Figure) ([]indicators.Figure, bool) {
	out := make([]indicators.Figure, len(figs))
	found := false
	for i, f := range figs {
		out[i] = indicators.Figure{ID: f.ID, Period: f.Period, Unit: f.Unit}
		if c, ok := f.Comparator(englandArea); ok {
			out[i].Value, out[i].HasValue = c.Value, true
			found = true
		}
	}
	return out, found
}

// englandRef is the ref of an England figure that comparatorSeries
// returned, "" where comparators.csv has none.
func englandRef(f indicators.Figure) string {
	if !f.HasValue {
		return ""
	}
	return ComparatorRef(englandArea, f.ID, f.Period.String())
}

// timeliness draws the three-year averages of A1, A10 and A2 over the
// history, with the A1 and A2 thresholds and England where
// comparators.csv gives it. The single years are in the table and the
// CSV, not the chart: twelve lines were more than a legend or a reader
// can hold apart, and the scorecard judges the three-year averages.
func (b *builder) timeliness() Chart {
	const id = "timeliness"
	th := b.cfg.Thresholds
	labels := b.yearLabels()
	periods := make([]string, len(b.years))
	for i, y := range b.years {
		periods[i] = yearPeriod(y, true).String()
	}

	header := []string{"Year", "Three-year period"}
	var series, drawn [][]indicators.Figure
	var comps [][]indicators.Figure
	var compOf []scoreLine
	seriesRefs := map[string][]string{}
	c := newLine(id)
	// Each point is a three-year average, so the axis names the three
	// years rather than the year they end in.
	c.SetXAxis(periods)
	c.SetGlobalOptions(ec.WithYAxisOpts(countAxis("days")))
	for _, l := range timelinessLines {
		figs := b.overYears(l.id, l.three)
		series = append(series, figs)
		header = append(header, l.title()+" (days)")
		if comp, ok := comparatorSeries(figs); ok {
			comps = append(comps, comp)
			compOf = append(compOf, l)
		}
		if !l.three {
			continue
		}
		drawn = append(drawn, figs)
		seriesRefs[l.name] = b.refs(figs)
		// The legend names the measure alone; the title and the axis say
		// these are three-year averages.
		c.MultiSeries = append(c.MultiSeries, lineSeries(l.name, shownAll(figs), l.look))
	}
	for i, comp := range comps {
		l := compOf[i]
		header = append(header, englandArea+" "+l.title()+" (days)")
		if l.three {
			name := englandArea + " " + l.name
			c.MultiSeries = append(c.MultiSeries, lineSeries(name, shownAll(comp), look{grey, l.look.symbol, "dotted"}))
			refs := make([]string, len(comp))
			for k, f := range comp {
				refs[k] = englandRef(f)
			}
			seriesRefs[name] = refs
		}
	}

	var limits []opts.MarkLineNameYAxisItem
	if th.A1 > 0 {
		limits = append(limits, opts.MarkLineNameYAxisItem{Name: fmt.Sprintf("A1 %d", th.A1), YAxis: th.A1})
	}
	if th.A2 > 0 {
		limits = append(limits, opts.MarkLineNameYAxisItem{Name: fmt.Sprintf("A2 %d", th.A2), YAxis: th.A2})
	}
	if len(limits) > 0 {
		c.MultiSeries = append(c.MultiSeries, thresholdSeries("Thresholds", len(b.years), limits))
	}

	t := Table{
		ID:      id,
		Caption: "Average days from entering care to moving in with the adoptive family (A1, and A10 for foster carer and early permanence adoptions) and from placement order to match (A2)",
		Header:  header,
		Numeric: numeric(len(header), 2),
	}
	for i, y := range b.years {
		row, refs := []string{labels[i], yearPeriod(y, true).String()}, []string{"", ""}
		for _, s := range series {
			row = append(row, FormatValue(s[i]))
			refs = append(refs, b.ref(s[i]))
		}
		for _, s := range comps {
			row = append(row, FormatValue(s[i]))
			refs = append(refs, englandRef(s[i]))
		}
		t.add(row, refs)
	}

	return Chart{
		ID:      id,
		Section: SectionChildren,
		Title:   "How long children wait: A1, A10 and A2, three-year averages",
		Alt: alt(
			sentence(
				described("the three-year A1 average", series[0], th.A1, "there are no three-year A1 figures to show"),
				described("the three-year A2 average", series[4], th.A2, "there are no three-year A2 figures to show"),
			),
			hidden(suppressedAt(drawn...), "three-year period", "three-year periods", "children", b.r.SuppressBelow),
		),
		Options:    options(c),
		Table:      t,
		SeriesRefs: seriesRefs,
	}
}

// described is subject and its trend, with where the last figure stands
// against threshold: "the three-year A1 average fell from 520 days
// (2017-20) to 412 days (2022-25), below the 426-day threshold". none is
// said instead when no figure is drawn.
func described(subject string, figs []indicators.Figure, threshold int, none string) string {
	text, last, ok := trend(figs)
	if !ok {
		return none
	}
	return subject + " " + text + against(figs[last], threshold)
}
