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
	if shape.ReportYear != "2024-25" || shape.Council != cfg.Council || shape.SuppressedBelow != 5 || len(shape.Indicators) != len(r.Figures) {
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
