// Package quickjson reads JSON a piece at a time, checking it as it goes,
// for the quick readers that take what they need from a build's own JSON
// without encoding/json's decoding, and leave to encoding/json whatever
// they are not sure of (disclosure's check of indicators.json, charts'
// measure of a chart's options). Every method reports false for input it
// does not accept; the caller then gives up and uses encoding/json.
package quickjson

import "strconv"

// A Reader reads JSON from its data, from the start.
type Reader struct {
	data []byte
	at   int
}

// New returns a Reader of data.
func New(data []byte) *Reader { return &Reader{data: data} }

func (r *Reader) space() {
	for r.at < len(r.data) {
		switch r.data[r.at] {
		case ' ', '\t', '\n', '\r':
			r.at++
			continue
		}
		return
	}
}

// Next skips white space and reports whether c is next, reading it if so.
func (r *Reader) Next(c byte) bool {
	r.space()
	if r.at < len(r.data) && r.data[r.at] == c {
		r.at++
		return true
	}
	return false
}

// Peek skips white space and returns the next byte, 0 at the end.
func (r *Reader) Peek() byte {
	r.space()
	if r.at < len(r.data) {
		return r.data[r.at]
	}
	return 0
}

// End reports whether nothing but white space is left.
func (r *Reader) End() bool {
	r.space()
	return r.at == len(r.data)
}

// Object reads an object, calling member for each name with the reader at
// its value, which member must read. The name is the reader's data, not a
// copy: valid until member returns.
func (r *Reader) Object(member func(name []byte) bool) bool {
	if !r.Next('{') {
		return false
	}
	for first := true; ; first = false {
		if r.Next('}') {
			return true
		}
		if !first && !r.Next(',') {
			return false
		}
		name, ok := r.Name()
		if !ok || !r.Next(':') || !member(name) {
			return false
		}
	}
}

// Array reads an array, calling elem at each element, which elem must
// read.
func (r *Reader) Array(elem func() bool) bool {
	if !r.Next('[') {
		return false
	}
	for first := true; ; first = false {
		if r.Next(']') {
			return true
		}
		if !first && !r.Next(',') {
			return false
		}
		if !elem() {
			return false
		}
	}
}

// Name reads a string of printable ASCII without escapes, which is what
// encoding/json reads it as, and returns the reader's data, not a copy.
// It reports false for any other string.
func (r *Reader) Name() ([]byte, bool) {
	if !r.Next('"') {
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

// SkipString reads any string, escapes and all, and reports whether it was
// one.
func (r *Reader) SkipString() bool {
	if !r.Next('"') {
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

// Literal reads word (true, false or null) if it is next.
func (r *Reader) Literal(word string) bool {
	r.space()
	end := r.at + len(word)
	if end > len(r.data) || string(r.data[r.at:end]) != word {
		return false
	}
	if end < len(r.data) && wordByte(r.data[end]) {
		return false
	}
	r.at = end
	return true
}

func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '+' || c == '-'
}

// Number reads a number, -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?,
// and returns its text, the reader's data.
func (r *Reader) Number() ([]byte, bool) {
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

// Float reads a number as encoding/json decodes it into a float64.
func (r *Reader) Float() (float64, bool) {
	v, ok := r.Number()
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(v), 64)
	return f, err == nil
}

// Value reads any value, checking it. A number a float64 cannot hold is
// refused wherever it is: encoding/json fails on it where it decodes it.
func (r *Reader) Value() bool {
	switch r.Peek() {
	case '{':
		return r.Object(func([]byte) bool { return r.Value() })
	case '[':
		return r.Array(r.Value)
	case '"':
		return r.SkipString()
	case 't':
		return r.Literal("true")
	case 'f':
		return r.Literal("false")
	case 'n':
		return r.Literal("null")
	}
	_, ok := r.Float()
	return ok
}
