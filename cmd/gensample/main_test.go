package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/adoptionreport/adoptionreport/generator/period"
)

// The sample is generated once: every test reads it and none changes it.
var theSample = generate(defaultSeed)

func TestDeterministic(t *testing.T) {
	a, b := generate(defaultSeed).files(), generate(defaultSeed).files()
	for i := range a {
		if !bytes.Equal(a[i].data, b[i].data) {
			t.Errorf("%s differs between two runs with the same seed", a[i].name)
		}
	}
	c := generate(defaultSeed + 1).files()
	if bytes.Equal(a[0].data, c[0].data) {
		t.Error("children.csv is the same for two seeds: the seed is not used")
	}
}

// TestCommittedData checks that data/*.csv are what the generator writes,
// so nobody edits them by hand and the generator and the files never
// drift apart. Rerun `go run ./cmd/gensample` after changing it.
func TestCommittedData(t *testing.T) {
	for _, f := range theSample.files() {
		got, err := os.ReadFile(filepath.Join("..", "..", "data", f.name))
		if err != nil {
			t.Fatalf("%v: run go run ./cmd/gensample from the repository root", err)
		}
		if !bytes.Equal(got, f.data) {
			t.Errorf("data/%s is not what gensample writes: run go run ./cmd/gensample from the repository root", f.name)
		}
	}
}

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "data")
	if err := write(dir, theSample.files()); err != nil {
		t.Fatal(err)
	}
	for _, f := range theSample.files() {
		got, err := os.ReadFile(filepath.Join(dir, f.name))
		if err != nil || !bytes.Equal(got, f.data) {
			t.Errorf("%s: not written as generated (%v)", f.name, err)
		}
	}
}

var (
	isoDate       = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	plainMoney    = regexp.MustCompile(`^\d+\.\d{2}$`)
	columnFormats = map[string]*regexp.Regexp{
		"date":   isoDate,
		"yes/no": regexp.MustCompile(`^(yes|no)$`),
		"money":  plainMoney,
		"number": regexp.MustCompile(`^\d+(\.\d+)?$`),
		"year":   regexp.MustCompile(`^\d{4}-\d{2}$`),
	}
	// formats names the format of each constrained column; the rest are text.
	formats = map[string]map[string]string{
		"children.csv": {
			"date_of_birth": "date", "entered_care": "date", "should_be_placed": "date",
			"placement_order": "date", "matched": "date", "placed_for_adoption": "date",
			"moved_in_with_adopters": "date", "adoption_order": "date", "decision_reversed": "date",
			"disrupted": "date", "disabled": "yes/no", "adopted_by_foster_carer": "yes/no", "interagency": "yes/no",
		},
		"adopters.csv": {
			"enquiry": "date", "registration_of_interest": "date", "stage1_started": "date",
			"stage1_completed": "date", "stage2_started": "date", "approved": "date", "matched": "date",
			"placed": "date", "withdrawn": "date", "fast_track": "yes/no", "early_permanence_approved": "yes/no",
		},
		"budget.csv": {
			"year": "year", "budget": "money", "actual": "money", "budget_volume": "number", "actual_volume": "number",
		},
		"comparators.csv": {"period": "year", "value": "number"},
	}
)

// TestFileFormat checks the bytes: UTF-8 with no byte-order mark, LF line
// ends, a header, and every date, yes/no and money cell in the one form
// the generator promises (blank allowed: it means unknown).
func TestFileFormat(t *testing.T) {
	for _, f := range theSample.files() {
		if !utf8.Valid(f.data) || bytes.HasPrefix(f.data, []byte("\ufeff")) {
			t.Errorf("%s: not UTF-8 without a byte-order mark", f.name)
		}
		if bytes.Contains(f.data, []byte("\r")) || !bytes.HasSuffix(f.data, []byte("\n")) {
			t.Errorf("%s: line ends are not LF", f.name)
		}
		rows, err := csv.NewReader(bytes.NewReader(f.data)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		if len(rows) < 2 {
			t.Fatalf("%s: no data rows", f.name)
		}
		header := rows[0]
		for _, col := range slices.Sorted(mapKeys(formats[f.name])) {
			if !slices.Contains(header, col) {
				t.Errorf("%s: no column %s", f.name, col)
			}
		}
		for i, row := range rows[1:] {
			for j, cell := range row {
				format, ok := formats[f.name][header[j]]
				if ok && cell != "" && !columnFormats[format].MatchString(cell) {
					t.Errorf("%s:%d: %s: %q is not a %s", f.name, i+2, header[j], cell, format)
				}
			}
		}
	}
}

func mapKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// ethnicityCodes are the SSDA903 ETHNIC codes.
var ethnicityCodes = []string{"WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH",
	"AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"}

var childID = regexp.MustCompile(`^C\d{6}$`)

// TestChildrenRules checks every children.csv row against docs/data.md's error
// rules, and the logic of a journey that docs/data.md leaves to common sense.
func TestChildrenRules(t *testing.T) {
	end := reportYear.End()
	seen := map[string]bool{}
	for _, c := range theSample.children {
		fail := func(format string, args ...any) {
			t.Helper()
			t.Errorf("child %s entering care %s: %s", c.id, c.enteredCare, fmt.Sprintf(format, args...))
		}
		// before reports that a and b are both known and a is after b.
		after := func(a, b period.Date) bool { return a != 0 && b != 0 && a > b }
		// docs/data.md's errors.
		if !childID.MatchString(c.id) || c.dob == 0 || c.enteredCare == 0 || c.shouldBePlaced == 0 {
			fail("a required field is blank or malformed")
		}
		if c.sex != "male" && c.sex != "female" {
			fail("sex %q", c.sex)
		}
		if after(c.dob, c.enteredCare) {
			fail("born after entering care")
		}
		if after(c.enteredCare, c.shouldBePlaced) {
			fail("should_be_placed before entered_care")
		}
		if after(c.matched, c.placed) || after(c.movedIn, c.placed) || after(c.placed, c.adoptionOrder) {
			fail("matched, moved in, placed and adopted out of order")
		}
		if c.adoptionOrder != 0 && c.placed == 0 {
			fail("adoption order without placement")
		}
		for _, d := range []period.Date{c.dob, c.enteredCare, c.shouldBePlaced, c.placementOrder, c.matched,
			c.placed, c.movedIn, c.adoptionOrder, c.reversed, c.disrupted} {
			if d > end {
				fail("%s is after the report year", d)
			}
		}
		if !slices.Contains([]string{"none", "ffa", "concurrent"}, c.earlyPermanence) {
			fail("early_permanence %q", c.earlyPermanence)
		}
		key := c.id + " " + c.enteredCare.String()
		if seen[key] {
			fail("duplicate child_id and entered_care")
		}
		seen[key] = true
		// docs/data.md's warning for a missing ethnicity: the sample has none.
		if !slices.Contains(ethnicityCodes, c.ethnicity) {
			fail("ethnicity %q is not an SSDA903 code", c.ethnicity)
		}
		// Common sense.
		if after(c.shouldBePlaced, c.placementOrder) || after(c.placementOrder, c.placed) {
			fail("placement order before the decision or after the placement")
		}
		if (c.reversed != 0) != (c.reversalReason != "") {
			fail("decision_reversed and reversal_reason must come together")
		}
		if c.reversed != 0 {
			for _, d := range []period.Date{c.placementOrder, c.matched, c.placed, c.movedIn, c.disrupted} {
				if after(d, c.reversed) {
					fail("%s is after the decision was reversed", d)
				}
			}
			if c.adoptionOrder != 0 {
				fail("adopted after the decision was reversed")
			}
		}
		if c.disrupted != 0 && (c.placed == 0 || c.disrupted < c.placed || c.adoptionOrder != 0) {
			fail("a disruption needs a placement before it and no adoption order")
		}
		if c.fosterCarer && c.earlyPermanence != "none" {
			fail("both a foster-carer adoption and early permanence")
		}
		if (c.fosterCarer || c.earlyPermanence != "none") != (c.movedIn != 0) {
			fail("moved_in_with_adopters is for foster-carer and early-permanence adoptions only")
		}
		if c.movedIn != 0 && c.placed != 0 && c.movedIn == c.placed {
			fail("moved in on the day of placement: would be written blank")
		}
		if c.interagency && (c.placed == 0 || c.fosterCarer) {
			fail("interagency without an adoptive placement, or with the council's own foster carers")
		}
		if c.voluntaryAgency && !c.interagency {
			fail("a voluntary agency's adopters but not interagency")
		}
	}
}

func TestSiblingGroups(t *testing.T) {
	groups := map[string][]*child{}
	for _, c := range theSample.children {
		if c.siblingGroup != "" {
			groups[c.siblingGroup] = append(groups[c.siblingGroup], c)
		}
	}
	if len(groups) < 10 {
		t.Errorf("%d sibling groups; want 10 or more", len(groups))
	}
	sizes := map[int]int{}
	for id, cs := range groups {
		sizes[len(cs)]++
		first := cs[0]
		for _, c := range cs[1:] {
			if c.id == first.id || c.enteredCare != first.enteredCare || c.shouldBePlaced != first.shouldBePlaced ||
				c.placementOrder != first.placementOrder || c.matched != first.matched || c.placed != first.placed ||
				c.adoptionOrder != first.adoptionOrder || c.interagency != first.interagency {
				t.Errorf("sibling group %s: %s and %s are not placed together", id, first.id, c.id)
			}
		}
	}
	if sizes[1] > 0 || sizes[2] == 0 || sizes[3] == 0 {
		t.Errorf("sibling group sizes %v; want pairs and trios only", sizes)
	}
}

// TestChildrenVariety checks the sample holds every kind of journey the
// report has a figure, chart or check for.
func TestChildrenVariety(t *testing.T) {
	cs := theSample.children
	byID := map[string]int{}
	for _, c := range cs {
		byID[c.id]++
	}
	twoPeriods := 0
	for _, n := range byID {
		if n == 2 {
			twoPeriods++
		}
	}
	poAfterMatch := countChildren(cs, func(c *child) bool {
		return c.placementOrder != 0 && c.matched != 0 && c.placementOrder > c.matched
	})
	tests := []struct {
		what     string
		got      int
		min, max int
	}{
		{"rows", len(cs), 300, 700},
		{"children with two periods of care", twoPeriods, 1, 1},
		{"adopted by foster carers", countChildren(cs, func(c *child) bool { return c.fosterCarer && c.adoptionOrder != 0 }), 5, 60},
		{"fostering for adoption", countChildren(cs, func(c *child) bool { return c.earlyPermanence == "ffa" }), 10, 100},
		{"concurrent planning", countChildren(cs, func(c *child) bool { return c.earlyPermanence == "concurrent" }), 3, 50},
		{"placed with consent, no placement order", countChildren(cs, func(c *child) bool { return c.placed != 0 && c.placementOrder == 0 }), 3, 50},
		{"interagency", countChildren(cs, func(c *child) bool { return c.interagency }), 30, 150},
		{"disrupted", countChildren(cs, func(c *child) bool { return c.disrupted != 0 }), 2, 8},
		{"reversed with an RD code", countChildren(cs, func(c *child) bool { return regexp.MustCompile(`^RD[1-4]$`).MatchString(c.reversalReason) }), 10, 60},
		{"reversed with free text", countChildren(cs, func(c *child) bool { return len(c.reversalReason) > 4 }), 2, 20},
		{"disabled", countChildren(cs, func(c *child) bool { return c.disabled }), 5, 80},
		{"male", countChildren(cs, func(c *child) bool { return c.sex == "male" }), len(cs) * 2 / 5, len(cs) * 3 / 5},
		{"white British (about two thirds)", countChildren(cs, func(c *child) bool { return c.ethnicity == "WBRI" }), len(cs) / 2, len(cs) * 4 / 5},
		{"matched before the placement order (a warning each)", poAfterMatch, 1, 5},
		{"entered care at 5 or older", countChildren(cs, func(c *child) bool { return period.Days(c.dob, c.enteredCare) >= 1826 }), 1, len(cs) / 8},
	}
	for _, tt := range tests {
		if tt.got < tt.min || tt.got > tt.max {
			t.Errorf("%s: %d, want %d to %d", tt.what, tt.got, tt.min, tt.max)
		}
	}
}

var householdID = regexp.MustCompile(`^HH\d{4}$`)

// TestAdoptersRules checks every adopters.csv row against docs/data.md's error
// rules and the order of the process.
func TestAdoptersRules(t *testing.T) {
	end := reportYear.End()
	seen := map[string]bool{}
	for _, h := range theSample.adopters {
		fail := func(format string, args ...any) {
			t.Helper()
			t.Errorf("household %s: %s", h.id, fmt.Sprintf(format, args...))
		}
		if !householdID.MatchString(h.id) || h.roi == 0 {
			fail("a required field is blank or malformed")
		}
		if seen[h.id] {
			fail("duplicate household_id")
		}
		seen[h.id] = true
		steps := []period.Date{h.stage1Started, h.stage1Completed, h.stage2Started, h.approved, h.matched, h.placed}
		for _, d := range append(steps, h.withdrawn) {
			if d != 0 && d < h.roi {
				fail("%s is before the registration of interest", d)
			}
			if d > end {
				fail("%s is after the report year", d)
			}
		}
		if h.enquiry > h.roi {
			fail("enquiry after registration of interest")
		}
		// Each step needs the one before it, on or after its date.
		prev := []int{-1, 0, 1, 2, 3, 4}
		if h.fastTrack {
			prev[2] = -1
			if h.stage1Started != 0 || h.stage1Completed != 0 {
				fail("fast track with stage 1 dates")
			}
		}
		for i, d := range steps {
			if d == 0 || prev[i] < 0 {
				continue
			}
			if p := steps[prev[i]]; p == 0 || p > d {
				fail("step %d on %s without step %d before it", i, d, prev[i])
			}
		}
		if (h.withdrawn != 0) != (h.withdrawnReason != "") {
			fail("withdrawn and withdrawn_reason must come together")
		}
		for _, d := range steps {
			if h.withdrawn != 0 && d > h.withdrawn {
				fail("%s is after withdrawal", d)
			}
		}
		if !slices.Contains(ethnicityCodes, h.ethnicity) {
			fail("ethnicity %q", h.ethnicity)
		}
	}
}

func TestBudgetRules(t *testing.T) {
	type key struct {
		y    period.Year
		line string
	}
	seen := map[key]bool{}
	perYear := map[period.Year]int{}
	for _, b := range theSample.budget {
		k := key{b.year, b.line}
		if seen[k] {
			t.Errorf("%s %s: duplicate line", b.year, b.line)
		}
		seen[k] = true
		perYear[b.year]++
		if b.budget <= 0 || b.actual < 0 {
			t.Errorf("%s %s: budget %s, actual %s", b.year, b.line, money(b.budget), money(b.actual))
		}
		if b.unit == "" && (b.budgetVolume != 0 || b.actualVolume != 0) {
			t.Errorf("%s %s: volumes without a unit", b.year, b.line)
		}
	}
	for y := historyStart; y <= reportYear; y++ {
		if perYear[y] != 7 {
			t.Errorf("%s: %d budget lines, want 7", y, perYear[y])
		}
	}
	if len(perYear) != 6 {
		t.Errorf("budget covers %d years, want the report's 6", len(perYear))
	}
	// The interagency lines' volumes are the children's interagency
	// placements, and the voluntary agency budget is set at last year's fee.
	for _, b := range theSample.budget {
		if b.driver != "Interagency placements" {
			continue
		}
		voluntary := b.line == "Interagency fees (voluntary agencies)"
		if voluntary && (b.budget != int64(b.budgetVolume)*voluntaryFee(b.year-1) || b.actual != int64(b.actualVolume)*voluntaryFee(b.year)) {
			t.Errorf("%s %s: not priced at last year's fee (budget) and this year's (actual)", b.year, b.line)
		}
		n := countChildren(theSample.children, func(c *child) bool {
			return c.interagency && c.voluntaryAgency == voluntary && b.year.Period().Contains(c.placed)
		})
		if b.actualVolume != n {
			t.Errorf("%s %s: actual volume %d, but %d such placements in children.csv", b.year, b.line, b.actualVolume, n)
		}
	}
}

func TestComparatorRules(t *testing.T) {
	ids := []string{"adopted", "a1", "a2", "a10", "a3_percent"}
	seen := map[string]bool{}
	history := period.Period{First: historyStart - 2, Last: reportYear}
	for _, c := range theSample.comparators {
		k := c.indicator + " " + c.period.String() + " " + c.area
		if seen[k] {
			t.Errorf("%s: duplicate", k)
		}
		seen[k] = true
		if !slices.Contains(ids, c.indicator) || (c.area != england && c.area != neighbours) {
			t.Errorf("%s: unexpected indicator or area", k)
		}
		if n := c.period.Len(); (n != 1 && n != 3) || c.period.First < history.First || c.period.Last > history.Last {
			t.Errorf("%s: period outside the report's history", k)
		}
		if c.value <= 0 || (c.indicator == "a3_percent" && c.value > 100) {
			t.Errorf("%s: value %v", k, c.value)
		}
	}
}
