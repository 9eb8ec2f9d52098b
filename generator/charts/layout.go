package charts

import (
	"math"
	"strconv"
	"strings"
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

// finish lays the options out for the page: it sets the font, keeps the
// plot clear of the legend and of the axis names at each width in
// layouts, and keeps axis names inside the chart. dense is for a chart
// of many horizontal bars, which on a narrow chart needs all the height
// there is for its rows: there it drops the legend (each bar's label names
// it) and the value axis (each bar is labelled with its value). go-echarts
// has no fields for media queries or the global text style, so this works
// on the options as JSON. narrowLabels, when given, replace the category
// labels of such a chart where it is narrow: shorter, or with the words
// that tell rows apart first, as the labels are cut to fit.
func finish(o map[string]any, dense bool, narrowLabels []string) {
	o["textStyle"] = map[string]any{"fontFamily": fontFamily, "fontSize": fontSize}
	tooltip := object(o, "tooltip")
	object(tooltip, "textStyle")["fontSize"] = fontSize

	xs, ys := objects(o["xAxis"]), objects(o["yAxis"])
	xName := false
	for _, x := range xs {
		// An axis's own labels default to 12px, not to the global size.
		object(x, "axisLabel")["fontSize"] = fontSize
		if x["type"] == "value" {
			// Long amounts (£2,100,000) would run into each other.
			object(x, "axisLabel")["hideOverlap"] = true
		}
		if s, _ := x["name"].(string); s != "" {
			xName = true
			x["nameGap"] = bottomXName
		}
	}
	yName := false
	var yNames []string
	for i, y := range ys {
		object(y, "axisLabel")["fontSize"] = fontSize
		if dense && y["type"] == "category" {
			// Every row is labelled: ECharts would skip labels it thinks
			// crowded.
			object(y, "axisLabel")["interval"] = 0
		}
		if s, _ := y["name"].(string); s != "" {
			yName = true
			yNames = append(yNames, s)
			// Above the axis and running into the plot, not centred on the
			// axis line, where a long name would run off the chart's edge.
			y["nameLocation"] = "end"
			y["nameGap"] = 8
			align := "left"
			if i > 0 {
				align = "right"
			}
			object(y, "nameTextStyle")["align"] = align
		}
	}

	bottom := edge
	if xName {
		// The name hangs below its gap; containLabel holds only the labels.
		bottom = bottomXName - labelMargin + edge
	}
	above := edge
	if yName {
		above = topAxisName + edge
	}
	topLabels := false
	for _, sr := range objects(o["series"]) {
		if label, _ := sr["label"].(map[string]any); label != nil {
			topLabels = topLabels || label["position"] == "top"
		}
		if is, _ := sr["itemStyle"].(map[string]any); is != nil && is["color"] == "transparent" {
			// An invisible base bar gets no decal pattern either.
			is["decal"] = map[string]any{"color": "transparent"}
		}
		// Where labels would overlap (narrow bars side by side, milestones
		// close together), some go: the figures are all in the table.
		sr["labelLayout"] = map[string]any{"hideOverlap": true}
	}
	if topLabels {
		// Room over the tallest bar for its label, under the axis name.
		for _, y := range ys {
			if y["type"] == "value" && y["max"] == nil {
				y["boundaryGap"] = []any{"0%", "12%"}
			}
		}
	}
	legend := object(o, "legend")
	names := legendNames(o, legend)
	var media []any
	for _, l := range layouts {
		top, bottom := above, bottom
		showLegend, _ := legend["show"].(bool)
		option := map[string]any{}
		if l.width < narrow {
			// A shorter chart: fewer ticks, so their labels stay apart.
			option["yAxis"] = fewerTicks(ys)
			option["xAxis"] = fewerTicks(xs)
			if dense {
				showLegend, top, bottom = false, edge, edge
				option["legend"] = map[string]any{"show": false}
				var hide []any
				for range xs {
					hide = append(hide, map[string]any{"name": "", "axisLabel": map[string]any{"show": false}})
				}
				option["xAxis"] = hide
				var cut []any
				for _, y := range ys {
					m := map[string]any{}
					if y["type"] == "category" {
						// Labels break onto two lines where the rows have room
						// for them, else are cut short.
						// Cut short, they leave the bars and their value
						// labels at least minBars pixels.
						cap := min(l.width*0.65, l.width-float64(rightSpace(o, l.width))-minBars)
						label := map[string]any{"width": math.Floor(cap), "overflow": "truncate"}
						if rows := len(listAny(y["data"])); rows > 0 && rows*2*legendLine <= shortChart-2*edge {
							label = map[string]any{"width": math.Floor(l.width * 0.45), "overflow": "break", "lineHeight": legendLine}
						}
						m["axisLabel"] = label
						if len(narrowLabels) > 0 {
							m["data"] = narrowLabels
						}
					}
					cut = append(cut, m)
				}
				option["yAxis"] = cut
			}
		}
		if showLegend && len(names) > 0 {
			lg := map[string]any{"textStyle": map[string]any{
				"width": legendTextMax(l.width), "overflow": "break", "lineHeight": legendLine}}
			h := legendHeight(names, l.width-2*legendPad)
			if l.width < narrow && h > maxLegend {
				// On a short chart a long legend would leave no plot: one
				// row, paged.
				lg["type"], h = "scroll", legendLine+legendRowGap
			}
			top += legendPad + h
			option["legend"] = lg
		}
		if len(yNames) == 2 && textWidth(yNames[0])+textWidth(yNames[1])+2*edge > l.width*0.8 {
			// The two axes' names would meet over the plot: the right one
			// goes a line higher.
			top += lineHeight
			ya, _ := option["yAxis"].([]any)
			if len(ya) < 2 {
				ya = []any{map[string]any{}, map[string]any{}}
			}
			ya[1].(map[string]any)["nameGap"] = 8 + lineHeight
			option["yAxis"] = ya
		}
		option["grid"] = map[string]any{"top": top, "bottom": bottom, "left": edge, "right": rightSpace(o, l.width)}
		if l.maxWidth == 0 {
			merge(gridOf(o), option["grid"].(map[string]any))
			if lg, ok := option["legend"].(map[string]any); ok {
				merge(legend, lg)
			}
			for i, a := range listAny(option["yAxis"]) {
				merge(ys[i], a.(map[string]any))
			}
			continue
		}
		media = append(media, map[string]any{
			"query":  map[string]any{"maxWidth": l.maxWidth},
			"option": option,
		})
	}
	o["media"] = media
}

// rightSpace is the room right of the plot at chart width w: enough for
// the value labels of horizontal bars (ECharts' containLabel leaves them
// out), and a little for the last category label of a vertical chart,
// which is centred on its bar.
func rightSpace(o map[string]any, w float64) int {
	room := 2 * edge
	for _, s := range objects(o["series"]) {
		if ml, ok := s["markLine"].(map[string]any); ok {
			if label, _ := ml["label"].(map[string]any); label != nil && label["position"] == "end" {
				for _, d := range objects(ml["data"]) {
					name, _ := d["name"].(string)
					room = max(room, valueLabelAt+int(math.Ceil(textWidth(name)))+edge)
				}
			}
		}
		if s["type"] != "bar" {
			continue
		}
		label, _ := s["label"].(map[string]any)
		for _, d := range listAny(s["data"]) {
			item, _ := d.(map[string]any)
			if l, ok := item["label"].(map[string]any); ok {
				label = l
			}
			if label == nil || label["position"] != "right" {
				continue
			}
			text, _ := label["formatter"].(string)
			if text == "" || strings.Contains(text, "{") {
				text = valueText(item, d)
			}
			room = max(room, valueLabelAt+int(math.Ceil(textWidth(text)))+edge)
		}
	}
	// Past a third of the width the bars would have no room left.
	return min(room, int(w/3))
}

// fewerTicks is a media option for axes with about three ticks on each
// value axis; percentages go up in quarters. Category axes are left as
// they are.
func fewerTicks(axes []map[string]any) []any {
	out := make([]any, len(axes))
	for i, a := range axes {
		m := map[string]any{}
		switch {
		case a["type"] != "value":
		case a["max"] == 100.0:
			m["interval"] = 25
		default:
			m["splitNumber"] = 3
		}
		out[i] = m
	}
	return out
}

// valueText is how ECharts writes a data value as a label: the number.
func valueText(item map[string]any, d any) string {
	if item != nil {
		d = item["value"]
	}
	f, ok := d.(float64)
	if !ok {
		return ""
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// legendNames lists the legend's items: its data, or else every named
// series.
func legendNames(o, legend map[string]any) []string {
	var out []string
	if data := listAny(legend["data"]); len(data) > 0 {
		for _, d := range data {
			if s, ok := d.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	for _, s := range objects(o["series"]) {
		if n, _ := s["name"].(string); n != "" {
			out = append(out, n)
		}
	}
	return out
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

// merge sets every key of from in into, replacing objects whole.
func merge(into, from map[string]any) {
	for k, v := range from {
		into[k] = v
	}
}

// object returns o[key] as an object, first setting one there if it holds
// none.
func object(o map[string]any, key string) map[string]any {
	if m, ok := o[key].(map[string]any); ok {
		return m
	}
	m := map[string]any{}
	o[key] = m
	return m
}

// gridOf returns the chart's grid: go-echarts writes a list of one.
func gridOf(o map[string]any) map[string]any {
	if gs := objects(o["grid"]); len(gs) > 0 {
		return gs[0]
	}
	return object(o, "grid")
}

// objects returns the objects in a JSON array.
func objects(v any) []map[string]any {
	var out []map[string]any
	for _, x := range listAny(v) {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// listAny returns a JSON array, or nothing when v is not one.
func listAny(v any) []any {
	a, _ := v.([]any)
	return a
}
