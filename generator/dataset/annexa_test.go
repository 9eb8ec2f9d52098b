package dataset

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

// cellsOf lays out rows of values from column A of row first on; a nil
// value leaves its cell empty, a time.Time is a date cell.
func cellsOf(first int, rows ...[]any) []xcell {
	var cs []xcell
	for k, r := range rows {
		cs = append(cs, row(first+k, r...)...)
	}
	return cs
}

func dt(s string) any {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

func pd(s string) period.Date {
	if s == "" {
		return 0
	}
	d, err := parseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// annexWorkbook is a hand-made Annex A: a cover sheet; List 1; List 10
// under a title row, as Ofsted's template lays it out; and List 11; the
// sheets' names do not say which list they hold, so each is found by its
// header row.
func annexWorkbook(t *testing.T) []byte {
	list10 := append(row(1, "List 10: Adoption"), cellsOf(3,
		[]any{"Child Unique ID", "Family identifier", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", // A-F
			"Does the Child have a Disability", "Date the Child Entered Care", // G-H
			"Date of Decision that Child Should be Placed for Adoption", "Date of Placement Order", // I-J
			"Date of Matching Child and Prospective Adopters", "Date Placed for Adoption", "Date of Adoption Order", // K-M
			"Date of Decision that Child Should No Longer be Placed for Adoption", "Reason Why Child No Longer Placed for Adoption", // N-O
			"Date the child was placed for fostering in FostingForAdoption or concurrent planning placement"}, // P
		// Row 4: adopted.
		[]any{"C1", "F1", "a) Male", "a) WBRI", dt("2019-05-02"), 5, "b) No", dt("2020-01-31"),
			dt("2020-06-01"), dt("2020-09-01"), dt("2021-01-04"), dt("2021-01-20"), dt("2021-09-30")},
		// Rows 5 and 6: C2's two periods of care, the first decision
		// reversed, the second an FFA placement.
		[]any{"C2", "F2", "b) Female", "t) NOBT", dt("2018-02-28"), 6, "b) No", dt("2019-03-01"),
			dt("2019-06-01"), nil, nil, nil, nil, dt("2019-12-01"), "RD1 - The child's needs changed subsequent to the decision"},
		[]any{"C2", "F2", "b) Female", "t) NOBT", dt("2018-02-28"), 6, "b) No", dt("2021-02-01"),
			dt("2021-05-01"), dt("2021-06-01"), dt("2021-08-01"), dt("2021-09-01"), nil, nil, nil, dt("2021-05-15")},
		// Row 7: an impossible date typed as text.
		[]any{"C3", "F3", "a) Male", "a) WBRI", dt("2020-01-01"), 4, "a) Yes", dt("2021-01-01"),
			dt("2021-06-01"), nil, nil, "31/02/2022"},
	)...)
	list11 := cellsOf(1,
		[]any{"Individual adopter identifier", "Family identifier", "Gender", "Ethnicity", "Date of Birth", "Age", "Disability", // A-G
			"Is the (prospective) adopter fostering for adoption?", "Date enquiry received", "Date Stage 1 started", // H-J
			"Date Stage 1 ended", "Date Stage 2 started", "Date Stage 2 ended", "Date application submitted", // K-N
			"Date application approved", "Date adopter matched with child(ren)", "Date child/children placed with adopter(s)", // O-Q
			"No. of children placed", "Date of Adoption Order", "Date of leaving adoption process", "Reason for leaving adoption process"}, // R-U
		// Rows 2 and 3: one family of two adopters.
		[]any{"A1", "FAM1", "a) Male", "a) WBRI", nil, 40, "b) No", "b) No", dt("2023-04-10"), dt("2023-05-01"),
			dt("2023-06-20"), dt("2023-06-25"), nil, nil, dt("2023-10-20"), dt("2024-01-15"), dt("2024-02-01")},
		[]any{"A2", "FAM1", "b) Female", "c) WIRT", nil, 38, "b) No", "a) Yes", dt("2023-04-03"), dt("2023-05-01"),
			dt("2023-06-22"), dt("2023-06-25"), nil, nil, dt("2023-10-20"), dt("2024-01-15"), dt("2024-02-01")},
		// Row 4: a single adopter who left the process.
		[]any{"A3", "FAM2", "b) Female", "a) WBRI", nil, 35, "b) No", "b) No", dt("2023-07-01"), dt("2023-08-01"),
			nil, nil, nil, nil, nil, nil, nil, nil, nil, dt("2023-09-01"), "b) Personal circumstances"},
		// Row 5: an enquiry only, registered by adopters.csv.
		[]any{"A4", "FAM3", "a) Male", "a) WBRI", nil, 30, "b) No", "b) No", dt("2024-01-05")},
		// Rows 6 and 7: one of a couple left; the family did not.
		[]any{"A5", "FAM4", "a) Male", "d) WOTH", nil, 45, "b) No", "b) No", dt("2023-05-01"), dt("2023-06-01"),
			nil, nil, nil, nil, nil, nil, nil, nil, nil, dt("2023-07-01"), "a) Relationship ended"},
		[]any{"A6", "FAM4", "b) Female", "a) WBRI", nil, 44, "b) No", "b) No", dt("2023-05-02"), dt("2023-06-01")},
		// Row 8: an enquiry only, never registered.
		[]any{"A7", "FAM5", "a) Male", "a) WBRI", nil, 50, "b) No", "b) No", dt("2024-02-01")},
		// Row 9: no family identifier: a family of one, by the adopter's own.
		[]any{"A8", nil, "a) Male", "a) WBRI", nil, 50, "b) No", "b) No", dt("2024-02-01"), dt("2024-02-10")},
	)
	// List 1 (contacts) has a Child Unique ID too, and comes first.
	list1 := cellsOf(1, []any{"Child Unique ID", "Gender", "Date of Contact"}, []any{"X1", "a) Male", dt("2024-01-01")})
	return workbookOf(t, xsheet{"Cover", row(1, "Annex A for Ofsted")}, xsheet{"Contacts", list1}, xsheet{"Adoption", list10}, xsheet{"Adopters", list11})
}

// A hand-worked Annex A, filled by partial children.csv and adopters.csv,
// gives these records and problems.
func TestAnnexA(t *testing.T) {
	fsys := fstest.MapFS{
		"data/annex_a.xlsx": {Data: annexWorkbook(t)},
		"data/children.csv": {Data: []byte("child_id,entered_care,interagency,sibling_group,disabled\n" +
			"C1,,yes,,\n" + // row 2: C1 has one period: no entered_care needed
			"C2,2021-02-01,,SG1,yes\n" + // row 3: C2's second period; disabled overrides List 10's No
			"C2,,no,,\n" + // row 4: which of C2's periods?
			"C9,,yes,,\n")}, // row 5: not in List 10
		"data/adopters.csv": {Data: []byte("household_id,registration_of_interest,fast_track,ethnicity\n" +
			"FAM1,2023-04-20,no,WIRI\n" + // fills in for the stand-in, 2023-05-01; overrides WBRI
			"FAM3,2024-01-20,,\n")},
		"data/budget.csv": {Data: []byte("year,line,budget,actual\n2024-25,Fees,1,1\n")},
	}
	files := config.DataFiles{Children: "data/children.csv", Adopters: "data/adopters.csv", Budget: "data/budget.csv", AnnexA: "data/annex_a.xlsx"}
	ds, probs := Load(fsys, files, reportYear, Today(testToday))
	l10, l11 := "data/annex_a.xlsx[Adoption]", "data/annex_a.xlsx[Adopters]"
	want := []string{
		`E ` + l10 + `:7:L: placed_for_adoption: "31/02/2022" is not a date`,
		`E ` + l11 + `:9:B: household_id: `, // placeholder, replaced below
		`E data/children.csv:4:1: child_id: C2 has 2 rows in Annex A List 10 (children with an adoption decision) (rows 5 and 6): give entered_care on this row to say which period of care it fills`,
		`E data/children.csv:5:1: child_id: C9 is not in Annex A List 10 (children with an adoption decision) (` + l10 + `), so this row fills nothing`,
		`W data/adopters.csv: 1 value overrides the one given in Annex A List 11 (adopters): this file's value was used`,
		`W data/annex_a.xlsx[Adopters]: 1 family has no Date Stage 1 started`,
		`W data/annex_a.xlsx[Adoption]: adopted_by_foster_carer: Annex A List 10 (children with an adoption decision) has no such column and children.csv does not give it, so A10 counts a child adopted by their foster carer like any other`,
		`W data/children.csv: 1 value overrides the one given in Annex A List 10`,
	}
	// Row 9 has no family identifier: it is a family of one, by A8, and
	// is read without a problem.
	want = append(want[:1], want[2:]...)
	if d := matchProblems(probs, want); d != "" {
		t.Error(d)
	}

	if len(ds.Children) != 4 {
		t.Fatalf("%d children, want 4: %+v", len(ds.Children), ds.Children)
	}
	wantKids := []Child{
		{Row: 4, ChildID: "C1", Sex: "male", DateOfBirth: pd("2019-05-02"), Ethnicity: "WBRI", EthnicityGroup: "White",
			EnteredCare: pd("2020-01-31"), ShouldBePlaced: pd("2020-06-01"), PlacementOrder: pd("2020-09-01"), Matched: pd("2021-01-04"),
			PlacedForAdoption: pd("2021-01-20"), MovedInWithAdopters: pd("2021-01-20"), EarlyPermanence: "none", Interagency: true, AdoptionOrder: pd("2021-09-30")},
		{Row: 5, ChildID: "C2", Sex: "female", DateOfBirth: pd("2018-02-28"), Ethnicity: "NOBT", EthnicityGroup: "Not known",
			EnteredCare: pd("2019-03-01"), ShouldBePlaced: pd("2019-06-01"), EarlyPermanence: "none", DecisionReversed: pd("2019-12-01"), ReversalReason: "RD1"},
		{Row: 6, ChildID: "C2", Sex: "female", DateOfBirth: pd("2018-02-28"), Ethnicity: "NOBT", EthnicityGroup: "Not known", Disabled: true, SiblingGroup: "SG1",
			EnteredCare: pd("2021-02-01"), ShouldBePlaced: pd("2021-05-01"), PlacementOrder: pd("2021-06-01"), Matched: pd("2021-08-01"),
			PlacedForAdoption: pd("2021-09-01"), MovedInWithAdopters: pd("2021-05-15"), EarlyPermanence: "ffa"},
		{Row: 7, ChildID: "C3", Sex: "male", DateOfBirth: pd("2020-01-01"), Ethnicity: "WBRI", EthnicityGroup: "White", Disabled: true,
			EnteredCare: pd("2021-01-01"), ShouldBePlaced: pd("2021-06-01"), EarlyPermanence: "none"},
	}
	for i, w := range wantKids {
		if got := ds.Children[i]; got != w {
			t.Errorf("child %d:\n got %+v\nwant %+v", i, got, w)
		}
	}

	wantHH := []Adopter{
		// FAM1: each date the earliest of the two adopters'; registration
		// and ethnicity (the first adopter's, WBRI) from adopters.csv; FFA
		// as either.
		{Row: 2, HouseholdID: "FAM1", Enquiry: pd("2023-04-03"), RegistrationOfInterest: pd("2023-04-20"), Stage1Started: pd("2023-05-01"),
			Stage1Completed: pd("2023-06-20"), Stage2Started: pd("2023-06-25"), Approved: pd("2023-10-20"), Matched: pd("2024-01-15"),
			Placed: pd("2024-02-01"), EarlyPermanenceApproved: true, Ethnicity: "WIRI", EthnicityGroup: "White"},
		// FAM2: Stage 1 started stands in for registration; withdrew.
		{Row: 4, HouseholdID: "FAM2", Enquiry: pd("2023-07-01"), RegistrationOfInterest: pd("2023-08-01"), Stage1Started: pd("2023-08-01"),
			Withdrawn: pd("2023-09-01"), WithdrawnReason: "Personal circumstances", Ethnicity: "WBRI", EthnicityGroup: "White"},
		// FAM3: registered by adopters.csv alone.
		{Row: 5, HouseholdID: "FAM3", Enquiry: pd("2024-01-05"), RegistrationOfInterest: pd("2024-01-20"), Ethnicity: "WBRI", EthnicityGroup: "White"},
		// FAM4: one adopter left, the other did not: not withdrawn.
		{Row: 6, HouseholdID: "FAM4", Enquiry: pd("2023-05-01"), RegistrationOfInterest: pd("2023-06-01"), Stage1Started: pd("2023-06-01"),
			Ethnicity: "WOTH", EthnicityGroup: "White"},
		// FAM5 (row 8) has not registered and is left out. A8 is a family of one.
		{Row: 9, HouseholdID: "A8", Enquiry: pd("2024-02-01"), RegistrationOfInterest: pd("2024-02-10"), Stage1Started: pd("2024-02-10"),
			Ethnicity: "WBRI", EthnicityGroup: "White"},
	}
	if len(ds.Adopters) != len(wantHH) {
		t.Fatalf("%d households, want %d: %+v", len(ds.Adopters), len(wantHH), ds.Adopters)
	}
	for i, w := range wantHH {
		if got := ds.Adopters[i]; got != w {
			t.Errorf("household %d:\n got %+v\nwant %+v", i, got, w)
		}
	}
}

// Without children.csv and adopters.csv the lists are read alone, and
// each column nobody gave is named once with the figures resting on it.
func TestAnnexAAlone(t *testing.T) {
	fsys := fstest.MapFS{
		"data/annex_a.xlsx": {Data: annexWorkbook(t)},
		"data/budget.csv":   {Data: []byte("year,line,budget,actual\n2024-25,Fees,1,1\n")},
	}
	files := config.DataFiles{Children: "data/children.csv", Adopters: "data/adopters.csv", Budget: "data/budget.csv", AnnexA: "data/annex_a.xlsx"}
	ds, probs := Load(fsys, files, reportYear, Today(testToday))
	var warned []string
	for _, p := range probs {
		if p.Field != "" && p.Line == 0 {
			warned = append(warned, p.Field)
		}
	}
	if got := strings.Join(warned, " "); got != "registration_of_interest fast_track adopted_by_foster_carer interagency sibling_group" {
		t.Errorf("columns named as missing: %s\n%s", got, strings.Join(strs(probs), "\n"))
	}
	if len(ds.Children) != 4 || len(ds.Adopters) != 4 {
		t.Errorf("%d children and %d households, want 4 and 4 (FAM3 and FAM5 unregistered)", len(ds.Children), len(ds.Adopters))
	}
	// The report itself says that stage 1 stands in for registration.
	if len(ds.Notes) != 1 || !strings.Contains(ds.Notes[0], "count from the day the family started stage 1") {
		t.Errorf("notes on the figures: %q", ds.Notes)
	}
}

// Annex A problems of its own: a list's sheet without its header, a
// workbook with neither list, and a file that is not a workbook.
func TestAnnexAProblems(t *testing.T) {
	budget := []byte("year,line,budget,actual\n2024-25,Fees,1,1\n")
	files := config.DataFiles{Children: "data/children.csv", Adopters: "data/adopters.csv", Budget: "data/budget.csv", AnnexA: "data/a.xlsx"}
	for _, tt := range []struct {
		name string
		data []byte
		want []string
	}{
		{"a List 10 sheet without the header", workbookOf(t, xsheet{"List 10", row(1, "Child ID", "Sex")}), []string{
			`E data/a.xlsx: has neither Annex A List 10 (children with an adoption decision) nor Annex A List 11 (adopters)`,
			`E data/a.xlsx[List 10]: has no header row with the heading "Child Unique ID" or "Date of Decision that Child Should be Placed for Adoption", so it cannot be read as Annex A List 10`,
		}},
		{"a list lacking a required heading", workbookOf(t, xsheet{"List 10", row(1, "Child Unique ID", "Gender", "Date of Birth", "Date the Child Entered Care", "Date of Placement Order", "Gender", "Colour")}), []string{
			`E data/a.xlsx[List 10]:1: Annex A List 10 (children with an adoption decision) needs a column headed "Date of Decision that Child Should be Placed for Adoption", which this sheet lacks`,
			`E data/a.xlsx[List 10]:1:F: column "Gender" appears twice (first as column B): delete one of them`,
			`E data/adopters.csv: file not found`,
			`W data/a.xlsx[List 10]: adopted_by_foster_carer: `,
			`W data/a.xlsx[List 10]: interagency: `,
			`W data/a.xlsx[List 10]: sibling_group: `,
			`W data/a.xlsx[List 10]:1: ethnicity: column is missing`,
			`W data/a.xlsx[List 10]:1:G: column "Colour" is not one of Annex A List 10 (children with an adoption decision)'s, ignored`,
		}},
		{"a bad date of one adopter of two: reported, though the family did not leave", workbookOf(t, xsheet{"List 11", cellsOf(1,
			[]any{"Family identifier", "Date enquiry received", "Date Stage 1 started", "Date of leaving adoption process"},
			[]any{"FAM1", dt("2023-01-01"), dt("2023-02-01"), "soon"},
			[]any{"FAM1", dt("2023-01-01"), dt("2023-02-01")},
		)}), []string{
			`E data/a.xlsx[List 11]:2:D: withdrawn: "soon" is not a date`,
			`E data/children.csv: file not found`,
			`W data/a.xlsx[List 11]: registration_of_interest: List 11 has no registration of interest`,
			`W data/a.xlsx[List 11]: fast_track: `,
		}},
		{"not a workbook", []byte("child_id\nC1\n"), []string{`E data/a.xlsx: is not an Excel workbook: annex_a is the Annex A workbook as you gave it to Ofsted (.xlsx)`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"data/a.xlsx": {Data: tt.data}, "data/budget.csv": {Data: budget}}
			_, probs := Load(fsys, files, reportYear, Today(testToday))
			if d := matchProblems(probs, tt.want); d != "" {
				t.Error(d)
			}
		})
	}
}

// With the children from elsewhere (the 903), List 10 is not read and
// children.csv is read in full; List 11 still gives the households.
func TestAnnexAChildrenElsewhere(t *testing.T) {
	fsys := project(t, "clean")
	fsys["data/annex_a.xlsx"] = &fstest.MapFile{Data: annexWorkbook(t)}
	delete(fsys, "data/adopters.csv")
	files := defaultFiles
	files.AnnexA = "data/annex_a.xlsx"
	clean, _ := Load(project(t, "clean"), defaultFiles, reportYear, Today(testToday))
	ds, probs := Load(fsys, files, reportYear, Today(testToday), ChildrenElsewhere())
	if probs.HasErrors() {
		t.Fatalf("problems:\n%s", strings.Join(strs(probs), "\n"))
	}
	if !strings.Contains(probs.Error(), "data/annex_a.xlsx[Adoption]: is not read: with [data] ssda903 the children come from the 903 returns") {
		t.Errorf("no warning that List 10 is not read:\n%s", probs.Error())
	}
	if len(ds.Children) != len(clean.Children) || ds.Children[0] != clean.Children[0] {
		t.Errorf("children not read from children.csv: %d rows, want %d", len(ds.Children), len(clean.Children))
	}
	if len(ds.Adopters) != 4 || ds.Adopters[0].HouseholdID != "FAM1" {
		t.Errorf("households not read from List 11: %+v", ds.Adopters)
	}
}
