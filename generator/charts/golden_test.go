package charts

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/indicators"
	"github.com/adoptionreport/adoptionreport/internal/linediff"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ from the current output")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./generator/charts -update to create it)", err)
	}
	if d := linediff.Diff(string(want), string(got)); d != "" {
		t.Errorf("%s differs from the golden file; if the change is intended, run go test ./generator/charts -update and review the diff:\n%s", path, d)
	}
}

// describeChart writes everything a chart hands the site, options indented
// so that a diff of the golden file is readable.
func describeChart(t *testing.T, c Chart) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("id: " + c.ID + "\nsection: " + c.Section + "\ntitle: " + c.Title + "\nalt: " + c.Alt + "\n\n")
	b.Write(describeTable(c.Table))
	b.WriteString("\noptions:\n")
	if err := json.Indent(&b, c.Options, "", "  "); err != nil {
		t.Fatalf("chart %s: options are not JSON: %v", c.ID, err)
	}
	b.WriteByte('\n')
	return b.Bytes()
}

func describeTable(t Table) []byte {
	var b bytes.Buffer
	b.WriteString("table " + t.ID + ": " + t.Caption + "\nnumeric:")
	for _, n := range t.Numeric {
		if n {
			b.WriteString(" n")
		} else {
			b.WriteString(" t")
		}
	}
	b.WriteString("\ncsv:\n")
	b.Write(t.CSV())
	return b.Bytes()
}

var chartIDs = []string{
	"timeliness", "waiting_by_characteristic", "time_to_match", "early_permanence",
	"adopter_funnel", "stage_timeliness", "sufficiency", "overspend_drivers", "budget_by_line",
}

var tableIDs = []string{"scorecard", "children_waiting", "adopted_by_group", "adopter_journey", "budget", "comparisons"}

func TestGoldenCharts(t *testing.T) {
	r, cfg := testReport(t)
	// As a draft build: nothing is marked, so the survival curve is drawn
	// whole. TestTimeToMatchDisclosure covers k = 5.
	r.SuppressBelow = 1
	got := Build(r, cfg)
	var ids []string
	for _, c := range got {
		ids = append(ids, c.ID)
		t.Run(c.ID, func(t *testing.T) { golden(t, filepath.Join("charts", c.ID+".golden"), describeChart(t, c)) })
	}
	if !slices.Equal(ids, chartIDs) {
		t.Errorf("chart IDs = %v, want %v (update docs/charts.md with any change)", ids, chartIDs)
	}
}

func TestGoldenTables(t *testing.T) {
	r, cfg := testReport(t)
	got := Tables(r, cfg)
	var ids []string
	for _, tb := range got {
		ids = append(ids, tb.ID)
		t.Run(tb.ID, func(t *testing.T) { golden(t, filepath.Join("tables", tb.ID+".golden"), describeTable(tb)) })
	}
	if !slices.Equal(ids, tableIDs) {
		t.Errorf("table IDs = %v, want %v (update docs/charts.md with any change)", ids, tableIDs)
	}
}

// TestDocsListEveryID keeps docs/charts.md in step with the code.
func TestDocsListEveryID(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "charts.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range append(slices.Clone(chartIDs), tableIDs...) {
		if !bytes.Contains(doc, []byte("`"+id+"`")) {
			t.Errorf("docs/charts.md does not list `%s`", id)
		}
	}
}

var idPattern = regexp.MustCompile(`^[a-z0-9_]+$`)

// TestShape checks what every chart and table must be, whatever the data.
func TestShape(t *testing.T) {
	r, cfg := testReport(t)
	seen := map[string]bool{}
	check := func(tb Table) {
		if !idPattern.MatchString(tb.ID) {
			t.Errorf("ID %q is not [a-z0-9_]", tb.ID)
		}
		if seen[tb.ID] {
			t.Errorf("ID %q is used twice: its CSV would overwrite another", tb.ID)
		}
		seen[tb.ID] = true
		if len(tb.Numeric) != len(tb.Header) || (len(tb.Numeric) > 0 && tb.Numeric[0]) {
			t.Errorf("table %s: Numeric %v does not fit header %q", tb.ID, tb.Numeric, tb.Header)
		}
		for _, row := range tb.Rows {
			if len(row) != len(tb.Header) {
				t.Errorf("table %s: row %q has %d cells for %d columns", tb.ID, row, len(row), len(tb.Header))
			}
		}
	}
	sections := map[string]bool{SectionChildren: true, SectionAdopters: true, SectionFinance: true}
	for _, c := range Build(r, cfg) {
		check(c.Table)
		if c.Table.ID != c.ID {
			t.Errorf("chart %s has table %s", c.ID, c.Table.ID)
		}
		if !sections[c.Section] {
			t.Errorf("chart %s: section %q", c.ID, c.Section)
		}
		if c.Title == "" || !strings.HasSuffix(c.Alt, ".") {
			t.Errorf("chart %s: title %q, alt %q", c.ID, c.Title, c.Alt)
		}
		var o struct {
			Animation *bool `json:"animation"`
			Toolbox   struct {
				Show *bool `json:"show"`
			} `json:"toolbox"`
			Legend struct {
				Show *bool `json:"show"`
			} `json:"legend"`
			Color  []string `json:"color"`
			Aria   struct{ Decal struct{ Show bool } }
			XAxis  []map[string]any `json:"xAxis"`
			YAxis  []map[string]any `json:"yAxis"`
			Series []map[string]any `json:"series"`
		}
		if err := json.Unmarshal(c.Options, &o); err != nil {
			t.Fatalf("chart %s: %v", c.ID, err)
		}
		if o.Animation == nil || *o.Animation {
			t.Errorf("chart %s: animation is not off", c.ID)
		}
		if o.Toolbox.Show == nil || *o.Toolbox.Show {
			t.Errorf("chart %s: toolbox is not off", c.ID)
		}
		if o.Legend.Show == nil || !*o.Legend.Show {
			t.Errorf("chart %s: no legend", c.ID)
		}
		if !slices.Equal(o.Color, []string(palette)) || !o.Aria.Decal.Show {
			t.Errorf("chart %s: colours %v, decals %v", c.ID, o.Color, o.Aria.Decal.Show)
		}
		if len(o.Series) == 0 {
			t.Errorf("chart %s: no series", c.ID)
		}
		for _, ax := range append(o.XAxis, o.YAxis...) {
			if name, _ := ax["name"].(string); ax["type"] == "value" && name == "" {
				t.Errorf("chart %s: a value axis has no name with its unit", c.ID)
			}
		}
	}
	for _, tb := range Tables(r, cfg) {
		check(tb)
	}
}

// TestDeterministic: the same report gives the same bytes, so an unchanged
// project rebuilds to identical files.
func TestDeterministic(t *testing.T) {
	r1, cfg := testReport(t)
	r2, _ := testReport(t)
	a, b := Build(r1, cfg), Build(r2, cfg)
	for i := range a {
		if !bytes.Equal(a[i].Options, b[i].Options) || !bytes.Equal(a[i].Table.CSV(), b[i].Table.CSV()) || a[i].Alt != b[i].Alt {
			t.Errorf("chart %s differs between two builds", a[i].ID)
		}
	}
	ta, tb := Tables(r1, cfg), Tables(r2, cfg)
	for i := range ta {
		if !bytes.Equal(ta[i].CSV(), tb[i].CSV()) {
			t.Errorf("table %s differs between two builds", ta[i].ID)
		}
	}
}

func TestNilReport(t *testing.T) {
	if got := Build(nil, testConfig()); got != nil {
		t.Errorf("Build(nil) = %d charts, want none", len(got))
	}
	if got := Tables(nil, testConfig()); got != nil {
		t.Errorf("Tables(nil) = %d tables, want none", len(got))
	}
}

// TestEmptyReport: a project with no rows yet still gets every chart,
// each saying there is nothing to show rather than drawing zeros it does
// not have.
func TestEmptyReport(t *testing.T) {
	cfg := testConfig()
	r := indicators.Compute(&dataset.Dataset{}, cfg)
	want := map[string]string{
		"timeliness":                "There are no three-year A1 figures to show; there are no three-year A2 figures to show.",
		"waiting_by_characteristic": "No children were waiting for adoption at 31 March 2025.",
		"time_to_match":             "No child had a placement order in 2022-25, so there is no curve to draw.",
		"early_permanence":          "The number of children placed through early permanence was 0 in 2024-25, the same as in 2022-23.",
		"adopter_funnel":            "In 2024-25, no households reached any step of the adopter journey.",
		"stage_timeliness":          "There are no stage timeliness figures to show.",
		"sufficiency":               "At 31 March 2025, 0 children and 0 households approved as adopters were waiting.",
		"overspend_drivers":         "There are no budget lines for 2024-25 in budget.csv, so there is nothing to draw.",
		"budget_by_line":            "There is no budget data to show.",
	}
	for _, c := range Build(r, cfg) {
		if c.Alt != want[c.ID] {
			t.Errorf("chart %s: alt\n got %q\nwant %q", c.ID, c.Alt, want[c.ID])
		}
		if !json.Valid(c.Options) {
			t.Errorf("chart %s: options are not JSON", c.ID)
		}
	}
	for _, tb := range Tables(r, cfg) {
		if len(tb.Header) == 0 {
			t.Errorf("table %s has no header", tb.ID)
		}
	}
}
