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

func TestAxisStart(t *testing.T) {
	tests := []struct {
		name  string
		steps []waterfallStep
		want  int64 // whole pounds
	}{
		{"no steps", nil, 0},
		// Running totals £1,471,735 to £1,560,726 span £88,991: start that far
		// below the lowest, rounded down to £10,000s.
		{"small changes", []waterfallStep{
			{"Budget", 152173500, true}, {"a", -5000000, false}, {"b", 8899100, false}, {"Outturn", 156072600, true},
		}, 1380000},
		// £400 of changes on £1,000: the bars are visible from £0.
		{"large changes", []waterfallStep{
			{"Budget", 100000, true}, {"a", 40000, false}, {"Outturn", 140000, true},
		}, 0},
		{"running total below zero", []waterfallStep{
			{"Budget", 1000, true}, {"a", -2000, false}, {"Outturn", -1000, true},
		}, 0},
	}
	for _, tt := range tests {
		if got := axisStart(tt.steps); got != tt.want {
			t.Errorf("%s: axisStart = %d, want %d", tt.name, got, tt.want)
		}
	}
}
