package ssda903

import (
	"cmp"
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/period"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

type tableSpec struct {
	file            string
	known, required []string
	mustExist       bool
	read            func(r *Return, t *table, year int, probs *problem.List)
}

// The tables of the return the report reads, as the DfE names their
// files and columns. Every column of the return is known, so that a
// council's full export raises no warning; only those the report uses
// are required.
var tables = []tableSpec{
	{file: "header.csv", mustExist: true,
		known:    []string{"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"},
		required: []string{"CHILD", "SEX", "DOB", "ETHNIC"}, read: (*Return).readHeader},
	{file: "episodes.csv", mustExist: true,
		known: []string{"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
			"REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"},
		required: []string{"CHILD", "DECOM", "RNE", "LS", "PLACE", "PLACE_PROVIDER", "DEC", "REC"}, read: (*Return).readEpisodes},
	{file: "ad1.csv",
		known:    []string{"CHILD", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"},
		required: []string{"CHILD", "DATE_INT", "DATE_MATCH", "FOSTER_CARE"}, read: (*Return).readAD1},
	{file: "placed_for_adoption.csv",
		known:    []string{"CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"},
		required: []string{"CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"}, read: (*Return).readPlaced},
}

// otherTables are the return's tables the report does not use: a
// council exporting its whole return gets no warning for them.
var otherTables = []string{"reviews.csv", "missing.csv", "uasc.csv", "oc2.csv", "oc3.csv", "previous_permanence.csv", "prev_perm.csv", "sbh.csv"}

// The return's code lists, for the columns the report reads.
var (
	sexCodes    = []string{"1", "2"}
	rneCodes    = []string{"S", "P", "L", "T", "U", "B"}
	lsCodes     = []string{"C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4"}
	placeCodes  = []string{"A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1"}
	provCodes   = []string{"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"}
	recCodes    = []string{"X1", "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E2", "E3", "E41", "E45", "E46", "E47", "E48", "E4A", "E4B", "E5", "E6", "E7", "E8", "E9"}
	fosterCodes = []string{"0", "1"}
	rdCodes     = []string{"RD1", "RD2", "RD3", "RD4"}
)

type headerRec struct {
	child, sex, dob, ethnic cell
	year                    int
}

type episode struct {
	child, decomC, decC, rne, ls, place, provider, rec cell
	decom, dec                                         period.Date
	year                                               int
}

type ad1Rec struct {
	child, dateInt, dateMatch, fosterCare cell
	dInt, dMatch                          period.Date
	year                                  int
}

type placedRec struct {
	child, placed, ceased, reason cell
	dPlaced, dCeased              period.Date
	year                          int
}

// Return is several years of a council's SSDA903 returns, merged: for
// each child the latest year's copy of each record.
type Return struct {
	header   map[string]*headerRec
	episodes map[string][]*episode // by child, in DECOM order once read
	ad1      map[string][]*ad1Rec
	placed   map[string][]*placedRec
	// broken are the children with a row that could not be read: their
	// periods are not derived, which would only add errors that follow
	// from the first.
	broken map[string]bool
	// troubled are the children with an error in their periods of care
	// (overlapping episodes, say): the checks of children.csv on their
	// rows would only repeat it.
	troubled map[string]bool
	// Folders are the returns read, oldest first, as config names them.
	Folders []string
}

// Read reads the returns in folders (paths in fsys, oldest year first:
// where two years hold a copy of the same record, the later folder's
// wins) and checks each cell against the return's code lists. Problems
// name the 903 file, row and column.
func Read(fsys fs.FS, folders []string) (*Return, problem.List) {
	var probs problem.List
	folders = checkYearOrder(folders, &probs)
	r := newReturn(folders)
	// The years are independent until they merge: read them at once,
	// then merge them oldest first, so the later copy of a record wins.
	type yearRead struct {
		r       *Return
		probs   problem.List
		unknown []string
	}
	years := make([]yearRead, len(folders))
	var wg sync.WaitGroup
	for year, dir := range folders {
		wg.Go(func() {
			y := &years[year]
			y.r = newReturn(nil)
			y.r.readFolder(fsys, dir, year, &y.probs, &y.unknown)
		})
	}
	wg.Wait()
	var unknown []string
	for _, y := range years {
		probs = append(probs, y.probs...)
		unknown = append(unknown, y.unknown...)
		r.merge(y.r)
	}
	if len(unknown) > 0 {
		// At the first thing ignored, a file or a file's column; the
		// message lists them all.
		first, _, _ := strings.Cut(unknown[0], ": ")
		probs.Warnf(first, 0, 0, "", "ignored what the report does not read from the 903 returns (%s): the report uses header.csv, episodes.csv, ad1.csv and placed_for_adoption.csv and their columns of the return",
			strings.Join(unknown, "; "))
	}
	for _, eps := range r.episodes {
		slices.SortFunc(eps, func(a, b *episode) int { return int(a.decom - b.decom) })
	}
	return r, probs
}

func newReturn(folders []string) *Return {
	return &Return{header: map[string]*headerRec{}, episodes: map[string][]*episode{},
		ad1: map[string][]*ad1Rec{}, placed: map[string][]*placedRec{}, broken: map[string]bool{}, troubled: map[string]bool{}, Folders: folders}
}

// readFolder reads one year's return into r.
func (r *Return) readFolder(fsys fs.FS, dir string, year int, probs *problem.List, unknown *[]string) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			probs.Errorf("config.toml", 0, 0, "data.ssda903", "folder %s not found: give the folders holding each year's 903 return, inside the project folder", dir)
		} else {
			probs.Errorf(dir, 0, 0, "", "cannot be read: %v", err)
		}
		return
	}
	have := map[string]string{} // lower-case name → name as written
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		n := strings.ToLower(e.Name())
		have[n] = e.Name()
		asCSV := strings.TrimSuffix(strings.TrimSuffix(n, ".xlsx"), ".xls") + ".csv" // a workbook is named below
		if !slices.ContainsFunc(tables, func(t tableSpec) bool { return t.file == n || t.file == asCSV }) && !slices.Contains(otherTables, n) && !strings.HasPrefix(n, ".") {
			*unknown = append(*unknown, path.Join(dir, e.Name()))
		}
	}
	for _, tb := range tables {
		written, ok := have[tb.file]
		base := strings.TrimSuffix(tb.file, ".csv")
		book := cmp.Or(have[base+".xlsx"], have[base+".xls"])
		if !ok && book != "" {
			probs.Errorf(path.Join(dir, book), 0, 0, "", `is a workbook: the 903 tables are read as CSV. Open it in Excel and use File > Save As > "CSV UTF-8 (Comma delimited)", named %s, in the same folder`, tb.file)
			continue
		}
		if !ok {
			if tb.mustExist {
				probs.Errorf(path.Join(dir, tb.file), 0, 0, "", "file not found: export the 903 return's %s table as %s into %s", strings.TrimSuffix(tb.file, ".csv"), tb.file, dir)
			}
			continue
		}
		name := path.Join(dir, written)
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			probs.Errorf(name, 0, 0, "", "cannot be read: %v", err)
			continue
		}
		if t := readTable(name, data, tb.known, tb.required, unknown, probs); t != nil {
			tb.read(r, t, year, probs)
		}
	}
}

// merge adds a later year's records to r: its copy of a record r holds
// replaces r's.
func (r *Return) merge(o *Return) {
	maps.Copy(r.header, o.header)
	maps.Copy(r.broken, o.broken)
	for id, eps := range o.episodes {
		r.episodes[id] = mergeBy(r.episodes[id], eps, func(e *episode) period.Date { return e.decom })
	}
	for id, list := range o.ad1 {
		r.ad1[id] = mergeBy(r.ad1[id], list, func(a *ad1Rec) period.Date { return a.dInt })
	}
	for id, list := range o.placed {
		r.placed[id] = mergeBy(r.placed[id], list, func(p *placedRec) period.Date { return p.dPlaced })
	}
}

// mergeBy adds later to cur, a later record replacing the one of cur
// with the same key.
func mergeBy[T any](cur, later []T, key func(T) period.Date) []T {
	for _, x := range later {
		if i := slices.IndexFunc(cur, func(c T) bool { return key(c) == key(x) }); i >= 0 {
			cur[i] = x
		} else {
			cur = append(cur, x)
		}
	}
	return cur
}

// checkYearOrder catches folders listed out of order when their names
// are years: the later folder's copy of a record wins, so order matters.
// It returns the folders to read: in year order when every name is a
// year, so that the one mistake in config.toml is reported once instead
// of as every episode the wrong order would make overlap.
func checkYearOrder(folders []string, probs *problem.List) []string {
	var last period.Year
	years := make(map[string]period.Year, len(folders))
	wrong := false
	for _, f := range folders {
		y, err := period.ParseYear(path.Base(f))
		if err != nil {
			continue
		}
		years[f] = y
		if last != 0 && y <= last {
			wrong = true
			probs.Errorf("config.toml", 0, 0, "data.ssda903", "list the 903 folders oldest year first (%s comes after %s): the latest year's copy of an episode wins", f, last)
		}
		last = y
	}
	if !wrong || len(years) != len(folders) {
		return folders
	}
	sorted := slices.Clone(folders)
	slices.SortStableFunc(sorted, func(a, b string) int { return int(years[a]) - int(years[b]) })
	return sorted
}

// rowReader checks the cells of one row of a 903 table.
type rowReader struct {
	ret   *Return
	t     *table
	r     tableRow
	probs *problem.List
	bad   bool // a cell the row cannot be used without is wrong
}

// broken marks the row's child as one whose periods cannot be derived.
func (rr *rowReader) broken() {
	if id := rr.cell("CHILD").text; id != "" {
		rr.ret.broken[id] = true
	}
}

func (rr *rowReader) cell(h string) cell { return rr.t.get(rr.r, h) }

func (rr *rowReader) errorf(c cell, format string, args ...any) {
	rr.probs.Errorf(c.at().File, c.at().Row, c.at().Col, c.at().Column, format, args...)
}

// required reads a cell that must not be blank.
func (rr *rowReader) required(h string) cell {
	c := rr.cell(h)
	switch {
	case c.col == 0:
		rr.bad = true // the missing column is reported once, at the header
	case c.text == "":
		rr.errorf(c, "is blank: every row of the 903 %s table needs a %s", strings.TrimSuffix(path.Base(rr.t.name), ".csv"), h)
		rr.bad = true
	}
	return c
}

// date reads a date cell of the return (dd/mm/yyyy).
func (rr *rowReader) date(c cell) period.Date {
	d, err := dataset.ParseDate(c.text)
	if err != nil {
		rr.errorf(c, "%v", err)
		rr.bad = true
	}
	return d
}

// code checks a coded cell against its code list; blank passes when
// blankOK. It returns the code in upper case.
func (rr *rowReader) code(c *cell, list []string, blankOK bool, what string) {
	c.text = strings.ToUpper(c.text)
	if c.col == 0 {
		rr.bad = true // the missing column is reported once, at the header
		return
	}
	if c.text == "" && blankOK || slices.Contains(list, c.text) {
		return
	}
	if c.text == "" {
		rr.errorf(*c, "is blank: give the %s code", what)
	} else {
		rr.errorf(*c, "%q is not in the 903 return's code list for %s: write one of %s", c.text, what, strings.Join(list, ", "))
	}
	rr.bad = true
}

func (r *Return) readHeader(t *table, year int, probs *problem.List) {
	for _, row := range t.rows {
		rr := rowReader{ret: r, t: t, r: row, probs: probs}
		h := &headerRec{child: rr.required("CHILD"), sex: rr.cell("SEX"), dob: rr.required("DOB"), ethnic: rr.cell("ETHNIC"), year: year}
		rr.code(&h.sex, sexCodes, false, "SEX (1 male, 2 female)")
		rr.date(h.dob)
		if h.ethnic.text != "" && !dataset.IsEthnicityCode(h.ethnic.text) {
			rr.errorf(h.ethnic, "%q is not in the 903 return's code list for ETHNIC: write a code such as WBRI, MWBC or NOBT", h.ethnic.text)
			rr.bad = true
		}
		if rr.bad {
			rr.broken()
		}
		if h.child.text == "" {
			continue
		}
		if old := r.header[h.child.text]; old != nil && old.year == year {
			rr.errorf(h.child, "child %s is also on row %d: the header table has one row per child", h.child.text, old.child.at().Row)
			continue
		}
		r.header[h.child.text] = h
	}
}

func (r *Return) readEpisodes(t *table, year int, probs *problem.List) {
	for _, row := range t.rows {
		rr := rowReader{ret: r, t: t, r: row, probs: probs}
		e := &episode{child: rr.required("CHILD"), decomC: rr.required("DECOM"), decC: rr.cell("DEC"),
			rne: rr.cell("RNE"), ls: rr.cell("LS"), place: rr.cell("PLACE"), provider: rr.cell("PLACE_PROVIDER"), rec: rr.cell("REC"), year: year}
		e.decom = rr.date(e.decomC)
		e.dec = rr.date(e.decC)
		rr.code(&e.rne, rneCodes, false, "RNE (reason for new episode)")
		rr.code(&e.ls, lsCodes, false, "LS (legal status)")
		rr.code(&e.place, placeCodes, false, "PLACE (placement type)")
		rr.code(&e.provider, provCodes, true, "PLACE_PROVIDER")
		rr.code(&e.rec, recCodes, true, "REC (reason episode ceased)")
		if e.rec.text != "" && e.dec == 0 && !rr.bad {
			rr.errorf(e.decC, "is blank, but the episode has a reason it ceased (REC %s): give the date it ceased, or leave REC blank for an episode still open", e.rec.text)
			rr.bad = true
		}
		if e.dec != 0 && e.rec.text == "" && !rr.bad {
			rr.errorf(e.rec, "is blank, but the episode ceased on %s: give the reason it ceased (X1 where a new episode followed)", e.decC.text)
			rr.bad = true
		}
		if e.dec != 0 && e.decom != 0 && e.dec < e.decom {
			rr.errorf(e.decC, "%s is before the episode's DECOM (%s)", e.decC.text, e.decomC.text)
			rr.bad = true
		}
		if rr.bad {
			rr.broken()
			continue
		}
		eps := r.episodes[e.child.text]
		i := slices.IndexFunc(eps, func(o *episode) bool { return o.decom == e.decom })
		switch {
		case i < 0:
			r.episodes[e.child.text] = append(eps, e)
		case eps[i].year == year:
			rr.errorf(e.decomC, "child %s's episode starting %s is also on row %d: each episode is one row", e.child.text, e.decomC.text, eps[i].decomC.at().Row)
		default:
			eps[i] = e // the later year's copy wins
		}
	}
}

func (r *Return) readAD1(t *table, year int, probs *problem.List) {
	for _, row := range t.rows {
		rr := rowReader{ret: r, t: t, r: row, probs: probs}
		a := &ad1Rec{child: rr.required("CHILD"), dateInt: rr.required("DATE_INT"), dateMatch: rr.cell("DATE_MATCH"), fosterCare: rr.cell("FOSTER_CARE"), year: year}
		a.dInt = rr.date(a.dateInt)
		a.dMatch = rr.date(a.dateMatch)
		rr.code(&a.fosterCare, fosterCodes, true, "FOSTER_CARE (1 adopted by their foster carer, 0 not)")
		if rr.bad {
			rr.broken()
			continue
		}
		list := r.ad1[a.child.text]
		i := slices.IndexFunc(list, func(o *ad1Rec) bool { return o.dInt == a.dInt })
		switch {
		case i < 0:
			r.ad1[a.child.text] = append(list, a)
		case list[i].year == year:
			rr.errorf(a.dateInt, "child %s's AD1 with this DATE_INT is also on row %d", a.child.text, list[i].child.at().Row)
		default:
			list[i] = a
		}
	}
}

func (r *Return) readPlaced(t *table, year int, probs *problem.List) {
	for _, row := range t.rows {
		rr := rowReader{ret: r, t: t, r: row, probs: probs}
		p := &placedRec{child: rr.required("CHILD"), placed: rr.required("DATE_PLACED"), ceased: rr.cell("DATE_PLACED_CEASED"), reason: rr.cell("REASON_PLACED_CEASED"), year: year}
		p.dPlaced = rr.date(p.placed)
		p.dCeased = rr.date(p.ceased)
		rr.code(&p.reason, rdCodes, true, "REASON_PLACED_CEASED")
		if p.dCeased != 0 && p.dPlaced != 0 && p.dCeased < p.dPlaced {
			rr.errorf(p.ceased, "%s is before DATE_PLACED (%s)", p.ceased.text, p.placed.text)
			rr.bad = true
		}
		if rr.bad {
			rr.broken()
			continue
		}
		list := r.placed[p.child.text]
		i := slices.IndexFunc(list, func(o *placedRec) bool { return o.dPlaced == p.dPlaced })
		switch {
		case i < 0:
			r.placed[p.child.text] = append(list, p)
		case list[i].year == year:
			rr.errorf(p.placed, "child %s's decision of this DATE_PLACED is also on row %d", p.child.text, list[i].child.at().Row)
		default:
			list[i] = p
		}
	}
}
