package dataset

import (
	"os"
	"reflect"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

var defaultFiles = config.Default().Data

// project returns a project folder holding the four CSV files of
// testdata/dir under data/, as config.Default expects them.
func project(t *testing.T, dir string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range []string{"children.csv", "adopters.csv", "budget.csv", "comparators.csv"} {
		b, err := os.ReadFile("testdata/" + dir + "/" + f)
		if err != nil {
			t.Fatal(err)
		}
		fsys["data/"+f] = &fstest.MapFile{Data: b}
	}
	return fsys
}

// TestExcelExport loads an Excel-style export of the clean files' records
// (a BOM, CRLF, Windows-1252, UK dates, £1,234.56 and (500), upper-case
// headers in another order, extra columns, 1/2 for sex, Y/N and
// TRUE/FALSE, a multi-line cell) and expects the same records, with
// warnings only for what the officer could improve.
func TestExcelExport(t *testing.T) {
	clean, cleanProbs := Load(project(t, "clean"), defaultFiles, reportYear, Today(testToday))
	if len(cleanProbs) != 0 {
		t.Fatalf("clean files have problems:\n%s", cleanProbs)
	}
	excel, excelProbs := Load(project(t, "excel"), defaultFiles, reportYear, Today(testToday))
	want := []string{
		"W data/adopters.csv:1:15: Notes: unknown column, ignored",
		"W data/children.csv: file is not UTF-8; read it as Windows-1252 (Excel's \"CSV\" format) — save as \"CSV UTF-8\" to avoid this warning",
		"W data/children.csv:1:2: Social Worker: unknown column, ignored",
	}
	if d := matchProblems(excelProbs, want); d != "" {
		t.Error(d)
	}
	if len(clean.Children) != 5 || len(clean.Adopters) != 3 || len(clean.Budget) != 4 || len(clean.Comparators) != 3 {
		t.Fatalf("clean fixture read short: %d children, %d adopters, %d budget lines, %d comparators",
			len(clean.Children), len(clean.Adopters), len(clean.Budget), len(clean.Comparators))
	}
	// Rows are the same in both exports, so nothing is ignored.
	if !reflect.DeepEqual(clean, excel) {
		for i := range clean.Children {
			if i < len(excel.Children) && !reflect.DeepEqual(clean.Children[i], excel.Children[i]) {
				t.Errorf("child %d:\n clean %+v\n excel %+v", i, clean.Children[i], excel.Children[i])
			}
		}
		t.Errorf("datasets differ:\n clean %+v\n excel %+v", clean, excel)
	}
	// The Windows-1252 bytes came through as the right characters.
	if got := excel.Children[2].ReversalReason; got != "Birth family’s appeal – café meeting\nreturned home" {
		t.Errorf("reversal_reason = %q", got)
	}
}

func TestLoadFiles(t *testing.T) {
	full := project(t, "clean")
	without := func(name string) fstest.MapFS {
		m := fstest.MapFS{}
		for k, v := range full {
			if k != name {
				m[k] = v
			}
		}
		return m
	}
	tests := []struct {
		name  string
		fsys  fstest.MapFS
		files config.DataFiles
		want  []string
	}{
		{"all there", full, defaultFiles, nil},
		{"comparators are optional", without("data/comparators.csv"), defaultFiles, nil},
		{"comparators path blank", full, config.DataFiles{Children: "data/children.csv", Adopters: "data/adopters.csv", Budget: "data/budget.csv"}, nil},
		{"children missing", without("data/children.csv"), defaultFiles,
			[]string{"E data/children.csv: file not found: the project needs it (see docs/data.md), or set its path under [data] in config.toml"}},
		{"budget missing", without("data/budget.csv"), defaultFiles, []string{"E data/budget.csv: file not found"}},
		{"adopters path blank", full, config.DataFiles{Children: "data/children.csv", Budget: "data/budget.csv"},
			[]string{"E config.toml: data.adopters: is blank: give the path of the adopters file, e.g. data/adopters.csv"}},
		{"paths written with ./ and backslashes", full, config.DataFiles{Children: "./data/children.csv", Adopters: `data\adopters.csv`, Budget: "data/../data/budget.csv"}, nil},
		{"path outside the project", full, config.DataFiles{Children: "../children.csv", Adopters: "data/adopters.csv", Budget: "/etc/budget.csv"},
			[]string{"E ../children.csv: is not a path inside the project folder", "E /etc/budget.csv: is not a path inside the project folder"}},
		{"a folder, not a file", full, config.DataFiles{Children: "data", Adopters: "data/adopters.csv", Budget: "data/budget.csv"},
			[]string{"E data: cannot be read"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := Load(tt.fsys, tt.files, reportYear, Today(testToday))
			if d := matchProblems(probs, tt.want); d != "" {
				t.Error(d)
			}
		})
	}
}

// Load lists errors before warnings across files, each by file, row and
// column.
func TestLoadSorted(t *testing.T) {
	fsys := project(t, "clean")
	fsys["data/budget.csv"] = &fstest.MapFile{Data: []byte("year,line,budget,actual,extra\n2024-25,Staff,x,1,\n")}
	fsys["data/children.csv"] = &fstest.MapFile{Data: csvOf(childHeader,
		with(goodChild, "ethnicity", ""),
		with(goodChild, "child_id", "C2", "matched", "bad"),
	)}
	_, probs := Load(fsys, defaultFiles, reportYear, Today(testToday))
	want := []string{
		`E data/budget.csv:2:3: budget: "x" is not an amount of money`,
		`E data/children.csv:3:11: matched: "bad" is not a date`,
		"W data/budget.csv:1:5: extra: unknown column, ignored",
		"W data/children.csv:2:5: ethnicity: is blank: counted as Not known",
	}
	if d := matchProblems(probs, want); d != "" {
		t.Error(d)
	}
	if probs.Summary() != "2 errors, 2 warnings" {
		t.Errorf("summary %q", probs.Summary())
	}
}

// Load shares no state between calls: run it in parallel under -race.
func TestLoadConcurrent(t *testing.T) {
	clean, excel := project(t, "clean"), project(t, "excel")
	want, _ := Load(clean, defaultFiles, reportYear, Today(testToday))
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fsys := clean
			if i%2 == 1 {
				fsys = excel
			}
			got, _ := Load(fsys, defaultFiles, reportYear, Today(testToday))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("load %d differs", i)
			}
		}()
	}
	wg.Wait()
}

// Dates after the year end in two files: one warning for the build,
// giving counts and never the dates; the records hold no date there.
// Today decides what is in the future.
func TestLoadSetsAsideLateDates(t *testing.T) {
	fsys := project(t, "clean")
	fsys["data/children.csv"] = &fstest.MapFile{Data: csvOf(childHeader,
		goodChild,
		// Matched and placed in April and May after the year end.
		with(goodChild, "child_id", "C2", "matched", "2025-04-10", "placed_for_adoption", "2025-05-01", "adoption_order", ""),
	)}
	fsys["data/adopters.csv"] = &fstest.MapFile{Data: csvOf(adopterHeader,
		with(goodAdopter, "matched", "", "placed", "", "withdrawn", "15/06/2025"),
	)}
	ds, probs := Load(fsys, defaultFiles, reportYear, Today(testToday))
	want := []string{"W data/children.csv: set aside 3 dates after the end of the report year 2024-25 (2 in this file, 1 in data/adopters.csv): the figures are as at 31/03/2025, so those events count as not yet happened"}
	if d := matchProblems(probs, want); d != "" {
		t.Error(d)
	}
	if c := ds.Children[1]; c.Matched != 0 || c.PlacedForAdoption != 0 || c.MovedInWithAdopters != 0 || c.PlacementOrder == 0 {
		t.Errorf("child C2 as at 31 March: %+v", c)
	}
	if a := ds.Adopters[0]; a.Withdrawn != 0 || a.Approved == 0 {
		t.Errorf("household as at 31 March: %+v", a)
	}

	// Only adopters.csv has one: the warning is there, in the singular.
	fsys["data/children.csv"] = &fstest.MapFile{Data: csvOf(childHeader, goodChild)}
	_, probs = Load(fsys, defaultFiles, reportYear, Today(testToday))
	want = []string{"W data/adopters.csv: set aside 1 date after the end of the report year 2024-25: the figures"}
	if d := matchProblems(probs, want); d != "" {
		t.Error(d)
	}

	// Built on 1 June 2025, the withdrawal on 15 June has not happened.
	_, probs = Load(fsys, defaultFiles, reportYear, Today(period.NewDate(2025, time.June, 1)))
	want = []string{"E data/adopters.csv:2:10: withdrawn: 15/06/2025 is in the future (today is 01/06/2025): check the date"}
	if d := matchProblems(probs, want); d != "" {
		t.Error(d)
	}
}
