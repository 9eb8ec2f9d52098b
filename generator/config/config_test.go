package config

import (
	"reflect"
	"testing"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/period"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// head is the four required settings, lines 1 to 4 of most test files.
const head = "title = \"T\"\ncouncil = \"C\"\nraa = \"R\"\nreport_year = \"2024-25\"\n"

func strs(l problem.List) []string {
	s := make([]string, len(l))
	for i, p := range l {
		s[i] = p.String()
	}
	return s
}

func TestParseFullFile(t *testing.T) {
	src := `# every setting there is
title          = "Annual Adoption Report 2023-24"
council        = "Example Borough Council"
raa            = "Example Regional Adoption Agency"
report_year    = "2023-24"
author         = "Director of Children's Services"
base_url       = "https://www.example.gov.uk/adoption-report/"
theme          = "northmoor"
history_years  = 3
suppress_below = 10
published      = "2024-07-16"
data_extracted = " 2024-05-02 "

[data]
children    = "./exports/children.csv"
adopters    = "exports/adopters.csv"
budget      = "exports/budget.csv"
comparators = "exports/comparators.csv"

[thresholds]
a1              = 487
a2              = 122
stage1          = 61
stage2          = 120
six_months      = 183
three_months    = 92
eighteen_months = 548

[branding]
logo           = "images/logo.svg"
primary_colour = "#0B0C0C"
footer         = "Example Borough Council, Town Hall"

[cabinet]
meeting         = "Cabinet, 16 July 2024"
date            = "16 July 2024"
decision_maker  = "Cabinet"
report_of       = "Director of Children's Services"
cabinet_member  = "Cabinet Member for Children"
key_decision    = true
wards_affected  = "All"
recommendations = ["Note the report.", "Agree the priorities."]
report_author   = "Head of Adoption"
contact         = "adoption@example.gov.uk"

[contact]
name  = "Adoption service"
email = "adoption@example.gov.uk"
phone = "01234 567890"
url   = "https://www.example.gov.uk/adoption"

[accessibility]
compliance = "full"
issues     = []
email      = "access@example.gov.uk"
phone      = "+44 1234 567891"
prepared   = "2024-07-01"
tested     = "Tested on 1 July 2024 by the web team."
`
	c, probs := Parse("config.toml", []byte(src))
	if len(probs) > 0 {
		t.Fatalf("unexpected problems:\n%s", probs)
	}
	want := Config{
		Title: "Annual Adoption Report 2023-24", Council: "Example Borough Council",
		RAA: "Example Regional Adoption Agency", ReportYear: "2023-24",
		Author:  "Director of Children's Services",
		BaseURL: "https://www.example.gov.uk/adoption-report/",
		Theme:   "northmoor", HistoryYears: 3, SuppressBelow: 10,
		Data: DataFiles{
			Children: "exports/children.csv", // cleaned: io/fs takes no "./"
			Adopters: "exports/adopters.csv", Budget: "exports/budget.csv", Comparators: "exports/comparators.csv",
		},
		SSDA903:    SSDA903{OwnProviders: []string{"PR1"}},
		Thresholds: Thresholds{A1: 487, A2: 122, Stage1: 61, Stage2: 120, SixMonths: 183, ThreeMonths: 92, EighteenMonths: 548},
		Branding:   Branding{Logo: "images/logo.svg", PrimaryColour: "#0B0C0C", Footer: "Example Borough Council, Town Hall"},
		Cabinet: Cabinet{
			Meeting: "Cabinet, 16 July 2024", Date: "16 July 2024", DecisionMaker: "Cabinet",
			ReportOf: "Director of Children's Services", CabinetMember: "Cabinet Member for Children",
			KeyDecision: true, WardsAffected: "All",
			Recommendations: []string{"Note the report.", "Agree the priorities."},
			ReportAuthor:    "Head of Adoption", Contact: "adoption@example.gov.uk",
		},
		Published: "2024-07-16", DataExtracted: "2024-05-02",
		Contact: Contact{Name: "Adoption service", Email: "adoption@example.gov.uk", Phone: "01234 567890", URL: "https://www.example.gov.uk/adoption"},
		Accessibility: Accessibility{
			Compliance: "full", Issues: []string{}, Email: "access@example.gov.uk", Phone: "+44 1234 567891",
			Prepared: "2024-07-01", Tested: "Tested on 1 July 2024 by the web team.",
			PreparedOn: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC),
		},
		PublishedOn: time.Date(2024, 7, 16, 0, 0, 0, 0, time.UTC),
		ExtractedOn: time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC),
		Year:        period.Year(2023),
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("Parse gave\n%+v\nwant\n%+v", c, want)
	}
}

func TestParseDefaults(t *testing.T) {
	c, probs := Parse("config.toml", []byte(head))
	if len(probs) > 0 {
		t.Fatalf("unexpected problems:\n%s", probs)
	}
	want := Default()
	want.Title, want.Council, want.RAA, want.ReportYear, want.Year = "T", "C", "R", "2024-25", 2024
	if !reflect.DeepEqual(c, want) {
		t.Errorf("Parse gave\n%+v\nwant\n%+v", c, want)
	}
	// The defaults, by hand from docs/configuration.md: months × 365.25 ÷ 12, rounded down.
	d := Default()
	if got := (Thresholds{426, 121, 60, 121, 182, 91, 547}); d.Thresholds != got {
		t.Errorf("default thresholds %+v, want %+v", d.Thresholds, got)
	}
	if d.Theme != "default" || d.HistoryYears != 5 || d.SuppressBelow != 5 || d.Branding.PrimaryColour != "#1d70b8" {
		t.Errorf("defaults %+v", d)
	}
}

func TestParseNormalises(t *testing.T) {
	src := "\uFEFFtitle = \"T\"\r\ncouncil = \"C\"\r\nraa = \"R\"\r\nreport_year = \" 2024/25 \"\r\ntheme = \" plain \"\r\n[data]\r\nbudget = \"data//money/./budget.csv\"\r\n"
	c, probs := Parse("config.toml", []byte(src))
	if len(probs) > 0 {
		t.Fatalf("unexpected problems:\n%s", probs)
	}
	if c.ReportYear != "2024-25" || c.Year != 2024 || c.Theme != "plain" || c.Data.Budget != "data/money/budget.csv" {
		t.Errorf("got report_year %q (%v), theme %q, budget %q", c.ReportYear, c.Year, c.Theme, c.Data.Budget)
	}
}

func TestParseProblems(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		// Unknown keys, at their line and column.
		{"typo at the root", "title = \"T\"\ncouncil = \"C\"\nreprot_year = \"2024-25\"\nraa = \"R\"\n", []string{
			`config.toml: report_year: missing: add a line such as report_year = "2024-25" at the top of the file, before any [table] line`,
			`config.toml:3:1: reprot_year: unknown setting (did you mean report_year?)`,
		}},
		{"case difference", head + "Theme = \"x\"\n", []string{
			`config.toml:5:1: Theme: unknown setting (did you mean theme?)`,
		}},
		{"no near miss", head + "colour = \"red\"\n", []string{
			`config.toml:5:1: colour: unknown setting (the settings here are title, council, raa, report_year, author, base_url, theme, history_years, suppress_below, published, data_extracted, [data], [ssda903], [thresholds], [branding], [cabinet], [contact], [accessibility], [[councils]])`,
		}},
		{"typo in [data]", head + "[data]\n  childern = \"x.csv\"\n", []string{
			`config.toml:6:3: data.childern: unknown setting (did you mean children?)`,
		}},
		{"903 folder outside, provider not a code", head + "[data]\nssda903 = [\"data/903/2024-25\", \"../903\"]\n[ssda903]\nown_providers = [\"pr1\", \"PR9\"]\n", []string{
			`config.toml:6:1: data.ssda903: "../903" goes outside the project folder (..): copy the file into the project and give its path from there, e.g. ssda903 = "data/903/2024-25"`,
			`config.toml:8:1: ssda903.own_providers: "PR9" is not a PLACE_PROVIDER code of the 903 return (PR0 to PR5): write, for example, own_providers = ["PR1"], or ["PR1", "PR2"] when another council hosts your RAA`,
		}},
		{"unknown threshold", head + "[thresholds]\na1 = 400\na3 = 1\n", []string{
			`config.toml:7:1: thresholds.a3: unknown setting (did you mean a1 or a2?)`,
		}},
		{"unknown threshold, far", head + "[thresholds]\nmonths = 1\n", []string{
			`config.toml:6:1: thresholds.months: unknown setting (the settings in [thresholds] are a1, a2, stage1, stage2, six_months, three_months, eighteen_months)`,
		}},
		{"misspelt table", head + "[brandng]\nfooter = \"x\"\n", []string{
			`config.toml:5:2: brandng: unknown table (did you mean branding?)`,
		}},
		{"dotted key", head + "branding.colour = \"#000000\"\n", []string{
			`config.toml:5:10: branding.colour: unknown setting (the settings in [branding] are logo, primary_colour, footer)`,
		}},
		{"inline table", head + "thresholds = { a1 = 400, stage_1 = 50 }\n", []string{
			`config.toml:5:26: thresholds.stage_1: unknown setting (did you mean stage1?)`,
		}},
		{"root setting after a table", "title = \"T\"\ncouncil = \"C\"\nraa = \"R\"\n[data]\nchildren = \"c.csv\"\nreport_year = \"2024-25\"\n", []string{
			`config.toml: report_year: missing: add a line such as report_year = "2024-25" at the top of the file, before any [table] line`,
			`config.toml:6:1: data.report_year: unknown setting in [data]: report_year belongs at the top of the file, before the first [table] line`,
		}},

		// The furniture: dates, contact and accessibility statement.
		{"date not ISO", head + "published = \"16/07/2025\"\n", []string{
			`config.toml:5:1: published: "16/07/2025" is not a date: write it as year-month-day, e.g. published = "2025-07-16"`,
		}},
		{"extracted after published", head + "published = \"2025-07-16\"\ndata_extracted = \"2025-08-01\"\n", []string{
			`config.toml:6:1: data_extracted: 2025-08-01 is after the report is published (published = "2025-07-16"): the data must be extracted before the report that shows it is published; check both dates`,
		}},
		{"published before the year", head + "published = \"2024-03-01\"\n", []string{
			`config.toml:5:1: published: 2024-03-01 is before the report year 2024-25 starts (1 April 2024): it is the day the report is published, after the year ends on 31 March 2025`,
		}},
		{"extracted within the year", head + "data_extracted = \"2025-03-01\"\n", []string{
			`config.toml:5:1: data_extracted: 2025-03-01 is not after the report year 2024-25 ends (31 March 2025), so the figures cannot cover the whole year; check the date`,
		}},
		{"contact with no way to reach", head + "[contact]\nname = \"Adoption service\"\n", []string{
			`config.toml:5:2: contact: gives no way to reach the service: add email, phone or url under [contact], e.g. email = "adoption@example.gov.uk"`,
		}},
		{"contact email with a name", head + "[contact]\nemail = \"Adoption <adoption@example.gov.uk>\"\nphone = \"call us\"\nurl = \"www.example.gov.uk\"\n", []string{
			`config.toml:6:1: contact.email: "Adoption <adoption@example.gov.uk>" is not an email address: write the address alone, e.g. email = "adoption@example.gov.uk"`,
			`config.toml:7:1: contact.phone: "call us" is not a telephone number: write digits and spaces only, e.g. phone = "01234 567890"`,
			`config.toml:8:1: contact.url: "www.example.gov.uk" is not a full web address: write it with https://, e.g. url = "https://www.example.gov.uk/contact-adoption"`,
		}},
		{"partial without issues", head + "[accessibility]\nissues = []\n", []string{
			`config.toml:6:1: accessibility.issues: is empty, but compliance = "partial": list what is not accessible, one sentence each, e.g. issues = ["Some tables have no caption."], or write compliance = "full" if nothing is`,
		}},
		{"unknown compliance", head + "[accessibility]\ncompliance = \"AA\"\nprepared = \"July 2025\"\n", []string{
			`config.toml:6:1: accessibility.compliance: "AA" is not a level: write compliance = "full" (the site meets WCAG 2.2 AA) or compliance = "partial" (it does not yet; list why in issues)`,
			`config.toml:7:1: accessibility.prepared: "July 2025" is not a date: write it as year-month-day, e.g. prepared = "2025-07-01"`,
		}},

		// Syntax and types.
		{"syntax error", head + "\nauthor = Director\n", []string{
			`config.toml:6:10: expected value but found "Director" instead (text goes in double quotes: author = "…")`,
		}},
		{"unquoted year", "title = \"T\"\nreport_year = 2024-25\n", []string{
			`config.toml:2:15: invalid datetime: "2024-25" (a year or date written as text goes in double quotes: report_year = "2024-25")`,
		}},
		{"quoted number", head + "history_years = \"3\"\n", []string{
			`config.toml:5:1: history_years: must be a whole number, not the text "3": write history_years = 3 (without quotes)`,
		}},
		{"text for a number", head + "history_years = \"three\"\n", []string{
			`config.toml:5:1: history_years: must be a whole number, not the text "three": write it in figures, without quotes, such as history_years = 5`,
		}},
		{"number for text", head + "theme = 2\n", []string{
			`config.toml:5:1: theme: must be text in double quotes, not the number 2: write theme = "2"`,
		}},
		{"wrong type is reported once", "title = 2024\ncouncil = \"C\"\nraa = \"R\"\nreport_year = \"2024-25\"\n", []string{
			`config.toml:1:1: title: must be text in double quotes, not the number 2024: write title = "2024"`,
		}},
		{"table as a setting", head + "data = \"data\"\n", []string{
			`config.toml:5:1: data: must be a table, not the text "data": write [data] on a line of its own, with its settings on the lines below it`,
		}},
		{"quoted boolean", head + "[cabinet]\nmeeting = \"Cabinet\"\nkey_decision = \"yes\"\n", []string{
			`config.toml:7:1: cabinet.key_decision: must be true or false, not the text "yes": write key_decision = true`,
		}},
		{"recommendations as text", head + "[cabinet]\nmeeting = \"Cabinet\"\nrecommendations = \"Note it.\"\n", []string{
			`config.toml:7:1: cabinet.recommendations: must be a list of text, e.g. ["First", "Second"], not the text "Note it.": write recommendations = ["Note it."]`,
		}},

		// Required settings.
		{"empty file", "", []string{
			`config.toml: title: missing: add a line such as title = "Annual Adoption Report 2024-25" at the top of the file, before any [table] line`,
			`config.toml: council: missing: add a line such as council = "Example Borough Council" at the top of the file, before any [table] line`,
			`config.toml: raa: missing: add a line such as raa = "Example Regional Adoption Agency" at the top of the file, before any [table] line`,
			`config.toml: report_year: missing: add a line such as report_year = "2024-25" at the top of the file, before any [table] line`,
		}},
		{"blank values", "title = \"\"\ncouncil = \"  \"\nraa = ''\nreport_year = \"\"\n", []string{
			`config.toml:1:1: title: is empty: write, for example, title = "Annual Adoption Report 2024-25"`,
			`config.toml:2:1: council: is empty: write, for example, council = "Example Borough Council"`,
			`config.toml:3:1: raa: is empty: write, for example, raa = "Example Regional Adoption Agency"`,
			`config.toml:4:1: report_year: is empty: write, for example, report_year = "2024-25"`,
		}},

		// report_year.
		{"not a year", "title = \"T\"\ncouncil = \"C\"\nraa = \"R\"\nreport_year = \"2024\"\n", []string{
			`config.toml:4:1: report_year: "2024" is not a financial year; write it like 2024-25; 2024/25, 2024-2025 and 2024/2025 also work`,
		}},
		{"years not consecutive", "title = \"T\"\ncouncil = \"C\"\nraa = \"R\"\nreport_year = \"2024-26\"\n", []string{
			`config.toml:4:1: report_year: "2024-26" is 2 years; write a single financial year such as 2025-26`,
		}},

		// Ranges.
		{"history_years negative", head + "history_years = -1\n", []string{
			`config.toml:5:1: history_years: must be from 0 to 20, not -1: it is how many years before report_year the figures go back (history_years = 5 shows six years)`,
		}},
		{"history_years too many", head + "history_years = 21\n", []string{
			`config.toml:5:1: history_years: must be from 0 to 20, not 21: it is how many years before report_year the figures go back (history_years = 5 shows six years)`,
		}},
		{"suppress_below 0", head + "suppress_below = 0\n", []string{
			`config.toml:5:1: suppress_below: must be 1 or more, not 0: counts from 1 up to suppress_below − 1 are shown as [c] when published; 1 shows every count, 5 (the usual) hides 1 to 4`,
		}},
		{"thresholds", head + "[thresholds]\na2 = 0\n  eighteen_months = -547\n", []string{
			`config.toml:6:1: thresholds.a2: must be a number of days above 0, not 0`,
			`config.toml:7:3: thresholds.eighteen_months: must be a number of days above 0, not -547`,
		}},

		// theme and base_url.
		{"empty theme", head + "theme = \"\"\n", []string{
			`config.toml:5:1: theme: is empty: write theme = "default" for the built-in theme, or the name of a folder under themes/`,
		}},
		{"theme path", head + "theme = \"../themes/x\"\n", []string{
			`config.toml:5:1: theme: must be the name of one folder under themes/, not the path "../themes/x"`,
		}},
		{"base_url without scheme", head + "base_url = \"www.example.gov.uk/report\"\n", []string{
			`config.toml:5:1: base_url: "www.example.gov.uk/report" is not a full web address: write it with https://, e.g. base_url = "https://www.example.gov.uk/adoption-report/"`,
		}},
		{"base_url not http", head + "base_url = \"ftp://example.gov.uk/\"\n", []string{
			`config.toml:5:1: base_url: "ftp://example.gov.uk/" is not a full web address: write it with https://, e.g. base_url = "https://www.example.gov.uk/adoption-report/"`,
		}},

		// Paths.
		{"data paths", head + "[data]\nchildren = \"../shared/children.csv\"\nadopters = \"/home/me/adopters.csv\"\nbudget = 'C:\\Reports\\budget.csv'\ncomparators = 'data\\comparators.csv'\n", []string{
			`config.toml:6:1: data.children: "../shared/children.csv" goes outside the project folder (..): copy the file into the project and give its path from there, e.g. children = "data/children.csv"`,
			`config.toml:7:1: data.adopters: "/home/me/adopters.csv" is outside the project: copy the file into the project folder and give its path from there, e.g. adopters = "data/adopters.csv"`,
			`config.toml:8:1: data.budget: "C:\\Reports\\budget.csv" is outside the project: copy the file into the project folder and give its path from there, e.g. budget = "data/budget.csv"`,
			`config.toml:9:1: data.comparators: use / between folders, not \: write comparators = "data/comparators.csv"`,
		}},
		{"empty data path", head + "[data]\nbudget = \"\"\n", []string{
			`config.toml:6:1: data.budget: is empty: write the file's path inside the project folder, e.g. budget = "data/budget.csv"`,
		}},
		{"folder as data path", head + "[data]\nbudget = \"./\"\n", []string{
			`config.toml:6:1: data.budget: "./" is a folder: name the file, e.g. budget = "data/budget.csv"`,
		}},
		{"logo outside", head + "[branding]\nlogo = \"images/../../logo.png\"\n", []string{
			`config.toml:6:1: branding.logo: "images/../../logo.png" goes outside the project folder (..): copy the file into the project and give its path from there, e.g. logo = "images/logo.png"`,
		}},

		// Branding and cabinet.
		{"colour name", head + "[branding]\nprimary_colour = \"blue\"\n", []string{
			`config.toml:6:1: branding.primary_colour: "blue" is not a colour: write it as # and six hexadecimal digits, e.g. primary_colour = "#1d70b8"`,
		}},
		{"short colour", head + "[branding]\nprimary_colour = \"#17b\"\n", []string{
			`config.toml:6:1: branding.primary_colour: "#17b" is not a colour: write it as # and six hexadecimal digits, e.g. primary_colour = "#1d70b8"`,
		}},
		{"not hex", head + "[branding]\nprimary_colour = \"#1d70bg\"\n", []string{
			`config.toml:6:1: branding.primary_colour: "#1d70bg" is not a colour: write it as # and six hexadecimal digits, e.g. primary_colour = "#1d70b8"`,
		}},
		{"cabinet without meeting", head + "\n[cabinet]\ndate = \"16 July 2024\"\n", []string{
			`config.toml:6:2: cabinet: the cabinet front sheet is printed only when its meeting is set: add meeting = "Cabinet, 16 July 2025" under [cabinet], or remove the table`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := Parse("config.toml", []byte(tt.src))
			probs.Sort() // as the build prints them: by line, a missing key (no line) first
			got := strs(probs)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestYears(t *testing.T) {
	c := Default()
	c.Year, c.HistoryYears = 2024, 2
	if got, want := c.Years(), []period.Year{2022, 2023, 2024}; !reflect.DeepEqual(got, want) {
		t.Errorf("Years() = %v, want %v", got, want)
	}
	c.HistoryYears = 0
	if got, want := c.Years(), []period.Year{2024}; !reflect.DeepEqual(got, want) {
		t.Errorf("Years() with no history = %v, want %v", got, want)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		head,
		"",
		head + "[data]\nchildern = \"x\"\n[thresholds]\na3 = 1\n",
		"title = 5\nreport_year = 2024-25\n",
		head + "thresholds = { a1 = 1, b = [1, {c = 2}] }\n",
		head + "[cabinet]\nrecommendations = [\"a\", 1]\nkey_decision = \"true\"\n",
		"\uFEFF[[data]]\nchildren = '''x'''\n",
		head + "base_url = \"http://[::1\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, probs := Parse("config.toml", data)
		if !probs.HasErrors() {
			if c.Title == "" || c.Year.String() != c.ReportYear || c.SuppressBelow < 1 || c.Theme == "" {
				t.Errorf("accepted an invalid config %+v from %q", c, data)
			}
		}
	})
}
