package indicators

import (
	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

// Dimension is a way of dividing children into groups.
type Dimension string

// The breakdowns the report shows: the groups the scorecard's critics say
// wait longest.
const (
	// Age in completed years at the adoption order, or at the year end for
	// children waiting.
	Age Dimension = "age"
	// SiblingGroup: placed with brothers or sisters (sibling_group given).
	SiblingGroup Dimension = "sibling_group"
	// Ethnicity is the child's ethnicity group.
	Ethnicity Dimension = "ethnicity"
	// Disability: disabled yes or no.
	Disability Dimension = "disability"
)

// Dimensions lists every Dimension, in the order the report shows them.
var Dimensions = []Dimension{Age, SiblingGroup, Ethnicity, Disability}

// groupDef is one group of one dimension. Keys are stable identifiers,
// not labels: the presentation layer words them.
type groupDef struct {
	dim Dimension
	key string
}

// Group keys of the Age dimension, in completed years.
const (
	AgeUnder1    = "under_1"
	Age1To4      = "1-4"
	Age5To9      = "5-9"
	Age10AndOver = "10+"
)

// Ethnicity groups, as dataset sets Child.EthnicityGroup. Anything else,
// blank included, counts as Not known.
var ethnicityGroups = dataset.EthnicityGroups()

// groups lists every group of every dimension in report order; a child
// belongs to exactly one group of each dimension. The slot constants
// below index it.
var groups = func() []groupDef {
	g := []groupDef{
		{Age, AgeUnder1}, {Age, Age1To4}, {Age, Age5To9}, {Age, Age10AndOver},
		{SiblingGroup, "yes"}, {SiblingGroup, "no"},
	}
	for _, e := range ethnicityGroups {
		g = append(g, groupDef{Ethnicity, e})
	}
	return append(g, groupDef{Disability, "yes"}, groupDef{Disability, "no"})
}()

const (
	slotAge       = 0
	slotSibling   = 4
	slotEthnicity = 6
	slotDisabled  = 12
	numGroups     = 14
)

// groupsOf returns the group slots child c is in, with its age taken at
// the date at.
func groupsOf(c *dataset.Child, at period.Date) [4]int {
	var s [4]int
	switch a := ageAt(c.DateOfBirth, at); {
	case a < 1:
		s[0] = slotAge
	case a < 5:
		s[0] = slotAge + 1
	case a < 10:
		s[0] = slotAge + 2
	default:
		s[0] = slotAge + 3
	}
	s[1] = slotSibling + 1
	if c.SiblingGroup != "" {
		s[1] = slotSibling
	}
	s[2] = slotEthnicity + len(ethnicityGroups) - 1
	for i, e := range ethnicityGroups {
		if c.EthnicityGroup == e {
			s[2] = slotEthnicity + i
			break
		}
	}
	s[3] = slotDisabled + 1
	if c.Disabled {
		s[3] = slotDisabled
	}
	return s
}

// ageAt is the age in completed years on date at of someone born on dob.
// Someone born on 29 February turns a year older on 1 March in a year
// without one, as in English law.
func ageAt(dob, at period.Date) int {
	by, bm, bd := dob.Time().Date()
	ay, am, ad := at.Time().Date()
	age := ay - by
	if am < bm || (am == bm && ad < bd) {
		age--
	}
	return age
}

// Breakdown divides a cohort of children into the groups of each
// dimension.
type Breakdown struct {
	// Cohort is "adopted" (children adopted in Period) or "waiting"
	// (children waiting at its end).
	Cohort string
	Period period.Period
	Groups []Group
}

// Group is the figures of one group of a breakdown.
type Group struct {
	Dimension Dimension
	// Key identifies the group within its dimension: AgeUnder1 … Age10AndOver,
	// "yes"/"no", or an ethnicity group (White, Mixed, Asian, Black, Other,
	// Not known).
	Key string
	// Count is adopted or waiting, for this group.
	Count Figure
	// A1 and A10 are the group's means; for a waiting cohort they are zero
	// Figures with no ID.
	A1, A10 Figure
}

// adoptedBreakdown breaks down the children adopted in p.
// a1Threshold is the A1 threshold in days, which both means are judged
// against.
func (t *childTally) adoptedBreakdown(cal *calendar, p period.Period, a1Threshold int) Breakdown {
	f := t.span(cal, p)
	b := Breakdown{Cohort: "adopted", Period: p, Groups: make([]Group, len(groups))}
	for i, g := range groups {
		gf := f.groups[i]
		b.Groups[i] = Group{
			Dimension: g.dim,
			Key:       g.key,
			Count:     count("adopted", p, gf.n),
			A1:        mean("a1", p, gf.a1Sum, gf.a1N),
			A10:       mean("a10", p, gf.a10Sum, gf.a10N),
		}
		b.Groups[i].Count.Unit = Children
		b.Groups[i].A1.Unit, b.Groups[i].A1.Threshold = Days, a1Threshold
		b.Groups[i].A10.Unit, b.Groups[i].A10.Threshold = Days, a1Threshold
	}
	return b
}

// waitingBreakdown breaks down the children waiting at the end of the
// j-th year of the history, p.
func (t *childTally) waitingBreakdown(j int, p period.Period) Breakdown {
	s := t.stock[j]
	b := Breakdown{Cohort: "waiting", Period: p, Groups: make([]Group, len(groups))}
	for i, g := range groups {
		b.Groups[i] = Group{Dimension: g.dim, Key: g.key, Count: count("waiting", p, s.groups[i])}
		b.Groups[i].Count.Unit = Children
	}
	return b
}

// Of returns the groups of dimension d, in report order.
func (b Breakdown) Of(d Dimension) []Group {
	var out []Group
	for _, g := range b.Groups {
		if g.Dimension == d {
			out = append(out, g)
		}
	}
	return out
}
