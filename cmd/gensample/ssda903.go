package main

import (
	"cmp"
	"slices"

	"github.com/adoptionreport/adoptionreport/generator/period"
)

// The sample's 903 variant: the same children as children.csv, as the
// council's SSDA903 returns would hold them (a folder per year), with
// the partial children.csv an officer keeps beside them for what the
// 903 does not record. Read by the rules of docs/data.md they give back
// children.csv exactly, so a 903 project of the sample reports the same
// figures (TestSSDA903VariantSameFigures).

var (
	headerCols   = []string{"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"}
	episodeCols  = []string{"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"}
	ad1Cols      = []string{"CHILD", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"}
	placedCols   = []string{"CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"}
	trackerCols  = []string{"child_id", "entered_care", "disabled", "sibling_group", "matched", "moved_in_with_adopters", "adopted_by_foster_carer", "early_permanence", "reversal_reason"}
	rdCodes      = []string{"RD1", "RD2", "RD3", "RD4"}
	carerPlace   = "U4" // foster placement with other foster carer
	ffaPlace     = "U5" // with a foster carer who is also an approved adopter: FfA
	firstPlace   = "U6" // the placement a child comes into care to
	afterDisrupt = "U4"
)

// spell is one 903 episode of the sample, before it is cut into years.
type spell struct {
	child                  *child
	decom, dec             period.Date
	rne, ls, place, prov   string
	rec                    string
	carerChange, lsChanged bool
}

// episodesOf writes one child's period of care as 903 episodes: a new
// episode at every change of carer, legal status or placement, with the
// reason for it (RNE) the return uses: P a new carer, L legal status
// only, T a new placement with the same carer, U both, B legal status
// and a new carer. end, if not 0, closes a period with no adoption
// order (the child went home: REC E13) before the child's next one.
func episodesOf(c *child, end period.Date) []spell {
	type change struct {
		carer, adoptive, toE1 bool
		place                 string
	}
	at := map[period.Date]*change{}
	get := func(d period.Date) *change {
		if at[d] == nil {
			at[d] = &change{}
		}
		return at[d]
	}
	withCarer := c.movedIn != 0 && (c.placed == 0 || c.movedIn < c.placed)
	if withCarer {
		ch := get(c.movedIn)
		ch.carer, ch.place = true, carerPlace
		if c.earlyPermanence != "none" {
			ch.place = ffaPlace
		}
	}
	if c.placementOrder != 0 {
		get(c.placementOrder).toE1 = true
	}
	if c.placed != 0 {
		ch := get(c.placed)
		ch.adoptive = true
		ch.carer = ch.carer || !withCarer
		switch {
		case withCarer && c.placementOrder != 0:
			ch.place = "A5"
		case withCarer:
			ch.place = "A3"
		case c.placementOrder != 0:
			ch.place = "A6"
		default:
			ch.place = "A4"
		}
	}
	if c.disrupted != 0 {
		ch := get(c.disrupted)
		ch.carer, ch.place = true, afterDisrupt
	}
	dates := make([]period.Date, 0, len(at))
	for d := range at {
		if d > c.enteredCare {
			dates = append(dates, d)
		}
	}
	slices.Sort(dates)
	ls := "C2" // interim care order
	if c.placementOrder == 0 && c.placed != 0 {
		ls = "V2" // accommodated: a relinquished baby placed with consent
	}
	first := spell{child: c, decom: c.enteredCare, rne: "S", ls: ls, place: firstPlace, prov: "PR1"}
	if ch := at[c.enteredCare]; ch != nil {
		if ch.place != "" {
			first.place = ch.place
		}
		if ch.toE1 {
			first.ls = "E1"
		}
	}
	eps := []spell{first}
	for _, d := range dates {
		ch, prev := at[d], eps[len(eps)-1]
		e := spell{child: c, decom: d, ls: prev.ls, place: prev.place, prov: prev.prov}
		if ch.toE1 {
			e.ls = "E1"
		}
		if ch.place != "" {
			e.place = ch.place
		}
		if ch.adoptive && c.interagency {
			e.prov = "PR3"
			if c.voluntaryAgency {
				e.prov = "PR4"
			}
		}
		lsChange, placeChange := e.ls != prev.ls, e.place != prev.place
		switch {
		case ch.carer && lsChange:
			e.rne = "B"
		case ch.carer:
			e.rne = "P"
		case placeChange && lsChange:
			e.rne = "U"
		case placeChange:
			e.rne = "T"
		default:
			e.rne = "L"
		}
		eps[len(eps)-1].dec, eps[len(eps)-1].rec = d, "X1"
		eps = append(eps, e)
	}
	last := &eps[len(eps)-1]
	switch {
	case c.adoptionOrder != 0:
		last.dec, last.rec = c.adoptionOrder, "E11"
	case end != 0:
		last.dec, last.rec = end, "E13"
	}
	return eps
}

// ssda903Files is the 903 variant: folders 903/YYYY-YY, one per year
// from the first in which a child of the sample entered care, and the
// partial children.csv.
func (s *sample) ssda903Files() []file {
	// A child's later period of care starts after the earlier one ends:
	// it ends the day the decision was reversed and the child went home.
	periods := map[string][]*child{}
	for _, c := range s.children {
		periods[c.id] = append(periods[c.id], c)
	}
	var all []spell
	first := reportYear
	for _, c := range s.children {
		var end period.Date
		ps := periods[c.id]
		if i := slices.Index(ps, c); i < len(ps)-1 {
			end = cmp.Or(c.reversed, ps[i+1].enteredCare-1)
		}
		all = append(all, episodesOf(c, end)...)
		first = min(first, yearOf(c.enteredCare))
	}
	slices.SortStableFunc(all, func(a, b spell) int {
		return cmp.Or(cmp.Compare(a.child.id, b.child.id), cmp.Compare(a.decom, b.decom))
	})
	var files []file
	for y := first; y <= reportYear; y++ {
		var header, episodes, ad1, placed [][]string
		inYear := map[*child]bool{}
		seen := map[string]bool{}
		for _, e := range all {
			if e.decom > y.End() || e.dec != 0 && e.dec < y.Start() {
				continue // not looked after in this episode during the year
			}
			dec, rec := ukOrBlank(e.dec), e.rec
			if e.dec > y.End() {
				dec, rec = "", "" // still open at the end of the year's return
			}
			episodes = append(episodes, []string{e.child.id, uk(e.decom), e.rne, e.ls, "N1", e.place, e.prov, dec, rec, "", "", "", ""})
			inYear[e.child] = true
			if !seen[e.child.id] {
				seen[e.child.id] = true
				header = append(header, []string{e.child.id, map[string]string{"male": "1", "female": "2"}[e.child.sex], uk(e.child.dob), e.child.ethnicity, "", "", ""})
			}
		}
		for _, c := range s.children {
			if !inYear[c] {
				continue
			}
			if c.shouldBePlaced <= y.End() && (c.reversed == 0 || c.reversed >= y.Start()) {
				ceased, reason := "", ""
				if c.reversed != 0 && c.reversed <= y.End() {
					ceased = uk(c.reversed)
					if slices.Contains(rdCodes, c.reversalReason) {
						reason = c.reversalReason
					}
				}
				placed = append(placed, []string{c.id, uk(c.shouldBePlaced), ceased, reason})
			}
			if c.adoptionOrder != 0 && yearOf(c.adoptionOrder) == y {
				fc := "0"
				if c.fosterCarer {
					fc = "1"
				}
				ad1 = append(ad1, []string{c.id, uk(c.shouldBePlaced), ukOrBlank(c.matched), fc, "2", "MF", "L0"})
			}
		}
		dir := "903/" + y.String() + "/"
		files = append(files,
			file{dir + "header.csv", encode(headerCols, header)},
			file{dir + "episodes.csv", encode(episodeCols, episodes)},
			file{dir + "ad1.csv", encode(ad1Cols, ad1)},
			file{dir + "placed_for_adoption.csv", encode(placedCols, placed)},
		)
	}
	return append(files, file{"children.csv", encode(trackerCols, s.tracker(periods))})
}

// tracker is the partial children.csv beside the 903: one row per
// period of care, giving what the 903 does not record.
func (s *sample) tracker(periods map[string][]*child) [][]string {
	var rows [][]string
	for _, c := range s.children {
		entered := ""
		if len(periods[c.id]) > 1 {
			entered = uk(c.enteredCare)
		}
		row := []string{c.id, entered, yesNo(c.disabled), c.siblingGroup, "", "", "", "", ""}
		if c.adoptionOrder == 0 {
			// The 903 records a match, and adoption by a foster carer,
			// in AD1, once the child is adopted.
			row[4] = ukOrBlank(c.matched)
			if c.fosterCarer {
				row[6] = "yes"
			}
		}
		if c.placed == 0 && c.movedIn != 0 {
			// Living with the adopters, not yet placed for adoption: the
			// 903's moved-in date is read from the adoptive placement.
			row[5] = uk(c.movedIn)
		}
		ffa := c.movedIn != 0 && (c.placed == 0 || c.movedIn < c.placed) && c.earlyPermanence != "none"
		if derived := map[bool]string{true: "ffa", false: "none"}[ffa]; derived != c.earlyPermanence {
			row[7] = c.earlyPermanence // concurrent planning: the 903 cannot tell it from FfA
		}
		if c.reversed != 0 && !slices.Contains(rdCodes, c.reversalReason) {
			row[8] = c.reversalReason // the 903 holds only the codes
		}
		rows = append(rows, row)
	}
	return rows
}

// uk writes a date as the 903 return does: dd/mm/yyyy.
func uk(d period.Date) string { return d.Time().Format("02/01/2006") }

func ukOrBlank(d period.Date) string {
	if d == 0 {
		return ""
	}
	return uk(d)
}
