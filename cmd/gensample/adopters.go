package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/adoptionreport/adoptionreport/generator/period"
)

// household is one row of adopters.csv: one household's application.
type household struct {
	id                                                                    string
	enquiry, roi, stage1Started, stage1Completed, stage2Started, approved period.Date
	matched, placed, withdrawn                                            period.Date
	withdrawnReason                                                       string
	fastTrack, earlyPermanence                                            bool
	ethnicity                                                             string
}

// registrations is the number of registrations of interest in each year.
// 2018-19 is there so that 2019-20's approvals have their beginnings.
var registrations = map[period.Year]int{
	2018: 95, 2019: 104, 2020: 86, 2021: 112, 2022: 99, 2023: 93, 2024: 89,
}

// adopterEthnicity is the main adopter's ethnicity (SSDA903 codes).
var adopterEthnicity = []weighted{
	{"WBRI", 78}, {"WIRI", 2}, {"WOTH", 5}, {"MWBC", 2}, {"MOTH", 1.5},
	{"AIND", 2}, {"APKN", 2}, {"AOTH", 1}, {"BCRB", 1.5}, {"BAFR", 2}, {"BOTH", 0.5},
	{"CHNE", 0.5}, {"OOTH", 2},
}

// Where a household leaves the process, and why.
var (
	fates = []weighted{
		{"stage1", 17}, {"between", 6}, {"stage2", 10}, {"approved", 4}, {"adopt", 63},
	}
	earlyReasons = []weighted{
		{"Change in personal circumstances", 4},
		{"Decided adoption is not right for them at this time", 4},
		{"Pursuing fertility treatment", 2},
		{"Moved out of the area", 1},
		{"Chose another adoption agency", 1},
		{"Did not meet the statutory checks", 1},
	}
	stage2Reasons = []weighted{
		{"Change in personal circumstances", 3},
		{"Not recommended for approval by the agency", 2},
		{"Health reasons", 2},
		{"Financial or housing circumstances changed", 1},
		{"Decided adoption is not right for them at this time", 2},
	}
	approvedReasons = []weighted{
		{"Change in personal circumstances", 2},
		{"Approval ended at the household's request", 1},
		{"Pregnancy", 1},
	}
)

// generateAdopters returns the rows of adopters.csv, in order of
// registration of interest;
// scale scales each year's registrations (an RAA serving more councils
// hears from more households).
func generateAdopters(d draw, scale float64) []*household {
	var hs []*household
	for y := period.Year(2018); y <= reportYear; y++ {
		for range scaled(registrations[y], scale) {
			hs = append(hs, application(d, y))
		}
	}
	slices.SortStableFunc(hs, func(a, b *household) int { return cmp.Compare(a.roi, b.roi) })
	for i, h := range hs {
		h.id = fmt.Sprintf("HH%04d", i+1)
	}
	return hs
}

// application follows one household that registers an interest in year y.
// Stage timeliness improves over the years, as the RAA's story has it.
func application(d draw, y period.Year) *household {
	days := func(n int) period.Date { return period.Date(n) }
	n := float64(y - 2018)
	h := &household{
		fastTrack:       d.chance(0.1),
		earlyPermanence: d.chance(0.10 + 0.02*n),
		ethnicity:       d.pick(adopterEthnicity),
	}
	h.roi = d.dateIn(y)
	if d.chance(0.92) {
		h.enquiry = h.roi - days(d.intn(3, 90))
	}
	fate := d.pick(fates)
	defer h.clip()

	if h.fastTrack {
		// Foster carers and adopters approved before skip stage 1.
		h.stage2Started = h.roi + days(d.intn(7, 35))
		if fate == "stage1" || fate == "between" {
			fate = "stage2"
		}
	} else {
		h.stage1Started = h.roi + days(d.intn(0, 21))
		dur := d.intn(35, 60)
		if d.chance(0.38 - 0.045*n) {
			dur = d.intn(61, 130)
		}
		if fate == "stage1" {
			h.withdraw(h.stage1Started+days(d.intn(5, dur-1)), d.pick(earlyReasons))
			return h
		}
		h.stage1Completed = h.stage1Started + days(dur)
		if fate == "between" {
			h.withdraw(h.stage1Completed+days(d.intn(5, 60)), d.pick(earlyReasons))
			return h
		}
		gap := d.intn(1, 21)
		switch x := d.r.Float64(); {
		case x < 0.05:
			gap = d.intn(91, 180) // a break between stages, as adopters may take
		case x < 0.30:
			gap = d.intn(22, 90)
		}
		h.stage2Started = h.stage1Completed + days(gap)
	}
	dur := d.intn(80, 121)
	late := 0.42 - 0.045*n
	if h.fastTrack {
		late /= 2
	}
	if d.chance(late) {
		dur = d.intn(122, 210)
	}
	if fate == "stage2" {
		h.withdraw(h.stage2Started+days(d.intn(10, dur)), d.pick(stage2Reasons))
		return h
	}
	h.approved = h.stage2Started + days(dur)
	mean := 140.0
	if h.earlyPermanence {
		mean = 90
	}
	wait := min(700, 14+int(-mean*math.Log(1-d.r.Float64())))
	if fate == "approved" {
		h.withdraw(h.approved+days(d.intn(60, 450)), d.pick(approvedReasons))
		return h
	}
	h.matched = h.approved + days(wait)
	h.placed = h.matched + days(d.intn(7, 70))
	return h
}

func (h *household) withdraw(on period.Date, reason string) {
	h.withdrawn, h.withdrawnReason = on, reason
}

// clip blanks whatever happens after the report year.
func (h *household) clip() {
	h.stage1Started = clip(h.stage1Started)
	h.stage1Completed = clip(h.stage1Completed)
	h.stage2Started = clip(h.stage2Started)
	h.approved = clip(h.approved)
	h.matched = clip(h.matched)
	h.placed = clip(h.placed)
	if h.withdrawn = clip(h.withdrawn); h.withdrawn == 0 {
		h.withdrawnReason = ""
	}
}
