package indicators

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
)

// TestAsAtYearEnd loads an export taken on 30 September 2025 for the
// 2024-25 report, with events from April onwards, and checks the figures
// are as at 31 March 2025: a later event counts as not yet happened.
//
// Child A: placement order 15/01/2024, matched 10/04/2025, placed
// 01/05/2025, adopted 01/09/2025: all after the year end, so at 31 March
// A is still waiting, with an order for days(2024-01-15, 2025-03-31) =
// 366 + 75 = 441 days (under 547: not waiting 18 months); 2024-25 has no
// match, placement or adoption of A. On the time-to-match curve A is
// followed to 31 March, 441 days, and censored: not matched.
//
// Child B: entered care 01/04/2022, order 10/01/2023, matched 01/03/2023
// (50 days: 21 + 28 + 1), placed 01/04/2023, adopted 01/06/2024: adopted
// in 2024-25 with A1 = days(2022-04-01, 2023-04-01) = 365.
//
// Household H1: approved 01/10/2024, matched 15/04/2025, placed
// 20/05/2025: waiting at 31 March for days(2024-10-01, 2025-03-31) = 181
// days (over 91). So waiting ÷ adopters waiting = 1 ÷ 1 = 1.00. Set
// aside: A's three dates and H1's two.
func TestAsAtYearEnd(t *testing.T) {
	const children = `child_id,sex,date_of_birth,ethnicity,entered_care,should_be_placed,placement_order,matched,placed_for_adoption,adoption_order
A,male,2022-06-01,WBRI,2023-01-01,2023-06-01,2024-01-15,2025-04-10,2025-05-01,2025-09-01
B,female,2021-05-01,WBRI,2022-04-01,2022-10-01,2023-01-10,2023-03-01,2023-04-01,2024-06-01
`
	const adopters = `household_id,registration_of_interest,stage1_started,stage1_completed,stage2_started,approved,matched,placed
H1,2024-03-01,2024-03-10,2024-05-01,2024-05-10,2024-10-01,2025-04-15,2025-05-20
`
	fsys := fstest.MapFS{
		"data/children.csv": {Data: []byte(children)},
		"data/adopters.csv": {Data: []byte(adopters)},
		"data/budget.csv":   {Data: []byte("year,line,budget,actual\n2024-25,Staff,100,100\n")},
	}
	cfg := testConfig()
	ds, probs := dataset.Load(fsys, cfg.Data, cfg.Year, dataset.Today(d("2025-09-30")))
	if probs.HasErrors() || len(probs) != 1 {
		t.Fatalf("want one warning, got:\n%s", probs)
	}
	if want := "set aside 5 dates after the end of the report year 2024-25 (3 in this file, 2 in data/adopters.csv)"; !strings.HasPrefix(probs[0].Message, want) {
		t.Errorf("warning %q", probs[0].Message)
	}
	checkFigures(t, ds, []figureCase{
		{"waiting", "2024-25", want{value: 1, base: 1}},
		{"waiting_with_order", "2024-25", want{value: 1, base: 1}},
		{"waiting_18_months", "2024-25", want{value: 0, base: 0}},
		{"matched", "2024-25", want{value: 0, base: 0}},
		{"placed", "2024-25", want{value: 0, base: 0}},
		{"adopted", "2024-25", want{value: 1, base: 1}},
		{"a1", "2024-25", want{value: 365, base: 1}},
		{"adopters_waiting", "2024-25", want{value: 1, base: 1}},
		{"adopters_waiting_over_3_months", "2024-25", want{value: 1, base: 1}},
		{"adopter_matches", "2024-25", want{value: 0, base: 0}},
		{"approvals", "2024-25", want{value: 1, base: 1}},
		{"sufficiency_ratio", "2024-25", want{value: 1, base: 1}},
	})
	s := Compute(ds, testConfig()).Survival
	if s.Children != 2 || s.Matched != 1 || s.Censored != 1 || len(s.Steps) != 2 ||
		s.Steps[0].Days != 50 || s.Steps[1].Days != 441 || s.Steps[1].Censored != 1 {
		t.Errorf("time to match: %d children, %d matched, %d censored, steps %+v; want 2, 1 (day 50), 1 (day 441)",
			s.Children, s.Matched, s.Censored, s.Steps)
	}
}
