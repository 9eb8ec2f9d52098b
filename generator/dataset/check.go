package dataset

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/adoptionreport/adoptionreport/generator/period"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// rowCheck parses the cells of one row, recording each problem at the
// row and the cell's column, so a row with several mistakes reports
// them all.
type rowCheck struct {
	t     *table
	row   int
	probs *problem.List
	year  period.Year // dates after its end are errors; 0 = no bound
	// written keeps each date as the file wrote it, for messages that
	// compare two dates: the officer searches the sheet for that text.
	written map[string]string
}

func newRowCheck(t *table, row int, year period.Year, probs *problem.List) *rowCheck {
	return &rowCheck{t: t, row: row, probs: probs, year: year, written: map[string]string{}}
}

func (c *rowCheck) errorf(field, format string, args ...any) {
	c.probs.Errorf(c.t.name, c.row, c.t.col[field], field, format, args...)
}

func (c *rowCheck) warnf(field, format string, args ...any) {
	c.probs.Warnf(c.t.name, c.row, c.t.col[field], field, format, args...)
}

// required reports a blank value in a required column. A column missing
// from the file has already been reported once, not on every row.
func (c *rowCheck) required(field, v string) bool {
	if v != "" {
		return true
	}
	if c.t.col[field] != 0 {
		c.errorf(field, "is blank: every row needs a %s", field)
	}
	return false
}

// date parses a date cell and checks it is within the report year.
func (c *rowCheck) date(field, v string) period.Date {
	d, err := ParseDate(v)
	if err != nil {
		c.errorf(field, "%v", err)
		return 0
	}
	if d != 0 && c.year != 0 && d > c.year.End() {
		c.errorf(field, "%s is after the end of the report year %s (%s): check the date, or report_year in config.toml", v, c.year, uk(c.year.End()))
	}
	c.written[field] = v
	return d
}

func (c *rowCheck) yesNo(field, v string) bool {
	b, err := ParseYesNo(v)
	if err != nil {
		c.errorf(field, "%v", err)
	}
	return b
}

func (c *rowCheck) money(field, v string) int64 {
	p, err := ParseMoney(v)
	if err != nil {
		c.errorf(field, "%v", err)
	}
	return p
}

func (c *rowCheck) number(field, v string) float64 {
	n, err := ParseNumber(v)
	if err != nil {
		c.errorf(field, "%v", err)
	}
	return n
}

// A dateRule says the date in column early must not come after the one
// in column late. Both must be given for the rule to apply.
type dateRule struct {
	early, late string
	atLate      bool   // report at the late column ("… is before …"), else at early
	warn        bool   // a warning, not an error
	note        string // why it matters, after the dates
}

// order checks the rules against the row's dates.
func (c *rowCheck) order(dates map[string]period.Date, rules []dateRule) {
	for _, r := range rules {
		a, b := dates[r.early], dates[r.late]
		if a == 0 || b == 0 || a <= b {
			continue
		}
		at := r.early
		msg := fmt.Sprintf("%s is after %s (%s)%s", c.written[r.early], r.late, c.written[r.late], r.note)
		if r.atLate {
			at = r.late
			msg = fmt.Sprintf("%s is before %s (%s)%s", c.written[r.late], r.early, c.written[r.early], r.note)
		}
		if r.warn {
			c.warnf(at, "%s", msg)
		} else {
			c.errorf(at, "%s", msg)
		}
	}
}

// sortByPlace orders one file's problems by row, then column, then
// errors before warnings, as the officer reads the sheet.
func sortByPlace(l problem.List) problem.List {
	slices.SortStableFunc(l, func(a, b problem.Problem) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.Severity, b.Severity))
	})
	return l
}
