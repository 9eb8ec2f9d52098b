package dataset

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/period"
)

// Each rule of docs/data.md is broken once in an otherwise valid one- or
// two-row file, and the test asserts the exact FILE:LINE:COL: column:
// start of every problem, errors marked E and warnings W.

const reportYear = period.Year(2024) // 2024-25: dates after 31/03/2025 are set aside

// testToday is the day the tests' files were exported: six months after
// the year end, as councils' exports are. Dates after it are errors.
var testToday = period.NewDate(2025, time.September, 30)

var testLimits = limits{year: reportYear, today: testToday}

var childHeader = []string{
	"child_id", "la", "sex", "date_of_birth", "ethnicity", "disabled", "sibling_group", // A-G
	"entered_care", "should_be_placed", "placement_order", "matched", "placed_for_adoption", // H-L
	"moved_in_with_adopters", "adopted_by_foster_carer", "early_permanence", "interagency", // M-P
	"adoption_order", "decision_reversed", "reversal_reason", "disrupted", // Q-T
}

// goodChild is in order: born, in care, decision, order, match,
// placement, adoption.
var goodChild = map[string]string{
	"child_id": "C1", "sex": "female", "date_of_birth": "2020-01-10", "ethnicity": "WBRI", "disabled": "no",
	"entered_care": "2021-01-01", "should_be_placed": "2021-06-01", "placement_order": "2021-08-01",
	"matched": "2021-10-01", "placed_for_adoption": "2021-11-01", "adopted_by_foster_carer": "no",
	"early_permanence": "none", "interagency": "no", "adoption_order": "2022-06-01",
}

type ruleCase struct {
	name string
	rows []map[string]string
	want []string
}

func TestChildRules(t *testing.T) {
	tests := []ruleCase{
		{"valid", []map[string]string{goodChild}, nil},
		{"bad date", []map[string]string{with(goodChild, "matched", "31/02/2022")},
			[]string{`E c.csv:2:11: matched: "31/02/2022" is not a date (write 2022-02-28 or 28/02/2022)`}},
		{"date_of_birth after entered_care", []map[string]string{with(goodChild, "date_of_birth", "2021-02-01")},
			[]string{"E c.csv:2:4: date_of_birth: 2021-02-01 is after entered_care (2021-01-01, at c.csv:2:8)"}},
		{"should_be_placed before entered_care", []map[string]string{with(goodChild, "should_be_placed", "01/12/2020")},
			[]string{"E c.csv:2:9: should_be_placed: 01/12/2020 is before entered_care (2021-01-01, at c.csv:2:8)"}},
		{"matched after placed_for_adoption", []map[string]string{with(goodChild, "matched", "2021-11-02")},
			[]string{"E c.csv:2:11: matched: 2021-11-02 is after placed_for_adoption (2021-11-01, at c.csv:2:12)"}},
		{"moved_in_with_adopters after placed_for_adoption", []map[string]string{with(goodChild, "moved_in_with_adopters", "2021-11-05")},
			[]string{"E c.csv:2:13: moved_in_with_adopters: 2021-11-05 is after placed_for_adoption (2021-11-01, at c.csv:2:12)"}},
		{"placed_for_adoption after adoption_order", []map[string]string{with(goodChild, "placed_for_adoption", "2022-07-01")},
			[]string{"E c.csv:2:12: placed_for_adoption: 2022-07-01 is after adoption_order (2022-06-01, at c.csv:2:17)"}},
		{"adoption_order without placed_for_adoption", []map[string]string{with(goodChild, "placed_for_adoption", "")},
			[]string{"E c.csv:2:12: placed_for_adoption: is blank, but the child has an adoption_order (2022-06-01)"}},
		{"date after the end of the report year: set aside, no error", []map[string]string{with(goodChild, "disrupted", "01/04/2025")}, nil},
		{"last day of the report year", []map[string]string{with(goodChild, "disrupted", "2025-03-31")}, nil},
		{"date after today", []map[string]string{with(goodChild, "disrupted", "01/10/2025")},
			[]string{"E c.csv:2:20: disrupted: 01/10/2025 is in the future (today is 30/09/2025): check the date"}},
		{"today", []map[string]string{with(goodChild, "disrupted", "30/09/2025")}, nil},
		// A10 counts from entered_care to moved_in_with_adopters for a
		// foster carer's adoption: 1 January back to 22 November is -40 days.
		{"moved_in_with_adopters before entered_care", []map[string]string{with(goodChild, "adopted_by_foster_carer", "yes", "moved_in_with_adopters", "2020-11-22")},
			[]string{"E c.csv:2:13: moved_in_with_adopters: 2020-11-22 is before entered_care (2021-01-01, at c.csv:2:8): A10 would count this child as -40 days; check both dates"}},
		// Any other child's A10 ends on placed_for_adoption: no figure to name.
		{"moved_in_with_adopters before entered_care, not a foster carer", []map[string]string{with(goodChild, "moved_in_with_adopters", "2020-11-22")},
			[]string{"E c.csv:2:13: moved_in_with_adopters: 2020-11-22 is before entered_care (2021-01-01, at c.csv:2:8): a child cannot move in with adopters before entering care; check both dates"}},
		{"placed_for_adoption before entered_care", []map[string]string{with(goodChild, "matched", "", "placed_for_adoption", "01/12/2020")},
			[]string{"E c.csv:2:12: placed_for_adoption: 01/12/2020 is before entered_care (2021-01-01, at c.csv:2:8): A1 would count this child as -31 days; check both dates"}},
		{"placed on the day of entering care", []map[string]string{with(goodChild, "matched", "", "placement_order", "", "placed_for_adoption", "2021-01-01")}, nil},
		{"unknown early_permanence", []map[string]string{with(goodChild, "early_permanence", "fostering")},
			[]string{`E c.csv:2:15: early_permanence: "fostering" is not an early permanence type`}},
		{"early_permanence in any case", []map[string]string{with(goodChild, "early_permanence", "Concurrent")}, nil},
		{"duplicate (child_id, entered_care)", []map[string]string{goodChild, with(goodChild, "entered_care", "01/01/2021")},
			[]string{"E c.csv:3:1: child_id: child C1 entering care on 01/01/2021 is also on row 2"}},
		{"same child, second period of care", []map[string]string{goodChild, with(goodChild, "entered_care", "2021-01-02")}, nil},
		{"placement_order after matched", []map[string]string{with(goodChild, "placement_order", "2021-10-05")},
			[]string{"W c.csv:2:10: placement_order: 2021-10-05 is after matched (2021-10-01, at c.csv:2:11): A2 counts this child as 0 days"}},
		{"missing ethnicity", []map[string]string{with(goodChild, "ethnicity", "")},
			[]string{"W c.csv:2:5: ethnicity: is blank: counted as Not known"}},
		{"unknown ethnicity code", []map[string]string{with(goodChild, "ethnicity", "WXYZ")},
			[]string{`W c.csv:2:5: ethnicity: "WXYZ" is not an SSDA903 ethnicity code`}},
		{"bad sex", []map[string]string{with(goodChild, "sex", "x")},
			[]string{`E c.csv:2:3: sex: "x" is not a sex`}},
		{"bad yes/no", []map[string]string{with(goodChild, "interagency", "maybe")},
			[]string{`E c.csv:2:16: interagency: "maybe" is not yes or no`}},
		{"blank required values", []map[string]string{with(goodChild, "child_id", "", "sex", "", "date_of_birth", "", "entered_care", "", "should_be_placed", "")},
			[]string{
				"E c.csv:2:1: child_id: is blank: every row needs a child_id",
				"E c.csv:2:3: sex: is blank: every row needs a sex",
				"E c.csv:2:4: date_of_birth: is blank",
				"E c.csv:2:8: entered_care: is blank",
				"E c.csv:2:9: should_be_placed: is blank",
			}},
		{"several problems in one row, in column order", []map[string]string{with(goodChild, "sex", "?", "matched", "x", "ethnicity", "")},
			[]string{`E c.csv:2:3: sex:`, `W c.csv:2:5: ethnicity:`, `E c.csv:2:11: matched: "x" is not a date`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs, _ := readChildren("c.csv", csvOf(childHeader, tt.rows...), testLimits)
			if d := matchProblems(probs, tt.want); d != "" {
				t.Error(d)
			}
		})
	}
}

// TestChildDatesAfterReportYear sets each date column in turn to the
// day after the year ends, with the later dates moved along so no order
// rule fires: that is no problem, and the record holds no date there,
// because figures are as at 31 March. A date after the day of the
// export (testToday) is an error in every column.
func TestChildDatesAfterReportYear(t *testing.T) {
	cols := []struct {
		name string
		col  int
		get  func(*Child) period.Date
	}{
		{"date_of_birth", 4, func(c *Child) period.Date { return c.DateOfBirth }},
		{"entered_care", 8, func(c *Child) period.Date { return c.EnteredCare }},
		{"should_be_placed", 9, func(c *Child) period.Date { return c.ShouldBePlaced }},
		{"placement_order", 10, func(c *Child) period.Date { return c.PlacementOrder }},
		{"matched", 11, func(c *Child) period.Date { return c.Matched }},
		{"placed_for_adoption", 12, func(c *Child) period.Date { return c.PlacedForAdoption }},
		{"moved_in_with_adopters", 13, func(c *Child) period.Date { return c.MovedInWithAdopters }},
		{"adoption_order", 17, func(c *Child) period.Date { return c.AdoptionOrder }},
		{"decision_reversed", 18, func(c *Child) period.Date { return c.DecisionReversed }},
		{"disrupted", 20, func(c *Child) period.Date { return c.Disrupted }},
	}
	for _, when := range []string{"2025-04-01", "2025-10-01"} {
		for i, c := range cols {
			row := with(goodChild)
			given := 0
			for _, later := range cols[i:] {
				if later.name == "moved_in_with_adopters" && c.name != later.name {
					continue // blank: it only has to be on or before the placement
				}
				row[later.name] = when
				given++
			}
			if c.name == "moved_in_with_adopters" && when == "2025-04-01" {
				// Moved in after the year end: placed then too, or later.
				row["placed_for_adoption"] = when
				given++
			}
			kids, probs, late := readChildren("c.csv", csvOf(childHeader, row), testLimits)
			if when == "2025-04-01" {
				if len(probs) != 0 || late != given || c.get(&kids[0]) != 0 {
					t.Errorf("%s = %s: %d set aside (want %d), date kept as %s; problems:\n%s", c.name, when, late, given, c.get(&kids[0]), probs)
				}
				continue
			}
			want := fmt.Sprintf("E c.csv:2:%d: %s: 2025-10-01 is in the future (today is 30/09/2025): check the date", c.col, c.name)
			if got := strs(probs); len(got) == 0 || !strings.HasPrefix(got[0], want) || late != 0 {
				t.Errorf("%s = %s: %d set aside; got\n%s\nwant first %s", c.name, when, late, probs, want)
			}
		}
	}
}
func TestChildValues(t *testing.T) {
	kids, probs, _ := readChildren("c.csv", csvOf(childHeader,
		with(goodChild, "sex", "1", "ethnicity", "bafr", "disabled", "Y", "early_permanence", ""),
		with(goodChild, "child_id", "C2", "sex", "F", "moved_in_with_adopters", "2021-10-20", "early_permanence", "FFA"),
	), testLimits)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	a, b := kids[0], kids[1]
	if a.Sex != "male" || b.Sex != "female" {
		t.Errorf("sex: %q, %q", a.Sex, b.Sex)
	}
	if a.Ethnicity != "bafr" || a.EthnicityGroup != EthnicityBlack {
		t.Errorf("ethnicity %q grouped as %q", a.Ethnicity, a.EthnicityGroup)
	}
	if !a.Disabled || a.EarlyPermanence != EarlyPermanenceNone || b.EarlyPermanence != EarlyPermanenceFfA {
		t.Errorf("disabled %v, early permanence %q, %q", a.Disabled, a.EarlyPermanence, b.EarlyPermanence)
	}
	// A blank moved_in_with_adopters is the placement date; a given one is kept.
	if a.MovedInWithAdopters != a.PlacedForAdoption || b.MovedInWithAdopters.String() != "2021-10-20" {
		t.Errorf("moved in: %s (placed %s), %s", a.MovedInWithAdopters, a.PlacedForAdoption, b.MovedInWithAdopters)
	}
	if a.Row != 2 || b.Row != 3 {
		t.Errorf("rows %d, %d", a.Row, b.Row)
	}
}

var adopterHeader = []string{
	"household_id", "enquiry", "registration_of_interest", "stage1_started", "stage1_completed", // A-E
	"stage2_started", "approved", "matched", "placed", "withdrawn", "withdrawn_reason", // F-K
	"fast_track", "early_permanence_approved", "ethnicity", // L-N
}

var goodAdopter = map[string]string{
	"household_id": "H1", "enquiry": "2023-01-01", "registration_of_interest": "2023-02-01",
	"stage1_started": "2023-02-10", "stage1_completed": "2023-04-10", "stage2_started": "2023-04-20",
	"approved": "2023-08-20", "matched": "2023-12-01", "placed": "2024-01-10",
	"fast_track": "no", "early_permanence_approved": "no", "ethnicity": "WBRI",
}

func TestAdopterRules(t *testing.T) {
	tests := []ruleCase{
		{"valid", []map[string]string{goodAdopter}, nil},
		{"blank ethnicity is no problem here", []map[string]string{with(goodAdopter, "ethnicity", "")}, nil},
		{"bad date", []map[string]string{with(goodAdopter, "enquiry", "2023-13-01")},
			[]string{`E a.csv:2:2: enquiry: "2023-13-01" is not a date (the month must be 1 to 12`}},
		{"stage1_started before registration_of_interest", []map[string]string{with(goodAdopter, "stage1_started", "2023-01-20")},
			[]string{"E a.csv:2:4: stage1_started: 2023-01-20 is before registration_of_interest (2023-02-01, at a.csv:2:3)"}},
		{"stage1_completed before registration_of_interest", []map[string]string{with(goodAdopter, "stage1_started", "", "stage1_completed", "2023-01-25")},
			[]string{"E a.csv:2:5: stage1_completed: 2023-01-25 is before registration_of_interest (2023-02-01, at a.csv:2:3)"}},
		{"stage2_started before registration_of_interest", []map[string]string{with(goodAdopter, "stage1_started", "", "stage1_completed", "", "stage2_started", "2023-01-25")},
			[]string{"E a.csv:2:6: stage2_started: 2023-01-25 is before registration_of_interest (2023-02-01, at a.csv:2:3)"}},
		{"approved before registration_of_interest", []map[string]string{with(goodAdopter, "stage1_started", "", "stage1_completed", "", "stage2_started", "", "approved", "2023-01-25")},
			[]string{"E a.csv:2:7: approved: 2023-01-25 is before registration_of_interest (2023-02-01, at a.csv:2:3)"}},
		{"stage1_completed before stage1_started", []map[string]string{with(goodAdopter, "stage1_completed", "2023-02-05")},
			[]string{"E a.csv:2:5: stage1_completed: 2023-02-05 is before stage1_started (2023-02-10, at a.csv:2:4)"}},
		{"approved before stage2_started", []map[string]string{with(goodAdopter, "approved", "2023-04-15")},
			[]string{"E a.csv:2:7: approved: 2023-04-15 is before stage2_started (2023-04-20, at a.csv:2:6)"}},
		{"matched before approved", []map[string]string{with(goodAdopter, "matched", "2023-08-01")},
			[]string{"E a.csv:2:8: matched: 2023-08-01 is before approved (2023-08-20, at a.csv:2:7)"}},
		{"placed before matched", []map[string]string{with(goodAdopter, "placed", "2023-11-01")},
			[]string{"E a.csv:2:9: placed: 2023-11-01 is before matched (2023-12-01, at a.csv:2:8)"}},
		{"same day is in order", []map[string]string{with(goodAdopter, "placed", "2023-12-01")}, nil},
		{"duplicate household_id", []map[string]string{goodAdopter, with(goodAdopter, "ethnicity", "Black"), with(goodAdopter, "household_id", "H2")},
			[]string{"E a.csv:3:1: household_id: household H1 is also on row 2"}},
		{"date after the end of the report year: set aside, no error", []map[string]string{with(goodAdopter, "withdrawn", "2025-04-01")}, nil},
		{"date after today", []map[string]string{with(goodAdopter, "withdrawn", "2025-10-01")},
			[]string{"E a.csv:2:10: withdrawn: 2025-10-01 is in the future (today is 30/09/2025)"}},
		{"blank required values", []map[string]string{with(goodAdopter, "household_id", "", "registration_of_interest", "")},
			[]string{"E a.csv:2:1: household_id: is blank", "E a.csv:2:3: registration_of_interest: is blank"}},
		{"bad yes/no", []map[string]string{with(goodAdopter, "fast_track", "2")},
			[]string{`E a.csv:2:12: fast_track: "2" is not yes or no`}},
		{"unknown ethnicity", []map[string]string{with(goodAdopter, "ethnicity", "Martian")},
			[]string{`W a.csv:2:14: ethnicity: "Martian" is not an SSDA903 ethnicity code`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs, _ := readAdopters("a.csv", csvOf(adopterHeader, tt.rows...), testLimits)
			if d := matchProblems(probs, tt.want); d != "" {
				t.Error(d)
			}
		})
	}
}

// TestAdopterDatesAfterReportYear is TestChildDatesAfterReportYear for
// adopters.csv.
func TestAdopterDatesAfterReportYear(t *testing.T) {
	for _, when := range []string{"2025-04-01", "2025-10-01"} {
		for i, name := range adopterHeader[1:10] {
			row := with(goodAdopter)
			row[name] = when
			given := 1
			// Later dates follow, so only the date's own rules can fire.
			for _, later := range adopterHeader[i+2 : 10] {
				if later != "withdrawn" {
					row[later] = when
					given++
				}
			}
			hh, probs, late := readAdopters("a.csv", csvOf(adopterHeader, row), testLimits)
			if when == "2025-04-01" {
				if len(probs) != 0 || late != given {
					t.Errorf("%s = %s: %d set aside, want %d; problems:\n%s", name, when, late, given, probs)
				}
				a := hh[0]
				for _, d := range []period.Date{a.Enquiry, a.RegistrationOfInterest, a.Stage1Started, a.Stage1Completed, a.Stage2Started, a.Approved, a.Matched, a.Placed, a.Withdrawn} {
					if d > reportYear.End() {
						t.Errorf("%s = %s: %s kept", name, when, d)
					}
				}
				continue
			}
			want := fmt.Sprintf("E a.csv:2:%d: %s: 2025-10-01 is in the future (today is 30/09/2025)", i+2, name)
			if got := strs(probs); len(got) == 0 || !strings.HasPrefix(got[0], want) {
				t.Errorf("%s = %s: got\n%s\nwant first %s", name, when, probs, want)
			}
		}
	}
}

var budgetHeader = []string{"year", "line", "driver", "budget", "actual", "budget_volume", "actual_volume", "unit"}

var goodBudget = map[string]string{"year": "2024-25", "line": "Interagency fees", "budget": "54000", "actual": "81000", "budget_volume": "2", "actual_volume": "3", "unit": "placements"}

func TestBudgetRules(t *testing.T) {
	tests := []ruleCase{
		{"valid", []map[string]string{goodBudget, with(goodBudget, "budget_volume", "", "actual_volume", "")}, nil},
		{"bad year", []map[string]string{with(goodBudget, "year", "FY2024")},
			[]string{`E b.csv:2:1: year: "FY2024" is not a financial year; write it like 2024-25`}},
		{"finance's ways of writing a year", []map[string]string{
			with(goodBudget, "year", "2024/25"), with(goodBudget, "year", "2024-2025"), with(goodBudget, "year", "2024/2025"),
		}, nil},
		{"three-year period as a year", []map[string]string{with(goodBudget, "year", "2022-25")},
			[]string{`E b.csv:2:1: year: "2022-25" is 3 years`}},
		{"bad money", []map[string]string{with(goodBudget, "budget", "12.345")},
			[]string{`E b.csv:2:4: budget: "12.345" is not an amount of money (money has at most two decimal places`}},
		{"bad money, actual", []map[string]string{with(goodBudget, "actual", "£1.2m")},
			[]string{`E b.csv:2:5: actual: "£1.2m": write the amount in full, e.g. £1,200,000`}},
		{"accounting zero and credits", []map[string]string{with(goodBudget, "budget", "£ -", "actual", "£27,000.00CR")}, nil},
		{"blank required values", []map[string]string{with(goodBudget, "year", "", "line", "", "budget", "", "actual", "")},
			[]string{"E b.csv:2:1: year: is blank", "E b.csv:2:2: line: is blank", "E b.csv:2:4: budget: is blank", "E b.csv:2:5: actual: is blank"}},
		{"bad volume", []map[string]string{with(goodBudget, "budget_volume", "two")},
			[]string{`E b.csv:2:6: budget_volume: "two" is not a number`}},
		{"bad actual volume", []map[string]string{with(goodBudget, "actual_volume", "1e3")},
			[]string{`E b.csv:2:7: actual_volume: "1e3" is not a number`}},
		{"zero budget volume with volumes", []map[string]string{with(goodBudget, "budget_volume", "0")},
			[]string{"E b.csv:2:6: budget_volume: is 0, so the variance cannot be split into price and volume"}},
		{"zero budget volume alone", []map[string]string{with(goodBudget, "budget_volume", "0", "actual_volume", "")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := readBudget("b.csv", csvOf(budgetHeader, tt.rows...), limits{})
			if d := matchProblems(probs, tt.want); d != "" {
				t.Error(d)
			}
		})
	}
}

func TestBudgetValues(t *testing.T) {
	lines, probs := readBudget("b.csv", csvOf(budgetHeader,
		goodBudget,
		with(goodBudget, "driver", "Fees", "actual_volume", "", "budget", "(1,234.50)", "actual", "£-0.01"),
		with(goodBudget, "year", "2023/2024", "budget", "£ -", "actual", "£27,000.00CR", "budget_volume", "", "actual_volume", ""),
	), limits{})
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	want := []BudgetLine{
		{Row: 2, Year: 2024, Line: "Interagency fees", Driver: "Interagency fees", Budget: 5400000, Actual: 8100000, BudgetVolume: 2, ActualVolume: 3, HasVolumes: true, Unit: "placements"},
		{Row: 3, Year: 2024, Line: "Interagency fees", Driver: "Fees", Budget: -123450, Actual: -1, BudgetVolume: 2, HasVolumes: false, Unit: "placements"},
		// 2023/2024 is 2023-24; Excel's accounting zero; a credit is negative.
		{Row: 4, Year: 2023, Line: "Interagency fees", Driver: "Interagency fees", Budget: 0, Actual: -2700000, Unit: "placements"},
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d", len(lines), len(want))
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("row %d:\n got %+v\nwant %+v", i+2, lines[i], want[i])
		}
	}
}

var comparatorHeader = []string{"indicator", "period", "area", "value"}

var goodComparator = map[string]string{"indicator": "a1", "period": "2021-24", "area": "England", "value": "367"}

func TestComparatorRules(t *testing.T) {
	tests := []ruleCase{
		{"valid", []map[string]string{goodComparator, with(goodComparator, "indicator", "A3_Percent", "period", "2023-24", "value", "1,234.5")}, nil},
		{"periods as finance writes them", []map[string]string{with(goodComparator, "period", "2021/24"), with(goodComparator, "period", "2021-2024")}, nil},
		{"unknown indicator", []map[string]string{with(goodComparator, "indicator", "a11")},
			[]string{`E k.csv:2:1: indicator: "a11" is not an indicator ID (did you mean a1 or a10?)`}},
		{"unknown indicator, nothing close", []map[string]string{with(goodComparator, "indicator", "happiness index")},
			[]string{`E k.csv:2:1: indicator: "happiness index" is not an indicator ID (see the list of indicator IDs in docs/data.md)`}},
		{"bad period", []map[string]string{with(goodComparator, "period", "2023")},
			[]string{`E k.csv:2:2: period: "2023" is not a financial year`}},
		{"value not a number", []map[string]string{with(goodComparator, "value", "abc")},
			[]string{`E k.csv:2:4: value: "abc" is not a number`}},
		{"suppressed value", []map[string]string{with(goodComparator, "value", "[c]")},
			[]string{`E k.csv:2:4: value: "[c]" is a published table's symbol for a figure not given, not a number: delete this row`}},
		{"percent sign", []map[string]string{with(goodComparator, "value", "45.5%")},
			[]string{`E k.csv:2:4: value: "45.5%" is not a number: write it without the % sign (45.5)`}},
		{"blank values", []map[string]string{with(goodComparator, "indicator", "", "period", "", "area", ""), with(goodComparator, "value", "")},
			[]string{"E k.csv:2:1: indicator: is blank", "E k.csv:2:2: period: is blank", "E k.csv:2:3: area: is blank", "E k.csv:3:4: value: is blank"}},
		{"a row of blank cells is ignored", []map[string]string{goodComparator, {}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := readComparators("k.csv", csvOf(comparatorHeader, tt.rows...))
			if d := matchProblems(probs, tt.want); d != "" {
				t.Error(d)
			}
		})
	}
	rows, _ := readComparators("k.csv", csvOf(comparatorHeader, with(goodComparator, "indicator", "A10")))
	if len(rows) != 1 || rows[0].Indicator != "a10" || rows[0].Period != period.Span(2023, 3) || rows[0].Value != 367 {
		t.Errorf("got %+v", rows)
	}
}

// Every indicator ID in docs/data.md's list is known, and no other.
func TestIndicatorIDs(t *testing.T) {
	const fromDocs = `adopted a1 a10 a2 a3 a3_percent should_be_placed placement_orders matched placed reversed
		early_permanence_placements early_permanence_percent interagency_placements waiting waiting_with_order
		waiting_18_months enquiries registrations stage1_started stage2_started approvals adopter_matches
		withdrawals stage1_on_time_percent stage2_on_time_percent approved_within_6_months_percent
		adopters_waiting adopters_waiting_over_3_months sufficiency_ratio budget actual variance
		variance_price variance_volume`
	ids := splitFields(fromDocs)
	if len(ids) != len(indicatorIDs) {
		t.Errorf("%d IDs known, docs/data.md has %d", len(indicatorIDs), len(ids))
	}
	for _, id := range ids {
		_, probs := readComparators("k.csv", csvOf(comparatorHeader, with(goodComparator, "indicator", id)))
		if len(probs) != 0 {
			t.Errorf("%s: %v", id, probs)
		}
	}
}
