package indicators

import "github.com/adoptionreport/adoptionreport/generator/period"

// IDs of the time-to-match curve's figures, which the indicator table (docs/content.md) has no
// ID for.
const (
	// MatchedPercentID is the Kaplan–Meier estimate of the share of the
	// children with a placement order in the period matched by the end of
	// a month after the order, as a percentage: the curve's points.
	MatchedPercentID = "time_to_match_matched_percent"
	// StillWaitingID is the number of those children still waiting and
	// followed after the end of the month: what the rest of the curve
	// rests on.
	StillWaitingID = "time_to_match_still_waiting"
)

// Part says which part of an indicator a figure is, for the figures the
// report shows below the level of the indicators of docs/content.md: one group of a
// breakdown, one budget line, one cost driver or one month of the
// time-to-match curve. The zero Part is a whole indicator.
// indicators.json writes the fields that are set beside the ID and
// period, so that the shape docs/data.md gives holds.
type Part struct {
	// Breakdown and Group are a group of a breakdown: its Dimension and Key.
	Breakdown Dimension
	Group     string
	// Line is a budget.csv line; Driver its driver, or a driver alone.
	Line, Driver string
	// Month, when HasMonth, is a month after the placement order, ending
	// on day Days (config.MonthsToDays).
	Month, Days int
	HasMonth    bool
}

// PartField is a text field of a Part as indicators.json names it.
type PartField struct{ Name, Value string }

// TextFields are p's text fields in the order indicators.json writes
// them, blank ones included: breakdown, group, line, driver.
func (p Part) TextFields() [4]PartField {
	return [4]PartField{{"breakdown", string(p.Breakdown)}, {"group", p.Group}, {"line", p.Line}, {"driver", p.Driver}}
}

// Entry is one figure the report shows beyond the indicators of docs/content.md, as
// indicators.json lists it after them.
type Entry struct {
	Figure
	Part Part
	// RunningTotal, when HasRunningTotal, is where the overspend waterfall
	// stands after this change, in pence (Change.RunningTotal).
	RunningTotal    int64
	HasRunningTotal bool
	// NoBase: the figure has no base to publish. A point of the
	// Kaplan–Meier curve is an estimate, not a count over a count: the
	// children it rests on are its month's StillWaitingID entry and, for
	// the whole curve, the placement orders of its period.
	NoBase bool
}

// Extras returns every figure the report shows that is not one of
// the indicators of docs/content.md, in the order indicators.json lists them:
//
//  1. breakdowns: the children adopted in the three years to the report
//     year (the adopted_by_group table), each group's count, A1 and A10;
//     then the children waiting at the end of each year, each group's
//     count. The single years' adoptions by group feed disclosure
//     control's sums but are not shown, so are not listed;
//  2. the report year's budget lines: budget, actual and variance;
//  3. each year's actual spending by driver (the budget_by_line chart);
//  4. the report year's waterfall from budget to outturn, change by
//     change, each with its running total;
//  5. the time-to-match curve: the placement orders it follows (the
//     placement_orders of its three-year period), the share matched at
//     each month it is drawn to and at each milestone marked past them,
//     and the children still waiting and followed at each month.
//
// Suppressed marks are the figures' own, as disclosure control set them.
func (r *Report) Extras() []Entry {
	var out []Entry
	report3 := period.Span(r.Year, 3)
	for _, b := range r.Adopted {
		if b.Period == report3 {
			out = appendBreakdown(out, b)
		}
	}
	for _, b := range r.Waiting {
		out = appendBreakdown(out, b)
	}

	for _, fy := range r.Finance {
		if fy.Year != r.Year {
			continue
		}
		p := fy.Year.Period()
		for _, l := range fy.Lines {
			part := Part{Line: l.Line, Driver: l.Driver}
			out = append(out,
				Entry{Figure: moneyFigure("budget", p, l.Budget), Part: part},
				Entry{Figure: moneyFigure("actual", p, l.Actual), Part: part},
				Entry{Figure: moneyFigure("variance", p, l.Variance), Part: part})
		}
	}
	for _, fy := range r.Finance {
		for _, d := range fy.Drivers {
			out = append(out, Entry{Figure: moneyFigure("actual", fy.Year.Period(), d.Actual), Part: Part{Driver: d.Driver}})
		}
	}
	for _, fy := range r.Finance {
		if fy.Year != r.Year {
			continue
		}
		for _, c := range fy.Changes() {
			out = append(out, Entry{Figure: moneyFigure(c.ID, fy.Year.Period(), c.Amount), Part: Part{Driver: c.Driver},
				RunningTotal: c.RunningTotal, HasRunningTotal: true})
		}
	}
	return appendSurvival(out, &r.Survival)
}

// appendBreakdown adds each group's count and, for the children adopted,
// its A1 and A10.
func appendBreakdown(out []Entry, b Breakdown) []Entry {
	for _, g := range b.Groups {
		part := Part{Breakdown: g.Dimension, Group: g.Key}
		out = append(out, Entry{Figure: g.Count, Part: part})
		for _, f := range []Figure{g.A1, g.A10} {
			if f.ID != "" { // a waiting cohort has no means
				out = append(out, Entry{Figure: f, Part: part})
			}
		}
	}
	return out
}

// appendSurvival adds the curve's figures. A report computed without a
// curve (its period unset) has none.
func appendSurvival(out []Entry, s *Survival) []Entry {
	if s.Period == (period.Period{}) {
		return out
	}
	orders := count("placement_orders", s.Period, s.Children)
	orders.Unit, orders.Suppressed = Children, s.Suppressed
	out = append(out, Entry{Figure: orders})

	// The curve's months, then the milestones marked beyond its end: there
	// only when every child had been matched, so the estimate is known.
	points := s.Months
	for _, m := range s.Milestones {
		if (len(s.Months) == 0 || m.Days > s.Months[len(s.Months)-1].Days) && s.Defined(m) {
			points = append(points[:len(points):len(points)], m)
		}
	}
	for _, m := range points {
		f := Figure{ID: MatchedPercentID, Period: s.Period, Unit: Percent, Value: m.Percent(), HasValue: true, Suppressed: m.Suppressed}
		out = append(out, Entry{Figure: f, Part: monthPart(m), NoBase: true})
	}
	for _, m := range s.Months {
		f := count(StillWaitingID, s.Period, m.AtRisk)
		f.Unit, f.Suppressed = Children, m.Suppressed
		out = append(out, Entry{Figure: f, Part: monthPart(m)})
	}
	return out
}

func monthPart(m Milestone) Part { return Part{Month: m.Months, Days: m.Days, HasMonth: true} }

// moneyFigure is an amount in pence that always has a value.
func moneyFigure(id string, p period.Period, pence int64) Figure {
	f := pounds(id, p, pence, 1, "")
	f.Unit = Pounds
	return f
}
