package charts

import (
	"fmt"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/adoptionreport/adoptionreport/generator/indicators"
)

// journeyStep is one step of the adopter journey: its indicator, its name
// in charts and tables, and what households did, for the text
// alternative.
type journeyStep struct {
	id, label string
	one, many string // "was approved", "were approved"
}

// journey is the adopter journey in order, enquiry to match.
var journey = []journeyStep{
	{"enquiries", "Enquiries", "enquired", "enquired"},
	{"registrations", "Registrations of interest", "registered an interest", "registered an interest"},
	{"stage1_started", "Started stage 1", "started stage 1", "started stage 1"},
	{"stage2_started", "Started stage 2", "started stage 2", "started stage 2"},
	{"approvals", "Approved", "was approved", "were approved"},
	{"adopter_matches", "Matched with a child", "was matched with a child", "were matched with a child"},
}

// adopterFunnel draws how many households reached each step of the
// journey in the report year. Horizontal bars, not a funnel shape: bar
// lengths compare accurately and the step names read as text.
func (b *builder) adopterFunnel() Chart {
	const id = "adopter_funnel"
	p := b.year.Period()
	labels := make([]string, len(journey))
	figs := make([]indicators.Figure, len(journey))
	for i, s := range journey {
		labels[i], figs[i] = s.label, b.fig(s.id, p)
	}

	c := newBar(id)
	c.SetGlobalOptions(ec.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}))
	categoryY(c, labels)
	valueX(c, countAxis("households"))
	s := barSeries("Households in "+p.String(), shownAll(figs), blue)
	s.Label = &opts.Label{Show: opts.Bool(true), Position: "right"}
	c.MultiSeries = append(c.MultiSeries, s)

	t := Table{
		ID:      id,
		Caption: "Adopter households at each step of the journey in " + p.String(),
		Header:  []string{"Step", "Households in " + p.String()},
		Numeric: numeric(2, 1),
	}
	var clauses []string
	anyone := false
	for i, f := range figs {
		t.add([]string{labels[i], FormatValue(f)}, []string{"", b.ref(f)})
		if !drawable(f) {
			continue
		}
		anyone = anyone || f.Value != 0
		n, verb := FormatValue(f), journey[i].many
		if wholeOf(f.Value) == 1 {
			verb = journey[i].one
		}
		if len(clauses) == 0 {
			n = FormatFigure(f)
		}
		clauses = append(clauses, n+" "+verb)
	}
	text := fmt.Sprintf("There are no adopter journey figures to show for %s.", p)
	switch {
	case len(clauses) > 0 && !anyone:
		text = fmt.Sprintf("In %s, no households reached any step of the adopter journey.", p)
	case len(clauses) > 0:
		text = fmt.Sprintf("In %s, %s.", p, list(clauses))
	}

	return Chart{
		ID:         id,
		Section:    SectionAdopters,
		Title:      "The adopter journey in " + p.String(),
		Alt:        alt(text, hidden(suppressedAt(figs), "step", "steps", "households", b.r.SuppressBelow)),
		Options:    denseOptions(c, nil),
		Table:      t,
		SeriesRefs: map[string][]string{"Households in " + p.String(): b.refs(figs)},
	}
}

// stageTimeliness draws the shares of assessments finished on time over
// the years.
func (b *builder) stageTimeliness() Chart {
	const id = "stage_timeliness"
	th := b.cfg.Thresholds
	// name is the legend's, label the table's.
	lines := []struct {
		id, name, label, subject string
		look                     look
	}{
		{"stage1_on_time_percent",
			fmt.Sprintf("Stage 1 within %d days", th.Stage1),
			fmt.Sprintf("Stage 1 completed within %d days", th.Stage1),
			fmt.Sprintf("the share of stage 1 checks completed within %d days", th.Stage1),
			look{blue, "circle", "solid"}},
		{"stage2_on_time_percent",
			fmt.Sprintf("Stage 2 within %d days", th.Stage2),
			fmt.Sprintf("Stage 2 completed within %d days", th.Stage2),
			fmt.Sprintf("the share of stage 2 assessments completed within %d days", th.Stage2),
			look{orange, "triangle", "dashed"}},
		{"approved_within_6_months_percent",
			fmt.Sprintf("Approved within %d days", th.SixMonths),
			fmt.Sprintf("Approved within %d days of registering", th.SixMonths),
			fmt.Sprintf("the share of households approved within %d days of registering", th.SixMonths),
			look{turquoise, "diamond", "dotted"}},
	}
	labels := b.yearLabels()

	c := newLine(id)
	c.SetXAxis(labels)
	c.SetGlobalOptions(ec.WithYAxisOpts(valueAxis("% of households", "{value}%", true)))
	header := []string{"Year"}
	var series [][]indicators.Figure
	var clauses []string
	seriesRefs := map[string][]string{}
	for _, l := range lines {
		figs := b.overYears(l.id, false)
		series = append(series, figs)
		header = append(header, l.label)
		c.MultiSeries = append(c.MultiSeries, lineSeries(l.name, shownAll(figs), l.look))
		seriesRefs[l.name] = b.refs(figs)
		clauses = append(clauses, described(l.subject, figs, 0, ""))
	}
	if sentence(clauses...) == "" {
		clauses = []string{"there are no stage timeliness figures to show"}
	}

	t := Table{
		ID:      id,
		Caption: "Shares of adopter households whose assessment stages finished on time",
		Header:  header,
		Numeric: numeric(len(header), 1),
	}
	for i := range b.years {
		row, refs := []string{labels[i]}, []string{""}
		for _, s := range series {
			row = append(row, FormatValue(s[i]))
			refs = append(refs, b.ref(s[i]))
		}
		t.add(row, refs)
	}

	return Chart{
		ID:      id,
		Section: SectionAdopters,
		Title:   "Adopter assessments on time",
		Alt: alt(
			sentence(clauses...),
			hidden(suppressedAt(series...), "year", "years", "households", b.r.SuppressBelow),
		),
		Options:    options(c),
		Table:      t,
		SeriesRefs: seriesRefs,
	}
}

// sufficiency draws the children waiting against the approved adopter
// households waiting at each year end, with children per household as a
// line on a second axis.
func (b *builder) sufficiency() Chart {
	const id = "sufficiency"
	children := b.overYears("waiting", false)
	households := b.overYears("adopters_waiting", false)
	ratio := b.overYears("sufficiency_ratio", false)
	labels := b.yearLabels()

	c := newBar(id)
	c.SetXAxis(labels)
	c.SetGlobalOptions(ec.WithYAxisOpts(countAxis("number waiting")))
	c.ExtendYAxis(valueAxis("per household", "", false))
	line := lineSeries("Children per household", shownAll(ratio), look{purple, "diamond", "dashed"})
	line.YAxisIndex = 1
	waitingBars := barSeries("Children waiting", shownAll(children), blue)
	householdBars := barSeries("Adopter households waiting", shownAll(households), turquoise)
	waitingBars.Label = &opts.Label{Show: opts.Bool(true), Position: "top"}
	householdBars.Label = waitingBars.Label
	c.MultiSeries = append(c.MultiSeries, waitingBars, householdBars)
	c.Overlap(lines(line))

	t := Table{
		ID:      id,
		Caption: "Children waiting for adoption and approved adopter households waiting for a match at 31 March of each year",
		Header:  []string{"Year", "Children waiting", "Approved adopter households waiting", "Children waiting per household waiting"},
		Numeric: numeric(4, 1),
	}
	for i := range b.years {
		t.add([]string{labels[i], FormatValue(children[i]), FormatValue(households[i]), FormatValue(ratio[i])},
			[]string{"", b.ref(children[i]), b.ref(households[i]), b.ref(ratio[i])})
	}

	last := len(b.years) - 1
	var now string
	switch ch, hh := children[last], households[last]; {
	case drawable(ch) && drawable(hh):
		now = fmt.Sprintf("at %s, %s and %s approved as adopters were waiting", yearEnd(b.year), FormatFigure(ch), FormatFigure(hh))
	case drawable(ch):
		now = fmt.Sprintf("at %s, %s %s waiting", yearEnd(b.year), FormatFigure(ch), waitVerb(ch))
	case drawable(hh):
		now = fmt.Sprintf("at %s, %s approved as adopters %s waiting", yearEnd(b.year), FormatFigure(hh), waitVerb(hh))
	}
	per := described("the number of children waiting for each household waiting", ratio, 0, "")
	if now == "" && per == "" {
		now = "there are no figures to show for children and adopters waiting"
	}

	return Chart{
		ID:      id,
		Section: SectionAdopters,
		Title:   "Children and adopters waiting at the year end",
		Alt: alt(
			sentence(now, per),
			hidden(suppressedAt(children, households, ratio), "year", "years", "children or households", b.r.SuppressBelow),
		),
		Options: options(c),
		Table:   t,
		SeriesRefs: map[string][]string{
			"Children waiting":           b.refs(children),
			"Adopter households waiting": b.refs(households),
			"Children per household":     b.refs(ratio),
		},
	}
}

// waitVerb agrees "was" or "were" with a count.
func waitVerb(f indicators.Figure) string {
	if wholeOf(f.Value) == 1 {
		return "was"
	}
	return "were"
}
