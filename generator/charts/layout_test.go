package charts

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// TestShapeAt checks the numbers the layout sets at one width, worked by
// hand from the sizes in layout.go. textWidth is 20.9 pixels an em (19px,
// a tenth wider): "£1.5m" is 0.556+0.556+0.278+0.556+0.889 = 2.835 em,
// 59.3 pixels, so its value label needs 6 + 60 + 10 = 76 right of the plot.
func TestShapeAt(t *testing.T) {
	long := "Adopter households waiting for a match" // wider than a narrow legend: a row each
	tests := []struct {
		name  string
		s     shape
		width float64
		want  fit
	}{
		{"a legend of one row above a plot with a named y axis",
			// "A1" and "A10" take 30+26.7 and 30+38.3 pixels with a gap of 10
			// between: one row of 22, and 8 below it. Text may be 860 less
			// the padding (10), the icon (30) and the edge (10) wide.
			shape{yNames: []string{"days"}, legend: []string{"A1", "A10"}}, 860,
			fit{top: 10 + 30 + 5 + 30, bottom: 10, right: 20, legendText: 810}},
		{"an x axis name below the plot",
			shape{xName: true}, 860,
			fit{top: 10, bottom: 40 - 8 + 10, right: 20}},
		{"a legend too tall for a short chart scrolls",
			// Four items of two lines each would be four rows, 4×(44+8).
			shape{legend: []string{long, long, long, long}}, 290,
			fit{top: 10 + 5 + 22 + 8, bottom: 10, right: 20, legendText: 240, scroll: true, narrow: true}},
		{"dense and narrow: no legend, labels cut short",
			// 7 rows of two lines (308) do not fit 300 less two edges. The
			// labels get 65% of 400, but leave the bars 80: 400-76-80 = 244.
			shape{dense: true, rows: 7, legend: []string{"Change"}, edgeTexts: []string{"£1.5m"}, xName: true}, 400,
			fit{top: 10, bottom: 10, right: 76, narrow: true, bare: true, labelWidth: 244}},
		{"dense and narrow, with room for labels of two lines",
			// 6 rows of two lines are 264 of the 280; 45% of 400 is 180.
			shape{dense: true, rows: 6, edgeTexts: []string{"£1.5m"}}, 400,
			fit{top: 10, bottom: 10, right: 76, narrow: true, bare: true, labelWidth: 180, labelBreak: true}},
		{"dense but wide keeps its legend and axis",
			shape{dense: true, rows: 7, legend: []string{"A1"}, edgeTexts: []string{"£1.5m"}}, 700,
			fit{top: 10 + 5 + 30, bottom: 10, right: 76, legendText: 650}},
		{"two y axis names that would meet",
			// "days" is 2.224 em (46.5 pixels) and "%" 0.889 (18.6): with two
			// edges, 85.1, more than 80% of 100.
			shape{yNames: []string{"days", "%"}}, 100,
			fit{top: 40 + 24, bottom: 10, right: 20, raiseName: true, narrow: true}},
		{"two y axis names that fit",
			shape{yNames: []string{"days", "%"}}, 110,
			fit{top: 40, bottom: 10, right: 20, narrow: true}},
		{"value labels take at most a third of the width",
			shape{edgeTexts: []string{strings.Repeat("£1.5m", 4)}}, 300,
			fit{top: 10, bottom: 10, right: 100, narrow: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.s.at(tt.width); got != tt.want {
				t.Errorf("at(%v)\n got %+v\nwant %+v", tt.width, got, tt.want)
			}
		})
	}
}

// TestShapeOf reads a horizontal bar chart built as the charts are.
func TestShapeOf(t *testing.T) {
	c := newBar("test")
	c.SetGlobalOptions(ec.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Data: []string{"Shown"}}))
	categoryY(c, []string{"a", "b", "c"})
	valueX(c, valueAxis("£", "£{value}", false))
	labelledBars := barSeries("Shown", []any{withLabel(1500000.0, "£1.5m", "right"), nil, 12.0}, blue)
	plainBars := barSeries("Hidden", []any{nil, 12.5, nil}, blue)
	plainBars.Label = &opts.Label{Show: opts.Bool(true), Position: "right"}
	c.MultiSeries = append(c.MultiSeries, labelledBars, plainBars)
	c.Overlap(lines(thresholdSeries("Thresholds", 3, []opts.MarkLineNameYAxisItem{{Name: "A1 426", YAxis: 426}})))

	s := shapeOf(&c.BaseConfiguration, true)
	want := shape{
		dense: true, rows: 3, xName: true,
		legend: []string{"Shown"},
		// Bars without a label of their own take the series', if it has
		// one: the value as ECharts writes it.
		edgeTexts: []string{"£1.5m", "12.5", "A1 426"},
	}
	if s.dense != want.dense || s.rows != want.rows || s.xName != want.xName || len(s.yNames) != 0 ||
		!slices.Equal(s.legend, want.legend) || !slices.Equal(s.edgeTexts, want.edgeTexts) {
		t.Errorf("shapeOf = %+v, want %+v", s, want)
	}
}

// TestMediaOptions: a dense chart's narrow layouts hide its legend and
// value axis, name the axis "" (which go-echarts' own types cannot
// write), and swap in the narrow labels; percentage axes tick in
// quarters.
func TestMediaOptions(t *testing.T) {
	r, cfg := testReport(t)
	var o struct {
		Media []struct {
			Query struct {
				MaxWidth int `json:"maxWidth"`
			} `json:"query"`
			Option struct {
				Legend *struct {
					Show *bool `json:"show"`
				} `json:"legend"`
				XAxis []map[string]any `json:"xAxis"`
				YAxis []map[string]any `json:"yAxis"`
			} `json:"option"`
		} `json:"media"`
	}
	if err := json.Unmarshal(chartByID(t, Build(r, cfg), "overspend_drivers").Options, &o); err != nil {
		t.Fatal(err)
	}
	if len(o.Media) != len(layouts)-1 {
		t.Fatalf("%d media queries, want %d", len(o.Media), len(layouts)-1)
	}
	for _, m := range o.Media {
		narrowed := m.Query.MaxWidth < narrow
		hidden := m.Option.Legend != nil && m.Option.Legend.Show != nil && !*m.Option.Legend.Show
		if hidden != narrowed {
			t.Errorf("max width %d: legend hidden %v", m.Query.MaxWidth, hidden)
		}
		if !narrowed {
			continue
		}
		if name, ok := m.Option.XAxis[0]["name"]; !ok || name != "" {
			t.Errorf("max width %d: x axis %v, want its name cleared", m.Query.MaxWidth, m.Option.XAxis[0])
		}
		if data, _ := m.Option.YAxis[0]["data"].([]any); len(data) < 3 || data[2] != "Price: Interagency placements" {
			t.Errorf("max width %d: y axis labels %v, want the narrow ones", m.Query.MaxWidth, data)
		}
	}

	if err := json.Unmarshal(chartByID(t, Build(r, cfg), "stage_timeliness").Options, &o); err != nil {
		t.Fatal(err)
	}
	for _, m := range o.Media {
		if m.Query.MaxWidth < narrow && m.Option.YAxis[0]["interval"] != 25.0 {
			t.Errorf("max width %d: percentage axis %v, want ticks every 25", m.Query.MaxWidth, m.Option.YAxis[0])
		}
	}
}
