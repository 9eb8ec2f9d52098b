package charts

import "encoding/json"

// tallRows is the most rows of horizontal bars a chart of the usual height
// holds with every label clear of the next.
const tallRows = 8

// measure reads a chart's options for what the page needs to know: empty
// when no series has a figure other than zero to draw (a count axis of
// only zeros, or a chart whose every figure is suppressed, would be a
// frame of axes with nothing in it; a line without symbols needs two
// points in a row), and tall when a category axis has
// more than tallRows labels down it.
func measure(options []byte) (empty, tall bool) {
	var o struct {
		YAxis []struct {
			Type string `json:"type"`
			Data []any  `json:"data"`
		} `json:"yAxis"`
		Series []struct {
			Type       string `json:"type"`
			ShowSymbol *bool  `json:"showSymbol"`
			Data       []any  `json:"data"`
		} `json:"series"`
	}
	if err := json.Unmarshal(options, &o); err != nil {
		// options come from encode, which writes valid JSON.
		panic("charts: reading chart options: " + err.Error())
	}
	for _, y := range o.YAxis {
		tall = tall || (y.Type == "category" && len(y.Data) > tallRows)
	}
	for _, s := range o.Series {
		// A line without symbols draws only between two points in a row:
		// a point between gaps is invisible.
		bare := s.Type == "line" && s.ShowSymbol != nil && !*s.ShowSymbol
		for i, d := range s.Data {
			if !bare && figure(d) {
				return false, tall
			}
			if bare && i > 0 && present(d) && present(s.Data[i-1]) && (figure(d) || figure(s.Data[i-1])) {
				return false, tall
			}
		}
	}
	return true, tall
}

// present reports whether a data item is a point, not a gap.
func present(d any) bool {
	switch v := d.(type) {
	case nil:
		return false
	case map[string]any:
		return present(v["value"])
	case []any:
		return len(v) > 0 && present(v[len(v)-1])
	}
	return true
}

// figure reports whether a data item draws a figure other than zero: a
// number, a labelled item's value, or the last (the value axis's) number
// of an [x, y] point.
func figure(d any) bool {
	switch v := d.(type) {
	case float64:
		return v != 0
	case map[string]any:
		return figure(v["value"])
	case []any:
		return len(v) > 0 && figure(v[len(v)-1])
	}
	return false
}
