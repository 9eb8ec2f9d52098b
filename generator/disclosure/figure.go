package disclosure

import "github.com/adoptionreport/adoptionreport/generator/indicators"

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
