package ssda903

import (
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/period"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

const (
	headerCols  = "CHILD,SEX,DOB,ETHNIC\n"
	episodeCols = "CHILD,DECOM,RNE,LS,PLACE,PLACE_PROVIDER,DEC,REC\n"
	ad1Cols     = "CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE\n"
	placedCols  = "CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n"
)

// project is a project folder holding one year's return (2024-25), its
// tables given without their header rows, and the tracker if not "".
func project(header, episodes, ad1, placed, tracker string) fstest.MapFS {
	dir := "data/903/2024-25/"
	fsys := fstest.MapFS{
		dir + "header.csv":              {Data: []byte(headerCols + header)},
		dir + "episodes.csv":            {Data: []byte(episodeCols + episodes)},
		dir + "ad1.csv":                 {Data: []byte(ad1Cols + ad1)},
		dir + "placed_for_adoption.csv": {Data: []byte(placedCols + placed)},
	}
	if tracker != "" {
		fsys["data/children.csv"] = &fstest.MapFile{Data: []byte(tracker)}
	}
	return fsys
}

var oneYear = Settings{Folders: []string{"data/903/2024-25"}, Tracker: "data/children.csv", OwnProviders: []string{"PR1"}}

func errorsOf(t *testing.T, fsys fstest.MapFS) []string {
	t.Helper()
	_, probs := Load(fsys, oneYear)
	var got []string
	for _, p := range probs {
		if p.Severity == 0 {
			got = append(got, p.String())
		}
	}
	return got
}

// TestBadInput puts every kind of mistake into one return: each is
// reported, at once, at the 903 cell (or the tracker's) that holds it.
func TestBadInput(t *testing.T) {
	fsys := project(
		// header.csv rows 2–10. A child with a cell that cannot be read
		// (a code outside the lists) is not derived: its story's checks
		// would only repeat the mistake.
		"B1,1,01/01/2023,WBRI\n"+
			"B2,1,01/01/2023,WBRI\n"+
			"B3,1,01/01/2023,WBRI\n"+
			"B4,2,01/01/2023,WBRI\n"+
			"B5,2,01/01/2023,WBRI\n"+
			"B6,1,01/01/2023,WBRI\n"+
			"B7,1,01/01/2023,WBRI\n"+
			"B10,3,01/01/2023,WBRI\n"+ // 9: SEX 3, not a code
			"B11,1,01/01/2023,XXXX\n", // 10: not an ETHNIC code
		// episodes.csv rows 2–
		// B1: overlapping episodes (row 3 starts before row 2 ends).
		"B1,01/05/2024,S,C2,U3,PR1,01/07/2024,X1\n"+ // 2
			"B1,01/06/2024,P,E1,A6,PR1,,\n"+ // 3
			// B2: a period with an adoption plan and no RNE S start.
			"B2,01/05/2024,P,C2,U3,PR1,,\n"+ // 4
			// B3: an episode after the adoption order.
			"B3,01/04/2024,S,E1,A6,PR1,01/09/2024,E11\n"+ // 5
			"B3,01/10/2024,S,C2,U3,PR1,,\n"+ // 6
			// B4: codes outside the lists.
			"B4,01/04/2024,Q,Z1,Q9,PR7,01/05/2024,E99\n"+ // 7
			// B5: a DATE_MATCH for a child never placed.
			"B5,01/04/2024,S,C2,U3,PR1,,\n"+ // 8
			// B6: two periods with an adoption plan.
			"B6,01/04/2024,S,C2,U3,PR1,01/05/2024,E13\n"+ // 9
			"B6,01/06/2024,S,C2,U3,PR1,,\n"+ // 10
			// B7: in care, no adoption plan.
			"B7,01/06/2024,S,C2,U3,PR1,,\n", // 11
		// ad1.csv
		"B8,01/05/2024,01/06/2024,2\n"+ // 2: FOSTER_CARE 2
			"B5,01/05/2024,01/06/2024,0\n", // 3: a match for a child never placed
		// placed_for_adoption.csv
		"B1,10/05/2024,,\n"+ // 2
			"B3,10/04/2024,,\n"+ // 3
			"B2,10/05/2024,,\n"+ // 4
			"B12,10/05/2024,,RD9\n"+ // 5
			"B6,10/04/2024,,\n"+ // 6
			"B6,10/06/2024,,\n", // 7
		"child_id,disabled\nB6,yes\nB7,yes\nB9,no\n",
	)
	want := []string{
		"data/903/2024-25/header.csv:9:2: SEX: \"3\" is not in the 903 return's code list for SEX",
		"data/903/2024-25/header.csv:10:4: ETHNIC: \"XXXX\" is not in the 903 return's code list for ETHNIC",
		"data/903/2024-25/episodes.csv:7:3: RNE: \"Q\" is not in the 903 return's code list for RNE",
		"data/903/2024-25/episodes.csv:7:4: LS: \"Z1\" is not in the 903 return's code list for LS",
		"data/903/2024-25/episodes.csv:7:5: PLACE: \"Q9\" is not in the 903 return's code list for PLACE",
		"data/903/2024-25/episodes.csv:7:6: PLACE_PROVIDER: \"PR7\" is not in the 903 return's code list for PLACE_PROVIDER",
		"data/903/2024-25/episodes.csv:7:8: REC: \"E99\" is not in the 903 return's code list for REC",
		"data/903/2024-25/ad1.csv:2:4: FOSTER_CARE: \"2\" is not in the 903 return's code list for FOSTER_CARE",
		"data/903/2024-25/placed_for_adoption.csv:5:4: REASON_PLACED_CEASED: \"RD9\" is not in the 903 return's code list for REASON_PLACED_CEASED",
		"data/903/2024-25/episodes.csv:3:2: DECOM: child B1's episode starting 01/06/2024 overlaps the one starting 01/05/2024 (data/903/2024-25/episodes.csv:2), which ceased later, on 01/07/2024",
		"data/903/2024-25/episodes.csv:4:3: RNE: child B2's period of care with an adoption plan has no start: its first episode read (01/05/2024) has RNE P, not S",
		"data/903/2024-25/episodes.csv:6:2: DECOM: child B3 has an episode starting 01/10/2024, after the adoption order ended their care on 01/09/2024 (data/903/2024-25/episodes.csv:5, REC E11)",
		"data/903/2024-25/ad1.csv:3:3: DATE_MATCH: child B5 has a match (DATE_MATCH 01/06/2024) but was never placed for adoption",
		"data/children.csv:2:1: child_id: child B6 has 2 periods of care with an adoption plan in the 903 (entering care 01/04/2024 and 01/06/2024): add an entered_care column",
		"data/children.csv:3:1: child_id: child B7 is in no period of care with an adoption plan in the 903 returns read",
		"data/children.csv:4:1: child_id: child B9 is in no period of care with an adoption plan in the 903 returns read",
	}
	got := errorsOf(t, fsys)
	for _, w := range want {
		found := false
		for _, g := range got {
			if strings.HasPrefix(g, w) {
				found = true
			}
		}
		if !found {
			t.Errorf("no error starting\n  %s\nin\n  %s", w, strings.Join(got, "\n  "))
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d errors, want %d:\n  %s", len(got), len(want), strings.Join(got, "\n  "))
	}
}

// A derived row that breaks a rule of children.csv is reported at the
// 903 cells its dates came from, with the child named.
func TestDerivedRowChecks(t *testing.T) {
	fsys := project("D1,1,01/06/2024,WBRI\n",
		"D1,01/05/2024,S,C2,U3,PR1,01/07/2024,X1\n"+
			"D1,01/07/2024,P,E1,A6,PR1,,\n",
		"", "D1,10/05/2024,,\n", "child_id,entered_care,matched\nD1,01/05/2024,01/08/2024\nD1,01/05/2024,\nD1,02/05/2024,\n")
	d, probs := Load(fsys, oneYear)
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	want := []string{
		"data/children.csv:3:1: child_id: child D1's period of care entering 01/05/2024 is also on row 2: one row per period; merge them",
		"data/children.csv:4:2: entered_care: child D1 entered care on 01/05/2024 in the 903, not on 02/05/2024: give the DECOM of the episode that started the period (RNE S)",
		"data/children.csv: disabled: column is missing, and the 903 does not hold disabled: the breakdowns by disability count every child as not disabled. Add the column (see docs/data.md)",
		"data/children.csv: sibling_group: column is missing, and the 903 does not hold sibling_group: the breakdowns by sibling group count every child as placed alone. Add the column (see docs/data.md)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// What dataset.Load would say of the derived row, moved to its cells.
	ds := d.Remap(problem.List{
		{File: DerivedName, Line: 2, Col: 3, Field: "date_of_birth", Message: "01/06/2024 is after entered_care (01/05/2024, at " + DerivedName + ":2:8)"},
		{File: DerivedName, Line: 2, Col: 11, Field: "matched", Message: "x"},
		{File: DerivedName, Line: 0, Field: "", Message: "set aside 1 date"},
	})
	wantDS := []string{
		"data/903/2024-25/header.csv:2:3: DOB (date_of_birth): child D1: 01/06/2024 is after entered_care (01/05/2024, at data/903/2024-25/episodes.csv:2:2)",
		"data/children.csv:2:3: matched: child D1: x",
		"config.toml: data.ssda903: set aside 1 date",
	}
	if len(ds) != len(wantDS) {
		t.Fatalf("remapped %d problems, want %d:\n%s", len(ds), len(wantDS), ds)
	}
	for i, p := range ds {
		if p.String() != wantDS[i] {
			t.Errorf("remapped\n%s\nwant\n%s", p, wantDS[i])
		}
	}
}

// Without a children.csv beside the 903, the build runs and names, once
// each, the figures resting on what nobody supplied.
func TestNoTracker(t *testing.T) {
	fsys := project("N1,1,01/01/2024,WBRI\nN2,2,01/01/2024,WBRI\n",
		"N1,01/05/2024,S,C2,U3,PR1,,\nN2,01/05/2024,S,C2,U3,PR1,,\n", "", "N1,10/05/2024,,\nN2,10/05/2024,,\n", "")
	d, probs := Load(fsys, oneYear)
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	want := []string{
		"config.toml: data.ssda903: the 903 does not hold disabled, and there is no data/children.csv beside it to give it: the breakdowns by disability count every child as not disabled. Add a data/children.csv with child_id and disabled columns (see docs/data.md)",
		"config.toml: data.ssda903: the 903 does not hold sibling_group, and there is no data/children.csv beside it to give it: the breakdowns by sibling group count every child as placed alone. Add a data/children.csv with child_id and sibling_group columns (see docs/data.md)",
		"config.toml: data.ssda903: the 903 does not hold matched, and there is no data/children.csv beside it to give it: matches (the matched count and the time-to-match figures) count only children already adopted: the 903 records a match in AD1, when the child is adopted. Add a data/children.csv with child_id and matched columns (see docs/data.md)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(d.Rows) != 2 {
		t.Errorf("%d rows, want 2", len(d.Rows))
	}
}

// A missing column of the return is one error, at the header, not one
// on every row.
func TestMissingColumn(t *testing.T) {
	fsys := project("M1,1,01/01/2024,WBRI\n", "", "", "", "")
	fsys["data/903/2024-25/episodes.csv"].Data = []byte("CHILD,DECOM,RNE,LS,PLACE,DEC,REC\nM1,01/05/2024,S,C2,U3,,\nM1,01/06/2024,P,C2,A4,,\n")
	got := errorsOf(t, fsys)
	want := "data/903/2024-25/episodes.csv:1: PLACE_PROVIDER: required column of the 903 return is missing: export the table with its column PLACE_PROVIDER"
	if len(got) != 1 || got[0] != want {
		t.Errorf("errors\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

// AD1's DATE_INT should agree with the decision's DATE_PLACED: if not,
// the decision's date is used, with a warning at DATE_INT.
func TestDateIntDisagrees(t *testing.T) {
	fsys := project("W1,1,01/01/2024,WBRI\n",
		"W1,01/04/2024,S,C2,U3,PR1,01/06/2024,X1\nW1,01/06/2024,P,C2,A4,PR1,01/09/2024,E11\n",
		"W1,02/05/2024,15/05/2024,0\n", "W1,01/05/2024,,\n", "child_id,disabled,sibling_group,matched\nW1,no,,\n")
	d, probs := Load(fsys, oneYear)
	want := "data/903/2024-25/ad1.csv:2:2: DATE_INT: child W1's DATE_INT 02/05/2024 is not the DATE_PLACED of their decision (01/05/2024, at data/903/2024-25/placed_for_adoption.csv:2), as the return expects: should_be_placed is the decision's; correct whichever is wrong"
	if len(probs) != 1 || probs[0].String() != want {
		t.Errorf("problems\n%s\nwant\n%s", probs, want)
	}
	if got := d.Rows[0].Values["should_be_placed"]; got != "01/05/2024" {
		t.Errorf("should_be_placed %s, want 01/05/2024", got)
	}
}

// A table exported as a workbook is named, with what to save it as.
func TestWorkbookTable(t *testing.T) {
	fsys := project("", "", "", "", "")
	delete(fsys, "data/903/2024-25/episodes.csv")
	fsys["data/903/2024-25/Episodes.xlsx"] = &fstest.MapFile{Data: []byte("PK\x03\x04")}
	got := errorsOf(t, fsys)
	want := `data/903/2024-25/Episodes.xlsx: is a workbook: the 903 tables are read as CSV. Open it in Excel and use File > Save As > "CSV UTF-8 (Comma delimited)", named episodes.csv, in the same folder`
	if len(got) != 1 || got[0] != want {
		t.Errorf("errors\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

// The partial children file beside the 903 may be a workbook's sheet, as
// any table of the project may: its cells fill the rows, and problems
// name FILE[SHEET].
func TestTrackerWorkbook(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Notes")
	f.NewSheet("Children")
	for ref, v := range map[string]any{"A1": "child_id", "B1": "disabled", "C1": "matched", "D1": "sibling_group",
		"A2": "X1", "B2": "yes", "C2": time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC), "A3": "NOBODY"} {
		if err := f.SetCellValue("Children", ref, v); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	fsys := project("X1,1,01/01/2024,WBRI\n", "X1,01/05/2024,S,C2,U3,PR1,,\n", "", "X1,10/05/2024,,\n", "")
	fsys["data/tracker.xlsx"] = &fstest.MapFile{Data: buf.Bytes()}
	s := oneYear
	s.Tracker = "data/tracker.xlsx[Children]"
	d, probs := Load(fsys, s)
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	want := []string{"data/tracker.xlsx[Children]:3:A: child_id: child NOBODY is in no period of care with an adoption plan in the 903 returns read: check the ID (the 903's CHILD), add the year's return, or delete the row"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if v, at := d.Rows[0].Values["matched"], d.Rows[0].From["matched"]; v != "20/06/2024" || at != (Loc{"data/tracker.xlsx[Children]", 2, 3, "matched"}) {
		t.Errorf("matched %q from %+v", v, at)
	}
}

// A 903 error for one child leaves the checks of every other child's
// row in place: all problems at once.
func TestOtherChildrenStillChecked(t *testing.T) {
	fsys := project("O1,1,01/01/2024,WBRI\nO2,1,01/06/2024,WBRI\n",
		"O1,01/05/2024,S,C2,U3,PR1,01/07/2024,X1\nO1,01/06/2024,P,E1,A6,PR1,,\n"+
			"O2,01/05/2024,S,C2,U3,PR1,,\n",
		"", "O1,10/05/2024,,\nO2,10/05/2024,,\n", "child_id,disabled,sibling_group,matched\n")
	d, probs := Load(fsys, oneYear)
	if len(probs) != 1 || !strings.HasPrefix(probs[0].String(), "data/903/2024-25/episodes.csv:3:2: DECOM: child O1's episode starting 01/06/2024 overlaps") {
		t.Fatalf("problems:\n%s", probs)
	}
	// What dataset.Load says of both derived rows: O1's repeats the
	// overlap's consequences and is dropped; O2's is kept.
	rows := map[string]int{}
	for i, r := range d.Rows {
		rows[r.ChildID] = i + 2
	}
	got := d.Remap(problem.List{
		{File: DerivedName, Line: rows["O1"], Col: 12, Field: "placed_for_adoption", Message: "o1"},
		{File: DerivedName, Line: rows["O2"], Col: 4, Field: "date_of_birth", Message: "o2"},
	})
	if len(got) != 1 || got[0].String() != "data/903/2024-25/header.csv:3:3: DOB (date_of_birth): child O2: o2" {
		t.Errorf("remapped %v", got)
	}
}

// Folders listed newest first are one mistake, reported once: the years
// are still read in order, so no episode is reported as overlapping the
// copy of itself that the wrong order would have let win.
func TestFoldersOutOfOrder(t *testing.T) {
	s := fixtureSettings
	s.Folders = slices.Clone(s.Folders)
	slices.Reverse(s.Folders)
	d, probs := Load(os.DirFS("testdata/fixture"), s)
	if e, _ := probs.Count(); e != 1 || !strings.Contains(probs.Error(), "list the 903 folders oldest year first") {
		t.Errorf("want one error, on the folders' order:\n%s", probs.Error())
	}
	want, _ := Load(os.DirFS("testdata/fixture"), fixtureSettings)
	if string(d.CSV) != string(want.CSV) {
		t.Errorf("the rows differ from those of the folders in order:\n%s\nwant\n%s", d.CSV, want.CSV)
	}
}

// A period with no start is reported once, at its first episode: the
// tracker row naming the child is not also reported as in no period.
func TestNoStartReportedOnce(t *testing.T) {
	fsys := project("N1,1,01/01/2023,WBRI\n",
		"N1,01/05/2024,P,C2,U3,PR1,,\n", "", "N1,01/06/2024,01/07/2024,\n",
		"child_id,disabled\nN1,no\n")
	got := errorsOf(t, fsys)
	if len(got) != 1 || !strings.Contains(got[0], "has no start") {
		t.Errorf("want one error, on the missing start:\n%s", strings.Join(got, "\n"))
	}
}

// A date worked out from the 903 comes from a date cell: a problem with
// it (the order rules of children.csv, say) points at the cell whose
// date it quotes, not at the code (LS, PLACE, REC) that chose the
// episode.
func TestDatesFromDateCells(t *testing.T) {
	fsys := project("P1,1,01/01/2024,WBRI\nP2,2,01/01/2024,WBRI\n",
		// P1: placement order (LS E1) on 01/08/2024, after the match of
		// 15/07/2024; placed (A4) that day; the placement ends 01/10/2024.
		"P1,01/04/2024,S,C2,U3,PR1,01/08/2024,X1\n"+ // 2
			"P1,01/08/2024,P,E1,A4,PR1,01/10/2024,X1\n"+ // 3
			"P1,01/10/2024,P,E1,U3,PR1,,\n"+ // 4
			// P2: care ends from the adoptive placement (E13) on 01/09/2024.
			"P2,01/04/2024,S,E1,U3,PR1,01/05/2024,X1\n"+ // 5
			"P2,01/05/2024,P,E1,A4,PR1,01/09/2024,E13\n", // 6
		"P1,01/05/2024,15/07/2024,0\n", "P1,01/05/2024,,\nP2,10/04/2024,,\n", "child_id,disabled,sibling_group,matched\n")
	d, probs := Load(fsys, oneYear)
	if probs.HasErrors() {
		t.Fatalf("problems:\n%s", probs)
	}
	ep := "data/903/2024-25/episodes.csv"
	for _, tt := range []struct {
		child, col, value string
		from              Loc
	}{
		{"P1", "placement_order", "01/08/2024", Loc{ep, 3, 2, "DECOM"}},
		{"P1", "disrupted", "01/10/2024", Loc{ep, 4, 2, "DECOM"}},
		{"P2", "placement_order", "01/04/2024", Loc{ep, 5, 2, "DECOM"}},
		{"P2", "disrupted", "01/09/2024", Loc{ep, 6, 7, "DEC"}},
	} {
		i := slices.IndexFunc(d.Rows, func(r Row) bool { return r.ChildID == tt.child })
		if v, at := d.Rows[i].Values[tt.col], d.Rows[i].From[tt.col]; v != tt.value || at != tt.from {
			t.Errorf("%s %s: %s from %+v, want %s from %+v", tt.child, tt.col, v, at, tt.value, tt.from)
		}
	}
	files := config.Default().Data
	files.Children = DerivedName
	for _, f := range []string{"adopters.csv", "budget.csv"} {
		fsys["data/"+f] = &fstest.MapFile{Data: []byte("x\n")}
	}
	_, dsProbs := dataset.Load(d.FS(fsys), files, period.Year(2024))
	want := ep + ":3:2: DECOM (placement_order): child P1: 01/08/2024 is after matched (15/07/2024, at data/903/2024-25/ad1.csv:2:3): A2 counts this child as 0 days; check both dates"
	var got []string
	for _, p := range d.Remap(dsProbs) {
		if strings.Contains(p.Message, "is after matched") {
			got = append(got, p.String())
		}
	}
	if len(got) != 1 || got[0] != want {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}
