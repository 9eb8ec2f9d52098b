package dataset

import (
	"fmt"
	"strings"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/period"
)

// Dates outside these years are typing mistakes (0224 for 2024), not
// children or adopters, so they are rejected rather than trusted.
const (
	minYear = 1900
	maxYear = 2999
)

// The generic advice, for text that is nothing like a date.
const dateForms = "write it as 2024-03-31 or 31/03/2024"

// parseDate reads a date written as 2024-03-31 (ISO) or 31/03/2024 (UK,
// also 1/3/2024). Blank means no date: the zero Date and no error. Month
// first (US order) is never accepted, because 03/04/2024 would then mean
// two different days. The error names the text and, where the mistake is
// recognisable (31 February, US order, a time after the date, a
// two-digit year, an Excel serial number), how to write it instead.
func parseDate(s string) (period.Date, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, nil
	}
	if d, ok := parseDateParts(t); ok {
		return d, nil
	}
	return 0, fmt.Errorf("%q is not a date (%s)", s, dateAdvice(t))
}

// parseDateParts accepts exactly the two forms docs/data.md allows.
func parseDateParts(t string) (period.Date, bool) {
	if isISO(t) {
		// 2024-03-31, as nearly every date of an export is written: the
		// parts splitDate would cut, without cutting.
		return civil(t[:4], t[5:7], t[8:])
	}
	if y, m, d, ok := splitDate(t, '-'); ok && len(y) == 4 {
		return civil(y, m, d)
	}
	if d, m, y, ok := splitDate(t, '/'); ok && len(y) == 4 {
		return civil(y, m, d)
	}
	return 0, false
}

// isISO reports whether t is ten characters of the form 2024-03-31.
func isISO(t string) bool {
	if len(t) != 10 || t[4] != '-' || t[7] != '-' {
		return false
	}
	for i := 0; i < len(t); i++ {
		if i != 4 && i != 7 && (t[i] < '0' || t[i] > '9') {
			return false
		}
	}
	return true
}

// splitDate cuts t into three runs of ASCII digits separated by sep: the
// first and last 1 to 4 digits, the middle 1 or 2.
func splitDate(t string, sep byte) (a, b, c string, ok bool) {
	// Cut rather than Split: every date cell of every row comes here.
	s := string(sep)
	a, rest, ok1 := strings.Cut(t, s)
	b, c, ok2 := strings.Cut(rest, s)
	if !ok1 || !ok2 || strings.Contains(c, s) {
		return "", "", "", false
	}
	for i, p := range [3]string{a, b, c} {
		max := 4
		if i == 1 {
			max = 2
		}
		if len(p) == 0 || len(p) > max || !allDigits(p) {
			return "", "", "", false
		}
	}
	return a, b, c, true
}

// civil checks a year (four digits), month and day and makes the Date.
func civil(ys, ms, ds string) (period.Date, bool) {
	if len(ys) != 4 || len(ds) > 2 {
		return 0, false
	}
	y, m, d := atoi(ys), atoi(ms), atoi(ds)
	if y < minYear || y > maxYear || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	return period.NewDate(y, time.Month(m), d), true
}

// dateAdvice says how to write t as a date, recognising the usual
// spreadsheet mistakes.
func dateAdvice(t string) string {
	// A time after the date, as case-management exports write them.
	if i := strings.IndexAny(t, " T"); i > 0 {
		if d, ok := parseDateParts(t[:i]); ok {
			return "remove the time: " + both(d)
		}
	}
	// Excel's own day count, from a column formatted as a number.
	if allDigits(t) && len(t) >= 4 && len(t) <= 6 {
		if n := atoi(t); n > 60 && n <= 401768 {
			d := period.NewDate(1899, time.December, 30+n)
			return fmt.Sprintf("it looks like Excel's number for %s: format the column as a date before saving", uk(d))
		}
	}
	for _, sep := range []byte{'/', '-', '.'} {
		a, b, c, ok := splitDate(t, sep)
		if !ok {
			continue
		}
		switch {
		case len(a) == 4: // year first
			if d, ok := civil(a, b, c); ok {
				return both(d)
			}
			return impossible(a, b, c)
		case len(c) == 4: // year last: day/month/year, or a US date
			if d, ok := civil(c, b, a); ok {
				return both(d)
			}
			if atoi(b) > 12 && atoi(a) >= 1 && atoi(a) <= 12 {
				if d, ok := civil(c, a, b); ok {
					return "dates are day/month/year, never month/day: " + both(d)
				}
			}
			return impossible(c, b, a)
		case len(c) == 2 && sep == '/':
			return "write the year with four digits, e.g. 31/03/2024"
		}
	}
	return dateForms
}

// impossible advises on a date whose parts are numbers but not a day
// that exists: the last day of the month if only the day is too big,
// else the generic forms.
func impossible(ys, ms, ds string) string {
	y, m, d := atoi(ys), atoi(ms), atoi(ds)
	if y < minYear || y > maxYear {
		return fmt.Sprintf("the year must be between %d and %d", minYear, maxYear)
	}
	if m < 1 || m > 12 {
		return "the month must be 1 to 12; " + dateForms
	}
	if d > daysIn(y, m) {
		return both(period.NewDate(y, time.Month(m), daysIn(y, m)))
	}
	return dateForms
}

// both writes d in the two accepted forms, for advice.
func both(d period.Date) string { return "write " + d.String() + " or " + uk(d) }

// uk writes d as 31/03/2024.
func uk(d period.Date) string { return d.Time().Format("02/01/2006") }

// daysIn is the number of days in month m (1 to 12) of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// atoi reads a short run of ASCII digits; callers check allDigits and
// the length first, so it cannot overflow.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
