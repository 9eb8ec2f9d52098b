package charts

import (
	"fmt"
	"math"
	"strconv"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/disclosure"
	"github.com/adoptionreport/adoptionreport/generator/indicators"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

// monthPoint is the Kaplan–Meier estimate at the end of a whole month
// after the placement order.
type monthPoint struct {
	months, days int
	share        float64 // estimated share matched, 0 to 1
	atRisk       int     // children still waiting and followed after the day
}

// monthly samples the curve at the end of each whole month, from the order
// to the first month end on or after the last day anyone was followed.
// Month ends are where the scorecard's months fall (config.MonthsToDays),
// so the 3, 6, 9, 12, 18 and 24-month milestones are points of the curve;
// and a month-by-month curve does not publish any child's exact number of
// days.
func monthly(s indicators.Survival) []monthPoint {
	if len(s.Steps) == 0 {
		return nil
	}
	lastDay := s.Steps[len(s.Steps)-1].Days
	var out []monthPoint
	i := 0 // steps[:i] are on or before the current day
	for m := 0; ; m++ {
		p := monthPoint{months: m, days: config.MonthsToDays(m)}
		for i < len(s.Steps) && s.Steps[i].Days <= p.days {
			i++
		}
		if i > 0 {
			p.share = s.Steps[i-1].Share
		}
		if i < len(s.Steps) {
			p.atRisk = s.Steps[i].AtRisk
		}
		out = append(out, p)
		if p.days >= lastDay {
			return out
		}
	}
}

// percentOf rounds a share to a percentage with one decimal place, as
// indicators rounds percentages.
func percentOf(share float64) float64 { return math.Round(share*1000) / 10 }

// defined reports whether the estimate at milestone m rests on anyone
// still followed: past the last child followed the curve says nothing,
// unless every child had been matched by then.
func defined(s indicators.Survival, m indicators.Milestone) bool {
	if len(s.Steps) == 0 {
		return false
	}
	return m.Days <= s.Steps[len(s.Steps)-1].Days || s.Matched == s.Children
}

// curvePoints samples s month by month and marks the points disclosure
// control would hide with suppress_below k: it applies the rule for
// milestones (disclosure.MilestonesSuppressed) to every month, so a point
// is hidden when 1 to k−1 children had been matched by then or are still
// followed after it. That cuts the curve off where too few remain, as is
// usual, and hides it whole when it follows 1 to k−1 children.
func curvePoints(s indicators.Survival, k int) ([]monthPoint, []bool) {
	pts := monthly(s)
	asMilestones := s
	asMilestones.Milestones = make([]indicators.Milestone, len(pts))
	for i, p := range pts {
		asMilestones.Milestones[i] = indicators.Milestone{Months: p.months, Days: p.days, Share: p.share, AtRisk: p.atRisk}
	}
	return pts, disclosure.MilestonesSuppressed(asMilestones, k)
}

// timeToMatch draws the Kaplan–Meier curve of the share of children
// matched against months since the placement order, as a step line, with
// the milestone months marked and labelled.
//
// The curve has no Suppressed mark for disclosure.Apply to set, so the
// chart applies the disclosure rules itself with the report's
// SuppressBelow.
func (b *builder) timeToMatch() Chart {
	const id = "time_to_match"
	s := b.r.Survival
	if s.Period == (period.Period{}) {
		// A report built without a survival estimate still names its period.
		s.Period = period.Span(b.year, 3)
	}
	k := b.r.SuppressBelow
	pts, hide := curvePoints(s, k)

	c := newChart(id)
	c.SetGlobalOptions(
		ec.WithXAxisOpts(opts.XAxis{Type: "value", Name: "months since placement order", NameLocation: "middle", NameGap: 30, Min: 0}),
		ec.WithYAxisOpts(valueAxis("% matched", "{value}%", true)),
	)
	var curve []any
	for i, p := range pts {
		v := any(nil)
		if !hide[i] {
			v = percentOf(p.share)
		}
		curve = append(curve, []any{p.months, v})
	}
	line := lineSeries("Share matched (estimate)", curve, look{blue, "none", "solid"})
	line.Step = "end"
	line.ShowSymbol = opts.Bool(false)
	var marks []any
	hideMark := disclosure.MilestonesSuppressed(s, k)
	for i, m := range s.Milestones {
		if !defined(s, m) || hideMark[i] {
			continue
		}
		v := percentOf(m.Share)
		marks = append(marks, withLabel([]any{m.Months, v}, percentText(v), "top"))
	}
	points := scatterSeries("Milestone months", marks, look{orange, "diamond", "solid"})
	c.MultiSeries = append(c.MultiSeries, line, points)

	t := Table{
		ID:      id,
		Caption: fmt.Sprintf("Estimated share of the children with a placement order in %s matched by each month after the order (Kaplan–Meier)", s.Period),
		Header:  []string{"Months since placement order", "Days", "Share matched (estimate)", "Children still waiting and followed"},
		Numeric: numeric(4, 1),
	}
	hidden := 0
	for i, p := range pts {
		share, atRisk := percentText(percentOf(p.share)), thousands(int64(p.atRisk))
		if hide[i] {
			share, atRisk = Suppressed, Suppressed
			hidden++
		}
		t.add([]string{strconv.Itoa(p.months), thousands(int64(p.days)), share, atRisk}, nil)
	}

	return Chart{
		ID:      id,
		Section: SectionChildren,
		Title:   fmt.Sprintf("Time from placement order to match for children with an order in %s", s.Period),
		Alt:     survivalAlt(s, pts, hide, k, yearEnd(b.year)),
		Options: options(c),
		Table:   t,
	}
}

// survivalAlt describes the curve: how many children it follows, the
// share matched within 6 and 12 months and by when half had been matched,
// leaving out what disclosure control hides.
func survivalAlt(s indicators.Survival, pts []monthPoint, hide []bool, k int, end string) string {
	if s.Children == 0 {
		return fmt.Sprintf("No child had a placement order in %s, so there is no curve to draw.", s.Period)
	}
	if disclosure.SurvivalSuppressed(s, k) {
		return fmt.Sprintf("Fewer than %d children had a placement order in %s, so the curve is not shown.", k, s.Period)
	}
	shown := func(days int) bool {
		for i, p := range pts {
			if p.days == days {
				return !hide[i]
			}
		}
		return false
	}
	var within []string
	for _, m := range s.Milestones {
		if (m.Months == 6 || m.Months == 12) && defined(s, m) && shown(m.Days) {
			verb := ""
			if len(within) == 0 {
				verb = "had been matched "
			}
			within = append(within, fmt.Sprintf("%s %swithin %d months", percentText(percentOf(m.Share)), verb, m.Months))
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
	for _, h := range hide {
		if h {
			n++
		}
	}
	if n == len(pts) {
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
