package main

import (
	"math"

	"github.com/adoptionreport/adoptionreport/generator/period"
)

// The figures below follow the indicator definitions of docs/content.md, written again here so the
// sample's story is checked without depending on the indicators package.

// adoptedIn returns the children adopted in p.
func adoptedIn(cs []*child, p period.Period) []*child {
	var out []*child
	for _, c := range cs {
		if p.Contains(c.adoptionOrder) {
			out = append(out, c)
		}
	}
	return out
}

// meanDays returns the mean of f over cs, rounded half up, and false when
// no child counts.
func meanDays(cs []*child, f func(*child) (int, bool)) (int, bool) {
	sum, n := 0, 0
	for _, c := range cs {
		if v, ok := f(c); ok {
			sum += v
			n++
		}
	}
	if n == 0 {
		return 0, false
	}
	return int(math.Floor(float64(sum)/float64(n) + 0.5)), true
}

func a1(cs []*child, p period.Period) int {
	v, _ := meanDays(adoptedIn(cs, p), func(c *child) (int, bool) { return period.Days(c.enteredCare, c.placed), true })
	return v
}

func a2(cs []*child, p period.Period) int {
	v, _ := meanDays(adoptedIn(cs, p), func(c *child) (int, bool) {
		if c.placementOrder == 0 || c.matched == 0 {
			return 0, false
		}
		return max(0, period.Days(c.placementOrder, c.matched)), true
	})
	return v
}

func a10(cs []*child, p period.Period) int {
	v, _ := meanDays(adoptedIn(cs, p), func(c *child) (int, bool) {
		end := c.placed
		if (c.fosterCarer || c.earlyPermanence != "none") && c.movedIn != 0 {
			end = c.movedIn
		}
		return period.Days(c.enteredCare, end), true
	})
	return v
}

// waiting returns the children waiting at the end of year y, those of them
// with a placement order, and those with an order 547 days old or more.
func waiting(cs []*child, y period.Year) (all, withOrder, over18 int) {
	end := y.End()
	before := func(d period.Date) bool { return d != 0 && d <= end }
	for _, c := range cs {
		if !before(c.shouldBePlaced) || before(c.placed) || before(c.reversed) || before(c.adoptionOrder) {
			continue
		}
		all++
		if before(c.placementOrder) {
			withOrder++
			if period.Days(c.placementOrder, end) >= 547 {
				over18++
			}
		}
	}
	return all, withOrder, over18
}

func countChildren(cs []*child, f func(*child) bool) int {
	n := 0
	for _, c := range cs {
		if f(c) {
			n++
		}
	}
	return n
}

func countHouseholds(hs []*household, f func(*household) bool) int {
	n := 0
	for _, h := range hs {
		if f(h) {
			n++
		}
	}
	return n
}

// percent returns part/whole × 100.
func percent(part, whole int) float64 { return 100 * float64(part) / float64(whole) }

// adoptersWaiting returns households approved and not matched or withdrawn
// at the end of y.
func adoptersWaiting(hs []*household, y period.Year) int {
	end := y.End()
	before := func(d period.Date) bool { return d != 0 && d <= end }
	return countHouseholds(hs, func(h *household) bool {
		return before(h.approved) && !before(h.matched) && !before(h.withdrawn)
	})
}

// budgetYear sums budget, actual and the interagency lines' variance in y.
func budgetYear(lines []budgetLine, y period.Year) (budget, actual, interagency int64) {
	for _, b := range lines {
		if b.year != y {
			continue
		}
		budget += b.budget
		actual += b.actual
		if b.driver == "Interagency placements" {
			interagency += b.actual - b.budget
		}
	}
	return budget, actual, interagency
}
