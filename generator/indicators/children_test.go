package indicators

import (
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
)

func TestScorecard(t *testing.T) {
	tests := []struct {
		name     string
		children []dataset.Child
		cases    []figureCase
	}{
		{
			name: "leap day and halves up",
			children: []dataset.Child{
				// 1 Feb → 1 Mar 2024 spans 29 Feb: 29 days.
				child(dataset.Child{ChildID: "L1", EnteredCare: d("2024-02-01"), PlacedForAdoption: d("2024-03-01"), AdoptionOrder: d("2024-06-01")}),
				// 1 Feb → 1 Mar 2023: 28 days.
				child(dataset.Child{ChildID: "L2", EnteredCare: d("2023-02-01"), PlacedForAdoption: d("2023-03-01"), AdoptionOrder: d("2024-07-01")}),
			},
			cases: []figureCase{
				{"adopted", "2024-25", want{value: 2, base: 2}},
				// (29 + 28) / 2 = 28.5 → 29, halves up.
				{"a1", "2024-25", want{value: 29, base: 2}},
				{"a10", "2024-25", want{value: 29, base: 2}},
				// Neither has a placement order: no A2.
				{"a2", "2024-25", want{noValue: true}},
				{"a3", "2024-25", want{value: 2, base: 2}},
				{"a3_percent", "2024-25", want{value: 100, base: 2}},
				// No child adopted in 2023-24: no mean, not 0 days.
				{"a1", "2023-24", want{noValue: true}},
				{"adopted", "2023-24", want{value: 0, base: 0}},
				{"a3_percent", "2023-24", want{noValue: true}},
				{"a1", "2022-25", want{value: 29, base: 2}},
			},
		},
		{
			name: "foster carer and early permanence: A1 against A10",
			children: []dataset.Child{
				// Adopted by foster carers: A1 2022-05-01 → 2023-09-01 = 488;
				// A10 stops at moving in, 2022-06-01: 31.
				child(dataset.Child{ChildID: "F", EnteredCare: d("2022-05-01"), MovedInWithAdopters: d("2022-06-01"), PlacedForAdoption: d("2023-09-01"), AdoptionOrder: d("2024-05-01"), AdoptedByFosterCarer: true}),
				// Fostering for adoption from the day in care: A1 2023-10-01 →
				// 2024-04-01 = 183; A10 0.
				child(dataset.Child{ChildID: "E", EnteredCare: d("2023-10-01"), MovedInWithAdopters: d("2023-10-01"), PlacedForAdoption: d("2024-04-01"), AdoptionOrder: d("2024-10-01"), EarlyPermanence: dataset.EarlyPermanenceFfA}),
				// Neither: A1 = A10 = 2023-04-01 → 2024-04-10 = 366 + 9 = 375.
				child(dataset.Child{ChildID: "N", EnteredCare: d("2023-04-01"), PlacedForAdoption: d("2024-04-10"), AdoptionOrder: d("2024-09-01")}),
				// Adopted in 2023-24. Moved in early, but with carers who are
				// neither foster carers adopting nor early permanence, so
				// A10 stops at the placement as A1 does: 2022-04-01 →
				// 2023-04-01 = 365.
				child(dataset.Child{ChildID: "M", EnteredCare: d("2022-04-01"), MovedInWithAdopters: d("2022-05-01"), PlacedForAdoption: d("2023-04-01"), AdoptionOrder: d("2023-10-01")}),
			},
			cases: []figureCase{
				// (488 + 183 + 375) / 3 = 348.67 → 349.
				{"a1", "2024-25", want{value: 349, base: 3}},
				// (31 + 0 + 375) / 3 = 135.33 → 135.
				{"a10", "2024-25", want{value: 135, base: 3}},
				// M: 2022-04-01 → 2023-04-01 = 365, for both.
				{"a1", "2023-24", want{value: 365, base: 1}},
				{"a10", "2023-24", want{value: 365, base: 1}},
				// 488 is not under 426; 183 and 375 are: 2 of 3 = 66.7%.
				{"a3", "2024-25", want{value: 2, base: 2}},
				{"a3_percent", "2024-25", want{value: 66.7, base: 3}},
				// One of three adopted was early permanence: 33.3%.
				{"early_permanence_percent", "2024-25", want{value: 33.3, base: 3}},
				// E moved in on 2023-10-01, in 2023-24.
				{"early_permanence_placements", "2023-24", want{value: 1, base: 1}},
				{"early_permanence_placements", "2024-25", want{value: 0, base: 0}},
				// Three years 2022-25: (488 + 183 + 375 + 365) / 4 = 352.75 → 353.
				{"a1", "2022-25", want{value: 353, base: 4}},
				// (31 + 0 + 375 + 365) / 4 = 192.75 → 193.
				{"a10", "2022-25", want{value: 193, base: 4}},
				// 183, 375, 365 under 426: 3 of 4 = 75%.
				{"a3", "2022-25", want{value: 3, base: 3}},
				{"a3_percent", "2022-25", want{value: 75, base: 4}},
			},
		},
		{
			name: "A2: match before the order, consent without an order",
			children: []dataset.Child{
				// Matched 9 days before the order: counts 0.
				child(dataset.Child{ChildID: "B", PlacementOrder: d("2024-05-10"), Matched: d("2024-05-01"), PlacedForAdoption: d("2024-06-01"), AdoptionOrder: d("2024-12-01")}),
				// 2024-01-01 → 2024-03-01 = 31 + 29 = 60.
				child(dataset.Child{ChildID: "O", PlacementOrder: d("2024-01-01"), Matched: d("2024-03-01"), PlacedForAdoption: d("2024-04-01"), AdoptionOrder: d("2024-11-01")}),
				// Placed with parental consent, no placement order: not in A2.
				child(dataset.Child{ChildID: "C", Matched: d("2024-02-01"), PlacedForAdoption: d("2024-04-02"), AdoptionOrder: d("2024-10-01")}),
			},
			cases: []figureCase{
				// (0 + 60) / 2 = 30.
				{"a2", "2024-25", want{value: 30, base: 2}},
				{"a2", "2022-25", want{value: 30, base: 2}},
				{"adopted", "2024-25", want{value: 3, base: 3}},
				{"placement_orders", "2024-25", want{value: 1, base: 1}},
				{"placement_orders", "2023-24", want{value: 1, base: 1}},
				{"matched", "2024-25", want{value: 1, base: 1}},
				{"matched", "2023-24", want{value: 2, base: 2}},
				{"placed", "2024-25", want{value: 3, base: 3}},
			},
		},
		{
			name: "A3 boundary: under 426 days, not 426",
			children: []dataset.Child{
				// 2023-01-01 → 2024-03-01 = 425 days: under the threshold.
				child(dataset.Child{ChildID: "U", EnteredCare: d("2023-01-01"), PlacedForAdoption: d("2024-03-01"), AdoptionOrder: d("2024-08-01")}),
				// 2023-01-01 → 2024-03-02 = 426 days: not under it.
				child(dataset.Child{ChildID: "V", EnteredCare: d("2023-01-01"), PlacedForAdoption: d("2024-03-02"), AdoptionOrder: d("2024-08-01")}),
			},
			cases: []figureCase{
				{"a3", "2024-25", want{value: 1, base: 1}},
				{"a3_percent", "2024-25", want{value: 50, base: 2}},
				// (425 + 426) / 2 = 425.5 → 426.
				{"a1", "2024-25", want{value: 426, base: 2}},
			},
		},
		{
			name: "period boundaries: 31 March in, 1 April out",
			children: []dataset.Child{
				child(dataset.Child{ChildID: "X1", EnteredCare: d("2021-04-01"), PlacedForAdoption: d("2022-01-01"), AdoptionOrder: d("2022-03-31"), Interagency: true}),
				child(dataset.Child{ChildID: "X2", EnteredCare: d("2021-04-01"), PlacedForAdoption: d("2022-03-31"), AdoptionOrder: d("2022-04-01"), Interagency: true}),
			},
			cases: []figureCase{
				{"adopted", "2021-22", want{value: 1, base: 1}},
				{"adopted", "2022-23", want{value: 1, base: 1}},
				// X1: 275 days; X2: 364.
				{"a1", "2021-22", want{value: 275, base: 1}},
				{"a1", "2022-23", want{value: 364, base: 1}},
				// 2022-25 starts on 1 April 2022: X2 only.
				{"a1", "2022-25", want{value: 364, base: 1}},
				// 2021-24 holds both: (275 + 364) / 2 = 319.5 → 320.
				{"a1", "2021-24", want{value: 320, base: 2}},
				{"interagency_placements", "2021-22", want{value: 2, base: 2}},
				{"interagency_placements", "2022-23", want{value: 0, base: 0}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFigures(t, &dataset.Dataset{Children: tt.children}, tt.cases)
		})
	}
}

func TestWaiting(t *testing.T) {
	tests := []struct {
		name     string
		children []dataset.Child
		cases    []figureCase
	}{
		{
			name: "18 months boundary: 547 days in, 546 out",
			children: []dataset.Child{
				// 2023-10-01 → 2025-03-31 = 547 days.
				child(dataset.Child{ChildID: "W547", EnteredCare: d("2023-01-01"), PlacementOrder: d("2023-10-01")}),
				// 2023-10-02 → 2025-03-31 = 546 days.
				child(dataset.Child{ChildID: "W546", EnteredCare: d("2023-01-01"), PlacementOrder: d("2023-10-02")}),
				// Decided, no order yet.
				child(dataset.Child{ChildID: "WNO", EnteredCare: d("2024-06-01")}),
				// Placed on the last day: no longer waiting.
				child(dataset.Child{ChildID: "P", EnteredCare: d("2023-01-01"), PlacementOrder: d("2023-05-01"), Matched: d("2025-03-01"), PlacedForAdoption: d("2025-03-31")}),
			},
			cases: []figureCase{
				{"waiting", "2024-25", want{value: 3, base: 3}},
				{"waiting_with_order", "2024-25", want{value: 2, base: 2}},
				{"waiting_18_months", "2024-25", want{value: 1, base: 1}},
				// At 31 March 2024, W547 and W546 had orders under 18 months
				// old, and P was waiting too; WNO was not yet decided.
				{"waiting", "2023-24", want{value: 3, base: 3}},
				{"waiting_with_order", "2023-24", want{value: 3, base: 3}},
				{"waiting_18_months", "2023-24", want{value: 0, base: 0}},
			},
		},
		{
			name: "reversed decision",
			children: []dataset.Child{
				child(dataset.Child{ChildID: "R", EnteredCare: d("2023-05-01"), ShouldBePlaced: d("2023-06-01"), PlacementOrder: d("2023-09-01"), DecisionReversed: d("2024-11-01"), ReversalReason: "RD1"}),
			},
			cases: []figureCase{
				{"waiting", "2023-24", want{value: 1, base: 1}},
				{"waiting", "2024-25", want{value: 0, base: 0}},
				{"reversed", "2024-25", want{value: 1, base: 1}},
				{"reversed", "2023-24", want{value: 0, base: 0}},
				{"should_be_placed", "2023-24", want{value: 1, base: 1}},
			},
		},
		{
			name: "one child, two periods of care: two rows",
			children: []dataset.Child{
				child(dataset.Child{ChildID: "T", EnteredCare: d("2024-04-05"), ShouldBePlaced: d("2024-05-01"), DecisionReversed: d("2024-06-01")}),
				child(dataset.Child{ChildID: "T", EnteredCare: d("2024-09-01"), ShouldBePlaced: d("2024-10-01")}),
			},
			cases: []figureCase{
				{"should_be_placed", "2024-25", want{value: 2, base: 2}},
				{"reversed", "2024-25", want{value: 1, base: 1}},
				{"waiting", "2024-25", want{value: 1, base: 1}},
			},
		},
		{
			name: "decision on 31 March counts at that year end, 1 April at the next",
			children: []dataset.Child{
				child(dataset.Child{ChildID: "D1", EnteredCare: d("2024-01-01"), ShouldBePlaced: d("2024-03-31")}),
				child(dataset.Child{ChildID: "D2", EnteredCare: d("2024-01-01"), ShouldBePlaced: d("2024-04-01")}),
			},
			cases: []figureCase{
				{"waiting", "2023-24", want{value: 1, base: 1}},
				{"waiting", "2024-25", want{value: 2, base: 2}},
				{"should_be_placed", "2023-24", want{value: 1, base: 1}},
				{"should_be_placed", "2024-25", want{value: 1, base: 1}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFigures(t, &dataset.Dataset{Children: tt.children}, tt.cases)
		})
	}
}
