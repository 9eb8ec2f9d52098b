package dataset

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"github.com/adoptionreport/adoptionreport/generator/period"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// Ofsted's Annex A is the workbook of lists a council gives inspectors.
// Two of its lists hold what the report needs: List 10, the children with
// an adoption decision, which becomes children.csv, and List 11, one row
// per adopter, which becomes adopters.csv one household per family.
//
// An annexList describes one of them: the contract column each of its
// headings fills, the headings it has that the report does not use (read
// without a warning), and the heading that marks its header row.
type annexList struct {
	title  string // as Ofsted names it, for messages
	number string // "10" or "11", to find the sheet by name
	// columns maps each heading as Ofsted's template writes it to the
	// contract column it fills; norm is the same by annexHeading.
	columns map[string]string
	once    sync.Once
	norm    map[string]string
	unused  []string
	key     string // a heading only this list's header row has
	// idKey is the list's ID heading, which marks the header row of a
	// sheet named for the list even when the key heading is missing.
	idKey string
	// required are the contract columns it must have, by the heading
	// that gives them.
	required []string
}

var list10 = annexList{
	title:  "Annex A List 10 (children with an adoption decision)",
	number: "10",
	columns: map[string]string{
		"Child Unique ID":                  "child_id",
		"Gender":                           "sex",
		"Ethnicity":                        "ethnicity",
		"Date of Birth":                    "date_of_birth",
		"Does the Child have a Disability": "disabled",
		"Date the Child Entered Care":      "entered_care",
		"Date of Decision that Child Should be Placed for Adoption":                       "should_be_placed",
		"Date of Placement Order":                                                         "placement_order",
		"Date of Matching Child and Prospective Adopters":                                 "matched",
		"Date Placed for Adoption":                                                        "placed_for_adoption",
		"Date of Adoption Order":                                                          "adoption_order",
		"Date of Decision that Child Should No Longer be Placed for Adoption":             "decision_reversed",
		"Reason Why Child No Longer Placed for Adoption":                                  "reversal_reason",
		"Date the child was placed for fostering in FFA or concurrent planning placement": "moved_in_with_adopters",
	},
	unused: []string{"family identifier", "age of child (years)", "age of child", "age"},
	// Lists 1 to 9 have a Child Unique ID too: the adoption decision is
	// List 10's own.
	key:      "Date of Decision that Child Should be Placed for Adoption",
	idKey:    "Child Unique ID",
	required: []string{"child_id", "sex", "date_of_birth", "entered_care", "should_be_placed"},
}

var list11 = annexList{
	title:  "Annex A List 11 (adopters)",
	number: "11",
	columns: map[string]string{
		"Family identifier":                                    "household_id",
		"Ethnicity":                                            "ethnicity",
		"Date enquiry received":                                "enquiry",
		"Date Stage 1 started":                                 "stage1_started",
		"Date Stage 1 ended":                                   "stage1_completed",
		"Date Stage 2 started":                                 "stage2_started",
		"Date application approved":                            "approved",
		"Date adopter matched with child(ren)":                 "matched",
		"Date child/children placed with adopter(s)":           "placed",
		"Date of leaving adoption process":                     "withdrawn",
		"Reason for leaving adoption process":                  "withdrawn_reason",
		"Is the (prospective) adopter fostering for adoption?": "early_permanence_approved",
		"Individual adopter identifier":                        adopterID,
	},
	unused: []string{"gender", "date of birth", "age", "age of adopter", "age of adopter (years)", "disability",
		"does the adopter have a disability", "date stage 2 ended", "date application submitted",
		"no. of children placed", "number of children placed", "date of adoption order"},
	key:      "Date enquiry received",
	idKey:    "Family identifier",
	required: []string{"household_id", "stage1_started"},
}

// Headings Ofsted has worded more than one way, matched by their words
// (see annexHeading), and List 11's adopter identifier, which is no
// contract column but names an adopter without a family identifier.
const (
	ffaHeading  = "date the child was placed for fostering in ffa or concurrent planning placement"
	ffaQuestion = "is the (prospective) adopter fostering for adoption"
	adopterID   = "individual_adopter_identifier"
)

// annexHeading normalises a heading of an Annex A list: lower case, one
// space between words, no question mark, and the FFA headings, which
// Ofsted's templates and councils' reports word in several ways, to one.
func annexHeading(h string) string {
	h = strings.TrimRight(strings.Join(strings.Fields(strings.ToLower(h)), " "), "?:. ")
	switch {
	case strings.HasPrefix(h, "date the child was placed for fostering"):
		return ffaHeading
	case strings.HasPrefix(h, "is the") && strings.Contains(h, "adopter") && (strings.Contains(h, "fostering for adoption") || strings.Contains(h, "ffa")):
		return ffaQuestion
	}
	return h
}

// heading is the Annex A heading of a contract column, for messages.
func (l *annexList) heading(col string) string {
	for h, c := range l.columns {
		if c == col {
			return h
		}
	}
	return col
}

// column is the contract column a heading of the list fills.
func (l *annexList) column(heading string) (string, bool) {
	l.once.Do(func() {
		l.norm = map[string]string{}
		for h, c := range l.columns {
			l.norm[annexHeading(h)] = c
		}
	})
	c, ok := l.norm[annexHeading(heading)]
	return c, ok
}

// codePrefix is the option letter Annex A puts before a code from its
// lists, "a) Male", "s) NOBT": the value is what follows it.
var codePrefix = regexp.MustCompile(`^[a-zA-Z]{1,2}\)\s*`)

// rdCode is the 903 code a reason for reversal starts with, "RD1 - The
// child's needs changed…".
var rdCode = regexp.MustCompile(`^(?i)(RD[1-4])\b`)

// annexSheets are the two lists found in an Annex A workbook: each the
// table of its rows, nil if the workbook lacks it.
type annexSheets struct {
	children, adopters *table
}

// readAnnexA finds List 10 and List 11 in the Annex A workbook data of
// file: a sheet whose name says "List 10" (or 11), or else the first sheet
// with the list's header row. The header row is the first row holding
// the list's key heading, since Ofsted's template has a title above it.
func readAnnexA(file string, data []byte, probs *problem.List) annexSheets {
	var out annexSheets
	if !isWorkbook(data) {
		probs.Errorf(file, 0, 0, "", "is not an Excel workbook: annex_a is the Annex A workbook as you gave it to Ofsted (.xlsx)")
		return out
	}
	f := openWorkbook(file, data, probs)
	if f == nil {
		return out
	}
	defer f.Close()
	cells := map[string][][]string{}
	read := func(sheet string) ([][]string, bool) {
		if rows, ok := cells[sheet]; ok {
			return rows, true
		}
		// Raw values, not yet read by their formats: finding the header
		// needs only the text, and the lists not wanted (List 1's
		// thousands of contacts) need no more.
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			probs.Errorf(problem.Sheet(file, sheet), 0, 0, "", "cannot be read (%v): it may be damaged; %s", err, saveAsXLSX)
			return nil, false
		}
		cells[sheet] = rows
		return rows, true
	}
	for _, l := range []*annexList{&list10, &list11} {
		t := findList(f, file, l, read, probs)
		if l == &list10 {
			out.children = t
		} else {
			out.adopters = t
		}
	}
	if out.children == nil && out.adopters == nil {
		probs.Errorf(file, 0, 0, "", "has neither %s nor %s: name their sheets \"List 10\" and \"List 11\", or check that annex_a in config.toml is the Annex A workbook", list10.title, list11.title)
	}
	return out
}

// findList finds one list in the workbook and reads it into a table.
func findList(f *excelize.File, file string, l *annexList, read func(string) ([][]string, bool), probs *problem.List) *table {
	named := regexp.MustCompile(`(?i)\blist\s*` + l.number + `\b`)
	sheets := f.GetSheetList()
	// A sheet named for the list first, then any sheet with its header.
	order := slices.Clone(sheets)
	slices.SortStableFunc(order, func(a, b string) int {
		na, nb := named.MatchString(a), named.MatchString(b)
		switch {
		case na && !nb:
			return -1
		case nb && !na:
			return 1
		}
		return 0
	})
	for _, sheet := range order {
		rows, ok := read(sheet)
		if !ok {
			continue
		}
		h := headerRow(rows, annexHeading(l.key))
		if h < 0 && named.MatchString(sheet) {
			h = headerRow(rows, annexHeading(l.idKey))
		}
		if h >= 0 {
			if err := convertCells(f, sheet, rows); err != nil {
				probs.Errorf(problem.Sheet(file, sheet), 0, 0, "", "cannot be read (%v): it may be damaged; %s", err, saveAsXLSX)
				return nil
			}
			return annexTable(problem.Sheet(file, sheet), rows, h, l, probs)
		}
		if named.MatchString(sheet) {
			probs.Errorf(problem.Sheet(file, sheet), 0, 0, "", "has no header row with the heading %q or %q, so it cannot be read as %s: check the headings are Ofsted's", l.idKey, l.key, l.title)
			return nil
		}
	}
	return nil
}

// headerRow is the index of the first of the first 30 rows with a cell
// holding the key heading, or -1.
func headerRow(rows [][]string, key string) int {
	for i, r := range rows[:min(len(rows), 30)] {
		for _, c := range r {
			if annexHeading(c) == key {
				return i
			}
		}
	}
	return -1
}

// annexTable reads a list's rows from its header row (rows[h]) on into a
// table whose columns are named by the contract, so that its rows check
// as children.csv's or adopters.csv's do, and every problem names the
// list's own cell.
func annexTable(name string, rows [][]string, h int, l *annexList, probs *problem.List) *table {
	header := rows[h]
	for len(header) > 0 && strings.TrimSpace(header[len(header)-1]) == "" {
		header = header[:len(header)-1]
	}
	t := &table{name: name, headerRow: h + 1, col: map[string]int{}, names: make([]string, len(header))}
	var known []string
	for hd := range l.columns {
		known = append(known, annexHeading(hd))
	}
	slices.Sort(known)
	known = append(known, l.unused...)
	for i, cell := range header {
		key := annexHeading(cell)
		col, ok := l.column(cell)
		switch {
		case key == "":
		case ok && t.col[col] != 0:
			probs.Errorf(name, h+1, i+1, "", "column %q appears twice (first as column %s): delete one of them", strings.TrimSpace(cell), letters(t.col[col]))
		case ok:
			t.col[col] = i + 1
			t.names[i] = col
		case slices.Contains(l.unused, key):
		default:
			probs.Warnf(name, h+1, i+1, "", "column %q is not one of %s's, ignored%s", strings.TrimSpace(cell), l.title, didYouMean(key, known))
		}
	}
	for _, c := range l.required {
		if t.col[c] == 0 {
			probs.Errorf(name, h+1, 0, "", "%s needs a column headed %q, which this sheet lacks: add it, or restore the heading as Ofsted's template has it", l.title, l.heading(c))
		}
	}
	for i := h + 1; i < len(rows); i++ {
		if !blank(rows[i]) {
			t.add(i+1, rows[i], probs)
		}
	}
	// Coded cells are read by their code: "a) Male" is Male, "s) NOBT"
	// NOBT; a reason for reversal by its RD code.
	for _, r := range t.rows {
		for i, c := range r.cells {
			if t.names[i] == "" || t.names[i] == "child_id" || t.names[i] == "household_id" || t.names[i] == adopterID {
				continue
			}
			c = codePrefix.ReplaceAllString(c, "")
			if m := rdCode.FindStringSubmatch(c); m != nil && t.names[i] == "reversal_reason" {
				c = strings.ToUpper(m[1])
			}
			r.cells[i] = c
		}
	}
	return t
}

// place is where row i's cell of contract column col is in t.
func (t *table) place(i int, col string) cellPlace {
	return cellPlace{t.name, t.rows[i].row, t.col[col]}
}

// annexChildren turns List 10 into children.csv's rows, filled from the
// partial children.csv in overlay (nil if the project has none): its
// child_id, and entered_care where a child has two periods, pick the
// List 10 row, and each value it gives fills a blank or overrides.
func annexChildren(t *table, overlay *table, lim limits, probs *problem.List) ([]Child, int) {
	raw := rawRows[childCSV](t, childSchema)
	from := make([]map[string]cellPlace, len(raw))
	for i := range raw {
		from[i] = map[string]cellPlace{}
		if raw[i].MovedInWithAdopters != "" {
			// List 10's FFA date: the child moved in with the adopters as
			// foster carers, in FFA or concurrent planning, which the list
			// does not tell apart: DATA.md reads it as FFA.
			raw[i].EarlyPermanence = EarlyPermanenceFfA
			from[i]["early_permanence"] = t.place(i, "moved_in_with_adopters")
		}
	}
	if overlay != nil {
		ids := func(i int) (string, string) { return raw[i].ChildID, raw[i].EnteredCare }
		applyOverlay(t, overlay, childSchema, len(raw), ids, "entered_care", &list10, func(i int, col, v string, p cellPlace) (old string) {
			f := reflectField(&raw[i], childSchema, col)
			old, *f = *f, v
			from[i][col] = p
			return old
		}, probs)
	}
	missing(t, overlay, &list10, []struct{ col, figures string }{
		{"adopted_by_foster_carer", "A10 counts a child adopted by their foster carer like any other, up to the adoptive placement"},
		{"interagency", "interagency placements count no child"},
		{"sibling_group", "the breakdown by sibling group counts every child as placed alone"},
	}, "children.csv", "child_id", probs)
	return checkChildren(t, raw, from, lim, probs)
}

// annexAdopters turns List 11, one row per adopter, into adopters.csv's
// rows, one per family: the family identifier is the household_id (an
// adopter without one is a family of one, by their own identifier);
// each stage date is the earliest any of the family's adopters reached
// it; the family withdrew when its last adopter left the process; the
// main adopter, whose ethnicity counts, is the family's first row; and
// it was approved for early permanence if any adopter was. List 11 has no
// registration of interest: Stage 1 started stands in for it, unless
// adopters.csv in overlay gives it. A family with no Stage 1 started has
// not registered yet and is left out, with one warning.
func annexAdopters(t *table, overlay *table, lim limits, probs *problem.List) ([]Adopter, int) {
	raw := rawRows[adopterCSV](t, adopterSchema)
	idCol := slices.Index(t.names, adopterID)
	type family struct {
		rows []int // indexes into raw
	}
	var order []string
	families := map[string]*family{}
	for i := range raw {
		id := raw[i].HouseholdID
		if id == "" && idCol >= 0 && t.rows[i].cells[idCol] != "" {
			id = t.rows[i].cells[idCol]
			raw[i].HouseholdID = id
		}
		if id == "" {
			probs.Errorf(t.name, t.rows[i].row, t.col["household_id"], "household_id", "Family identifier is blank: every adopter needs the identifier their family shares (or their own individual adopter identifier)")
			continue
		}
		fam := families[id]
		if fam == nil {
			fam = &family{}
			families[id] = fam
			order = append(order, id)
		}
		fam.rows = append(fam.rows, i)
	}

	// One row per family, located at its first adopter's row.
	ht := &table{name: t.name, headerRow: t.headerRow, col: t.col, names: t.names}
	var hh []adopterCSV
	var from []map[string]cellPlace
	for _, id := range order {
		fam := families[id]
		first := fam.rows[0]
		r := adopterCSV{HouseholdID: id}
		at := map[string]cellPlace{}
		pick := func(col string, latest, all bool) {
			var best string
			var bestD period.Date
			var bestAt cellPlace
			given := 0
			for _, i := range fam.rows {
				v := *reflectField(&raw[i], adopterSchema, col)
				if v == "" {
					continue
				}
				given++
				d, err := parseDate(v)
				if err != nil {
					// A cell that is no date is the family's, so that the
					// check reports it.
					*reflectField(&r, adopterSchema, col) = v
					at[col] = t.place(i, col)
					return
				}
				if best == "" || latest && d > bestD || !latest && d < bestD {
					best, bestD, bestAt = v, d, t.place(i, col)
				}
			}
			if all && given < len(fam.rows) {
				return
			}
			if best != "" {
				*reflectField(&r, adopterSchema, col) = best
				at[col] = bestAt
			}
		}
		for _, col := range []string{"enquiry", "stage1_started", "stage1_completed", "stage2_started", "approved", "matched", "placed"} {
			pick(col, false, false)
		}
		pick("withdrawn", true, true)
		if p, ok := at["withdrawn"]; ok {
			for _, i := range fam.rows {
				if t.rows[i].row == p.row {
					r.WithdrawnReason, at["withdrawn_reason"] = raw[i].WithdrawnReason, t.place(i, "withdrawn_reason")
				}
			}
		}
		for _, i := range fam.rows {
			if r.Ethnicity == "" && raw[i].Ethnicity != "" {
				r.Ethnicity, at["ethnicity"] = raw[i].Ethnicity, t.place(i, "ethnicity")
			}
			if v := raw[i].EarlyPermanenceApproved; v != "" {
				if yes, err := parseYesNo(v); err != nil || yes || r.EarlyPermanenceApproved == "" {
					r.EarlyPermanenceApproved, at["early_permanence_approved"] = v, t.place(i, "early_permanence_approved")
				}
			}
		}
		if r.Stage1Started != "" {
			r.RegistrationOfInterest, at["registration_of_interest"] = r.Stage1Started, at["stage1_started"]
		}
		at["household_id"] = t.place(first, "household_id")
		hh = append(hh, r)
		from = append(from, at)
		ht.rows = append(ht.rows, t.rows[first])
	}

	if overlay != nil {
		ids := func(i int) (string, string) { return hh[i].HouseholdID, "" }
		applyOverlay(ht, overlay, adopterSchema, len(hh), ids, "", &list11, func(i int, col, v string, p cellPlace) (old string) {
			f := reflectField(&hh[i], adopterSchema, col)
			old, *f = *f, v
			from[i][col] = p
			return old
		}, probs)
	}

	// Families that have not registered: left out, counted once.
	kept, keptFrom, keptRows, unregistered := hh[:0], from[:0], ht.rows[:0], 0
	for i := range hh {
		if hh[i].RegistrationOfInterest == "" {
			unregistered++
			continue
		}
		kept, keptFrom, keptRows = append(kept, hh[i]), append(keptFrom, from[i]), append(keptRows, ht.rows[i])
	}
	ht.rows = keptRows
	if unregistered > 0 {
		probs.Warnf(t.name, 0, 0, "", "%d %s no Date Stage 1 started, which stands in for the registration of interest List 11 does not hold: left out of the figures until they start stage 1 (or give registration_of_interest in adopters.csv)",
			unregistered, plural(unregistered, "family has", "families have"))
	}
	if overlay == nil || overlay.col["registration_of_interest"] == 0 {
		probs.Warnf(t.name, 0, 0, "registration_of_interest", "List 11 has no registration of interest: Date Stage 1 started stands in for it, so registrations and approvals within 6 months of registration count from the start of stage 1; give registration_of_interest in adopters.csv for the real dates")
	}
	missing(t, overlay, &list11, []struct{ col, figures string }{
		{"fast_track", "stage 1 on time and approvals within 6 months count every family as not fast-tracked"},
	}, "adopters.csv", "household_id", probs)
	return checkAdopters(ht, kept, keptFrom, lim, probs)
}

// applyOverlay fills the n rows of a list from the partial table over:
// each row of over picks the list's row with its ID (and, where the list
// has two for it, its value in the column sub), and each cell it gives
// replaces the list's through set, which returns the value replaced. A
// row of over that picks no row, or two, is an error; one warning says
// how many of the list's values were overridden.
func applyOverlay(t, over *table, s schema, n int, ids func(int) (id, sub string), sub string, l *annexList, set func(i int, col, v string, at cellPlace) string, probs *problem.List) {
	idCol := s.columns[0]
	byID := map[string][]int{}
	for i := range n {
		id, _ := ids(i)
		byID[id] = append(byID[id], i)
	}
	taken := map[int]int{} // list row → overlay row
	overrides := 0
	for _, r := range over.rows {
		cell := func(col string) string {
			if c := over.col[col]; c != 0 {
				return r.cells[c-1]
			}
			return ""
		}
		id := cell(idCol)
		if id == "" {
			probs.Errorf(over.name, r.row, over.col[idCol], idCol, "is blank: every row needs a %s, to say which row of %s it fills", idCol, l.title)
			continue
		}
		cands := byID[id]
		if want := cell(sub); sub != "" && (len(cands) > 1 || want != "") {
			if want == "" {
				probs.Errorf(over.name, r.row, over.col[idCol], idCol, "%s has %d rows in %s (rows %s): give %s on this row to say which period of care it fills", id, len(cands), l.title, rowList(t, cands), sub)
				continue
			}
			wd, err := parseDate(want)
			if err != nil {
				probs.Errorf(over.name, r.row, over.col[sub], sub, "%v", err)
				continue
			}
			var match []int
			for _, i := range cands {
				_, v := ids(i)
				if d, err := parseDate(v); err == nil && d == wd {
					match = append(match, i)
				}
			}
			cands = match
		}
		if len(cands) == 0 {
			probs.Errorf(over.name, r.row, over.col[idCol], idCol, "%s is not in %s (%s), so this row fills nothing: correct the ID, or delete the row if the list rightly leaves it out", id, l.title, t.name)
			continue
		}
		i := cands[0]
		if prev, dup := taken[i]; dup {
			probs.Errorf(over.name, r.row, over.col[idCol], idCol, "%s is also on row %d of this file: give each row of %s once", id, prev, l.title)
			continue
		}
		taken[i] = r.row
		for c, col := range over.names {
			v := r.cells[c]
			if col == "" || col == idCol || col == sub || v == "" {
				continue
			}
			// A value the list does not hold itself (the registration Stage
			// 1 started stands in for, FFA read from its date) is filled,
			// not overridden.
			old := set(i, col, v, cellPlace{over.name, r.row, c + 1})
			if old != "" && t.col[col] != 0 && !sameValue(old, v) {
				overrides++
			}
		}
	}
	if overrides > 0 {
		probs.Warnf(over.name, 0, 0, "", "%d %s %s in %s: this file's value was used", overrides, plural(overrides, "value overrides the one", "values override the ones"), "given", l.title)
	}
}

// reflectField is the string field of a raw row (a pointer to a
// childCSV or adopterCSV) that holds column col of schema s.
func reflectField(raw any, s schema, col string) *string {
	return reflect.ValueOf(raw).Elem().Field(s.field[col]).Addr().Interface().(*string)
}

// partial is s with only its first column, the ID, required: the
// children.csv or adopters.csv that fills an Annex A list gives the ID
// and whichever columns it has.
func partial(s schema) schema {
	return schema{columns: s.columns, field: s.field, required: map[string]bool{s.columns[0]: true}}
}

// sameValue reports whether two cells say the same: the same date in
// two forms, or the same text in any case.
func sameValue(a, b string) bool {
	if da, err := parseDate(a); err == nil && da != 0 {
		db, err := parseDate(b)
		return err == nil && da == db
	}
	return strings.EqualFold(a, b)
}

// missing warns once for each column that the list lacks and the file
// that fills it (name, with its ID column id) does not give either,
// saying which figures rest on it.
func missing(t, over *table, l *annexList, cols []struct{ col, figures string }, name, id string, probs *problem.List) {
	for _, c := range cols {
		if t.col[c.col] != 0 || over != nil && over.col[c.col] != 0 {
			continue
		}
		probs.Warnf(t.name, 0, 0, c.col, "%s has no such column and %s does not give it, so %s: add the column to %s, with %s to say which row each value is for", l.title, name, c.figures, name, id)
	}
}

// rowList names the spreadsheet rows of the list's rows is.
func rowList(t *table, is []int) string {
	s := make([]string, len(is))
	for k, i := range is {
		s[k] = fmt.Sprint(t.rows[i].row)
	}
	return strings.Join(s, " and ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
