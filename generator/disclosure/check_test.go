package disclosure

import (
	"strings"
	"testing"
)

const sampleJSON = `{
  "report_year": "2024-25",
  "council": "Example",
  "suppressed_below": 5,
  "indicators": [
    {"id": "a1", "period": "2022-25", "value": 412, "unit": "days", "base": 57},
    {"id": "adopted", "period": "2024-25", "value": null, "unit": "children", "suppressed": true},
    {"id": "waiting", "period": "2024-25", "value": 3, "unit": "children", "base": 3},
    {"id": "adopters_waiting", "period": "2024-25", "value": 0, "unit": "households", "base": 0},
    {"id": "budget", "period": "2024-25", "value": 3, "unit": "pounds"},
    {"id": "a2", "period": "2024-25", "value": 120, "unit": "days", "base": 4},
    {"id": "a3_percent", "period": "2024-25", "value": 7.5, "unit": "percent", "base": 40},
    {"id": "stage1_on_time_percent", "period": "2024-25", "value": 95, "unit": "percent", "base": 40},
    {"id": "approved_within_6_months_percent", "period": "2024-25", "value": 50, "unit": "percent", "base": 40},
    {"id": "sufficiency_ratio", "period": "2024-25", "value": 0.15, "unit": "ratio", "base": 20},
    {"id": "a10", "period": "2024-25", "value": null, "unit": "days", "base": 0},
    {"id": "placed", "period": "2024-25", "value": 12, "unit": "children", "base": 12}
  ]
}
`

func TestCheckIndicatorsJSON(t *testing.T) {
	leaks := CheckIndicatorsJSON([]byte(sampleJSON), 5)
	var got []string
	for _, l := range leaks {
		got = append(got, l.String())
	}
	// Line 8: 3 children waiting. Line 11: a mean over 4 children.
	// Line 12: 7.5% of 40 is 3 children. Line 13: 95% of 40 leaves 2.
	// Line 15: 0.15 per household of 20 is 3 children waiting. Not: the
	// suppressed count, the zero, the pounds, 50% of 40, the empty mean.
	want := []string{
		"data/indicators.json:8: waiting 2024-25 shows 3 children,",
		"data/indicators.json:11: a2 2024-25 shows a base of 4,",
		"data/indicators.json:12: a3_percent 2024-25 shows 3 of 40,",
		"data/indicators.json:13: stage1_on_time_percent 2024-25 shows all but 2 of 40,",
		"data/indicators.json:15: sufficiency_ratio 2024-25 shows 3 per 20,",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d leaks, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("leak %d = %q, want it to start %q", i, got[i], want[i])
		}
	}
	if leaks := CheckIndicatorsJSON([]byte(sampleJSON), 1); len(leaks) != 0 {
		t.Errorf("k = 1: got %v, want none", leaks)
	}
	if leaks := CheckIndicatorsJSON([]byte(sampleJSON), 2); len(leaks) != 0 {
		t.Errorf("k = 2 (no ones): got %v, want none", leaks)
	}
}

func TestCheckIndicatorsJSONBroken(t *testing.T) {
	for _, data := range []string{"", "[]", `{"indicators": [`, `{"indicators": {}}`} {
		leaks := CheckIndicatorsJSON([]byte(data), 5)
		if len(leaks) != 1 || !strings.Contains(leaks[0].Message, "cannot check") {
			t.Errorf("CheckIndicatorsJSON(%q) = %v, want one leak saying it cannot check", data, leaks)
		}
	}
}
