package indicators

import (
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

func TestFigureOrder(t *testing.T) {
	r := Compute(&dataset.Dataset{}, testConfig())
	// 35 indicators for 6 years, and 5 of them for 6 three-year periods.
	if got, want := len(r.Figures), 35*6+5*6; got != want {
		t.Fatalf("%d figures, want %d", got, want)
	}
	var want []figureKey
	for _, in := range table {
		id := in.id
		if in.threeYear {
			for y := period.Year(2019); y <= 2024; y++ {
				want = append(want, figureKey{id, period.Span(y, 3)})
			}
		}
		for y := period.Year(2019); y <= 2024; y++ {
			want = append(want, figureKey{id, y.Period()})
		}
	}
	for i, f := range r.Figures {
		if (figureKey{f.ID, f.Period}) != want[i] {
			t.Fatalf("figure %d is %s %s, want %s %s", i, f.ID, f.Period, want[i].id, want[i].p)
		}
		if u, _ := UnitOf(f.ID); f.Unit != u || u == "" {
			t.Errorf("%s unit %q, want %q", f.ID, f.Unit, u)
		}
	}
	if _, ok := r.Lookup("a1", period.Span(2024, 3)); !ok {
		t.Error("Lookup(a1, 2022-25) failed")
	}
	if _, ok := r.Lookup("adopted", period.Span(2024, 3)); ok {
		t.Error("adopted has no three-year figure")
	}
	if _, ok := r.Lookup("a1", period.Year(2018).Period()); ok {
		t.Error("2018-19 is before the history")
	}
	r.Figure("adopted", period.Year(2024).Period()).Suppressed = true
	if f, _ := r.Lookup("adopted", period.Year(2024).Period()); !f.Suppressed {
		t.Error("Figure does not point into the report")
	}
}

func TestThresholdsAndComparators(t *testing.T) {
	ds := &dataset.Dataset{
		Children: []dataset.Child{
			// A1 2023-05-01 → 2024-06-02 = 398.
			child(dataset.Child{ChildID: "A", EnteredCare: d("2023-05-01"), PlacedForAdoption: d("2024-06-02"), AdoptionOrder: d("2024-12-01")}),
		},
		Comparators: []dataset.Comparator{
			{Row: 3, Indicator: "a1", Period: period.Year(2024).Period(), Area: "Statistical neighbours", Value: 420.4},
			{Row: 2, Indicator: "a1", Period: period.Year(2024).Period(), Area: "England", Value: 436},
			{Row: 4, Indicator: "a1", Period: period.Span(2024, 3), Area: "England", Value: 450},
			{Row: 5, Indicator: "a3_percent", Period: period.Year(2024).Period(), Area: "England", Value: 50.2},
		},
	}
	r := Compute(ds, testConfig())
	f, _ := r.Lookup("a1", period.Year(2024).Period())
	if f.Value != 398 || f.Threshold != 426 {
		t.Fatalf("a1 = %v, threshold %d; want 398, 426", f.Value, f.Threshold)
	}
	// File order, not slice order.
	if len(f.Comparators) != 2 || f.Comparators[0].Area != "England" || f.Comparators[1].Area != "Statistical neighbours" {
		t.Fatalf("comparators %+v", f.Comparators)
	}
	eng, ok := f.Comparator("England")
	if diff, _ := f.Difference(eng); !ok || diff != -38 {
		t.Errorf("a1 − England = %v, want −38", diff)
	}
	// 398 − 420 (420.4 as shown, in whole days).
	sn, _ := f.Comparator("Statistical neighbours")
	if diff, _ := f.Difference(sn); diff != -22 {
		t.Errorf("a1 − neighbours = %v, want −22", diff)
	}
	if _, ok := f.Comparator("Region"); ok {
		t.Error("no Region row was given")
	}
	// 100.0 − 50.2 = 49.8 exactly, not 49.8000000000000043.
	p, _ := r.Lookup("a3_percent", period.Year(2024).Period())
	if diff, _ := p.Difference(p.Comparators[0]); diff != 49.8 {
		t.Errorf("a3_percent − England = %v, want 49.8", diff)
	}
	if f3, _ := r.Lookup("a1", period.Span(2024, 3)); len(f3.Comparators) != 1 || f3.Comparators[0].Value != 450 {
		t.Errorf("a1 2022-25 comparators %+v", f3.Comparators)
	}
	none, _ := r.Lookup("a1", period.Year(2023).Period())
	if _, ok := none.Difference(eng); ok {
		t.Error("a difference from a figure with no value")
	}

	thresholds := map[string]int{
		"a1": 426, "a10": 426, "a3": 426, "a3_percent": 426, "a2": 121,
		"stage1_on_time_percent": 60, "stage2_on_time_percent": 121,
		"approved_within_6_months_percent": 182, "adopters_waiting_over_3_months": 91,
		"waiting_18_months": 547, "adopted": 0, "sufficiency_ratio": 0, "budget": 0,
	}
	for id, want := range thresholds {
		if f, _ := r.Lookup(id, period.Year(2024).Period()); f.Threshold != want {
			t.Errorf("%s threshold = %d, want %d", id, f.Threshold, want)
		}
	}
}
