package generator

import (
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

// jsonFigure is one entry of indicators.json.
type jsonFigure struct {
	ID         string   `json:"id"`
	Period     string   `json:"period"`
	Value      *float64 `json:"value"`
	Unit       string   `json:"unit"`
	Suppressed bool     `json:"suppressed"`
}

func readIndicators(t *testing.T, out string) map[string]jsonFigure {
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
	m := map[string]jsonFigure{}
	for _, f := range doc.Indicators {
		m[f.ID+" "+f.Period] = f
	}
	return m
}

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
	return f
}

var metricSpan = regexp.MustCompile(`<span class="metric" data-indicator="([^"]+)" data-period="([^"]+)">([^<]*)</span>`)

// Every figure written into the text of every page, the front page's key
// figures included, is the one in indicators.json, in publish and draft
// builds.
func TestTextFiguresMatchIndicatorsJSON(t *testing.T) {
	for _, draft := range []bool{false, true} {
		out := buildSample(t, draft)
		figs := readIndicators(t, out)
		pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
		n := 0
		for _, p := range pages {
			b, _ := os.ReadFile(p)
			for _, m := range metricSpan.FindAllSubmatch(b, -1) {
				n++
				id, per, text := string(m[1]), string(m[2]), html.UnescapeString(string(m[3]))
				j, ok := figs[id+" "+per]
				if !ok {
					t.Errorf("%s: %s %s is not in indicators.json", filepath.Base(p), id, per)
					continue
				}
				if want := charts.FormatFigure(j.figure(t)); text != want {
					t.Errorf("%s: %s %s reads %q, indicators.json gives %q", filepath.Base(p), id, per, text, want)
				}
			}
		}
		// The sample's text and front page carry at least a dozen figures.
		if n < 12 {
			t.Errorf("draft=%v: only %d figures found in the text", draft, n)
		}
	}
}
