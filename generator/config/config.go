package config

import (
	"time"

	"github.com/adoptionreport/adoptionreport/generator/period"
)

// Config is a report project's settings. Every field but the four
// required names has a default (see Default).
type Config struct {
	Title      string `toml:"title"`
	Council    string `toml:"council"`
	RAA        string `toml:"raa"`
	ReportYear string `toml:"report_year"`
	// Author is the report's author line, e.g. "Director of Children's Services".
	Author string `toml:"author"`
	// BaseURL is where the site is published; blank means no sitemap.
	BaseURL string `toml:"base_url"`
	// Theme names a folder under themes/; "default" is the embedded theme.
	Theme string `toml:"theme"`
	// HistoryYears is how many years before the report year the figures cover.
	HistoryYears int `toml:"history_years"`
	// SuppressBelow: in a publish build, counts from 1 to SuppressBelow-1 are shown as [c].
	SuppressBelow int `toml:"suppress_below"`
	// Published is the day the report is published, "2025-07-16"; shown on
	// every page. Written as text, not the build's clock, so a rebuild is
	// byte-identical.
	Published string `toml:"published"`
	// DataExtracted is the day the figures were extracted from the case
	// system and the agency's records, "2025-04-30".
	DataExtracted string `toml:"data_extracted"`

	Data       DataFiles  `toml:"data"`
	SSDA903    SSDA903    `toml:"ssda903"`
	Thresholds Thresholds `toml:"thresholds"`
	Branding   Branding   `toml:"branding"`
	// Cabinet, when its meeting is set, adds a cabinet front sheet to the
	// print edition.
	Cabinet Cabinet `toml:"cabinet"`
	// Contact is how a reader reaches the adoption service, on every page.
	Contact Contact `toml:"contact"`
	// Accessibility fills in the site's accessibility statement.
	Accessibility Accessibility `toml:"accessibility"`
	// Councils, when set, make the project a regional edition: a report
	// for each council from its rows of the data, and the RAA's overview.
	Councils []Council `toml:"councils"`

	// Year is ReportYear parsed; set by Load and Parse.
	Year period.Year `toml:"-"`
	// PublishedOn and ExtractedOn are Published and DataExtracted parsed;
	// zero when not set.
	PublishedOn, ExtractedOn time.Time `toml:"-"`
}

// Contact is the adoption service's contact for readers of the report.
type Contact struct {
	Name  string `toml:"name"`  // e.g. "Adoption service"
	Email string `toml:"email"` // e.g. "adoption@example.gov.uk"
	Phone string `toml:"phone"` // e.g. "01234 567890"
	// URL is a contact page on the council's website.
	URL string `toml:"url"`
}

// IsSet reports whether the contact gives any way to reach the service.
func (c Contact) IsSet() bool { return c.Email != "" || c.Phone != "" || c.URL != "" }

// Accessibility is what the accessibility statement needs beyond the
// council's name: the Public Sector Bodies Accessibility Regulations 2018
// ask for how accessible the site is, what is not, how to report a
// problem, and when the statement was prepared.
type Accessibility struct {
	// Compliance is "full" or "partial" against WCAG 2.2 AA.
	Compliance string `toml:"compliance"`
	// Issues are the known problems, each a sentence; a partial
	// statement must list them.
	Issues []string `toml:"issues"`
	// Email and Phone are for reporting accessibility problems; blank
	// uses [contact]'s.
	Email string `toml:"email"`
	Phone string `toml:"phone"`
	// Prepared is the day the statement was prepared, "2025-07-01";
	// blank means published.
	Prepared string `toml:"prepared"`
	// Tested says when and how the site was last tested.
	Tested string `toml:"tested"`

	// PreparedOn is Prepared parsed, or PublishedOn when blank.
	PreparedOn time.Time `toml:"-"`
}

// DataFiles are the CSV paths, relative to the project folder.
type DataFiles struct {
	Children    string `toml:"children"`
	Adopters    string `toml:"adopters"`
	Budget      string `toml:"budget"`
	Comparators string `toml:"comparators"` // optional: a missing file is not an error
	// AnnexA is Ofsted's Annex A workbook, optional: its List 10 stands
	// for children.csv and its List 11 for adopters.csv, which then only
	// fill what the lists lack (docs/data.md).
	AnnexA string `toml:"annex_a"`
	// SSDA903 are folders each holding a year's SSDA903 return, oldest
	// first. When set, children.csv is derived from them, and Children
	// is an optional partial file filling what the 903 lacks.
	SSDA903 []string `toml:"ssda903"`
}

// SSDA903 are the settings for reading SSDA903 returns.
type SSDA903 struct {
	// OwnProviders are the PLACE_PROVIDER codes of the council's own (or
	// its RAA's) adopters: an adoptive placement with any other provider
	// is interagency.
	OwnProviders []string `toml:"own_providers"`
}

// Branding is the council's look.
type Branding struct {
	// Logo is an image file in the project, shown in the header.
	Logo string `toml:"logo"`
	// PrimaryColour is the header colour, #rrggbb; one too light for white
	// text is darkened to WCAG AA contrast.
	PrimaryColour string `toml:"primary_colour"`
	// Footer is a line of text for every page's footer.
	Footer string `toml:"footer"`
}

// Cabinet is the cover sheet councils put on a report to cabinet. The
// print edition carries it when Meeting is set; every other field is a
// row of the sheet, left out when blank.
type Cabinet struct {
	Meeting       string `toml:"meeting"`        // e.g. "Cabinet, 16 July 2025"
	Date          string `toml:"date"`           // as it should be printed, e.g. "16 July 2025"
	DecisionMaker string `toml:"decision_maker"` // e.g. "Cabinet"
	ReportOf      string `toml:"report_of"`      // e.g. "Director of Children's Services"
	CabinetMember string `toml:"cabinet_member"` // the portfolio holder
	KeyDecision   bool   `toml:"key_decision"`   // printed Yes or No
	WardsAffected string `toml:"wards_affected"` // e.g. "All"
	// Recommendations are printed as a numbered list.
	Recommendations []string `toml:"recommendations"`
	ReportAuthor    string   `toml:"report_author"`
	Contact         string   `toml:"contact"` // e.g. an email address or telephone number
}

// Thresholds are the timeliness thresholds in days (docs/configuration.md).
type Thresholds struct {
	A1             int `toml:"a1"`              // 14 months
	A2             int `toml:"a2"`              // 4 months
	Stage1         int `toml:"stage1"`          // 2 months
	Stage2         int `toml:"stage2"`          // 4 months
	SixMonths      int `toml:"six_months"`      // approval within 6 months
	ThreeMonths    int `toml:"three_months"`    // adopters waiting over 3 months
	EighteenMonths int `toml:"eighteen_months"` // children waiting 18 months or more
}

// MonthsToDays converts months to days as the scorecard does:
// floor(months × 365.25 ÷ 12).
func MonthsToDays(months int) int { return months * 36525 / 1200 }

// Default returns the settings a project gets for every key it leaves out.
func Default() Config {
	return Config{
		Theme:         "default",
		HistoryYears:  5,
		SuppressBelow: 5,
		Data: DataFiles{
			Children:    "data/children.csv",
			Adopters:    "data/adopters.csv",
			Budget:      "data/budget.csv",
			Comparators: "data/comparators.csv",
		},
		Thresholds: Thresholds{
			A1:             MonthsToDays(14), // 426
			A2:             MonthsToDays(4),  // 121
			Stage1:         60,
			Stage2:         MonthsToDays(4),  // 121
			SixMonths:      MonthsToDays(6),  // 182
			ThreeMonths:    MonthsToDays(3),  // 91
			EighteenMonths: MonthsToDays(18), // 547
		},
		SSDA903:  SSDA903{OwnProviders: []string{"PR1"}},
		Branding: Branding{PrimaryColour: "#1d70b8"}, // GOV.UK blue
		// What the generator cannot promise of every council's site, as
		// an accessibility statement must say: a council that tests its
		// own and finds these met can write compliance = "full".
		Accessibility: Accessibility{Compliance: "partial", Issues: []string{
			"The charts are pictures drawn in the browser: the details shown when you point at a chart cannot be reached with a keyboard. Every chart has a written summary and a table of its figures, and its figures can be downloaded as a spreadsheet (CSV).",
			"The PDF print edition may not meet every accessibility requirement that these web pages meet. Everything in it is on these web pages.",
		}},
	}
}

// Years returns the report's history: HistoryYears years before the
// report year, then the report year, oldest first.
func (c Config) Years() []period.Year {
	ys := make([]period.Year, 0, c.HistoryYears+1)
	for y := c.Year - period.Year(c.HistoryYears); y <= c.Year; y++ {
		ys = append(ys, y)
	}
	return ys
}
