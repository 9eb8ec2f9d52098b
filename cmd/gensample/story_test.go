package main

import (
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/period"
)

// TestStory checks the claims the sample's content/*.md make in words. The
// prose holds no figures, but it does say which way things went: if the
// generator changes, these fail before the text turns false.
func TestStory(t *testing.T) {
	cs, hs, budget := theSample.children, theSample.adopters, theSample.budget
	last := reportYear
	years := func(f func(period.Year) bool) bool {
		for y := historyStart; y <= last; y++ {
			if !f(y) {
				return false
			}
		}
		return true
	}
	three := func(y period.Year) period.Period { return period.Span(y, 3) }
	single := func(y period.Year) period.Period { return y.Period() }
	adopted := func(y period.Year) int { return len(adoptedIn(cs, single(y))) }
	interagency := func(y period.Year) int {
		return countChildren(cs, func(c *child) bool { return c.interagency && single(y).Contains(c.placed) })
	}
	onTime := func(y period.Year, stage int) float64 {
		n, ok := 0, 0
		for _, h := range hs {
			switch {
			case stage == 1 && !h.fastTrack && single(y).Contains(h.stage1Completed):
				n++
				if period.Days(h.stage1Started, h.stage1Completed) <= 60 {
					ok++
				}
			case stage == 2 && h.stage2Started != 0 && single(y).Contains(h.approved):
				n++
				if period.Days(h.stage2Started, h.approved) <= 121 {
					ok++
				}
			}
		}
		return percent(ok, n)
	}
	variance := func(y period.Year) (total, inter int64) {
		b, a, i := budgetYear(budget, y)
		return a - b, i
	}
	registered := func(y period.Year) int {
		return countHouseholds(hs, func(h *household) bool { return single(y).Contains(h.roi) })
	}
	earlyShare := func(p period.Period) float64 {
		ad := adoptedIn(cs, p)
		return percent(countChildren(ad, func(c *child) bool { return c.earlyPermanence != "none" }), len(ad))
	}
	childrenWaiting, _, over18 := waiting(cs, last)

	claims := []struct {
		claim string // as the content puts it
		page  string
		holds bool
	}{
		{"time from care to moving in (A1) this year the shortest of the six years", "summary, children",
			years(func(y period.Year) bool { return y == last || a1(cs, single(last)) < a1(cs, single(y)) })},
		{"the three-year A1 has improved every year", "summary, children",
			years(func(y period.Year) bool { return y == historyStart || a1(cs, three(y)) < a1(cs, three(y-1)) })},
		{"the three-year A2 is shorter than last year and than at the start", "children",
			a2(cs, three(last)) < a2(cs, three(last-1)) && a2(cs, three(last)) < a2(cs, three(historyStart))},
		{"early permanence and foster carers: A10 shorter than A1 every year", "children",
			years(func(y period.Year) bool { return a10(cs, single(y)) < a1(cs, single(y)) })},
		{"adoptions fell in 2020-21, the year the courts' backlog peaked, and those children had waited longer", "children",
			adopted(2020) < adopted(2019) && adopted(2020) < adopted(2021) && a1(cs, single(2020)) > a1(cs, single(2019))},
		{"a larger share of children adopted in the last three years came through early permanence than in the three before", "summary, children",
			earlyShare(three(last)) > earlyShare(three(last-3))},
		{"some children's plans changed this year", "children",
			countChildren(cs, func(c *child) bool { return single(last).Contains(c.reversed) }) > 0},
		{"between 40 and 60 adoptions a year", "summary",
			years(func(y period.Year) bool { return adopted(y) >= 40 && adopted(y) <= 60 })},
		{"a small number of children waited 18 months or more since their placement order", "children, priorities",
			over18 >= 1 && over18 <= 9},
		{"more children waiting than approved adopters waiting", "adopters, priorities",
			childrenWaiting > adoptersWaiting(hs, last)},
		{"more interagency placements this year than in any year of the report", "children, finance",
			years(func(y period.Year) bool { return y == last || interagency(last) > interagency(y) })},
		{"fewer registrations of interest than last year", "adopters", registered(last) < registered(last-1)},
		{"stage 1 and stage 2 more often on time than at the start", "adopters",
			onTime(last, 1) > onTime(historyStart, 1) && onTime(last, 2) > onTime(historyStart, 2)},
		{"registrations dipped in 2020-21, during the pandemic, and recovered the year after", "adopters",
			registered(2020) < registered(2019) && registered(2021) > registered(2020)},
		{"an overspend in each of the last three years, growing each year", "summary, finance",
			func() bool {
				v1, _ := variance(last - 2)
				v2, _ := variance(last - 1)
				v3, _ := variance(last)
				return 0 < v1 && v1 < v2 && v2 < v3
			}()},
		{"slightly less than the budget spent in 2019-20 and 2020-21", "finance",
			func() bool {
				for _, y := range []period.Year{2019, 2020} {
					b, a, _ := budgetYear(budget, y)
					if d := a - b; d >= 0 || -d*100 > 3*b { // an underspend within 3%
						return false
					}
				}
				return true
			}()},
		{"interagency fees are most of the overspend in each of the last three years", "finance",
			func() bool {
				for y := last - 2; y <= last; y++ {
					if v, i := variance(y); 2*i <= v {
						return false
					}
				}
				return true
			}()},
		{"the lines other than interagency fees stayed close to budget (within 3% a year)", "finance",
			years(func(y period.Year) bool {
				b, _, _ := budgetYear(budget, y)
				v, i := variance(y)
				return (v-i)*100 <= 3*b && (i-v)*100 <= 3*b
			})},
		{"the voluntary agency fee rose each year, most in 2023-24", "finance",
			years(func(y period.Year) bool {
				return voluntaryFee(y) > voluntaryFee(y-1) &&
					voluntaryFee(y)-voluntaryFee(y-1) <= voluntaryFee(2023)-voluntaryFee(2022)
			})},
		{"more interagency placements than budgeted this year", "finance",
			func() bool {
				for _, b := range budget {
					if b.year == last && b.driver == "Interagency placements" && b.actualVolume <= b.budgetVolume {
						return false
					}
				}
				return true
			}()},
	}
	for _, c := range claims {
		if !c.holds {
			t.Errorf("content/%s says %q, and the data no longer shows it", c.page, c.claim)
		}
	}
}
