package disclosure

import (
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/indicators"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

// Apply marks Suppressed, for a publish build with suppress_below k, on
// every figure of r and every count and mean of its breakdowns that must
// be shown as [c]: primary suppression (SuppressFigure) and secondary
// suppression over everything r publishes that adds up:
//
//   - each dimension of a breakdown sums to its cohort (children adopted
//     in the period, children waiting at its end);
//   - a three-year period sums its three years, for the children adopted,
//     a3, the base of a2 and every breakdown group; years before the
//     report's history count as unpublished, but are protected too if the
//     published periods give them away;
//   - a percentage's numerator and base are published with it, and so is
//     their difference; so is the difference of the "of whom" counts
//     shown beside their whole: children waiting, of whom with a placement
//     order, of whom waiting 18 months; adopter households waiting, of
//     whom over 3 months;
//   - a mean or share rests on a count: hiding the count hides them.
//
// The bases of figures defined on part of a cohort are not tied to the
// cohort: a2's base (children adopted with both a placement order and a
// match) is not protected against the children adopted, nor the stage 2
// and six-month shares' bases against approvals. Their differences are
// published only in indicators.json, which the Department for Education
// does not protect either, and tying them hides A2 in most years of a
// typical report: a figure cannot yet hide its base alone.
//
// The time-to-match curve is marked as a whole (SurvivalSuppressed) and
// month by month, its months and its milestones alike, by
// estimatesSuppressed's rule, so that the charts draw what disclosure
// control decided. It stands apart from the system: a Kaplan–Meier
// estimate is not a count over a count that adds up with the others.
//
// Money is never suppressed. k ≤ 1 clears every mark. Distributions have
// no mark: the report does not show them. Apply records k in
// r.SuppressBelow, which the charts' own checks read.
func Apply(r *indicators.Report, k int) {
	r.SuppressBelow = k
	m := newModel(r)
	if k > 1 {
		m.sys.protect(k)
	}
	applySurvival(&r.Survival, k, m.curve >= 0 && m.sys.vars[m.curve].hidden)
	for i := range r.Figures {
		f := &r.Figures[i]
		f.Suppressed = m.suppressed(f, k, m.figs[i])
	}
	for _, bs := range [][]indicators.Breakdown{r.Adopted, r.Waiting} {
		for i := range bs {
			for j := range bs[i].Groups {
				g := &bs[i].Groups[j]
				refs := m.groups[groupRef{bs[i].Cohort, bs[i].Period, j}]
				g.Count.Suppressed = m.suppressed(&g.Count, k, refs.count)
				// A group's means rest on its children: hiding the count
				// hides them, or count × mean would undo the hiding.
				g.A1.Suppressed = m.suppressed(&g.A1, k, refs.a1)
				g.A10.Suppressed = m.suppressed(&g.A10, k, refs.a10)
			}
		}
	}
}

// Draft readies r for a draft build, which shows exact figures to the
// officers writing the report: nothing is suppressed, and nothing counts
// as small (r.SuppressBelow is 1), charts' checks included.
func Draft(r *indicators.Report) {
	Apply(r, 1)
}

// applySurvival marks the curve s. The system takes in only the number of
// children it follows, the placement orders of its three years, which the
// chart's text gives: hidden, the whole curve is, as its first month
// counts them too. Then byDifference hides what the shown estimates would
// give away between them.
func applySurvival(s *indicators.Survival, k int, childrenHidden bool) {
	s.Suppressed = SurvivalSuppressed(*s, k) || childrenHidden
	for _, ms := range [][]indicators.Milestone{s.Months, s.Milestones} {
		for i, hide := range estimatesSuppressed(*s, ms, k) {
			ms[i].Suppressed = hide || childrenHidden
		}
	}
	if k > 1 && !s.Suppressed {
		byDifference(s, k)
	}
}

// model is the system of a report: one variable per set of children or
// households it publishes a count of, directly or as a base.
type model struct {
	sys    system
	keys   map[string]int
	figs   [][]int // the variables each of r.Figures publishes
	groups map[groupRef]groupVars
	// windows are the three-year sets, to be tied to their years.
	windows  []window
	windowed map[int]bool
	subsets  [][2]int // superset, subset
	// periods are those of the figures, in report order.
	periods []period.Period
	report  period.Year
	// curve is the variable of the children the time-to-match curve
	// follows, -1 if the report has no curve.
	curve int
}

type groupRef struct {
	cohort string
	p      period.Period
	i      int
}

type groupVars struct{ count, a1, a10 []int }

// window is a set counted over a period of several years: key(p) for the
// whole and for each of its years.
type window struct {
	v   int
	p   period.Period
	key func(period.Period) string
}

// Costs order what secondary suppression hides: breakdown cells before
// figures of past years before the report year's headline figures.
const (
	costCell = iota
	costPast
	costHeadline
)

func newModel(r *indicators.Report) *model {
	m := &model{
		keys:     make(map[string]int),
		groups:   make(map[groupRef]groupVars),
		windowed: make(map[int]bool),
		report:   r.Year,
		curve:    -1,
	}
	m.figs = make([][]int, len(r.Figures))
	seen := make(map[period.Period]bool)
	for i := range r.Figures {
		f := &r.Figures[i]
		m.figs[i] = m.figure(f)
		if !seen[f.Period] {
			seen[f.Period] = true
			m.periods = append(m.periods, f.Period)
		}
	}
	for _, bs := range [][]indicators.Breakdown{r.Adopted, r.Waiting} {
		for _, b := range bs {
			m.breakdown(b)
		}
	}
	// The curve's children are the placement orders of its three years,
	// published in its text: with two of the years' counts they would
	// give the third away. A headline cost, so that secondary
	// suppression hides a year's count before the whole curve.
	if s := &r.Survival; s.Period != (period.Period{}) {
		m.curve = m.counted("placement_orders", s.Period, s.Children, costHeadline)
	}
	m.nested()
	m.link()
	return m
}

// suppressed decides whether to hide f, which publishes the counts vs. A
// figure with no value has nothing to hide, and its base, if any, is 0.
func (m *model) suppressed(f *indicators.Figure, k int, vs []int) bool {
	if !f.HasValue || f.Unit == indicators.Pounds {
		return false
	}
	return SuppressFigure(*f, k) || m.anyHidden(vs)
}

func (m *model) anyHidden(vs []int) bool {
	for _, v := range vs {
		if m.sys.vars[v].hidden {
			return true
		}
	}
	return false
}

func (m *model) cost(p period.Period) int {
	if p.Last == m.report {
		return costHeadline
	}
	return costPast
}

// set returns the published variable for the set key with n members,
// adding it if need be. If the key is already taken with another count,
// the two are not the same set after all (a figure defined otherwise than
// this package assumes): n gets a variable of its own, protected by the
// primary rule, rather than a false equation.
func (m *model) set(key string, n, cost int) int {
	if v, ok := m.keys[key]; ok {
		x := &m.sys.vars[v]
		if !x.known { // a placeholder: now we know it
			x.value, x.known = n, true
		}
		if x.value == n {
			x.published = true
			x.cost = max(x.cost, cost)
			return v
		}
		return m.sys.add(variable{name: key + " (as published)", value: n, known: true, published: true, cost: cost})
	}
	v := m.sys.add(variable{name: key, value: n, known: true, published: true, cost: cost})
	m.keys[key] = v
	return v
}

// placeholder returns the variable for key, adding an unpublished one of
// unknown size if the report has none.
func (m *model) placeholder(key string) int {
	if v, ok := m.keys[key]; ok {
		return v
	}
	v := m.sys.add(variable{name: key})
	m.keys[key] = v
	return v
}

func setKey(id string, p period.Period) string { return id + "|" + p.String() }

// summable are the sets whose three-year counts are their years' sums:
// flows, not stocks.
var summable = map[string]bool{"adopted": true, "a3": true, "a2 base": true, "placement_orders": true}

// counted returns the variable of the set id in p, and records a
// three-year set of a flow for linking to its years.
func (m *model) counted(id string, p period.Period, n, cost int) int {
	v := m.set(setKey(id, p), n, cost)
	flow := summable[id] || strings.HasPrefix(id, "adopted|")
	if p.Len() > 1 && flow && !m.windowed[v] {
		m.windowed[v] = true
		m.windows = append(m.windows, window{v, p, func(q period.Period) string { return setKey(id, q) }})
	}
	return v
}

// Bases and numerators that are sets the report also counts, by the indicators'
// definitions: a1, a10 and the two shares of adopted children are over
// the children adopted in P (an adoption order needs a placement, so each
// has the dates a1 and a10 need), a3_percent's numerator is a3, and the
// sufficiency ratio is children waiting over households waiting.
var (
	baseSet = map[string]string{
		"a1": "adopted", "a10": "adopted", "a3_percent": "adopted",
		"early_permanence_percent": "adopted", "sufficiency_ratio": "adopters_waiting",
	}
	numeratorSet = map[string]string{"a3_percent": "a3", "sufficiency_ratio": "waiting"}
)

// figure returns the variables that figure f publishes.
func (m *model) figure(f *indicators.Figure) []int {
	cost := m.cost(f.Period)
	base := func() int {
		id := baseSet[f.ID]
		if id == "" {
			id = f.ID + " base"
		}
		return m.counted(id, f.Period, f.Base, cost)
	}
	num := func() int {
		id := numeratorSet[f.ID]
		if id == "" {
			id = f.ID + " numerator"
		}
		return m.counted(id, f.Period, f.Numerator, cost)
	}
	switch f.Unit {
	case indicators.Children, indicators.Households:
		return []int{m.counted(f.ID, f.Period, int(f.Value), cost)}
	case indicators.Days:
		return []int{base()}
	case indicators.Percent:
		// A share to one decimal place gives its numerator away exactly,
		// so it is published with the base, and so is their difference.
		b, n := base(), num()
		m.subsets = append(m.subsets, [2]int{b, n})
		return []int{b, n}
	case indicators.Ratio:
		return []int{num(), base()}
	}
	return nil
}

// breakdown adds a breakdown's groups; they are published as counts and as
// the bases of the group means.
func (m *model) breakdown(b indicators.Breakdown) {
	for i, g := range b.Groups {
		id := b.Cohort + "|" + string(g.Dimension) + "|" + g.Key
		v := m.counted(id, b.Period, int(g.Count.Value), costCell)
		gv := groupVars{count: []int{v}}
		for _, mean := range []struct {
			f   indicators.Figure
			dst *[]int
		}{{g.A1, &gv.a1}, {g.A10, &gv.a10}} {
			if mean.f.ID == "" {
				continue // a waiting cohort has no means
			}
			if mean.f.Base == int(g.Count.Value) {
				*mean.dst = []int{v}
			} else {
				*mean.dst = []int{m.counted(id+"|"+mean.f.ID+" base", b.Period, mean.f.Base, costCell)}
			}
		}
		m.groups[groupRef{b.Cohort, b.Period, i}] = gv
	}
	// Each dimension divides the whole cohort.
	for _, d := range indicators.Dimensions {
		var parts []int
		for i, g := range b.Groups {
			if g.Dimension == d {
				parts = append(parts, m.groups[groupRef{b.Cohort, b.Period, i}].count[0])
			}
		}
		if len(parts) > 0 {
			m.sys.sum(m.placeholder(setKey(b.Cohort, b.Period)), parts...)
		}
	}
}

// nestedSets are the "of whom" counts of the indicators: superset, subset, of
// the same period.
var nestedSets = [][2]string{
	{"waiting", "waiting_with_order"},
	{"waiting_with_order", "waiting_18_months"},
	{"adopters_waiting", "adopters_waiting_over_3_months"},
}

// nested records the nested sets of every period the report has both of.
func (m *model) nested() {
	for _, p := range m.periods {
		for _, n := range nestedSets {
			sup, ok1 := m.keys[setKey(n[0], p)]
			sub, ok2 := m.keys[setKey(n[1], p)]
			if ok1 && ok2 {
				m.subsets = append(m.subsets, [2]int{sup, sub})
			}
		}
	}
}

// link adds the equations: a superset is its subset plus the rest, which
// is not published but may be worked out; a three-year set is the sum of
// its years.
func (m *model) link() {
	for _, s := range m.subsets {
		sup, sub := &m.sys.vars[s[0]], &m.sys.vars[s[1]]
		rest := variable{name: sup.name + " minus " + sub.name}
		if sup.known && sub.known {
			rest.value, rest.known = sup.value-sub.value, true
		}
		m.sys.sum(s[0], s[1], m.sys.add(rest))
	}
	for _, w := range m.windows {
		var parts []int
		for y := w.p.First; y <= w.p.Last; y++ {
			parts = append(parts, m.placeholder(w.key(y.Period())))
		}
		m.sys.sum(w.v, parts...)
	}
}
