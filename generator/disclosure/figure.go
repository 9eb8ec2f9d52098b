package disclosure

import (
	"slices"

	"github.com/adoptionreport/adoptionreport/generator/indicators"
)

// SuppressFigure is the primary rule for one figure with suppress_below k:
// a count of children or households from 1 to k−1; a mean over 1 to k−1
// children or households; a percentage whose base, numerator or base −
// numerator is from 1 to k−1; a ratio whose numerator or base is. Money
// and figures with no value are never suppressed, nor is anything when
// k ≤ 1.
//
// It does not know which other figures the report shows beside f, so it
// cannot do secondary suppression: Apply does both.
func SuppressFigure(f indicators.Figure, k int) bool {
	if k <= 1 || !f.HasValue {
		return false
	}
	switch f.Unit {
	case indicators.Children, indicators.Households:
		return small(int(f.Value), k)
	case indicators.Days:
		return small(f.Base, k)
	case indicators.Percent:
		return small(f.Base, k) || small(f.Numerator, k) || small(f.Base-f.Numerator, k)
	case indicators.Ratio:
		return small(f.Base, k) || small(f.Numerator, k)
	}
	return false
}

// SurvivalSuppressed reports whether a whole Kaplan–Meier curve must be
// hidden: it follows 1 to k−1 children.
func SurvivalSuppressed(s indicators.Survival, k int) bool {
	return k > 1 && small(s.Children, k)
}

// estimatesSuppressed says, for each estimate in ms (s.Milestones or
// s.Months), whether the share matched by then must be hidden: when the
// whole curve is; when 1 to k−1 children had been matched by then, since
// share × children gives them away; and when 1 to k−1 children are still
// followed after it, since the share not matched then counts them
// (without censoring, exactly). Curves are usually cut off where too few
// remain at risk for the same reason.
func estimatesSuppressed(s indicators.Survival, ms []indicators.Milestone, k int) []bool {
	out := make([]bool, len(ms))
	if k <= 1 {
		return out
	}
	whole := SurvivalSuppressed(s, k)
	for i, m := range ms {
		matched := 0
		for _, st := range s.Steps {
			if st.Days > m.Days {
				break
			}
			matched += st.Events
		}
		out[i] = whole || small(matched, k) || small(m.AtRisk, k)
	}
	return out
}

// byDifference hides further estimates of the curve s so that no two it
// shows differ by 1 to k−1 children, in the children matched by then or
// in the children still followed: the time-to-match table shows both
// for every month, and two months 3 children apart tell a reader that
// 3 children were matched (or stopped being followed) between them.
// The children the curve follows count as shown, as month "−1": nobody
// matched, all followed. Milestones past the end of follow-up are not
// shown (Survival.Defined), so play no part.
//
// Both counts only ever move one way along the curve, so the difference
// of any two shown estimates is the sum of the differences of the shown
// estimates between them; if every neighbouring pair differs by 0 or by
// k or more, so does every pair. The milestones (6 and 12 months, which
// the text quotes) are chosen first, earliest first; then each month is
// shown only if it keeps that rule with the shown estimates either side.
// A month on a milestone's day shows what the milestone shows.
func byDifference(s *indicators.Survival, k int) {
	type point struct{ days, matched, atRisk int }
	pointOf := func(m indicators.Milestone) point {
		matched := 0
		for _, st := range s.Steps {
			if st.Days > m.Days {
				break
			}
			matched += st.Events
		}
		return point{m.Days, matched, m.AtRisk}
	}
	apart := func(a, b point) bool {
		return !small(distance(a.matched, b.matched), k) && !small(distance(a.atRisk, b.atRisk), k)
	}
	shown := []point{{-1, 0, s.Children}} // in order of days
	// fits reports whether p keeps the rule with its neighbours in shown,
	// and where it would go.
	fits := func(p point) (int, bool) {
		i, _ := slices.BinarySearchFunc(shown, p.days, func(q point, d int) int { return q.days - d })
		if i > 0 && !apart(shown[i-1], p) {
			return i, false
		}
		if i < len(shown) && !apart(p, shown[i]) {
			return i, false
		}
		return i, true
	}
	byDay := map[int]bool{}
	for i := range s.Milestones {
		m := &s.Milestones[i]
		if !s.Defined(*m) {
			continue // not shown: the curve says nothing there
		}
		if m.Suppressed {
			byDay[m.Days] = false
			continue
		}
		p := pointOf(*m)
		at, ok := fits(p)
		if !ok {
			m.Suppressed = true
			byDay[m.Days] = false
			continue
		}
		shown = slices.Insert(shown, at, p)
		byDay[m.Days] = true
	}
	for i := range s.Months {
		m := &s.Months[i]
		if show, ok := byDay[m.Days]; ok {
			m.Suppressed = m.Suppressed || !show
			continue
		}
		if m.Suppressed {
			continue
		}
		p := pointOf(*m)
		at, ok := fits(p)
		if !ok {
			m.Suppressed = true
			continue
		}
		shown = slices.Insert(shown, at, p)
	}
}

func distance(a, b int) int {
	if a < b {
		return b - a
	}
	return a - b
}
