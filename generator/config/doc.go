// Package config reads a report project's config.toml: its schema, its
// defaults and strict decoding. An unknown key, a value of the wrong type
// and a value out of range are each an error at the key's line and
// column ("config.toml:3:1: reprot_year: unknown setting (did you mean
// report_year?)"), all reported at once. docs/configuration.md is the
// same reference written for users.
//
// # Settings
//
// The four names are required; every other key has the default shown.
// Keys at the top of the file come before any [table] line.
//
//	title          text, required   The report's title, on every page:
//	                                "Annual Adoption Report 2024-25".
//	council        text, required   The council the report is for:
//	                                "Example Borough Council".
//	raa            text, required   Its Regional Adoption Agency:
//	                                "Example Regional Adoption Agency".
//	report_year    text, required   The financial year reported on,
//	                                "2024-25" (1 April 2024 to 31 March
//	                                2025); the second year must follow the
//	                                first.
//	author         text, ""         Who the report is by, e.g. "Director of
//	                                Children's Services"; blank shows none.
//	base_url       text, ""         Where the site is published, a full
//	                                http:// or https:// address such as
//	                                "https://www.example.gov.uk/adoption/";
//	                                blank means no sitemap.
//	theme          text, "default"  The name of a folder under themes/;
//	                                "default" is the built-in theme.
//	history_years  0–20, 5          How many years before report_year the
//	                                figures go back: 5 shows six years.
//	suppress_below ≥ 1, 5           In a published build, counts from 1 to
//	                                suppress_below − 1 show as [c]. 1 shows
//	                                every count (suppression off); the
//	                                default 5 hides 1 to 4. Draft builds
//	                                show every count whatever this says.
//	published      date, ""         The day the report is published,
//	                                "2025-07-16" (year-month-day), shown on
//	                                every page; never the build's clock, so
//	                                a rebuild is byte-identical.
//	data_extracted date, ""         The day the data was extracted,
//	                                "2025-04-30"; not after published.
//	                                Both dates are errors before the report
//	                                year starts and warnings before it
//	                                ends; a publish build without them
//	                                warns.
//
// [data] holds the paths of the CSV files, relative to the project folder,
// written with / and never reaching outside it (no "..", no absolute
// paths). See docs/data.md for their columns.
//
//	children     "data/children.csv"     the child-level adoption tracker
//	adopters     "data/adopters.csv"     the adopter households
//	budget       "data/budget.csv"       budget and spend lines
//	comparators  "data/comparators.csv"  England and regional figures; a
//	                                     missing file is not an error
//	annex_a      none                    Ofsted's Annex A workbook: its
//	                                     Lists 10 and 11 stand for children
//	                                     and adopters, which then only fill
//	                                     what the lists lack
//	ssda903      []                      folders each holding a year's
//	                                     SSDA903 return, oldest first; when
//	                                     set, children.csv is derived from
//	                                     them and children is an optional
//	                                     partial file beside them
//
// Any of them may be an Excel workbook, its sheet named in square
// brackets after the path ("data/tracker.xlsx[Children]") or else its
// first visible sheet.
//
// [ssda903] holds the settings for reading SSDA903 returns.
//
//	own_providers  ["PR1"]  PLACE_PROVIDER codes of the council's own
//	                        adopters (add "PR2" when another council
//	                        hosts the RAA); any other is interagency
//
// [thresholds] holds the timeliness thresholds, in days, each above 0.
// The defaults are the adoption scorecard's, with months converted as
// floor(months × 365.25 ÷ 12) (see MonthsToDays).
//
//	a1               426  entering care to moving in (14 months)
//	a2               121  placement order to match (4 months)
//	stage1            60  stage one of adopter assessment (2 months)
//	stage2           121  stage two, to approval (4 months)
//	six_months       182  registration of interest to approval
//	three_months      91  approved adopters waiting "over 3 months"
//	eighteen_months  547  children waiting "18 months or more"
//
// [branding] holds the council's look.
//
//	logo            ""         an image file in the project, shown in the
//	                           header; same path rules as [data]
//	primary_colour  "#1d70b8"  header and link colour, # and six hex
//	                           digits; too light a colour is darkened
//	                           with a warning when the site is built
//	footer          ""         a line at the foot of every page
//
// [cabinet] puts the cover sheet of a report to cabinet on the print
// edition. The sheet is printed only when meeting is set (a [cabinet]
// without it is a warning); every other key is a row of the sheet, left
// out when blank. All are text except key_decision (true or false,
// printed Yes or No, default false) and recommendations (a list of text,
// printed as a numbered list).
//
//	meeting          "Cabinet, 16 July 2025"
//	date             "16 July 2025", as it should be printed
//	decision_maker   "Cabinet"
//	report_of        "Director of Children's Services"
//	cabinet_member   the portfolio holder
//	key_decision     true or false
//	wards_affected   "All"
//	recommendations  ["Note the report.", "Agree the priorities for 2025-26."]
//	report_author    who wrote the report
//	contact          an email address or telephone number
//
// [contact] is how readers reach the service, at the foot of every page
// and in the accessibility statement; a [contact] table needs at least
// one of email, phone and url, and a publish build without one warns.
//
//	name   "Adoption service"
//	email  "adoption@example.gov.uk", an address alone
//	phone  "01234 567890", digits, spaces and + ( ) -
//	url    a contact page, a full https:// address
//
// [accessibility] fills in accessibility.html, the statement the Public
// Sector Bodies Accessibility Regulations 2018 require.
//
//	compliance  "partial"  "full" or "partial" against WCAG 2.2 AA;
//	                       partial needs issues
//	issues      two        what is not accessible, a sentence each; the
//	                       default names the charts' tooltips and the PDF
//	email       ""         for reporting problems; blank uses [contact]'s
//	phone       ""         likewise
//	prepared    ""         the day the statement was prepared; blank
//	                       uses published
//	tested      ""         when and how the site was last tested
//
// [[councils]], one table per partner council, makes the project a
// regional edition (docs/regional.md): a report for each council at
// output/<code>/ and the RAA's overview at output/. council is then not
// needed (each report takes its council's name).
//
//	code  "fenmoor"  required: letters, digits and hyphens; the la
//	                 value of the council's rows, its folders, matched
//	                 whatever their capitals
//	name  "Fenmoor District Council"  required
//	ssda903  []  the council's own 903 folders, oldest first: its
//	             children come from them (and data/<code>/children.csv)
//	             instead of children.csv's la rows; every council gives
//	             them or none does, and [data] ssda903 is then not set
//	own_providers  [ssda903] own_providers  the council's own, with
//	             ssda903: PR1 for the council hosting the RAA, PR1 and
//	             PR2 for one whose RAA another council hosts
package config
