package indicators

import (
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
)

func TestAdopters(t *testing.T) {
	tests := []struct {
		name     string
		adopters []dataset.Adopter
		children []dataset.Child
		cases    []figureCase
	}{
		{
			name: "stage timeliness, fast track left out",
			adopters: []dataset.Adopter{
				// Stage 1 in 60 days (on time), stage 2 in 121 (on time),
				// approved 2024-01-10 → 2024-07-10 = 182 days (within six months).
				{HouseholdID: "H1", Enquiry: d("2023-12-20"), RegistrationOfInterest: d("2024-01-10"), Stage1Started: d("2024-05-01"), Stage1Completed: d("2024-06-30"), Stage2Started: d("2024-03-11"), Approved: d("2024-07-10")},
				// Stage 1 in 61 days (late), stage 2 in 122 (late), 183 days (late).
				{HouseholdID: "H2", RegistrationOfInterest: d("2024-01-10"), Stage1Started: d("2024-05-01"), Stage1Completed: d("2024-07-01"), Stage2Started: d("2024-03-10"), Approved: d("2024-07-11")},
				// Fast track: no stage 1 share, no six-month share; its stage
				// 2 (30 days) counts.
				{HouseholdID: "H3", RegistrationOfInterest: d("2024-04-01"), Stage1Started: d("2024-04-01"), Stage1Completed: d("2024-12-31"), Stage2Started: d("2024-05-01"), Approved: d("2024-05-31"), FastTrack: true},
				// Approved without a recorded stage 2 start: in the six-month
				// share (2024-06-01 → 2024-11-01 = 153 days, within), not stage 2's.
				{HouseholdID: "H4", RegistrationOfInterest: d("2024-06-01"), Approved: d("2024-11-01"), Matched: d("2025-01-15"), Placed: d("2025-03-01")},
				{HouseholdID: "H5", Enquiry: d("2024-04-01"), RegistrationOfInterest: d("2024-04-20"), Withdrawn: d("2024-05-01")},
			},
			cases: []figureCase{
				{"enquiries", "2024-25", want{value: 1, base: 1}},
				{"enquiries", "2023-24", want{value: 1, base: 1}},
				// H3, H4, H5 registered in 2024-25; H1 and H2 in January 2024.
				{"registrations", "2024-25", want{value: 3, base: 3}},
				{"registrations", "2023-24", want{value: 2, base: 2}},
				{"stage1_started", "2024-25", want{value: 3, base: 3}},
				{"stage2_started", "2024-25", want{value: 1, base: 1}},
				{"stage2_started", "2023-24", want{value: 2, base: 2}},
				{"approvals", "2024-25", want{value: 4, base: 4}},
				{"adopter_matches", "2024-25", want{value: 1, base: 1}},
				{"withdrawals", "2024-25", want{value: 1, base: 1}},
				// H1 on time, H2 late; H3 fast track: 1 of 2 = 50%.
				{"stage1_on_time_percent", "2024-25", want{value: 50, base: 2}},
				// H1 and H3 on time, H2 late, H4 has no stage 2 start: 2 of 3 = 66.7%.
				{"stage2_on_time_percent", "2024-25", want{value: 66.7, base: 3}},
				// H1 and H4 within, H2 not, H3 fast track: 2 of 3 = 66.7%.
				{"approved_within_6_months_percent", "2024-25", want{value: 66.7, base: 3}},
				// Nobody approved in 2023-24: no share, not 0%.
				{"stage2_on_time_percent", "2023-24", want{noValue: true}},
			},
		},
		{
			name: "adopters waiting: over 3 months is more than 91 days",
			adopters: []dataset.Adopter{
				// 2024-12-30 → 2025-03-31 = 91 days: waiting, not over 3 months.
				{HouseholdID: "A91", RegistrationOfInterest: d("2024-04-01"), Approved: d("2024-12-30")},
				// 2024-12-29 → 2025-03-31 = 92 days: over 3 months.
				{HouseholdID: "A92", RegistrationOfInterest: d("2024-04-01"), Approved: d("2024-12-29")},
				// Matched on the last day: not waiting at its end.
				{HouseholdID: "AM", RegistrationOfInterest: d("2023-04-01"), Approved: d("2023-10-01"), Matched: d("2025-03-31")},
				// Withdrew after approval.
				{HouseholdID: "AW", RegistrationOfInterest: d("2023-04-01"), Approved: d("2023-10-01"), Withdrawn: d("2024-06-01")},
			},
			children: []dataset.Child{
				child(dataset.Child{ChildID: "W1", EnteredCare: d("2024-01-01"), PlacementOrder: d("2024-02-01")}),
				child(dataset.Child{ChildID: "W2", EnteredCare: d("2024-01-01")}),
				child(dataset.Child{ChildID: "W3", EnteredCare: d("2024-06-01")}),
			},
			cases: []figureCase{
				{"adopters_waiting", "2024-25", want{value: 2, base: 2}},
				{"adopters_waiting_over_3_months", "2024-25", want{value: 1, base: 1}},
				// At 31 March 2024: AM and AW, both approved 182 days before.
				{"adopters_waiting", "2023-24", want{value: 2, base: 2}},
				{"adopters_waiting_over_3_months", "2023-24", want{value: 2, base: 2}},
				// 3 children ÷ 2 households = 1.50.
				{"sufficiency_ratio", "2024-25", want{value: 1.5, base: 2}},
				// 2 children ÷ 2 households = 1.00.
				{"sufficiency_ratio", "2023-24", want{value: 1, base: 2}},
				// No household waiting at 31 March 2023: no ratio.
				{"sufficiency_ratio", "2022-23", want{noValue: true}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFigures(t, &dataset.Dataset{Adopters: tt.adopters, Children: tt.children}, tt.cases)
		})
	}
}

func TestSufficiencyRounding(t *testing.T) {
	tests := []struct {
		children, households int
		want                 float64
	}{
		{2, 3, 0.67},     // 0.666… → 0.67
		{1, 8, 0.13},     // 0.125 → 0.13, halves up
		{5, 1, 5},        // five children to each household
		{201, 200, 1.01}, // 1.005 → 1.01
	}
	for _, tt := range tests {
		f := sufficiency(tt.children, tt.households, testConfig().Year.Period())
		if !f.HasValue || f.Value != tt.want || f.Numerator != tt.children || f.Base != tt.households {
			t.Errorf("sufficiency(%d, %d) = %+v, want %v", tt.children, tt.households, f, tt.want)
		}
	}
}
