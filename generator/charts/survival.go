package charts

import (
	"fmt"
	"strconv"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/indicators"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

// timeToMatch draws the Kaplan–Meier curve of the share of children
// matched against months since the placement order, as a step line, with
// the milestone months marked and labelled. It draws the curve month by
// month (Survival.Months), so as not to publish any child's exact number
// of days, and leaves out what disclosure control marked.
func (b *builder) timeToMatch() Chart {
	const id = "time_to_match"
	s := b.r.Survival
	if s.Period == (period.Period{}) {
		// A report built without a survival estimate still names its period.
		s.Period = period.Span(b.year, 3)
	}
	k := b.r.SuppressBelow
	pts := s.Months
	per := s.Period.String()
	pointRef := func(id string, m indicators.Milestone) string {
		return Ref(id, per, indicators.Part{Month: m.Months, Days: m.Days, HasMonth: true})
	}

	c := newLine(id)
	c.SetGlobalOptions(
		ec.WithXAxisOpts(opts.XAxis{Type: "value", Name: "months since placement order", NameLocation: "middle", NameGap: 30, Min: 0}),
		ec.WithYAxisOpts(valueAxis("% matched", "{value}%", true)),
	)
	var curve []any
	var curveRefs []string
	for _, p := range pts {
		v := any(nil)
		if !p.Suppressed {
			v = p.Percent()
		}
		curve = append(curve, []any{p.Months, v})
		curveRefs = append(curveRefs, pointRef(indicators.MatchedPercentID, p))
	}
	line := lineSeries("Share matched (estimate)", curve, look{blue, "none", "solid"})
	line.Step = "end"
	line.ShowSymbol = opts.Bool(false)
	var marks []any
	var markRefs []string
	for _, m := range s.Milestones {
		if !s.Defined(m) || m.Suppressed {
			continue
		}
		v := m.Percent()
		marks = append(marks, withLabel([]any{m.Months, v}, percentText(v), "top"))
		markRefs = append(markRefs, pointRef(indicators.MatchedPercentID, m))
	}
	points := scatterSeries("Milestone months", marks, look{orange, "diamond", "solid"})
	c.MultiSeries = append(c.MultiSeries, line)
	c.Overlap(scatter(points))

	t := Table{
		ID:      id,
		Caption: fmt.Sprintf("Estimated share of the children with a placement order in %s matched by each month after the order (Kaplan–Meier)", s.Period),
		Header:  []string{"Months since placement order", "Days", "Share matched (estimate)", "Children still waiting and followed"},
		Numeric: numeric(4, 1),
	}
	for _, p := range pts {
		share, atRisk := percentText(p.Percent()), thousands(int64(p.AtRisk))
		if p.Suppressed {
			share, atRisk = Suppressed, Suppressed
		}
		ref := pointRef(indicators.MatchedPercentID, p)
		t.add([]string{strconv.Itoa(p.Months), thousands(int64(p.Days)), share, atRisk},
			[]string{FieldRef(ref, FieldMonth), FieldRef(ref, FieldDays), ref, pointRef(indicators.StillWaitingID, p)})
	}

	return Chart{
		ID:      id,
		Section: SectionChildren,
		Title:   fmt.Sprintf("Time from placement order to match for children with an order in %s", s.Period),
		Alt:     survivalAlt(s, k, yearEnd(b.year)),
		Options: options(c),
		Table:   t,
		SeriesRefs: map[string][]string{
			"Share matched (estimate)": curveRefs,
			"Milestone months":         markRefs,
		},
		// The children the curve follows: its period's placement orders.
		TextRefs: []string{Ref("placement_orders", per, indicators.Part{})},
	}
}

// survivalAlt describes the curve: how many children it follows, the
// share matched within 6 and 12 months and by when half had been matched,
// leaving out what disclosure control marked.
func survivalAlt(s indicators.Survival, k int, end string) string {
	if s.Children == 0 {
		return fmt.Sprintf("No child had a placement order in %s, so there is no curve to draw.", s.Period)
	}
	if s.Suppressed {
		return fmt.Sprintf("Fewer than %d children had a placement order in %s, so the curve is not shown.", k, s.Period)
	}
	shown := func(days int) bool {
		for _, p := range s.Months {
			if p.Days == days {
				return !p.Suppressed
			}
		}
		return false
	}
	var within []string
	for _, m := range s.Milestones {
		if (m.Months == 6 || m.Months == 12) && s.Defined(m) && shown(m.Days) {
			verb := ""
			if len(within) == 0 {
				verb = "had been matched "
			}
			within = append(within, fmt.Sprintf("%s %swithin %d months", percentText(m.Percent()), verb, m.Months))
		}
	}
	lead := fmt.Sprintf("Of the %s with a placement order in %s", countOf(int64(s.Children), "child", "children"), s.Period)
	if len(within) > 0 {
		lead += ", an estimated " + list(within)
	}
	half := ""
	switch m := 0; {
	case !s.HasMedian:
		half = "fewer than half had been matched by " + end
	default:
		// In whole months, as the curve is drawn: the median day is the day
		// some child was matched.
		for config.MonthsToDays(m) < s.Median {
			m++
		}
		if shown(config.MonthsToDays(m)) {
			half = fmt.Sprintf("half had been matched within %s of the order", countOf(int64(m), "month", "months"))
		}
	}
	n := 0
	for _, p := range s.Months {
		if p.Suppressed {
			n++
		}
	}
	if n == len(s.Months) {
		return fmt.Sprintf("The curve for the %s with a placement order in %s is not shown because every month of it rests on or would reveal fewer than %d children.",
			countOf(int64(s.Children), "child", "children"), s.Period, k)
	}
	var text string
	switch {
	case len(within) == 0 && half == "":
		text = sentence(lead + ", the curve shows the estimated share matched by each month after the order")
	case len(within) == 0:
		text = sentence(lead + ", " + half)
	default:
		text = sentence(lead, half)
	}
	return alt(text, hidden(n, "month", "months", "children", k))
}
