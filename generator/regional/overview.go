package regional

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"path"
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/charts"
	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/disclosure"
	"github.com/adoptionreport/adoptionreport/generator/indicators"
	"github.com/adoptionreport/adoptionreport/generator/period"
	"github.com/adoptionreport/adoptionreport/generator/site"
)

//go:embed overview.html
var overviewFS embed.FS

var overviewTmpl = template.Must(template.ParseFS(overviewFS, "overview.html"))

// Input is what the overview is made from.
type Input struct {
	// Config is the regional project's.
	Config config.Config
	// Reports are the councils' reports as published (after disclosure
	// control, or draft), in [[councils]] order.
	Reports []*indicators.Report
	// Combined is the report of every council's rows together, before
	// disclosure control: the RAA's totals come from it.
	Combined *indicators.Report
	Draft    bool
	// Assets are the files of a council's report: the overview links the
	// same stylesheet and scripts, copied beside it.
	Assets site.Files
	// PDFs are the councils' printed reports, in [[councils]] order, nil
	// for a council whose report has not been printed: each is published
	// in its council's folder, and the overview links it as the council's
	// pages do.
	PDFs []*site.PDF
	// FooterAbout is the dates and contact that end every council's
	// pages (site.Theme.FooterAbout): the overview's footer gives them
	// too, in the project's theme.
	FooterAbout template.HTML
}

// Figures returns the overview's figures: each council's as its report
// publishes it, and the RAA's totals, each suppressed (in a publish
// build) when it could give away a council's suppressed figure. See
// docs/disclosure.md, "A regional edition".
func Figures(in Input) charts.Overview {
	cfg := in.Config
	k := cfg.SuppressBelow
	three, year := period.Span(cfg.Year, 3), cfg.Year.Period()
	periodOf := func(key string) period.Period {
		switch key {
		case "a1", "a2", "a10":
			return three
		}
		return year
	}
	o := charts.Overview{
		Thresholds:    map[string]int{"a1": cfg.Thresholds.A1, "a10": cfg.Thresholds.A1, "a2": cfg.Thresholds.A2},
		Period:        three.String(),
		Year:          year.String(),
		SuppressBelow: k,
	}
	if in.Draft {
		o.SuppressBelow = 0
	}
	for i, r := range in.Reports {
		p := charts.Partner{Name: cfg.Councils[i].Name, Figures: map[string]indicators.Figure{}}
		for _, key := range charts.PartnerKeys {
			if key == "interagency_cost" {
				p.Figures[key] = interagencyCost(r, cfg.Year)
				continue
			}
			p.Figures[key], _ = r.Lookup(key, periodOf(key))
		}
		o.Councils = append(o.Councils, p)
		if i == 0 {
			// Adopters are the RAA's: every council's report has the same.
			o.AdoptersWaiting, _ = r.Lookup("adopters_waiting", year)
		}
	}
	o.Total = charts.Partner{Name: "All councils (" + cfg.RAA + ")", Figures: map[string]indicators.Figure{}}
	for _, key := range charts.PartnerKeys {
		if key == "interagency_cost" {
			o.Total.Figures[key] = interagencyCost(in.Combined, cfg.Year)
			continue
		}
		f, _ := in.Combined.Lookup(key, periodOf(key))
		o.Total.Figures[key] = f
	}
	if !in.Draft {
		for _, key := range charts.PartnerKeys {
			f := o.Total.Figures[key]
			f.Suppressed = totalSuppressed(o, key, k)
			o.Total.Figures[key] = f
		}
		// Interagency placements cost a standard fee each (£27,000
		// between councils and RAAs), so their spending divided by the fee
		// gives their number back: the spending goes with its count, for
		// each council and for the RAA's total (which, with the councils'
		// published spending, would give a hidden council's away).
		for i := range o.Councils {
			o.Councils[i].Figures["interagency_cost"] = withCount(o.Councils[i], "interagency_cost", "interagency_placements")
		}
		o.Total.Figures["interagency_cost"] = withCount(o.Total, "interagency_cost", "interagency_placements")
		// A share is its numerator over its base: publishing it beside a
		// published numerator gives the base away, so it goes with either.
		ep := o.Total.Figures["early_permanence_percent"]
		ep.Suppressed = ep.Suppressed || o.Total.Figures["early_permanence_placements"].Suppressed || o.Total.Figures["adopted"].Suppressed
		o.Total.Figures["early_permanence_percent"] = ep
	}
	return o
}

// totalSuppressed is the rule for an RAA total in a publish build: it is
// suppressed when it is small itself, or when any council's figure of
// the same key is suppressed, since the total minus the other councils'
// published figures would be the suppressed ones. The councils' reports
// are each exactly a one-council report, so the total is what must give.
// Money is not suppressed on its own account, as in every report (the
// spending on interagency placements goes with their count: Figures).
func totalSuppressed(o charts.Overview, key string, k int) bool {
	t := o.Total.Figures[key]
	if t.Unit == indicators.Pounds {
		return false
	}
	if disclosure.SuppressFigure(t, k) {
		return true
	}
	for _, c := range o.Councils {
		if c.Figures[key].Suppressed {
			return true
		}
	}
	return false
}

// withCount is p's figure key, suppressed when p's figure count is: key
// would give the count back.
func withCount(p charts.Partner, key, count string) indicators.Figure {
	f := p.Figures[key]
	f.Suppressed = f.Suppressed || p.Figures[count].Suppressed
	return f
}

// interagencyCost is the actual spending in year on the budget lines
// whose cost driver names interagency placements (docs/regional.md).
func interagencyCost(r *indicators.Report, y period.Year) indicators.Figure {
	f := indicators.Figure{ID: "interagency_cost", Period: y.Period(), Unit: indicators.Pounds, Absent: indicators.NoBudget}
	for _, fy := range r.Finance {
		if fy.Year != y {
			continue
		}
		for _, d := range fy.Drivers {
			if strings.Contains(strings.ToLower(d.Driver), "interagency") {
				f.Pence += d.Actual
				f.Base += d.Lines
				f.HasValue, f.Absent = true, ""
			}
		}
	}
	f.Value = indicators.PoundsOf(f.Pence)
	return f
}

// jsonFigure is one figure of the overview's indicators.json: a value,
// or suppressed, or neither when there is none.
type jsonFigure struct {
	ID         string   `json:"id"`
	Period     string   `json:"period"`
	Unit       string   `json:"unit"`
	Value      *float64 `json:"value"`
	Suppressed bool     `json:"suppressed,omitempty"`
}

type jsonPartner struct {
	Code    string       `json:"code,omitempty"`
	Name    string       `json:"name"`
	Report  string       `json:"report,omitempty"`
	Figures []jsonFigure `json:"figures"`
}

type jsonOverview struct {
	RAA           string        `json:"raa"`
	ReportYear    string        `json:"report_year"`
	SuppressBelow int           `json:"suppress_below"`
	Draft         bool          `json:"draft,omitempty"`
	Councils      []jsonPartner `json:"councils"`
	Total         jsonPartner   `json:"total"`
}

func partnerJSON(p charts.Partner, code string) jsonPartner {
	jp := jsonPartner{Code: code, Name: p.Name, Figures: []jsonFigure{}}
	if code != "" {
		jp.Report = code + "/index.html"
	}
	for _, key := range charts.PartnerKeys {
		f := p.Figures[key]
		jf := jsonFigure{ID: key, Period: f.Period.String(), Unit: string(f.Unit), Suppressed: f.Suppressed}
		if f.HasValue && !f.Suppressed {
			v := f.Value
			jf.Value = &v
		}
		jp.Figures = append(jp.Figures, jf)
	}
	return jp
}

// IndicatorsJSON is the overview's data/indicators.json: each council's
// figures as published and the RAA's totals; a suppressed figure has no
// value.
func IndicatorsJSON(o charts.Overview, cfg config.Config, draft bool) ([]byte, error) {
	out := jsonOverview{RAA: cfg.RAA, ReportYear: cfg.Year.String(), SuppressBelow: o.SuppressBelow, Draft: draft}
	for i, p := range o.Councils {
		out.Councils = append(out.Councils, partnerJSON(p, cfg.Councils[i].Code))
	}
	out.Total = partnerJSON(o.Total, "")
	b, err := json.MarshalIndent(out, "", "  ")
	return append(b, '\n'), err
}

type chartView struct {
	charts.Chart
	Options   template.JS
	TableHTML template.HTML
}

type councilLink struct {
	Code, Name string
	PDF        *pdfLink
}

// pdfLink is a council's printed report, beside its pages.
type pdfLink struct {
	URL, Size string
	Pages     int
}

type pageData struct {
	Title, RAA, Year, Period, CSP string
	Draft                         bool
	MaxHidden                     int
	CSS, ECharts, ChartsJS        string
	Councils                      []councilLink
	Table                         template.HTML
	Charts                        []chartView
	FooterAbout                   template.HTML
}

// Overview renders the RAA's overview: index.html, its charts' and
// table's CSVs and indicators.json under data/, and the theme's assets
// it links, copied from a council's report.
func Overview(in Input) (site.Files, error) {
	o := Figures(in)
	files := site.Files{}
	d := pageData{
		Title: in.Config.Title, RAA: in.Config.RAA, Year: o.Year, Period: o.Period,
		CSP: site.CSP, Draft: in.Draft, MaxHidden: in.Config.SuppressBelow - 1,
		FooterAbout: in.FooterAbout,
	}
	for name, b := range in.Assets {
		if !strings.HasPrefix(name, "assets/") {
			continue
		}
		files[name] = b
		switch base := path.Base(name); {
		case strings.HasPrefix(base, "style.") && strings.HasSuffix(base, ".css"):
			d.CSS = name
		case strings.HasPrefix(base, "echarts.") && strings.HasSuffix(base, ".js"):
			d.ECharts = name
		case strings.HasPrefix(base, "charts.") && strings.HasSuffix(base, ".js"):
			d.ChartsJS = name
		}
	}
	for i, c := range in.Config.Councils {
		l := councilLink{Code: c.Code, Name: c.Name}
		if i < len(in.PDFs) && in.PDFs[i] != nil {
			p := in.PDFs[i]
			l.PDF = &pdfLink{URL: c.Code + "/" + site.PDFName(in.Config.ForCouncil(i), in.Draft), Size: p.Size, Pages: p.Pages}
		}
		d.Councils = append(d.Councils, l)
	}
	t := charts.OverviewTable(o)
	html, err := tableHTML(t)
	if err != nil {
		return nil, err
	}
	d.Table = html
	files["data/"+t.ID+".csv"] = t.CSV()
	for _, c := range charts.OverviewCharts(o) {
		th, err := tableHTML(c.Table)
		if err != nil {
			return nil, err
		}
		d.Charts = append(d.Charts, chartView{Chart: c, Options: template.JS(c.Options), TableHTML: th})
		files["data/"+c.ID+".csv"] = c.Table.CSV()
	}
	var b bytes.Buffer
	if err := overviewTmpl.ExecuteTemplate(&b, "overview", d); err != nil {
		return nil, fmt.Errorf("rendering the overview: %w", err)
	}
	files["index.html"] = b.Bytes()
	js, err := IndicatorsJSON(o, in.Config, in.Draft)
	if err != nil {
		return nil, fmt.Errorf("encoding the overview's indicators.json: %w", err)
	}
	files["data/indicators.json"] = js
	return files, nil
}

func tableHTML(t charts.Table) (template.HTML, error) {
	var b bytes.Buffer
	if err := overviewTmpl.ExecuteTemplate(&b, "table", t); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}
