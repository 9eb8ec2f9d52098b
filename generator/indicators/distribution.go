package indicators

import (
	"slices"

	"github.com/adoptionreport/adoptionreport/generator/period"
)

// Distribution is the spread of days from placement order to match over
// the children matched in Period who had a placement order, each counted
// as max(0, days): a match before the order is no wait. Quartiles use
// Hyndman and Fan's type 7 (linear interpolation between order statistics,
// the default of R and of Excel's QUARTILE.INC), rounded to whole days,
// halves up.
type Distribution struct {
	Period period.Period
	// N is the number of children; the other fields are 0 when it is.
	N                        int
	Min, Q1, Median, Q3, Max int
}

// timeToMatch is the distribution for the matches in p.
func (t *childTally) timeToMatch(cal *calendar, p period.Period) Distribution {
	lo, hi := cal.span(p)
	var days []int
	for y := lo; y <= hi; y++ {
		days = append(days, t.flow[y].toMatch...)
	}
	return distribution(p, days)
}

// distribution sorts days (which it owns) and summarises them.
func distribution(p period.Period, days []int) Distribution {
	d := Distribution{Period: p, N: len(days)}
	if d.N == 0 {
		return d
	}
	slices.Sort(days)
	d.Min, d.Max = days[0], days[d.N-1]
	d.Q1 = quartile(days, 1)
	d.Median = quartile(days, 2)
	d.Q3 = quartile(days, 3)
	return d
}

// quartile returns the k-th quartile (k = 1, 2, 3) of the sorted,
// non-negative xs by type 7, rounded halves up. The position h = (n−1)·k/4
// is j + r/4 with whole j and r; the value x[j] + r/4·(x[j+1] − x[j]) is
// kept in quarters so that the rounding is exact.
func quartile(xs []int, k int) int {
	pos := (len(xs) - 1) * k
	j, r := pos/4, pos%4
	quarters := 4 * xs[j]
	if r > 0 {
		quarters += r * (xs[j+1] - xs[j])
	}
	return (quarters + 2) / 4
}
