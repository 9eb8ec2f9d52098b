package charts

import (
	"encoding/json"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/indicators"
)

// axesOf returns a chart's x and y axes from its options.
func axesOf(t *testing.T, c Chart) []map[string]any {
	t.Helper()
	var o struct {
		XAxis, YAxis []map[string]any
	}
	if err := json.Unmarshal(c.Options, &o); err != nil {
		t.Fatalf("chart %s: %v", c.ID, err)
	}
	return append(o.XAxis, o.YAxis...)
}

// Count axes have whole-number ticks (minInterval 1), so a chart of small
// counts never reads 0.2 of a child; money axes write amounts compactly
// (charts.js's "money:compact", £1.9m) and start at £0 (no minimum), so
// the waterfall's budget bar is as long as the budget.
func TestAxes(t *testing.T) {
	r, cfg := testReport(t)
	counts := map[string]bool{"children": true, "households": true, "number waiting": true, "days": true}
	seen := map[string]int{}
	for _, c := range Build(r, cfg) {
		for _, a := range axesOf(t, c) {
			name, _ := a["name"].(string)
			switch {
			case counts[name]:
				seen["count"]++
				if a["minInterval"] != 1.0 {
					t.Errorf("chart %s: the %s axis has minInterval %v, want 1", c.ID, name, a["minInterval"])
				}
			case name == "£":
				seen["money"]++
				label, _ := a["axisLabel"].(map[string]any)
				if label["formatter"] != MoneyFormat {
					t.Errorf("chart %s: the £ axis's formatter is %v, want %q", c.ID, label["formatter"], MoneyFormat)
				}
				if m, ok := a["min"]; ok {
					t.Errorf("chart %s: the £ axis starts at %v, not £0", c.ID, m)
				}
				if a["scale"] == true {
					t.Errorf("chart %s: the £ axis is scaled, so it would not start at £0", c.ID)
				}
			}
		}
	}
	if seen["count"] != 5 || seen["money"] != 2 {
		t.Errorf("checked %d count axes and %d money axes, want 5 and 2", seen["count"], seen["money"])
	}
}

// A chart with nothing to draw says so (Empty) instead of drawing a frame
// of axes; a chart of many rows of bars is Tall, so that its labels do not
// overlap.
func TestEmptyAndTall(t *testing.T) {
	cfg := testConfig()
	for _, c := range Build(indicators.Compute(&dataset.Dataset{}, cfg), cfg) {
		if !c.Empty {
			t.Errorf("chart %s of a report with no rows is not Empty", c.ID)
		}
	}
	r, cfg := testReport(t)
	for _, c := range Build(r, cfg) {
		if c.Empty {
			t.Errorf("chart %s of the test report is Empty", c.ID)
		}
		if want := c.ID == "waiting_by_characteristic"; c.Tall != want {
			t.Errorf("chart %s: Tall = %v, want %v", c.ID, c.Tall, want)
		}
	}
	for _, tt := range []struct {
		options     string
		empty, tall bool
	}{
		{`{"series":[{"data":[0,null,{"value":0}]}]}`, true, false},
		{`{"series":[{"data":[[0,0],[3,null]]}]}`, true, false},
		{`{"series":[{"data":[null,{"value":2}]}]}`, false, false},
		{`{"series":[{"data":[[0,0],[3,12.5]]}]}`, false, false},
		// A curve of two points with a gap between draws nothing.
		{`{"series":[{"type":"line","showSymbol":false,"data":[[0,0],[1,null],[2,100]]}]}`, true, false},
		{`{"series":[{"type":"line","showSymbol":false,"data":[[0,0],[1,50],[2,null]]}]}`, false, false},
		{`{"series":[{"type":"line","showSymbol":true,"data":[null,40,null]}]}`, false, false},
		{`{"yAxis":[{"type":"category","data":["a","b","c","d","e","f","g","h","i"]}],"series":[{"data":[1]}]}`, false, true},
		{`{"yAxis":[{"type":"category","data":["a","b","c","d","e","f","g","h"]}],"series":[{"data":[1]}]}`, false, false},
	} {
		if empty, tall := measure([]byte(tt.options)); empty != tt.empty || tall != tt.tall {
			t.Errorf("measure(%s) = %v, %v, want %v, %v", tt.options, empty, tall, tt.empty, tt.tall)
		}
	}
}
