// Package ssda903 reads a council's SSDA903 returns, as submitted to the
// DfE, and derives from them the rows of children.csv, by the rules of
// docs/data.md ("Your SSDA903 return instead of children.csv"). It does
// not compute figures: the build feeds what it derives to the dataset
// package as a children.csv, so that a 903 project's figures are, by
// construction, those of the equivalent children.csv, and every check
// of children.csv applies. Problems name the 903 file, row and column
// the value came from (Remap).
package ssda903

import (
	"bytes"
	"encoding/csv"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// DerivedName is the name under which the derived children.csv is given
// to the dataset package. It is never written anywhere; Remap replaces
// it in every problem with the 903 file (or children.csv) the value came
// from.
const DerivedName = "ssda903.derived/children.csv"

// Derived is children.csv as derived from the 903 returns and the
// optional children.csv beside them.
type Derived struct {
	Rows []Row
	// CSV is the rows as a children.csv, for dataset.Load.
	CSV []byte
	// Overridden counts the values the children.csv beside the 903
	// changed.
	Overridden int

	ret     *Return
	tracker string // Settings.Tracker, for Explain
	columns []string
	broken  map[string]bool // children with a 903 row that could not be read
	// troubled are the children with an error already reported in
	// their 903 periods, whose rows Remap does not check again.
	troubled map[string]bool
	// parts are, for rows merged from several councils (Merge), each
	// council's own, in the order of Rows: a child's ID is its council's.
	parts []*Derived
}

// Settings are what Load needs from config.toml.
type Settings struct {
	Folders      []string // [data] ssda903, oldest first
	Tracker      string   // [data] children: the optional partial children.csv
	OwnProviders []string // [ssda903] own_providers
}

// Load reads the returns and the optional tracker and derives the rows.
// Every problem is reported; when there are errors the rows are still
// derived as far as they can be (for check --explain), and Remap drops
// the dataset's problems with the rows of the children they are about,
// which would only repeat them.
func Load(fsys fs.FS, s Settings) (*Derived, problem.List) {
	r, probs := Read(fsys, s.Folders)
	rows, p := r.Derive(s.OwnProviders)
	probs = append(probs, p...)
	d := &Derived{Rows: rows, columns: dataset.ChildrenColumns(), broken: r.broken, troubled: r.troubled, ret: r, tracker: s.Tracker}
	d.applyTracker(fsys, s, &probs)
	for _, row := range d.Rows {
		if row.Values["should_be_placed"] == "" {
			at := row.Anchor
			if l, ok := row.From["placed_for_adoption"]; ok {
				at = l
			}
			d.troubled[row.ChildID] = true
			probs.Errorf(at.File, at.Row, at.Col, at.Column, "child %s was placed for adoption, but no placed_for_adoption.csv row (DATE_PLACED) or AD1 DATE_INT gives the decision that they should be: add it to the 903, or give should_be_placed for the child in %s", row.ChildID, s.Tracker)
		}
	}
	d.CSV = d.encode()
	return d, probs
}

// applyTracker fills and overrides the derived rows from the partial
// children.csv beside the 903, if there is one, and names once each
// figure that rests on a column neither gives.
func (d *Derived) applyTracker(fsys fs.FS, s Settings, probs *problem.List) {
	have := map[string]bool{}
	found := false // the tracker exists
	defer func() {
		for _, m := range []struct{ col, figures string }{
			{"disabled", "the breakdowns by disability count every child as not disabled"},
			{"sibling_group", "the breakdowns by sibling group count every child as placed alone"},
			{"matched", "matches (the matched count and the time-to-match figures) count only children already adopted: the 903 records a match in AD1, when the child is adopted"},
		} {
			switch {
			case have[m.col]:
			case found:
				probs.Warnf(s.Tracker, 0, 0, m.col, "column is missing, and the 903 does not hold %s: %s. Add the column (see docs/data.md)", m.col, m.figures)
			default:
				probs.Warnf("config.toml", 0, 0, "data.ssda903", "the 903 does not hold %s, and there is no %s beside it to give it: %s. Add a %s with child_id and %s columns (see docs/data.md)", m.col, s.Tracker, m.figures, s.Tracker, m.col)
			}
		}
	}()
	if s.Tracker == "" {
		return
	}
	t, p := dataset.ReadPartialChildren(fsys, s.Tracker)
	*probs = append(*probs, p...)
	if t == nil {
		found = p.HasErrors() // a file that cannot be read is no missing file
		return
	}
	found = true
	for c := range t.Col {
		have[c] = true
	}
	// get is a cell of the tracker, with its place.
	get := func(r dataset.PartialRow, col string) (string, Loc) {
		return r.Cells[col], Loc{File: t.Name, Row: r.Row, Col: t.Col[col], Column: col}
	}
	// A row of this file in error is not used, so the derived rows it
	// would have changed are still checked.
	errorf := func(at Loc, format string, args ...any) {
		probs.Errorf(at.File, at.Row, at.Col, at.Column, format, args...)
	}
	byChild := map[string][]int{}
	for i, r := range d.Rows {
		byChild[r.ChildID] = append(byChild[r.ChildID], i)
	}
	used := map[int]int{} // derived row → tracker row
	for _, tr := range t.Rows {
		id, idAt := get(tr, "child_id")
		ec, ecAt := get(tr, "entered_care")
		if id == "" {
			errorf(idAt, "is blank: each row of %s beside the 903 names the child (the 903's CHILD)", t.Name)
			continue
		}
		if d.broken[id] || d.troubled[id] && len(byChild[id]) == 0 {
			// The 903 error for the child says enough: a period with no
			// start, say, is in no period the tracker row could name.
			continue
		}
		entered, err := dataset.ParseDate(ec)
		if err != nil {
			errorf(ecAt, "%v", err)
			continue
		}
		idx := byChild[id]
		var dates []string
		for _, i := range idx {
			dates = append(dates, d.Rows[i].Values["entered_care"])
		}
		target := -1
		switch {
		case len(idx) == 0:
			errorf(idAt, "child %s is in no period of care with an adoption plan in the 903 returns read: check the ID (the 903's CHILD), add the year's return, or delete the row", id)
			continue
		case entered == 0 && len(idx) > 1:
			errorf(idAt, "child %s has %d periods of care with an adoption plan in the 903 (entering care %s): add an entered_care column to say which period this row is for", id, len(idx), strings.Join(dates, " and "))
			continue
		case entered == 0:
			target = idx[0]
		default:
			want := uk(entered)
			for _, i := range idx {
				if d.Rows[i].Values["entered_care"] == want {
					target = i
				}
			}
			if target < 0 {
				errorf(ecAt, "child %s entered care on %s in the 903, not on %s: give the DECOM of the episode that started the period (RNE S)", id, strings.Join(dates, " or "), ec)
				continue
			}
		}
		if first, dup := used[target]; dup {
			errorf(idAt, "child %s's period of care entering %s is also on row %d: one row per period; merge them", id, d.Rows[target].Values["entered_care"], first)
			continue
		}
		used[target] = tr.Row
		row := &d.Rows[target]
		for _, col := range d.columns {
			if col == "child_id" || col == "entered_care" {
				continue
			}
			text, at := get(tr, col)
			if text == "" {
				continue
			}
			if old := row.Values[col]; old != "" && !same(old, text) {
				d.Overridden++
				if row.Replaced == nil {
					row.Replaced = map[string]string{}
				}
				row.Replaced[col] = old
			}
			row.Values[col] = text
			row.From[col] = at
		}
	}
	if d.Overridden > 0 {
		probs.Warnf(t.Name, 0, 0, "", "overrode %d %s the 903 gave, as this file asks (adoptionreport check --explain CHILD_ID shows which for a child)", d.Overridden, plural(d.Overridden, "value", "values"))
	}
}

// same reports whether two cells say the same: dates and yes/no in
// whichever form the contract allows.
func same(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	if da, err := dataset.ParseDate(a); err == nil && da != 0 {
		db, err := dataset.ParseDate(b)
		return err == nil && da == db
	}
	yes := []string{"yes", "y", "true", "1"}
	no := []string{"no", "n", "false", "0"}
	in := func(l []string, s string) bool { return slices.Contains(l, strings.ToLower(s)) }
	return in(yes, a) && in(yes, b) || in(no, a) && in(no, b)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// encode writes the rows as children.csv.
func (d *Derived) encode() []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(d.columns)
	rec := make([]string, len(d.columns))
	for _, r := range d.Rows {
		for i, c := range d.columns {
			rec[i] = r.Values[c]
		}
		_ = w.Write(rec)
	}
	w.Flush()
	return b.Bytes()
}

var placeRE = regexp.MustCompile(regexp.QuoteMeta(DerivedName) + `:(\d+):(\d+)`)

// Remap moves the dataset's problems with the derived children.csv to
// the cells the values came from: a 903 file's, or the children.csv
// beside it. Those of a child with an error already reported (Load's)
// are dropped: they would only repeat it.
func (d *Derived) Remap(l problem.List) problem.List {
	out := l[:0:0]
	for _, p := range l {
		if p.File != DerivedName {
			out = append(out, p)
			continue
		}
		if p.Line >= 2 && p.Line-2 < len(d.Rows) && d.isTroubled(p.Line-2) {
			continue
		}
		p.Message = placeRE.ReplaceAllStringFunc(p.Message, func(m string) string {
			s := placeRE.FindStringSubmatch(m)
			line, _ := strconv.Atoi(s[1])
			col, _ := strconv.Atoi(s[2])
			name := ""
			if col >= 1 && col <= len(d.columns) {
				name = d.columns[col-1]
			}
			at := d.locate(line, name)
			return at.String()
		})
		at := d.locate(p.Line, p.Field)
		field := p.Field
		switch {
		case p.Field == "":
			field = at.Column
		case at.Column != "" && !strings.EqualFold(at.Column, p.Field):
			field = at.Column + " (" + p.Field + ")"
		}
		if p.Line >= 2 && p.Line-2 < len(d.Rows) {
			p.Message = "child " + d.Rows[p.Line-2].ChildID + ": " + p.Message
		} else {
			// A problem about the whole derived file, such as the count
			// of dates set aside, is about the 903 returns.
			p.Message = strings.ReplaceAll(p.Message, "in this file", "in the 903 returns")
		}
		p.File, p.Line, p.Col, p.Field = at.File, at.Row, at.Col, field
		out = append(out, p)
	}
	return out
}

// isTroubled reports whether the child of row i has an error already
// reported in its 903 periods, looked up in its own council's returns.
func (d *Derived) isTroubled(i int) bool {
	for _, part := range d.parts {
		if i < len(part.Rows) {
			return part.troubled[part.Rows[i].ChildID]
		}
		i -= len(part.Rows)
	}
	return d.troubled[d.Rows[i].ChildID]
}

// Merge joins the rows derived from each council's own returns (parts,
// in the order of codes) into one children.csv whose la column holds
// each row's council code: a regional edition's, read as one.
// Remap of the result names each council's own 903 files.
func Merge(parts []*Derived, codes []string) *Derived {
	m := &Derived{columns: dataset.ChildrenColumns(), parts: parts}
	for i, part := range parts {
		m.Overridden += part.Overridden
		for _, r := range part.Rows {
			r.Values = maps.Clone(r.Values)
			r.Values["la"] = codes[i]
			m.Rows = append(m.Rows, r)
		}
	}
	m.CSV = m.encode()
	return m
}

// locate finds the cell behind a derived row (a spreadsheet row, header
// = 1) and column; a problem about the whole file goes to config.toml's
// [data] ssda903.
func (d *Derived) locate(line int, col string) Loc {
	i := line - 2
	if i < 0 || i >= len(d.Rows) {
		if d.parts != nil {
			return Loc{File: "config.toml", Column: "councils.ssda903"}
		}
		return Loc{File: "config.toml", Column: "data.ssda903"}
	}
	if at, ok := d.Rows[i].From[col]; ok {
		return at
	}
	return d.Rows[i].Anchor
}

// FS is base with the derived children.csv added at DerivedName, for
// dataset.Load. Nothing is written to disk.
func (d *Derived) FS(base fs.FS) fs.FS {
	return overlay{base: base, file: fstest.MapFS{DerivedName: {Data: d.CSV}}}
}

type overlay struct {
	base fs.FS
	file fstest.MapFS
}

func (o overlay) Open(name string) (fs.File, error) {
	if name == DerivedName {
		return o.file.Open(name)
	}
	return o.base.Open(name)
}

func (o overlay) ReadFile(name string) ([]byte, error) {
	if name == DerivedName {
		return o.file.ReadFile(name)
	}
	return fs.ReadFile(o.base, name)
}
