package dataset

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/period"
	"github.com/adoptionreport/adoptionreport/generator/problem"
	"github.com/adoptionreport/adoptionreport/internal/suggest"
)

// rowCheck parses the cells of one row, recording each problem at the
// row and the cell's column, so a row with several mistakes reports
// them all.
type rowCheck struct {
	t     *table
	row   int
	probs *problem.List
	lim   limits
	// late counts the dates the file gave after the end of the report
	// year, which asAt set aside.
	late int
	// dates are the row's dates as parsed, each with the text the file
	// wrote, for messages that compare two dates: the officer searches
	// the sheet for that text. A slice, not a map: it is made for every
	// row, and rows have a dozen dates at most.
	dates []rowDate
	// from, when a row joins two files (an Annex A list and the
	// children.csv or adopters.csv that fills it), says where each cell
	// that did not come from t came from; nil for a row of one file.
	from map[string]cellPlace
	// codes are lim.councils by their lower-case spelling, to look a
	// row's la up in; made at the first row that needs it.
	codes map[string]string
	// laRuns are the la values that are no council's code, each with its
	// rows, in the order first met; badLAs finds a file's value in them.
	// reportLA reports them.
	laRuns []laRun
	badLAs map[laKey]int
}

// A cellPlace is where a cell came from: file, spreadsheet row and column.
type cellPlace struct {
	file     string
	row, col int
}

// at is where the row's cell in column field is.
func (c *rowCheck) at(field string) cellPlace {
	if p, ok := c.from[field]; ok {
		return p
	}
	return cellPlace{c.t.name, c.row, c.t.col[field]}
}

type rowDate struct {
	field, written string
	d              period.Date
}

// limits are what a date is measured against. A date after today is an
// error: it has not happened. A date after the end of the report year is
// kept for the checks of the row's dates, then set aside (asAt): the
// figures are as at 31 March, so a later event has not happened yet. A
// zero field is no bound.
type limits struct {
	year  period.Year
	today period.Date
	// councils, when set, are the council codes of a regional edition:
	// every child and budget row must name one in its la column.
	councils []string
}

// newRowCheck returns a check for the rows of t; next moves it to a row.
// One check serves every row, so that a file of a thousand rows does not
// make a thousand of them.
func newRowCheck(t *table, lim limits, probs *problem.List) *rowCheck {
	return &rowCheck{t: t, probs: probs, lim: lim}
}

// next starts on the given spreadsheet row, forgetting the last row's dates.
func (c *rowCheck) next(row int) {
	c.row = row
	c.dates = c.dates[:0]
	c.from = nil
}

func (c *rowCheck) errorf(field, format string, args ...any) {
	p := c.at(field)
	c.probs.Errorf(p.file, p.row, p.col, field, format, args...)
}

func (c *rowCheck) warnf(field, format string, args ...any) {
	p := c.at(field)
	c.probs.Warnf(p.file, p.row, p.col, field, format, args...)
}

// required reports a blank value in a required column. A column missing
// from the file has already been reported once, not on every row.
func (c *rowCheck) required(field, v string) bool {
	if v != "" {
		return true
	}
	if c.at(field).col != 0 {
		c.errorf(field, "is blank: every row needs a %s", field)
	}
	return false
}

// date parses a date cell and checks it is not in the future. A date
// that cannot be used (not a date, or after today) is reported and
// returned as no date, so that no rule compares it with another.
func (c *rowCheck) date(field, v string) period.Date {
	d, err := parseDate(v)
	if err != nil {
		c.errorf(field, "%v", err)
		return 0
	}
	if d == 0 {
		return 0
	}
	if c.lim.today != 0 && d > c.lim.today {
		c.errorf(field, "%s is in the future (today is %s): check the date; a date of something planned belongs in the file once it has happened", v, uk(c.lim.today))
		return 0
	}
	c.dates = append(c.dates, rowDate{field, v, d})
	return d
}

// asAt sets aside the row's dates after the end of the report year,
// once every rule has seen them: the figures are as at 31 March, so an
// event after it counts as not yet happened, and no figure or chart can
// show it. fields are the record's date fields; the count of dates set
// aside is of those the file gave (a blank moved_in_with_adopters that
// takes the placement date is not counted twice).
func (c *rowCheck) asAt(fields ...*period.Date) {
	if c.lim.year == 0 {
		return
	}
	end := c.lim.year.End()
	for _, d := range c.dates {
		if d.d > end {
			c.late++
		}
	}
	for _, f := range fields {
		if *f > end {
			*f = 0
		}
	}
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
// in column late. Both must be given for the rule to apply. The message
// names both cells, so the officer can check each against the case file.
type dateRule struct {
	early, late string
	atLate      bool   // report at the late column ("… is before …"), else at early
	warn        bool   // a warning, not an error
	note        string // why it matters, after the dates
	// figure, if set, is the figure that counts days(early, late), which
	// the note then gives: "A1 would count this child as -40 days".
	figure string
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
		note := r.note
		if r.figure != "" {
			note = fmt.Sprintf(": %s would count this child as %d days; check both dates", r.figure, period.Days(a.d, b.d))
		}
		at := r.early
		msg := fmt.Sprintf("%s is after %s (%s, at %s)%s", a.written, r.late, b.written, c.place(r.late), note)
		if r.atLate {
			at = r.late
			msg = fmt.Sprintf("%s is before %s (%s, at %s)%s", b.written, r.early, a.written, c.place(r.early), note)
		}
		if r.warn {
			c.warnf(at, "%s", msg)
		} else {
			c.errorf(at, "%s", msg)
		}
	}
}

// place is where the row's cell in column field is: FILE:ROW:COL.
func (c *rowCheck) place(field string) string {
	p := c.at(field)
	return problem.Place(p.file, p.row, p.col)
}

// sortByPlace orders one file's problems by row, then column, then
// errors before warnings, as the officer reads the sheet.
func sortByPlace(l problem.List) problem.List {
	slices.SortStableFunc(l, func(a, b problem.Problem) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.Severity, b.Severity))
	})
	return l
}

// council checks a row's la cell in a regional edition and returns the
// council's code as config.toml writes it: the cell must be the code of
// one of the councils, whatever its capitals (a case system may export
// "Fenmoor" for "fenmoor"). Without councils any la is accepted, as
// before regional editions: it is a note for the reader. A value that is
// no council's is noted, not reported: one council left out of
// config.toml would otherwise give an error on each of its rows, so
// reportLA reports each value once, when every row has been read.
func (c *rowCheck) council(v string) string {
	codes := c.lim.councils
	if len(codes) == 0 {
		return v
	}
	// A map, not a search: each of England's 26,000 rows would otherwise
	// be compared with 150 codes.
	if c.codes == nil {
		c.codes = make(map[string]string, len(codes))
		for _, code := range codes {
			c.codes[strings.ToLower(code)] = code
		}
	}
	if code, ok := c.codes[strings.ToLower(v)]; ok {
		return code
	}
	// A missing column is reported once, for the file.
	if p := c.at("la"); p.col != 0 {
		c.badLA(p, v)
	}
	return v
}

// An laRun is the rows of one file whose la is one value that is no
// council's code (or blank): where the first and last are, and how many.
type laRun struct {
	value       string
	first, last cellPlace
	n           int
}

type laKey struct{ file, value string }

// badLA notes that the la cell at p holds v, which is no council's code.
func (c *rowCheck) badLA(p cellPlace, v string) {
	k := laKey{p.file, v}
	if c.badLAs == nil {
		c.badLAs = map[laKey]int{}
	}
	i, ok := c.badLAs[k]
	if !ok {
		i = len(c.laRuns)
		c.badLAs[k] = i
		c.laRuns = append(c.laRuns, laRun{value: v, first: p, last: p})
	}
	r := &c.laRuns[i]
	r.n++
	// Rows filled from another file (an Annex A list's from children.csv)
	// come in the list's order, not that file's.
	if p.row < r.first.row {
		r.first = p
	}
	if p.row > r.last.row {
		r.last = p
	}
}

// reportLA reports, once every row has been read, each la value that is
// no council's code once per file, at its first row, with how many rows
// give it and where the last is. The last is written as a place, not a
// row number, so that where the file was derived from others (the 903
// returns) it names the cell the value came from, as the first does.
func (c *rowCheck) reportLA() {
	codes := c.lim.councils
	for _, r := range c.laRuns {
		last := problem.Place(r.last.file, r.last.row, r.last.col)
		if r.value == "" {
			rows := ""
			if r.n > 1 {
				rows = fmt.Sprintf(" in %d rows, from this one down to %s", r.n, last)
			}
			c.probs.Errorf(r.first.file, r.first.row, r.first.col, "la", "is blank%s: in a regional edition every row names its council's code, one of the codes %s ([[councils]] in config.toml)",
				rows, codeList(codes))
			continue
		}
		hint := ""
		if s := suggest.Suggest(r.value, codes); s != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", s)
		}
		rows, each := "", ""
		if r.n > 1 {
			rows = fmt.Sprintf("; it is the la of %d rows, from this one down to %s", r.n, last)
			each = " in each"
		}
		c.probs.Errorf(r.first.file, r.first.row, r.first.col, "la", "%q is not the code of a council in config.toml%s%s: write one of the codes %s%s, or add the council under [[councils]]",
			r.value, hint, rows, codeList(codes), each)
	}
	c.laRuns, c.badLAs = c.laRuns[:0], nil
}

// codeList joins the council codes as "a, b and c".
func codeList(codes []string) string {
	if len(codes) < 2 {
		return strings.Join(codes, "")
	}
	return strings.Join(codes[:len(codes)-1], ", ") + " and " + codes[len(codes)-1]
}

// laColumn reports a regional edition's file without an la column.
func laColumn(t *table, lim limits, probs *problem.List) {
	if len(lim.councils) > 0 && t.col["la"] == 0 {
		probs.Errorf(t.name, t.headerRow, 0, "la", "column is missing: in a regional edition every row names its council's code in an la column, one of the codes %s ([[councils]] in config.toml)",
			codeList(lim.councils))
	}
}

// la checks and returns a row's la cell.
func (c *rowCheck) la(v string) string {
	return c.council(v)
}
