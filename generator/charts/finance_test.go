package charts

import (
	"slices"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/indicators"
)

func TestWaterfall(t *testing.T) {
	// Pence. Staffing has no volumes: one step for its whole variance.
	// Fees has volumes on every line: price and volume. Support has one
	// line with volumes and one without: price, volume and other lines.
	fy := indicators.FinanceYear{
		Year: 2024,
		Drivers: []indicators.DriverTotal{
			{Driver: "Fees", Budget: 300, Actual: 500, Variance: 200, Volume: 150, Price: 50, Lines: 1, SplitLines: 1},
			{Driver: "Staffing", Budget: 1000, Actual: 900, Variance: -100, Unsplit: -100, Lines: 2},
			{Driver: "Support", Budget: 200, Actual: 230, Variance: 30, Volume: 20, Price: -5, Unsplit: 15, Lines: 2, SplitLines: 1},
		},
		Total: indicators.DriverTotal{Budget: 1500, Actual: 1630, Variance: 130, Lines: 5, SplitLines: 2},
	}
	want := []waterfallStep{
		{"Budget", 1500, true},
		{"Fees: price", 50, false},
		{"Fees: volume", 150, false},
		{"Staffing", -100, false},
		{"Support: price", -5, false},
		{"Support: volume", 20, false},
		{"Support: other lines", 15, false},
		{"Outturn", 1630, true},
	}
	got := waterfall(fy)
	if !slices.Equal(got, want) {
		t.Fatalf("waterfall =\n%v\nwant\n%v", got, want)
	}
	// The changes carry the budget to the outturn exactly.
	run := got[0].amount
	for _, s := range got[1 : len(got)-1] {
		run += s.amount
	}
	if run != fy.Total.Actual {
		t.Errorf("budget + changes = %d, outturn %d", run, fy.Total.Actual)
	}
}
