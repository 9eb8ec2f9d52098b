package disclosure

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// IndicatorsFile is where a build writes indicators.json, relative to the
// output folder: the File of the leaks CheckIndicatorsJSON finds.
const IndicatorsFile = "data/indicators.json"

// indicatorJSON is one entry of indicators.json (docs/data.md).
type indicatorJSON struct {
	ID         string   `json:"id"`
	Period     string   `json:"period"`
	Value      *float64 `json:"value"`
	Unit       string   `json:"unit"`
	Base       *int     `json:"base"`
	Suppressed bool     `json:"suppressed"`
}

// CheckIndicatorsJSON reads indicators.json as a build wrote it and
// returns every small number it shows with suppress_below k: a count of
// children or households from 1 to k−1 that is not suppressed, and,
// because the base is published beside a mean, share or ratio, any such
// figure whose base, or a percentage whose numerator or base − numerator
// (worked out from the value and the base, as a reader would), is from 1
// to k−1. Money is not checked. Suppressed figures and figures with no
// value are fine. k ≤ 1 finds nothing; a file that cannot be read as
// indicators.json is itself a leak, as it cannot be checked.
//
// It backs up Apply: it sees only what the file shows, so it cannot find
// a count that secondary suppression should have hidden.
func CheckIndicatorsJSON(data []byte, k int) []Leak {
	if k <= 1 {
		return nil
	}
	// A build's own file, with nothing to report, is read by quickly; a
	// file that reading cannot vouch for, or that shows a small number,
	// is read again by encoding/json, which gives the lines and errors.
	if items, ok := quickIndicators(data); ok && !slices.ContainsFunc(items, func(it indicatorJSON) bool { return shows(it, k) != "" }) {
		return nil
	}
	items, lines, err := decodeIndicators(data)
	if err != nil {
		return []Leak{{File: IndicatorsFile, Line: 1, Message: fmt.Sprintf("cannot check for small numbers: %v", err)}}
	}
	var leaks []Leak
	for i, it := range items {
		if what := shows(it, k); what != "" {
			leaks = append(leaks, Leak{File: IndicatorsFile, Line: lines[i], Message: fmt.Sprintf(
				"%s %s shows %s, fewer than suppress_below = %d, but is not suppressed: disclosure control missed it; build with --draft to see exact figures privately",
				it.ID, it.Period, what, k)})
		}
	}
	return leaks
}

// shows says what small number an entry shows with suppress_below k,
// "" for none.
func shows(it indicatorJSON, k int) string {
	if it.Suppressed || it.Value == nil {
		return ""
	}
	v := *it.Value
	what := ""
	switch it.Unit {
	case "pounds":
		return ""
	case "children", "households":
		if v >= 1 && v < float64(k) {
			what = fmt.Sprintf("%g %s", v, it.Unit)
		}
	}
	if what == "" && it.Base != nil && small(*it.Base, k) {
		what = fmt.Sprintf("a base of %d", *it.Base)
	}
	if what == "" && it.Base != nil {
		// A share to one decimal place of fewer than 1000 gives its
		// numerator exactly; a ratio to two places of fewer than 100.
		var num int
		switch it.Unit {
		case "percent":
			num = int(math.Round(v * float64(*it.Base) / 100))
			if small(num, k) {
				what = fmt.Sprintf("%d of %d", num, *it.Base)
			} else if small(*it.Base-num, k) {
				what = fmt.Sprintf("all but %d of %d", *it.Base-num, *it.Base)
			}
		case "ratio":
			num = int(math.Round(v * float64(*it.Base)))
			if small(num, k) {
				what = fmt.Sprintf("%d per %d", num, *it.Base)
			}
		}
	}
	return what
}

// decodeIndicators decodes the indicators array and the line each entry
// starts on.
func decodeIndicators(data []byte) ([]indicatorJSON, []int, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := expectDelim(dec, '{'); err != nil {
		return nil, nil, err
	}
	var items []indicatorJSON
	var lines []int
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		if t != "indicators" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, nil, err
			}
			continue
		}
		if err := expectDelim(dec, '['); err != nil {
			return nil, nil, err
		}
		last, line := 0, 1
		for dec.More() {
			// The offset is just past the previous token; the entry starts
			// at the next '{'.
			off := int(dec.InputOffset())
			if j := bytes.IndexByte(data[off:], '{'); j >= 0 {
				off += j
			}
			var it indicatorJSON
			if err := dec.Decode(&it); err != nil {
				return nil, nil, err
			}
			items = append(items, it)
			line += bytes.Count(data[last:off], []byte{'\n'})
			last = off
			lines = append(lines, line)
		}
		if err := expectDelim(dec, ']'); err != nil {
			return nil, nil, err
		}
	}
	return items, lines, nil
}

func expectDelim(dec *json.Decoder, d json.Delim) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if t != d {
		return fmt.Errorf("found %v where %q was expected", t, d)
	}
	return nil
}

// quickIndicators reads the entries of indicators.json as decodeIndicators
// does, without their lines, in a fraction of encoding/json's time, for
// the JSON a build writes: strings of printable ASCII without escapes,
// numbers, true, false and null, and no arrays or objects but the file,
// its indicators and their entries. It reports false for anything else
// (an escape, a nested array, a field of the wrong type, a syntax error),
// which decodeIndicators must then read: it never vouches for a file
// decodeIndicators would read otherwise.
func quickIndicators(data []byte) ([]indicatorJSON, bool) {
	r := quickReader{data: data}
	if !r.next('{') {
		return nil, false
	}
	var items []indicatorJSON
	for first := true; ; first = false {
		if r.next('}') {
			return items, true
		}
		if !first && !r.next(',') {
			return nil, false
		}
		key, ok := r.str()
		if !ok || !r.next(':') {
			return nil, false
		}
		if key != "indicators" {
			if !r.scalar() {
				return nil, false
			}
			continue
		}
		if !r.next('[') {
			return nil, false
		}
		for i := 0; !r.next(']'); i++ {
			if i > 0 && !r.next(',') {
				return nil, false
			}
			it, ok := r.entry()
			if !ok {
				return nil, false
			}
			items = append(items, it)
		}
	}
}

// quickReader reads the JSON quickIndicators accepts, from data[at:].
type quickReader struct {
	data []byte
	at   int
}

// space skips white space.
func (r *quickReader) space() {
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
func (r *quickReader) next(c byte) bool {
	r.space()
	if r.at < len(r.data) && r.data[r.at] == c {
		r.at++
		return true
	}
	return false
}

// isString reports whether a string is next, after white space.
func (r *quickReader) isString() bool {
	r.space()
	return r.at < len(r.data) && r.data[r.at] == '"'
}

// str reads a string of printable ASCII without escapes.
func (r *quickReader) str() (string, bool) {
	if !r.next('"') {
		return "", false
	}
	start := r.at
	for ; r.at < len(r.data); r.at++ {
		switch c := r.data[r.at]; {
		case c == '"':
			r.at++
			return string(r.data[start : r.at-1]), true
		case c < 0x20 || c >= 0x80 || c == '\\':
			return "", false
		}
	}
	return "", false
}

// skipStr reads a string that is not kept, escapes and all.
func (r *quickReader) skipStr() bool {
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

// value reads a number, true, false or null, and returns its text.
func (r *quickReader) value() ([]byte, bool) {
	r.space()
	start := r.at
	for r.at < len(r.data) {
		c := r.data[r.at]
		if c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		r.at++
	}
	v := r.data[start:r.at]
	switch string(v) {
	case "true", "false", "null":
		return v, true
	}
	return v, isNumber(v)
}

// scalar reads a string, number, true, false or null, not kept.
func (r *quickReader) scalar() bool {
	if r.isString() {
		return r.skipStr()
	}
	_, ok := r.value()
	return ok
}

// entry reads an entry of the indicators as encoding/json decodes it
// into an indicatorJSON: a field named in any case is the field (a name
// that is not the field's own, in other case, is left to encoding/json);
// null leaves a string or bool as it is and makes a pointer nil.
func (r *quickReader) entry() (indicatorJSON, bool) {
	var it indicatorJSON
	if !r.next('{') {
		return it, false
	}
	for first := true; ; first = false {
		if r.next('}') {
			return it, true
		}
		if !first && !r.next(',') {
			return it, false
		}
		key, ok := r.str()
		if !ok || !r.next(':') {
			return it, false
		}
		var field *string
		switch key {
		case "id":
			field = &it.ID
		case "period":
			field = &it.Period
		case "unit":
			field = &it.Unit
		}
		switch {
		case field != nil:
			if r.isString() {
				if *field, ok = r.str(); !ok {
					return it, false
				}
				continue
			}
			if v, ok := r.value(); !ok || string(v) != "null" {
				return it, false
			}
		case key == "value" || key == "base" || key == "suppressed":
			v, ok := r.value()
			if !ok {
				return it, false
			}
			if !it.set(key, v) {
				return it, false
			}
		default:
			for _, name := range []string{"id", "period", "value", "unit", "base", "suppressed"} {
				if strings.EqualFold(key, name) {
					return it, false
				}
			}
			if !r.scalar() {
				return it, false
			}
		}
	}
}

// set sets the value, base or suppressed field from v, a number, true,
// false or null, reporting false where encoding/json would fail.
func (it *indicatorJSON) set(key string, v []byte) bool {
	null := string(v) == "null"
	switch key {
	case "value":
		if null {
			it.Value = nil
			return true
		}
		if !isNumber(v) {
			return false
		}
		f, err := strconv.ParseFloat(string(v), 64)
		if err != nil {
			return false
		}
		it.Value = &f
	case "base":
		if null {
			it.Base = nil
			return true
		}
		if !isNumber(v) {
			return false
		}
		n, err := strconv.ParseInt(string(v), 10, 64)
		if err != nil || int64(int(n)) != n {
			return false
		}
		b := int(n)
		it.Base = &b
	case "suppressed":
		switch string(v) {
		case "true":
			it.Suppressed = true
		case "false":
			it.Suppressed = false
		case "null":
		default:
			return false
		}
	}
	return true
}

// isNumber reports whether v is a JSON number:
// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func isNumber(v []byte) bool {
	i := 0
	digits := func() int {
		n := 0
		for i < len(v) && v[i] >= '0' && v[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(v) && v[i] == '-' {
		i++
	}
	switch {
	case i < len(v) && v[i] == '0':
		i++
	case digits() == 0:
		return false
	}
	if i < len(v) && v[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(v) && (v[i] == 'e' || v[i] == 'E') {
		i++
		if i < len(v) && (v[i] == '+' || v[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(v)
}
