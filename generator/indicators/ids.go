package indicators

import "github.com/adoptionreport/adoptionreport/generator/config"

// indicator describes one row of the indicator table of docs/content.md.
type indicator struct {
	id   string
	unit Unit
	// threeYear: also computed for three-year periods (the scorecard's);
	// TestFigureOrder holds Compute to it.
	threeYear bool
	// threshold picks the config threshold the figure is judged against or
	// defined by; nil when none applies.
	threshold func(config.Thresholds) int
}

func a1Threshold(t config.Thresholds) int { return t.A1 }

// table is the indicator table of docs/content.md, in its order, which is also the
// order of indicators.json.
var table = []indicator{
	{"adopted", Children, false, nil},
	{"a1", Days, true, a1Threshold},
	{"a10", Days, true, a1Threshold},
	{"a2", Days, true, func(t config.Thresholds) int { return t.A2 }},
	{"a3", Children, true, a1Threshold},
	{"a3_percent", Percent, true, a1Threshold},
	{"should_be_placed", Children, false, nil},
	{"placement_orders", Children, false, nil},
	{"matched", Children, false, nil},
	{"placed", Children, false, nil},
	{"reversed", Children, false, nil},
	{"early_permanence_placements", Children, false, nil},
	{"early_permanence_percent", Percent, false, nil},
	{"interagency_placements", Children, false, nil},
	{"waiting", Children, false, nil},
	{"waiting_with_order", Children, false, nil},
	{"waiting_18_months", Children, false, func(t config.Thresholds) int { return t.EighteenMonths }},
	{"enquiries", Households, false, nil},
	{"registrations", Households, false, nil},
	{"stage1_started", Households, false, nil},
	{"stage2_started", Households, false, nil},
	{"approvals", Households, false, nil},
	{"adopter_matches", Households, false, nil},
	{"withdrawals", Households, false, nil},
	{"stage1_on_time_percent", Percent, false, func(t config.Thresholds) int { return t.Stage1 }},
	{"stage2_on_time_percent", Percent, false, func(t config.Thresholds) int { return t.Stage2 }},
	{"approved_within_6_months_percent", Percent, false, func(t config.Thresholds) int { return t.SixMonths }},
	{"adopters_waiting", Households, false, nil},
	{"adopters_waiting_over_3_months", Households, false, func(t config.Thresholds) int { return t.ThreeMonths }},
	{"sufficiency_ratio", Ratio, false, nil},
	{"budget", Pounds, false, nil},
	{"actual", Pounds, false, nil},
	{"variance", Pounds, false, nil},
	{"variance_price", Pounds, false, nil},
	{"variance_volume", Pounds, false, nil},
}

// tableIndex maps an indicator ID to its row in table.
var tableIndex = func() map[string]int {
	m := make(map[string]int, len(table))
	for i, in := range table {
		m[in.id] = i
	}
	return m
}()

// UnitOf returns the unit of the indicator id, and false for an unknown id.
func UnitOf(id string) (Unit, bool) {
	i, ok := tableIndex[id]
	if !ok {
		return "", false
	}
	return table[i].unit, true
}
