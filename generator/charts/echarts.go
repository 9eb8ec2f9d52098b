package charts

import (
	"encoding/json"
	"fmt"
	"math"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// The GOV.UK colours the charts use, in the order series take them. They
// stay apart for the common colour-vision deficiencies, and no chart relies
// on colour alone: lines also differ in dash and symbol, bars in the decal
// patterns ECharts' aria option draws. Each has at least 3:1 contrast with
// the white page (WCAG 1.4.11), so the orange is darker than GOV.UK's
// #f47738 (2.8:1): #e66a0c is 3.3:1 and still lighter than the red.
const (
	blue      = "#1d70b8"
	orange    = "#e66a0c"
	turquoise = "#28a197"
	purple    = "#4c2c92"
	red       = "#d4351c"
	grey      = "#505a5f"
)

var palette = opts.Colors{blue, orange, turquoise, purple, red, grey}

// look is how one line series is told apart from the others.
type look struct {
	colour string
	symbol string // an ECharts symbol: circle, emptyCircle, triangle, diamond, rect…
	dash   string // solid, dashed or dotted
}

// rectChart is a go-echarts chart drawn on x and y axes: an *ec.Bar, an
// *ec.Line or an *ec.Scatter, and whatever it overlaps.
type rectChart interface {
	SetGlobalOptions(...ec.GlobalOpts) *ec.RectChart
	Validate()
	JSON() map[string]any
}

// newBar returns an empty bar chart with the settings every chart shares.
func newBar(id string) *ec.Bar {
	c := ec.NewBar()
	shared(&c.RectChart, id)
	return c
}

// newLine returns an empty line chart with the settings every chart
// shares.
func newLine(id string) *ec.Line {
	c := ec.NewLine()
	shared(&c.RectChart, id)
	return c
}

// lines returns a line chart of series, for a chart of another kind to
// Overlap: go-echarts draws a line over bars that way.
func lines(series ...ec.SingleSeries) *ec.Line {
	c := ec.NewLine()
	c.MultiSeries = append(c.MultiSeries, series...)
	return c
}

// scatter returns a scatter chart of series, for a chart of another kind
// to Overlap.
func scatter(series ...ec.SingleSeries) *ec.Scatter {
	c := ec.NewScatter()
	c.MultiSeries = append(c.MultiSeries, series...)
	return c
}

// shared gives c the settings every chart shares: its ID, the SVG
// renderer, no animation, the palette, a legend, an axis tooltip, no
// toolbox (its image download needs nothing from the network, but the data
// is already a table and a CSV), decal patterns on bars and a category x
// axis, whose labels the chart's SetXAxis gives. options lays the grid out
// around the legend and axis names.
func shared(c *ec.RectChart, id string) {
	c.SetGlobalOptions(
		ec.WithInitializationOpts(opts.Initialization{ChartID: id, Renderer: "svg"}),
		ec.WithAnimation(false),
		ec.WithColorsOpts(palette),
		ec.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Left: "center"}),
		ec.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		ec.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(false)}),
		// The label part of aria would write ECharts' own description into
		// an aria-label; the page's text alternative is better, so only the
		// decals are on.
		ec.WithAriaOpts(&opts.Aria{
			Enabled: opts.Bool(true),
			Label:   &opts.AriaLabel{Enabled: opts.Bool(false)},
			Decal:   &opts.AriaDecal{Show: opts.Bool(true)},
		}),
		ec.WithGridOpts(opts.Grid{ContainLabel: opts.Bool(true)}),
		ec.WithXAxisOpts(opts.XAxis{Type: "category"}),
	)
}

// categoryY sets a category y axis for horizontal bars, first label at the
// top, as a table reads.
func categoryY(c *ec.Bar, labels []string) {
	c.SetGlobalOptions(ec.WithYAxisOpts(opts.YAxis{
		Type:    "category",
		Inverse: opts.Bool(true),
		Data:    labels,
	}))
}

// valueAxis returns a value axis named with its unit ("days", "£").
// percent axes run from 0 to 100.
func valueAxis(name, format string, percent bool) opts.YAxis {
	a := opts.YAxis{Type: "value", Name: name}
	if format != "" {
		a.AxisLabel = &opts.AxisLabel{Show: opts.Bool(true), Formatter: types.FuncStr(format)}
	}
	if percent {
		a.Min, a.Max = 0, 100
	}
	return a
}

// countAxis returns a value axis of whole things (children, households,
// days) named with its unit: its ticks are whole numbers, so an axis of
// small counts reads 0, 1, 2, never 0.2 of a child.
func countAxis(name string) opts.YAxis {
	a := valueAxis(name, "", false)
	a.MinInterval = 1
	return a
}

// MoneyFormat is the axis label formatter of a money axis: charts.js, which
// runs no code from the options, turns it into a function that writes
// amounts compactly (£1.9m, £500k, £0), so that long amounts such as
// £1,900,000 do not run into each other along an axis.
const MoneyFormat = "money:compact"

// moneyAxis returns a value axis of pounds. It sets no minimum, so ECharts
// starts it at £0 (or below, for a negative amount), as a bar chart must:
// a bar's length is its amount.
func moneyAxis() opts.YAxis { return valueAxis("£", MoneyFormat, false) }

// valueX sets the x axis of a horizontal chart to a value axis.
func valueX(c *ec.Bar, y opts.YAxis) {
	c.SetGlobalOptions(ec.WithXAxisOpts(opts.XAxis{
		Type:         "value",
		Name:         y.Name,
		NameLocation: "middle",
		AxisLabel:    y.AxisLabel,
		Min:          y.Min,
		Max:          y.Max,
		MinInterval:  y.MinInterval,
	}))
}

// hideOverlap is every series' label layout: where labels would overlap
// (narrow bars side by side, milestones close together), some go; the
// figures are all in the table.
func hideOverlap() *opts.LabelLayout { return &opts.LabelLayout{HideOverlap: opts.Bool(true)} }

// lineSeries returns a line series drawn in look l; null points leave a
// gap, so a missing year is not bridged by a made-up slope.
func lineSeries(name string, data []any, l look) ec.SingleSeries {
	return ec.SingleSeries{
		Name:         name,
		Type:         types.ChartLine,
		Data:         data,
		Symbol:       l.symbol,
		SymbolSize:   9,
		ShowSymbol:   opts.Bool(true),
		ConnectNulls: opts.Bool(false),
		ItemStyle:    &opts.ItemStyle{Color: l.colour},
		LineStyle:    &opts.LineStyle{Color: l.colour, Width: 2, Type: l.dash},
		LabelLayout:  hideOverlap(),
	}
}

// barSeries returns a bar series in one colour.
func barSeries(name string, data []any, colour string) ec.SingleSeries {
	return ec.SingleSeries{
		Name:        name,
		Type:        types.ChartBar,
		Data:        data,
		ItemStyle:   &opts.ItemStyle{Color: colour},
		LabelLayout: hideOverlap(),
	}
}

// scatterSeries returns a series of unconnected marked points.
func scatterSeries(name string, data []any, l look) ec.SingleSeries {
	return ec.SingleSeries{
		Name:        name,
		Type:        types.ChartScatter,
		Data:        data,
		Symbol:      l.symbol,
		SymbolSize:  11,
		ItemStyle:   &opts.ItemStyle{Color: l.colour},
		LabelLayout: hideOverlap(),
	}
}

// thresholdLines draws each of marks as a dashed red line across the
// plot, labelled with its name at its end.
func thresholdLines[M any](marks []M) *opts.MarkLines {
	items := make([]any, len(marks))
	for i, m := range marks {
		items[i] = m
	}
	return &opts.MarkLines{
		Data: items,
		MarkLineStyle: opts.MarkLineStyle{
			Symbol:    []string{"none", "none"},
			Label:     &opts.Label{Show: opts.Bool(true), Position: "end", Formatter: "{b}"},
			LineStyle: &opts.LineStyle{Color: red, Width: 1.5, Type: "dashed"},
		},
	}
}

// thresholdSeries returns a series of no points whose mark lines draw
// thresholds across the plot, dashed red, each labelled with its name
// (short: "A1 426") just right of the plot, where no data is drawn. The
// series puts "Thresholds" in the legend; its values are in the chart's
// text.
func thresholdSeries(name string, points int, marks []opts.MarkLineNameYAxisItem) ec.SingleSeries {
	data := make([]any, points)
	s := lineSeries(name, data, look{red, "none", "dashed"})
	s.ShowSymbol = opts.Bool(false)
	s.MarkLines = thresholdLines(marks)
	return s
}

// labelled is a data item with its own label text: a figure formatted as
// the table shows it, rather than ECharts' raw number.
type labelled struct {
	Value   any         `json:"value"`
	Label   *opts.Label `json:"label,omitempty"`
	Tooltip *showing    `json:"tooltip,omitempty"`
}

// showing switches a component on or off for one data item.
type showing struct {
	Show bool `json:"show"`
}

// withLabel returns v labelled with text at position pos, or nil when v
// is nil.
func withLabel(v any, text, pos string) any {
	if v == nil {
		return nil
	}
	return labelled{Value: v, Label: &opts.Label{Show: opts.Bool(true), Position: pos, Formatter: escapeTemplate(text)}}
}

// escapeTemplate keeps ECharts from reading braces in a label as template
// variables ({a}, {b}) or rich-text styles ({name|text}).
func escapeTemplate(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		switch r {
		case '{':
			r = '('
		case '}':
			r = ')'
		}
		out = append(out, r)
	}
	return string(out)
}

// options returns the chart's ECharts options as JSON, laid out for the
// page (see layOut). encoding/json sorts map keys and escapes <, > and &
// (and U+2028, U+2029), so the bytes are the same on every build and safe
// inside <script type="application/json">.
func options(c rectChart) []byte { return encode(c, false, nil) }

// denseOptions is options for a chart of many horizontal bars, with the
// category labels it has when narrow, if they differ: see layOut.
func denseOptions(c rectChart, narrowLabels []string) []byte { return encode(c, true, narrowLabels) }

func encode(c rectChart, dense bool, narrowLabels []string) []byte {
	c.Validate()
	rc := c.SetGlobalOptions(layOut(dense, narrowLabels))
	b, err := json.Marshal(c.JSON())
	if err != nil {
		// Every value is a string, a bool, a finite number or nil (see
		// num), all of which encode.
		panic(fmt.Sprintf("charts: encoding options of chart %s: %v", rc.ChartID, err))
	}
	return b
}

// num is a value for chart data: v, or nil (a gap) for a value JSON
// cannot hold.
func num(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return v
}
