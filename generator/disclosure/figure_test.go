package disclosure

import (
	"slices"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/indicators"
)

func TestSuppressFigure(t *testing.T) {
	const k = 5
	count := func(u indicators.Unit, n int) indicators.Figure {
		return indicators.Figure{ID: "x", Unit: u, Value: float64(n), HasValue: true, Base: n, Numerator: n}
	}
	share := func(num, base int) indicators.Figure {
		return indicators.Figure{ID: "a3_percent", Unit: indicators.Percent, Value: float64(num) * 100 / float64(base), HasValue: true, Base: base, Numerator: num}
	}
	mean := func(days, base int) indicators.Figure {
		return indicators.Figure{ID: "a1", Unit: indicators.Days, Value: float64(days), HasValue: true, Base: base}
	}
	ratio := func(num, base int) indicators.Figure {
		return indicators.Figure{ID: "sufficiency_ratio", Unit: indicators.Ratio, Value: float64(num) / float64(base), HasValue: true, Base: base, Numerator: num}
	}
	tests := []struct {
		name string
		f    indicators.Figure
		k    int
		want bool
	}{
		{"3 children", count(indicators.Children, 3), k, true},
		{"1 child", count(indicators.Children, 1), k, true},
		{"4 households", count(indicators.Households, 4), k, true},
		{"5 children: not below 5", count(indicators.Children, 5), k, false},
		{"0 children: zeros stay visible", count(indicators.Children, 0), k, false},
		{"k = 1 turns suppression off", count(indicators.Children, 1), 1, false},
		{"k = 10 hides 9", count(indicators.Children, 9), 10, true},
		// 3 of 40 is 7.5%: 7.5% of the published base 40 gives 3 back.
		{"percentage with a small numerator, 3 of 40", share(3, 40), k, true},
		// 38 of 40 is 95%: 2 children were not counted.
		{"percentage with a small complement, 38 of 40", share(38, 40), k, true},
		{"20 of 40", share(20, 40), k, false},
		{"0 of 40: zero stays visible", share(0, 40), k, false},
		{"40 of 40: no child left out", share(40, 40), k, false},
		{"percentage of 4", share(4, 4), k, true},
		// An average over three children says too much about each.
		{"a1 over three children", mean(398, 3), k, true},
		{"a1 over five children", mean(398, 5), k, false},
		{"ratio of 3 children waiting to 20 households", ratio(3, 20), k, true},
		{"ratio of 20 children waiting to 4 households", ratio(20, 4), k, true},
		{"ratio of 20 to 10", ratio(20, 10), k, false},
		{"pounds are never suppressed", indicators.Figure{ID: "budget", Unit: indicators.Pounds, Value: 3, HasValue: true, Base: 1, Pence: 300}, k, false},
		{"no value: nothing to hide", indicators.Figure{ID: "a1", Unit: indicators.Days, Absent: indicators.EmptyBase}, k, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SuppressFigure(tt.f, tt.k); got != tt.want {
				t.Errorf("SuppressFigure(%+v, %d) = %v, want %v", tt.f, tt.k, got, tt.want)
			}
		})
	}
}

func TestEstimatesSuppressed(t *testing.T) {
	// 20 children: 3 matched on day 50, 10 on day 150, 3 on day 300,
	// 4 still waiting (censored) on day 1000.
	s := indicators.Survival{
		Children: 20,
		Steps: []indicators.Step{
			{Days: 50, AtRisk: 20, Events: 3},
			{Days: 150, AtRisk: 17, Events: 10},
			{Days: 300, AtRisk: 7, Events: 3},
			{Days: 1000, AtRisk: 4, Censored: 4},
		},
		Milestones: []indicators.Milestone{
			{Months: 0, Days: 10, AtRisk: 20},   // none matched yet: 0% shown
			{Months: 3, Days: 91, AtRisk: 17},   // 3 matched by then: hidden
			{Months: 6, Days: 182, AtRisk: 7},   // 13 matched, 7 waiting: shown
			{Months: 12, Days: 365, AtRisk: 4},  // only 4 still followed: hidden
			{Months: 36, Days: 1100, AtRisk: 0}, // nobody left: the final share
		},
	}
	want := []bool{false, true, false, true, false}
	if got := estimatesSuppressed(s, s.Milestones, 5); !slices.Equal(got, want) {
		t.Errorf("estimatesSuppressed = %v, want %v", got, want)
	}
	if got := estimatesSuppressed(s, s.Milestones, 1); slices.Contains(got, true) {
		t.Errorf("k = 1: estimatesSuppressed = %v, want nothing hidden", got)
	}
	s.Children = 4
	if !SurvivalSuppressed(s, 5) {
		t.Error("a curve over 4 children is shown")
	}
	if got := estimatesSuppressed(s, s.Milestones, 5); slices.Contains(got, false) {
		t.Errorf("curve over 4 children: estimatesSuppressed = %v, want all hidden", got)
	}
}
