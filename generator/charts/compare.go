package charts

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/indicators"
)

// Compare writes how a figure stands against its threshold and against
// England (or, without an England row, the first comparator), for the
// {{< compare >}} shortcode: "below the 426-day threshold and 38 days
// faster than England". A figure with neither is an error, since the
// sentence around the shortcode would then say nothing.
func Compare(f indicators.Figure) (string, error) {
	if f.Suppressed {
		return Suppressed, nil
	}
	if !f.HasValue {
		return NoData, nil
	}
	var parts []string
	if t := strings.TrimPrefix(against(f, f.Threshold), ", "); t != "" {
		parts = append(parts, t)
	}
	if area, ok := DefaultArea(f); ok {
		c, _ := f.Comparator(area)
		d, _ := f.Difference(c)
		parts = append(parts, versus(f.Unit, d, c.Area))
	}
	if len(parts) == 0 {
		return "", fmt.Errorf("nothing to compare %s %s with: it has no threshold and comparators.csv has no row for it", f.ID, f.Period)
	}
	return strings.Join(parts, " and "), nil
}

// CompareArea writes how a figure stands against one area of
// comparators.csv alone, for {{< compare ID PERIOD "AREA" >}}: "2 days
// faster than Statistical neighbours". The threshold is left out: a
// sentence naming an area is about that area, and usually follows one
// that gave the threshold. An area with no row for the figure is an
// error, even when the figure is suppressed or has no value, since the
// sentence would then say nothing.
func CompareArea(f indicators.Figure, area string) (string, error) {
	// Checked first, so that a publish build, where the figure may be
	// suppressed, finds the same mistakes as a draft.
	c, ok := f.Comparator(area)
	if !ok {
		return "", fmt.Errorf("comparators.csv has no %q row for %s %s%s", area, f.ID, f.Period, areasOf(f))
	}
	if f.Suppressed {
		return Suppressed, nil
	}
	if !f.HasValue {
		return NoData, nil
	}
	d, _ := f.Difference(c)
	return versus(f.Unit, d, c.Area), nil
}

// DefaultArea is the area Compare sets f against: England, or without an
// England row the first comparator in file order; false when f has none.
func DefaultArea(f indicators.Figure) (string, bool) {
	if _, ok := f.Comparator(indicators.England); ok {
		return indicators.England, true
	}
	if len(f.Comparators) > 0 {
		return f.Comparators[0].Area, true
	}
	return "", false
}

// areasOf says which areas comparators.csv does have for f, for a message.
func areasOf(f indicators.Figure) string {
	if len(f.Comparators) == 0 {
		return " (it has no row for that figure from any area)"
	}
	areas := make([]string, len(f.Comparators))
	for i, c := range f.Comparators {
		areas[i] = strconv.Quote(c.Area)
	}
	return " (it has " + list(areas) + " for that figure)"
}

// versus words a difference d from a comparator area: fewer days is
// faster, for other units higher or lower, more or fewer.
func versus(u indicators.Unit, d float64, area string) string {
	if d == 0 {
		return "the same as " + area
	}
	mag := d
	if mag < 0 {
		mag = -mag
	}
	pick := func(up, down string) string {
		if d < 0 {
			return down
		}
		return up
	}
	switch u {
	case indicators.Days:
		return fmt.Sprintf("%s %s than %s", countOf(wholeOf(mag), "day", "days"), pick("slower", "faster"), area)
	case indicators.Percent:
		return fmt.Sprintf("%.1f percentage points %s than %s", mag, pick("higher", "lower"), area)
	case indicators.Pounds:
		pounds := FormatFigure(indicators.Figure{Unit: indicators.Pounds, Pence: int64(math.Round(mag * 100)), HasValue: true})
		return fmt.Sprintf("%s %s than %s", pounds, pick("more", "less"), area)
	}
	return fmt.Sprintf("%.*f %s than %s", u.Decimals(), mag, pick("more", "fewer"), area)
}
