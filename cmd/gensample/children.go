package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/period"
)

// child is one row of children.csv: one child's period of care.
type child struct {
	person       int // shared by a child's periods of care; becomes child_id
	id           string
	sex          string
	dob          period.Date
	ethnicity    string
	disabled     bool
	group        int // sibling group while generating; 0 = placed alone
	siblingGroup string

	enteredCare, shouldBePlaced, placementOrder, matched, placed, movedIn period.Date

	fosterCarer     bool
	earlyPermanence string
	interagency     bool
	// voluntaryAgency marks an interagency placement with a voluntary
	// adoption agency's adopters, who cost the higher fee. It is not a
	// column: the budget uses it so its volumes agree with the children.
	voluntaryAgency bool

	adoptionOrder, reversed period.Date
	reversalReason          string
	disrupted               period.Date

	// ageAtEntry (days) fixes the date of birth once entered_care is final.
	ageAtEntry int
	// moveOffset is the days from entering care to moving in with the
	// eventual adopters, for children who moved in before the adoptive
	// placement; -1 for everyone else.
	moveOffset int
}

// cohortSize is the number of children adopted (or, after the report
// year, due to be) in each year: a mid-size council's 40 to 60, with the
// courts' backlog showing in 2020-21.
var cohortSize = map[period.Year]int{
	2017: 50, 2018: 54, 2019: 52, 2020: 43, 2021: 47, 2022: 51, 2023: 48, 2024: 55,
	2025: 52, 2026: 50, // not adopted by 31 March 2025: placed, matched or still waiting
}

// a1Target is the mean days from care to adoptive placement (A1) of each
// year's adopted children: the sample's story is steady improvement after
// a pandemic setback.
var a1Target = map[period.Year]int{
	2017: 545, 2018: 532, 2019: 520, 2020: 528, 2021: 498, 2022: 470, 2023: 441, 2024: 410,
}

// a2Mean is the typical days from placement order to match (A2) of a
// year's children before early permanence and foster carers are mixed in.
var a2Mean = map[period.Year]float64{
	2017: 215, 2018: 210, 2019: 205, 2020: 230, 2021: 205, 2022: 185, 2023: 170, 2024: 158, 2025: 155, 2026: 150,
}

// childEthnicity roughly follows the ethnicity of children looked after in
// England (SSDA903 codes).
var childEthnicity = []weighted{
	{"WBRI", 66}, {"WIRI", 1}, {"WOTH", 5}, {"WROM", 1}, {"WIRT", 0.5},
	{"MWBC", 5}, {"MWBA", 2}, {"MWAS", 2}, {"MOTH", 3},
	{"AIND", 1}, {"APKN", 1.5}, {"ABAN", 0.5}, {"AOTH", 1},
	{"BCRB", 1.5}, {"BAFR", 2}, {"BOTH", 1},
	{"CHNE", 0.3}, {"OOTH", 2},
}

// Reversal reasons: the SSDA903 codes, and the free text some trackers hold.
var (
	reversalReasons = []weighted{
		{"RD1", 30}, // the child's needs changed after the decision
		{"RD2", 25}, // the court did not make a placement order
		{"RD3", 15}, // prospective adopters could not be found
		{"RD4", 15}, // any other reason
		{"text", 15},
	}
	reversalTexts = []weighted{
		{"Special guardianship order made to a grandparent", 1},
		{"Plan changed to long-term fostering", 1},
		{"Returned to the care of a parent under a supervision order", 1},
	}
)

// journey is the route a child's adoption takes.
type journey int

const (
	standard    journey = iota // placement order, match, placement
	hardToPlace                // an older or disabled child who waits long for a match
	fosterCarer                // adopted by the foster carers they already live with
	ffa                        // fostering for adoption
	concurrent                 // concurrent planning
	consent                    // relinquished baby: placed with consent, no placement order
)

// childGen generates children.csv: one random source, and counters for
// the people and sibling groups it has made.
type childGen struct {
	d       draw
	p       profile
	persons int
	groups  int
	out     []*child
}

// generateChildren returns the rows of children.csv, sorted as a case
// system would export them: by date entering care.
func generateChildren(d draw, p profile) []*child {
	g := &childGen{d: d, p: p}
	for y := firstYear; y <= reportYear+2; y++ {
		g.cohort(y, scaled(cohortSize[y], p.size))
	}
	for y := firstYear; y <= reportYear; y++ {
		g.reversals(y)
	}
	g.disruptions()
	g.longWaiters()
	g.twoPeriods()
	return g.finish()
}

func (g *childGen) newChild() *child {
	g.persons++
	sex := "female"
	if g.d.chance(0.51) {
		sex = "male"
	}
	return &child{
		person:          g.persons,
		sex:             sex,
		ethnicity:       g.d.pick(childEthnicity),
		disabled:        g.d.chance(0.04),
		earlyPermanence: "none",
		moveOffset:      -1,
	}
}

// age returns days from birth to entering care: most children adopted
// come into care as babies or toddlers.
func (g *childGen) age() int {
	x := g.d.r.Float64()
	switch {
	case x < 0.30:
		return g.d.intn(0, 10)
	case x < 0.58:
		return g.d.intn(11, 364)
	case x < 0.83:
		return g.d.intn(365, 1094)
	case x < 0.96:
		return g.d.intn(1095, 1825)
	default:
		return g.d.intn(1826, 2900)
	}
}

// cohort adds the children whose adoption order falls in year y, and
// shifts their entry into care so their mean A1 meets the year's target.
func (g *childGen) cohort(y period.Year, n int) {
	var cs []*child
	for len(cs) < n {
		cs = append(cs, g.unit(y)...)
	}
	if t, ok := g.p.a1[y]; ok {
		centre(cs, t)
	}
	g.out = append(g.out, cs...)
}

// unit returns one child, or a sibling group placed together.
func (g *childGen) unit(y period.Year) []*child {
	x := g.d.r.Float64()
	switch {
	case x < 0.03:
		return g.siblings(y, 3)
	case x < 0.12:
		return g.siblings(y, 2)
	}
	c := g.newChild()
	ffaShare := 0.03 + 0.025*float64(y-firstYear)
	switch x = g.d.r.Float64(); {
	case x < 0.03:
		g.journey(c, y, hardToPlace)
	case x < 0.09:
		g.journey(c, y, fosterCarer)
	case x < 0.09+ffaShare:
		g.journey(c, y, ffa)
	case x < 0.12+ffaShare:
		g.journey(c, y, concurrent)
	case x < 0.155+ffaShare:
		g.journey(c, y, consent)
	default:
		g.journey(c, y, standard)
	}
	return []*child{c}
}

// siblings returns n children placed together, with the same dates.
func (g *childGen) siblings(y period.Year, n int) []*child {
	g.groups++
	first := g.newChild()
	g.journey(first, y, standard)
	// Groups wait longer for a match, and more often need adopters from
	// another agency.
	wait := period.Date(g.d.intn(20, 100))
	first.placementOrder -= wait
	first.shouldBePlaced -= wait + period.Date(g.d.intn(0, 20))
	first.enteredCare = first.shouldBePlaced - period.Date(g.d.normal(140, 60, 14, 400))
	first.ageAtEntry = g.d.intn(730, 2555)
	cs := []*child{first}
	for i := 1; i < n; i++ {
		c := g.newChild()
		sex, dis := c.sex, c.disabled
		*c = *first
		c.person = g.persons
		c.sex, c.disabled = sex, dis
		// Younger by a year or more; a negative age means twins.
		if c.ageAtEntry = cs[i-1].ageAtEntry - g.d.intn(300, 1100); c.ageAtEntry < 0 {
			c.ageAtEntry = cs[i-1].ageAtEntry
		}
		cs = append(cs, c)
	}
	for _, c := range cs {
		c.group = g.groups
	}
	return cs
}

// journey fills c's dates for route j, ending in an adoption order in y.
// It works backwards from the order, so the year is exact.
func (g *childGen) journey(c *child, y period.Year, j journey) {
	d := g.d
	days := func(n int) period.Date { return period.Date(n) }
	c.adoptionOrder = d.dateIn(y)
	c.ageAtEntry = g.age()
	switch j {
	case standard:
		c.placed = c.adoptionOrder - days(d.normal(245, 55, 150, 400))
		c.matched = c.placed - days(d.intn(10, 56))
		c.placementOrder = c.matched - days(d.normal(g.a2(y), 75, 5, 600))
		c.shouldBePlaced = c.placementOrder - days(d.normal(100, 40, 14, 260))
		c.enteredCare = c.shouldBePlaced - days(d.normal(140, 60, 14, 400))
	case hardToPlace:
		c.ageAtEntry = d.intn(1095, 2200)
		c.disabled = c.disabled || d.chance(0.4)
		c.placed = c.adoptionOrder - days(d.normal(245, 55, 150, 400))
		c.matched = c.placed - days(d.intn(21, 70))
		c.placementOrder = c.matched - days(d.normal(650, 120, 450, 900))
		c.shouldBePlaced = c.placementOrder - days(d.normal(100, 40, 14, 260))
		c.enteredCare = c.shouldBePlaced - days(d.normal(140, 60, 14, 400))
	case fosterCarer:
		// The carers' assessment as adopters comes after the order, so
		// the match is late, but the child moved in long before.
		c.fosterCarer = true
		c.ageAtEntry = d.intn(60, 1400)
		c.placed = c.adoptionOrder - days(d.normal(230, 50, 150, 380))
		c.matched = c.placed - days(d.intn(0, 14))
		c.placementOrder = c.matched - days(d.normal(g.a2(y)+80, 90, 20, 600))
		c.shouldBePlaced = c.placementOrder - days(d.normal(100, 40, 14, 260))
		c.enteredCare = c.shouldBePlaced - days(d.normal(180, 80, 14, 500))
		c.moveOffset = d.intn(0, 90)
	case ffa, concurrent:
		// The baby lives with the prospective adopters from the first
		// weeks; the placement becomes an adoptive one once the court
		// makes the placement order.
		c.earlyPermanence = "ffa"
		c.moveOffset = d.intn(0, 30)
		if j == concurrent {
			c.earlyPermanence = "concurrent"
			c.moveOffset = d.intn(0, 14)
		}
		c.ageAtEntry = d.intn(0, 7)
		if d.chance(0.2) {
			c.ageAtEntry = d.intn(8, 300)
		}
		c.placed = c.adoptionOrder - days(d.normal(200, 40, 120, 330))
		if d.chance(0.04) && g.p.lateOrders {
			// Matched at panel shortly before the court's order: A2
			// counts it as 0 days, and the check warns about it.
			c.placementOrder = c.placed - days(d.intn(0, 14))
			c.matched = c.placementOrder - days(d.intn(5, 25))
		} else {
			c.matched = c.placed - days(d.intn(0, 14))
			c.placementOrder = c.matched - days(d.intn(7, 50))
		}
		c.shouldBePlaced = c.placementOrder - days(d.normal(130, 40, 40, 250))
		c.enteredCare = c.shouldBePlaced - days(d.normal(40, 25, 0, 120))
	case consent:
		c.ageAtEntry = d.intn(0, 21)
		c.placed = c.adoptionOrder - days(d.normal(190, 40, 100, 300))
		c.matched = c.placed - days(d.intn(7, 28))
		c.shouldBePlaced = c.matched - days(d.normal(90, 30, 30, 200))
		c.enteredCare = c.shouldBePlaced - days(d.intn(14, 60))
	}
}

// a2 is the typical days from placement order to match of year y's
// children, before early permanence and foster carers are mixed in.
func (g *childGen) a2(y period.Year) float64 { return a2Mean[y] + g.p.a2Shift }

// latestEntry is the latest entered_care that keeps c's journey in order.
func (c *child) latestEntry() period.Date {
	gap := period.Date(14)
	if c.earlyPermanence != "none" || c.placementOrder == 0 {
		gap = 0
	}
	last := c.shouldBePlaced - gap
	if c.moveOffset >= 0 {
		last = min(last, c.placed-period.Date(c.moveOffset))
	}
	return last
}

// centre moves the cohort's entries into care, all by the same number of
// days where their journeys allow, until the mean A1 is target.
func centre(cs []*child, target int) {
	for range 20 {
		sum := 0
		for _, c := range cs {
			sum += period.Days(c.enteredCare, c.placed)
		}
		shift := int(math.Round(float64(target) - float64(sum)/float64(len(cs))))
		if shift == 0 {
			return
		}
		for _, c := range cs {
			c.enteredCare = min(c.enteredCare-period.Date(shift), c.latestEntry())
		}
	}
}

// reversals adds children whose adoption decision, made in year y, was
// later reversed.
func (g *childGen) reversals(y period.Year) {
	d := g.d
	for range d.intn(3, 6) {
		c := g.newChild()
		c.ageAtEntry = g.age()
		c.shouldBePlaced = d.dateIn(y)
		c.enteredCare = c.shouldBePlaced - period.Date(d.normal(150, 60, 14, 400))
		reason := d.pick(reversalReasons)
		from := c.shouldBePlaced
		switch reason {
		case "RD2":
			c.reversed = from + period.Date(d.normal(120, 50, 20, 300))
		case "RD3":
			c.ageAtEntry = d.intn(1095, 2500)
			c.placementOrder = from + period.Date(d.normal(100, 40, 14, 260))
			c.reversed = c.placementOrder + period.Date(d.normal(520, 100, 380, 800))
		default:
			if d.chance(0.6) {
				c.placementOrder = from + period.Date(d.normal(100, 40, 14, 260))
				from = c.placementOrder
			}
			c.reversed = from + period.Date(d.normal(200, 90, 20, 500))
		}
		if reason == "text" {
			reason = d.pick(reversalTexts)
		}
		c.reversalReason = reason
		g.out = append(g.out, c)
	}
}

// disruptions adds adoptive placements that ended before an adoption
// order, in four of the years.
func (g *childGen) disruptions() {
	d := g.d
	for _, y := range []period.Year{2019, 2021, 2022, 2024} {
		c := g.newChild()
		c.ageAtEntry = d.intn(730, 2200)
		c.placed = y.Start() + period.Date(d.intn(0, 150))
		c.matched = c.placed - period.Date(d.intn(14, 56))
		c.placementOrder = c.matched - period.Date(d.normal(g.a2(y)+60, 75, 30, 600))
		c.shouldBePlaced = c.placementOrder - period.Date(d.normal(100, 40, 14, 260))
		c.enteredCare = c.shouldBePlaced - period.Date(d.normal(140, 60, 14, 400))
		c.disrupted = c.placed + period.Date(d.normal(120, 50, 21, 200))
		if d.chance(0.5) {
			c.reversed = c.disrupted + period.Date(d.intn(60, 150))
			c.reversalReason = "Plan changed to long-term fostering after the adoptive placement ended"
		}
		g.out = append(g.out, c)
	}
}

// longWaiters adds children who at 31 March 2025 have waited over 18
// months since their placement order: older children, often disabled,
// and a sibling pair matched at last.
func (g *childGen) longWaiters() {
	d := g.d
	latestOrder := reportYear.End() - 560
	add := func(n int) []*child {
		var cs []*child
		g.groups++
		base := g.newChild()
		base.ageAtEntry = d.intn(1460, 2555)
		base.disabled = d.chance(0.5)
		base.shouldBePlaced = period.NewDate(2022, time.April, 1) + period.Date(d.intn(0, 270))
		base.placementOrder = min(base.shouldBePlaced+period.Date(d.normal(100, 30, 40, 180)), latestOrder)
		base.enteredCare = base.shouldBePlaced - period.Date(d.normal(170, 60, 30, 400))
		cs = append(cs, base)
		for i := 1; i < n; i++ {
			c := g.newChild()
			sex, dis := c.sex, c.disabled
			*c = *base
			c.person, c.sex, c.disabled = g.persons, sex, dis
			c.ageAtEntry = cs[i-1].ageAtEntry - d.intn(365, 900)
			cs = append(cs, c)
		}
		if n > 1 {
			for _, c := range cs {
				c.group = g.groups
			}
		}
		g.out = append(g.out, cs...)
		return cs
	}
	for _, c := range add(2) {
		c.matched = period.NewDate(2025, time.March, 3)
	}
	for range 3 {
		add(1)
	}
}

// twoPeriods adds one child with two periods of care: home to a parent
// after the first, adopted after the second.
func (g *childGen) twoPeriods() {
	d := g.d
	first := g.newChild()
	first.enteredCare = period.NewDate(2018, time.May, 14) + period.Date(d.intn(0, 30))
	first.dob = first.enteredCare - 400
	first.shouldBePlaced = first.enteredCare + period.Date(d.intn(120, 160))
	first.reversed = first.shouldBePlaced + period.Date(d.intn(150, 200))
	first.reversalReason = "Returned to the care of a parent under a supervision order"

	second := *first
	second.reversed, second.reversalReason = 0, ""
	second.enteredCare = first.reversed + period.Date(d.intn(500, 600))
	second.shouldBePlaced = second.enteredCare + period.Date(d.intn(90, 130))
	second.placementOrder = second.shouldBePlaced + period.Date(d.intn(90, 120))
	second.matched = second.placementOrder + period.Date(d.intn(120, 200))
	second.placed = second.matched + period.Date(d.intn(21, 42))
	second.adoptionOrder = second.placed + period.Date(d.intn(200, 280))
	g.out = append(g.out, first, &second)
}

// finish fixes birth and move-in dates, blanks what lies after the report
// year, drops children with no adoption decision yet, sorts, and gives out
// IDs in the order a case system would have.
func (g *childGen) finish() []*child {
	end := reportYear.End()
	var cs []*child
	for _, c := range g.out {
		if c.dob == 0 {
			c.dob = c.enteredCare - period.Date(c.ageAtEntry)
		}
		if c.moveOffset >= 0 {
			c.movedIn = c.enteredCare + period.Date(c.moveOffset)
		}
		if c.enteredCare > end || c.shouldBePlaced > end {
			continue // not yet in care, or no adoption plan yet: not in the tracker
		}
		c.placementOrder = clip(c.placementOrder)
		c.matched = clip(c.matched)
		c.placed = clip(c.placed)
		c.movedIn = clip(c.movedIn)
		c.adoptionOrder = clip(c.adoptionOrder)
		c.disrupted = clip(c.disrupted)
		if c.reversed = clip(c.reversed); c.reversed == 0 {
			c.reversalReason = ""
		}
		cs = append(cs, c)
	}
	g.interagency(cs)
	slices.SortStableFunc(cs, func(a, b *child) int {
		return cmp.Or(cmp.Compare(a.enteredCare, b.enteredCare),
			cmp.Compare(a.group, b.group), cmp.Compare(a.dob, b.dob), cmp.Compare(a.person, b.person))
	})
	ids := map[int]string{}
	groups := map[int]string{}
	next := 100000 + g.d.intn(0, 9000)
	for _, c := range cs {
		id, ok := ids[c.person]
		if !ok {
			next += g.d.intn(1, 40) // IDs are shared with every other child in care
			id = fmt.Sprintf("C%06d", next)
			ids[c.person] = id
		}
		c.id = id
		if c.group != 0 {
			if _, ok := groups[c.group]; !ok {
				groups[c.group] = fmt.Sprintf("SG%03d", len(groups)+1)
			}
			c.siblingGroup = groups[c.group]
		}
	}
	return cs
}

// interagencyPlacements is the number of children placed each year with
// adopters approved by another agency, and how many of them by a voluntary
// agency. Their rise is the budget's story, so it is set, not drawn.
var interagencyPlacements = map[period.Year][2]int{
	2017: {5, 3}, 2018: {6, 3}, 2019: {7, 4}, 2020: {6, 3}, 2021: {8, 5}, 2022: {10, 6}, 2023: {13, 8}, 2024: {15, 9},
}

// interagency picks each year's interagency placements among the children
// placed that year, keeping sibling groups together and leaving foster
// carers' adoptions alone (their carers are the council's own).
func (g *childGen) interagency(cs []*child) {
	units := map[period.Year][][]*child{}
	inGroup := map[int]int{} // group -> index in units[year]
	for _, c := range cs {
		if c.placed == 0 || c.fosterCarer {
			continue
		}
		y := yearOf(c.placed)
		if c.group != 0 {
			if i, ok := inGroup[c.group]; ok {
				units[y][i] = append(units[y][i], c)
				continue
			}
			inGroup[c.group] = len(units[y])
		}
		units[y] = append(units[y], []*child{c})
	}
	for y := firstYear; y <= reportYear; y++ {
		want := g.p.interagency[y]
		us := units[y]
		g.d.r.Shuffle(len(us), func(i, j int) { us[i], us[j] = us[j], us[i] })
		total, voluntary := 0, 0
		for _, u := range us {
			if total+len(u) > want[0] {
				continue
			}
			vol := voluntary+len(u) <= want[1]
			for _, c := range u {
				c.interagency, c.voluntaryAgency = true, vol
			}
			total += len(u)
			if vol {
				voluntary += len(u)
			}
		}
	}
}

// yearOf returns the financial year d falls in.
func yearOf(d period.Date) period.Year {
	y := period.Year(d.Time().Year())
	if d < y.Start() {
		y--
	}
	return y
}
