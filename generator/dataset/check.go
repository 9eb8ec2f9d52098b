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
	// dates are the row's dates as parsed, each with the text the file
	// wrote, for messages that compare two dates: the officer searches
	// the sheet for that text. A slice, not a map: it is made for every
	// row, and rows have a dozen dates at most.
	dates []rowDate
}

type rowDate struct {
	field, written string
	d              period.Date
}

// newRowCheck returns a check for the rows of t; next moves it to a row.
// One check serves every row, so that a file of a thousand rows does not
// make a thousand of them.
func newRowCheck(t *table, year period.Year, probs *problem.List) *rowCheck {
	return &rowCheck{t: t, probs: probs, year: year}
}

// next starts on the given spreadsheet row, forgetting the last row's dates.
func (c *rowCheck) next(row int) {
	c.row = row
	c.dates = c.dates[:0]
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
	d, err := parseDate(v)
	if err != nil {
		c.errorf(field, "%v", err)
		return 0
	}
	if d != 0 && c.year != 0 && d > c.year.End() {
		c.errorf(field, "%s is after the end of the report year %s (%s): check the date, or report_year in config.toml", v, c.year, uk(c.year.End()))
	}
	if d != 0 {
		c.dates = append(c.dates, rowDate{field, v, d})
	}
	return d
}

func (c *rowCheck) yesNo(field, v string) bool {
	b, err := parseYesNo(v)
	if err != nil {
		c.errorf(field, "%v", err)
	}
	return b
}

func (c *rowCheck) money(field, v string) int64 {
	p, err := parseMoney(v)
	if err != nil {
		c.errorf(field, "%v", err)
	}
	return p
}

func (c *rowCheck) number(field, v string) float64 {
	n, err := parseNumber(v)
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

// dateOf returns the row's date in field and its text as written; the
// zero Date if the cell is blank or not a date.
func (c *rowCheck) dateOf(field string) rowDate {
	for _, d := range c.dates {
		if d.field == field {
			return d
		}
	}
	return rowDate{}
}

// order checks the rules against the dates the row has parsed so far.
func (c *rowCheck) order(rules []dateRule) {
	for _, r := range rules {
		a, b := c.dateOf(r.early), c.dateOf(r.late)
		if a.d == 0 || b.d == 0 || a.d <= b.d {
			continue
		}
		at := r.early
		msg := fmt.Sprintf("%s is after %s (%s)%s", a.written, r.late, b.written, r.note)
		if r.atLate {
			at = r.late
			msg = fmt.Sprintf("%s is before %s (%s)%s", b.written, r.early, a.written, r.note)
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
