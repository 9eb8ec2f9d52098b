package generator

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/charts"
	"github.com/adoptionreport/adoptionreport/generator/indicators"
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
	// Table cells: an indicators.json figure; a field of one (a base, a
	// curve point's month or day, a running total); a comparators.csv
	// value; a label (row headers and text columns).
	cells, fields, comparators, labels int
	// The same cells in the CSVs and on the pages.
	csvs, csvCells, htmlTables, htmlCells int
	// Chart points held against indicators.json (or comparators.csv), and
	// threshold lines held against config.
	points, compPoints, thresholds int
	// Text alternatives on the pages, the figures in them held against
	// indicators.json, and the numbers in them that are labels (periods and
	// dates aside): thresholds, months, withheld counts, suppress_below.
	summaries, text, textLabels int
	// Entries after the indicators of docs/content.md, each shown somewhere.
	extras int
}

// walker holds what a walk checks against.
type walker struct {
	t    *testing.T
	figs indicatorsFile
	// used marks the entries some cell or point showed.
	used []bool
	p    *Project
	n    walkCounts
	// areaCells and areaPoints count, by comparators.csv area, the table
	// cells and chart points that show its values.
	areaCells, areaPoints map[string]int
}

// target is what a ref points at: an entry or a field of it, or a
// comparators.csv value.
type target struct {
	entry      indicators.Entry
	index      int // in figs.Entries; -1 for a comparator
	field      string
	comparator indicators.Figure
}

// resolve finds what ref points at. seen counts the refs already met in
// the same table or series, so that a budget line repeated in budget.csv
// takes its own entry.
func (w *walker) resolve(where, ref string, seen map[string]int) (target, bool) {
	w.t.Helper()
	if area, id, per, ok := parseComparatorRef(ref); ok {
		unit, _ := indicators.UnitOf(id)
		for _, c := range w.p.Data.Comparators { // file order, as the report takes the first
			if c.Area == area && c.Indicator == id && c.Period.String() == per {
				return target{index: -1, comparator: indicators.Figure{Unit: unit, Value: c.Value, Pence: int64(math.Round(c.Value * 100)), HasValue: true}}, true
			}
		}
		w.t.Errorf("%s: %s is not in comparators.csv", where, ref)
		return target{}, false
	}
	key, field := splitRef(ref)
	is := w.figs.byKey[key]
	k := seen[ref]
	seen[ref]++
	if k >= len(is) {
		w.t.Errorf("%s: %s is not in indicators.json", where, key)
		return target{}, false
	}
	w.used[is[k]] = true
	return target{entry: w.figs.Entries[is[k]].entry(w.t), index: is[k], field: field}, true
}

// cell is what a table cell with the target reads.
func (w *walker) cell(where string, tg target) (string, bool) {
	if tg.index < 0 {
		return charts.FormatValue(tg.comparator), true
	}
	c, ok := refCell(tg.entry, tg.field)
	if !ok {
		w.t.Errorf("%s: a table cannot show %q of %s", where, tg.field, tg.entry.ID)
	}
	return c, ok
}

// table checks one table against indicators.json, its CSV and every page
// that shows it, and returns how many pages do.
func (w *walker) table(out string, pages map[string][]byte, tb charts.Table) int {
	t := w.t
	t.Helper()
	// (a) Every cell is a figure of indicators.json (or a field of one, or
	// a comparator) that reads as the cell does, or a label: a cell of a
	// figures column with no ref must be empty.
	if len(tb.Refs) != len(tb.Rows) {
		t.Errorf("table %s: %d rows of refs for %d rows", tb.ID, len(tb.Refs), len(tb.Rows))
	}
	seen := map[string]int{}
	for i, refs := range tb.Refs {
		if i >= len(tb.Rows) || len(refs) != len(tb.Rows[i]) {
			t.Errorf("table %s row %d: refs %q do not match cells %q", tb.ID, i, refs, tb.Rows[i])
			continue
		}
		for c, ref := range refs {
			got := tb.Rows[i][c]
			where := fmt.Sprintf("table %s row %q column %q", tb.ID, tb.Rows[i][0], tb.Header[c])
			if ref == "" {
				if tb.Numeric[c] && got != "" {
					t.Errorf("%s: %q is in no file: it has no ref", where, got)
				} else if !tb.Numeric[c] {
					w.n.labels++
				}
				continue
			}
			tg, ok := w.resolve(where, ref, seen)
			if !ok {
				continue
			}
			switch {
			case tg.index < 0:
				w.n.comparators++
				area, _, _, _ := parseComparatorRef(ref)
				w.areaCells[area]++
			case tg.field != "":
				w.n.fields++
			default:
				w.n.cells++
			}
			if want, ok := w.cell(where, tg); ok && got != want {
				t.Errorf("%s (%s): %q, the file gives %q", where, ref, got, want)
			}
		}
	}
	// Column names are labels, and any number in one a config threshold.
	for _, h := range tb.Header {
		w.n.labels++
		rest := textLabels.ReplaceAllString(h, " ")
		rest = headerThreshold.ReplaceAllStringFunc(rest, func(m string) string {
			sub := headerThreshold.FindStringSubmatch(m)
			if n, _ := strconv.Atoi(sub[1] + sub[2]); !slices.Contains(w.thresholds(), n) {
				t.Errorf("table %s column %q: %q is not a config threshold", tb.ID, h, m)
			}
			return " "
		})
		if tok := numberToken.FindString(rest); tok != "" {
			t.Errorf("table %s column %q: %s is neither a label nor a threshold", tb.ID, h, tok)
		}
	}
	want := append([][]string{tb.Header}, tb.Rows...)

	// (b) The CSV holds the same cells, text cells that a spreadsheet would
	// take for a formula behind an apostrophe.
	b, err := os.ReadFile(filepath.Join(out, "data", tb.ID+".csv"))
	if err != nil {
		t.Errorf("table %s: %v", tb.ID, err)
	} else {
		w.n.csvs++
		got, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte(charts.BOM)))).ReadAll()
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
			w.n.csvCells += len(got[i])
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
		w.n.htmlTables++
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%s: table %s reads\n%q\nthe table has\n%q", name, tb.ID, got, want)
		}
		for _, row := range got {
			w.n.htmlCells += len(row)
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

// chartSeries is a series of ECharts options as a page embeds them.
type chartSeries struct {
	Name     string `json:"name"`
	Data     []any  `json:"data"`
	MarkLine *struct {
		Data []struct {
			Name  string   `json:"name"`
			YAxis *float64 `json:"yAxis"`
		} `json:"data"`
	} `json:"markLine"`
}

// point takes a data item apart: a number, null, [x, y], or an object with
// a value (either) and a label.
func point(d any) (x, y any, label string) {
	if m, ok := d.(map[string]any); ok {
		if l, ok := m["label"].(map[string]any); ok {
			label, _ = l["formatter"].(string)
		}
		d = m["value"]
	}
	if xy, ok := d.([]any); ok && len(xy) == 2 {
		return xy[0], xy[1], label
	}
	return nil, d, label
}

// series checks every point of every series chart c draws on a page: each
// is the indicators.json figure (or comparators.csv value) its ref names,
// or a gap where that has none; threshold lines are the config's.
func (w *walker) series(page string, opts []byte, c charts.Chart) {
	t := w.t
	t.Helper()
	var o struct {
		Series []chartSeries `json:"series"`
	}
	if err := json.Unmarshal(opts, &o); err != nil {
		t.Errorf("%s: chart %s options: %v", page, c.ID, err)
		return
	}
	th := w.p.Config.Thresholds
	for _, s := range o.Series {
		refs, ok := c.SeriesRefs[s.Name]
		if !ok {
			if s.MarkLine == nil || s.Name != "Thresholds" {
				t.Errorf("%s: chart %s series %q has no refs", page, c.ID, s.Name)
				continue
			}
			// Config, not data: each line is the threshold it is named for.
			limits := map[string]int{"A1": th.A1, "A2": th.A2}
			for _, l := range s.MarkLine.Data {
				measure, _, _ := strings.Cut(l.Name, " ")
				if l.YAxis == nil || *l.YAxis != float64(limits[measure]) || l.Name != fmt.Sprintf("%s %d", measure, limits[measure]) {
					t.Errorf("%s: chart %s threshold %q at %v, config gives %s %d", page, c.ID, l.Name, l.YAxis, measure, limits[measure])
				}
				w.n.thresholds++
			}
			continue
		}
		if len(s.Data) != len(refs) {
			t.Errorf("%s: chart %s series %q has %d points, %d refs", page, c.ID, s.Name, len(s.Data), len(refs))
			continue
		}
		seen := map[string]int{}
		for k, ref := range refs {
			where := fmt.Sprintf("%s: chart %s series %q point %d (%s)", page, c.ID, s.Name, k, ref)
			x, y, label := point(s.Data[k])
			var want any
			if ref != "" {
				tg, ok := w.resolve(where, ref, seen)
				if !ok {
					continue
				}
				if tg.index < 0 {
					want = tg.comparator.Value
					w.n.compPoints++
					area, _, _, _ := parseComparatorRef(ref)
					w.areaPoints[area]++
				} else {
					w.n.points++
					if want, ok = refPoint(tg.entry, tg.field); !ok {
						t.Errorf("%s: a chart cannot draw %q of %s", where, tg.field, tg.entry.ID)
					}
					if x != nil && (!tg.entry.Part.HasMonth || x != float64(tg.entry.Part.Month)) {
						t.Errorf("%s: drawn at x = %v, indicators.json gives month %d", where, x, tg.entry.Part.Month)
					}
					f := tg.entry.Figure
					if labels := []string{charts.FormatValue(f), charts.FormatFigure(f), "+" + charts.FormatFigure(f)}; label != "" && !slices.Contains(labels, label) {
						t.Errorf("%s: labelled %q, indicators.json gives %q", where, label, labels[:2])
					}
				}
			}
			if y != want {
				t.Errorf("%s is %v; the files give %v", where, y, want)
			}
		}
	}
}

var (
	summaryPara = regexp.MustCompile(`<p class="chart-summary" id="chart-([a-z0-9_]+)-summary">([^<]*)</p>`)
	// A number as the text alternatives write one: "412", "1,234", "18.2%",
	// "2.45", "£45,300", "-£1,223", "+£6,187", "£1.2m".
	numberToken = regexp.MustCompile(`[+-]?£?\d[\d,]*(?:\.\d+)?[m%]?`)
	// Labels with digits that are not figures: periods, dates, measure and
	// stage names, age groups.
	textLabels = regexp.MustCompile(`\b\d{4}-\d{2}\b|\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b|\bA\d+\b|\b[Ss]tage \d\b|\baged (?:under 1|1 to 4|5 to 9|10 or over)\b`)
	// Config thresholds, as the text alternatives give them.
	textThreshold = regexp.MustCompile(`\b(\d+)-day threshold\b|\bwithin (\d+) days\b`)
	// Months after the placement order: a curve point's month.
	// Config thresholds, as column names give them.
	headerThreshold = regexp.MustCompile(`\b(\d+) days\b|\bthreshold (\d+)\b`)
	textMonths      = regexp.MustCompile(`\bwithin (\d+) months?\b`)
	// How many figures disclosure control withheld, and below what.
	textWithheld = regexp.MustCompile(`\b(?:The figure for (1)|Figures for (\d+)) [a-z -]+? (?:is|are) not shown\b`)
	textBelow    = regexp.MustCompile(`\bfewer than (\d+)\b`)
)

// thresholds are the config's, in days.
func (w *walker) thresholds() []int {
	th := w.p.Config.Thresholds
	return []int{th.A1, th.A2, th.Stage1, th.Stage2, th.SixMonths, th.ThreeMonths, th.EighteenMonths}
}

// text checks a chart's text alternative on a page: it is the chart's Alt,
// and every number in it is the value of an indicators.json figure the
// chart shows or names in TextRefs, written as the report writes figures,
// or is accounted for: a period or date, a config threshold, a month of the
// curve, suppress_below, or how many of the chart's figures are withheld.
func (w *walker) text(page, summary string, c charts.Chart) {
	t := w.t
	t.Helper()
	summary = html.UnescapeString(summary)
	if summary != c.Alt {
		t.Errorf("%s: chart %s text alternative reads %q, the chart has %q", page, c.ID, summary, c.Alt)
	}
	// The forms the chart's figures take in text, and their months.
	forms, months := map[string]bool{}, map[string]bool{}
	refs := slices.Clone(c.TextRefs)
	for _, row := range c.Table.Refs {
		refs = append(refs, row...)
	}
	for _, rs := range c.SeriesRefs {
		refs = append(refs, rs...)
	}
	withheld := 0
	for _, ref := range refs {
		key, _ := splitRef(ref)
		is := w.figs.byKey[key]
		if ref == "" || len(is) == 0 {
			continue
		}
		for _, i := range is {
			e := w.figs.Entries[i].entry(t)
			if e.Part.HasMonth {
				months[strconv.Itoa(e.Part.Month)] = true
			}
			if slices.Contains(c.TextRefs, ref) {
				w.used[i] = true
			}
			neg := e.Figure
			neg.Value, neg.Pence = -neg.Value, -neg.Pence
			for _, s := range []string{charts.FormatValue(e.Figure), charts.FormatFigure(e.Figure), "+" + charts.FormatFigure(e.Figure), charts.FormatFigure(neg)} {
				for _, tok := range numberToken.FindAllString(s, -1) {
					forms[tok] = true
				}
			}
		}
	}
	for _, row := range c.Table.Rows {
		for _, cell := range row {
			if cell == charts.Suppressed {
				withheld++
			}
		}
	}
	thresholds := w.thresholds()
	k := w.p.Report.SuppressBelow

	rest := textLabels.ReplaceAllString(summary, " ")
	rest = textThreshold.ReplaceAllStringFunc(rest, func(m string) string {
		sub := textThreshold.FindStringSubmatch(m)
		if n, _ := strconv.Atoi(sub[1] + sub[2]); !slices.Contains(thresholds, n) {
			t.Errorf("%s: chart %s text alternative gives %q, not a config threshold", page, c.ID, m)
		}
		w.n.textLabels++
		return " "
	})
	rest = textMonths.ReplaceAllStringFunc(rest, func(m string) string {
		if !months[textMonths.FindStringSubmatch(m)[1]] {
			t.Errorf("%s: chart %s text alternative gives %q, not a month of its curve", page, c.ID, m)
		}
		w.n.textLabels++
		return " "
	})
	rest = textWithheld.ReplaceAllStringFunc(rest, func(m string) string {
		sub := textWithheld.FindStringSubmatch(m)
		if n, _ := strconv.Atoi(sub[1] + sub[2]); n < 1 || n > withheld {
			t.Errorf("%s: chart %s text alternative says %q; its table withholds %d figures", page, c.ID, m, withheld)
		}
		w.n.textLabels++
		return " "
	})
	rest = textBelow.ReplaceAllStringFunc(rest, func(m string) string {
		if n, _ := strconv.Atoi(textBelow.FindStringSubmatch(m)[1]); n != k || k <= 1 {
			t.Errorf("%s: chart %s text alternative says %q; suppress_below is %d", page, c.ID, m, k)
		}
		w.n.textLabels++
		return " "
	})
	for _, tok := range numberToken.FindAllString(rest, -1) {
		w.n.text++
		if !forms[tok] {
			t.Errorf("%s: chart %s text alternative gives %s, which is none of its figures in indicators.json:\n%s", page, c.ID, tok, summary)
		}
	}
}

// Every figure of the report in every chart's and table's cells, in its
// CSV, in the HTML tables of the pages and in the chart data they embed
// is the one in indicators.json (or, for England, comparators.csv), in
// publish and draft builds; and every entry indicators.json adds to
// the indicators of docs/content.md is shown somewhere.
func TestWalkFiguresMatchIndicatorsJSON(t *testing.T) {
	for _, draft := range []bool{false, true} {
		out := buildSample(t, draft)
		// The charts and tables as the build made them: the CSVs check that
		// these are the ones written.
		p, probs := Load(context.Background(), "..")
		if probs.HasErrors() {
			t.Fatal(probs.Error())
		}
		if _, _, err := p.Render(draft); err != nil {
			t.Fatal(err)
		}
		figs := readIndicators(t, out)
		w := &walker{t: t, figs: figs, used: make([]bool, len(figs.Entries)), p: p, areaCells: map[string]int{}, areaPoints: map[string]int{}}
		names, _ := filepath.Glob(filepath.Join(out, "*.html"))
		pages := map[string][]byte{}
		for _, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			pages[filepath.Base(name)] = b
		}

		for _, c := range charts.Build(p.Report, p.Config) {
			if w.table(out, pages, c.Table) == 0 {
				t.Errorf("draft=%v: no page shows the table of chart %s", draft, c.ID)
			}
			shown := 0
			for name, page := range pages {
				opts, ok := pageOptions(page, c.ID)
				if !ok {
					continue
				}
				shown++
				w.series(name, opts, c)
				for _, m := range summaryPara.FindAllStringSubmatch(string(page), -1) {
					if m[1] == c.ID {
						w.n.summaries++
						w.text(name, m[2], c)
					}
				}
			}
			if shown == 0 {
				t.Errorf("draft=%v: no page draws chart %s", draft, c.ID)
			}
		}
		for _, tb := range charts.Tables(p.Report, p.Config) {
			// A table is on a page only where the text asks for it, so a
			// table no page shows is still checked in its cells and CSV.
			w.table(out, pages, tb)
		}
		// What indicators.json adds to the indicators of docs/content.md is there
		// because the report shows it.
		for i := len(p.Report.Figures); i < len(figs.Entries); i++ {
			if !w.used[i] {
				t.Errorf("draft=%v: indicators.json entry %s is shown nowhere", draft, figs.Entries[i].key())
			}
			w.n.extras++
		}
		// Every area of comparators.csv is drawn and tabled, not England
		// alone.
		if len(p.Report.Areas) < 2 {
			t.Errorf("draft=%v: the sample's comparators.csv has areas %q; it should have England and another", draft, p.Report.Areas)
		}
		for _, a := range p.Report.Areas {
			if w.areaCells[a] == 0 || w.areaPoints[a] == 0 {
				t.Errorf("draft=%v: area %q of comparators.csv is in %d table cells and %d chart points", draft, a, w.areaCells[a], w.areaPoints[a])
			}
		}
		t.Logf("draft=%v: comparator cells by area %v, points %v", draft, w.areaCells, w.areaPoints)
		n := w.n
		t.Logf("draft=%v: table cells: %d figures, %d fields of figures, %d comparators, %d labels; %d CSVs (%d cells), %d HTML tables (%d cells); "+
			"chart points: %d figures, %d comparators, %d thresholds; %d text alternatives: %d figures, %d labels; %d extra entries, all shown",
			draft, n.cells, n.fields, n.comparators, n.labels, n.csvs, n.csvCells, n.htmlTables, n.htmlCells,
			n.points, n.compPoints, n.thresholds, n.summaries, n.text, n.textLabels, n.extras)
		// The sample's charts and tables hold hundreds of the report's
		// figures, every chart is on its section page and in print, and no
		// count may be zero.
		if n.cells < 400 || n.fields < 50 || n.comparators < 50 || n.labels < 100 || n.csvs < 14 || n.csvCells < 800 ||
			n.htmlTables < 18 || n.htmlCells < 800 || n.points < 300 || n.compPoints < 10 || n.thresholds < 2 ||
			n.summaries < 18 || n.text < 50 || n.textLabels < 10 || n.extras < 200 {
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
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(tb.CSV(), []byte(charts.BOM)))).ReadAll()
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

// The walk reads refs as charts writes them (charts.Ref, FieldRef and
// ComparatorRef) and works out on its own what a cell or point with a ref
// must show, so that it checks the charts rather than repeating them.

// splitRef splits a ref made by charts.FieldRef into the entry's key and
// the field; a plain key has no field.
func splitRef(ref string) (key, field string) {
	i := strings.LastIndex(ref, " .")
	if i < 0 {
		return ref, ""
	}
	// A field is a bare lower-case name; a quoted text field ends in ".
	for _, c := range ref[i+2:] {
		if (c < 'a' || c > 'z') && c != '_' {
			return ref, ""
		}
	}
	return ref[:i], ref[i+2:]
}

// parseComparatorRef undoes charts.ComparatorRef; ok is false for any
// other ref.
func parseComparatorRef(ref string) (area, id, period string, ok bool) {
	rest, ok := strings.CutPrefix(ref, "comparator ")
	if !ok {
		return "", "", "", false
	}
	q, err := strconv.QuotedPrefix(rest)
	if err != nil {
		return "", "", "", false
	}
	area, _ = strconv.Unquote(q)
	id, period, ok = strings.Cut(strings.TrimPrefix(rest[len(q):], " "), " ")
	return area, id, period, ok
}

// refCell is what a table cell whose ref names entry e, or field of it,
// reads; false for a field tables do not show or e lacks.
func refCell(e indicators.Entry, field string) (string, bool) {
	switch field {
	case "":
		return charts.FormatValue(e.Figure), true
	case charts.FieldBase:
		// The base is shown only with the figure: hidden with it.
		return charts.FormatValue(indicators.Figure{Unit: indicators.Children, Value: float64(e.Base), HasValue: true, Suppressed: e.Suppressed}),
			e.Unit != indicators.Pounds && !e.NoBase
	case charts.FieldMonth:
		return strconv.Itoa(e.Part.Month), e.Part.HasMonth
	case charts.FieldDays:
		return charts.FormatValue(indicators.Figure{Unit: indicators.Days, Value: float64(e.Part.Days), HasValue: true}), e.Part.HasMonth
	case charts.FieldRunningTotal:
		return charts.FormatValue(indicators.Figure{Unit: indicators.Pounds, Pence: e.RunningTotal, HasValue: true}), e.HasRunningTotal
	}
	return "", false
}

// refPoint is the value a chart draws at a point whose ref names entry e,
// or field of it: a number in the figure's unit (pounds for money), or nil
// where the chart leaves a gap; false for a field charts do not draw or e
// lacks.
func refPoint(e indicators.Entry, field string) (any, bool) {
	pounds := func(pence int64) any { return indicators.PoundsOf(pence) }
	switch field {
	case "":
		switch {
		case e.Suppressed || !e.HasValue:
			return nil, true
		case e.Unit == indicators.Pounds:
			return pounds(e.Pence), true
		}
		return e.Value, true
	case charts.FieldAbs:
		return pounds(max(e.Pence, -e.Pence)), e.Unit == indicators.Pounds && e.HasValue
	case charts.FieldBarStart:
		return pounds(min(e.RunningTotal-e.Pence, e.RunningTotal)), e.HasRunningTotal
	}
	return nil, false
}

func TestRefsParse(t *testing.T) {
	for _, tt := range []struct{ ref, key, field string }{
		{"a1 2022-25", "a1 2022-25", ""},
		{charts.FieldRef("a3_percent 2022-25", charts.FieldBase), "a3_percent 2022-25", "base"},
		{`budget 2024-25 line="Fees .base"`, `budget 2024-25 line="Fees .base"`, ""},
		{charts.FieldRef(`variance 2024-25 driver="x"`, charts.FieldRunningTotal), `variance 2024-25 driver="x"`, "running_total"},
	} {
		if k, f := splitRef(tt.ref); k != tt.key || f != tt.field {
			t.Errorf("splitRef(%q) = %q, %q; want %q, %q", tt.ref, k, f, tt.key, tt.field)
		}
	}
	ref := charts.ComparatorRef(`England "proper"`, "a1", "2022-25")
	if area, id, per, ok := parseComparatorRef(ref); !ok || area != `England "proper"` || id != "a1" || per != "2022-25" {
		t.Errorf("parseComparatorRef(%q) = %q, %q, %q, %v", ref, area, id, per, ok)
	}
	if _, _, _, ok := parseComparatorRef("a1 2022-25"); ok {
		t.Error("an indicator's key parses as a comparator")
	}
}
