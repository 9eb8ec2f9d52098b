package charts

import (
	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// extras adds to a chart's options what go-echarts has no field for, as
// go-echarts writes them: a ConfigurationVisitor is go-echarts' way to
// add options it does not model. layOut computes them.
type extras struct {
	ec.BaseConfigurationVisitor
	yAxes []yAxisExtras // one for each of the chart's y axes
	media []media       // every layout but the base one
}

// yAxisExtras is what a y axis needs beyond go-echarts' opts.YAxis.
type yAxisExtras struct {
	nameAlign  string // "left", "right", or "" when the axis has no name
	labelRoom  bool   // room above the tallest bar for its label
	everyLabel bool   // label every category
}

// Visit adds the global text style and the media queries.
func (e *extras) Visit(o map[string]any) {
	o["textStyle"] = opts.TextStyle{FontFamily: fontFamily, FontSize: fontSize}
	o["media"] = e.media
}

// VisitTooltipOpt sets the tooltip's font size, which is not the global
// one by default.
func (e *extras) VisitTooltipOpt(t opts.Tooltip) any {
	return tooltip{Tooltip: t, TextStyle: &opts.TextStyle{FontSize: fontSize}}
}

// VisitYAxis adds to each y axis its yAxisExtras.
func (e *extras) VisitYAxis(ys []opts.YAxis) any {
	out := make([]yAxis, len(ys))
	for i, y := range ys {
		out[i].YAxis = y
		x := e.yAxes[i]
		if y.AxisLabel != nil {
			out[i].AxisLabel = &axisLabel{AxisLabel: *y.AxisLabel}
			if x.everyLabel {
				out[i].AxisLabel.Interval = new(int)
			}
		}
		if x.nameAlign != "" {
			out[i].NameTextStyle = &opts.TextStyle{Align: x.nameAlign}
		}
		if x.labelRoom {
			out[i].BoundaryGap = []string{"0%", "12%"}
		}
	}
	return out
}

// VisitSeriesOpt turns off the decal pattern of an invisible bar (the
// waterfall's base), which aria would otherwise draw on it.
func (e *extras) VisitSeriesOpt(ms ec.MultiSeries) any {
	out := make([]series, len(ms))
	for i, s := range ms {
		out[i].SingleSeries = s
		if s.ItemStyle == nil {
			continue
		}
		out[i].ItemStyle = &itemStyle{ItemStyle: *s.ItemStyle}
		if s.ItemStyle.Color == "transparent" {
			out[i].ItemStyle.Decal = &decal{Color: "transparent"}
		}
	}
	return out
}

// tooltip is go-echarts' tooltip with its text style.
type tooltip struct {
	opts.Tooltip
	TextStyle *opts.TextStyle `json:"textStyle,omitempty"`
}

// yAxis is go-echarts' y axis with the fields it lacks.
type yAxis struct {
	opts.YAxis
	NameTextStyle *opts.TextStyle `json:"nameTextStyle,omitempty"`
	BoundaryGap   []string        `json:"boundaryGap,omitempty"`
	// AxisLabel stands in for opts.YAxis's, which encoding/json then
	// leaves out.
	AxisLabel *axisLabel `json:"axisLabel,omitempty"`
}

// axisLabel is go-echarts' axis label with interval as the number ECharts
// documents: go-echarts writes a string.
type axisLabel struct {
	opts.AxisLabel
	Interval *int `json:"interval,omitempty"`
}

// series is a go-echarts series whose item style may have a decal.
type series struct {
	ec.SingleSeries
	// ItemStyle stands in for SingleSeries's, which encoding/json then
	// leaves out.
	ItemStyle *itemStyle `json:"itemStyle,omitempty"`
}

// itemStyle is go-echarts' item style with a decal pattern.
type itemStyle struct {
	opts.ItemStyle
	Decal *decal `json:"decal,omitempty"`
}

// decal is an ECharts decal pattern; only its colour is set.
type decal struct {
	Color string `json:"color"`
}

// media is an ECharts media query: Option applies to charts at most
// Query.MaxWidth pixels wide.
type media struct {
	Query  mediaQuery  `json:"query"`
	Option mediaOption `json:"option"`
}

type mediaQuery struct {
	MaxWidth int `json:"maxWidth"`
}

// mediaOption is what a media query changes. ECharts merges it into the
// base options; the axes by index.
type mediaOption struct {
	Grid   opts.Grid    `json:"grid"`
	Legend *opts.Legend `json:"legend,omitempty"`
	XAxis  []axisPatch  `json:"xAxis,omitempty"`
	YAxis  []axisPatch  `json:"yAxis,omitempty"`
}

// axisPatch is what a media query changes on an axis. It is ours, not
// go-echarts' opts.XAxis, because a patch writes only what it changes:
// it must be able to clear a name, which go-echarts' omitempty leaves
// out, and set the axis's interval, which go-echarts lacks.
type axisPatch struct {
	Name        *string     `json:"name,omitempty"`
	NameGap     int         `json:"nameGap,omitempty"`
	Interval    int         `json:"interval,omitempty"`
	SplitNumber int         `json:"splitNumber,omitempty"`
	AxisLabel   *labelPatch `json:"axisLabel,omitempty"`
	Data        []string    `json:"data,omitempty"`
}

// labelPatch is what a media query changes on an axis's labels. It is
// ours because go-echarts' opts.AxisLabel always writes showMinLabel and
// showMaxLabel, and writes lineHeight as a string, which ECharts would
// add to a position as text.
type labelPatch struct {
	Show       *bool  `json:"show,omitempty"`
	Width      int    `json:"width,omitempty"`
	Overflow   string `json:"overflow,omitempty"`
	LineHeight int    `json:"lineHeight,omitempty"`
}
