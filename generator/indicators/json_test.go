package indicators

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenDataset is small enough to check indicators.json by eye: three
// children, two households and two budget lines, with a two-year history.
func goldenDataset() *dataset.Dataset {
	return &dataset.Dataset{
		Children: []dataset.Child{
			// A1 2022-05-01 → 2023-09-01 = 488, A10 to 2022-06-01 = 31,
			// A2 2023-03-01 → 2023-08-01 = 153.
			child(dataset.Child{ChildID: "F", EnteredCare: d("2022-05-01"), PlacementOrder: d("2023-03-01"), Matched: d("2023-08-01"), MovedInWithAdopters: d("2022-06-01"), PlacedForAdoption: d("2023-09-01"), AdoptionOrder: d("2024-05-01"), AdoptedByFosterCarer: true}),
			// A1 = A10 = 2023-04-01 → 2024-04-10 = 375; A2 2023-12-01 →
			// 2024-03-01 = 91.
			child(dataset.Child{ChildID: "N", EnteredCare: d("2023-04-01"), PlacementOrder: d("2023-12-01"), Matched: d("2024-03-01"), PlacedForAdoption: d("2024-04-10"), AdoptionOrder: d("2024-09-01"), Interagency: true}),
			// Waiting with an order since 2023-06-01: 669 days at 31 March 2025.
			child(dataset.Child{ChildID: "W", EnteredCare: d("2023-01-01"), PlacementOrder: d("2023-06-01")}),
		},
		Adopters: []dataset.Adopter{
			{HouseholdID: "H1", RegistrationOfInterest: d("2024-01-10"), Stage1Started: d("2024-01-10"), Stage1Completed: d("2024-03-10"), Stage2Started: d("2024-03-11"), Approved: d("2024-07-10")},
			{HouseholdID: "H2", Enquiry: d("2024-04-01"), RegistrationOfInterest: d("2024-04-20"), Withdrawn: d("2024-05-01")},
		},
		Budget: []dataset.BudgetLine{
			{Row: 2, Year: 2024, Line: "Interagency fees", Driver: "Interagency placements", Budget: 2_700_000, Actual: 3_510_050, BudgetVolume: 1, ActualVolume: 1.3, HasVolumes: true, Unit: "placements"},
			{Row: 3, Year: 2024, Line: "Staffing", Driver: "Staffing", Budget: 10_000_000, Actual: 9_990_000},
		},
		Comparators: []dataset.Comparator{
			{Row: 2, Indicator: "a1", Period: period.Year(2024).Period(), Area: "England", Value: 436},
		},
	}
}

func TestIndicatorsJSON(t *testing.T) {
	cfg := testConfig()
	cfg.HistoryYears = 1
	cfg.Council = `Northmoor "Borough" Council & <Partners>`
	r := Compute(goldenDataset(), cfg)
	// As disclosure control would, in a publish build.
	r.Figure("interagency_placements", period.Year(2024).Period()).Suppressed = true

	got, err := r.MarshalIndicatorsJSON()
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(got) {
		t.Fatalf("not valid JSON:\n%s", got)
	}
	var shape struct {
		ReportYear      string           `json:"report_year"`
		Council         string           `json:"council"`
		SuppressedBelow int              `json:"suppressed_below"`
		Indicators      []map[string]any `json:"indicators"`
	}
	if err := json.Unmarshal(got, &shape); err != nil {
		t.Fatal(err)
	}
	if shape.ReportYear != "2024-25" || shape.Council != cfg.Council || shape.SuppressedBelow != 5 || len(shape.Indicators) != len(r.Figures)+len(r.Extras()) {
		t.Errorf("header %+v", shape)
	}
	again, _ := r.MarshalIndicatorsJSON()
	if !bytes.Equal(got, again) {
		t.Error("two encodings differ")
	}

	golden := filepath.Join("testdata", "indicators.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./generator/indicators -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("indicators.json differs from %s (if the change is intended, run go test ./generator/indicators -update):\n%s", golden, got)
	}
}

// extrasDataset is small enough to work every extra entry of
// indicators.json out by hand, for a report on 2024-25 with no history.
func extrasDataset() *dataset.Dataset {
	return &dataset.Dataset{
		Children: []dataset.Child{
			// Adopted 2022-12-01, aged 4 (born 2018-01-01): A1 = A10 =
			// 2022-01-01 → 2022-08-01 = 212 days. Order 2022-06-01, matched
			// 30 days later.
			child(dataset.Child{ChildID: "A", EnteredCare: d("2022-01-01"), PlacementOrder: d("2022-06-01"), Matched: d("2022-07-01"),
				PlacedForAdoption: d("2022-08-01"), AdoptionOrder: d("2022-12-01")}),
			// Order 2024-10-01, matched 61 days later, placed: not waiting.
			child(dataset.Child{ChildID: "C", EnteredCare: d("2024-01-01"), PlacementOrder: d("2024-10-01"), Matched: d("2024-12-01"),
				PlacedForAdoption: d("2025-01-10")}),
			// Waiting at 31 March 2025 with no order, aged 1, in a sibling
			// group, Mixed, disabled.
			child(dataset.Child{ChildID: "W", DateOfBirth: d("2023-05-01"), EnteredCare: d("2024-01-01"), ShouldBePlaced: d("2024-06-01"),
				SiblingGroup: "S1", EthnicityGroup: "Mixed", Disabled: true}),
		},
		Budget: []dataset.BudgetLine{
			// Volume (1.3 − 1) × £27,000 ÷ 1 = £8,100; price £8,100.50 −
			// £8,100 = £0.50.
			{Row: 2, Year: 2024, Line: "Interagency fees", Driver: "Interagency placements", Budget: 2_700_000, Actual: 3_510_050,
				BudgetVolume: 1, ActualVolume: 1.3, HasVolumes: true},
			// No volumes: the driver's other lines, £250.
			{Row: 3, Year: 2024, Line: "Interagency fees (RAAs)", Driver: "Interagency placements", Budget: 500_000, Actual: 525_000},
			{Row: 4, Year: 2024, Line: "Staffing", Driver: "Staffing", Budget: 10_000_000, Actual: 9_990_000},
			// Outside the report's years: not shown.
			{Row: 5, Year: 2023, Line: "Staffing", Driver: "Staffing", Budget: 1, Actual: 1},
		},
	}
}

// TestIndicatorsJSONExtras checks the entries after the indicators of docs/content.md
// against figures worked out by hand, and their order.
func TestIndicatorsJSONExtras(t *testing.T) {
	cfg := testConfig()
	cfg.HistoryYears = 0
	r := Compute(extrasDataset(), cfg)
	// As disclosure control would mark them in a publish build.
	r.Waiting[0].Groups[4].Count.Suppressed = true // in a sibling group
	r.Survival.Months[1].Suppressed = true

	got, err := r.MarshalIndicatorsJSON()
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(got) {
		t.Fatalf("not valid JSON:\n%s", got)
	}
	// In order. Groups without children have a count of 0 and means with
	// no value; a suppressed figure has no base.
	want := []string{
		// 1. The children adopted in 2022-25, by group: A is in 1-4, not in
		// a sibling group, White and not disabled.
		`{"id": "adopted", "period": "2022-25", "breakdown": "age", "group": "under_1", "value": 0, "unit": "children", "base": 0}`,
		`{"id": "a1", "period": "2022-25", "breakdown": "age", "group": "under_1", "value": null, "unit": "days", "base": 0}`,
		`{"id": "adopted", "period": "2022-25", "breakdown": "age", "group": "1-4", "value": 1, "unit": "children", "base": 1}`,
		`{"id": "a1", "period": "2022-25", "breakdown": "age", "group": "1-4", "value": 212, "unit": "days", "base": 1}`,
		`{"id": "a10", "period": "2022-25", "breakdown": "age", "group": "1-4", "value": 212, "unit": "days", "base": 1}`,
		`{"id": "adopted", "period": "2022-25", "breakdown": "ethnicity", "group": "White", "value": 1, "unit": "children", "base": 1}`,
		`{"id": "a10", "period": "2022-25", "breakdown": "disability", "group": "no", "value": 212, "unit": "days", "base": 1}`,
		// The children waiting at 31 March 2025: W alone, aged 1.
		`{"id": "waiting", "period": "2024-25", "breakdown": "age", "group": "1-4", "value": 1, "unit": "children", "base": 1}`,
		`{"id": "waiting", "period": "2024-25", "breakdown": "sibling_group", "group": "yes", "value": null, "unit": "children", "suppressed": true}`,
		`{"id": "waiting", "period": "2024-25", "breakdown": "ethnicity", "group": "Mixed", "value": 1, "unit": "children", "base": 1}`,
		`{"id": "waiting", "period": "2024-25", "breakdown": "disability", "group": "no", "value": 0, "unit": "children", "base": 0}`,
		// 2. The 2024-25 budget lines, sorted by driver, then line.
		`{"id": "budget", "period": "2024-25", "line": "Interagency fees", "driver": "Interagency placements", "value": 27000, "unit": "pounds"}`,
		`{"id": "actual", "period": "2024-25", "line": "Interagency fees", "driver": "Interagency placements", "value": 35100.5, "unit": "pounds"}`,
		`{"id": "variance", "period": "2024-25", "line": "Interagency fees", "driver": "Interagency placements", "value": 8100.5, "unit": "pounds"}`,
		`{"id": "variance", "period": "2024-25", "line": "Interagency fees (RAAs)", "driver": "Interagency placements", "value": 250, "unit": "pounds"}`,
		`{"id": "variance", "period": "2024-25", "line": "Staffing", "driver": "Staffing", "value": -100, "unit": "pounds"}`,
		// 3. Actual spending by driver: £35,100.50 + £5,250.
		`{"id": "actual", "period": "2024-25", "driver": "Interagency placements", "value": 40350.5, "unit": "pounds"}`,
		`{"id": "actual", "period": "2024-25", "driver": "Staffing", "value": 99900, "unit": "pounds"}`,
		// 4. The waterfall from the £132,000 budget: +£0.50, +£8,100, +£250,
		// −£100, to the £140,250.50 outturn.
		`{"id": "variance_price", "period": "2024-25", "driver": "Interagency placements", "value": 0.5, "unit": "pounds", "running_total": 132000.5}`,
		`{"id": "variance_volume", "period": "2024-25", "driver": "Interagency placements", "value": 8100, "unit": "pounds", "running_total": 140100.5}`,
		`{"id": "variance_unsplit", "period": "2024-25", "driver": "Interagency placements", "value": 250, "unit": "pounds", "running_total": 140350.5}`,
		`{"id": "variance", "period": "2024-25", "driver": "Staffing", "value": -100, "unit": "pounds", "running_total": 140250.5}`,
		// 5. The curve over A and C: matched on days 30 and 61, so half by
		// month 1 (day 30) and all by month 3 (day 91), where it ends; the
		// milestones past it are known, as every child was matched.
		`{"id": "placement_orders", "period": "2022-25", "value": 2, "unit": "children", "base": 2}`,
		`{"id": "time_to_match_matched_percent", "period": "2022-25", "month": 0, "days": 0, "value": 0.0, "unit": "percent"}`,
		`{"id": "time_to_match_matched_percent", "period": "2022-25", "month": 1, "days": 30, "value": null, "unit": "percent", "suppressed": true}`,
		`{"id": "time_to_match_matched_percent", "period": "2022-25", "month": 2, "days": 60, "value": 50.0, "unit": "percent"}`,
		`{"id": "time_to_match_matched_percent", "period": "2022-25", "month": 3, "days": 91, "value": 100.0, "unit": "percent"}`,
		`{"id": "time_to_match_matched_percent", "period": "2022-25", "month": 6, "days": 182, "value": 100.0, "unit": "percent"}`,
		`{"id": "time_to_match_matched_percent", "period": "2022-25", "month": 24, "days": 730, "value": 100.0, "unit": "percent"}`,
		`{"id": "time_to_match_still_waiting", "period": "2022-25", "month": 0, "days": 0, "value": 2, "unit": "children", "base": 2}`,
		`{"id": "time_to_match_still_waiting", "period": "2022-25", "month": 1, "days": 30, "value": null, "unit": "children", "suppressed": true}`,
		`{"id": "time_to_match_still_waiting", "period": "2022-25", "month": 2, "days": 60, "value": 1, "unit": "children", "base": 1}`,
		`{"id": "time_to_match_still_waiting", "period": "2022-25", "month": 3, "days": 91, "value": 0, "unit": "children", "base": 0}`,
	}
	at := 0
	for _, w := range want {
		i := bytes.Index(got[at:], []byte("\n    "+w))
		if i < 0 {
			t.Errorf("missing, or out of order:\n%s", w)
			continue
		}
		at += i + 1
	}
	// 14 groups × 3 adopted + 14 waiting, 3 lines × 3, 2 drivers, 4
	// changes, 1 + 4 months + 5 milestones past them + 4 months.
	lines := bytes.Count(got, []byte("\n    {"))
	if extras := lines - len(r.Figures); extras != 14*3+14+9+2+4+1+4+5+4 || t.Failed() {
		t.Errorf("%d entries after the indicators:\n%s", extras, got)
	}
	// Only the three-year breakdown of the children adopted is shown.
	if bytes.Contains(got, []byte(`{"id": "adopted", "period": "2024-25", "breakdown"`)) {
		t.Error("the single year's adoptions by group are listed; the report does not show them")
	}
}

func TestFormatPence(t *testing.T) {
	tests := []struct {
		pence int64
		want  string
	}{
		{123456, "1234.56"},
		{123450, "1234.5"},
		{123400, "1234"},
		{5, "0.05"},
		{50, "0.5"},
		{0, "0"},
		{-123456, "-1234.56"},
		{-5, "-0.05"},
		{-9223372036854775808, "-92233720368547758.08"},
	}
	for _, tt := range tests {
		if got := formatPence(tt.pence); got != tt.want {
			t.Errorf("formatPence(%d) = %s, want %s", tt.pence, got, tt.want)
		}
	}
}
