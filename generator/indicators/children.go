package indicators

import (
	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

// childFlow tallies what happened to children in one financial year. Flows
// add up, so a three-year period is the sum of its years.
type childFlow struct {
	adopted                int
	a1Sum, a10Sum, a2Sum   int64
	a1N, a10N, a2N         int
	a3, epAdopted          int
	shouldBePlaced, orders int
	matched, placed        int
	reversed, epPlacements int
	interagency            int
	groups                 [numGroups]groupFlow
	toMatch                []int // max(0, days(placement_order, matched)) for matches in the year
}

// groupFlow is a group's share of the children adopted in a year.
type groupFlow struct {
	n             int
	a1Sum, a10Sum int64
	a1N, a10N     int
}

func (g *groupFlow) add(o *groupFlow) {
	g.n += o.n
	g.a1Sum += o.a1Sum
	g.a10Sum += o.a10Sum
	g.a1N += o.a1N
	g.a10N += o.a10N
}

func (f *childFlow) add(o *childFlow) {
	f.adopted += o.adopted
	f.a1Sum += o.a1Sum
	f.a10Sum += o.a10Sum
	f.a2Sum += o.a2Sum
	f.a1N += o.a1N
	f.a10N += o.a10N
	f.a2N += o.a2N
	f.a3 += o.a3
	f.epAdopted += o.epAdopted
	f.shouldBePlaced += o.shouldBePlaced
	f.orders += o.orders
	f.matched += o.matched
	f.placed += o.placed
	f.reversed += o.reversed
	f.epPlacements += o.epPlacements
	f.interagency += o.interagency
	for i := range f.groups {
		f.groups[i].add(&o.groups[i])
	}
}

// childStock counts the children waiting at the end of one year. Stocks do
// not add up over years.
type childStock struct {
	waiting, withOrder, over18 int
	groups                     [numGroups]int
}

// childTally is one pass over children.csv: flows for every calendar
// year, stocks at the end of every year of the report's history.
type childTally struct {
	flow  []childFlow
	stock []childStock // indexed like Config.Years
}

// earlyPermanence reports whether the child was placed through fostering
// for adoption or concurrent planning.
func earlyPermanence(c *dataset.Child) bool {
	return c.EarlyPermanence != "" && c.EarlyPermanence != dataset.EarlyPermanenceNone
}

// a10End is where A10 stops the clock: when the child moved in with the
// carers who adopted them, for foster-carer and early-permanence
// adoptions; otherwise, as A1, at the adoptive placement.
func a10End(c *dataset.Child) period.Date {
	if (c.AdoptedByFosterCarer || earlyPermanence(c)) && c.MovedInWithAdopters != 0 {
		return c.MovedInWithAdopters
	}
	return c.PlacedForAdoption
}

// waitingStop is the first day a child stops waiting: placed, decision
// reversed or adopted, whichever came first; 0 if none has happened.
func waitingStop(c *dataset.Child) period.Date {
	stop := period.Date(0)
	for _, d := range [...]period.Date{c.PlacedForAdoption, c.DecisionReversed, c.AdoptionOrder} {
		if d != 0 && (stop == 0 || d < stop) {
			stop = d
		}
	}
	return stop
}

func tallyChildren(children []dataset.Child, cal *calendar, years []period.Year, th config.Thresholds) *childTally {
	t := &childTally{
		flow:  make([]childFlow, len(cal.starts)-1),
		stock: make([]childStock, len(years)),
	}
	ends := make([]period.Date, len(years))
	for j, y := range years {
		ends[j] = y.End()
	}
	for i := range children {
		c := &children[i]
		if y := cal.index(c.AdoptionOrder); y >= 0 {
			t.adopted(&t.flow[y], c, th)
		}
		if y := cal.index(c.ShouldBePlaced); y >= 0 {
			t.flow[y].shouldBePlaced++
		}
		if y := cal.index(c.PlacementOrder); y >= 0 {
			t.flow[y].orders++
		}
		if y := cal.index(c.Matched); y >= 0 {
			f := &t.flow[y]
			f.matched++
			if c.PlacementOrder != 0 {
				f.toMatch = append(f.toMatch, max(0, period.Days(c.PlacementOrder, c.Matched)))
			}
		}
		if y := cal.index(c.PlacedForAdoption); y >= 0 {
			t.flow[y].placed++
			if c.Interagency {
				t.flow[y].interagency++
			}
		}
		if y := cal.index(c.DecisionReversed); y >= 0 {
			t.flow[y].reversed++
		}
		if earlyPermanence(c) {
			if y := cal.index(c.MovedInWithAdopters); y >= 0 {
				t.flow[y].epPlacements++
			}
		}
		if c.ShouldBePlaced == 0 {
			continue
		}
		stop := waitingStop(c)
		for j, end := range ends {
			// Waiting at the end of the year: decided by then, and not yet
			// placed, reversed or adopted on that day.
			if c.ShouldBePlaced > end || (stop != 0 && stop <= end) {
				continue
			}
			s := &t.stock[j]
			s.waiting++
			for _, g := range groupsOf(c, end) {
				s.groups[g]++
			}
			if c.PlacementOrder != 0 && c.PlacementOrder <= end {
				s.withOrder++
				if period.Days(c.PlacementOrder, end) >= th.EighteenMonths {
					s.over18++
				}
			}
		}
	}
	return t
}

// adopted adds a child adopted in the year to its flow.
func (t *childTally) adopted(f *childFlow, c *dataset.Child, th config.Thresholds) {
	f.adopted++
	var g groupFlow
	g.n = 1
	if c.PlacedForAdoption != 0 {
		d := int64(period.Days(c.EnteredCare, c.PlacedForAdoption))
		f.a1Sum += d
		f.a1N++
		g.a1Sum, g.a1N = d, 1
		if d < int64(th.A1) {
			f.a3++
		}
	}
	if end := a10End(c); end != 0 {
		d := int64(period.Days(c.EnteredCare, end))
		f.a10Sum += d
		f.a10N++
		g.a10Sum, g.a10N = d, 1
	}
	if c.PlacementOrder != 0 && c.Matched != 0 {
		// A match before the court's authority counts as no wait at all.
		f.a2Sum += int64(max(0, period.Days(c.PlacementOrder, c.Matched)))
		f.a2N++
	}
	if earlyPermanence(c) {
		f.epAdopted++
	}
	for _, k := range groupsOf(c, c.AdoptionOrder) {
		f.groups[k].add(&g)
	}
}

// span sums the flows of p's years.
func (t *childTally) span(cal *calendar, p period.Period) childFlow {
	lo, hi := cal.span(p)
	var sum childFlow
	for y := lo; y <= hi; y++ {
		sum.add(&t.flow[y])
	}
	return sum
}

// figures returns the flow figures for p: every one of them for a single
// year, only the scorecard's for a three-year period.
func (t *childTally) figures(cal *calendar, p period.Period) []Figure {
	f := t.span(cal, p)
	figs := []Figure{
		mean("a1", p, f.a1Sum, f.a1N),
		mean("a10", p, f.a10Sum, f.a10N),
		mean("a2", p, f.a2Sum, f.a2N),
		count("a3", p, f.a3),
		percent("a3_percent", p, f.a3, f.adopted),
	}
	if p.Len() > 1 {
		return figs
	}
	return append(figs,
		count("adopted", p, f.adopted),
		count("should_be_placed", p, f.shouldBePlaced),
		count("placement_orders", p, f.orders),
		count("matched", p, f.matched),
		count("placed", p, f.placed),
		count("reversed", p, f.reversed),
		count("early_permanence_placements", p, f.epPlacements),
		percent("early_permanence_percent", p, f.epAdopted, f.adopted),
		count("interagency_placements", p, f.interagency),
	)
}

// stockFigures returns the children waiting at the end of the j-th year
// of the history, p.
func (t *childTally) stockFigures(j int, p period.Period) []Figure {
	s := t.stock[j]
	return []Figure{
		count("waiting", p, s.waiting),
		count("waiting_with_order", p, s.withOrder),
		count("waiting_18_months", p, s.over18),
	}
}
