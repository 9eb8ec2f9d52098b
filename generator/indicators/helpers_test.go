package indicators

import (
	"testing"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

// d parses an ISO date for a test case; "" is no date.
func d(s string) period.Date {
	if s == "" {
		return 0
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return period.NewDate(t.Year(), t.Month(), t.Day())
}

// testConfig is the default config for a 2024-25 report: history
// 2019-20 … 2024-25, thresholds a1 426, a2 121, stage 1 60, stage 2 121,
// six months 182, three months 91, eighteen months 547.
func testConfig() config.Config {
	cfg := config.Default()
	cfg.Council = "Northmoor Borough Council"
	cfg.ReportYear = "2024-25"
	cfg.Year = 2024
	return cfg
}

// child fills the fields every child has and that validation fills in:
// the ethnicity group and moved_in_with_adopters = placed_for_adoption.
func child(c dataset.Child) dataset.Child {
	if c.DateOfBirth == 0 {
		c.DateOfBirth = d("2018-01-01")
	}
	if c.EnteredCare == 0 {
		c.EnteredCare = d("2019-01-01")
	}
	if c.ShouldBePlaced == 0 {
		c.ShouldBePlaced = c.EnteredCare
	}
	if c.MovedInWithAdopters == 0 {
		c.MovedInWithAdopters = c.PlacedForAdoption
	}
	if c.EarlyPermanence == "" {
		c.EarlyPermanence = dataset.EarlyPermanenceNone
	}
	if c.EthnicityGroup == "" {
		c.EthnicityGroup = "White"
	}
	if c.Sex == "" {
		c.Sex = "female"
	}
	return c
}

// want is an expected figure: its value, or none, and its base.
type want struct {
	value   float64
	noValue bool
	base    int
}

func checkFigure(t *testing.T, r *Report, id, per string, w want) {
	t.Helper()
	p, err := period.ParsePeriod(per)
	if err != nil {
		t.Fatal(err)
	}
	f, ok := r.Lookup(id, p)
	if !ok {
		t.Errorf("%s %s: no such figure", id, per)
		return
	}
	switch {
	case w.noValue && f.HasValue:
		t.Errorf("%s %s = %v, want no value", id, per, f.Value)
	case !w.noValue && !f.HasValue:
		t.Errorf("%s %s has no value (%s), want %v", id, per, f.Absent, w.value)
	case !w.noValue && f.Value != w.value:
		t.Errorf("%s %s = %v, want %v", id, per, f.Value, w.value)
	}
	if f.Base != w.base {
		t.Errorf("%s %s base = %d, want %d", id, per, f.Base, w.base)
	}
	if !f.HasValue && f.Absent == "" {
		t.Errorf("%s %s has no value and no reason", id, per)
	}
}

// figureCase is one expected figure of a dataset.
type figureCase struct {
	id, period string
	want       want
}

func checkFigures(t *testing.T, ds *dataset.Dataset, cases []figureCase) {
	t.Helper()
	r := Compute(ds, testConfig())
	for _, c := range cases {
		checkFigure(t, r, c.id, c.period, c.want)
	}
}

func mustPeriod(t *testing.T, s string) period.Period {
	t.Helper()
	p, err := period.ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
