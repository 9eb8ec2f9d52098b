package main

import (
	"math/rand/v2"

	"github.com/adoptionreport/adoptionreport/generator/period"
)

// reportYear is the sample report's year: 2024-25. Nothing in the sample
// is dated after its last day.
const reportYear period.Year = 2024

// firstYear is the first year with adoptions in the sample. The report's
// history starts in 2019-20, but its three-year scorecard figures ending
// in 2019-20 and 2020-21 reach back to 2017-18, so the data does too.
const firstYear period.Year = 2017

// seed2 is the second half of the PCG state; -seed varies the first.
const seed2 = 0x5eed_ad0b

// sample is the whole synthetic project data, as written to data/.
type sample struct {
	children    []*child
	adopters    []*household
	budget      []budgetLine
	comparators []comparator
}

// generate builds the sample from seed. Every draw comes from one
// generator in a fixed order, so the same seed gives the same sample.
func generate(seed uint64) *sample {
	d := draw{rand.New(rand.NewPCG(seed, seed2))}
	s := &sample{}
	s.children = generateChildren(d)
	s.adopters = generateAdopters(d)
	s.budget = generateBudget(d, s.children)
	s.comparators = comparators()
	return s
}

// draw wraps the random source with the few distributions the sample uses.
type draw struct{ r *rand.Rand }

// intn returns a uniform integer in [lo, hi].
func (d draw) intn(lo, hi int) int { return lo + d.r.IntN(hi-lo+1) }

// chance returns true with probability p.
func (d draw) chance(p float64) bool { return d.r.Float64() < p }

// normal returns a normal draw rounded to a whole number and redrawn until
// it falls in [lo, hi], so bounds do not pile up probability at the edges.
func (d draw) normal(mean, sd float64, lo, hi int) int {
	for {
		v := int(mean + sd*d.r.NormFloat64() + 0.5)
		if v >= lo && v <= hi {
			return v
		}
	}
}

// dateIn returns a uniform date in financial year y.
func (d draw) dateIn(y period.Year) period.Date {
	return y.Start() + period.Date(d.r.IntN(period.Days(y.Start(), y.End())+1))
}

// weighted is one choice of pick, with its relative weight.
type weighted struct {
	value  string
	weight float64
}

// pick returns one value of ws with probability proportional to its weight.
func (d draw) pick(ws []weighted) string {
	total := 0.0
	for _, w := range ws {
		total += w.weight
	}
	x := d.r.Float64() * total
	for _, w := range ws {
		if x < w.weight {
			return w.value
		}
		x -= w.weight
	}
	return ws[len(ws)-1].value
}

// clip blanks a date after the report year: the sample is a snapshot
// taken on its last day.
func clip(d period.Date) period.Date {
	if d > reportYear.End() {
		return 0
	}
	return d
}
