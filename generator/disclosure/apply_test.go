package disclosure

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/indicators"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

// The worked example inside a report: 22 children adopted in
// 2024-25, by age band 12, 3, 0 and 7. The 22 is shown, so the age bands
// are a column with a visible total: 3 is primary, 7 secondary, and the
// means of both bands go with their counts (count × mean would undo the
// hiding of a total). The 12, the 0 and the headline figures stay.
func TestApplyBreakdown(t *testing.T) {
	p := period.Year(2024).Period()
	counts := []int{12, 3, 0, 7}
	keys := []string{indicators.AgeUnder1, indicators.Age1To4, indicators.Age5To9, indicators.Age10AndOver}
	r := &indicators.Report{
		Year: 2024,
		Figures: []indicators.Figure{
			{ID: "adopted", Period: p, Unit: indicators.Children, Value: 22, HasValue: true, Base: 22, Numerator: 22},
			{ID: "a1", Period: p, Unit: indicators.Days, Value: 400, HasValue: true, Base: 22},
			{ID: "budget", Period: p, Unit: indicators.Pounds, Value: 3, HasValue: true, Base: 1, Pence: 300},
		},
	}
	b := indicators.Breakdown{Cohort: "adopted", Period: p}
	for i, n := range counts {
		g := indicators.Group{
			Dimension: indicators.Age, Key: keys[i],
			Count: indicators.Figure{ID: "adopted", Period: p, Unit: indicators.Children, Value: float64(n), HasValue: true, Base: n, Numerator: n},
			A1:    indicators.Figure{ID: "a1", Period: p, Unit: indicators.Days, Value: 300, HasValue: n > 0, Base: n},
			A10:   indicators.Figure{ID: "a10", Period: p, Unit: indicators.Days, Value: 300, HasValue: n > 0, Base: n},
		}
		b.Groups = append(b.Groups, g)
	}
	r.Adopted = []indicators.Breakdown{b}

	Apply(r, 5)
	want := []bool{false, true, false, true}
	for i, g := range r.Adopted[0].Groups {
		if g.Count.Suppressed != want[i] || g.A1.Suppressed != want[i] || g.A10.Suppressed != want[i] {
			t.Errorf("age %s (%d children): count, a1, a10 suppressed = %v, %v, %v; want %v",
				g.Key, counts[i], g.Count.Suppressed, g.A1.Suppressed, g.A10.Suppressed, want[i])
		}
	}
	for _, f := range r.Figures {
		if f.Suppressed {
			t.Errorf("%s %s suppressed, want shown", f.ID, f.Period)
		}
	}

	// k = 1: nothing is hidden, and Apply clears what it set before.
	Apply(r, 1)
	for _, g := range r.Adopted[0].Groups {
		if g.Count.Suppressed || g.A1.Suppressed {
			t.Errorf("k = 1: age %s still suppressed", g.Key)
		}
	}
}

// adoptedChildren returns n children adopted in financial year y, as
// validation would pass them, of varied ages.
func adoptedChildren(y period.Year, n int, seq *int) []dataset.Child {
	var out []dataset.Child
	for i := range n {
		*seq++
		order := y.Start() + period.Date(10+i)
		placed := order - 200
		entered := placed - period.Date(300+20*i)
		out = append(out, dataset.Child{
			ChildID:             fmt.Sprintf("EX%03d", *seq),
			Sex:                 "female",
			DateOfBirth:         entered - period.Date(100+400*(i%8)),
			EthnicityGroup:      []string{"White", "Mixed", "White", "Black"}[i%4],
			Disabled:            i%5 == 0,
			EnteredCare:         entered,
			ShouldBePlaced:      entered + 30,
			PlacementOrder:      entered + 60,
			Matched:             placed - 20,
			PlacedForAdoption:   placed,
			MovedInWithAdopters: placed,
			EarlyPermanence:     dataset.EarlyPermanenceNone,
			AdoptionOrder:       order,
		})
	}
	return out
}

// A small report year beside a published three-year period: 3 children
// adopted in 2024-25, 10 in every year before. a1 for 2022-25 publishes
// its base, 23, and 2022-23 and 2023-24 publish 10 each, so 23 − 10 − 10
// would give the 3 back; the overlapping periods 2021-24, 2020-23, …
// would give it back by differences. Whatever Apply hides, no choice of
// the hidden and unpublished yearly counts other than the true one may be
// ruled out: TestApplyThreeYearPeriods searches for another.
func TestApplyThreeYearPeriods(t *testing.T) {
	cfg := config.Default()
	cfg.ReportYear, cfg.Year, cfg.Council = "2024-25", 2024, "Test"
	var ds dataset.Dataset
	seq := 0
	adopted := map[period.Year]int{}
	for y := period.Year(2017); y <= 2024; y++ {
		n := 10
		if y == 2024 {
			n = 3
		}
		adopted[y] = n
		ds.Children = append(ds.Children, adoptedChildren(y, n, &seq)...)
	}
	r := indicators.Compute(&ds, cfg)
	Apply(r, 5)

	shown := func(id string, p period.Period) (int, bool) {
		f, ok := r.Lookup(id, p)
		if !ok {
			t.Fatalf("no figure %s %s", id, p)
		}
		return f.Base, !f.Suppressed
	}
	for _, id := range []string{"adopted", "a1", "a10", "a3_percent"} {
		if _, ok := shown(id, period.Year(2024).Period()); ok {
			t.Errorf("%s 2024-25 rests on 3 children but is shown", id)
		}
	}
	for _, g := range r.Adopted[len(r.Adopted)-2].Groups { // 2024-25
		if g.Count.Value > 0 && !g.Count.Suppressed {
			t.Errorf("%s %s: %g of the 3 children adopted in 2024-25 shown", g.Dimension, g.Key, g.Count.Value)
		}
	}

	// The yearly counts 2017-18 … 2024-25 as a reader knows them: fixed
	// where shown, free where hidden or never published, tied by every
	// shown three-year base. Look for another solution, each year moved
	// by −2 … 2, that changes 2024-25.
	years := []period.Year{2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024}
	fixed := make([]bool, len(years))
	for i, y := range years {
		if y >= 2019 {
			_, fixed[i] = shown("adopted", y.Period())
		}
	}
	type window struct{ first int }
	var windows []window
	for i := 2; i < len(years); i++ {
		if _, ok := shown("a1", period.Span(years[i], 3)); ok {
			windows = append(windows, window{i - 2})
		}
	}
	d := make([]int, len(years))
	found := false
	var try func(i int)
	try = func(i int) {
		if found {
			return
		}
		if i == len(years) {
			if d[len(d)-1] == 0 {
				return
			}
			for _, w := range windows {
				if d[w.first]+d[w.first+1]+d[w.first+2] != 0 {
					return
				}
			}
			found = true
			return
		}
		if fixed[i] {
			d[i] = 0
			try(i + 1)
			return
		}
		for x := -2; x <= 2; x++ {
			if adopted[years[i]]+x >= 0 {
				d[i] = x
				try(i + 1)
			}
		}
	}
	try(0)
	if !found {
		t.Errorf("the 3 children adopted in 2024-25 can be worked out: shown years %v, shown three-year bases starting at %v", fixed, windows)
	}

	js, err := r.MarshalIndicatorsJSON()
	if err != nil {
		t.Fatal(err)
	}
	if leaks := CheckIndicatorsJSON(js, 5); len(leaks) > 0 {
		t.Errorf("indicators.json after Apply shows small numbers: %v", leaks)
	}
}

// A complement: 20 children waiting, 19 of them with a placement order.
// Both counts are large, but their difference says one child waits
// without an order; one of the two must go.
func TestApplyNestedCounts(t *testing.T) {
	p := period.Year(2024).Period()
	count := func(id string, n int) indicators.Figure {
		return indicators.Figure{ID: id, Period: p, Unit: indicators.Children, Value: float64(n), HasValue: true, Base: n, Numerator: n}
	}
	r := &indicators.Report{Year: 2024, Figures: []indicators.Figure{
		count("waiting", 20), count("waiting_with_order", 19), count("waiting_18_months", 0),
	}}
	Apply(r, 5)
	w, o := r.Figures[0].Suppressed, r.Figures[1].Suppressed
	if !w && !o {
		t.Error("waiting 20 and waiting with an order 19 both shown: 1 child waits without an order")
	}
	if w {
		t.Error("waiting (headline) hidden where waiting_with_order would do")
	}
	if r.Figures[2].Suppressed {
		t.Error("a zero was hidden")
	}
}

// Apply marks the time-to-match curve month by month and milestone by
// milestone, by estimatesSuppressed's rule, so that the charts need not
// know it; k = 1 clears the marks.
func TestApplySurvival(t *testing.T) {
	// 20 children: 3 matched on day 50, 10 on day 150, 3 on day 300, 4
	// still waiting (censored) on day 400.
	s := indicators.Survival{
		Period: period.Span(2024, 3), Children: 20, Matched: 16, Censored: 4,
		Steps: []indicators.Step{
			{Days: 50, AtRisk: 20, Events: 3, Share: 0.15},
			{Days: 150, AtRisk: 17, Events: 10, Share: 0.65},
			{Days: 300, AtRisk: 7, Events: 3, Share: 0.8},
			{Days: 400, AtRisk: 4, Censored: 4, Share: 0.8},
		},
	}
	s.Sample()
	r := &indicators.Report{Year: 2024, Survival: s}
	Apply(r, 5)
	// Months 0 and 1 (days 0, 30): nobody matched yet, 20 followed: shown.
	// Months 2–4 (days 60–121): 3 matched: hidden. Months 5–9 (days
	// 152–273): 13 matched, 7 followed: shown. Months 10–13 (days
	// 304–395): 4 followed: hidden. Month 14 (day 426), where the curve
	// ends, has nobody followed and 16 matched: not small, but 3 more
	// matched than month 9 shows, so hidden too (byDifference).
	var hidden []int
	for _, m := range r.Survival.Months {
		if m.Suppressed {
			hidden = append(hidden, m.Months)
		}
	}
	if want := []int{2, 3, 4, 10, 11, 12, 13, 14}; len(r.Survival.Months) != 15 || !slices.Equal(hidden, want) {
		t.Errorf("months hidden %v of %d, want %v of 15", hidden, len(r.Survival.Months), want)
	}
	// Milestones 3 (day 91), 6 (182), 9 (273), 12 (365), 18, 24.
	var marks []bool
	for _, m := range r.Survival.Milestones {
		marks = append(marks, m.Suppressed)
	}
	if want := []bool{true, false, false, true, false, false}; !slices.Equal(marks, want) || r.Survival.Suppressed {
		t.Errorf("milestones hidden %v, want %v; whole curve hidden: %v", marks, want, r.Survival.Suppressed)
	}

	Apply(r, 1)
	for _, m := range append(r.Survival.Months, r.Survival.Milestones...) {
		if m.Suppressed {
			t.Errorf("k = 1: month %d hidden", m.Months)
		}
	}

	r.Survival.Children = 4
	Apply(r, 5)
	if !r.Survival.Suppressed || slices.ContainsFunc(r.Survival.Months, func(m indicators.Milestone) bool { return !m.Suppressed }) {
		t.Error("a curve over 4 children is shown")
	}
}

// The time-to-match curve follows the 25 children with a placement order
// in 2022-25, and its text says so. With 2022-23's 10 and 2024-25's 12
// shown, the 25 would give 2023-24's 3 away: secondary suppression hides
// one of the shown years rather than the curve, whose count is a headline.
func TestApplySurvivalChildrenAreTheirYearsSum(t *testing.T) {
	years := []period.Year{2022, 2023, 2024}
	orders := []int{10, 3, 12}
	r := &indicators.Report{Year: 2024, Survival: indicators.Survival{Period: period.Span(2024, 3), Children: 25}}
	for i, y := range years {
		r.Figures = append(r.Figures, indicators.Figure{ID: "placement_orders", Period: y.Period(), Unit: indicators.Children,
			Value: float64(orders[i]), HasValue: true, Base: orders[i], Numerator: orders[i]})
	}
	Apply(r, 5)
	var hidden []int
	for i, f := range r.Figures {
		if f.Suppressed {
			hidden = append(hidden, orders[i])
		}
	}
	if r.Survival.Suppressed || len(hidden) != 2 || !slices.Contains(hidden, 3) {
		t.Errorf("curve suppressed %v, hidden years %v; want the curve shown and 3 hidden with one other year", r.Survival.Suppressed, hidden)
	}
}

// No two estimates the time-to-match table shows differ by 1 to k−1
// children, matched or still followed, nor does any differ so from the
// children the curve follows: tried on the curves of many small councils,
// where the differences are small most often.
func TestApplySurvivalNoSmallDifferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const k = 5
	shownCurves := 0
	for council := range 2000 {
		s := randomCurve(rng, 5+rng.IntN(40))
		r := &indicators.Report{Year: 2024, Survival: s}
		Apply(r, k)
		if r.Survival.Suppressed {
			continue
		}
		shownCurves++
		type point struct{ days, matched, atRisk int }
		shown := []point{{-1, 0, r.Survival.Children}}
		for _, m := range r.Survival.Months {
			if !m.Suppressed {
				shown = append(shown, point{m.Days, matchedBy(r.Survival, m.Days), m.AtRisk})
			}
		}
		for _, m := range r.Survival.Milestones {
			if !m.Suppressed && r.Survival.Defined(m) {
				shown = append(shown, point{m.Days, matchedBy(r.Survival, m.Days), m.AtRisk})
			}
		}
		for i, a := range shown {
			for _, b := range shown[i+1:] {
				if d := distance(a.matched, b.matched); small(d, k) {
					t.Fatalf("council %d: days %d and %d show %d and %d matched, %d apart", council, a.days, b.days, a.matched, b.matched, d)
				}
				if d := distance(a.atRisk, b.atRisk); small(d, k) {
					t.Fatalf("council %d: days %d and %d show %d and %d followed, %d apart", council, a.days, b.days, a.atRisk, b.atRisk, d)
				}
			}
		}
	}
	if shownCurves < 500 {
		t.Errorf("only %d of 2000 curves shown: the test tries too few", shownCurves)
	}
}

// randomCurve is a Kaplan–Meier curve over n children with placement
// orders, matched or stopped being followed on random days within two
// years, a few on the same day.
func randomCurve(rng *rand.Rand, n int) indicators.Survival {
	type obs struct {
		day     int
		matched bool
	}
	var all []obs
	for range n {
		all = append(all, obs{rng.IntN(24) * 30, rng.IntN(4) > 0})
	}
	slices.SortFunc(all, func(a, b obs) int { return a.day - b.day })
	s := indicators.Survival{Period: period.Span(2024, 3), Children: n}
	atRisk, surv := n, 1.0
	for i := 0; i < len(all); {
		st := indicators.Step{Days: all[i].day, AtRisk: atRisk}
		for ; i < len(all) && all[i].day == st.Days; i++ {
			if all[i].matched {
				st.Events++
			} else {
				st.Censored++
			}
		}
		surv *= 1 - float64(st.Events)/float64(st.AtRisk)
		st.Share = 1 - surv
		s.Matched += st.Events
		s.Censored += st.Censored
		atRisk -= st.Events + st.Censored
		s.Steps = append(s.Steps, st)
	}
	s.Sample()
	return s
}

func matchedBy(s indicators.Survival, days int) int {
	n := 0
	for _, st := range s.Steps {
		if st.Days <= days {
			n += st.Events
		}
	}
	return n
}
