package charts

import (
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/indicators"
)

func TestCompare(t *testing.T) {
	england := func(v float64) []indicators.ComparatorValue {
		return []indicators.ComparatorValue{{Area: "Statistical neighbours", Value: 1}, {Area: "England", Value: v}}
	}
	tests := []struct {
		name string
		f    indicators.Figure
		want string
	}{
		// 398 against 436 is 38 days faster; 398 < 426 is below the threshold.
		{"days below and faster", indicators.Figure{Unit: indicators.Days, Value: 398, HasValue: true, Threshold: 426, Comparators: england(436)}, "below the 426-day threshold and 38 days faster than England"},
		{"one day slower", indicators.Figure{Unit: indicators.Days, Value: 427, HasValue: true, Threshold: 426, Comparators: england(426)}, "above the 426-day threshold and 1 day slower than England"},
		{"at the threshold, no comparator", indicators.Figure{Unit: indicators.Days, Value: 121, HasValue: true, Threshold: 121}, "at the 121-day threshold"},
		// 18.2 − 20.5 = −2.3 points.
		{"percent lower", indicators.Figure{Unit: indicators.Percent, Value: 18.2, HasValue: true, Comparators: england(20.5)}, "2.3 percentage points lower than England"},
		{"first comparator without England", indicators.Figure{Unit: indicators.Children, Value: 30, HasValue: true, Comparators: []indicators.ComparatorValue{{Area: "Region", Value: 30}}}, "the same as Region"},
		{"suppressed", indicators.Figure{Unit: indicators.Days, Suppressed: true, Threshold: 426}, "[c]"},
		{"no data", indicators.Figure{Unit: indicators.Days, Threshold: 426}, "no data"},
	}
	for _, tt := range tests {
		got, err := Compare(tt.f)
		if err != nil || got != tt.want {
			t.Errorf("%s: Compare = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
	if _, err := Compare(indicators.Figure{ID: "adopted", Unit: indicators.Children, Value: 3, HasValue: true}); err == nil {
		t.Error("a figure with no threshold and no comparator should be an error")
	}
}
