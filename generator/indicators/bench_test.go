package indicators

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

// nationalDataset is a synthetic England: 151 councils' children and
// adopter households over the ten years to 2024-25, and their budgets,
// with the date orders validation requires.
func nationalDataset(children, households int) *dataset.Dataset {
	rng := rand.New(rand.NewPCG(2024, 25))
	first, end := period.Year(2015).Start(), period.Year(2024).End()
	span := int(end - first)
	// after returns a date up to max days after from, or 0 if that is past
	// the end of the report year: the event has not happened yet.
	after := func(from period.Date, max int) period.Date {
		d := from + period.Date(rng.IntN(max+1))
		if d > end {
			return 0
		}
		return d
	}
	ethnicities := []string{"White", "White", "White", "Mixed", "Asian", "Black", "Other", "Not known"}
	ds := &dataset.Dataset{}
	for i := range children {
		entered := first + period.Date(rng.IntN(span))
		c := dataset.Child{
			Row:            i + 2,
			ChildID:        fmt.Sprintf("C%06d", i),
			LA:             fmt.Sprintf("LA%03d", i%151),
			Sex:            "female",
			DateOfBirth:    entered - period.Date(rng.IntN(10*365)),
			EthnicityGroup: ethnicities[rng.IntN(len(ethnicities))],
			Disabled:       rng.IntN(10) == 0,
			EnteredCare:    entered,
		}
		if rng.IntN(3) == 0 {
			c.SiblingGroup = fmt.Sprintf("S%06d", i/2)
		}
		c.ShouldBePlaced = after(entered, 300)
		if c.ShouldBePlaced == 0 {
			ds.Children = append(ds.Children, c)
			continue
		}
		if rng.IntN(10) > 0 {
			c.PlacementOrder = after(c.ShouldBePlaced, 200)
		}
		if rng.IntN(12) == 0 {
			c.DecisionReversed = after(c.ShouldBePlaced, 500)
		} else if m := after(c.ShouldBePlaced, 600); m != 0 {
			c.Matched = m
			c.PlacedForAdoption = after(m, 60)
		}
		if c.PlacedForAdoption != 0 {
			c.MovedInWithAdopters = c.PlacedForAdoption
			switch rng.IntN(10) {
			case 0:
				c.AdoptedByFosterCarer = true
				c.MovedInWithAdopters = entered + period.Date(rng.IntN(int(c.PlacedForAdoption-entered)+1))
			case 1:
				c.EarlyPermanence = dataset.EarlyPermanenceFfA
				c.MovedInWithAdopters = entered
			}
			c.Interagency = rng.IntN(4) == 0
			c.AdoptionOrder = after(c.PlacedForAdoption, 400)
		}
		if c.EarlyPermanence == "" {
			c.EarlyPermanence = dataset.EarlyPermanenceNone
		}
		ds.Children = append(ds.Children, c)
	}
	for i := range households {
		roi := first + period.Date(rng.IntN(span))
		a := dataset.Adopter{Row: i + 2, HouseholdID: fmt.Sprintf("H%06d", i), RegistrationOfInterest: roi, FastTrack: rng.IntN(8) == 0}
		if rng.IntN(2) == 0 {
			a.Enquiry = roi - period.Date(rng.IntN(60))
		}
		if rng.IntN(6) == 0 {
			a.Withdrawn = after(roi, 400)
			ds.Adopters = append(ds.Adopters, a)
			continue
		}
		a.Stage1Started = after(roi, 30)
		if a.Stage1Started != 0 {
			a.Stage1Completed = after(a.Stage1Started, 90)
		}
		if a.Stage1Completed != 0 {
			a.Stage2Started = after(a.Stage1Completed, 30)
		}
		if a.Stage2Started != 0 {
			a.Approved = after(a.Stage2Started, 180)
		}
		if a.Approved != 0 {
			a.Matched = after(a.Approved, 400)
		}
		if a.Matched != 0 {
			a.Placed = after(a.Matched, 60)
		}
		ds.Adopters = append(ds.Adopters, a)
	}
	lines := []string{"Interagency fees", "Staffing", "Panel", "Adoption support", "Allowances", "Legal", "Training", "Recruitment"}
	row := 2
	for la := range 151 {
		for y := period.Year(2015); y <= 2024; y++ {
			for k, l := range lines {
				b := dataset.BudgetLine{Row: row, Year: y, Line: fmt.Sprintf("%s (LA%03d)", l, la), Driver: l, Budget: int64(rng.IntN(50_000_000))}
				b.Actual = b.Budget + int64(rng.IntN(10_000_000)) - 5_000_000
				if k < 2 {
					b.HasVolumes, b.BudgetVolume, b.ActualVolume, b.Unit = true, float64(1+rng.IntN(20)), float64(rng.IntN(25)), "placements"
				}
				ds.Budget = append(ds.Budget, b)
				row++
			}
		}
	}
	return ds
}

func BenchmarkCompute(b *testing.B) {
	ds := nationalDataset(40_000, 60_000)
	cfg := testConfig()
	b.ReportAllocs()
	for b.Loop() {
		Compute(ds, cfg)
	}
}

// TestNationalConsistency checks on the national dataset what must hold
// whatever the data: three-year means lie within their years' range,
// price and volume add up, the waiting subsets nest.
func TestNationalConsistency(t *testing.T) {
	if testing.Short() {
		t.Skip("national dataset")
	}
	r := Compute(nationalDataset(4_000, 6_000), testConfig())
	for y := period.Year(2019); y <= 2024; y++ {
		p := y.Period()
		w, _ := r.Lookup("waiting", p)
		wo, _ := r.Lookup("waiting_with_order", p)
		w18, _ := r.Lookup("waiting_18_months", p)
		if !(w.Value >= wo.Value && wo.Value >= w18.Value) {
			t.Errorf("%s: waiting %v, with order %v, 18 months %v do not nest", p, w.Value, wo.Value, w18.Value)
		}
		v, _ := r.Lookup("variance", p)
		a, _ := r.Lookup("actual", p)
		bu, _ := r.Lookup("budget", p)
		if a.Pence-bu.Pence != v.Pence {
			t.Errorf("%s: actual − budget ≠ variance", p)
		}
		adopted, _ := r.Lookup("adopted", p)
		a1, _ := r.Lookup("a1", p)
		if adopted.Value == 0 || a1.Base != int(adopted.Value) {
			t.Errorf("%s: %v adopted, a1 base %d", p, adopted.Value, a1.Base)
		}
		for _, b := range []Breakdown{r.Adopted[y-2019], r.Waiting[y-2019]} {
			for _, dim := range Dimensions {
				sum := 0
				for _, g := range b.Of(dim) {
					sum += g.Count.Base
				}
				if sum != int(map[string]float64{"adopted": adopted.Value, "waiting": w.Value}[b.Cohort]) {
					t.Errorf("%s %s by %s: groups sum to %d", b.Cohort, p, dim, sum)
				}
			}
		}
	}
	for _, fy := range r.Finance {
		tot := fy.Total
		if tot.Budget+tot.Price+tot.Volume+tot.Unsplit != tot.Actual {
			t.Errorf("%s: the waterfall does not close", fy.Year)
		}
	}
	s := r.Survival
	if s.Children != s.Matched+s.Censored || !s.HasMedian {
		t.Errorf("survival: %d children, %d matched, %d censored, median %v", s.Children, s.Matched, s.Censored, s.HasMedian)
	}
	for i := 1; i < len(s.Steps); i++ {
		if s.Steps[i].Share < s.Steps[i-1].Share {
			t.Fatalf("survival share falls at day %d", s.Steps[i].Days)
		}
	}
}
