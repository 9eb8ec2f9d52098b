package charts

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/indicators"
	"github.com/adoptionreport/adoptionreport/generator/period"
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
		// £1,521,735 − £1,234,567.50 = £287,167.50, whole pounds in text.
		{"pounds more", indicators.Figure{Unit: indicators.Pounds, Value: 1521735, Pence: 152173500, HasValue: true, Comparators: []indicators.ComparatorValue{{Area: "England", Value: 1234567.5}}}, "£287,168 more than England"},
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

// Every area of comparators.csv, whatever its name, gets a line in the
// timeliness chart and columns in its table, its CSV and the scorecard,
// England first; a period an area has no row for is a gap (null, an empty
// cell), never a zero.
func TestEveryAreaCompared(t *testing.T) {
	cfg := testConfig() // three-year periods 2020-23, 2021-24 and 2022-25
	ds := testDataset()
	three := func(y period.Year) period.Period { return period.Span(y, 3) }
	ds.Comparators = []dataset.Comparator{
		// Region comes first in the file, has no 2021-24 row, and England
		// still leads.
		{Row: 2, Indicator: "a1", Period: three(2022), Area: "Region", Value: 500},
		{Row: 3, Indicator: "a1", Period: three(2024), Area: "Region", Value: 470},
		{Row: 4, Indicator: "a1", Period: three(2022), Area: "England", Value: 480},
		{Row: 5, Indicator: "a1", Period: three(2023), Area: "England", Value: 475},
		{Row: 6, Indicator: "a1", Period: three(2024), Area: "England", Value: 466},
		{Row: 7, Indicator: "a2", Period: three(2023), Area: "Statistical neighbours", Value: 180},
	}
	r := indicators.Compute(ds, cfg)
	if want := []string{"England", "Region", "Statistical neighbours"}; !slices.Equal(r.Areas, want) {
		t.Fatalf("Areas = %q, want %q", r.Areas, want)
	}

	var tl Chart
	for _, c := range Build(r, cfg) {
		if c.ID == "timeliness" {
			tl = c
		}
	}
	var o struct {
		Series []struct {
			Name string `json:"name"`
			Data []any  `json:"data"`
		} `json:"series"`
	}
	if err := json.Unmarshal(tl.Options, &o); err != nil {
		t.Fatal(err)
	}
	var names []string
	data := map[string][]any{}
	for _, s := range o.Series {
		names = append(names, s.Name)
		data[s.Name] = s.Data
	}
	if want := []string{"A1", "A10", "A2", "England A1", "Region A1", "Statistical neighbours A2", "Thresholds"}; !slices.Equal(names, want) {
		t.Errorf("timeliness series %q, want %q", names, want)
	}
	for name, want := range map[string][]any{
		"England A1":                {480.0, 475.0, 466.0},
		"Region A1":                 {500.0, nil, 470.0},
		"Statistical neighbours A2": {nil, 180.0, nil},
	} {
		if got := data[name]; !slices.Equal(got, want) {
			t.Errorf("%s drawn as %v, want %v", name, got, want)
		}
	}

	column := func(tb Table, head string) []string {
		t.Helper()
		c := slices.Index(tb.Header, head)
		if c < 0 {
			t.Errorf("table %s has no column %q: %q", tb.ID, head, tb.Header)
			return nil
		}
		var out []string
		for _, row := range tb.Rows {
			out = append(out, row[c])
		}
		return out
	}
	for head, want := range map[string][]string{
		"England A1 three-year average (days)":                {"480", "475", "466"},
		"Region A1 three-year average (days)":                 {"500", "", "470"},
		"Statistical neighbours A2 three-year average (days)": {"", "180", ""},
	} {
		if got := column(tl.Table, head); !slices.Equal(got, want) {
			t.Errorf("timeliness column %q: %q, want %q", head, got, want)
		}
	}
	csv := string(tl.Table.CSV())
	for _, line := range []string{
		"A2 single year (days),England A1 three-year average (days),Region A1 three-year average (days),Statistical neighbours A2 three-year average (days)\n",
		"2022-23,2020-23,415,415,415,415,136,136,480,500,\n",
		"2023-24,2021-24,365,315,320,225,114,92,475,,180\n",
	} {
		if !strings.Contains(csv, line) {
			t.Errorf("timeliness CSV lacks %q:\n%s", line, csv)
		}
	}

	sc := Tables(r, cfg)[0]
	if want := "Adoption scorecard: three-year averages and single years, against the thresholds, England, Region and Statistical neighbours"; sc.Caption != want {
		t.Errorf("scorecard caption %q, want %q", sc.Caption, want)
	}
	// Three three-year periods, then three single years, which no area covers.
	for head, want := range map[string][]string{
		"England: A1":                {"480", "475", "466", "", "", ""},
		"Region: A1":                 {"500", "", "470", "", "", ""},
		"Statistical neighbours: A2": {"", "180", "", "", "", ""},
	} {
		if got := column(sc, head); !slices.Equal(got, want) {
			t.Errorf("scorecard column %q: %q, want %q", head, got, want)
		}
	}
}

// The comparisons table has every figure comparators.csv has a row for,
// charted or not, the council's beside each area's, England first; pounds
// are pounds, not pence.
func TestComparisonTable(t *testing.T) {
	cfg := testConfig()
	ds := testDataset()
	ds.Comparators = append(ds.Comparators,
		dataset.Comparator{Row: 6, Indicator: "adopted", Period: period.Year(2024).Period(), Area: "Region", Value: 41},
		dataset.Comparator{Row: 7, Indicator: "budget", Period: period.Year(2024).Period(), Area: "England", Value: 1234567.5},
	)
	r := indicators.Compute(ds, cfg)
	tb := Tables(r, cfg)[5]
	if tb.ID != "comparisons" {
		t.Fatalf("table 5 is %s", tb.ID)
	}
	if want := []string{"Measure", "Period", "Test Borough Council", "England", "Statistical neighbours", "Region"}; !slices.Equal(tb.Header, want) {
		t.Errorf("header %q, want %q", tb.Header, want)
	}
	// The fixture budgets £117,735 + £54,000 + £350,000 + £1,000,000 =
	// £1,521,735 for 2024-25; England's £1,234,567.50 rounds half away
	// from zero.
	want := [][]string{
		{"Children adopted", "2024-25", "3", "", "", "41"}, // orders of May, June and October 2024
		{"A1: from entering care to moving in (days)", "2022-25", "355", "480", "", ""},
		{"A1: from entering care to moving in (days)", "2024-25", "349", "450", "", ""},
		{"A2: from placement order to match (days)", "2022-25", "100", "190", "170", ""},
		{"Budget", "2024-25", "£1,521,735", "£1,234,568", "", ""},
	}
	if len(tb.Rows) != len(want) {
		t.Fatalf("rows %q, want %q", tb.Rows, want)
	}
	for i := range want {
		if !slices.Equal(tb.Rows[i], want[i]) {
			t.Errorf("row %d: %q, want %q", i, tb.Rows[i], want[i])
		}
	}
}

// A compare shortcode naming an area sets the figure against that area
// alone; one the figure has no row for is an error naming those it has.
func TestCompareArea(t *testing.T) {
	f := indicators.Figure{ID: "a1", Period: period.Span(2024, 3), Unit: indicators.Days, Value: 439, HasValue: true, Threshold: 426,
		Comparators: []indicators.ComparatorValue{{Area: "Statistical neighbours", Value: 468}, {Area: "England", Value: 466}}}
	// 439 − 468 = −29 days.
	if got, err := CompareArea(f, "Statistical neighbours"); err != nil || got != "29 days faster than Statistical neighbours" {
		t.Errorf("CompareArea = %q, %v", got, err)
	}
	_, err := CompareArea(f, "Region")
	if err == nil || err.Error() != `comparators.csv has no "Region" row for a1 2022-25 (it has "Statistical neighbours" and "England" for that figure)` {
		t.Errorf("CompareArea for a missing area: %v", err)
	}
	g := f
	g.Suppressed = true
	if got, err := CompareArea(g, "England"); err != nil || got != Suppressed {
		t.Errorf("a suppressed figure: %q, %v", got, err)
	}
	if _, err := CompareArea(g, "Region"); err == nil {
		t.Error("a suppressed figure hides an area with no row for it")
	}
	if a, ok := DefaultArea(f); !ok || a != "England" {
		t.Errorf("DefaultArea = %q, %v; want England, the default even when not first", a, ok)
	}
}
