package disclosure

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
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
	items, lines, err := decodeIndicators(data)
	if err != nil {
		return []Leak{{File: IndicatorsFile, Line: 1, Message: fmt.Sprintf("cannot check for small numbers: %v", err)}}
	}
	var leaks []Leak
	for i, it := range items {
		if it.Suppressed || it.Value == nil {
			continue
		}
		v := *it.Value
		what := ""
		switch it.Unit {
		case "pounds":
			continue
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
		if what != "" {
			leaks = append(leaks, Leak{File: IndicatorsFile, Line: lines[i], Message: fmt.Sprintf(
				"%s %s shows %s, fewer than suppress_below = %d, but is not suppressed: disclosure control missed it; build with --draft to see exact figures privately",
				it.ID, it.Period, what, k)})
		}
	}
	return leaks
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
