package generator

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/charts"
	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/disclosure"
)

// A small council built in publish mode puts no child or household ID and
// no count from 1 to suppress_below-1 anywhere in output/; in draft mode
// every page says DRAFT and is kept out of search engines.
func TestPublishSmallCouncil(t *testing.T) {
	dir := newProject(t) // the scaffold: 7 children, 5 households
	res, err := Build(context.Background(), Options{Source: dir})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	out := filepath.Join(dir, "output")
	files := map[string][]byte{}
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(out, p)
			files[filepath.ToSlash(rel)] = b
		}
		return err
	})

	// No ID, in any file the build wrote.
	ds, probs := dataset.Load(os.DirFS(dir), defaultData(), 2024)
	if probs.HasErrors() {
		t.Fatal(probs.Error())
	}
	var ids []string
	for _, c := range ds.Children {
		ids = append(ids, c.ChildID)
	}
	for _, a := range ds.Adopters {
		ids = append(ids, a.HouseholdID)
	}
	for name, b := range files {
		for _, id := range ids {
			if bytes.Contains(b, []byte(id)) {
				t.Errorf("%s holds the private ID %s", name, id)
			}
		}
		if strings.HasSuffix(name, ".csv") && bytes.Contains(b, []byte("date_of_birth")) {
			t.Errorf("%s looks like an input file", name)
		}
	}

	// No small count in indicators.json.
	for _, l := range disclosure.CheckIndicatorsJSON(files["data/indicators.json"], 5) {
		t.Errorf("indicators.json: %s", l)
	}
	// No small count in the text.
	count := regexp.MustCompile(`<span class="metric"[^>]*>(\d+) (child|children|household|households)</span>`)
	for name, b := range files {
		for _, m := range count.FindAllSubmatch(b, -1) {
			if n, _ := strconv.Atoi(string(m[1])); n >= 1 && n < 5 {
				t.Errorf("%s shows %q", name, m[0])
			}
		}
	}
	// No small count in the figures' CSVs: every count there is a bare
	// whole number; days in this council's data are all far above 4.
	for name, b := range files {
		if !strings.HasSuffix(name, ".csv") {
			continue
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte(charts.BOM)))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for r, row := range rows[1:] {
			for c, cell := range row[1:] {
				if n, err := strconv.Atoi(cell); err == nil && n >= 1 && n < 5 {
					t.Errorf("%s row %d column %q shows %d", name, r+2, rows[0][c+1], n)
				}
			}
		}
	}
}

func TestDraftMarksEveryPage(t *testing.T) {
	dir := newProject(t)
	out := filepath.Join(t.TempDir(), "draft")
	if res, err := Build(context.Background(), Options{Source: dir, Output: out, Draft: true}); err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
	if len(pages) == 0 {
		t.Fatal("no pages")
	}
	for _, p := range pages {
		b, _ := os.ReadFile(p)
		for _, want := range []string{`<meta name="robots" content="noindex">`, "DRAFT"} {
			if !bytes.Contains(b, []byte(want)) {
				t.Errorf("%s lacks %q", filepath.Base(p), want)
			}
		}
	}
	css, _ := filepath.Glob(filepath.Join(out, "assets", "style.*.css"))
	if len(css) != 1 {
		t.Fatalf("stylesheets: %v", css)
	}
	if b, _ := os.ReadFile(css[0]); !bytes.Contains(b, []byte(`content: "DRAFT"`)) {
		t.Error("the print stylesheet of a draft has no DRAFT mark on its pages")
	}
}

func defaultData() config.DataFiles { return config.Default().Data }

// A comparison gives the figure away as surely as the figure: set against
// an area, a suppressed count or a mean over too few children is [c] in a
// publish build, never "37 fewer than Statistical neighbours", while the
// area's own figures, which are published already, still show in full.
func TestPublishSuppressesComparisons(t *testing.T) {
	dir := newProject(t) // the scaffold: 3 children adopted in 2024-25, A1 455 days over them
	write(t, dir, "data/comparators.csv", "indicator,period,area,value\n"+
		"adopted,2024-25,Statistical neighbours,40\n"+
		"a1,2024-25,Region,470\n"+
		"a1,2022-25,Region,466\n")
	appendTo(t, dir, "content/summary.md", "\nAdopted: {{< compare adopted 2024-25 \"Statistical neighbours\" >}}.\n"+
		"A1: {{< compare a1 \"Region\" >}}.\n")
	for _, draft := range []bool{false, true} {
		out := filepath.Join(t.TempDir(), "site")
		res, err := Build(context.Background(), Options{Source: dir, Output: out, Draft: draft})
		if err != nil {
			t.Fatalf("%v\n%s", err, res.Problems.Error())
		}
		page, _ := os.ReadFile(filepath.Join(out, "summary.html"))
		// 3 − 40 = −37 children; 455 − 470 = −15 days.
		want := []string{`data-area="Statistical neighbours">37 fewer than Statistical neighbours</span>`, `data-area="Region">15 days faster than Region</span>`}
		if !draft {
			want = []string{`data-area="Statistical neighbours">[c]</span>`, `data-area="Region">[c]</span>`}
		}
		for _, w := range want {
			if !strings.Contains(string(page), w) {
				t.Errorf("draft=%v: summary.html lacks %s", draft, w)
			}
		}
		// The region's published figures are in the scorecard's CSV
		// whatever the council's are.
		sc, _ := os.ReadFile(filepath.Join(out, "data", "scorecard.csv"))
		if !strings.Contains(string(sc), "Region: A1") || !strings.Contains(string(sc), ",466,") {
			t.Errorf("draft=%v: scorecard.csv lacks the region's A1:\n%s", draft, sc)
		}
	}
}
