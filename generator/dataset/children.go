package dataset

import (
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/period"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// childCSV is a children.csv row as text, one string field per column.
type childCSV struct {
	ChildID              string `csv:"child_id" required:"yes"`
	LA                   string `csv:"la"`
	Sex                  string `csv:"sex" required:"yes"`
	DateOfBirth          string `csv:"date_of_birth" required:"yes"`
	Ethnicity            string `csv:"ethnicity"`
	Disabled             string `csv:"disabled"`
	SiblingGroup         string `csv:"sibling_group"`
	EnteredCare          string `csv:"entered_care" required:"yes"`
	ShouldBePlaced       string `csv:"should_be_placed" required:"yes"`
	PlacementOrder       string `csv:"placement_order"`
	Matched              string `csv:"matched"`
	PlacedForAdoption    string `csv:"placed_for_adoption"`
	MovedInWithAdopters  string `csv:"moved_in_with_adopters"`
	AdoptedByFosterCarer string `csv:"adopted_by_foster_carer"`
	EarlyPermanence      string `csv:"early_permanence"`
	Interagency          string `csv:"interagency"`
	AdoptionOrder        string `csv:"adoption_order"`
	DecisionReversed     string `csv:"decision_reversed"`
	ReversalReason       string `csv:"reversal_reason"`
	Disrupted            string `csv:"disrupted"`
}

var childSchema = schemaOf(childCSV{})

// childDateRules are the rules of docs/data.md on the order of a child's dates.
var childDateRules = []dateRule{
	{early: "date_of_birth", late: "entered_care"},
	{early: "entered_care", late: "should_be_placed", atLate: true},
	{early: "matched", late: "placed_for_adoption"},
	{early: "moved_in_with_adopters", late: "placed_for_adoption"},
	{early: "placed_for_adoption", late: "adoption_order"},
	{early: "placement_order", late: "matched", warn: true, note: ": A2 counts this child as 0 days; check both dates"},
	// The durations A1, A3 and A10 count from entering care: a placement
	// before it would be a negative wait, averaged in without a word.
	{early: "entered_care", late: "placed_for_adoption", atLate: true, figure: "A1"},
}

// movedInRule is the rule on moving in with adopters. Only a foster
// carer's or an early permanence adoption's A10 ends on that date, so
// only then can the message name the figure it would move.
func movedInRule(ch Child) dateRule {
	r := dateRule{early: "entered_care", late: "moved_in_with_adopters", atLate: true,
		note: ": a child cannot move in with adopters before entering care; check both dates"}
	if ch.AdoptedByFosterCarer || ch.EarlyPermanence != "" && ch.EarlyPermanence != EarlyPermanenceNone {
		r.figure = "A10"
	}
	return r
}

// readChildren reads and checks children.csv. A date after lim.today is
// an error; dates after the end of lim.year are checked with the rest,
// then set aside (see rowCheck.asAt), and late is how many. Every row is
// returned, even one with errors, so that callers can count; problems
// are in row and column order. name is the file's name in messages.
func readChildren(name string, data []byte, lim limits) (kids []Child, probs problem.List, late int) {
	t := readTable(name, data, childSchema, &probs)
	if t == nil {
		return nil, sortByPlace(probs), 0
	}
	raw := rawRows[childCSV](t, childSchema)
	kids, late = checkChildren(t, raw, nil, lim, &probs)
	return kids, sortByPlace(probs), late
}

// checkChildren checks the rows of t, raw[i] being t.rows[i] as text.
// from, if not nil, says for each row where the cells that did not come
// from t came from (see rowCheck.from).
func checkChildren(t *table, raw []childCSV, from []map[string]cellPlace, lim limits, probs *problem.List) ([]Child, int) {
	laColumn(t, lim, probs)
	if t.col["ethnicity"] == 0 {
		probs.Warnf(t.name, t.headerRow, 0, "ethnicity", "column is missing: every child is counted as Not known")
	}
	type key struct {
		id      string
		entered period.Date
	}
	seen := make(map[key]int, len(raw))
	out := make([]Child, 0, len(raw))
	c := newRowCheck(t, lim, probs)
	for i := range raw {
		r := &raw[i]
		row := t.rows[i].row
		c.next(row)
		if from != nil {
			c.from = from[i]
		}
		ch := Child{
			Row:            row,
			ChildID:        r.ChildID,
			LA:             c.la(r.LA),
			Sex:            c.sex(r.Sex),
			DateOfBirth:    c.date("date_of_birth", r.DateOfBirth),
			Ethnicity:      r.Ethnicity,
			Disabled:       c.yesNo("disabled", r.Disabled),
			SiblingGroup:   r.SiblingGroup,
			EnteredCare:    c.date("entered_care", r.EnteredCare),
			ShouldBePlaced: c.date("should_be_placed", r.ShouldBePlaced),
			PlacementOrder: c.date("placement_order", r.PlacementOrder),
			Matched:        c.date("matched", r.Matched),

			PlacedForAdoption:    c.date("placed_for_adoption", r.PlacedForAdoption),
			MovedInWithAdopters:  c.date("moved_in_with_adopters", r.MovedInWithAdopters),
			AdoptedByFosterCarer: c.yesNo("adopted_by_foster_carer", r.AdoptedByFosterCarer),
			EarlyPermanence:      c.earlyPermanence(r.EarlyPermanence),
			Interagency:          c.yesNo("interagency", r.Interagency),
			AdoptionOrder:        c.date("adoption_order", r.AdoptionOrder),
			DecisionReversed:     c.date("decision_reversed", r.DecisionReversed),
			ReversalReason:       r.ReversalReason,
			Disrupted:            c.date("disrupted", r.Disrupted),
		}
		c.required("child_id", r.ChildID)
		for _, f := range []struct{ name, v string }{
			{"date_of_birth", r.DateOfBirth}, {"entered_care", r.EnteredCare}, {"should_be_placed", r.ShouldBePlaced},
		} {
			c.required(f.name, f.v)
		}
		ch.EthnicityGroup = c.ethnicity(r.Ethnicity, true)
		c.order(append(childDateRules, movedInRule(ch)))
		if ch.AdoptionOrder != 0 && ch.PlacedForAdoption == 0 && r.PlacedForAdoption == "" {
			c.errorf("placed_for_adoption", "is blank, but the child has an adoption_order (%s): give the date the child was placed for adoption", r.AdoptionOrder)
		}
		if ch.MovedInWithAdopters == 0 && r.MovedInWithAdopters == "" {
			ch.MovedInWithAdopters = ch.PlacedForAdoption
		}
		if ch.ChildID != "" && ch.EnteredCare != 0 {
			k := key{ch.ChildID, ch.EnteredCare}
			if first, dup := seen[k]; dup {
				c.errorf("child_id", "child %s entering care on %s is also on row %d: each period of care is one row; delete or merge one of them", ch.ChildID, r.EnteredCare, first)
			} else {
				seen[k] = row
			}
		}
		c.asAt(&ch.DateOfBirth, &ch.EnteredCare, &ch.ShouldBePlaced, &ch.PlacementOrder, &ch.Matched,
			&ch.PlacedForAdoption, &ch.MovedInWithAdopters, &ch.AdoptionOrder, &ch.DecisionReversed, &ch.Disrupted)
		out = append(out, ch)
	}
	c.reportLA()
	return out, c.late
}

// sex reads male/female, m/f or SSDA903's 1/2 in any case.
func (c *rowCheck) sex(v string) string {
	switch strings.ToLower(v) {
	case "male", "m", "1":
		return "male"
	case "female", "f", "2":
		return "female"
	case "":
		c.required("sex", v)
		return ""
	}
	c.errorf("sex", "%q is not a sex (write male or female; m/f, or 1 for male and 2 for female as in SSDA903, also work)", v)
	return ""
}

// earlyPermanence reads none, ffa or concurrent in any case; blank is none.
func (c *rowCheck) earlyPermanence(v string) string {
	switch k := strings.ToLower(v); k {
	case "", EarlyPermanenceNone:
		return EarlyPermanenceNone
	case EarlyPermanenceFfA, EarlyPermanenceConcurrent:
		return k
	}
	c.errorf("early_permanence", "%q is not an early permanence type (write none, ffa for fostering for adoption, or concurrent for concurrent planning; blank means none)", v)
	return EarlyPermanenceNone
}

// ethnicity groups a 903 code or group name. warnBlank is for
// children.csv, where docs/data.md asks for a warning on a missing
// ethnicity.
func (c *rowCheck) ethnicity(v string, warnBlank bool) string {
	g, ok := ethnicityGroup(v)
	switch {
	case !ok:
		c.warnf("ethnicity", "%q is not an SSDA903 ethnicity code (such as WBRI or MWBC) or a group (White, Mixed, Asian, Black, Other, Not known): counted as Not known", v)
	case v == "" && warnBlank && c.t.col["ethnicity"] != 0:
		c.warnf("ethnicity", "is blank: counted as Not known")
	}
	return g
}
