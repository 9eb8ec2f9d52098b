package config

import (
	"errors"
	"io/fs"
	"net/url"
	"path"
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/internal/tomlstrict"
	"github.com/adoptionreport/adoptionreport/generator/period"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// Load reads the settings file name (config.toml) from a project folder.
func Load(fsys fs.FS, name string) (Config, problem.List) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		var probs problem.List
		if errors.Is(err, fs.ErrNotExist) {
			probs.Errorf(name, 0, 0, "", "not found: this folder is not a report project (run the command in the project's folder, give its folder with --source, or start one with adoptionreport new DIR)")
		} else {
			probs.Errorf(name, 0, 0, "", "cannot read it: %v", err)
		}
		return Default(), probs
	}
	return Parse(name, data)
}

// Parse decodes a config file strictly over the defaults and checks every
// setting, reporting each problem at the line of its key.
func Parse(name string, data []byte) (Config, problem.List) {
	c := Default()
	doc, probs := tomlstrict.Decode(name, 0, data, &c)
	if doc == nil {
		return c, probs
	}
	for _, req := range []struct{ key, value, example string }{
		{"title", c.Title, `title = "Annual Adoption Report 2024-25"`},
		{"council", c.Council, `council = "Example Borough Council"`},
		{"raa", c.RAA, `raa = "Example Regional Adoption Agency"`},
		{"report_year", c.ReportYear, `report_year = "2024-25"`},
	} {
		if strings.TrimSpace(req.value) == "" && !doc.Has(req.key) {
			probs.Errorf(name, 0, 0, req.key, "missing; add a line such as %s", req.example)
		} else if strings.TrimSpace(req.value) == "" {
			doc.Errorf(&probs, req.key, "is empty; write it like %s", req.example)
		}
	}
	if c.ReportYear != "" {
		y, err := period.ParseYear(c.ReportYear)
		if err != nil {
			doc.Errorf(&probs, "report_year", "%v", err)
		}
		c.Year = y
	}
	if c.HistoryYears < 0 || c.HistoryYears > 20 {
		doc.Errorf(&probs, "history_years", "must be from 0 to 20 (the years before the report year to show), not %d", c.HistoryYears)
	}
	if c.SuppressBelow < 1 {
		doc.Errorf(&probs, "suppress_below", "must be 1 or more, not %d (counts from 1 to suppress_below - 1 are hidden; 1 hides nothing)", c.SuppressBelow)
	}
	if strings.TrimSpace(c.Theme) == "" {
		doc.Errorf(&probs, "theme", `is empty; leave it out to use the built-in theme, or name a folder under themes/`)
	}
	for _, f := range []struct{ key, value string }{
		{"data.children", c.Data.Children},
		{"data.adopters", c.Data.Adopters},
		{"data.budget", c.Data.Budget},
		{"data.comparators", c.Data.Comparators},
		{"branding.logo", c.Branding.Logo},
	} {
		if f.key == "branding.logo" && f.value == "" {
			continue
		}
		if !localPath(f.value) {
			doc.Errorf(&probs, f.key, "%q must be a path inside the project folder, e.g. data/children.csv", f.value)
		}
	}
	for _, t := range []struct {
		key   string
		value int
	}{
		{"thresholds.a1", c.Thresholds.A1},
		{"thresholds.a2", c.Thresholds.A2},
		{"thresholds.stage1", c.Thresholds.Stage1},
		{"thresholds.stage2", c.Thresholds.Stage2},
		{"thresholds.six_months", c.Thresholds.SixMonths},
		{"thresholds.three_months", c.Thresholds.ThreeMonths},
		{"thresholds.eighteen_months", c.Thresholds.EighteenMonths},
	} {
		if t.value <= 0 {
			doc.Errorf(&probs, t.key, "must be a number of days above 0, not %d", t.value)
		}
	}
	if c.BaseURL != "" {
		u, err := url.Parse(c.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			doc.Errorf(&probs, "base_url", "%q is not a web address; write the full address the report is published at, e.g. https://www.example.gov.uk/adoption-report/", c.BaseURL)
		}
	}
	if pc := c.Branding.PrimaryColour; !hexColour(pc) {
		doc.Errorf(&probs, "branding.primary_colour", "%q is not a colour; write it as #rrggbb, e.g. #1d70b8", pc)
	}
	return c, probs
}

// localPath reports whether p names a file inside the project: relative,
// and never climbing out with "..".
func localPath(p string) bool {
	if p == "" || path.IsAbs(p) || strings.Contains(p, `\`) || strings.Contains(p, ":") {
		return false
	}
	for _, part := range strings.Split(p, "/") {
		if part == ".." {
			return false
		}
	}
	return true
}

func hexColour(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, c := range s[1:] {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}
