package charts

import (
	"fmt"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/indicators"
)

// dimensionLabel names a breakdown dimension as a column or legend shows
// it.
func dimensionLabel(d indicators.Dimension) string {
	switch d {
	case indicators.Age:
		return "Age"
	case indicators.SiblingGroup:
		return "Sibling group"
	case indicators.Ethnicity:
		return "Ethnicity"
	case indicators.Disability:
		return "Disability"
	}
	return string(d)
}

// groupLabel names a group so that it reads alone, without its dimension:
// "Aged 1 to 4", "In a sibling group", "Disabled", "Mixed".
func groupLabel(g indicators.Group) string {
	switch g.Dimension {
	case indicators.Age:
		return "Aged " + ageWords(g.Key)
	case indicators.SiblingGroup:
		if g.Key == "yes" {
			return "In a sibling group"
		}
		return "Not in a sibling group"
	case indicators.Disability:
		if g.Key == "yes" {
			return "Disabled"
		}
		return "Not disabled"
	}
	// Ethnicity groups are already words: White, Mixed, …, Not known.
	if g.Dimension == indicators.Ethnicity && g.Key == "Not known" {
		return "Ethnicity not known"
	}
	return g.Key
}

// ageWords words an age band: "under 1", "1 to 4", "10 or over".
func ageWords(key string) string {
	switch key {
	case indicators.AgeUnder1:
		return "under 1"
	case indicators.Age1To4:
		return "1 to 4"
	case indicators.Age5To9:
		return "5 to 9"
	case indicators.Age10AndOver:
		return "10 or over"
	}
	return key
}

// measureLabel names figure f's indicator for a table's row, with its
// unit where the figure alone does not show it: "A1: days from entering
// care to moving in (days)".
func measureLabel(f indicators.Figure, th config.Thresholds) string {
	var name string
	switch f.ID {
	case "adopted":
		name = "Children adopted"
	case "a1":
		name = "A1: from entering care to moving in"
	case "a10":
		name = "A10: A1 for foster carer and early permanence adoptions"
	case "a2":
		name = "A2: from placement order to match"
	case "a3":
		name = fmt.Sprintf("A3: children who moved in in under %d days", th.A1)
	case "a3_percent":
		name = fmt.Sprintf("A3: share who moved in in under %d days", th.A1)
	case "should_be_placed":
		name = "Decisions that a child should be placed for adoption"
	case "placement_orders":
		name = "Placement orders granted"
	case "matched":
		name = "Children matched"
	case "placed":
		name = "Children placed for adoption"
	case "reversed":
		name = "Decisions reversed"
	case "early_permanence_placements":
		name = "Early permanence placements"
	case "early_permanence_percent":
		name = "Share of children adopted placed through early permanence"
	case "interagency_placements":
		name = "Interagency placements"
	case "waiting":
		name = "Children waiting at 31 March"
	case "waiting_with_order":
		name = "Children waiting with a placement order"
	case "waiting_18_months":
		name = fmt.Sprintf("Children waiting %d days or more since the placement order", th.EighteenMonths)
	case "enquiries":
		name = "Adopter enquiries"
	case "registrations":
		name = "Registrations of interest"
	case "stage1_started":
		name = "Stage 1 started"
	case "stage2_started":
		name = "Stage 2 started"
	case "approvals":
		name = "Adopter households approved"
	case "adopter_matches":
		name = "Adopter households matched"
	case "withdrawals":
		name = "Adopter households withdrawn or not approved"
	case "stage1_on_time_percent":
		name = fmt.Sprintf("Stage 1 completed within %d days", th.Stage1)
	case "stage2_on_time_percent":
		name = fmt.Sprintf("Stage 2 completed within %d days", th.Stage2)
	case "approved_within_6_months_percent":
		name = fmt.Sprintf("Approved within %d days of registering", th.SixMonths)
	case "adopters_waiting":
		name = "Approved adopter households waiting at 31 March"
	case "adopters_waiting_over_3_months":
		name = fmt.Sprintf("Adopter households waiting over %d days", th.ThreeMonths)
	case "sufficiency_ratio":
		name = "Children waiting per adopter household waiting"
	case "budget":
		name = "Budget"
	case "actual":
		name = "Actual spending"
	case "variance":
		name = "Variance"
	case "variance_price":
		name = "Variance: price"
	case "variance_volume":
		name = "Variance: volume"
	default:
		name = f.ID
	}
	if f.Unit == indicators.Days {
		name += " (days)"
	}
	return name
}
