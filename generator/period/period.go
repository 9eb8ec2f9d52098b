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

// yearForms is the advice for a financial year that cannot be read.
const yearForms = "write it like 2024-25; 2024/25, 2024-2025 and 2024/2025 also work"

// ParsePeriod reads a financial year or run of years as finance and
// statistics tables write them: 2024-25, 2024/25, 2024-2025 or 2024/2025
// for the year from 1 April 2024, and 2022-25 (and the same variants) for
// the three years to 31 March 2025. The report itself always writes
// 2024-25. Config, pages and data all read years this way, so a form
// one accepts the others do too.
func ParsePeriod(s string) (Period, error) {
	t := strings.TrimSpace(s)
	first, last, ok := cutYear(t)
	if !ok || len(first) != 4 || (len(last) != 2 && len(last) != 4) || !digits(first) || !digits(last) {
		return Period{}, fmt.Errorf("%q is not a financial year; %s", s, yearForms)
	}
	start, _ := strconv.Atoi(first)
	end, _ := strconv.Atoi(last)
	if len(last) == 2 {
		// The end year shares the century of the start year, or the next
		// one for periods that cross it (2098-01).
		end += start - start%100
		if end <= start {
			end += 100
		}
	}
	n := end - start
	if start < 1900 || start > 2999 || n < 1 || n > 10 {
		return Period{}, fmt.Errorf("%q is not a financial year; %s (the second year follows the first)", s, yearForms)
	}
	return Period{First: Year(start), Last: Year(end - 1)}, nil
}

// cutYear splits "2024-25" or "2024/25" at its one - or /.
func cutYear(s string) (first, last string, ok bool) {
	i := strings.IndexAny(s, "-/")
	if i < 0 {
		return "", "", false
	}
	return s[:i], s[i+1:], true
}

func digits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
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
