package indicators

import (
	"cmp"
	"math"
	"math/big"
	"slices"
	"strconv"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

// FinanceLine is one budget.csv line with its variance, split into price
// and volume where it can be. Money is in pence.
type FinanceLine struct {
	Line, Driver, Unit       string
	Budget, Actual, Variance int64
	// Split: the line has both volumes and a budget volume above zero, so
	// it has a budgeted unit cost (budget ÷ budget volume) and its
	// variance splits as Volume + Price. A budget volume of 0 has no unit
	// cost, so such a line is left unsplit like one without volumes.
	Split                      bool
	BudgetVolume, ActualVolume float64
	// Volume is (actual volume − budget volume) × budget ÷ budget volume,
	// rounded to whole pence, halves away from zero; Price = Variance −
	// Volume, so the two add up to the variance exactly.
	Volume, Price int64
}

// DriverTotal sums the lines of one driver: one group of the overspend
// waterfall, which goes budget → each driver's price, volume and unsplit
// variance → outturn.
type DriverTotal struct {
	Driver                   string
	Budget, Actual, Variance int64
	Volume, Price            int64
	// Unsplit is the variance of lines that could not be split, so that
	// Volume + Price + Unsplit = Variance.
	Unsplit           int64
	Lines, SplitLines int
}

// FinanceYear is one year of budget.csv.
type FinanceYear struct {
	Year period.Year
	// Lines are sorted by driver, then line, then file order.
	Lines []FinanceLine
	// Drivers are sorted by name.
	Drivers []DriverTotal
	// Total sums every line; its Driver is blank.
	Total DriverTotal
}

// PoundsOf returns pence as pounds, the double nearest the exact amount.
func PoundsOf(pence int64) float64 { return float64(pence) / 100 }

func financeYears(lines []dataset.BudgetLine, years []period.Year) []FinanceYear {
	out := make([]FinanceYear, len(years))
	byYear := make(map[period.Year]int, len(years))
	for j, y := range years {
		out[j].Year = y
		byYear[y] = j
	}
	for i := range lines {
		b := &lines[i]
		j, ok := byYear[b.Year]
		if !ok {
			continue
		}
		out[j].Lines = append(out[j].Lines, financeLine(b))
	}
	for j := range out {
		out[j].total()
	}
	return out
}

// financeLine computes one line's variance and its split.
func financeLine(b *dataset.BudgetLine) FinanceLine {
	l := FinanceLine{
		Line: b.Line, Driver: b.Driver, Unit: b.Unit,
		Budget: b.Budget, Actual: b.Actual, Variance: b.Actual - b.Budget,
		BudgetVolume: b.BudgetVolume, ActualVolume: b.ActualVolume,
	}
	if l.Driver == "" {
		l.Driver = l.Line
	}
	if b.HasVolumes && b.BudgetVolume > 0 {
		l.Split = true
		l.Volume = volumeVariance(b.BudgetVolume, b.ActualVolume, b.Budget)
		l.Price = l.Variance - l.Volume
	}
	return l
}

// volumeVariance is (av − bv) × budget ÷ bv in whole pence, halves away
// from zero, computed exactly: in int64 for whole volumes of a sensible
// size, otherwise with rationals of the decimals the volumes were written
// as.
func volumeVariance(bv, av float64, budget int64) int64 {
	const maxVol, maxPence = 1 << 20, 1 << 40 // product below 2^62
	if bv == math.Trunc(bv) && av == math.Trunc(av) && bv < maxVol && math.Abs(av) < maxVol && budget < maxPence && budget > -maxPence {
		return divHalfAway((int64(av)-int64(bv))*budget, int64(bv))
	}
	b, a := decimal(bv), decimal(av)
	r := new(big.Rat).Sub(a, b)
	r.Mul(r, new(big.Rat).SetInt64(budget))
	r.Quo(r, b)
	return ratHalfAway(r)
}

// decimal returns the shortest decimal that reads back as v: the number a
// spreadsheet showed, not the binary fraction nearest it.
func decimal(v float64) *big.Rat {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(v, 'f', -1, 64))
	if !ok { // cannot happen for a finite float; keep its exact value
		r = new(big.Rat).SetFloat64(v)
	}
	return r
}

// total sorts the lines and sums them by driver and overall.
func (y *FinanceYear) total() {
	slices.SortStableFunc(y.Lines, func(a, b FinanceLine) int {
		return cmp.Or(cmp.Compare(a.Driver, b.Driver), cmp.Compare(a.Line, b.Line))
	})
	for _, l := range y.Lines {
		if n := len(y.Drivers); n == 0 || y.Drivers[n-1].Driver != l.Driver {
			y.Drivers = append(y.Drivers, DriverTotal{Driver: l.Driver})
		}
		y.Drivers[len(y.Drivers)-1].add(&l)
		y.Total.add(&l)
	}
}

func (d *DriverTotal) add(l *FinanceLine) {
	d.Budget += l.Budget
	d.Actual += l.Actual
	d.Variance += l.Variance
	d.Lines++
	if l.Split {
		d.Volume += l.Volume
		d.Price += l.Price
		d.SplitLines++
	} else {
		d.Unsplit += l.Variance
	}
}

// figures returns the year's money figures.
func (y *FinanceYear) figures() []Figure {
	p, t := y.Year.Period(), y.Total
	var whole, split Absence
	if t.Lines == 0 {
		whole, split = NoBudget, NoBudget
	} else if t.SplitLines == 0 {
		split = NoVolumes
	}
	return []Figure{
		pounds("budget", p, t.Budget, t.Lines, whole),
		pounds("actual", p, t.Actual, t.Lines, whole),
		pounds("variance", p, t.Variance, t.Lines, whole),
		pounds("variance_price", p, t.Price, t.SplitLines, split),
		pounds("variance_volume", p, t.Volume, t.SplitLines, split),
	}
}

// IDs of the changes of the overspend waterfall beyond the indicators' own:
// VarianceUnsplit is the variance of a driver's lines without volumes,
// which cannot be split into price and volume.
const VarianceUnsplit = "variance_unsplit"

// Change is one change of the overspend waterfall, which goes from the
// year's budget to its outturn through each driver: its price and volume
// parts where its lines have volumes, and the variance of its other lines
// as a third part; else its whole variance.
type Change struct {
	Driver string
	// ID says which part of the driver's variance this is: "variance"
	// (all of it), "variance_price", "variance_volume" or VarianceUnsplit.
	ID     string
	Amount int64 // pence
	// RunningTotal is the budget plus this change and every one before it,
	// in pence. The changes add up exactly, so after the last it is the
	// outturn.
	RunningTotal int64
}

// Changes lists the waterfall's changes in driver order; none when the
// year has no budget lines.
func (y *FinanceYear) Changes() []Change {
	var out []Change
	run := y.Total.Budget
	add := func(driver, id string, amount int64) {
		run += amount
		out = append(out, Change{Driver: driver, ID: id, Amount: amount, RunningTotal: run})
	}
	for _, d := range y.Drivers {
		if d.SplitLines == 0 {
			add(d.Driver, "variance", d.Variance)
			continue
		}
		add(d.Driver, "variance_price", d.Price)
		add(d.Driver, "variance_volume", d.Volume)
		if d.SplitLines < d.Lines {
			add(d.Driver, VarianceUnsplit, d.Unsplit)
		}
	}
	return out
}
