package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
)

// file is one CSV file of the sample, as bytes.
type file struct {
	name string
	data []byte
}

// Headers, in docs/data.md's column order.
var (
	childrenHeader = []string{"child_id", "sex", "date_of_birth", "ethnicity", "disabled", "sibling_group",
		"entered_care", "should_be_placed", "placement_order", "matched", "placed_for_adoption",
		"moved_in_with_adopters", "adopted_by_foster_carer", "early_permanence", "interagency",
		"adoption_order", "decision_reversed", "reversal_reason", "disrupted"}
	adoptersHeader = []string{"household_id", "enquiry", "registration_of_interest", "stage1_started",
		"stage1_completed", "stage2_started", "approved", "matched", "placed", "withdrawn",
		"withdrawn_reason", "fast_track", "early_permanence_approved", "ethnicity"}
	budgetHeader      = []string{"year", "line", "driver", "budget", "actual", "budget_volume", "actual_volume", "unit"}
	comparatorsHeader = []string{"indicator", "period", "area", "value"}
)

// files encodes the sample as the four CSV files: UTF-8, LF line ends,
// ISO dates, yes/no, money as plain pounds and pence, blank for unknown.
func (s *sample) files() []file {
	var children, adopters, budget, comps [][]string
	for _, c := range s.children {
		moved := c.movedIn
		if moved == c.placed {
			moved = 0 // blank means "moved in when placed"
		}
		children = append(children, []string{c.id, c.sex, c.dob.String(), c.ethnicity, yesNo(c.disabled),
			c.siblingGroup, c.enteredCare.String(), c.shouldBePlaced.String(), c.placementOrder.String(),
			c.matched.String(), c.placed.String(), moved.String(), yesNo(c.fosterCarer), c.earlyPermanence,
			yesNo(c.interagency), c.adoptionOrder.String(), c.reversed.String(), c.reversalReason,
			c.disrupted.String()})
	}
	for _, h := range s.adopters {
		adopters = append(adopters, []string{h.id, h.enquiry.String(), h.roi.String(),
			h.stage1Started.String(), h.stage1Completed.String(), h.stage2Started.String(),
			h.approved.String(), h.matched.String(), h.placed.String(), h.withdrawn.String(),
			h.withdrawnReason, yesNo(h.fastTrack), yesNo(h.earlyPermanence), h.ethnicity})
	}
	for _, b := range s.budget {
		bv, av := "", ""
		if b.unit != "" {
			bv, av = strconv.Itoa(b.budgetVolume), strconv.Itoa(b.actualVolume)
		}
		budget = append(budget, []string{b.year.String(), b.line, b.driver, money(b.budget), money(b.actual), bv, av, b.unit})
	}
	for _, c := range s.comparators {
		comps = append(comps, []string{c.indicator, c.period.String(), c.area, strconv.FormatFloat(c.value, 'f', -1, 64)})
	}
	return []file{
		{"children.csv", encode(childrenHeader, children)},
		{"adopters.csv", encode(adoptersHeader, adopters)},
		{"budget.csv", encode(budgetHeader, budget)},
		{"comparators.csv", encode(comparatorsHeader, comps)},
	}
}

func encode(header []string, rows [][]string) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	// Writing to a bytes.Buffer cannot fail, and every row is as long as
	// the header by construction.
	_ = w.Write(header)
	_ = w.WriteAll(rows)
	return buf.Bytes()
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// money formats pence as pounds and pence, 1234.56, with no symbol or
// separators so every spreadsheet reads it as a number.
func money(pence int64) string {
	sign := ""
	if pence < 0 {
		sign, pence = "-", -pence
	}
	return fmt.Sprintf("%s%d.%02d", sign, pence/100, pence%100)
}
