package charts

import (
	"bytes"

	"github.com/adoptionreport/adoptionreport/internal/quickjson"
)

// quickMeasure is measure for the options encode writes, without
// encoding/json's decoding of every data item into an interface: most of
// a chart's build time went there. It reads the whole document, checking
// it is JSON, but reports false for anything it is not sure to read as
// encoding/json does (an escape in a name it must compare, a field named
// in other case, a field given twice, a value of the wrong type, a number
// out of range), which measure then reads with encoding/json.
func quickMeasure(options []byte) (empty, tall, ok bool) {
	r := quickjson.New(options)
	var yAxes, series int
	draws := false
	ok = r.Object(func(key []byte) bool {
		switch {
		case string(key) == "yAxis":
			yAxes++
			return orNull(r, func() bool {
				return r.Array(func() bool {
					var typ string
					var rows int
					return fields(r, map[string]func() bool{
						"type": func() bool { return stringOrNull(r, &typ) },
						"data": func() bool {
							return orNull(r, func() bool { return r.Array(func() bool { rows++; return r.Value() }) })
						},
					}) && done(func() { tall = tall || (typ == "category" && rows > tallRows) })
				})
			})
		case string(key) == "series":
			series++
			return orNull(r, func() bool {
				return r.Array(func() bool {
					var typ string
					var showSymbol *bool
					var items []item
					return fields(r, map[string]func() bool{
						"type":       func() bool { return stringOrNull(r, &typ) },
						"showSymbol": func() bool { return boolOrNull(r, &showSymbol) },
						"data": func() bool {
							return orNull(r, func() bool {
								return r.Array(func() bool {
									it, ok := readItem(r)
									items = append(items, it)
									return ok
								})
							})
						},
					}) && done(func() { draws = draws || drawn(typ, showSymbol, items) })
				})
			})
		case bytes.EqualFold(key, []byte("yAxis")), bytes.EqualFold(key, []byte("series")):
			return false
		}
		return r.Value()
	})
	if !ok || yAxes > 1 || series > 1 || !r.End() {
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

// done runs f and reports true: for the end of a chain of reads.
func done(f func()) bool {
	f()
	return true
}

// orNull reads null, which encoding/json decodes into a slice as no
// elements, or else what read reads.
func orNull(r *quickjson.Reader, read func() bool) bool {
	return r.Literal("null") || read()
}

// fields reads an object whose fields of interest are read by read (by
// their names), skipping the others; a field of interest given twice, or
// named in other case, makes it report false.
func fields(r *quickjson.Reader, read map[string]func() bool) bool {
	seen := map[string]bool{}
	return r.Object(func(key []byte) bool {
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
		return r.Value()
	})
}

// stringOrNull reads a plain string into s, or null, leaving s as it is.
func stringOrNull(r *quickjson.Reader, s *string) bool {
	if r.Literal("null") {
		return true
	}
	v, ok := r.Name()
	*s = string(v)
	return ok
}

// boolOrNull reads true or false into *b, or null, making it nil.
func boolOrNull(r *quickjson.Reader, b **bool) bool {
	switch {
	case r.Literal("null"):
		*b = nil
	case r.Literal("true"):
		t := true
		*b = &t
	case r.Literal("false"):
		f := false
		*b = &f
	default:
		return false
	}
	return true
}

// readItem reads a data item as present and figure see it after
// encoding/json decodes it into an interface: a number (a figure unless
// zero), null (a gap), an object by its "value" (a gap without one), an
// array by its last element (a gap when empty), and a string or bool (a
// point that is no figure).
func readItem(r *quickjson.Reader) (item, bool) {
	switch r.Peek() {
	case '{':
		var it item
		ok := r.Object(func(key []byte) bool {
			if string(key) != "value" {
				return r.Value()
			}
			var ok bool
			it, ok = readItem(r)
			return ok
		})
		return it, ok
	case '[':
		var last item
		ok := r.Array(func() bool {
			var ok bool
			last, ok = readItem(r)
			return ok
		})
		return last, ok
	case '"':
		return item{present: true}, r.SkipString()
	case 't':
		return item{present: true}, r.Literal("true")
	case 'f':
		return item{present: true}, r.Literal("false")
	case 'n':
		return item{}, r.Literal("null")
	}
	f, ok := r.Float()
	return item{present: ok, figure: ok && f != 0}, ok
}
