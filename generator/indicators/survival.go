package indicators

import (
	"cmp"
	"math"
	"math/big"
	"slices"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

// Survival is a Kaplan–Meier estimate of the time from placement order to
// match, over every child whose placement order falls in Period. Unlike a
// mean over the children matched, it counts the children still waiting:
//
//   - matched: an event at max(0, days(placement_order, matched));
//   - placed for adoption with no match date recorded: an event at
//     max(0, days(placement_order, placed_for_adoption)), since the match
//     must have come by then;
//   - otherwise, decision reversed: censored at the reversal, as the child
//     stopped waiting without a match;
//   - otherwise still waiting: censored at the end of Period.
//
// At a time with both, events count before censorings, as usual.
type Survival struct {
	Period   period.Period
	Children int // with a placement order in Period
	Matched  int // events
	Censored int
	// Steps has one entry per day on which a child was matched or
	// censored, in order. They give children's exact days, so the report
	// shows the curve by Months instead.
	Steps []Step
	// Months is the estimate at the end of each whole month after the
	// order, from month 0 to the first month end on or after the last day
	// anyone was followed: the curve the report draws. Month ends are where
	// the scorecard's months fall (config.MonthsToDays), so every milestone
	// within follow-up is one of them. Nil when no child had an order.
	Months []Milestone
	// Milestones are the share matched by 3, 6, 9, 12, 18 and 24 months.
	Milestones []Milestone
	// Median is the first day on which the share still waiting falls to
	// one half or below; HasMedian is false if it never does.
	Median    int
	HasMedian bool
	// Suppressed is set by disclosure control when the whole curve must
	// not be published: it follows too few children. Each month's and
	// milestone's own mark says whether that estimate may be.
	Suppressed bool
}

// Step is the estimate on one day.
type Step struct {
	Days     int
	AtRisk   int // still waiting and followed at the start of the day
	Events   int // matched that day
	Censored int // stopped being followed that day
	// Share is the estimated share of children matched by the end of the
	// day, 1 − S(Days), unrounded.
	Share float64
}

// Milestone is the estimate at a number of months after the order.
type Milestone struct {
	Months int
	Days   int // config.MonthsToDays(Months)
	// Share is the estimated share matched by the end of day Days.
	Share float64
	// AtRisk is the number of children still waiting and followed after
	// day Days: how many the rest of the curve rests on.
	AtRisk int
	// Suppressed is set by disclosure control for an estimate that must not
	// be published; Share and AtRisk are kept for draft builds.
	Suppressed bool
}

// Percent is the share matched as a percentage to one decimal place, as
// the report shows it. It rounds the unrounded estimate once; halves go up
// (the estimate is never negative).
func (m Milestone) Percent() float64 { return math.Round(m.Share*1000) / 10 }

// MilestoneMonths are the months at which Survival reports the share
// matched.
var MilestoneMonths = []int{3, 6, 9, 12, 18, 24}

// observation is one child's time and whether it ended in a match.
type observation struct {
	days  int
	event bool
}

// survival estimates the curve for the children with a placement order
// in p, followed to p's end.
func survival(children []dataset.Child, p period.Period) Survival {
	var obs []observation
	end := p.End()
	for i := range children {
		c := &children[i]
		if !p.Contains(c.PlacementOrder) {
			continue
		}
		o := observation{event: true}
		switch {
		case c.Matched != 0:
			o.days = period.Days(c.PlacementOrder, c.Matched)
		case c.PlacedForAdoption != 0:
			o.days = period.Days(c.PlacementOrder, c.PlacedForAdoption)
		case c.DecisionReversed != 0:
			o.days, o.event = period.Days(c.PlacementOrder, c.DecisionReversed), false
		default:
			o.days, o.event = period.Days(c.PlacementOrder, end), false
		}
		o.days = max(0, o.days)
		obs = append(obs, o)
	}
	return kaplanMeier(p, obs)
}

// kaplanMeier estimates S(t) = Π over event days tᵢ ≤ t of (1 − dᵢ/nᵢ),
// with dᵢ children matched on day tᵢ out of nᵢ still followed.
func kaplanMeier(p period.Period, obs []observation) Survival {
	s := Survival{Period: p, Children: len(obs)}
	slices.SortFunc(obs, func(a, b observation) int { return cmp.Compare(a.days, b.days) })
	surv := 1.0
	atRisk := len(obs)
	for i := 0; i < len(obs); {
		st := Step{Days: obs[i].days, AtRisk: atRisk}
		for ; i < len(obs) && obs[i].days == st.Days; i++ {
			if obs[i].event {
				st.Events++
			} else {
				st.Censored++
			}
		}
		if st.Events > 0 {
			surv *= float64(atRisk-st.Events) / float64(atRisk)
		}
		st.Share = 1 - surv
		s.Steps = append(s.Steps, st)
		s.Matched += st.Events
		s.Censored += st.Censored
		atRisk -= st.Events + st.Censored
		if !s.HasMedian && st.Events > 0 && halfOrBelow(surv, s.Steps) {
			s.Median, s.HasMedian = st.Days, true
		}
	}
	s.Sample()
	return s
}

// Sample sets Months and Milestones from Steps. Compute calls it; a test
// that writes Steps by hand calls it too.
func (s *Survival) Sample() {
	s.Months, s.Milestones = nil, nil
	if len(s.Steps) > 0 {
		last := s.Steps[len(s.Steps)-1].Days
		for m := 0; ; m++ {
			p := s.milestone(m)
			s.Months = append(s.Months, p)
			if p.Days >= last {
				break
			}
		}
	}
	for _, m := range MilestoneMonths {
		s.Milestones = append(s.Milestones, s.milestone(m))
	}
}

// Defined reports whether the estimate at m rests on anyone still
// followed: past the last child followed the curve says nothing, unless
// every child had been matched by then.
func (s *Survival) Defined(m Milestone) bool {
	if len(s.Steps) == 0 {
		return false
	}
	return m.Days <= s.Steps[len(s.Steps)-1].Days || s.Matched == s.Children
}

// halfOrBelow reports whether the survival after steps is at most ½. The
// float product carries rounding error, so near ½ it decides exactly:
// S ≤ ½ ⇔ 2·Π(nᵢ − dᵢ) ≤ Π nᵢ.
func halfOrBelow(surv float64, steps []Step) bool {
	if math.Abs(surv-0.5) > 1e-9 {
		return surv < 0.5
	}
	num, den := big.NewInt(2), big.NewInt(1)
	var t big.Int
	for _, st := range steps {
		if st.Events > 0 {
			num.Mul(num, t.SetInt64(int64(st.AtRisk-st.Events)))
			den.Mul(den, t.SetInt64(int64(st.AtRisk)))
		}
	}
	return num.Cmp(den) <= 0
}

// milestone is the estimate at m months.
func (s *Survival) milestone(m int) Milestone {
	ms := Milestone{Months: m, Days: config.MonthsToDays(m)}
	// The last step on or before the day holds the estimate; those after
	// it are still followed.
	i, _ := slices.BinarySearchFunc(s.Steps, ms.Days+1, func(st Step, d int) int { return cmp.Compare(st.Days, d) })
	if i > 0 {
		ms.Share = s.Steps[i-1].Share
	}
	if i < len(s.Steps) {
		ms.AtRisk = s.Steps[i].AtRisk
	}
	return ms
}
