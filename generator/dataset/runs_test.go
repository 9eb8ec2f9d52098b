package dataset

import (
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// A file checked a run of rows to a core gives what it gives checked in
// one run: the same records, the same problems in the same order and
// the same count of dates set aside, a household repeated across runs
// included.
func TestAdoptersInRuns(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(max(4, runtime.GOMAXPROCS(0))))
	var rows []map[string]string
	for i := range 400 {
		row := with(goodAdopter, "household_id", fmt.Sprintf("H%d", i))
		switch i % 7 {
		case 1:
			row = with(row, "enquiry", "2023-13-01") // not a date
		case 2:
			row = with(row, "matched", "2023-08-01") // before approved
		case 3:
			row = with(row, "withdrawn", "2025-04-01") // set aside
		case 4:
			row = with(row, "registration_of_interest", "", "fast_track", "2")
		}
		if i%50 == 49 {
			row = with(row, "household_id", "H3") // first on row 5, in the first run
		}
		rows = append(rows, row)
	}
	data := csvOf(adopterHeader, rows...)
	read := func(run int) ([]Adopter, []string, int) {
		defer func(old int) { minRun = old }(minRun)
		minRun = run
		hh, probs, late := readAdopters("a.csv", data, testLimits)
		var msgs []string
		for _, p := range probs {
			msgs = append(msgs, p.String())
		}
		return hh, msgs, late
	}
	hh1, probs1, late1 := read(1 << 30)
	if runsOf(400) != 1 {
		t.Fatal("minRun should be back to its value")
	}
	hhN, probsN, lateN := read(50)
	if !reflect.DeepEqual(hh1, hhN) {
		t.Error("the records differ checked in runs")
	}
	if !reflect.DeepEqual(probs1, probsN) {
		t.Errorf("the problems differ checked in runs:\none run:\n%s\nin runs:\n%s", strings.Join(probs1, "\n"), strings.Join(probsN, "\n"))
	}
	if late1 != lateN || late1 != 57 {
		t.Errorf("dates set aside: %d in one run, %d in runs; want 57", late1, lateN)
	}
	// Every 50th row repeats H3, first on row 5: 8 repeats, most of them
	// in another run than row 5's.
	dups := 0
	for _, m := range probsN {
		if strings.Contains(m, "household H3 is also on row 5") {
			dups++
		}
	}
	if dups != 8 {
		t.Errorf("%d repeats of H3 reported, want 8:\n%s", dups, strings.Join(probsN, "\n"))
	}
}

// A file without quotes is read a run of lines to a core: the rows, their
// numbers and the problems are those of reading it in order, blank lines,
// short rows and cells beyond the last heading included. A file with a
// quoted cell is read in order.
func TestTableInRuns(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(max(4, runtime.GOMAXPROCS(0))))
	var b strings.Builder
	b.WriteString("\n,,\nhousehold_id,registration_of_interest,ethnicity\n")
	for i := range 300 {
		switch i % 11 {
		case 3:
			b.WriteString("\n")
		case 5:
			b.WriteString(" , ,\r\n")
		case 7:
			fmt.Fprintf(&b, "H%d\n", i)
		case 9:
			fmt.Fprintf(&b, "H%d,2023-01-01,WBRI,oops\n", i)
		default:
			fmt.Fprintf(&b, " H%d ,2023-01-01,WBRI\r\n", i)
		}
	}
	plain := []byte(b.String())
	quoted := []byte(b.String() + "\"H1\",2023-01-01,WBRI\n")
	for extraRows, data := range [][]byte{plain, quoted} {
		read := func(run int) (*table, []string) {
			defer func(old int) { minRun = old }(minRun)
			minRun = run
			var probs problem.List
			tb := readTable("a.csv", data, adopterSchema, &probs)
			var msgs []string
			for _, p := range probs {
				msgs = append(msgs, p.String())
			}
			return tb, msgs
		}
		t1, p1 := read(1 << 30)
		tN, pN := read(40)
		if !reflect.DeepEqual(t1.rows, tN.rows) {
			t.Errorf("the rows differ read in runs")
		}
		if !reflect.DeepEqual(p1, pN) {
			t.Errorf("the problems differ read in runs:\n%s\n---\n%s", strings.Join(p1, "\n"), strings.Join(pN, "\n"))
		}
		// Hand-checked: the header is on line 3; of the 300 lines after it,
		// 27 are blank, 27 hold only spaces and commas, and 27 have a cell
		// beyond the last heading. The quoted file has a row more.
		if want := 300 - 27 - 27 + extraRows; len(tN.rows) != want {
			t.Errorf("%d rows, want %d", len(tN.rows), want)
		}
		if n := strings.Count(strings.Join(pN, "\n"), "cell to the right of the last column heading"); n != 27 {
			t.Errorf("%d cells beyond the last heading reported, want 27", n)
		}
		if r := tN.rows[0]; r.row != 4 || r.cells[0] != "H0" {
			t.Errorf("first row: %+v", r)
		}
	}
}

func TestLineStarts(t *testing.T) {
	for text, want := range map[string][]int{
		"":           {0},
		"\n":         {0, 1},
		"a\nbc\n\nd": {0, 2, 5, 6},
		"a\r\nb\n":   {0, 3, 5},
	} {
		if got := lineStarts([]byte(text)); !slices.Equal(got, want) {
			t.Errorf("lineStarts(%q) = %v, want %v", text, got, want)
		}
	}
}
