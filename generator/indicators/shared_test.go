package indicators

import (
	"reflect"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
)

// A regional edition's councils share one tally of the RAA's households;
// a tally is used only for the rows, years and thresholds it was made
// for, and otherwise made again.
func TestComputeSharedAdopters(t *testing.T) {
	households := []dataset.Adopter{
		// Approved 2024-07-10 after 182 days from registration: on time
		// for six months (182), late for a threshold of 150.
		{HouseholdID: "H1", Enquiry: d("2023-12-20"), RegistrationOfInterest: d("2024-01-10"), Stage2Started: d("2024-03-11"), Approved: d("2024-07-10")},
		{HouseholdID: "H2", Enquiry: d("2024-05-02"), RegistrationOfInterest: d("2024-06-01")},
	}
	ds := &dataset.Dataset{Adopters: households}
	cfg := testConfig()
	shared := TallyAdopters(ds, cfg)
	y := cfg.Year.Period()
	// H1 enquired in 2023-24 and H2 in 2024-25: one enquiry in 2024-25.
	if got := ComputeShared(ds, cfg, shared).Figure("enquiries", y); got == nil || got.Value != 1 {
		t.Fatalf("enquiries 2024-25 from the shared tally = %+v, want 1", got)
	}
	if !reflect.DeepEqual(ComputeShared(ds, cfg, shared), Compute(ds, cfg)) {
		t.Error("a report from the shared tally differs from one that tallies its own")
	}

	stricter := cfg
	stricter.Thresholds.SixMonths = 150
	r := ComputeShared(ds, stricter, shared)
	if !reflect.DeepEqual(r, Compute(ds, stricter)) {
		t.Error("a tally made for other thresholds was used")
	}
	if got := r.Figure("approved_within_6_months_percent", y); got == nil || got.Value != 0 {
		t.Errorf("approved within 6 months at a threshold of 150 days = %+v, want 0%%", got)
	}

	other := &dataset.Dataset{Adopters: append([]dataset.Adopter(nil), households[:1]...)}
	if got := ComputeShared(other, cfg, shared).Figure("enquiries", y); got == nil || got.Value != 0 {
		t.Errorf("enquiries 2024-25 of other households = %+v, want 0: a tally of other rows was used", got)
	}
}
