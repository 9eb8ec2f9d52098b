package indicators

import (
	"math"

	"github.com/adoptionreport/adoptionreport/generator/period"
)

// Unit is what a figure counts or measures, exactly as docs/data.md names it.
type Unit string

// The units of the indicator table of docs/content.md.
const (
	Children   Unit = "children"
	Days       Unit = "days"
	Percent    Unit = "percent"
	Households Unit = "households"
	Ratio      Unit = "ratio"
	Pounds     Unit = "pounds"
)

// Decimals is the number of decimal places a value in unit u is rounded to:
// 0 for counts and days, 1 for percentages, 2 for ratios and pounds.
func (u Unit) Decimals() int {
	switch u {
	case Percent:
		return 1
	case Ratio, Pounds:
		return 2
	}
	return 0
}

// Absence says why a figure has no value.
type Absence string

// Reasons a figure has no value. The presentation layer turns them into
// words such as "no children adopted"; which children or households are
// meant follows from the figure's ID.
const (
	// EmptyBase: a mean, share or ratio over no children or households.
	EmptyBase Absence = "empty base"
	// NoBudget: budget.csv has no line for the year.
	NoBudget Absence = "no budget lines"
	// NoVolumes: no budget line of the year has both volumes, so its
	// variance cannot be split into price and volume.
	NoVolumes Absence = "no volumes"
)

// England is the comparators.csv area that a comparison names when the
// text does not name one.
const England = "England"

// ComparatorValue is a published benchmark for a figure's indicator and
// period, from comparators.csv.
type ComparatorValue struct {
	Area  string // e.g. "England", "Statistical neighbours"
	Value float64
}

// Figure is one indicator for one period.
type Figure struct {
	ID     string
	Period period.Period
	Unit   Unit
	// Value is the figure rounded as docs/data.md says, in Unit: a whole number
	// of children, households or days, a percentage to one decimal place, a
	// ratio to two, pounds to the penny. Meaningless unless HasValue.
	Value    float64
	HasValue bool
	// Absent says why HasValue is false; empty when it is true.
	Absent Absence
	// Base is the number of children or households the figure rests on:
	// the denominator of a mean, percentage or ratio, the count itself for a
	// count. For pounds it is the number of budget lines summed (all lines
	// for budget, actual and variance; lines with both volumes for
	// variance_price and variance_volume) and is not written to
	// indicators.json, which keeps base for people.
	Base int
	// Numerator is the count a percentage or ratio is a share of (a3 for
	// a3_percent, waiting for sufficiency_ratio), the count itself for a
	// count and 0 otherwise: disclosure control suppresses a share whose
	// numerator is small as well as one whose base is.
	Numerator int
	// Pence is the exact value of a pounds figure; Value is Pence/100.
	Pence int64
	// Suppressed is set by disclosure control for a figure that must not be
	// published; the value is kept for draft builds.
	Suppressed bool
	// Threshold is the config threshold in days that the figure is judged
	// against or defined by (a1, a10, a3 and a3_percent: A1; a2: A2; stage
	// and adopter-waiting shares: their own), or 0 when none applies.
	Threshold int
	// Comparators are the comparators.csv rows for the same indicator and
	// period, in file order.
	Comparators []ComparatorValue
}

// Difference returns f's value minus the comparator's, and false when f
// has no value. Both are first rounded to f's unit's decimal places, halves
// away from zero, so the difference is the one a reader gets from the two
// figures as shown and a difference and its opposite read the same.
func (f Figure) Difference(c ComparatorValue) (float64, bool) {
	if !f.HasValue {
		return 0, false
	}
	scale := math.Pow10(f.Unit.Decimals())
	// Subtracting whole tenths keeps 45.5 − 50.2 at −4.7 rather than
	// −4.700000000000003.
	d := math.Round(f.Value*scale) - math.Round(c.Value*scale)
	return d / scale, true
}

// Comparator returns the comparator value for area, if comparators.csv has
// one for f's indicator and period.
func (f Figure) Comparator(area string) (ComparatorValue, bool) {
	for _, c := range f.Comparators {
		if c.Area == area {
			return c, true
		}
	}
	return ComparatorValue{}, false
}
