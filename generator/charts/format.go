package charts

import (
	"math"
	"strconv"
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/indicators"
)

// Suppressed is what a suppressed figure shows in text, tables and CSV:
// the Government Statistical Service symbol for "confidential".
const Suppressed = "[c]"

// NoData is what FormatFigure shows for a figure with no value, such as a
// mean over no children.
const NoData = "no data"

// FormatFigure writes a figure for running text: "412 days", "18.2%",
// "34 children", "1 child", "12 households", "2.45", "£45,300" or "£1.2m".
// A suppressed figure is "[c]" and one with no value "no data".
//
// Money of £1 million or more (either way) is written in millions to one
// decimal place, "£1.2m"; less, in whole pounds with thousands separators.
// Both round halves away from zero from the exact pence. A negative amount
// takes an ASCII hyphen-minus, "-£45,300": unlike U+2212 it survives copying
// into a spreadsheet as a number, and screen readers announce it as "minus"
// before a figure just the same.
func FormatFigure(f indicators.Figure) string {
	switch {
	case f.Suppressed:
		return Suppressed
	case !f.HasValue:
		return NoData
	}
	switch f.Unit {
	case indicators.Days:
		return countOf(wholeOf(f.Value), "day", "days")
	case indicators.Children:
		return countOf(wholeOf(f.Value), "child", "children")
	case indicators.Households:
		return countOf(wholeOf(f.Value), "household", "households")
	case indicators.Pounds:
		return shortMoney(f.Pence)
	}
	return FormatValue(f)
}

// FormatValue writes a figure as a table cell: the bare number, "412",
// "1,234", "18.2%", "2.45" or "£45,300" (money always in whole pounds, as
// tables are where readers look for exact amounts). A suppressed figure is
// "[c]" and one with no value is an empty cell.
func FormatValue(f indicators.Figure) string {
	switch {
	case f.Suppressed:
		return Suppressed
	case !f.HasValue:
		return ""
	}
	switch f.Unit {
	case indicators.Percent:
		return percentText(f.Value)
	case indicators.Ratio:
		return strconv.FormatFloat(f.Value, 'f', 2, 64)
	case indicators.Pounds:
		return money(f.Pence)
	}
	return thousands(wholeOf(f.Value))
}

// percentText writes a percentage to one decimal place: "18.2%".
func percentText(v float64) string {
	return strconv.FormatFloat(v, 'f', 1, 64) + "%"
}

// wholeOf rounds a count or a mean in days, which indicators has already
// rounded, to the integer it stands for.
func wholeOf(v float64) int64 { return int64(math.Round(v)) }

// countOf writes n with its noun, singular only for exactly one.
func countOf(n int64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}

// thousands writes n with commas between groups of three digits.
func thousands(n int64) string {
	s := strconv.FormatUint(absU(n), 10)
	var b strings.Builder
	if n < 0 {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// absU is |n|, which for the smallest int64 does not fit in an int64.
func absU(n int64) uint64 {
	if n < 0 {
		return uint64(-(n + 1)) + 1
	}
	return uint64(n)
}

// money writes pence as whole pounds: "£45,300", "-£45,300".
func money(pence int64) string {
	pounds := divHalfAway(pence, 100)
	if pounds < 0 {
		return "-£" + thousands(-pounds)
	}
	return "£" + thousands(pounds)
}

// shortMoney writes pence as "£1.2m" from £1 million, else as money does.
func shortMoney(pence int64) string {
	pounds := divHalfAway(pence, 100)
	if pounds > -1_000_000 && pounds < 1_000_000 {
		return money(pence)
	}
	// Tenths of a million from the exact pence, not from the rounded pounds,
	// so that there is only one rounding.
	tenths := divHalfAway(pence, 10_000_000)
	sign := ""
	if tenths < 0 {
		sign, tenths = "-", -tenths
	}
	return sign + "£" + thousands(tenths/10) + "." + strconv.FormatInt(tenths%10, 10) + "m"
}

// signedMoney writes a change in pounds with its sign: "+£12,000",
// "-£3,000", "£0".
func signedMoney(pence int64) string {
	if divHalfAway(pence, 100) > 0 {
		return "+" + shortMoney(pence)
	}
	return shortMoney(pence)
}

// divHalfAway is num/den rounded to a whole number, halves away from zero,
// for den > 0: the rounding of money everywhere in the report.
func divHalfAway(num, den int64) int64 {
	if num < 0 {
		return -divHalfAway(-num, den)
	}
	return num/den + (num%den*2)/den
}
