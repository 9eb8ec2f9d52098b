// Package dataset reads a report project's CSV files into typed records
// and checks them against the data contract (shared DATA.md). It owns the
// file formats and the validation rules; it computes no figures.
package dataset

import "github.com/adoptionreport/adoptionreport/generator/period"

// Dataset is every record of a project, as loaded and validated.
type Dataset struct {
	Children    []Child
	Adopters    []Adopter
	Budget      []BudgetLine
	Comparators []Comparator
}

// Early permanence placement types (children.csv early_permanence).
const (
	EarlyPermanenceNone       = "none"
	EarlyPermanenceFfA        = "ffa"
	EarlyPermanenceConcurrent = "concurrent"
)

// Child is one row of children.csv: one child's period of care that led
// to an adoption plan. Dates left blank are the zero Date.
type Child struct {
	Row                  int // spreadsheet row, for messages only
	ChildID              string
	LA                   string
	Sex                  string // "male" or "female"
	DateOfBirth          period.Date
	Ethnicity            string // as written (903 code or group name)
	EthnicityGroup       string // White, Mixed, Asian, Black, Other, Not known
	Disabled             bool
	SiblingGroup         string
	EnteredCare          period.Date
	ShouldBePlaced       period.Date
	PlacementOrder       period.Date
	Matched              period.Date
	PlacedForAdoption    period.Date
	MovedInWithAdopters  period.Date // blank in the file = PlacedForAdoption
	AdoptedByFosterCarer bool
	EarlyPermanence      string // EarlyPermanenceNone, ...FfA or ...Concurrent
	Interagency          bool
	AdoptionOrder        period.Date
	DecisionReversed     period.Date
	ReversalReason       string
	Disrupted            period.Date
}

// Adopter is one row of adopters.csv: one household's application.
type Adopter struct {
	Row                     int
	HouseholdID             string
	Enquiry                 period.Date
	RegistrationOfInterest  period.Date
	Stage1Started           period.Date
	Stage1Completed         period.Date
	Stage2Started           period.Date
	Approved                period.Date
	Matched                 period.Date
	Placed                  period.Date
	Withdrawn               period.Date
	WithdrawnReason         string
	FastTrack               bool
	EarlyPermanenceApproved bool
	Ethnicity               string
	EthnicityGroup          string
}

// BudgetLine is one row of budget.csv: a cost line in a year. Money is
// integer pence so sums are exact.
type BudgetLine struct {
	Row          int
	Year         period.Year
	Line         string
	Driver       string // blank in the file = Line
	Budget       int64  // pence
	Actual       int64  // pence
	BudgetVolume float64
	ActualVolume float64
	HasVolumes   bool // both volumes were given
	Unit         string
}

// Comparator is one row of comparators.csv: a published benchmark.
type Comparator struct {
	Row       int
	Indicator string
	Period    period.Period
	Area      string
	Value     float64
}
