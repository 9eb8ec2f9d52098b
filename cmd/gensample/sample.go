package main

import (
	"math"
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

// profile is the shape of one council's sample: its size, its story of
// timeliness and its interagency placements. The repository's sample is
// sampleProfile's; each partner council of the regional example has its
// own (regionalCouncils), so that their figures differ as real
// neighbours' do.
type profile struct {
	// size scales the children adopted each year and the budget: 1 is the
	// sample's mid-size council.
	size float64
	// adopters scales the registrations of interest in the RAA's
	// adopters: 1 is the sample's RAA, serving one council.
	adopters float64
	// a1 is the target mean A1 (days) of each year's adopted children.
	a1 map[period.Year]int
	// a2Shift is added to each year's typical days from placement order
	// to match.
	a2Shift float64
	// interagency is each year's interagency placements, and how many of
	// them with a voluntary agency's adopters.
	interagency map[period.Year][2]int
	// lateOrders keeps a few early permanence placements matched at panel
	// shortly before the court's order, which the check warns about: the
	// sample shows that warning; the regional example builds without one.
	lateOrders bool
}

// sampleProfile is the repository's sample council, Northmoor.
var sampleProfile = profile{size: 1, adopters: 1, a1: a1Target, interagency: interagencyPlacements, lateOrders: true}

// generate builds the sample from seed. Every draw comes from one
// generator in a fixed order, so the same seed gives the same sample.
func generate(seed uint64) *sample { return generateFor(seed, sampleProfile) }

// generateFor builds the sample of a council of profile p from seed.
func generateFor(seed uint64, p profile) *sample {
	d := draw{rand.New(rand.NewPCG(seed, seed2))}
	s := &sample{}
	s.children = generateChildren(d, p)
	s.adopters = generateAdopters(d, p.adopters)
	s.budget = generateBudget(d, s.children, p)
	s.comparators = comparators()
	return s
}

// scaled is n scaled by f, to the nearest whole number.
func scaled(n int, f float64) int { return int(math.Round(float64(n) * f)) }

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
