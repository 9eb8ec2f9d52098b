package charts

import (
	"math"
	"strconv"
	"strings"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// The charts' text. The pages' Content-Security-Policy (style-src 'self')
// blocks the style attributes in which ECharts' SVG renderer sets the font
// of each <text>, so every label is drawn in the font it inherits from the
// page, the 19px body font, whatever the options say. ECharts places
// legend items and makes room for axis labels (grid.containLabel) by
// measuring text in the font the options name; left at its 12px
// sans-serif, legend items ran into each other and long category labels
// were cut off at the chart's left edge. So the options name the font the
// page draws. Should the page draw chart text smaller, these stay a safe
// over-estimate: more room than needed, never overlap.
const (
	fontFamily = `"Helvetica Neue", Helvetica, Arial, sans-serif`
	fontSize   = 19
)

// layouts are the chart widths the options are laid out for, widest
// first: the base options fit a desktop page's charts (about 900 pixels
// across), and ECharts media queries on the chart's width switch in the
// others, down to a small phone's 290. Each is laid out for the narrowest
// width it covers, so a legend never needs more rows than it was given
// room for. Charts narrower than narrow are also shorter (300 pixels, not
// 360: see the theme's style.css), so they get fewer ticks.
var layouts = []struct {
	maxWidth int // the media query's maxWidth; 0 for the base options
	width    float64
}{
	{0, 860},
	{859, 700},
	{699, 600},
	{599, 500},
	{499, 400},
	{399, 340},
	{339, 290},
}

const narrow = 600

// minBars is the least width in pixels left to the bars of a dense
// chart when its labels are cut short.
const minBars = 80

// shortChart is the height in pixels of a chart narrower than narrow.
const shortChart = 300

// maxLegend is the most height, in pixels, a legend may take in a chart
// narrower than narrow, a third of its 300.
const maxLegend = shortChart / 3

// Sizes, in pixels, of what ECharts draws around the plot.
const (
	legendPad    = 5  // ECharts' legend padding
	legendLine   = 22 // a line of legend text, or of a wrapped label
	legendRowGap = 8  // between rows of legend items
	legendIcon   = 30 // an item's icon (25) and the gap to its text (5)
	legendGap    = 10 // between items
	labelMargin  = 8  // between an axis and its labels
	lineHeight   = 24 // a line of text at fontSize
	edge         = 10 // between the chart's edge and anything drawn
	bottomXName  = labelMargin + lineHeight + 8
	topAxisName  = lineHeight + 6
	valueLabelAt = 6 // a bar's value label from the bar's end
)

// layOut returns the go-echarts option that lays a chart out for the page:
// it sets the font, keeps the plot clear of the legend and of the axis
// names at each width in layouts, and keeps axis names inside the chart.
// dense is for a chart of many horizontal bars, which on a narrow chart
// needs all the height there is for its rows: there it drops the legend
// (each bar's label names it) and the value axis (each bar is labelled
// with its value). narrowLabels, when given, replace the category labels
// of such a chart where it is narrow: shorter, or with the words that
// tell rows apart first, as the labels are cut to fit.
//
// shape.at computes the numbers for each width. They are set on
// go-echarts' own options for the base (widest) layout, and written as
// ECharts media queries for the others; go-echarts has no fields for media
// queries, the global text style and a few others, which extras adds.
func layOut(dense bool, narrowLabels []string) ec.GlobalOpts {
	return func(bc *ec.BaseConfiguration) {
		s := shapeOf(bc, dense)
		e := &extras{yAxes: make([]yAxisExtras, len(bc.YAxisList))}
		for i := range bc.XAxisList {
			x := &bc.XAxisList[i]
			x.AxisLabel = withFontSize(x.AxisLabel)
			if x.Type == "value" {
				// Long amounts (£2,100,000) would run into each other.
				x.AxisLabel.HideOverlap = opts.Bool(true)
			}
			if x.Name != "" {
				x.NameGap = bottomXName
			}
		}
		topLabels := false
		for _, sr := range bc.MultiSeries {
			topLabels = topLabels || (sr.Label != nil && sr.Label.Position == "top")
		}
		for i := range bc.YAxisList {
			y := &bc.YAxisList[i]
			y.AxisLabel = withFontSize(y.AxisLabel)
			// Every row is labelled: ECharts would skip labels it thinks
			// crowded.
			e.yAxes[i].everyLabel = dense && y.Type == "category"
			if y.Name != "" {
				// Above the axis and running into the plot, not centred on the
				// axis line, where a long name would run off the chart's edge.
				y.NameLocation, y.NameGap = "end", 8
				e.yAxes[i].nameAlign = "left"
				if i > 0 {
					e.yAxes[i].nameAlign = "right"
				}
			}
			// Room over the tallest bar for its label, under the axis name.
			e.yAxes[i].labelRoom = topLabels && y.Type == "value" && y.Max == nil
		}

		// The base options are for the widest layout, which is never narrow.
		base := s.at(layouts[0].width)
		base.place(&bc.GridList[0])
		if base.legendText > 0 {
			bc.Legend.TextStyle, bc.Legend.Type = base.legendStyle()
		}
		if base.raiseName {
			bc.YAxisList[1].NameGap = raisedNameGap
		}
		for _, l := range layouts[1:] {
			e.media = append(e.media, media{
				Query:  mediaQuery{MaxWidth: l.maxWidth},
				Option: s.at(l.width).option(bc, narrowLabels),
			})
		}
		bc.Accept(e)
	}
}

// raisedNameGap puts the right y axis's name a line above the left's.
const raisedNameGap = 8 + lineHeight

// withFontSize returns l, or a new axis label, in the font size the page
// draws: an axis's own labels default to 12px, not to the global size.
func withFontSize(l *opts.AxisLabel) *opts.AxisLabel {
	if l == nil {
		l = &opts.AxisLabel{}
	}
	l.FontSize = fontSize
	return l
}

// shape is what a chart's layout depends on, read from its options.
type shape struct {
	dense  bool
	rows   int      // the category labels of a horizontal chart
	xName  bool     // an x axis is named, below it
	yNames []string // the y axes' names, above them
	legend []string // the legend's items; none when it is hidden
	// edgeTexts are drawn right of the plot: the value labels of horizontal
	// bars (ECharts' containLabel leaves them out) and mark lines' names.
	edgeTexts []string
}

// shapeOf reads the shape of the chart bc.
func shapeOf(bc *ec.BaseConfiguration, dense bool) shape {
	s := shape{dense: dense}
	for _, x := range bc.XAxisList {
		s.xName = s.xName || x.Name != ""
	}
	for _, y := range bc.YAxisList {
		if y.Name != "" {
			s.yNames = append(s.yNames, y.Name)
		}
		if labels, ok := y.Data.([]string); ok && y.Type == "category" {
			s.rows = len(labels)
		}
	}
	if bc.Legend.Show != nil && *bc.Legend.Show {
		s.legend, _ = bc.Legend.Data.([]string)
		if len(s.legend) == 0 {
			for _, sr := range bc.MultiSeries {
				if sr.Name != "" {
					s.legend = append(s.legend, sr.Name)
				}
			}
		}
	}
	for _, sr := range bc.MultiSeries {
		if ml := sr.MarkLines; ml != nil && ml.Label != nil && ml.Label.Position == "end" {
			for _, d := range ml.Data {
				if m, ok := d.(opts.MarkLineNameYAxisItem); ok {
					s.edgeTexts = append(s.edgeTexts, m.Name)
				}
			}
		}
		data, _ := sr.Data.([]any)
		if sr.Type != types.ChartBar {
			continue
		}
		for _, d := range data {
			if d == nil {
				continue // no bar, no label
			}
			label, v := sr.Label, d
			if item, ok := d.(labelled); ok {
				v = item.Value
				if item.Label != nil {
					label = item.Label
				}
			}
			if label == nil || label.Position != "right" {
				continue
			}
			text := string(label.Formatter)
			if f, ok := v.(float64); ok && (text == "" || strings.Contains(text, "{")) {
				// ECharts writes the value.
				text = strconv.FormatFloat(f, 'f', -1, 64)
			}
			s.edgeTexts = append(s.edgeTexts, text)
		}
	}
	return s
}

// fit is a chart's layout at one width.
type fit struct {
	// top, bottom and right are the plot's distances in pixels from the
	// chart's edges; the left one is always edge.
	top, bottom, right int
	// legendText is the widest a legend item's text may be, or 0 when no
	// legend shows.
	legendText int
	// scroll makes the legend one paged row.
	scroll bool
	// raiseName puts the right y axis's name a line above the left's,
	// where the two would meet.
	raiseName bool
	// narrow charts are shorter and have fewer ticks.
	narrow bool
	// bare is a dense chart where it is narrow: no legend, no value axis,
	// and category labels labelWidth wide, broken onto two lines when
	// labelBreak, else cut short.
	bare       bool
	labelWidth int
	labelBreak bool
}

// at lays s out for a chart width pixels wide.
func (s shape) at(width float64) fit {
	f := fit{top: edge, bottom: edge, right: s.rightSpace(width), narrow: width < narrow}
	if s.xName {
		// The name hangs below its gap; containLabel holds only the labels.
		f.bottom = bottomXName - labelMargin + edge
	}
	if len(s.yNames) > 0 {
		f.top = topAxisName + edge
	}
	if f.narrow && s.dense {
		f.bare, f.top, f.bottom = true, edge, edge
		if s.rows > 0 && s.rows*2*legendLine <= shortChart-2*edge {
			f.labelWidth, f.labelBreak = int(math.Floor(width*0.45)), true
		} else {
			// Cut short, the labels leave the bars and their value labels at
			// least minBars pixels.
			f.labelWidth = int(math.Floor(min(width*0.65, width-float64(f.right)-minBars)))
		}
	}
	if !f.bare && len(s.legend) > 0 {
		f.legendText = int(legendTextMax(width))
		h := legendHeight(s.legend, width-2*legendPad)
		if f.narrow && h > maxLegend {
			// On a short chart a long legend would leave no plot: one row,
			// paged.
			f.scroll, h = true, legendLine+legendRowGap
		}
		f.top += legendPad + h
	}
	if len(s.yNames) == 2 && textWidth(s.yNames[0])+textWidth(s.yNames[1])+2*edge > width*0.8 {
		// The two axes' names would meet over the plot.
		f.raiseName = true
		f.top += lineHeight
	}
	return f
}

// rightSpace is the room right of the plot at chart width w: enough for
// s.edgeTexts, and a little for the last category label of a vertical
// chart, which is centred on its bar.
func (s shape) rightSpace(w float64) int {
	room := 2 * edge
	for _, t := range s.edgeTexts {
		room = max(room, valueLabelAt+int(math.Ceil(textWidth(t)))+edge)
	}
	// Past a third of the width the bars would have no room left.
	return min(room, int(w/3))
}

// place sets the grid's distances from the chart's edges.
func (f fit) place(g *opts.Grid) {
	g.Top, g.Bottom = strconv.Itoa(f.top), strconv.Itoa(f.bottom)
	g.Left, g.Right = strconv.Itoa(edge), strconv.Itoa(f.right)
}

// legendStyle is the legend's text style and type: long names break into
// lines rather than run off the chart.
func (f fit) legendStyle() (*opts.TextStyle, string) {
	kind := ""
	if f.scroll {
		kind = "scroll"
	}
	return &opts.TextStyle{Width: f.legendText, Overflow: "break", LineHeight: legendLine}, kind
}

// option is the media query option that lays chart bc out as f says,
// with narrowLabels as the categories of a bare chart, if given.
func (f fit) option(bc *ec.BaseConfiguration, narrowLabels []string) mediaOption {
	o := mediaOption{}
	f.place(&o.Grid)
	if f.narrow {
		// A shorter chart: fewer ticks, so their labels stay apart.
		for _, x := range bc.XAxisList {
			o.XAxis = append(o.XAxis, fewerTicks(x.Type, x.Max))
		}
		for _, y := range bc.YAxisList {
			o.YAxis = append(o.YAxis, fewerTicks(y.Type, y.Max))
		}
	}
	switch {
	case f.bare:
		o.Legend = &opts.Legend{Show: opts.Bool(false)}
		hidden := ""
		for i := range o.XAxis {
			o.XAxis[i] = axisPatch{Name: &hidden, AxisLabel: &labelPatch{Show: opts.Bool(false)}}
		}
		for i, y := range bc.YAxisList {
			o.YAxis[i] = axisPatch{}
			if y.Type != "category" {
				continue
			}
			label := &labelPatch{Width: f.labelWidth, Overflow: "truncate"}
			if f.labelBreak {
				label.Overflow, label.LineHeight = "break", legendLine
			}
			o.YAxis[i] = axisPatch{AxisLabel: label, Data: narrowLabels}
		}
	case f.legendText > 0:
		o.Legend = &opts.Legend{}
		o.Legend.TextStyle, o.Legend.Type = f.legendStyle()
	}
	if f.raiseName {
		if len(o.YAxis) < 2 {
			o.YAxis = make([]axisPatch, 2)
		}
		o.YAxis[1].NameGap = raisedNameGap
	}
	return o
}

// fewerTicks is the change to an axis of type typ and maximum hi for
// about three ticks on a value axis; percentages (to 100) go up in
// quarters. A category axis is left as it is.
func fewerTicks(typ string, hi any) axisPatch {
	switch {
	case typ != "value":
		return axisPatch{}
	case hi == 100:
		return axisPatch{Interval: 25}
	}
	return axisPatch{SplitNumber: 3}
}

// legendHeight is the height in pixels of a horizontal legend of names
// that ECharts wraps to width pixels, with each item's text broken into
// lines of at most textMax pixels (see legendTextMax).
func legendHeight(names []string, width float64) int {
	textMax := legendTextMax(width)
	height, rowLines, x := 0, 0, 0.0
	for i, n := range names {
		tw := textWidth(n)
		lines := int(math.Ceil(tw / textMax))
		w := legendIcon + min(tw, textMax)
		if i > 0 && x+legendGap+w > width {
			height += rowLines*legendLine + legendRowGap
			rowLines, x = 0, -legendGap
		}
		if i > 0 {
			x += legendGap
		}
		x += w
		rowLines = max(rowLines, lines)
	}
	return height + rowLines*legendLine + legendRowGap
}

// legendTextMax is the widest a legend item's text may be in a chart
// width pixels wide: the width less the item's icon, so that a long name
// breaks into lines rather than running off the chart.
func legendTextMax(width float64) float64 {
	return math.Floor(width - 2*legendPad - legendIcon - edge)
}

// textWidth estimates the width in pixels of s at fontSize from Arial's
// advance widths, a tenth wider to cover Helvetica Neue and the DejaVu
// Sans that stands in for them on Linux: an over-estimate only costs a
// little space.
func textWidth(s string) float64 {
	em := 0.0
	for _, r := range s {
		em += advance(r)
	}
	return em * fontSize * 1.1
}

// advance is r's width in ems in Arial, near enough.
func advance(r rune) float64 {
	switch {
	case r == ' ' || r == ',' || r == '.' || r == ':' || r == ';' || r == 'f' || r == 't' || r == 'I':
		return 0.278
	case r == 'i' || r == 'j' || r == 'l' || r == '\'':
		return 0.222
	case r == 'r' || r == '-' || r == '(' || r == ')':
		return 0.333
	case r == 'm' || r == 'M' || r == 'W' || r == 'w' || r == '%':
		return 0.889
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '£':
		return 0.556
	case r >= 'A' && r <= 'Z':
		return 0.722
	}
	return 0.667
}
