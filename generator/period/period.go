// Package period holds the calendar types every stage shares: a civil
// date without a time zone, an English local-government financial year
// ("2024-25", 1 April 2024 to 31 March 2025) and a run of consecutive
// financial years ("2022-25").
package period

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a civil date counted in days. The zero value means "no date",
// so optional CSV columns need no pointer; day arithmetic is plain
// integer subtraction, which keeps indicator computation allocation-free.
type Date int32

// epochOffset makes 1 January 0001 day 1, so that 0 stays free for "no date".
const epochOffset = 719163 + 1

// NewDate returns the Date for a year, month and day. It does not check
// the day exists; use ParseDate for text.
func NewDate(y int, m time.Month, d int) Date {
	return Date(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()/86400 + epochOffset)
}

// IsZero reports whether d is "no date".
func (d Date) IsZero() bool { return d == 0 }

// Time returns d as midnight UTC.
func (d Date) Time() time.Time {
	return time.Unix(int64(d-epochOffset)*86400, 0).UTC()
}

// String returns d in ISO form, or "" for no date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return d.Time().Format("2006-01-02")
}

// Days returns to − from in days, the days(x, y) of the indicator definitions.
func Days(from, to Date) int { return int(to - from) }

// Year is a financial year, named by the calendar year it starts in:
// Year(2024) is 2024-25.
type Year int

// ParseYear reads "2024-25". The second part must be the year after the
// first, because a typo such as "2024-26" would otherwise silently
// report the wrong period.
func ParseYear(s string) (Year, error) {
	p, err := ParsePeriod(s)
	if err != nil {
		return 0, err
	}
	if p.First != p.Last {
		return 0, fmt.Errorf("%q is %d years; write a single financial year such as %s", s, p.Len(), p.Last)
	}
	return p.First, nil
}

// String returns "2024-25".
func (y Year) String() string { return fmt.Sprintf("%d-%02d", int(y), (int(y)+1)%100) }

// Start is 1 April of the year.
func (y Year) Start() Date { return NewDate(int(y), time.April, 1) }

// End is 31 March of the following calendar year, the last day of the year.
func (y Year) End() Date { return NewDate(int(y)+1, time.March, 31) }

// Period returns the one-year period y.
func (y Year) Period() Period { return Period{First: y, Last: y} }

// Period is a run of consecutive financial years, First to Last inclusive.
type Period struct {
	First, Last Year
}

// Span returns the period of n years ending with last: Span(2024, 3) is 2022-25.
func Span(last Year, n int) Period { return Period{First: last - Year(n) + 1, Last: last} }

// ParsePeriod reads "2024-25" (one year) or "2022-25" (three years). The
// second number is the two-digit calendar year the period ends in.
func ParsePeriod(s string) (Period, error) {
	t := strings.TrimSpace(s)
	a, b, ok := strings.Cut(t, "-")
	if !ok || len(a) != 4 || len(b) != 2 {
		return Period{}, fmt.Errorf("%q is not a financial year; write it like 2024-25", s)
	}
	first, err1 := strconv.Atoi(a)
	end2, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || first < 1900 || first > 2999 || end2 < 0 {
		return Period{}, fmt.Errorf("%q is not a financial year; write it like 2024-25", s)
	}
	// The end year shares the century of the start year, or the next one
	// for periods that cross it (2098-01).
	end := first - first%100 + end2
	if end <= first {
		end += 100
	}
	n := end - first
	if n < 1 || n > 10 {
		return Period{}, fmt.Errorf("%q is not a financial year; write it like 2024-25 (the second year follows the first)", s)
	}
	return Period{First: Year(first), Last: Year(end - 1)}, nil
}

// String returns "2024-25" or "2022-25".
func (p Period) String() string { return fmt.Sprintf("%d-%02d", int(p.First), (int(p.Last)+1)%100) }

// Len is the number of years in p.
func (p Period) Len() int { return int(p.Last-p.First) + 1 }

// Start is the first day of p.
func (p Period) Start() Date { return p.First.Start() }

// End is the last day of p.
func (p Period) End() Date { return p.Last.End() }

// Contains reports whether d is a date within p. No date is in no period.
func (p Period) Contains(d Date) bool {
	return d != 0 && d >= p.Start() && d <= p.End()
}
