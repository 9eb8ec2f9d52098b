package dataset

import "github.com/adoptionreport/adoptionreport/generator/problem"

// adopterCSV is an adopters.csv row as text, one string field per column.
type adopterCSV struct {
	HouseholdID             string `csv:"household_id" required:"yes"`
	Enquiry                 string `csv:"enquiry"`
	RegistrationOfInterest  string `csv:"registration_of_interest" required:"yes"`
	Stage1Started           string `csv:"stage1_started"`
	Stage1Completed         string `csv:"stage1_completed"`
	Stage2Started           string `csv:"stage2_started"`
	Approved                string `csv:"approved"`
	Matched                 string `csv:"matched"`
	Placed                  string `csv:"placed"`
	Withdrawn               string `csv:"withdrawn"`
	WithdrawnReason         string `csv:"withdrawn_reason"`
	FastTrack               string `csv:"fast_track"`
	EarlyPermanenceApproved string `csv:"early_permanence_approved"`
	Ethnicity               string `csv:"ethnicity"`
}

var adopterSchema = schemaOf(adopterCSV{})

// adopterDateRules are the rules of docs/data.md on the order of a
// household's dates. The stage dates are the four steps from registration
// to approval; matched and placed follow approved through the later rules.
var adopterDateRules = []dateRule{
	{early: "registration_of_interest", late: "stage1_started", atLate: true},
	{early: "registration_of_interest", late: "stage1_completed", atLate: true},
	{early: "registration_of_interest", late: "stage2_started", atLate: true},
	{early: "registration_of_interest", late: "approved", atLate: true},
	{early: "stage1_started", late: "stage1_completed", atLate: true},
	{early: "stage2_started", late: "approved", atLate: true},
	{early: "approved", late: "matched", atLate: true},
	{early: "matched", late: "placed", atLate: true},
}

// readAdopters reads and checks adopters.csv. Dates are measured
// against lim as in readChildren, and late is how many were set aside.
// Every row is returned, even one with errors; problems are in row and
// column order. name is the file's name in messages.
func readAdopters(name string, data []byte, lim limits) (hh []Adopter, probs problem.List, late int) {
	t := readTable(name, data, adopterSchema, &probs)
	if t == nil {
		return nil, sortByPlace(probs), 0
	}
	raw := rawRows[adopterCSV](t, adopterSchema)
	hh, late = checkAdopters(t, raw, nil, lim, &probs)
	return hh, sortByPlace(probs), late
}

// checkAdopters checks the rows of t, raw[i] being t.rows[i] as text,
// with from as in checkChildren. A row's checks read no other row, so
// England's 170,000 households are checked a run of rows to a core; only
// the search for a household on two rows goes through them in order.
func checkAdopters(t *table, raw []adopterCSV, from []map[string]cellPlace, lim limits, probs *problem.List) ([]Adopter, int) {
	out := make([]Adopter, len(raw))
	runProbs := make([]problem.List, runsOf(len(raw)))
	runLate := make([]int, len(runProbs))
	inRuns(len(raw), func(k, start, end int) {
		c := newRowCheck(t, lim, &runProbs[k])
		for i := start; i < end; i++ {
			r := &raw[i]
			row := t.rows[i].row
			c.next(row)
			if from != nil {
				c.from = from[i]
			}
			a := Adopter{
				Row:                     row,
				HouseholdID:             r.HouseholdID,
				Enquiry:                 c.date("enquiry", r.Enquiry),
				RegistrationOfInterest:  c.date("registration_of_interest", r.RegistrationOfInterest),
				Stage1Started:           c.date("stage1_started", r.Stage1Started),
				Stage1Completed:         c.date("stage1_completed", r.Stage1Completed),
				Stage2Started:           c.date("stage2_started", r.Stage2Started),
				Approved:                c.date("approved", r.Approved),
				Matched:                 c.date("matched", r.Matched),
				Placed:                  c.date("placed", r.Placed),
				Withdrawn:               c.date("withdrawn", r.Withdrawn),
				WithdrawnReason:         r.WithdrawnReason,
				FastTrack:               c.yesNo("fast_track", r.FastTrack),
				EarlyPermanenceApproved: c.yesNo("early_permanence_approved", r.EarlyPermanenceApproved),
				Ethnicity:               r.Ethnicity,
				EthnicityGroup:          c.ethnicity(r.Ethnicity, false),
			}
			c.required("household_id", r.HouseholdID)
			c.required("registration_of_interest", r.RegistrationOfInterest)
			c.order(adopterDateRules)
			c.asAt(&a.Enquiry, &a.RegistrationOfInterest, &a.Stage1Started, &a.Stage1Completed, &a.Stage2Started,
				&a.Approved, &a.Matched, &a.Placed, &a.Withdrawn)
			out[i] = a
		}
		runLate[k] = c.late
	})
	late := 0
	for k := range runProbs {
		*probs = append(*probs, runProbs[k]...)
		late += runLate[k]
	}
	// Sized for every row: growing a map of England's 170,000
	// households rehashes it again and again.
	seen := make(map[string]int, len(raw))
	c := newRowCheck(t, lim, probs)
	for i := range out {
		a := &out[i]
		if a.HouseholdID == "" {
			continue
		}
		if first, dup := seen[a.HouseholdID]; dup {
			c.next(a.Row)
			if from != nil {
				c.from = from[i]
			}
			c.errorf("household_id", "household %s is also on row %d: each household is one row; delete or merge one of them", a.HouseholdID, first)
		} else {
			seen[a.HouseholdID] = a.Row
		}
	}
	return out, late
}
