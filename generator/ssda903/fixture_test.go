package ssda903

import (
	"os"
	"strings"
	"testing"
)

var fixtureSettings = Settings{
	Folders:      []string{"data/903/2023-24", "data/903/2024-25"},
	Tracker:      "data/children.csv",
	OwnProviders: []string{"PR1"},
}

// TestFixture derives the rows of testdata/fixture by hand: each child
// exercises rules of docs/data.md, named beside its expected row.
func TestFixture(t *testing.T) {
	d, probs := Load(os.DirFS("testdata/fixture"), fixtureSettings)
	if probs.HasErrors() {
		t.Fatalf("problems:\n%v", probs)
	}
	want := []map[string]string{
		// C1, first period: a decision reversed (RD1); the period ends
		// with E13, so C1's next S episode starts a second period.
		{"child_id": "C1", "sex": "male", "date_of_birth": "01/03/2021", "ethnicity": "WBRI", "entered_care": "10/04/2023",
			"should_be_placed": "20/05/2023", "placement_order": "01/06/2023", "decision_reversed": "01/09/2023", "reversal_reason": "RD1",
			"early_permanence": "none"},
		// C1, second period: the A6 episode is open in 2023-24's return
		// and ends in 2024-25's with E11 (the later copy wins); provider
		// PR3 is not the council's own: interagency. The tracker row
		// names the period by entered_care and gives disabled.
		{"child_id": "C1", "sex": "male", "date_of_birth": "01/03/2021", "ethnicity": "WBRI", "disabled": "yes", "entered_care": "01/11/2023",
			"should_be_placed": "01/12/2023", "placement_order": "05/01/2024", "matched": "15/02/2024", "placed_for_adoption": "02/03/2024",
			"moved_in_with_adopters": "02/03/2024", "adopted_by_foster_carer": "no", "early_permanence": "none", "interagency": "yes",
			"adoption_order": "20/12/2024"},
		// C2: adopted by the foster carer (A5): walked back through the
		// U, T and L episodes to the P episode where the carer changed.
		{"child_id": "C2", "sex": "female", "date_of_birth": "05/02/2023", "ethnicity": "MWBC", "entered_care": "15/04/2023",
			"should_be_placed": "05/08/2023", "placement_order": "01/09/2023", "matched": "10/01/2024", "placed_for_adoption": "01/02/2024",
			"moved_in_with_adopters": "10/06/2023", "adopted_by_foster_carer": "yes", "early_permanence": "none", "interagency": "no",
			"adoption_order": "30/09/2024"},
		// C3: fostering for adoption (U5), then A5 with the same carers:
		// moved in on the day care started; matched from the tracker, as
		// the 903 has no AD1 before adoption.
		{"child_id": "C3", "sex": "male", "date_of_birth": "20/04/2023", "ethnicity": "WBRI", "entered_care": "01/05/2023",
			"should_be_placed": "01/08/2023", "placement_order": "01/10/2023", "matched": "2024-01-10", "placed_for_adoption": "15/01/2024",
			"moved_in_with_adopters": "01/05/2023", "early_permanence": "ffa", "interagency": "no"},
		// C4: consent placement (A4, LS V2: no placement order) with a
		// PR2 provider; the tracker overrides interagency; ETHNIC is
		// 2024-25's (BAFR), not 2023-24's (NOBT).
		{"child_id": "C4", "sex": "female", "date_of_birth": "10/05/2023", "ethnicity": "BAFR", "entered_care": "01/06/2023",
			"should_be_placed": "20/07/2023", "matched": "25/08/2023", "placed_for_adoption": "01/09/2023",
			"moved_in_with_adopters": "01/09/2023", "adopted_by_foster_carer": "no", "early_permanence": "none", "interagency": "no",
			"adoption_order": "15/06/2024"},
		// C5: disruption: the A6 placement is followed by U3.
		{"child_id": "C5", "sex": "male", "date_of_birth": "01/01/2022", "ethnicity": "WBRI", "disabled": "no", "sibling_group": "SG1",
			"entered_care": "01/04/2023", "should_be_placed": "15/06/2023", "placement_order": "01/07/2023", "matched": "20/10/2023",
			"placed_for_adoption": "01/11/2023", "moved_in_with_adopters": "01/11/2023", "early_permanence": "none", "interagency": "no",
			"disrupted": "01/02/2024"},
		// C6: decision reversed in 2024-25's copy of the decision (RD2).
		{"child_id": "C6", "sex": "female", "date_of_birth": "15/08/2023", "ethnicity": "AIND", "sibling_group": "SG1", "entered_care": "01/10/2023",
			"should_be_placed": "01/01/2024", "decision_reversed": "01/07/2024", "reversal_reason": "RD2", "early_permanence": "none"},
		// C7, in care since before the first return with no adoption
		// plan, is no row (and no problem).
		// C8: consent placement with the current foster carer (A3, LS
		// V2): moved in when care started, walked back through the T
		// episode; still placed, not adopted.
		{"child_id": "C8", "sex": "female", "date_of_birth": "01/06/2023", "ethnicity": "WIRT", "entered_care": "01/07/2023",
			"should_be_placed": "01/09/2023", "placed_for_adoption": "01/12/2023", "moved_in_with_adopters": "01/07/2023",
			"early_permanence": "none", "interagency": "no"},
	}
	if len(d.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(d.Rows), len(want))
	}
	for i, w := range want {
		got := d.Rows[i].Values
		for _, col := range d.columns {
			if got[col] != w[col] {
				t.Errorf("row %d (%s) %s = %q, want %q", i+1, w["child_id"], col, got[col], w[col])
			}
		}
	}
	if d.Overridden != 1 {
		t.Errorf("overridden %d, want 1 (C4's interagency; C2's matched agrees with AD1)", d.Overridden)
	}
	var warnings []string
	for _, p := range probs {
		warnings = append(warnings, p.String())
	}
	wantWarn := []string{
		"data/903/2023-24/episodes.csv: ignored what the report does not read from the 903 returns (data/903/2023-24/episodes.csv: LA_NOTE; data/903/2024-25/notes.txt)",
		"data/children.csv:1:7: notes: unknown column, ignored",
		"data/children.csv: overrode 1 value the 903 gave",
	}
	if len(warnings) != len(wantWarn) {
		t.Fatalf("problems:\n%s\nwant %d", strings.Join(warnings, "\n"), len(wantWarn))
	}
	for i, w := range wantWarn {
		if !strings.HasPrefix(warnings[i], w) {
			t.Errorf("warning %d = %q, want it to start %q", i, warnings[i], w)
		}
	}
}

// TestFixtureFrom checks a problem's place: each value knows its 903 cell.
func TestFixtureFrom(t *testing.T) {
	d, _ := Load(os.DirFS("testdata/fixture"), fixtureSettings)
	for _, tt := range []struct {
		row  int
		col  string
		want Loc
	}{
		{1, "adoption_order", Loc{"data/903/2024-25/episodes.csv", 2, 8, "DEC"}},
		{2, "moved_in_with_adopters", Loc{"data/903/2023-24/episodes.csv", 8, 2, "DECOM"}},
		{3, "matched", Loc{"data/children.csv", 3, 5, "matched"}},
		{4, "interagency", Loc{"data/children.csv", 6, 6, "interagency"}},
		{0, "entered_care", Loc{"data/903/2023-24/episodes.csv", 2, 2, "DECOM"}},
	} {
		if got := d.Rows[tt.row].From[tt.col]; got != tt.want {
			t.Errorf("row %d %s from %+v, want %+v", tt.row, tt.col, got, tt.want)
		}
	}
}
