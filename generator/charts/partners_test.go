package charts

import (
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/indicators"
)

// The overview's summaries name the councils whose figures are hidden,
// and the RAA's total apart from them: it is no council, and "Figures
// for 2 councils" for Eastholme and the total would miscount.
func TestOverviewHiddenNamesCouncilsAndTotal(t *testing.T) {
	count := func(v float64, suppressed bool) indicators.Figure {
		return indicators.Figure{ID: "interagency_placements", Unit: indicators.Children, Value: v, HasValue: true, Suppressed: suppressed}
	}
	partner := func(name string, f indicators.Figure) Partner {
		return Partner{Name: name, Figures: map[string]indicators.Figure{"interagency_placements": f}}
	}
	o := Overview{Period: "2022-25", Year: "2024-25", SuppressBelow: 5}
	summary := func() string {
		for _, c := range OverviewCharts(o) {
			if c.ID == "overview_interagency" {
				return c.Alt
			}
		}
		t.Fatal("no interagency chart")
		return ""
	}
	for _, tc := range []struct {
		name                    string
		fen, marsh, east, total indicators.Figure
		want                    string
		notWant                 string
	}{
		{"one council and the total", count(9, false), count(6, false), count(2, true), count(17, true),
			"The figure for Eastholme is not shown because it rests on or would reveal fewer than 5 children. The RAA's total is not shown either: less the other councils' figures, it would give Eastholme's away.",
			"Figures for 2"},
		{"two councils and the total", count(9, false), count(3, true), count(2, true), count(14, true),
			"The figures for Marshby and Eastholme are not shown because they rest on or would reveal fewer than 5 children. The RAA's total is not shown either: less the other councils' figures, it would give theirs away.",
			"Figures for 3"},
		{"nothing hidden", count(9, false), count(6, false), count(5, false), count(20, false),
			"Interagency placements in 2024-25: Fenmoor 9 children, Marshby 6 children, Eastholme 5 children and All councils 20 children.",
			"not shown"},
	} {
		o.Councils = []Partner{partner("Fenmoor", tc.fen), partner("Marshby", tc.marsh), partner("Eastholme", tc.east)}
		o.Total = partner("All councils", tc.total)
		got := summary()
		if !strings.Contains(got, tc.want) || strings.Contains(got, tc.notWant) {
			t.Errorf("%s: the summary is\n%s\nwant it to say\n%s", tc.name, got, tc.want)
		}
	}
}
