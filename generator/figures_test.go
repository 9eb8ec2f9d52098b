package generator

import (
	"context"
	"encoding/json"
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/charts"
	"github.com/adoptionreport/adoptionreport/generator/indicators"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

// jsonFigure is one entry of indicators.json: docs/data.md's fields and those
// of the figures below its indicators.
type jsonFigure struct {
	ID           string   `json:"id"`
	Period       string   `json:"period"`
	Breakdown    string   `json:"breakdown"`
	Group        string   `json:"group"`
	Line         string   `json:"line"`
	Driver       string   `json:"driver"`
	Month        *int     `json:"month"`
	Days         *int     `json:"days"`
	Value        *float64 `json:"value"`
	Unit         string   `json:"unit"`
	Base         *int     `json:"base"`
	Suppressed   bool     `json:"suppressed"`
	RunningTotal *float64 `json:"running_total"`
}

// indicatorsFile is indicators.json as read back, its entries by key.
type indicatorsFile struct {
	Entries []jsonFigure
	// byKey lists the positions in Entries of each key (charts.Ref): one,
	// unless budget.csv repeats a line.
	byKey map[string][]int
}

func readIndicators(t *testing.T, out string) indicatorsFile {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "data", "indicators.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Indicators []jsonFigure `json:"indicators"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	f := indicatorsFile{Entries: doc.Indicators, byKey: map[string][]int{}}
	for i, e := range doc.Indicators {
		k := e.key()
		f.byKey[k] = append(f.byKey[k], i)
	}
	return f
}

// lookup returns the first entry with key.
func (f indicatorsFile) lookup(key string) (jsonFigure, bool) {
	if is := f.byKey[key]; len(is) > 0 {
		return f.Entries[is[0]], true
	}
	return jsonFigure{}, false
}

// part is the entry's part, as the indicators package would have it.
func (j jsonFigure) part() indicators.Part {
	p := indicators.Part{Breakdown: indicators.Dimension(j.Breakdown), Group: j.Group, Line: j.Line, Driver: j.Driver}
	if j.Month != nil {
		p.Month, p.HasMonth = *j.Month, true
	}
	if j.Days != nil {
		p.Days = *j.Days
	}
	return p
}

// key is the entry's key, as charts.Ref forms it for refs.
func (j jsonFigure) key() string { return charts.Ref(j.ID, j.Period, j.part()) }

// figure rebuilds the Figure an indicators.json entry describes, so it
// can be formatted as the pages format it.
func (j jsonFigure) figure(t *testing.T) indicators.Figure {
	p, err := period.ParsePeriod(j.Period)
	if err != nil {
		t.Fatal(err)
	}
	f := indicators.Figure{ID: j.ID, Period: p, Unit: indicators.Unit(j.Unit), Suppressed: j.Suppressed}
	if j.Value != nil {
		f.Value, f.HasValue = *j.Value, true
		f.Pence = int64(math.Round(*j.Value * 100))
	}
	if j.Base != nil {
		f.Base = *j.Base
	}
	return f
}

// entry rebuilds the indicators.Entry of an indicators.json entry, for
// refCell and refPoint.
func (j jsonFigure) entry(t *testing.T) indicators.Entry {
	e := indicators.Entry{Figure: j.figure(t), Part: j.part()}
	e.NoBase = j.Base == nil && !j.Suppressed && j.Unit != string(indicators.Pounds)
	if j.RunningTotal != nil {
		e.RunningTotal, e.HasRunningTotal = int64(math.Round(*j.RunningTotal*100)), true
	}
	return e
}

var (
	metricSpan     = regexp.MustCompile(`<span class="metric" data-indicator="([^"]+)" data-period="([^"]+)"( data-magnitude)?>([^<]*)</span>`)
	comparisonSpan = regexp.MustCompile(`<span class="comparison" data-indicator="([^"]+)" data-period="([^"]+)"(?: data-area="([^"]+)")?>([^<]*)</span>`)
)

// Every figure written into the text of every page, the front page's key
// figures included, is the one in indicators.json, in publish and draft
// builds; and every {{< compare >}} sentence is the one the indicators.json
// figure gives against its config threshold and comparators.csv.
func TestTextFiguresMatchIndicatorsJSON(t *testing.T) {
	proj, probs := Load(context.Background(), "..")
	if probs.HasErrors() {
		t.Fatal(probs.Error())
	}
	// Only for the thresholds, which are config: the figures come from
	// indicators.json.
	computed := indicators.Compute(proj.Data, proj.Config)
	for _, draft := range []bool{false, true} {
		out := buildSample(t, draft)
		figs := readIndicators(t, out)
		pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
		n, compared := 0, 0
		areas := map[string]bool{}
		for _, p := range pages {
			b, _ := os.ReadFile(p)
			for _, m := range metricSpan.FindAllSubmatch(b, -1) {
				n++
				id, per, text := string(m[1]), string(m[2]), html.UnescapeString(string(m[4]))
				j, ok := figs.lookup(charts.Ref(id, per, indicators.Part{}))
				if !ok {
					t.Errorf("%s: %s %s is not in indicators.json", filepath.Base(p), id, per)
					continue
				}
				f := j.figure(t)
				// A figure shown without its sign (the front page's
				// overspend or underspend) is checked as its size.
				if len(m[3]) > 0 && f.Pence < 0 {
					f.Pence, f.Value = -f.Pence, -f.Value
				}
				if want := charts.FormatFigure(f); text != want {
					t.Errorf("%s: %s %s reads %q, indicators.json gives %q", filepath.Base(p), id, per, text, want)
				}
			}
			for _, m := range comparisonSpan.FindAllSubmatch(b, -1) {
				compared++
				id, per, area, text := string(m[1]), string(m[2]), html.UnescapeString(string(m[3])), html.UnescapeString(string(m[4]))
				j, ok := figs.lookup(charts.Ref(id, per, indicators.Part{}))
				if !ok {
					t.Errorf("%s: %s %s is not in indicators.json", filepath.Base(p), id, per)
					continue
				}
				f := j.figure(t)
				if c, ok := computed.Lookup(f.ID, f.Period); ok {
					f.Threshold = c.Threshold
				}
				for _, c := range proj.Data.Comparators { // file order
					if c.Indicator == id && c.Period.String() == per {
						f.Comparators = append(f.Comparators, indicators.ComparatorValue{Area: c.Area, Value: c.Value})
					}
				}
				want, err := charts.Compare(f)
				if area != "" {
					want, err = charts.CompareArea(f, area)
				} else {
					area, _ = charts.DefaultArea(f)
				}
				areas[area] = true
				if err != nil || text != want {
					t.Errorf("%s: compare %s %s %q reads %q; indicators.json, the thresholds and comparators.csv give %q (%v)", filepath.Base(p), id, per, area, text, want, err)
				}
			}
		}
		// The sample's text and front page carry at least a dozen figures,
		// and its children page compares them with every area of
		// comparators.csv.
		if n < 12 || compared < 3 {
			t.Errorf("draft=%v: only %d figures and %d comparisons found in the text", draft, n, compared)
		}
		for _, a := range computed.Areas {
			if !areas[a] {
				t.Errorf("draft=%v: the text compares no figure with %q, an area of comparators.csv", draft, a)
			}
		}
		t.Logf("draft=%v: %d figures and %d comparisons in the text", draft, n, compared)
	}
}
