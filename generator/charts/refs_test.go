package charts

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/indicators"
)

// A quoted line name cannot run into the next field of a key: the
// figure walk in package generator takes keys apart again.
func TestRefQuotesText(t *testing.T) {
	// Quoting keeps a line name from running into the next field.
	a := Ref("budget", "2024-25", indicators.Part{Line: `x" driver="y`})
	b := Ref("budget", "2024-25", indicators.Part{Line: "x", Driver: "y"})
	if a == b || !strings.HasPrefix(a, "budget 2024-25 line=") {
		t.Errorf("Ref: %q and %q", a, b)
	}
}

// Every series of every chart but the thresholds has refs for its points.
func TestSeriesRefsCoverEverySeries(t *testing.T) {
	r, cfg := testReport(t)
	for _, c := range Build(r, cfg) {
		for _, name := range seriesNames(t, c) {
			if _, ok := c.SeriesRefs[name]; !ok && name != "Thresholds" {
				t.Errorf("%s: series %q has no refs", c.ID, name)
			}
		}
		for name := range c.SeriesRefs {
			if !slices.Contains(seriesNames(t, c), name) {
				t.Errorf("%s: refs for series %q, which the chart does not draw", c.ID, name)
			}
		}
	}
}

// seriesNames lists the names of the series a chart's options draw.
func seriesNames(t *testing.T, c Chart) []string {
	t.Helper()
	var o struct {
		Series []struct {
			Name string `json:"name"`
		} `json:"series"`
	}
	if err := json.Unmarshal(c.Options, &o); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range o.Series {
		names = append(names, s.Name)
	}
	return names
}
