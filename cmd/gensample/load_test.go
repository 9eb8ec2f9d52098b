package main

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// TestLoad reads the generated files with the loader the build uses: no
// errors, and no warnings but the one docs/data.md expects of the sample (a
// child matched before the placement order, which A2 counts as 0 days).
func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, f := range theSample.files() {
		fsys["data/"+f.name] = &fstest.MapFile{Data: f.data}
	}
	ds, probs := dataset.Load(fsys, config.Default().Data, reportYear)
	warnings := 0
	for _, p := range probs {
		if p.Severity == problem.Error {
			t.Errorf("error: %s", p)
			continue
		}
		warnings++
		if !strings.Contains(p.Message, "A2") {
			t.Errorf("unexpected warning: %s", p)
		}
	}
	matchedEarly := countChildren(theSample.children, func(c *child) bool {
		return c.placementOrder != 0 && c.matched != 0 && c.placementOrder > c.matched
	})
	if warnings != matchedEarly {
		t.Errorf("%d warnings; want %d, one for each child matched before the placement order", warnings, matchedEarly)
	}
	if len(ds.Children) != len(theSample.children) || len(ds.Adopters) != len(theSample.adopters) ||
		len(ds.Budget) != len(theSample.budget) || len(ds.Comparators) != len(theSample.comparators) {
		t.Fatalf("loaded %d/%d/%d/%d rows; generated %d/%d/%d/%d", len(ds.Children), len(ds.Adopters),
			len(ds.Budget), len(ds.Comparators), len(theSample.children), len(theSample.adopters),
			len(theSample.budget), len(theSample.comparators))
	}
	// The loader reads back what was generated.
	for i, got := range ds.Children {
		c := theSample.children[i]
		moved := c.movedIn
		if moved == 0 {
			moved = c.placed // blank means the day of placement
		}
		if got.ChildID != c.id || got.EnteredCare != c.enteredCare || got.PlacementOrder != c.placementOrder ||
			got.Matched != c.matched || got.PlacedForAdoption != c.placed || got.AdoptionOrder != c.adoptionOrder ||
			got.MovedInWithAdopters != moved || got.EarlyPermanence != c.earlyPermanence ||
			got.AdoptedByFosterCarer != c.fosterCarer || got.Interagency != c.interagency ||
			got.DecisionReversed != c.reversed || got.ReversalReason != c.reversalReason || got.EthnicityGroup == "Not known" {
			t.Errorf("children.csv row %d: loaded %+v, generated %+v", i+2, got, *c)
		}
	}
	for i, got := range ds.Budget {
		b := theSample.budget[i]
		if got.Year != b.year || got.Budget != b.budget || got.Actual != b.actual || got.HasVolumes != (b.unit != "") {
			t.Errorf("budget.csv row %d: loaded %+v, generated %+v", i+2, got, b)
		}
	}
}
