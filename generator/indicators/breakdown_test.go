package indicators

import (
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
)

func TestAgeAt(t *testing.T) {
	tests := []struct {
		dob, at string
		want    int
	}{
		{"2020-02-29", "2025-02-28", 4}, // no 29 February in 2025: not yet 5
		{"2020-02-29", "2025-03-01", 5}, // 1 March stands in for it
		{"2020-02-29", "2024-02-29", 4},
		{"2020-02-29", "2024-02-28", 3},
		{"2014-06-01", "2024-06-01", 10}, // on the birthday
		{"2014-06-01", "2024-05-31", 9},
		{"2024-03-01", "2025-02-28", 0},
		{"2024-03-01", "2024-03-01", 0},
	}
	for _, tt := range tests {
		if got := ageAt(d(tt.dob), d(tt.at)); got != tt.want {
			t.Errorf("ageAt(%s, %s) = %d, want %d", tt.dob, tt.at, got, tt.want)
		}
	}
}

func TestBreakdowns(t *testing.T) {
	children := []dataset.Child{
		// Born on 29 February, adopted the day before a 5th birthday in a
		// year without one: 1–4. A1 2023-01-01 → 2024-01-01 = 365.
		child(dataset.Child{ChildID: "A", DateOfBirth: d("2020-02-29"), EnteredCare: d("2023-01-01"), PlacedForAdoption: d("2024-01-01"), AdoptionOrder: d("2025-02-28"), EthnicityGroup: "Mixed"}),
		// Same birthday, adopted on 1 March 2025: 5–9. A1 2023-01-01 →
		// 2023-07-01 = 181; adopted by foster carers, moved in 2023-01-11:
		// A10 = 10.
		child(dataset.Child{ChildID: "B", DateOfBirth: d("2020-02-29"), EnteredCare: d("2023-01-01"), MovedInWithAdopters: d("2023-01-11"), PlacedForAdoption: d("2023-07-01"), AdoptionOrder: d("2025-03-01"), AdoptedByFosterCarer: true, SiblingGroup: "S1", Disabled: true}),
		// A baby: under 1, adopted with a sibling. A1 2024-04-01 →
		// 2024-04-30 = 29.
		child(dataset.Child{ChildID: "C", DateOfBirth: d("2024-03-01"), EnteredCare: d("2024-04-01"), PlacedForAdoption: d("2024-04-30"), AdoptionOrder: d("2025-02-28"), SiblingGroup: "S1", EthnicityGroup: "Black"}),
		// Adopted in 2022-23 aged 10: only in the three-year breakdown.
		// A1 2021-01-01 → 2022-01-01 = 365.
		child(dataset.Child{ChildID: "D", DateOfBirth: d("2012-06-01"), EnteredCare: d("2021-01-01"), PlacedForAdoption: d("2022-01-01"), AdoptionOrder: d("2022-06-01"), EthnicityGroup: "Gypsy"}),
		// Waiting at 31 March 2025 aged 9 (born 1 April 2015), disabled.
		child(dataset.Child{ChildID: "W", DateOfBirth: d("2015-04-01"), EnteredCare: d("2023-01-01"), Disabled: true, EthnicityGroup: "Not known"}),
	}
	r := Compute(&dataset.Dataset{Children: children}, testConfig())

	type groupWant struct {
		dim     Dimension
		key     string
		n       int
		a1, a10 float64 // 0 with n = 0: no value
	}
	check := func(t *testing.T, b Breakdown, wants []groupWant) {
		t.Helper()
		if len(b.Groups) != numGroups {
			t.Fatalf("%s %s: %d groups, want %d", b.Cohort, b.Period, len(b.Groups), numGroups)
		}
		for _, w := range wants {
			var g *Group
			for i := range b.Groups {
				if b.Groups[i].Dimension == w.dim && b.Groups[i].Key == w.key {
					g = &b.Groups[i]
				}
			}
			if g == nil {
				t.Errorf("%s %s: no group %s %s", b.Cohort, b.Period, w.dim, w.key)
				continue
			}
			if int(g.Count.Value) != w.n {
				t.Errorf("%s %s %s %s: count %v, want %d", b.Cohort, b.Period, w.dim, w.key, g.Count.Value, w.n)
			}
			if b.Cohort != "adopted" {
				continue
			}
			if w.n == 0 && (g.A1.HasValue || g.A10.HasValue) {
				t.Errorf("%s %s %s: a mean over no children", b.Period, w.dim, w.key)
			}
			if w.n > 0 && (g.A1.Value != w.a1 || g.A10.Value != w.a10) {
				t.Errorf("%s %s %s: A1 %v, A10 %v, want %v, %v", b.Period, w.dim, w.key, g.A1.Value, g.A10.Value, w.a1, w.a10)
			}
		}
	}

	if n := len(r.Adopted); n != 7 {
		t.Fatalf("%d adopted breakdowns, want 6 years and one three-year period", n)
	}
	year := r.Adopted[5]
	if year.Period.String() != "2024-25" {
		t.Fatalf("adopted breakdown 5 is %s", year.Period)
	}
	check(t, year, []groupWant{
		{Age, AgeUnder1, 1, 29, 29},
		{Age, Age1To4, 1, 365, 365},
		{Age, Age5To9, 1, 181, 10},
		{Age, Age10AndOver, 0, 0, 0},
		// B and C: (181 + 29) / 2 = 105; A10 (10 + 29) / 2 = 19.5 → 20.
		{SiblingGroup, "yes", 2, 105, 20},
		{SiblingGroup, "no", 1, 365, 365},
		{Ethnicity, "White", 1, 181, 10},
		{Ethnicity, "Mixed", 1, 365, 365},
		{Ethnicity, "Black", 1, 29, 29},
		{Ethnicity, "Not known", 0, 0, 0},
		{Disability, "yes", 1, 181, 10},
		// A and C: (365 + 29) / 2 = 197.
		{Disability, "no", 2, 197, 197},
	})
	three := r.Adopted[6]
	if three.Period.String() != "2022-25" {
		t.Fatalf("last adopted breakdown is %s, want 2022-25", three.Period)
	}
	check(t, three, []groupWant{
		{Age, Age10AndOver, 1, 365, 365},
		// An unknown group name counts as Not known.
		{Ethnicity, "Not known", 1, 365, 365},
		{SiblingGroup, "no", 2, 365, 365},
	})
	waiting := r.Waiting[5]
	if waiting.Cohort != "waiting" || waiting.Period.String() != "2024-25" {
		t.Fatalf("waiting breakdown 5 is %s %s", waiting.Cohort, waiting.Period)
	}
	check(t, waiting, []groupWant{
		{Age, Age5To9, 1, 0, 0},
		{Age, Age10AndOver, 0, 0, 0},
		{Disability, "yes", 1, 0, 0},
		{Ethnicity, "Not known", 1, 0, 0},
		{SiblingGroup, "no", 1, 0, 0},
	})
	// At 31 March 2024 only W was waiting, aged 8: A and B had been placed
	// and C was not yet in care.
	check(t, r.Waiting[4], []groupWant{{Age, Age5To9, 1, 0, 0}, {Age, Age1To4, 0, 0, 0}})

	if got := len(year.Of(Ethnicity)); got != 6 {
		t.Errorf("Of(Ethnicity) has %d groups, want 6", got)
	}
}
