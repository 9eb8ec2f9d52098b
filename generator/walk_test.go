package generator

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/charts"
)

var (
	tableRow  = regexp.MustCompile(`(?s)<tr>(.*?)</tr>`)
	tableCell = regexp.MustCompile(`(?s)<t[hd][^>]*>(.*?)</t[hd]>`)
)

// htmlTable returns the cells of <table id="table-ID"> in page, header
// row first, unescaped, and false when the page has no such table.
func htmlTable(page []byte, id string) ([][]string, bool) {
	open := []byte(`<table id="table-` + id + `">`)
	i := bytes.Index(page, open)
	if i < 0 {
		return nil, false
	}
	body := page[i:]
	body = body[:bytes.Index(body, []byte("</table>"))]
	var rows [][]string
	for _, tr := range tableRow.FindAllSubmatch(body, -1) {
		var row []string
		for _, td := range tableCell.FindAllSubmatch(tr[1], -1) {
			row = append(row, html.UnescapeString(string(td[1])))
		}
		rows = append(rows, row)
	}
	return rows, true
}

// pageOptions returns the ECharts options of chart id as page embeds them.
func pageOptions(page []byte, id string) ([]byte, bool) {
	re := regexp.MustCompile(`(?s)<script type="application/json" id="chart-` + regexp.QuoteMeta(id) + `-options">(.*?)</script>`)
	m := re.FindSubmatch(page)
	if m == nil {
		return nil, false
	}
	return m[1], true
}

// walkCounts is what a walk checked, so that it cannot pass vacuously.
type walkCounts struct {
	refs, csvs, htmlTables, points int
}

// walkTable checks one table against indicators.json, its CSV and every
// page that shows it, and returns how many pages do.
func walkTable(t *testing.T, out string, pages map[string][]byte, figs map[string]jsonFigure, tb charts.Table, n *walkCounts) int {
	t.Helper()
	// (a) Every cell written from an indicator is the indicators.json figure.
	if len(tb.Refs) != len(tb.Rows) {
		t.Errorf("table %s: %d rows of refs for %d rows", tb.ID, len(tb.Refs), len(tb.Rows))
	}
	for i, refs := range tb.Refs {
		if i >= len(tb.Rows) || len(refs) != len(tb.Rows[i]) {
			t.Errorf("table %s row %d: refs %q do not match cells %q", tb.ID, i, refs, tb.Rows[i])
			continue
		}
		for c, ref := range refs {
			if ref == "" {
				continue
			}
			n.refs++
			j, ok := figs[ref]
			if !ok {
				t.Errorf("table %s row %d column %d: %s is not in indicators.json", tb.ID, i, c, ref)
				continue
			}
			if got, want := tb.Rows[i][c], charts.FormatValue(j.figure(t)); got != want {
				t.Errorf("table %s row %q column %q (%s): %q, indicators.json gives %q", tb.ID, tb.Rows[i][0], tb.Header[c], ref, got, want)
			}
		}
	}
	want := append([][]string{tb.Header}, tb.Rows...)

	// (b) The CSV holds the same cells, text cells that a spreadsheet would
	// take for a formula behind an apostrophe.
	b, err := os.ReadFile(filepath.Join(out, "data", tb.ID+".csv"))
	if err != nil {
		t.Errorf("table %s: %v", tb.ID, err)
	} else {
		n.csvs++
		got, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Errorf("data/%s.csv: %v", tb.ID, err)
		}
		if len(got) != len(want) {
			t.Errorf("data/%s.csv: %d records, the table has %d rows and a header", tb.ID, len(got), len(want))
		}
		for i := range min(len(got), len(want)) {
			if !slices.Equal(undefuse(got[i], tb.Numeric, i == 0), want[i]) {
				t.Errorf("data/%s.csv record %d: %q, the table has %q", tb.ID, i+1, got[i], want[i])
			}
		}
	}

	// (c) Every page showing the table shows the same cells.
	shown := 0
	for name, page := range pages {
		got, ok := htmlTable(page, tb.ID)
		if !ok {
			continue
		}
		shown++
		n.htmlTables++
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%s: table %s reads\n%q\nthe table has\n%q", name, tb.ID, got, want)
		}
	}
	return shown
}

// undefuse takes the apostrophe off a CSV cell that charts.Table.CSV put
// there: text cells (every header cell) beginning with =, +, -, @, a tab or
// a carriage return.
func undefuse(rec []string, numeric []bool, header bool) []string {
	out := slices.Clone(rec)
	for i, c := range out {
		if !header && i < len(numeric) && numeric[i] {
			continue
		}
		if rest, ok := strings.CutPrefix(c, "'"); ok && rest != "" && strings.ContainsRune("=+-@\t\r", rune(rest[0])) {
			out[i] = rest
		}
	}
	return out
}

// walkSeries checks that each series the chart draws from the report's
// indicators has the indicators.json values at its points, and a gap
// where indicators.json has none.
func walkSeries(t *testing.T, page string, opts []byte, figs map[string]jsonFigure, c charts.Chart, n *walkCounts) {
	t.Helper()
	var o struct {
		Series []struct {
			Name string `json:"name"`
			Data []any  `json:"data"`
		} `json:"series"`
	}
	if err := json.Unmarshal(opts, &o); err != nil {
		t.Errorf("%s: chart %s options: %v", page, c.ID, err)
		return
	}
	for name, refs := range c.SeriesRefs {
		i := slices.IndexFunc(o.Series, func(s struct {
			Name string `json:"name"`
			Data []any  `json:"data"`
		}) bool {
			return s.Name == name
		})
		if i < 0 {
			t.Errorf("%s: chart %s has no series %q", page, c.ID, name)
			continue
		}
		data := o.Series[i].Data
		if len(data) != len(refs) {
			t.Errorf("%s: chart %s series %q has %d points, %d refs", page, c.ID, name, len(data), len(refs))
			continue
		}
		for k, ref := range refs {
			var want *float64
			if ref != "" {
				j, ok := figs[ref]
				if !ok {
					t.Errorf("%s: chart %s series %q point %d: %s is not in indicators.json", page, c.ID, name, k, ref)
					continue
				}
				want = j.Value
				n.points++
			}
			got, isNum := data[k].(float64)
			switch {
			case want == nil && data[k] != nil:
				t.Errorf("%s: chart %s series %q point %d (%s) is %v; indicators.json has no value", page, c.ID, name, k, ref, data[k])
			case want != nil && (!isNum || got != *want):
				t.Errorf("%s: chart %s series %q point %d (%s) is %v; indicators.json gives %v", page, c.ID, name, k, ref, data[k], *want)
			}
		}
	}
}

// Every figure of the report in every chart's and table's cells, in its
// CSV, in the HTML tables of the pages and in the chart data they embed
// is the one in indicators.json, in publish and draft builds.
func TestWalkFiguresMatchIndicatorsJSON(t *testing.T) {
	for _, draft := range []bool{false, true} {
		out := buildSample(t, draft)
		figs := readIndicators(t, out)
		// The charts and tables as the build made them: the CSVs check that
		// these are the ones written.
		p, probs := Load(context.Background(), "..")
		if probs.HasErrors() {
			t.Fatal(probs.Error())
		}
		if _, _, err := p.Render(draft); err != nil {
			t.Fatal(err)
		}
		names, _ := filepath.Glob(filepath.Join(out, "*.html"))
		pages := map[string][]byte{}
		for _, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			pages[filepath.Base(name)] = b
		}

		var n walkCounts
		for _, c := range charts.Build(p.Report, p.Config) {
			if walkTable(t, out, pages, figs, c.Table, &n) == 0 {
				t.Errorf("draft=%v: no page shows the table of chart %s", draft, c.ID)
			}
			shown := 0
			for name, page := range pages {
				opts, ok := pageOptions(page, c.ID)
				if !ok {
					continue
				}
				shown++
				walkSeries(t, name, opts, figs, c, &n)
			}
			if shown == 0 {
				t.Errorf("draft=%v: no page draws chart %s", draft, c.ID)
			}
		}
		for _, tb := range charts.Tables(p.Report, p.Config) {
			// A table is on a page only where the text asks for it, so a
			// table no page shows is still checked in its cells and CSV.
			walkTable(t, out, pages, figs, tb, &n)
		}
		t.Logf("draft=%v: %d cells against indicators.json, %d CSVs, %d HTML tables, %d chart points", draft, n.refs, n.csvs, n.htmlTables, n.points)
		// The sample's charts and tables hold well over a hundred of the
		// report's figures, every chart is on its section page and in print.
		if n.refs < 150 || n.csvs < 14 || n.htmlTables < 18 || n.points < 50 {
			t.Errorf("draft=%v: too little checked: %+v", draft, n)
		}
	}
}

// undefuse reverses exactly what Table.CSV adds: a formula-like text cell
// comes back as it was, and a negative figure, never prefixed, is left be.
func TestUndefuse(t *testing.T) {
	tb := charts.Table{
		Header:  []string{"=Line", "Amount"},
		Numeric: []bool{false, true},
		Rows:    [][]string{{"=HYPERLINK(x)", "-£1,234"}, {"'quoted", "12"}, {"@home", ""}},
	}
	recs, err := csv.NewReader(bytes.NewReader(tb.CSV())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := append([][]string{tb.Header}, tb.Rows...)
	for i, rec := range recs {
		if got := undefuse(rec, tb.Numeric, i == 0); !slices.Equal(got, want[i]) {
			t.Errorf("record %d: undefuse(%q) = %q, want %q", i, rec, got, want[i])
		}
	}
}
