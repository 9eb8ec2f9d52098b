package charts

import (
	"cmp"
	"fmt"
	"math"
	"slices"

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

// areaLooks tell the comparators' lines apart: each area has its own
// colour and dash, the first England's grey dots; the measure's symbol
// says which measure a line is. Past four areas the looks repeat, and the
// legend tells them apart.
var areaLooks = []look{
	{grey, "", "dotted"},
	{purple, "", "dashed"},
	{grey, "", "dashed"},
	{purple, "", "dotted"},
}

// areaLook is how area i's line of a measure drawn as l looks.
func areaLook(i int, l look) look {
	a := areaLooks[i%len(areaLooks)]
	a.symbol = l.symbol
	return a
}

// comparison is one comparators.csv area's values beside a series of the
// council's figures.
type comparison struct {
	area string
	figs []indicators.Figure
}

// comparisons returns, for each area of comparators.csv that has a value
// for any of figs, its value of each (with no value where it has none,
// so that a missing period is a gap, never a zero), in the report's
// order of areas.
func (b *builder) comparisons(figs []indicators.Figure) []comparison {
	var out []comparison
	for _, area := range b.r.Areas {
		s := make([]indicators.Figure, len(figs))
		found := false
		for i, f := range figs {
			s[i] = indicators.Figure{ID: f.ID, Period: f.Period, Unit: f.Unit}
			if c, ok := f.Comparator(area); ok {
				s[i] = areaFigure(f, c)
				found = true
			}
		}
		if found {
			out = append(out, comparison{area, s})
		}
	}
	return out
}

// areaFigure is comparator c of figure f as a figure of f's indicator,
// period and unit, for FormatValue and shown: pounds are held in pence.
func areaFigure(f indicators.Figure, c indicators.ComparatorValue) indicators.Figure {
	out := indicators.Figure{ID: f.ID, Period: f.Period, Unit: f.Unit, Value: c.Value, HasValue: true}
	if f.Unit == indicators.Pounds {
		out.Pence = int64(math.Round(c.Value * 100))
	}
	return out
}

// areaRef is the ref of an area's figure that comparisons returned, ""
// where comparators.csv has none.
func areaRef(area string, f indicators.Figure) string {
	if !f.HasValue {
		return ""
	}
	return ComparatorRef(area, f.ID, f.Period.String())
}

// areaRefs is areaRef over figs.
func areaRefs(area string, figs []indicators.Figure) []string {
	out := make([]string, len(figs))
	for i, f := range figs {
		out[i] = areaRef(area, f)
	}
	return out
}

// timeliness draws the three-year averages of A1, A10 and A2 over the
// history, with the A1 and A2 thresholds and every area of
// comparators.csv that gives them (England, statistical neighbours, …).
// The single years are in the table and the CSV, not the chart: twice
// the lines were more than a legend or a reader can hold apart, and the
// scorecard judges the three-year averages.
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
	// The comparators' columns and lines follow the council's, by area.
	type compLine struct {
		l    scoreLine
		comp comparison
	}
	var comps []compLine
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
		for _, comp := range b.comparisons(figs) {
			comps = append(comps, compLine{l, comp})
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
	slices.SortStableFunc(comps, func(x, y compLine) int {
		return cmp.Compare(slices.Index(b.r.Areas, x.comp.area), slices.Index(b.r.Areas, y.comp.area))
	})
	for _, cl := range comps {
		l, area := cl.l, cl.comp.area
		header = append(header, area+" "+l.title()+" (days)")
		if l.three {
			name := area + " " + l.name
			c.MultiSeries = append(c.MultiSeries, lineSeries(name, shownAll(cl.comp.figs), areaLook(slices.Index(b.r.Areas, area), l.look)))
			seriesRefs[name] = areaRefs(area, cl.comp.figs)
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
		for _, cl := range comps {
			row = append(row, FormatValue(cl.comp.figs[i]))
			refs = append(refs, areaRef(cl.comp.area, cl.comp.figs[i]))
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
