package charts

import (
	"fmt"
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
	c, ok := f.Comparator("England")
	if !ok && len(f.Comparators) > 0 {
		c, ok = f.Comparators[0], true
	}
	if ok {
		d, _ := f.Difference(c)
		parts = append(parts, versus(f.Unit, d, c.Area))
	}
	if len(parts) == 0 {
		return "", fmt.Errorf("nothing to compare %s %s with: it has no threshold and comparators.csv has no row for it", f.ID, f.Period)
	}
	return strings.Join(parts, " and "), nil
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
	}
	return fmt.Sprintf("%.*f %s than %s", u.Decimals(), mag, pick("more", "fewer"), area)
}
