// Package site turns a report's figures, charts and content into the
// files of a static site, and writes them to the output folder atomically.
// It computes no figures: everything it shows arrives in Input, already
// computed, suppressed and formatted by the stages before it.
package site

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/charts"
	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/content"
	"github.com/adoptionreport/adoptionreport/generator/indicators"
	"github.com/adoptionreport/adoptionreport/generator/period"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

//go:embed theme
var defaultTheme embed.FS

const echartsPath = "static/js/echarts.min.js"

// CSP is every page's Content-Security-Policy: scripts, stylesheets and
// images only from the site itself, so nothing a spreadsheet or a page's
// text smuggles in can run, and no request leaves the site. Style
// attributes are the one inline thing allowed: ECharts' SVG renderer sets
// them as it draws, and they cannot run code.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

// Input is everything a site is made from.
type Input struct {
	Config config.Config
	// Project is the project folder, for its layouts/, static/ and themes/
	// and the logo; nil uses the embedded theme alone.
	Project fs.FS
	Pages   []content.Page
	Report  *indicators.Report
	Charts  []charts.Chart
	Tables  []charts.Table
	Draft   bool
	// IndicatorsJSON is output/data/indicators.json, already encoded.
	IndicatorsJSON []byte
	// PDF, when not nil, is published beside the site under PDFName, and
	// every page links to it.
	PDF *PDF
	// DataNotes are the data's notes on the figures (dataset.Dataset's
	// Notes), given with the note on [c] on the front page and in print.
	DataNotes []string
	// Theme is the project's theme from LoadTheme; nil reads it from
	// Project.
	Theme *Theme
}

// section is a part of the report that has figures of its own: it gets a
// page even when the project has no content file for it.
type section struct {
	slug, title string
	weight      int
}

var sections = []section{
	{"children", "Children", 20},
	{"adopters", "Adopters", 30},
	{"finance", "Finance", 50},
}

// Render returns the site's files, and the problems found in the content
// (a bad shortcode) or the theme. Files is nil when a problem is an error.
func Render(in Input) (Files, problem.List) {
	var probs problem.List
	r, err := newRenderer(in, &probs)
	if err != nil {
		probs.Errorf("theme", 0, 0, "", "%v", err)
		return nil, probs
	}
	files, err := r.render()
	if err != nil {
		probs.Errorf("theme", 0, 0, "", "%v", err)
	}
	if probs.HasErrors() {
		return nil, probs
	}
	return files, probs
}

type renderer struct {
	in    Input
	probs *problem.List
	theme *Theme
	tmpl  *template.Template
	site  siteData
	files Files
	// chartTables holds each chart's rendered table, by chart ID.
	chartTables map[string]template.HTML
	// glossary is the glossary page's entries; glossaryTerms the same as
	// the text is searched for them.
	glossary      []glossaryEntry
	glossaryTerms []content.Term
	// placed counts the times each element id (such as "chart-timeliness")
	// has been given out: a chart or table placed twice in the report must
	// not give print.html, which holds every page, the same id twice.
	placed map[string]int
}

// anchor returns id, the first time prefix+id is asked for, and then
// id-2, id-3 and so on: an id that is unique across the report. IDs are
// [a-z0-9_], so a suffix cannot make another chart's or table's id.
func (r *renderer) anchor(prefix, id string) string {
	r.placed[prefix+id]++
	if n := r.placed[prefix+id]; n > 1 {
		return fmt.Sprintf("%s-%d", id, n)
	}
	return id
}

// siteData is what every page's templates see of the site.
type siteData struct {
	Title, Council, RAA, ReportYear, Author, Footer string
	// ReportPeriod is the report year as dates, "1 April 2024 to 31 March
	// 2025": the cover gives it under a title that usually names the year.
	ReportPeriod  string
	Draft         bool
	SuppressBelow int
	CSP           string
	// Asset paths, fingerprinted so a browser never mixes versions.
	CSS, ChartsJS, ECharts, Logo string
	// Published and DataExtracted are the report's dates, blank when
	// config.toml does not give them.
	Published, DataExtracted day
	Contact                  config.Contact
	// PDF is the print edition beside the site; nil when there is none.
	PDF *pdfLink
	// DataNotes are what readers must know of where the figures come from.
	DataNotes []string
}

// day is a date as a page shows it: "16 July 2025" to read, and
// "2025-07-16" for a <time> element's datetime.
type day struct{ Text, ISO string }

func newDay(t time.Time) day {
	if t.IsZero() {
		return day{}
	}
	return day{Text: t.Format("2 January 2006"), ISO: t.Format(config.DateLayout)}
}

func newRenderer(in Input, probs *problem.List) (*renderer, error) {
	theme := in.Theme
	if theme == nil {
		var err error
		if theme, err = LoadTheme(in.Project, in.Config.Theme); err != nil {
			return nil, err
		}
	}
	c := in.Config
	r := &renderer{in: in, probs: probs, theme: theme, tmpl: theme.tmpl, files: Files{}, chartTables: map[string]template.HTML{}, placed: map[string]int{}}
	r.glossary = glossary(in.Config)
	r.glossaryTerms = glossaryTerms(r.glossary)
	r.site = siteData{
		Title: c.Title, Council: c.Council, RAA: c.RAA, ReportYear: c.ReportYear,
		Author: c.Author, Footer: c.Branding.Footer, Draft: in.Draft,
		SuppressBelow: c.SuppressBelow, CSP: CSP,
		ReportPeriod: c.Year.Start().Time().Format("2 January 2006") + " to " + c.Year.End().Time().Format("2 January 2006"),
		Published:    newDay(c.PublishedOn), DataExtracted: newDay(c.ExtractedOn),
		Contact: c.Contact, DataNotes: in.DataNotes,
	}
	if !in.Draft {
		// A draft may go without them; a page the public reads may not.
		for _, m := range []struct {
			missing   bool
			key, what string
		}{
			{c.Published == "", "published", `the day the report is published, e.g. published = "2025-07-16"`},
			{c.DataExtracted == "", "data_extracted", `the day the data was extracted, e.g. data_extracted = "2025-04-30"`},
			{!c.Contact.IsSet(), "contact", `how readers reach the adoption service: a [contact] table with email, phone or url`},
		} {
			if m.missing {
				probs.Warnf("config.toml", 0, 0, m.key, "not set: a published report should give %s (see docs/configuration.md)", m.what)
			}
		}
	}
	return r, nil
}

// fingerprint adds a file to files under a name carrying a hash of its
// contents, and returns the name.
func fingerprint(files Files, name string, b []byte) string {
	sum := sha256.Sum256(b)
	ext := path.Ext(name)
	if strings.HasSuffix(name, ".min.js") {
		ext = ".min.js"
	}
	fp := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:12] + ext
	files[fp] = b
	return fp
}

func (r *renderer) assets() error {
	primary := r.in.Config.Branding.PrimaryColour
	if primary == "" {
		primary = "#1d70b8"
	}
	brand, dark, darkened, err := Brand(primary)
	if err != nil {
		r.probs.Errorf("config.toml", 0, 0, "branding.primary_colour", "%v", err)
		return nil
	}
	if darkened {
		r.probs.Warnf("config.toml", 0, 0, "branding.primary_colour",
			"%s is too light for white header text (WCAG AA needs 4.5:1); the site uses %s, a darker shade of it", primary, brand)
	}
	// The council's colour goes into the stylesheet, not a style attribute:
	// the Content-Security-Policy allows no inline style.
	// So does the print edition's running header: the report's title.
	head := fmt.Sprintf(":root { --brand: %s; --brand-dark: %s; }\n@page { @top-center { content: %s; font-family: \"Helvetica Neue\", Helvetica, Arial, sans-serif; font-size: 9pt; color: #484949; } }\n",
		brand, dark, cssString(r.in.Config.Title))
	if r.in.Draft {
		head += "@page { @top-right { content: \"DRAFT\"; color: #d4351c; font-weight: 700; } }\n"
	}
	css := append([]byte(head), r.theme.css...)
	r.site.CSS = fingerprint(r.files, "assets/style.css", css)
	// The theme's own files are the same bytes in every report a Theme
	// renders: shared, not copied.
	for name, b := range r.theme.static {
		r.files[name] = b
	}
	r.site.ChartsJS, r.site.ECharts = r.theme.chartsJSURL, r.theme.echartsURL
	if logo := r.in.Config.Branding.Logo; logo != "" {
		b, err := fs.ReadFile(r.in.Project, logo)
		if err != nil {
			r.probs.Errorf("config.toml", 0, 0, "branding.logo", "cannot read the logo %s: %v", logo, errUnwrap(err))
		} else {
			r.site.Logo = fingerprint(r.files, "assets/"+path.Base(logo), b)
		}
	}
	return nil
}

func errUnwrap(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// navItem is a link in the navigation.
type navItem struct {
	Title, URL, Summary string
	Current             bool
}

// pageData is what a page's templates see.
type pageData struct {
	Site          siteData
	Root          string
	IsIndex       bool
	Title, Author string
	Body          template.HTML
	Nav           []navItem
	Prev, Next    *navItem
	HasSuppressed bool
	// HasCharts loads the chart scripts: ECharts is most of a page's
	// weight, so a page without a chart goes without it.
	HasCharts bool
	// Index page only.
	Sections   []navItem
	KeyFigures []keyFigure
	// Accessibility statement only.
	Accessibility *accessibilityView
	// Glossary page only.
	Glossary []glossaryEntry
	// Print edition only.
	PrintSections []printSection
	Cabinet       *cabinetView
}

// printSection is a section of the print edition.
type printSection struct {
	Slug, Title, Author string
	Body                template.HTML
}

type keyFigure struct {
	Label, Value, ID, Period string
	// Term, when set, is a glossary term in the label, between Label and
	// After.
	Term  *glossaryLink
	After string
	// Magnitude marks a value shown without its sign, which the label
	// gives instead ("Underspend: £14,000" for a variance of -£14,000).
	Magnitude bool
}

// glossaryLink is a link to the glossary entry ID, reading Text.
type glossaryLink struct{ ID, Text string }

// overspend labels the budget variance in words a reader needs no key
// for: "Overspend" or "Underspend", with the amount unsigned, rather than
// a signed variance whose sign convention must be explained. A variance
// that rounds to £0, is suppressed or is missing has no direction.
func overspend(f indicators.Figure) (label string, shown indicators.Figure, magnitude bool) {
	if f.Suppressed || !f.HasValue {
		return "Overspend or underspend", f, false
	}
	switch pounds := charts.FormatFigure(f); {
	case f.Pence > 0 && pounds != "£0":
		return "Overspend", f, true
	case f.Pence < 0 && pounds != "£0" && pounds != "-£0":
		f.Pence, f.Value = -f.Pence, -f.Value
		return "Underspend", f, true
	}
	return "Overspend or underspend", f, false
}

// reportPage is a page of the report before rendering.
type reportPage struct {
	content.Page
	url string
}

// pages returns the report's pages in order: the content files, minus
// drafts in a publish build, plus a page for each section with figures
// that has no content file.
func (r *renderer) pages() []reportPage {
	var ps []reportPage
	have := map[string]bool{}
	for _, p := range r.in.Pages {
		if p.Broken || p.Draft && !r.in.Draft {
			continue
		}
		if p.Slug == "index" || p.Slug == "print" {
			// The front page and the print edition have these addresses.
			r.probs.Errorf(p.File, 0, 0, "", "%s.html is the report's own %s; rename the file, e.g. content/introduction.md",
				p.Slug, map[string]string{"index": "front page", "print": "print edition"}[p.Slug])
			continue
		}
		have[p.Slug] = true
		ps = append(ps, reportPage{Page: p, url: p.Slug + ".html"})
	}
	for _, s := range sections {
		if !have[s.slug] {
			ps = append(ps, reportPage{Page: content.Page{Slug: s.slug, Title: s.title, Weight: s.weight}, url: s.slug + ".html"})
		}
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Weight != ps[j].Weight {
			return ps[i].Weight < ps[j].Weight
		}
		return ps[i].Slug < ps[j].Slug
	})
	return ps
}

func (r *renderer) render() (Files, error) {
	if err := r.assets(); err != nil {
		return nil, err
	}
	if p := r.in.PDF; p != nil {
		name := PDFName(r.in.Config, r.in.Draft)
		r.files[name] = p.Data
		r.site.PDF = &pdfLink{URL: name, Size: p.Size, Pages: p.Pages}
	}
	pages := r.pages()
	nav := make([]navItem, len(pages))
	for i, p := range pages {
		nav[i] = navItem{Title: p.Title, URL: p.url, Summary: p.Summary}
	}
	chartByID := map[string]charts.Chart{}
	for _, c := range r.in.Charts {
		chartByID[c.ID] = c
		r.files["data/"+c.ID+".csv"] = c.Table.CSV()
	}
	for _, t := range r.in.Tables {
		r.files["data/"+t.ID+".csv"] = t.CSV()
	}

	var printSections []printSection
	anySuppressed, anyCharts := false, false
	for i, p := range pages {
		body, printBody, suppressed, charted, err := r.body(p, chartByID)
		if err != nil {
			return nil, err
		}
		d := r.pageData(nav, i)
		d.Title, d.Author = p.Title, p.Author
		d.Body = body
		d.HasSuppressed = suppressed
		d.HasCharts = charted
		anyCharts = anyCharts || charted
		if err := r.execute("page.html", p.url, d); err != nil {
			return nil, err
		}
		printSections = append(printSections, printSection{Slug: p.Slug, Title: p.Title, Author: p.Author, Body: printBody})
		anySuppressed = anySuppressed || suppressed
	}
	for _, p := range r.in.Pages {
		if p.Broken && (!p.Draft || r.in.Draft) && len(p.Body) > 0 {
			_, probs := content.Render(p, newResolver(r, chartByID), nil)
			*r.probs = append(*r.probs, probs...)
		}
	}

	d := r.pageData(nav, -1)
	d.IsIndex = true
	d.Title = r.site.Title
	d.Sections = nav
	d.KeyFigures, d.HasSuppressed = r.keyFigures()
	anySuppressed = anySuppressed || d.HasSuppressed
	if err := r.execute("index.html", "index.html", d); err != nil {
		return nil, err
	}

	d = r.pageData(nav, -1)
	d.Next = nil
	d.Title = "Accessibility statement"
	d.Accessibility = r.accessibility()
	if err := r.execute("accessibility.html", "accessibility.html", d); err != nil {
		return nil, err
	}

	d = r.pageData(nav, -1)
	d.Next = nil
	d.Title = "Glossary"
	d.Glossary = r.glossary
	if err := r.execute("glossary.html", glossaryPage, d); err != nil {
		return nil, err
	}

	d = r.pageData(nil, -1)
	d.Title = r.site.Title
	d.IsIndex = true
	d.PrintSections = printSections
	d.Cabinet = r.cabinet()
	d.HasSuppressed = anySuppressed || d.HasSuppressed
	d.HasCharts = anyCharts
	if err := r.execute("print.html", "print.html", d); err != nil {
		return nil, err
	}
	if r.in.IndicatorsJSON != nil {
		r.files["data/indicators.json"] = r.in.IndicatorsJSON
	}
	if base := r.in.Config.BaseURL; base != "" {
		r.files["sitemap.xml"] = sitemap(base, append(append([]string{"index.html"}, urls(pages)...), glossaryPage, "accessibility.html"))
	}
	return r.files, nil
}

// body renders a page's text and the section charts its text did not
// place, once for the screen and once for the print edition, which opens
// every chart's table: paper has no clicks. suppressed reports whether the
// body shows a [c]; charted whether it holds a chart.
func (r *renderer) body(p reportPage, byID map[string]charts.Chart) (screen, paper template.HTML, suppressed, charted bool, err error) {
	res := newResolver(r, byID)
	var text []byte
	if len(p.Body) > 0 {
		var probs problem.List
		text, probs = content.Render(p.Page, res, &content.Glossary{Terms: r.glossaryTerms, Mark: res.markTerm})
		*r.probs = append(*r.probs, probs...)
	}
	// A section's charts that its text did not place go at its end, so
	// every figure is in the report even before anyone writes about it.
	for _, c := range r.in.Charts {
		if c.Section == p.Slug && !res.placed[c.ID] {
			text = append(text, res.markChart(c)...)
		}
	}
	var sb, pb strings.Builder
	sb.Grow(len(text) + res.chartBytes)
	pb.Grow(len(text) + res.chartBytes)
	// The Markdown is converted once: its charts are placeholders, filled
	// in here with each edition's HTML.
	err = content.Expand(text, func(b []byte) {
		sb.Write(b)
		pb.Write(b)
	}, func(n int) error {
		m, err := res.mark(n)
		switch {
		case err != nil:
			return err
		case m.termEnd:
			sb.WriteString("</a>")
			return nil
		case m.term != "":
			fmt.Fprintf(&sb, `<a class="glossary-term" href="%s#%s">`, glossaryPage, html.EscapeString(m.term))
			return nil
		}
		charted = true
		anchor := r.anchor("chart-", m.chart.ID)
		if err := r.chartHTML(&sb, m.chart, anchor, false); err != nil {
			return err
		}
		return r.chartHTML(&pb, m.chart, anchor, true)
	})
	if err != nil {
		return "", "", false, false, err
	}
	return template.HTML(sb.String()), template.HTML(pb.String()), res.suppressed, charted, nil
}

func urls(pages []reportPage) []string {
	u := make([]string, len(pages))
	for i, p := range pages {
		u[i] = p.url
	}
	return u
}

// pageData returns the shared data of page i (-1 for the index).
func (r *renderer) pageData(nav []navItem, i int) pageData {
	d := pageData{Site: r.site, Nav: make([]navItem, len(nav))}
	copy(d.Nav, nav)
	if i >= 0 {
		d.Nav[i].Current = true
		if i > 0 {
			d.Prev = &nav[i-1]
		} else {
			d.Prev = &navItem{Title: "Contents", URL: "index.html"}
		}
	}
	if i+1 < len(nav) {
		d.Next = &nav[i+1]
	}
	return d
}

func (r *renderer) execute(layout, name string, d pageData) error {
	// Room for the page at once: growing by doubling copies the page and
	// leaves as much again in garbage. The page is its body and sections
	// in a few kilobytes of layout.
	size := 8 << 10
	size += len(d.Body)
	for _, s := range d.PrintSections {
		size += len(s.Body)
	}
	var buf bytes.Buffer
	buf.Grow(size)
	if err := r.tmpl.ExecuteTemplate(&buf, layout, d); err != nil {
		return fmt.Errorf("rendering %s with layouts/%s: %w", name, layout, err)
	}
	r.files[name] = buf.Bytes()
	return nil
}

// keyFigures are the front page's headline figures for the report year.
func (r *renderer) keyFigures() ([]keyFigure, bool) {
	rep := r.in.Report
	if rep == nil {
		return nil, false
	}
	y := rep.Year.Period()
	three := period.Span(rep.Year, 3)
	var out []keyFigure
	suppressed := false
	for _, k := range []struct {
		label, id string
		three     bool
		// term, the scorecard's name of the measure, ends the label
		// "(A1, three years)", linked to the glossary as its first use in
		// a page's text would be.
		term string
	}{
		{"Children adopted", "adopted", false, ""},
		{"Average days from entering care to moving in with the adoptive family", "a1", true, "A1"},
		{"Average days from placement order to match", "a2", true, "A2"},
		{"Children waiting at the year end", "waiting", false, ""},
		{"Adopter households approved", "approvals", false, ""},
		{"Adopter households waiting at the year end", "adopters_waiting", false, ""},
		{"", "variance", false, ""}, // labelled by its sign: see overspend
	} {
		p := y
		if k.three {
			p = three
		}
		f, ok := rep.Lookup(k.id, p)
		if !ok {
			continue
		}
		suppressed = suppressed || f.Suppressed
		kf := keyFigure{Label: k.label, ID: f.ID, Period: f.Period.String()}
		if k.term != "" {
			kf.Label += " ("
			kf.Term, kf.After = &glossaryLink{ID: k.id, Text: k.term}, ", three years)"
		}
		if k.id == "variance" {
			kf.Label, f, kf.Magnitude = overspend(f)
		}
		kf.Value = charts.FormatFigure(f)
		out = append(out, kf)
	}
	return out, suppressed
}

func sitemap(base string, pages []string) []byte {
	base = strings.TrimSuffix(base, "/") + "/"
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range pages {
		b.WriteString("  <url><loc>")
		_ = xml.EscapeText(&b, []byte(base+p))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// cssString quotes s as a CSS string, escaping every character that is
// not a letter, digit or space, so no title can end the string or rule.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, c := range s {
		switch {
		case c == ' ' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'):
			b.WriteRune(c)
		default:
			fmt.Fprintf(&b, "\\%06x", c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// cabinetView is the cabinet front sheet of the print edition.
type cabinetView struct {
	Meeting         string
	Rows            []labelValue
	Recommendations []string
}

type labelValue struct{ Label, Value string }

// cabinet returns the front sheet from config's [cabinet] table, or nil
// when the table is absent.
func (r *renderer) cabinet() *cabinetView {
	c := r.in.Config.Cabinet
	if c.Meeting == "" {
		return nil
	}
	key := "No"
	if c.KeyDecision {
		key = "Yes"
	}
	v := &cabinetView{Meeting: c.Meeting, Recommendations: c.Recommendations}
	for _, lv := range []labelValue{
		{"Meeting", c.Meeting},
		{"Date", c.Date},
		{"Decision maker", c.DecisionMaker},
		{"Report of", c.ReportOf},
		{"Cabinet member", c.CabinetMember},
		{"Key decision", key},
		{"Wards affected", c.WardsAffected},
		{"Report author", c.ReportAuthor},
		{"Contact", c.Contact},
	} {
		if lv.Value != "" {
			v.Rows = append(v.Rows, lv)
		}
	}
	return v
}

// accessibilityView is what the accessibility statement says beyond the
// council's name.
type accessibilityView struct {
	Compliance   string
	Issues       []string
	Email, Phone string
	Prepared     day
	Tested       string
}

// accessibility returns the statement's details from config's
// [accessibility], with [contact]'s email and telephone where it gives
// none of its own.
func (r *renderer) accessibility() *accessibilityView {
	c := r.in.Config
	a := c.Accessibility
	v := &accessibilityView{Compliance: a.Compliance, Issues: a.Issues, Email: a.Email, Phone: a.Phone, Prepared: newDay(a.PreparedOn), Tested: a.Tested}
	if v.Email == "" && v.Phone == "" {
		v.Email, v.Phone = c.Contact.Email, c.Contact.Phone
	}
	return v
}
