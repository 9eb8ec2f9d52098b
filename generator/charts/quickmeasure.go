package charts

import (
	"bytes"
	"strconv"
)

// quickMeasure is measure for the options encode writes, without
// encoding/json's decoding of every data item into an interface: most of
// a chart's build time went there. It reads the whole document, checking
// it is JSON, but reports false for anything it is not sure to read as
// encoding/json does (an escape in a name it must compare, a field named
// in other case, a field given twice, a value of the wrong type, a number
// out of range), which measure then reads with encoding/json.
func quickMeasure(options []byte) (empty, tall, ok bool) {
	r := jsonReader{data: options}
	var yAxes, series int
	draws := false
	ok = r.object(func(key []byte) bool {
		switch {
		case string(key) == "yAxis":
			yAxes++
			return r.array(func() bool {
				var typ string
				var rows int
				return r.fields(map[string]func() bool{
					"type": func() bool { return r.stringOrNull(&typ) },
					"data": func() bool { return r.array(func() bool { rows++; return r.value() }) },
				}) && r.done(func() { tall = tall || (typ == "category" && rows > tallRows) })
			})
		case string(key) == "series":
			series++
			return r.array(func() bool {
				var typ string
				var showSymbol *bool
				var items []item
				return r.fields(map[string]func() bool{
					"type":       func() bool { return r.stringOrNull(&typ) },
					"showSymbol": func() bool { return r.boolOrNull(&showSymbol) },
					"data": func() bool {
						return r.array(func() bool {
							it, ok := r.item()
							items = append(items, it)
							return ok
						})
					},
				}) && r.done(func() { draws = draws || drawn(typ, showSymbol, items) })
			})
		case bytes.EqualFold(key, []byte("yAxis")), bytes.EqualFold(key, []byte("series")):
			return false
		}
		return r.value()
	})
	if !ok || yAxes > 1 || series > 1 || !r.end() {
		return false, false, false
	}
	return !draws, tall, true
}

// item is what measure needs of a data item: whether it is a point, not
// a gap, and whether it draws a figure other than zero.
type item struct{ present, figure bool }

// drawn reports whether a series draws anything, by measure's rules.
func drawn(typ string, showSymbol *bool, items []item) bool {
	bare := typ == "line" && showSymbol != nil && !*showSymbol
	for i, d := range items {
		if !bare && d.figure {
			return true
		}
		if bare && i > 0 && d.present && items[i-1].present && (d.figure || items[i-1].figure) {
			return true
		}
	}
	return false
}

// jsonReader reads JSON from data[at:], checking it as it goes.
type jsonReader struct {
	data []byte
	at   int
}

func (r *jsonReader) space() {
	for r.at < len(r.data) {
		switch r.data[r.at] {
		case ' ', '\t', '\n', '\r':
			r.at++
			continue
		}
		return
	}
}

// next skips white space and reports whether c is next, reading it if so.
func (r *jsonReader) next(c byte) bool {
	r.space()
	if r.at < len(r.data) && r.data[r.at] == c {
		r.at++
		return true
	}
	return false
}

// peek skips white space and returns the next byte, 0 at the end.
func (r *jsonReader) peek() byte {
	r.space()
	if r.at < len(r.data) {
		return r.data[r.at]
	}
	return 0
}

// end reports whether nothing but white space is left.
func (r *jsonReader) end() bool {
	r.space()
	return r.at == len(r.data)
}

// done runs f and reports true: for the end of a chain of reads.
func (r *jsonReader) done(f func()) bool {
	f()
	return true
}

// object reads an object, calling member for each name with the reader
// at its value, which member must read. The name is the reader's: valid
// until member returns.
func (r *jsonReader) object(member func(key []byte) bool) bool {
	if !r.next('{') {
		return false
	}
	for first := true; ; first = false {
		if r.next('}') {
			return true
		}
		if !first && !r.next(',') {
			return false
		}
		key, ok := r.name()
		if !ok || !r.next(':') || !member(key) {
			return false
		}
	}
}

// fields reads an object whose fields of interest are read by read (by
// their names), skipping the others; a field of interest given twice, or
// named in other case, makes it report false.
func (r *jsonReader) fields(read map[string]func() bool) bool {
	seen := map[string]bool{}
	return r.object(func(key []byte) bool {
		if f, ok := read[string(key)]; ok {
			if seen[string(key)] {
				return false
			}
			seen[string(key)] = true
			return f()
		}
		for name := range read {
			if bytes.EqualFold(key, []byte(name)) {
				return false
			}
		}
		return r.value()
	})
}

// array reads an array, or null (no elements), calling elem at each
// element, which elem must read.
func (r *jsonReader) array(elem func() bool) bool {
	if r.literal("null") {
		return true
	}
	if !r.next('[') {
		return false
	}
	for first := true; ; first = false {
		if r.next(']') {
			return true
		}
		if !first && !r.next(',') {
			return false
		}
		if !elem() {
			return false
		}
	}
}

// name reads a string of printable ASCII without escapes: the names
// measure compares. It returns the bytes of the options, not a copy.
func (r *jsonReader) name() ([]byte, bool) {
	if !r.next('"') {
		return nil, false
	}
	start := r.at
	for ; r.at < len(r.data); r.at++ {
		switch c := r.data[r.at]; {
		case c == '"':
			r.at++
			return r.data[start : r.at-1], true
		case c < 0x20 || c >= 0x80 || c == '\\':
			return nil, false
		}
	}
	return nil, false
}

// stringOrNull reads a plain string into s, or null, leaving s as it is.
func (r *jsonReader) stringOrNull(s *string) bool {
	if r.literal("null") {
		return true
	}
	v, ok := r.name()
	*s = string(v)
	return ok
}

// boolOrNull reads true or false into *b, or null, making it nil.
func (r *jsonReader) boolOrNull(b **bool) bool {
	switch {
	case r.literal("null"):
		*b = nil
	case r.literal("true"):
		t := true
		*b = &t
	case r.literal("false"):
		f := false
		*b = &f
	default:
		return false
	}
	return true
}

// literal reads word (true, false or null) if it is next.
func (r *jsonReader) literal(word string) bool {
	r.space()
	end := r.at + len(word)
	if end > len(r.data) || string(r.data[r.at:end]) != word {
		return false
	}
	if end < len(r.data) && isWordByte(r.data[end]) {
		return false
	}
	r.at = end
	return true
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '+' || c == '-'
}

// number reads a number and its text.
func (r *jsonReader) number() ([]byte, bool) {
	r.space()
	start := r.at
	digits := func() int {
		n := 0
		for r.at < len(r.data) && r.data[r.at] >= '0' && r.data[r.at] <= '9' {
			r.at++
			n++
		}
		return n
	}
	if r.at < len(r.data) && r.data[r.at] == '-' {
		r.at++
	}
	switch {
	case r.at < len(r.data) && r.data[r.at] == '0':
		r.at++
	case digits() == 0:
		return nil, false
	}
	if r.at < len(r.data) && r.data[r.at] == '.' {
		r.at++
		if digits() == 0 {
			return nil, false
		}
	}
	if r.at < len(r.data) && (r.data[r.at] == 'e' || r.data[r.at] == 'E') {
		r.at++
		if r.at < len(r.data) && (r.data[r.at] == '+' || r.data[r.at] == '-') {
			r.at++
		}
		if digits() == 0 {
			return nil, false
		}
	}
	return r.data[start:r.at], true
}

// str reads any string, escapes and all, and reports it only.
func (r *jsonReader) str() bool {
	if !r.next('"') {
		return false
	}
	for r.at < len(r.data) {
		c := r.data[r.at]
		r.at++
		switch {
		case c == '"':
			return true
		case c < 0x20:
			return false
		case c == '\\':
			if r.at >= len(r.data) {
				return false
			}
			e := r.data[r.at]
			r.at++
			switch e {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if r.at+4 > len(r.data) {
					return false
				}
				for _, h := range r.data[r.at : r.at+4] {
					if !('0' <= h && h <= '9' || 'a' <= h && h <= 'f' || 'A' <= h && h <= 'F') {
						return false
					}
				}
				r.at += 4
			default:
				return false
			}
		}
	}
	return false
}

// value reads any value, checking it.
func (r *jsonReader) value() bool {
	switch r.peek() {
	case '{':
		return r.object(func([]byte) bool { return r.value() })
	case '[':
		return r.array(r.value)
	case '"':
		return r.str()
	case 't':
		return r.literal("true")
	case 'f':
		return r.literal("false")
	case 'n':
		return r.literal("null")
	}
	// A number encoding/json cannot hold fails it when it decodes a data
	// item: it fails here wherever it is, to be safe.
	v, ok := r.number()
	if ok {
		_, err := strconv.ParseFloat(string(v), 64)
		ok = err == nil
	}
	return ok
}

// item reads a data item as present and figure see it after encoding/json
// decodes it into an interface: a number (a figure unless zero), null (a
// gap), an object by its "value" (a gap without one), an array by its
// last element (a gap when empty), and a string or bool (a point that is
// no figure).
func (r *jsonReader) item() (item, bool) {
	switch r.peek() {
	case '{':
		var it item
		seen := false
		ok := r.object(func(key []byte) bool {
			if string(key) != "value" {
				return r.value()
			}
			var ok bool
			it, ok = r.item()
			seen = true
			return ok
		})
		if !seen {
			it = item{}
		}
		return it, ok
	case '[':
		var last item
		n := 0
		ok := r.array(func() bool {
			var ok bool
			last, ok = r.item()
			n++
			return ok
		})
		if n == 0 {
			last = item{}
		}
		return last, ok
	case '"':
		return item{present: true}, r.str()
	case 't':
		return item{present: true}, r.literal("true")
	case 'f':
		return item{present: true}, r.literal("false")
	case 'n':
		return item{}, r.literal("null")
	}
	v, ok := r.number()
	if !ok {
		return item{}, false
	}
	f, err := strconv.ParseFloat(string(v), 64)
	if err != nil {
		return item{}, false
	}
	return item{present: true, figure: f != 0}, true
}
