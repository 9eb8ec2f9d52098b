package site

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/charts"
	"github.com/adoptionreport/adoptionreport/generator/content"
	"github.com/adoptionreport/adoptionreport/generator/content/shortcode"
	"github.com/adoptionreport/adoptionreport/generator/indicators"
	"github.com/adoptionreport/adoptionreport/generator/period"
	near "github.com/adoptionreport/adoptionreport/internal/suggest"
)

// resolver turns one page's shortcodes into HTML from the report's
// figures, charts and tables, and remembers what the page showed.
type resolver struct {
	r      *renderer
	charts map[string]charts.Chart
	// placed: charts the page's text placed itself.
	placed map[string]bool
	// suppressed: the page shows a [c], so it needs the note that explains it.
	suppressed bool
	// marked: the charts the page shows and the ends of its glossary
	// links, in order; the page's HTML holds a mark for each until
	// renderer.body fills in each edition's HTML.
	marked []marked
	// chartBytes estimates the HTML the marks stand for, to size buffers.
	chartBytes int
}

// marked is what a placeholder stands for: a chart, or the start or end
// of the link from a glossary term's first use to its entry, which only
// the screen edition has (paper cannot follow it).
type marked struct {
	chart   charts.Chart
	term    string // the glossary entry's ID; blank for a chart
	termEnd bool
}

func newResolver(r *renderer, byID map[string]charts.Chart) *resolver {
	return &resolver{r: r, charts: byID, placed: map[string]bool{}}
}

// markChart stands in for chart c in the page's HTML: a content.Placeholder
// numbering the page's charts, which renderer.body fills in with each
// edition's HTML.
func (res *resolver) markChart(c charts.Chart) string {
	res.suppressed = res.suppressed || hasSuppressed(c.Table)
	res.marked = append(res.marked, marked{chart: c})
	res.chartBytes += 2*len(c.Options) + 1024
	return content.Placeholder(len(res.marked) - 1)
}

// markTerm implements content.Glossary's Mark: placeholders for the
// start and end of the link from a term's first use to its entry.
func (res *resolver) markTerm(id string) (open, close string) {
	res.marked = append(res.marked, marked{term: id}, marked{term: id, termEnd: true})
	n := len(res.marked)
	return content.Placeholder(n - 2), content.Placeholder(n - 1)
}

// mark is what placeholder n stands for.
func (res *resolver) mark(n int) (marked, error) {
	if n < 0 || n >= len(res.marked) {
		return marked{}, fmt.Errorf("internal error: a placeholder %d that no chart or glossary term made", n)
	}
	return res.marked[n], nil
}

// Resolve implements shortcode.Resolver.
func (res *resolver) Resolve(sc shortcode.Shortcode) (string, error) {
	switch sc.Name {
	case "metric", "compare":
		f, area, err := res.figure(sc)
		if err != nil {
			return "", err
		}
		res.suppressed = res.suppressed || f.Suppressed
		text := charts.FormatFigure(f)
		switch {
		case sc.Name == "compare" && area != "":
			text, err = charts.CompareArea(f, area)
		case sc.Name == "compare":
			text, err = charts.Compare(f)
		}
		if err != nil {
			return "", err
		}
		// The figure's ID and period go with it, so a test (or a reader's
		// tool) can check every figure in the text against indicators.json.
		class := "metric"
		if sc.Name == "compare" {
			class = "comparison"
		}
		areaAttr := ""
		if area != "" {
			areaAttr = fmt.Sprintf(` data-area="%s"`, html.EscapeString(area))
		}
		return fmt.Sprintf(`<span class="%s" data-indicator="%s" data-period="%s"%s>%s</span>`,
			class, html.EscapeString(f.ID), f.Period, areaAttr, html.EscapeString(text)), nil
	case "chart":
		if len(sc.Args) != 1 {
			return "", fmt.Errorf("write {{< chart ID >}} with one chart ID, e.g. {{< chart timeliness >}}")
		}
		c, ok := res.charts[sc.Args[0]]
		if !ok {
			return "", fmt.Errorf("unknown chart ID %q%s", sc.Args[0], suggest(sc.Args[0], res.chartIDs()))
		}
		if !sc.Block {
			return "", fmt.Errorf("put {{< chart %s >}} on a line of its own", c.ID)
		}
		res.placed[c.ID] = true
		return res.markChart(c), nil
	case "table":
		if len(sc.Args) != 1 {
			return "", fmt.Errorf("write {{< table ID >}} with one table ID, e.g. {{< table scorecard >}}")
		}
		t, ok := res.table(sc.Args[0])
		if !ok {
			return "", fmt.Errorf("unknown table ID %q%s", sc.Args[0], suggest(sc.Args[0], res.tableIDs()))
		}
		if !sc.Block {
			return "", fmt.Errorf("put {{< table %s >}} on a line of its own", t.ID)
		}
		return res.tableHTML(t)
	}
	return "", fmt.Errorf("unknown shortcode %q; the shortcodes are metric, compare, chart and table", sc.Name)
}

// figure finds the figure a metric or compare shortcode names, and the
// comparators.csv area a compare shortcode names ("" for none). Without a
// period it is the report year's.
func (res *resolver) figure(sc shortcode.Shortcode) (indicators.Figure, string, error) {
	rep := res.r.in.Report
	most := 2
	usage := fmt.Sprintf("write {{< %s ID >}} or {{< %s ID PERIOD >}}, e.g. {{< %s a1 2022-25 >}}", sc.Name, sc.Name, sc.Name)
	if sc.Name == "compare" {
		most = 3
		usage = `write {{< compare ID >}}, {{< compare ID PERIOD >}} or {{< compare ID PERIOD "AREA" >}}, e.g. {{< compare a1 2022-25 "Statistical neighbours" >}}`
	}
	if len(sc.Args) < 1 || len(sc.Args) > most {
		return indicators.Figure{}, "", errors.New(usage)
	}
	id := sc.Args[0]
	p := rep.Year.Period()
	var area string
	rest := sc.Args[1:]
	if len(rest) > 0 {
		// The period may be left out before an area: a word that is not a
		// period, and does not start like one, is the area.
		q, err := period.ParsePeriod(rest[0])
		switch {
		case err == nil:
			p, rest = q, rest[1:]
		case len(rest) == 1 && sc.Name == "compare" && !startsLikePeriod(rest[0]):
		default:
			return indicators.Figure{}, "", err
		}
	}
	if len(rest) > 0 {
		area = rest[0]
		if !slices.Contains(rep.Areas, area) {
			return indicators.Figure{}, "", unknownArea(area, rep.Areas)
		}
	}
	f, ok := rep.Lookup(id, p)
	if ok {
		return f, area, nil
	}
	if _, known := rep.Lookup(id, rep.Year.Period()); !known {
		return indicators.Figure{}, "", fmt.Errorf("unknown indicator ID %q%s", id, suggest(id, res.indicatorIDs()))
	}
	return indicators.Figure{}, "", fmt.Errorf("no figure for %s in %s; the report covers %s", id, p, res.periodsOf(id))
}

// startsLikePeriod reports whether a shortcode word was meant as a
// period, "2022-25", rather than an area.
func startsLikePeriod(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// unknownArea is the error for an area comparators.csv does not have,
// with the nearest area and the ones it has.
func unknownArea(area string, areas []string) error {
	if len(areas) == 0 {
		return fmt.Errorf("no comparator area %q: comparators.csv has no rows (see docs/data.md)", area)
	}
	quoted := make([]string, len(areas))
	for i, a := range areas {
		quoted[i] = strconv.Quote(a)
	}
	hint := ""
	if s := near.Suggest(area, areas); s != "" {
		hint = " (did you mean " + s + "?)"
	}
	return fmt.Errorf("unknown comparator area %q%s; comparators.csv has %s; write the area in double quotes as it is there", area, hint, strings.Join(quoted, ", "))
}

func (res *resolver) indicatorIDs() []string {
	var ids []string
	seen := map[string]bool{}
	for _, f := range res.r.in.Report.Figures {
		if !seen[f.ID] {
			seen[f.ID] = true
			ids = append(ids, f.ID)
		}
	}
	return ids
}

func (res *resolver) periodsOf(id string) string {
	var ps []string
	for _, f := range res.r.in.Report.Figures {
		if f.ID == id {
			ps = append(ps, f.Period.String())
		}
	}
	return strings.Join(ps, ", ")
}

func (res *resolver) chartIDs() []string {
	var ids []string
	for _, c := range res.r.in.Charts {
		ids = append(ids, c.ID)
	}
	return ids
}

func (res *resolver) tableIDs() []string {
	var ids []string
	for _, t := range res.r.in.Tables {
		ids = append(ids, t.ID)
	}
	return ids
}

func (res *resolver) table(id string) (charts.Table, bool) {
	for _, t := range res.r.in.Tables {
		if t.ID == id {
			return t, true
		}
	}
	return charts.Table{}, false
}

// chartView is what the chart template sees.
type chartView struct {
	charts.Chart
	// Anchor is the chart's ID, or the ID with a suffix (-2, -3…) where
	// the chart is placed again: the element ids are chart-ANCHOR….
	Anchor  string
	Root    string
	Open    bool
	Options template.JS // JSON escaped for HTML by encoding/json
	// TableHTML is the chart's table as the "table" template renders it.
	TableHTML template.HTML
}

// chartHTML writes chart c's HTML; open shows its table open (the print
// edition).
func (r *renderer) chartHTML(w io.Writer, c charts.Chart, anchor string, open bool) error {
	// Both editions show the same table: render it once. Its hundreds of
	// cells are most of a chart's rendering time. A chart placed again
	// gets its table's ids with the chart's suffix.
	table, ok := r.chartTables[anchor]
	if !ok {
		t := c.Table
		t.ID += strings.TrimPrefix(anchor, c.ID)
		var b strings.Builder
		if err := r.tmpl.ExecuteTemplate(&b, "table", newTableView(t)); err != nil {
			return fmt.Errorf("rendering chart %s's table: %w", c.ID, err)
		}
		table = template.HTML(b.String())
		r.chartTables[anchor] = table
	}
	err := r.tmpl.ExecuteTemplate(w, "chart", chartView{Chart: c, Anchor: anchor, Open: open, Options: template.JS(c.Options), TableHTML: table})
	if err != nil {
		return fmt.Errorf("rendering chart %s: %w", c.ID, err)
	}
	return nil
}

func (res *resolver) tableHTML(t charts.Table) (string, error) {
	res.suppressed = res.suppressed || hasSuppressed(t)
	var buf bytes.Buffer
	placed := t
	placed.ID = res.r.anchor("table-", t.ID)
	if err := res.r.tmpl.ExecuteTemplate(&buf, "table", newTableView(placed)); err != nil {
		return "", fmt.Errorf("rendering table %s: %w", t.ID, err)
	}
	buf.WriteString(fmt.Sprintf("\n<p class=\"download\"><a href=\"data/%s.csv\" download>Download the data (CSV)</a></p>\n", html.EscapeString(t.ID)))
	return buf.String(), nil
}

// tableView is what the table template sees: the table, and its cells
// as Cells, each knowing whether it heads its row or holds a figure. A
// table has hundreds of cells, and a template's every call is made
// through reflection: the cells spare the template two calls each (eq
// and index) of the three it would make on Rows and Numeric, which it is
// given too, for a theme's own table.html.
type tableView struct {
	charts.Table
	// Wide is a table of more than 8 columns.
	Wide bool
	// HeaderCells are Header; Cells are Rows, row by row.
	HeaderCells []tableCell
	Cells       [][]tableCell
}

// tableCell is a cell of a table: its text, whether it is its row's
// header (the first cell) and whether its column holds figures.
type tableCell struct {
	Text    string
	RowHead bool
	Numeric bool
}

func newTableView(t charts.Table) tableView {
	numeric := func(i int) bool { return i < len(t.Numeric) && t.Numeric[i] }
	n := len(t.Header)
	for _, row := range t.Rows {
		n += len(row)
	}
	// One backing array for every cell: one allocation, not one per row.
	all := make([]tableCell, 0, n)
	cells := func(texts []string, rowHead bool) []tableCell {
		start := len(all)
		for i, text := range texts {
			all = append(all, tableCell{Text: text, RowHead: rowHead && i == 0, Numeric: numeric(i)})
		}
		return all[start:len(all):len(all)]
	}
	v := tableView{Table: t, Wide: len(t.Header) > 8, HeaderCells: cells(t.Header, false), Cells: make([][]tableCell, len(t.Rows))}
	for i, row := range t.Rows {
		v.Cells[i] = cells(row, true)
	}
	return v
}

func hasSuppressed(t charts.Table) bool {
	for _, row := range t.Rows {
		for _, c := range row {
			if c == "[c]" {
				return true
			}
		}
	}
	return false
}

// suggest returns ` (did you mean x?)` for the nearest of ids, or the
// list of ids when none is near.
func suggest(got string, ids []string) string {
	if s := near.Suggest(got, ids); s != "" {
		return " (did you mean " + s + "?)"
	}
	return " (known: " + strings.Join(ids, ", ") + ")"
}
