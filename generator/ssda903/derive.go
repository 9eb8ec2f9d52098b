package ssda903

import (
	"slices"
	"sort"

	"github.com/adoptionreport/adoptionreport/generator/period"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// A Row is one children.csv row derived from the 903: one child's period
// of care with adoption activity. Values holds each children.csv column's
// text (blank for what the 903 does not say); From, where each value
// came from, so that a problem with the row is reported at the 903 cell.
type Row struct {
	ChildID string
	Values  map[string]string
	From    map[string]Loc
	// Anchor is the period's first episode (its DECOM cell): where a
	// problem with no one cell of its own is reported.
	Anchor Loc
	// Episodes are the period's episodes as read, for check --explain.
	Episodes []Episode
	// Replaced holds, for each column the children.csv beside the 903
	// changed, the value the 903 gave.
	Replaced map[string]string
}

// An Episode is one 903 episode as the report read it.
type Episode struct {
	At                                        Loc // its row, at DECOM
	DECOM, RNE, LS, PLACE, PROVIDER, DEC, REC string
}

// period of care: episodes from one with RNE S to the first whose REC
// is not X1.
type carePeriod struct {
	eps        []*episode
	start, end period.Date // end 0: still open
	noStart    bool        // its first episode read is not RNE S
	closed     bool
}

func (p *carePeriod) contains(d period.Date) bool {
	return d >= p.start && (p.end == 0 || d <= p.end)
}

// isAdoptive reports whether a PLACE is an adoptive placement (A3–A6).
func isAdoptive(place string) bool {
	return place == "A3" || place == "A4" || place == "A5" || place == "A6"
}

// Derive turns the merged returns into children.csv rows, by the rules
// of docs/data.md, and checks the episodes' story: overlapping episodes,
// a period with no RNE S start, an episode after an adoption order, a
// decision or AD1 outside every period, a DATE_MATCH for a child never
// placed. own is [ssda903] own_providers.
func (r *Return) Derive(own []string) ([]Row, problem.List) {
	var probs problem.List
	var rows []Row
	for _, id := range r.children() {
		n := len(probs)
		rows = append(rows, r.deriveChild(id, own, &probs)...)
		if probs[n:].HasErrors() {
			r.troubled[id] = true
		}
	}
	return rows, probs
}

// children lists every child in any table, sorted.
func (r *Return) children() []string {
	seen := map[string]bool{}
	for id := range r.episodes {
		seen[id] = true
	}
	for id := range r.placed {
		seen[id] = true
	}
	for id := range r.ad1 {
		seen[id] = true
	}
	ids := make([]string, 0, len(seen))
	for id := range seen {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func errAt(probs *problem.List, c cell, format string, args ...any) {
	probs.Errorf(c.at().File, c.at().Row, c.at().Col, c.at().Column, format, args...)
}

// periods splits a child's episodes into periods of care, reporting
// overlaps and episodes after an adoption order.
func periods(id string, eps []*episode, probs *problem.List) []*carePeriod {
	var ps []*carePeriod
	var cur *carePeriod
	var adoption *episode
	for i, e := range eps {
		if i > 0 {
			prev := eps[i-1]
			switch {
			case prev.dec == 0:
				errAt(probs, e.decomC, "child %s's episode starting %s overlaps the one starting %s (%s:%d), which has no DEC (still open): give that episode the date it ceased, or delete one of them",
					id, e.decomC.text, prev.decomC.text, prev.decomC.at().File, prev.decomC.at().Row)
			case prev.dec > e.decom:
				errAt(probs, e.decomC, "child %s's episode starting %s overlaps the one starting %s (%s:%d), which ceased later, on %s: an episode starts on or after the day the one before it ceased",
					id, e.decomC.text, prev.decomC.text, prev.decomC.at().File, prev.decomC.at().Row, prev.decC.text)
			}
		}
		if adoption != nil {
			errAt(probs, e.decomC, "child %s has an episode starting %s, after the adoption order ended their care on %s (%s:%d, REC %s): an adopted child leaves care; check the dates, or whether this is another child",
				id, e.decomC.text, adoption.decC.text, adoption.decC.at().File, adoption.decC.at().Row, adoption.rec.text)
			continue
		}
		switch {
		case e.rne.text == "S":
			if cur != nil && !cur.closed {
				last := cur.eps[len(cur.eps)-1]
				errAt(probs, e.rne, "starts a new period of care (RNE S), but child %s's episode before it (%s:%d) did not end one (REC %s): give that episode the reason care ended, or this one the reason for the new episode (P, L, T, U or B)",
					id, last.rec.at().File, last.rec.at().Row, last.rec.text)
			}
			cur = &carePeriod{start: e.decom}
			ps = append(ps, cur)
		case cur == nil || cur.closed:
			cur = &carePeriod{start: e.decom, noStart: true}
			ps = append(ps, cur)
		}
		cur.eps = append(cur.eps, e)
		if e.rec.text != "" && e.rec.text != "X1" {
			cur.closed, cur.end = true, e.dec
			if e.rec.text == "E11" || e.rec.text == "E12" {
				adoption = e
			}
		}
	}
	return ps
}

func (r *Return) deriveChild(id string, own []string, probs *problem.List) []Row {
	if r.broken[id] {
		return nil
	}
	eps := r.episodes[id]
	if len(eps) == 0 {
		for _, p := range r.placed[id] {
			errAt(probs, p.child, "child %s has a placed_for_adoption row but no episodes in the 903 returns read: add the episodes, or the return of the year they were in care", id)
		}
		for _, a := range r.ad1[id] {
			errAt(probs, a.child, "child %s has an AD1 row but no episodes in the 903 returns read: add the episodes, or the return of the year they were in care", id)
		}
		return nil
	}
	ps := periods(id, eps, probs)
	// Each decision and AD1 belongs to the period it falls in.
	decisions := make([][]*placedRec, len(ps))
	for _, p := range r.placed[id] {
		if i := slices.IndexFunc(ps, func(cp *carePeriod) bool { return cp.contains(p.dPlaced) }); i >= 0 {
			decisions[i] = append(decisions[i], p)
		} else {
			errAt(probs, p.placed, "child %s's decision of %s is in none of their periods of care in the 903 returns read: check the date, or add the return of the year they entered care", id, p.placed.text)
		}
	}
	ad1s := make([]*ad1Rec, len(ps))
	for _, a := range r.ad1[id] {
		i := slices.IndexFunc(ps, func(cp *carePeriod) bool { return cp.contains(a.dInt) })
		switch {
		case i < 0:
			errAt(probs, a.dateInt, "child %s's DATE_INT %s is in none of their periods of care in the 903 returns read: check the date, or add the return of the year they entered care", id, a.dateInt.text)
		case ad1s[i] == nil || a.year > ad1s[i].year || a.year == ad1s[i].year && a.dInt > ad1s[i].dInt:
			ad1s[i] = a
		}
	}
	var rows []Row
	for i, p := range ps {
		k := slices.IndexFunc(p.eps, func(e *episode) bool { return isAdoptive(e.place.text) })
		if a := ad1s[i]; a != nil && a.dMatch != 0 && k < 0 {
			errAt(probs, a.dateMatch, "child %s has a match (DATE_MATCH %s) but was never placed for adoption in that period of care (no episode with PLACE A3–A6): AD1 is for adopted children; check the episodes or the child", id, a.dateMatch.text)
		}
		if len(decisions[i]) == 0 && k < 0 {
			continue // no adoption activity: not a row of children.csv
		}
		if p.noStart {
			first := p.eps[0]
			errAt(probs, first.rne, "child %s's period of care with an adoption plan has no start: its first episode read (%s) has RNE %s, not S: add the 903 return of the year the child entered care to [data] ssda903",
				id, first.decomC.text, first.rne.text)
			continue
		}
		h := r.header[id]
		if h == nil {
			errAt(probs, p.eps[0].child, "child %s is in no header.csv of the 903 returns read: the header table gives their sex, date of birth and ethnicity", id)
			continue
		}
		if a := ad1s[i]; a != nil && len(decisions[i]) > 0 {
			dec := slices.MaxFunc(decisions[i], func(x, y *placedRec) int { return int(x.dPlaced - y.dPlaced) })
			if a.dInt != dec.dPlaced {
				at := a.dateInt.at()
				probs.Warnf(at.File, at.Row, at.Col, at.Column, "child %s's DATE_INT %s is not the DATE_PLACED of their decision (%s, at %s:%d), as the return expects: should_be_placed is the decision's; correct whichever is wrong",
					id, a.dateInt.text, dec.placed.text, dec.placed.at().File, dec.placed.at().Row)
			}
		}
		rows = append(rows, derivePeriod(h, p, decisions[i], ad1s[i], k, own))
	}
	return rows
}

// derivePeriod applies the table of docs/data.md to one period; k is
// the index of its first adoptive placement, or -1.
func derivePeriod(h *headerRec, p *carePeriod, decisions []*placedRec, a *ad1Rec, k int, own []string) Row {
	row := Row{ChildID: h.child.text, Values: map[string]string{}, From: map[string]Loc{}, Anchor: p.eps[0].decomC.at()}
	set := func(col, text string, at Loc) {
		row.Values[col] = text
		row.From[col] = at
	}
	date := func(col string, d period.Date, at Loc) {
		if d != 0 {
			set(col, uk(d), at)
		}
	}
	for _, e := range p.eps {
		row.Episodes = append(row.Episodes, Episode{At: e.decomC.at(), DECOM: e.decomC.text, RNE: e.rne.text, LS: e.ls.text,
			PLACE: e.place.text, PROVIDER: e.provider.text, DEC: e.decC.text, REC: e.rec.text})
	}
	set("child_id", h.child.text, h.child.at())
	set("sex", map[string]string{"1": "male", "2": "female"}[h.sex.text], h.sex.at())
	set("date_of_birth", h.dob.text, h.dob.at())
	set("ethnicity", h.ethnic.text, h.ethnic.at())
	date("entered_care", p.start, p.eps[0].decomC.at())

	// The decision in force: the latest in the period.
	var dec *placedRec
	for _, d := range decisions {
		if dec == nil || d.dPlaced > dec.dPlaced {
			dec = d
		}
	}
	switch {
	case dec != nil:
		date("should_be_placed", dec.dPlaced, dec.placed.at())
		date("decision_reversed", dec.dCeased, dec.ceased.at())
		if dec.reason.text != "" {
			set("reversal_reason", dec.reason.text, dec.reason.at())
		}
	case a != nil:
		date("should_be_placed", a.dInt, a.dateInt.at())
	}
	for _, e := range p.eps {
		if e.ls.text == "E1" || e.ls.text == "D1" {
			// At the date's cell, not LS's: a problem with the date
			// quotes the DECOM it points at.
			date("placement_order", e.decom, e.decomC.at())
			break
		}
	}
	if a != nil {
		date("matched", a.dMatch, a.dateMatch.at())
		switch a.fosterCare.text {
		case "1":
			set("adopted_by_foster_carer", "yes", a.fosterCare.at())
		case "0":
			set("adopted_by_foster_carer", "no", a.fosterCare.at())
		}
	}
	before := p.eps
	if k >= 0 {
		before = p.eps[:k]
	}
	set("early_permanence", "none", p.eps[0].decomC.at())
	for _, e := range before {
		if e.place.text == "U2" || e.place.text == "U5" {
			set("early_permanence", "ffa", e.place.at())
			break
		}
	}
	if k >= 0 {
		ap := p.eps[k]
		date("placed_for_adoption", ap.decom, ap.decomC.at())
		j := k
		if ap.place.text == "A3" || ap.place.text == "A5" {
			// Placed with the current foster carer: the child has lived
			// there since the episode where the carer last changed.
			for j > 0 && (p.eps[j].rne.text == "L" || p.eps[j].rne.text == "T" || p.eps[j].rne.text == "U") {
				j--
			}
		}
		date("moved_in_with_adopters", p.eps[j].decom, p.eps[j].decomC.at())
		if ap.provider.text != "" {
			set("interagency", yesNo(!slices.Contains(own, ap.provider.text)), ap.provider.at())
		}
		last := p.eps[len(p.eps)-1]
		disrupted := false
		for _, e := range p.eps[k+1:] {
			if !isAdoptive(e.place.text) {
				date("disrupted", e.decom, e.decomC.at())
				disrupted = true
				break
			}
		}
		if !disrupted && p.closed && last.rec.text != "E11" && last.rec.text != "E12" && isAdoptive(last.place.text) {
			// Care ended from the adoptive placement other than by an
			// adoption order: the placement ended, as a disruption does.
			date("disrupted", last.dec, last.decC.at())
		}
	}
	if last := p.eps[len(p.eps)-1]; p.closed && (last.rec.text == "E11" || last.rec.text == "E12") {
		date("adoption_order", last.dec, last.decC.at())
	}
	return row
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// uk writes a date as the return does.
func uk(d period.Date) string { return d.Time().Format("02/01/2006") }
