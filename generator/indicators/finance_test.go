package indicators

import (
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
)

func TestVolumeVariance(t *testing.T) {
	tests := []struct {
		name   string
		bv, av float64
		budget int64
		want   int64
	}{
		// (12 − 10) × £270,000 ÷ 10 = £54,000.
		{"two more placements", 10, 12, 27_000_000, 5_400_000},
		// 1 × 10000p ÷ 3 = 3333.33p → 3333p.
		{"thirds round down", 3, 4, 10_000, 3_333},
		// 2 × 10000p ÷ 3 = 6666.67p → 6667p.
		{"thirds round up", 3, 5, 10_000, 6_667},
		// 1 × 1p ÷ 2 = 0.5p → 1p, away from zero.
		{"half up", 2, 3, 1, 1},
		// −1 × 1p ÷ 2 = −0.5p → −1p, away from zero.
		{"half down", 2, 1, 1, -1},
		// (3.5 − 2.5) × 1000p ÷ 2.5 = 400p, with decimal volumes.
		{"decimal volumes", 2.5, 3.5, 1_000, 400},
		// (0.3 − 0.1) × 100p ÷ 0.1 = 200p exactly, though 0.3 − 0.1 is
		// not 0.2 in binary.
		{"decimals binary cannot hold", 0.1, 0.3, 100, 200},
		// (0.15 − 0.1) × 10p ÷ 0.1 = 5p; (0.25 − 0.2) × 1p ÷ 0.2 = 0.25p → 0.
		{"small decimals", 0.1, 0.15, 10, 5},
		{"quarter penny", 0.2, 0.25, 1, 0},
		// (7 − 8) × 10p ÷ 8 = −1.25p → −1p.
		{"fewer placements", 8, 7, 10, -1},
		// (10⁷ − 1) × £10⁹ ÷ 1: past the int64 fast path, exact by rationals.
		{"large", 1, 1e7, 100_000_000_000, 999_999_900_000_000_000},
	}
	for _, tt := range tests {
		if got := volumeVariance(tt.bv, tt.av, tt.budget); got != tt.want {
			t.Errorf("%s: volumeVariance(%v, %v, %d) = %d, want %d", tt.name, tt.bv, tt.av, tt.budget, got, tt.want)
		}
	}
}

func TestFinance(t *testing.T) {
	budget := []dataset.BudgetLine{
		// Variance £81,000: volume (12 − 10) × £270,000 ÷ 10 = £54,000,
		// price £27,000.
		{Row: 2, Year: 2024, Line: "Interagency fees (voluntary agencies)", Driver: "Interagency placements", Budget: 27_000_000, Actual: 35_100_000, BudgetVolume: 10, ActualVolume: 12, HasVolumes: true, Unit: "placements"},
		// Variance 35.00: volume 1 × 100.00 ÷ 3 = 33.33, price 1.67.
		{Row: 3, Year: 2024, Line: "Interagency fees (councils)", Driver: "Interagency placements", Budget: 10_000, Actual: 13_500, BudgetVolume: 3, ActualVolume: 4, HasVolumes: true, Unit: "placements"},
		// No volumes: £20,000.50 unsplit.
		{Row: 4, Year: 2024, Line: "Social workers", Driver: "Staffing", Budget: 50_000_000, Actual: 52_000_050},
		// A budget volume of 0 has no unit cost: unsplit (−£100).
		{Row: 5, Year: 2024, Line: "Assessments", Driver: "Staffing", Budget: 0, Actual: -10_000, BudgetVolume: 0, ActualVolume: 2, HasVolumes: true},
		// Driver left blank: filled from the line by the loader.
		{Row: 6, Year: 2024, Line: "Panel", Driver: "Panel", Budget: 1_000_000, Actual: 900_000},
		// 2023-24: volumes on no line.
		{Row: 7, Year: 2023, Line: "Social workers", Driver: "Staffing", Budget: 48_000_000, Actual: 47_000_000},
		// A year outside the report's history is left out.
		{Row: 8, Year: 2010, Line: "Social workers", Driver: "Staffing", Budget: 1, Actual: 2},
	}
	r := Compute(&dataset.Dataset{Budget: budget}, testConfig())
	cases := []figureCase{
		// 270,000 + 100 + 500,000 + 0 + 10,000 = 780,100.
		{"budget", "2024-25", want{value: 780_100, base: 5}},
		// 351,000 + 135 + 520,000.50 − 100 + 9,000 = 880,035.50.
		{"actual", "2024-25", want{value: 880_035.5, base: 5}},
		{"variance", "2024-25", want{value: 99_935.5, base: 5}},
		// 54,000 + 33.33 = 54,033.33.
		{"variance_volume", "2024-25", want{value: 54_033.33, base: 2}},
		// 27,000 + 1.67 = 27,001.67.
		{"variance_price", "2024-25", want{value: 27_001.67, base: 2}},
		{"variance", "2023-24", want{value: -10_000, base: 1}},
		{"variance_price", "2023-24", want{noValue: true}},
		{"budget", "2022-23", want{noValue: true}},
	}
	for _, c := range cases {
		checkFigure(t, r, c.id, c.period, c.want)
	}
	for _, c := range []struct {
		id, period string
		absent     Absence
	}{{"variance_price", "2023-24", NoVolumes}, {"variance_volume", "2022-23", NoBudget}, {"actual", "2022-23", NoBudget}} {
		if f, _ := r.Lookup(c.id, mustPeriod(t, c.period)); f.Absent != c.absent {
			t.Errorf("%s %s absent = %q, want %q", c.id, c.period, f.Absent, c.absent)
		}
	}

	fy := r.Finance[len(r.Finance)-1]
	if fy.Year != 2024 {
		t.Fatalf("last finance year = %s, want 2024-25", fy.Year)
	}
	// Sorted by driver, then line.
	var order []string
	for _, l := range fy.Lines {
		order = append(order, l.Line)
	}
	wantOrder := []string{"Interagency fees (councils)", "Interagency fees (voluntary agencies)", "Panel", "Assessments", "Social workers"}
	if len(order) != len(wantOrder) {
		t.Fatalf("lines %q, want %q", order, wantOrder)
	}
	for i := range order {
		if order[i] != wantOrder[i] {
			t.Fatalf("lines %q, want %q", order, wantOrder)
		}
	}
	for _, l := range fy.Lines {
		if l.Split && l.Price+l.Volume != l.Variance {
			t.Errorf("%s: price %d + volume %d ≠ variance %d", l.Line, l.Price, l.Volume, l.Variance)
		}
	}
	wantDrivers := []DriverTotal{
		{Driver: "Interagency placements", Budget: 27_010_000, Actual: 35_113_500, Variance: 8_103_500, Volume: 5_403_333, Price: 2_700_167, Lines: 2, SplitLines: 2},
		{Driver: "Panel", Budget: 1_000_000, Actual: 900_000, Variance: -100_000, Unsplit: -100_000, Lines: 1},
		{Driver: "Staffing", Budget: 50_000_000, Actual: 51_990_050, Variance: 1_990_050, Unsplit: 1_990_050, Lines: 2},
	}
	if len(fy.Drivers) != len(wantDrivers) {
		t.Fatalf("drivers = %+v", fy.Drivers)
	}
	for i, w := range wantDrivers {
		if fy.Drivers[i] != w {
			t.Errorf("driver %d = %+v, want %+v", i, fy.Drivers[i], w)
		}
	}
	// The waterfall closes: budget + price + volume + unsplit = outturn.
	tot := fy.Total
	if tot.Budget+tot.Price+tot.Volume+tot.Unsplit != tot.Actual {
		t.Errorf("total %+v does not close", tot)
	}
}
