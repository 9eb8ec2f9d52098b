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
// first: the base options fit a chart at least 600 pixels wide (a desktop
// page's charts are 900), and ECharts media queries on the chart's width
// switch in the others: below 600 pixels (a tablet in portrait), below 400
// (a phone, 290 to 380 pixels across). Each is laid out for the narrowest
// width it covers.
var layouts = []struct {
	maxWidth int // the media query's maxWidth; 0 for the base options
	width    float64
}{
	{0, 600},
	{599, 400},
	{399, 290},
}

// Sizes, in pixels, of what ECharts draws around the plot.
const (
	legendPad    = 5  // ECharts' legend padding
	legendRow    = 30 // a row of legend items and the gap under it
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
// layouts, and keeps axis names inside the chart. go-echarts has no
// fields for media queries or the global text style, so this works on the
// options as JSON.
func finish(o map[string]any) {
	o["textStyle"] = map[string]any{"fontFamily": fontFamily, "fontSize": fontSize}
	tooltip := object(o, "tooltip")
	object(tooltip, "textStyle")["fontSize"] = fontSize

	xs, ys := objects(o["xAxis"]), objects(o["yAxis"])
	xName := false
	for _, x := range xs {
		// An axis's own labels default to 12px, not to the global size.
		object(x, "axisLabel")["fontSize"] = fontSize
		if s, _ := x["name"].(string); s != "" {
			xName = true
			x["nameGap"] = bottomXName
		}
	}
	yName := false
	for i, y := range ys {
		object(y, "axisLabel")["fontSize"] = fontSize
		if s, _ := y["name"].(string); s != "" {
			yName = true
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
	legend := object(o, "legend")
	names := legendNames(o, legend)
	var media []any
	for _, l := range layouts {
		top := above
		if show, _ := legend["show"].(bool); show && len(names) > 0 {
			top += legendPad + legendRows(names, l.width-2*legendPad)*legendRow
		}
		grid := map[string]any{"top": top, "bottom": bottom, "left": edge, "right": rightSpace(o, l.width)}
		if l.maxWidth == 0 {
			for k, v := range grid {
				gridOf(o)[k] = v
			}
			continue
		}
		media = append(media, map[string]any{
			"query":  map[string]any{"maxWidth": l.maxWidth},
			"option": map[string]any{"grid": grid},
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

// legendRows is how many rows ECharts wraps a horizontal legend of names
// to in width pixels.
func legendRows(names []string, width float64) int {
	rows, x := 1, 0.0
	for i, n := range names {
		w := legendIcon + textWidth(n)
		if i > 0 && x+legendGap+w > width {
			rows, x = rows+1, w
			continue
		}
		if i > 0 {
			x += legendGap
		}
		x += w
	}
	return rows
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
