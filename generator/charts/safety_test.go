package charts

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/disclosure"
	"github.com/adoptionreport/adoptionreport/generator/indicators"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

const script = `</script><script>alert(1)</script>`

// TestLabelsEscaped: text from budget.csv reaches the options only
// JSON-escaped, so it cannot end the <script type="application/json">
// block; tables keep it raw for the page template to escape once.
func TestLabelsEscaped(t *testing.T) {
	ds := testDataset()
	ds.Budget = append(ds.Budget,
		dataset.BudgetLine{Row: 20, Year: 2024, Line: script, Driver: script, Budget: gbp(1000), Actual: gbp(1500)},
		dataset.BudgetLine{Row: 21, Year: 2024, Line: "=HYPERLINK(\"http://evil\")", Driver: "Fees & <b>charges</b>", Budget: gbp(10), Actual: gbp(20)},
	)
	cfg := testConfig()
	r := indicators.Compute(ds, cfg)

	escaped := []byte(`\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e`)
	for _, c := range Build(r, cfg) {
		if i := bytes.IndexAny(c.Options, "<>&"); i >= 0 {
			t.Errorf("chart %s: options hold a raw %q: %s", c.ID, c.Options[i], c.Options)
		}
		if c.ID == "overspend_drivers" || c.ID == "budget_by_line" {
			if !bytes.Contains(c.Options, escaped) {
				t.Errorf("chart %s: the driver name is not in the options as %s", c.ID, escaped)
			}
			if !tableHas(c.Table, script) {
				t.Errorf("chart %s: the table does not hold the driver name as raw text", c.ID)
			}
		}
	}

	var budget Table
	for _, tb := range Tables(r, cfg) {
		if tb.ID == "budget" {
			budget = tb
		}
	}
	if !tableHas(budget, script) || !tableHas(budget, "Fees & <b>charges</b>") {
		t.Errorf("budget table lost the raw line or driver names: %q", budget.Rows)
	}
	csv := string(budget.CSV())
	if !strings.Contains(csv, `"'=HYPERLINK(""http://evil"")"`) {
		t.Errorf("budget CSV does not defuse the formula line name:\n%s", csv)
	}
}

func tableHas(t Table, cell string) bool {
	if slices.Contains(t.Header, cell) || slices.Contains(t.Header, cell+" (actual)") {
		return true
	}
	for _, row := range t.Rows {
		if slices.Contains(row, cell) {
			return true
		}
	}
	return false
}

// seriesData returns the data of the named series in a chart's options.
func seriesData(t *testing.T, c Chart, name string) []any {
	t.Helper()
	var o struct {
		Series []struct {
			Name string `json:"name"`
			Data []any  `json:"data"`
		} `json:"series"`
	}
	if err := json.Unmarshal(c.Options, &o); err != nil {
		t.Fatal(err)
	}
	for _, s := range o.Series {
		if s.Name == name {
			return s.Data
		}
	}
	t.Fatalf("chart %s has no series %q", c.ID, name)
	return nil
}

func chartByID(t *testing.T, charts []Chart, id string) Chart {
	t.Helper()
	for _, c := range charts {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no chart %s", id)
	return Chart{}
}

// TestSuppressedLeftOut: a figure disclosure control suppressed is no
// point and no bar, "[c]" in the table, and the text alternative says
// how many are missing and why.
func TestSuppressedLeftOut(t *testing.T) {
	r, cfg := testReport(t)
	// The three-year A1 for 2020-23 and 2021-24 rest on one child each.
	r.Figure("a1", period.Span(2022, 3)).Suppressed = true
	r.Figure("a1", period.Span(2023, 3)).Suppressed = true
	// Aged 1 to 4 among the children waiting at 31 March 2025.
	w := &r.Waiting[len(r.Waiting)-1]
	if w.Period != period.Year(2024).Period() || w.Groups[1].Key != indicators.Age1To4 {
		t.Fatalf("fixture: last waiting breakdown is %s %s", w.Period, w.Groups[1].Key)
	}
	w.Groups[1].Count.Suppressed = true
	r.Figure("adopter_matches", period.Year(2024).Period()).Suppressed = true

	charts := Build(r, cfg)

	tl := chartByID(t, charts, "timeliness")
	if got, want := seriesData(t, tl, "A1"), []any{nil, nil, 355.0}; !slices.Equal(got, want) {
		t.Errorf("A1 three-year data = %v, want %v", got, want)
	}
	for _, want := range []string{
		// Only one three-year A1 is left to describe.
		"The three-year A1 average was 355 days in 2022-25, below the 426-day threshold;",
		"Figures for 2 three-year periods are not shown because they rest on or would reveal fewer than 5 children.",
	} {
		if !strings.Contains(tl.Alt, want) {
			t.Errorf("timeliness alt = %q, want it to contain %q", tl.Alt, want)
		}
	}
	if got := tl.Table.Rows[0][2]; got != "[c]" {
		t.Errorf("timeliness table cell = %q, want [c]", got)
	}

	wc := chartByID(t, charts, "waiting_by_characteristic")
	if got := seriesData(t, wc, "Age"); got[1] != nil || got[2] != 1.0 {
		t.Errorf("Age data = %v, want no bar for aged 1 to 4 and 1 for aged 5 to 9", got)
	}
	if want := "The figure for 1 group is not shown because it rests on or would reveal fewer than 5 children."; !strings.HasSuffix(wc.Alt, want) {
		t.Errorf("waiting alt = %q, want it to end %q", wc.Alt, want)
	}
	if got := wc.Table.Rows[1]; got[2] != "[c]" {
		t.Errorf("waiting table row = %q, want [c]", got)
	}

	af := chartByID(t, charts, "adopter_funnel")
	if strings.Contains(af.Alt, "matched") {
		t.Errorf("funnel alt mentions the suppressed matches: %q", af.Alt)
	}
	if want := "The figure for 1 step is not shown because it rests on or would reveal fewer than 5 households."; !strings.HasSuffix(af.Alt, want) {
		t.Errorf("funnel alt = %q, want it to end %q", af.Alt, want)
	}
	if got := seriesData(t, af, "Households in 2024-25"); got[5] != nil {
		t.Errorf("funnel data = %v, want no bar for matches", got)
	}
}

func TestTrend(t *testing.T) {
	days := func(p string, v float64) indicators.Figure {
		pp, err := period.ParsePeriod(p)
		if err != nil {
			t.Fatal(err)
		}
		return indicators.Figure{ID: "a1", Period: pp, Unit: indicators.Days, Value: v, HasValue: true}
	}
	hide := func(f indicators.Figure) indicators.Figure { f.Suppressed = true; return f }
	none := func(p string) indicators.Figure { f := days(p, 0); f.HasValue = false; return f }
	tests := []struct {
		name string
		figs []indicators.Figure
		want string
	}{
		{"fell", []indicators.Figure{days("2017-20", 520), days("2020-23", 450), days("2022-25", 412)},
			"the three-year A1 average fell from 520 days (2017-20) to 412 days (2022-25), below the 426-day threshold"},
		{"rose above", []indicators.Figure{days("2020-23", 400), days("2022-25", 430)},
			"the three-year A1 average rose from 400 days (2020-23) to 430 days (2022-25), above the 426-day threshold"},
		{"no change, at the threshold", []indicators.Figure{days("2020-23", 426), days("2021-24", 300), days("2022-25", 426)},
			"the three-year A1 average was 426 days in 2022-25, the same as in 2020-23, at the 426-day threshold"},
		{"ends skip gaps and suppressed figures", []indicators.Figure{hide(days("2019-22", 600)), days("2020-23", 500), none("2021-24"), days("2022-25", 412), none("2023-26")},
			"the three-year A1 average fell from 500 days (2020-23) to 412 days (2022-25), below the 426-day threshold"},
		{"one figure", []indicators.Figure{none("2020-23"), days("2022-25", 412)},
			"the three-year A1 average was 412 days in 2022-25, below the 426-day threshold"},
		{"nothing to describe", []indicators.Figure{none("2020-23"), hide(days("2022-25", 412))},
			"nothing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := described("the three-year A1 average", tt.figs, 426, "nothing"); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestSentenceAndHidden(t *testing.T) {
	if got, want := sentence("", "the budget rose", "", "spending fell"), "The budget rose; spending fell."; got != want {
		t.Errorf("sentence = %q, want %q", got, want)
	}
	if got := sentence("", ""); got != "" {
		t.Errorf("sentence of nothing = %q, want empty", got)
	}
	tests := []struct {
		n, below int
		people   string
		want     string
	}{
		{0, 5, "children", ""},
		{1, 5, "children", "The figure for 1 year is not shown because it rests on or would reveal fewer than 5 children."},
		{3, 10, "households", "Figures for 3 years are not shown because they rest on or would reveal fewer than 10 households."},
		{2, 0, "children", "Figures for 2 years are not shown because they rest on or would reveal very few children."},
		{2, 5, "", "Figures for 2 years are not shown: disclosure control withheld them."},
	}
	for _, tt := range tests {
		if got := hidden(tt.n, "year", "years", tt.people, tt.below); got != tt.want {
			t.Errorf("hidden(%d, %q, %d) = %q, want %q", tt.n, tt.people, tt.below, got, tt.want)
		}
	}
}

// TestTimeToMatchDisclosure: disclosure control marks the months of the
// survival curve at which 1 to k−1 children had been matched or are still
// followed, and the chart leaves those out and says so.
func TestTimeToMatchDisclosure(t *testing.T) {
	// Twelve children: 6 matched on day 10, 2 on day 100, 4 followed to
	// day 400 without a match.
	s := indicators.Survival{
		Period: period.Span(2024, 3), Children: 12, Matched: 8, Censored: 4, Median: 10, HasMedian: true,
		Steps: []indicators.Step{
			{Days: 10, AtRisk: 12, Events: 6, Share: 0.5},
			{Days: 100, AtRisk: 6, Events: 2, Share: 1 - 4.0/12},
			{Days: 400, AtRisk: 4, Censored: 4, Share: 1 - 4.0/12},
		},
	}
	s.Sample()
	r, cfg := testReport(t)
	r.Survival = s
	disclosure.Apply(r, 5)

	c := chartByID(t, Build(r, cfg), "time_to_match")
	// Months 0–3 (days 0, 30, 60, 91): 6 matched, 6 followed: shown.
	// Months 4–13 (days 121–395): 4 still followed: hidden. From month 14
	// (day 426) nobody is followed any more and 8 had been matched: not
	// small, but 2 more than month 3 shows, so hidden too.
	var shownMonths, hiddenMonths []string
	for _, row := range c.Table.Rows {
		if row[2] == Suppressed {
			hiddenMonths = append(hiddenMonths, row[0])
		} else {
			shownMonths = append(shownMonths, row[0])
		}
	}
	if want := []string{"0", "1", "2", "3"}; !slices.Equal(shownMonths, want) {
		t.Errorf("months shown = %v, want %v", shownMonths, want)
	}
	if len(hiddenMonths) != 11 {
		t.Errorf("months hidden = %v, want 4 to 14", hiddenMonths)
	}
	want := "Of the 12 children with a placement order in 2022-25, half had been matched within 1 month of the order. " +
		"Figures for 11 months are not shown because they rest on or would reveal fewer than 5 children."
	if c.Alt != want {
		t.Errorf("alt\n got %q\nwant %q", c.Alt, want)
	}
	// No milestone is marked: 3 months (day 91) is shown on the curve but
	// is not one of the 6 and 12 months the text gives, and 6 and 12 fall
	// in the hidden months.
	if got := seriesData(t, c, "Milestone months"); len(got) != 1 {
		t.Errorf("milestone marks = %v, want only 3 months", got)
	}

	// Fewer than 5 children: no curve at all.
	r.Survival = indicators.Survival{Period: s.Period, Children: 3, Matched: 1, Censored: 2,
		Steps: []indicators.Step{{Days: 5, AtRisk: 3, Events: 1, Share: 1.0 / 3}, {Days: 50, AtRisk: 2, Censored: 2, Share: 1.0 / 3}}}
	r.Survival.Sample()
	disclosure.Apply(r, 5)
	c = chartByID(t, Build(r, cfg), "time_to_match")
	if want := "Fewer than 5 children had a placement order in 2022-25, so the curve is not shown."; c.Alt != want {
		t.Errorf("alt = %q, want %q", c.Alt, want)
	}
	for _, p := range seriesData(t, c, "Share matched (estimate)") {
		if p.([]any)[1] != nil {
			t.Errorf("curve point %v drawn for a suppressed curve", p)
		}
	}
}
