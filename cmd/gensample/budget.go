package main

import (
	"math"

	"github.com/adoptionreport/adoptionreport/generator/period"
)

// budgetLine is one row of budget.csv. Money is in pence.
type budgetLine struct {
	year           period.Year
	line, driver   string
	budget, actual int64
	// budgetVolume and actualVolume are written only when unit is set.
	budgetVolume, actualVolume int
	unit                       string
}

// historyStart is the first of the report's six years (2019-20): the
// budget and the comparators cover those six.
const historyStart period.Year = 2019

// Interagency fees, in pence. The voluntary agency fee is uprated each
// April by inflation; the fee between councils and RAAs stays at £27,000.
const (
	voluntaryFee2018 = 35_400_00
	localFee         = 27_000_00
)

// feeUplift is each year's uprating of the voluntary agency fee, in per
// cent: small until the inflation of 2022 reached it.
var feeUplift = map[period.Year]float64{
	2019: 1.0, 2020: 0.5, 2021: 0.3, 2022: 1.5, 2023: 4.0, 2024: 2.0,
}

// Interagency placements the budget allowed for. It has grown, but not as
// fast as placements: the overspend of recent years.
var (
	voluntaryBudgeted = map[period.Year]int{2019: 4, 2020: 4, 2021: 4, 2022: 5, 2023: 5, 2024: 6}
	localBudgeted     = map[period.Year]int{2019: 3, 2020: 3, 2021: 3, 2022: 3, 2023: 4, 2024: 4}
	// allowanceChildren are children with an adoption allowance: budgeted, then actual.
	allowanceChildren = map[period.Year][2]int{
		2019: {62, 60}, 2020: {62, 63}, 2021: {63, 61}, 2022: {62, 64}, 2023: {64, 66}, 2024: {65, 68},
	}
)

// voluntaryFee returns the voluntary agency fee in year y.
func voluntaryFee(y period.Year) int64 {
	fee := int64(voluntaryFee2018)
	for x := period.Year(2019); x <= y; x++ {
		fee = int64(math.Round(float64(fee) * (1 + feeUplift[x]/100)))
	}
	return fee
}

// generateBudget returns the rows of budget.csv. The interagency lines'
// actual volumes are the interagency placements among the children, so the
// budget and the children tell the same story.
// A council's budget grows with its size (p.size); its fees do not.
func generateBudget(d draw, children []*child, p profile) []budgetLine {
	// vary returns amount scaled by a random factor in [lo, hi] per cent,
	// to the penny: an outturn is never a round number.
	vary := func(amount int64, lo, hi int) int64 {
		return amount * int64(d.intn(lo*100, hi*100)) / 10000
	}
	var lines []budgetLine
	money := func(pence int64) int64 { return roundHundred(int64(math.Round(float64(pence) * p.size))) }
	staffing, raa, support, legal := money(405_000_00), money(572_000_00), money(46_000_00), money(62_000_00)
	allowance := int64(6_150_00)
	for y := historyStart; y <= reportYear; y++ {
		var voluntary, local int
		for _, c := range children {
			if c.interagency && y.Period().Contains(c.placed) {
				if c.voluntaryAgency {
					voluntary++
				} else {
					local++
				}
			}
		}
		// Budgets are set before the April uplift is known, at last year's fee.
		lastFee, fee := voluntaryFee(y-1), voluntaryFee(y)
		vb, lb := scaled(voluntaryBudgeted[y], p.size), scaled(localBudgeted[y], p.size)
		lines = append(lines,
			budgetLine{y, "Interagency fees (voluntary agencies)", "Interagency placements",
				int64(vb) * lastFee, int64(voluntary) * fee, vb, voluntary, "placements"},
			budgetLine{y, "Interagency fees (local authority and RAA)", "Interagency placements",
				int64(lb) * localFee, int64(local) * localFee, lb, local, "placements"},
		)
		raaActual := raa
		if y == 2023 {
			raaActual += int64(math.Round(14_862_50 * p.size)) // the partnership's in-year pay award uplift
		}
		lines = append(lines, budgetLine{y, "RAA contribution", "RAA partnership", raa, raaActual, 0, 0, ""})

		ac := [2]int{scaled(allowanceChildren[y][0], p.size), scaled(allowanceChildren[y][1], p.size)}
		lines = append(lines, budgetLine{y, "Adoption allowances", "Adoption allowances",
			int64(ac[0]) * allowance, vary(int64(ac[1])*allowance, 99, 102), ac[0], ac[1], "children"})
		lines = append(lines,
			budgetLine{y, "Adoption support (therapy)", "Adoption support", support, vary(support, 88, 112), 0, 0, ""},
			budgetLine{y, "Staffing", "Staffing", staffing, vary(staffing, 97, 103), 0, 0, ""},
			budgetLine{y, "Legal costs", "", legal, vary(legal, 85, 118), 0, 0, ""},
		)
		// Next year's budgets, to the nearest £100: pay awards (larger in
		// 2022 and 2023) and the partnership's uplift.
		award := int64(1030)
		if y == 2022 || y == 2023 {
			award = 1050
		}
		staffing = roundHundred(staffing * award / 1000)
		raa = roundHundred(raa * 1025 / 1000)
		support += money(2_000_00)
		legal += money(1_500_00)
		allowance = allowance * 1020 / 1000
	}
	return lines
}

// roundHundred rounds pence to the nearest £100, as budgets are set.
func roundHundred(pence int64) int64 { return (pence + 5000) / 10000 * 10000 }
