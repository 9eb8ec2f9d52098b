package config

import (
	"net/url"
	"path"
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/internal/tomlstrict"
	"github.com/adoptionreport/adoptionreport/generator/period"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// MaxHistoryYears bounds history_years: twenty years of figures is
// already more than a report's charts can show legibly, and a larger
// number is far more likely a typo (2024 for 4) than a wish.
const MaxHistoryYears = 20

// validate checks the decoded values, reporting each problem at the
// line of the key that set it, and sets Year. It cleans the paths it
// accepts ("./data/x.csv" becomes "data/x.csv") because io/fs, which
// reads them, takes only clean paths.
func (c *Config) validate(d *tomlstrict.Doc, file string, probs *problem.List) {
	for _, r := range []struct {
		key     string
		val     *string
		example string
	}{
		{"title", &c.Title, `title = "Annual Adoption Report 2024-25"`},
		{"council", &c.Council, `council = "Example Borough Council"`},
		{"raa", &c.RAA, `raa = "Example Regional Adoption Agency"`},
		{"report_year", &c.ReportYear, `report_year = "2024-25"`},
	} {
		switch {
		case r.key == "council" && (len(c.Councils) > 0 || d.Has("councils")):
			// A regional edition takes each report's council from
			// [[councils]]; a council line left from a one-council
			// project is not used. Councils written in a way the
			// decoder refused (an inline array) are still a regional
			// edition's: that error says what to do, and a missing
			// council would only follow from it.
		case !d.Has(r.key):
			probs.Errorf(file, 0, 0, r.key, "missing: add a line such as %s at the top of the file, before any [table] line", r.example)
		case strings.TrimSpace(*r.val) == "":
			d.Errorf(probs, r.key, "is empty: write, for example, %s", r.example)
		}
	}
	if strings.TrimSpace(c.ReportYear) != "" {
		y, err := period.ParseYear(c.ReportYear)
		if err != nil {
			d.Errorf(probs, "report_year", "%v", err)
		} else {
			c.Year, c.ReportYear = y, y.String()
		}
	}

	if c.HistoryYears < 0 || c.HistoryYears > MaxHistoryYears {
		d.Errorf(probs, "history_years", "must be from 0 to %d, not %d: it is how many years before report_year the figures go back (history_years = 5 shows six years)",
			MaxHistoryYears, c.HistoryYears)
	}
	if c.SuppressBelow < 1 {
		d.Errorf(probs, "suppress_below", "must be 1 or more, not %d: counts from 1 up to suppress_below − 1 are shown as [c] when published; 1 shows every count, 5 (the usual) hides 1 to 4",
			c.SuppressBelow)
	}
	for _, t := range []struct {
		key string
		val int
	}{
		{"a1", c.Thresholds.A1},
		{"a2", c.Thresholds.A2},
		{"stage1", c.Thresholds.Stage1},
		{"stage2", c.Thresholds.Stage2},
		{"six_months", c.Thresholds.SixMonths},
		{"three_months", c.Thresholds.ThreeMonths},
		{"eighteen_months", c.Thresholds.EighteenMonths},
	} {
		if t.val <= 0 {
			d.Errorf(probs, "thresholds."+t.key, "must be a number of days above 0, not %d", t.val)
		}
	}

	c.Theme = strings.TrimSpace(c.Theme)
	switch {
	case c.Theme == "":
		d.Errorf(probs, "theme", `is empty: write theme = "default" for the built-in theme, or the name of a folder under themes/`)
	case strings.ContainsAny(c.Theme, `/\`) || c.Theme == "." || c.Theme == "..":
		d.Errorf(probs, "theme", "must be the name of one folder under themes/, not the path %q", c.Theme)
	}

	if c.BaseURL != "" {
		u, err := url.Parse(c.BaseURL)
		if err != nil || !(strings.EqualFold(u.Scheme, "https") || strings.EqualFold(u.Scheme, "http")) || u.Host == "" {
			d.Errorf(probs, "base_url", `%q is not a full web address: write it with https://, e.g. base_url = "https://www.example.gov.uk/adoption-report/"`, c.BaseURL)
		}
	}

	def := Default().Data
	for _, p := range []struct {
		key, example string
		val          *string
	}{
		{"data.children", def.Children, &c.Data.Children},
		{"data.adopters", def.Adopters, &c.Data.Adopters},
		{"data.budget", def.Budget, &c.Data.Budget},
		{"data.comparators", def.Comparators, &c.Data.Comparators},
	} {
		*p.val = checkPath(d, probs, p.key, *p.val, p.example, true)
	}
	c.Data.AnnexA = checkPath(d, probs, "data.annex_a", c.Data.AnnexA, "data/annex_a.xlsx", false)

	for i, f := range c.Data.SSDA903 {
		c.Data.SSDA903[i] = checkPath(d, probs, "data.ssda903", f, "data/903/2024-25", true)
	}
	checkProviders(c.SSDA903.OwnProviders, func(format string, args ...any) { d.Errorf(probs, "ssda903.own_providers", format, args...) })

	if d.Has("cabinet") && strings.TrimSpace(c.Cabinet.Meeting) == "" {
		d.Warnf(probs, "cabinet", `the cabinet front sheet is printed only when its meeting is set: add meeting = "Cabinet, 16 July 2025" under [cabinet], or remove the table`)
	}

	c.validateFurniture(d, file, probs)

	c.Branding.Logo = checkPath(d, probs, "branding.logo", c.Branding.Logo, "images/logo.png", false)
	if !isHexColour(c.Branding.PrimaryColour) {
		d.Errorf(probs, "branding.primary_colour", `%q is not a colour: write it as # and six hexadecimal digits, e.g. primary_colour = "#1d70b8"`, c.Branding.PrimaryColour)
	}
}

// checkPath checks the path of a file inside the project and returns it
// cleaned. Files are read through an io/fs view of the project folder,
// which cannot reach outside it; a path that tries is an error here,
// where it can be explained, rather than a puzzling "not found" later.
func checkPath(d *tomlstrict.Doc, probs *problem.List, key, p, example string, required bool) string {
	errorf := func(format string, args ...any) { d.Errorf(probs, key, format, args...) }
	return checkPathAt(errorf, key[strings.LastIndexByte(key, '.')+1:], p, example, required)
}

// checkProviders upper-cases own_providers codes in place and reports
// those that are not PLACE_PROVIDER codes.
func checkProviders(codes []string, errorf func(format string, args ...any)) {
	for i, p := range codes {
		p = strings.ToUpper(strings.TrimSpace(p))
		codes[i] = p
		if len(p) != 3 || !strings.HasPrefix(p, "PR") || p[2] < '0' || p[2] > '5' {
			errorf(`%q is not a PLACE_PROVIDER code of the 903 return (PR0 to PR5): write, for example, own_providers = ["PR1"], or ["PR1", "PR2"] when another council hosts your RAA`, p)
		}
	}
}

// checkPathAt is checkPath reporting through errorf, for a key whose
// place the strict decoder does not know (one of [[councils]]').
func checkPathAt(errorf func(format string, args ...any), name, p, example string, required bool) string {
	p = strings.TrimSpace(p)
	switch {
	case p == "":
		if required {
			errorf(`is empty: write the file's path inside the project folder, e.g. %s = %q`, name, example)
		}
		return p
	case strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`) || len(p) >= 2 && p[1] == ':':
		errorf(`%q is outside the project: copy the file into the project folder and give its path from there, e.g. %s = %q`, p, name, example)
		return p
	case strings.Contains(p, `\`):
		errorf(`use / between folders, not \: write %s = %q`, name, strings.ReplaceAll(p, `\`, "/"))
		return p
	}
	for _, elem := range strings.Split(p, "/") {
		if elem == ".." {
			errorf(`%q goes outside the project folder (..): copy the file into the project and give its path from there, e.g. %s = %q`, p, name, example)
			return p
		}
	}
	clean := path.Clean(p)
	if clean == "." {
		errorf(`%q is a folder: name the file, e.g. %s = %q`, p, name, example)
		return p
	}
	return clean
}

func isHexColour(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, c := range []byte(s[1:]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
