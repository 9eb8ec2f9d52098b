// Package dataset reads a report project's CSV files into typed records
// and checks them against the data contract (docs/data.md). It owns the
// file formats and the validation rules; it computes no figures.
//
// # Why encoding/csv and not gocsv
//
// Files are split into records by encoding/csv and mapped onto each
// file's raw struct by the package's own schema (its csv tags), not by
// github.com/gocarina/gocsv. gocsv's value is mapping columns to fields
// and converting cells through UnmarshalCSV, and for these files that
// is the smaller part of the work; what matters is what it cannot do:
//
//   - Problems name the spreadsheet row and column (FILE:ROW:COL). gocsv
//     counts records, which differ from Excel's rows once a cell runs
//     over several lines or a blank row is skipped, so the rows must be
//     read here anyway.
//   - Every problem is reported at once. gocsv stops at the first bad
//     cell, except through an error handler that only its own reader
//     offers, which reparses the file.
//   - Headings are matched ignoring case and spaces, with a "did you
//     mean", a hint for a missing column and an error for a repeated one;
//     gocsv's only check is FailIfUnmatchedStructTags, which a byte-order
//     mark trips.
//   - Whether a date is wrong depends on the project (the report year and
//     the day of the build), and order messages quote the dates as
//     written. UnmarshalCSV(string) sees one cell and nothing else.
//   - gocsv's settings are package globals; Load must be safe to call
//     concurrently.
//
// What gocsv would still do is the mapping, a dozen lines here
// (rawRows); parsing is the row check's (rowCheck), cell by cell, with
// the cell's place.
//
// # Workbooks and Annex A
//
// Any table may be an Excel workbook, read with excelize (workbook.go)
// into the same located rows of text as a CSV file, so that every check
// applies to it unchanged; its problems name FILE[SHEET]. Ofsted's Annex
// A (annexa.go) is read the same way, its lists' headings mapped onto the
// contract's columns, and rows joining a list and the file that fills it
// carry, cell by cell, the place each value came from (rowCheck.from).
package dataset

import "github.com/adoptionreport/adoptionreport/generator/period"

// Dataset is every record of a project, as loaded and validated.
type Dataset struct {
	Children    []Child
	Adopters    []Adopter
	Budget      []BudgetLine
	Comparators []Comparator
	// Notes are what the report must tell its readers about the figures
	// because of where the data came from, such as a date that stands in
	// for one the source does not hold.
	Notes []string
}

// Early permanence placement types (children.csv early_permanence).
const (
	EarlyPermanenceNone       = "none"
	EarlyPermanenceFfA        = "ffa"
	EarlyPermanenceConcurrent = "concurrent"
)

// Child is one row of children.csv: one child's period of care that led
// to an adoption plan. Dates left blank, and dates after the end of the
// report year (set aside: see Load), are the zero Date.
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
// Dates are as for Child: blank or set aside is the zero Date.
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
	LA           string // the council's code, in a regional edition
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
