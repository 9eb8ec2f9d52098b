package indicators

import (
	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

// adopterFlow tallies the adopter journey in one financial year.
type adopterFlow struct {
	enquiries, registrations, stage1Started, stage2Started int
	approvals, matches, withdrawals                        int
	// on-time shares: households on time, of households counted
	stage1On, stage1Of int
	stage2On, stage2Of int
	sixOn, sixOf       int
}

// adopterStock counts the households waiting at the end of one year.
type adopterStock struct {
	waiting, over3 int
}

type adopterTally struct {
	flow  []adopterFlow
	stock []adopterStock // indexed like Config.Years
}

func tallyAdopters(adopters []dataset.Adopter, cal *calendar, years []period.Year, th config.Thresholds) *adopterTally {
	t := &adopterTally{
		flow:  make([]adopterFlow, len(cal.starts)-1),
		stock: make([]adopterStock, len(years)),
	}
	ends := make([]period.Date, len(years))
	for j, y := range years {
		ends[j] = y.End()
	}
	for i := range adopters {
		a := &adopters[i]
		if y := cal.index(a.Enquiry); y >= 0 {
			t.flow[y].enquiries++
		}
		if y := cal.index(a.RegistrationOfInterest); y >= 0 {
			t.flow[y].registrations++
		}
		if y := cal.index(a.Stage1Started); y >= 0 {
			t.flow[y].stage1Started++
		}
		if y := cal.index(a.Stage2Started); y >= 0 {
			t.flow[y].stage2Started++
		}
		if y := cal.index(a.Matched); y >= 0 {
			t.flow[y].matches++
		}
		if y := cal.index(a.Withdrawn); y >= 0 {
			t.flow[y].withdrawals++
		}
		// Stage 1 timeliness needs both ends of stage 1; a fast-track
		// household has no stage 1 to time.
		if y := cal.index(a.Stage1Completed); y >= 0 && !a.FastTrack && a.Stage1Started != 0 {
			f := &t.flow[y]
			f.stage1Of++
			if period.Days(a.Stage1Started, a.Stage1Completed) <= th.Stage1 {
				f.stage1On++
			}
		}
		if y := cal.index(a.Approved); y >= 0 {
			f := &t.flow[y]
			f.approvals++
			if a.Stage2Started != 0 {
				f.stage2Of++
				if period.Days(a.Stage2Started, a.Approved) <= th.Stage2 {
					f.stage2On++
				}
			}
			// Fast track is meant to be quicker; counting it would flatter
			// the six-month measure.
			if !a.FastTrack {
				f.sixOf++
				if period.Days(a.RegistrationOfInterest, a.Approved) <= th.SixMonths {
					f.sixOn++
				}
			}
		}
		if a.Approved == 0 {
			continue
		}
		for j, end := range ends {
			// Waiting at the end of the year: approved by then, and neither
			// matched nor withdrawn on or before that day.
			if a.Approved > end || (a.Matched != 0 && a.Matched <= end) || (a.Withdrawn != 0 && a.Withdrawn <= end) {
				continue
			}
			t.stock[j].waiting++
			if period.Days(a.Approved, end) > th.ThreeMonths {
				t.stock[j].over3++
			}
		}
	}
	return t
}

// figures returns the adopter figures for the j-th year of the history, p.
func (t *adopterTally) figures(cal *calendar, j int, p period.Period) []Figure {
	lo, _ := cal.span(p)
	f := t.flow[lo]
	s := t.stock[j]
	return []Figure{
		count("enquiries", p, f.enquiries),
		count("registrations", p, f.registrations),
		count("stage1_started", p, f.stage1Started),
		count("stage2_started", p, f.stage2Started),
		count("approvals", p, f.approvals),
		count("adopter_matches", p, f.matches),
		count("withdrawals", p, f.withdrawals),
		percent("stage1_on_time_percent", p, f.stage1On, f.stage1Of),
		percent("stage2_on_time_percent", p, f.stage2On, f.stage2Of),
		percent("approved_within_6_months_percent", p, f.sixOn, f.sixOf),
		count("adopters_waiting", p, s.waiting),
		count("adopters_waiting_over_3_months", p, s.over3),
	}
}
