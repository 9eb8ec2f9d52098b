package indicators

import (
	"math"
	"slices"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

func TestQuartiles(t *testing.T) {
	tests := []struct {
		days                     []int
		min, q1, med, q3, maxDay int
	}{
		// Type 7: positions (n−1)p = 0.75, 1.5, 2.25 → 1.75, 2.5, 3.25,
		// rounded halves up to 2, 3, 3 (R: quantile(1:4) gives the same
		// unrounded values).
		{[]int{4, 2, 3, 1}, 1, 2, 3, 3, 4},
		// 2.5, 5, 7.5 → 3, 5, 8.
		{[]int{10, 0}, 0, 3, 5, 8, 10},
		{[]int{7}, 7, 7, 7, 7, 7},
		// n = 5: positions 1, 2, 3 exactly.
		{[]int{50, 10, 40, 20, 30}, 10, 20, 30, 40, 50},
		// n = 6: positions 1.25, 2.5, 3.75 → 11.25, 12.5, 13.75 → 11, 13, 14.
		{[]int{10, 11, 12, 13, 14, 15}, 10, 11, 13, 14, 15},
	}
	for _, tt := range tests {
		got := distribution(period.Year(2024).Period(), append([]int(nil), tt.days...))
		if got.N != len(tt.days) || got.Min != tt.min || got.Q1 != tt.q1 || got.Median != tt.med || got.Q3 != tt.q3 || got.Max != tt.maxDay {
			t.Errorf("distribution(%v) = %+v, want %d %d %d %d %d", tt.days, got, tt.min, tt.q1, tt.med, tt.q3, tt.maxDay)
		}
	}
	if got := distribution(period.Year(2024).Period(), nil); got.N != 0 {
		t.Errorf("empty distribution = %+v", got)
	}
}

func TestTimeToMatch(t *testing.T) {
	children := []dataset.Child{
		// 2024-04-01 → 2024-06-30: 90 days.
		child(dataset.Child{ChildID: "A", PlacementOrder: d("2024-04-01"), Matched: d("2024-06-30")}),
		// Matched before the order: 0.
		child(dataset.Child{ChildID: "B", PlacementOrder: d("2024-05-01"), Matched: d("2024-04-20")}),
		// 2023-01-01 → 2024-05-01: 486.
		child(dataset.Child{ChildID: "C", PlacementOrder: d("2023-01-01"), Matched: d("2024-05-01")}),
		// No placement order: left out.
		child(dataset.Child{ChildID: "D", Matched: d("2024-05-01")}),
		// Matched in 2023-24: only in the three years. 2023-01-01 → 2023-04-01: 90.
		child(dataset.Child{ChildID: "E", PlacementOrder: d("2023-01-01"), Matched: d("2023-04-01")}),
	}
	r := Compute(&dataset.Dataset{Children: children}, testConfig())
	if n := len(r.TimeToMatch); n != 7 {
		t.Fatalf("%d distributions, want 7", n)
	}
	// 0, 90, 486: quartiles at 0.5, 1, 1.5 → 45, 90, 288.
	if got := r.TimeToMatch[5]; got.Period.String() != "2024-25" || got.N != 3 || got.Q1 != 45 || got.Median != 90 || got.Q3 != 288 || got.Max != 486 {
		t.Errorf("2024-25: %+v", got)
	}
	// 0, 90, 90, 486: positions 0.75, 1.5, 2.25 → 67.5, 90, 189 → 68, 90, 189.
	if got := r.TimeToMatch[6]; got.Period.String() != "2022-25" || got.N != 4 || got.Q1 != 68 || got.Median != 90 || got.Q3 != 189 {
		t.Errorf("2022-25: %+v", got)
	}
}

func TestKaplanMeier(t *testing.T) {
	// Times 2, 3+, 4, 4, 5+, 6 (+ censored), worked by hand:
	//   day 2: 6 at risk, 1 matched: S = 5/6,           share 1/6
	//   day 3: 5 at risk, 1 censored: S = 5/6
	//   day 4: 4 at risk, 2 matched: S = 5/6 · 2/4 = 5/12, share 7/12
	//   day 5: 2 at risk, 1 censored
	//   day 6: 1 at risk, 1 matched: S = 0,              share 1
	// The median is day 4, the first with S ≤ ½.
	obs := []observation{{6, true}, {4, true}, {2, true}, {5, false}, {3, false}, {4, true}}
	s := kaplanMeier(period.Span(2024, 3), obs)
	want := []Step{
		{Days: 2, AtRisk: 6, Events: 1, Share: 1.0 / 6},
		{Days: 3, AtRisk: 5, Censored: 1, Share: 1.0 / 6},
		{Days: 4, AtRisk: 4, Events: 2, Share: 7.0 / 12},
		{Days: 5, AtRisk: 2, Censored: 1, Share: 7.0 / 12},
		{Days: 6, AtRisk: 1, Events: 1, Share: 1},
	}
	if len(s.Steps) != len(want) {
		t.Fatalf("steps %+v, want %+v", s.Steps, want)
	}
	for i, w := range want {
		g := s.Steps[i]
		if g.Days != w.Days || g.AtRisk != w.AtRisk || g.Events != w.Events || g.Censored != w.Censored || math.Abs(g.Share-w.Share) > 1e-12 {
			t.Errorf("step %d = %+v, want %+v", i, g, w)
		}
	}
	if !s.HasMedian || s.Median != 4 || s.Children != 6 || s.Matched != 4 || s.Censored != 2 {
		t.Errorf("median %d (%v), children %d, matched %d, censored %d; want 4, 6, 4, 2", s.Median, s.HasMedian, s.Children, s.Matched, s.Censored)
	}

	// Exactly one half: day 1, 1 of 4 (S = 3/4); day 2, 1 of 3 (S = 1/2):
	// the median is day 2, though 3/4 · 2/3 need not be 0.5 in floating point.
	s = kaplanMeier(period.Span(2024, 3), []observation{{1, true}, {2, true}, {10, false}, {10, false}})
	if !s.HasMedian || s.Median != 2 {
		t.Errorf("exact half: median %d (%v), want 2", s.Median, s.HasMedian)
	}
	// Never below one half: no median.
	s = kaplanMeier(period.Span(2024, 3), []observation{{1, true}, {10, false}, {10, false}})
	if s.HasMedian {
		t.Errorf("median %d, want none", s.Median)
	}
	if s = kaplanMeier(period.Span(2024, 3), nil); s.HasMedian || len(s.Steps) != 0 || len(s.Milestones) != len(MilestoneMonths) {
		t.Errorf("no children: %+v", s)
	}
}

func TestMilestones(t *testing.T) {
	// 3 months = 91 days, 6 months = 182. Four children: matched on day 91
	// (counts by 3 months), day 92 (does not), day 200; one censored at 100.
	//   day 91: 4 at risk, 1 matched: S = 3/4
	//   day 92: 3 at risk, 1 matched: S = 2/4 = 1/2
	//   day 100: 2 at risk, censored
	//   day 200: 1 at risk, matched: S = 0
	s := kaplanMeier(period.Span(2024, 3), []observation{{91, true}, {92, true}, {100, false}, {200, true}})
	want := []Milestone{
		{Months: 3, Days: 91, Share: 0.25, AtRisk: 3},
		{Months: 6, Days: 182, Share: 0.5, AtRisk: 1},
		{Months: 9, Days: 273, Share: 1, AtRisk: 0},
		{Months: 12, Days: 365, Share: 1},
		{Months: 18, Days: 547, Share: 1},
		{Months: 24, Days: 730, Share: 1},
	}
	for i, w := range want {
		g := s.Milestones[i]
		if g.Months != w.Months || g.Days != w.Days || g.AtRisk != w.AtRisk || math.Abs(g.Share-w.Share) > 1e-12 {
			t.Errorf("milestone %d = %+v, want %+v", i, g, w)
		}
	}
	if s.Median != 92 {
		t.Errorf("median %d, want 92", s.Median)
	}
}

func TestMonths(t *testing.T) {
	// Four children: matched on the day of the order, matched on day 45,
	// followed to day 100 without a match, and one censored on day 20.
	s := Survival{
		Children: 4, Matched: 2, Censored: 2,
		Steps: []Step{
			{Days: 0, AtRisk: 4, Events: 1, Share: 0.25},
			{Days: 20, AtRisk: 3, Censored: 1, Share: 0.25},
			{Days: 45, AtRisk: 2, Events: 1, Share: 0.625},
			{Days: 100, AtRisk: 1, Censored: 1, Share: 0.625},
		},
	}
	s.Sample()
	// Month ends fall on days 0, 30, 60, 91 and 121 (floor(m × 365.25 ÷ 12));
	// the curve stops at the first on or after day 100.
	want := []Milestone{
		{Months: 0, Days: 0, Share: 0.25, AtRisk: 3},
		{Months: 1, Days: 30, Share: 0.25, AtRisk: 2},
		{Months: 2, Days: 60, Share: 0.625, AtRisk: 1},
		{Months: 3, Days: 91, Share: 0.625, AtRisk: 1},
		{Months: 4, Days: 121, Share: 0.625, AtRisk: 0},
	}
	if !slices.Equal(s.Months, want) {
		t.Errorf("Months =\n%v\nwant\n%v", s.Months, want)
	}
	if got := s.Months[2].Percent(); got != 62.5 {
		t.Errorf("Percent of 0.625 = %v, want 62.5", got)
	}
	if len(s.Milestones) != len(MilestoneMonths) || s.Milestones[0] != want[3] {
		t.Errorf("Milestones = %v, want 3 months as month 3", s.Milestones)
	}
	none := Survival{}
	if none.Sample(); none.Months != nil {
		t.Errorf("Months of no children = %v, want nil", none.Months)
	}
	// Past the last day followed the curve says nothing, unless every
	// child had been matched.
	if s.Defined(Milestone{Months: 6, Days: 182}) {
		t.Error("a 6-month estimate past day 100 counts as defined")
	}
	if !s.Defined(Milestone{Months: 3, Days: 91}) {
		t.Error("a 3-month estimate within follow-up counts as undefined")
	}
	s.Matched, s.Censored = 4, 0
	if !s.Defined(Milestone{Months: 6, Days: 182}) {
		t.Error("a 6-month estimate past the end counts as undefined though every child was matched")
	}
}

func TestSurvivalCohort(t *testing.T) {
	// Report 2024-25: the cohort is orders from 1 April 2022 to 31 March 2025.
	children := []dataset.Child{
		// Matched 30 days after the order: event at 30.
		child(dataset.Child{ChildID: "M", PlacementOrder: d("2024-01-01"), Matched: d("2024-01-31")}),
		// Matched before the order: event at 0.
		child(dataset.Child{ChildID: "Z", PlacementOrder: d("2024-01-01"), Matched: d("2023-12-01")}),
		// Placed with no match date: event at the placement, 60.
		child(dataset.Child{ChildID: "P", PlacementOrder: d("2024-01-01"), PlacedForAdoption: d("2024-03-01")}),
		// Reversed: censored at the reversal, 10.
		child(dataset.Child{ChildID: "R", PlacementOrder: d("2024-01-01"), DecisionReversed: d("2024-01-11")}),
		// Still waiting: censored at 31 March 2025, 2025-03-01 → 30 days.
		child(dataset.Child{ChildID: "W", PlacementOrder: d("2025-03-01")}),
		// Order before 1 April 2022: not in the cohort.
		child(dataset.Child{ChildID: "O", PlacementOrder: d("2022-03-31"), Matched: d("2022-05-01")}),
	}
	s := Compute(&dataset.Dataset{Children: children}, testConfig()).Survival
	// day 0: 5 at risk, 1 matched → S 4/5; day 10: R censored; day 30: 3
	// at risk, M matched, W censored → S 4/5 · 2/3 = 8/15; day 60: 1 at
	// risk, matched → S 0. Median day 60.
	want := []Step{
		{Days: 0, AtRisk: 5, Events: 1, Share: 1.0 / 5},
		{Days: 10, AtRisk: 4, Censored: 1, Share: 1.0 / 5},
		{Days: 30, AtRisk: 3, Events: 1, Censored: 1, Share: 7.0 / 15},
		{Days: 60, AtRisk: 1, Events: 1, Share: 1},
	}
	if s.Period.String() != "2022-25" || s.Children != 5 || len(s.Steps) != len(want) {
		t.Fatalf("survival %+v", s)
	}
	for i, w := range want {
		g := s.Steps[i]
		if g.Days != w.Days || g.AtRisk != w.AtRisk || g.Events != w.Events || g.Censored != w.Censored || math.Abs(g.Share-w.Share) > 1e-12 {
			t.Errorf("step %d = %+v, want %+v", i, g, w)
		}
	}
	if !s.HasMedian || s.Median != 60 {
		t.Errorf("median %d (%v), want 60", s.Median, s.HasMedian)
	}
}
