package indicators

import (
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/period"
)

func TestMeanHalfUp(t *testing.T) {
	tests := []struct {
		sum  int64
		n    int
		want int64
	}{
		{57, 2, 29},    // 28.5 → 29
		{1046, 3, 349}, // 348.67
		{406, 3, 135},  // 135.33
		{0, 5, 0},
		{5, 10, 1},  // 0.5 → 1
		{-3, 2, -1}, // −1.5 → −1: halves go up, towards +∞
		{-5, 2, -2}, // −2.5 → −2
		{-7, 3, -2}, // −2.33
		{-8, 3, -3}, // −2.67
	}
	for _, tt := range tests {
		if got := meanHalfUp(tt.sum, tt.n); got != tt.want {
			t.Errorf("meanHalfUp(%d, %d) = %d, want %d", tt.sum, tt.n, got, tt.want)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		a, b int
		want float64
	}{
		{1, 8, 12.5},
		{1, 16, 6.3},   // 6.25 → 6.3, halves up
		{1, 3, 33.3},   // 33.33…
		{2, 3, 66.7},   // 66.66…
		{1, 2000, 0.1}, // 0.05 → 0.1
		{1, 2001, 0},   // 0.04998…
		{7, 7, 100},
		{0, 9, 0},
		{29, 40, 72.5},
		{23, 80, 28.8}, // 28.75, though 23.0/80*100 is 28.749999999999996 in floating point
	}
	p := period.Year(2024).Period()
	for _, tt := range tests {
		f := percent("x", p, tt.a, tt.b)
		if !f.HasValue || f.Value != tt.want || f.Base != tt.b || f.Numerator != tt.a {
			t.Errorf("percent(%d, %d) = %+v, want %v", tt.a, tt.b, f, tt.want)
		}
	}
	if f := percent("x", p, 0, 0); f.HasValue || f.Absent != EmptyBase {
		t.Errorf("percent of nothing = %+v, want no value", f)
	}
}

func TestDivHalfAway(t *testing.T) {
	tests := []struct{ num, den, want int64 }{
		{1, 2, 1}, {-1, 2, -1}, {3, 2, 2}, {-3, 2, -2}, {1, 3, 0}, {-2, 3, -1}, {0, 7, 0},
	}
	for _, tt := range tests {
		if got := divHalfAway(tt.num, tt.den); got != tt.want {
			t.Errorf("divHalfAway(%d, %d) = %d, want %d", tt.num, tt.den, got, tt.want)
		}
	}
}

func TestCalendarIndex(t *testing.T) {
	cal := newCalendar(2017, 2024)
	tests := []struct {
		date string
		want int
	}{
		{"2017-03-31", -1},
		{"2017-04-01", 0},
		{"2018-03-31", 0},
		{"2018-04-01", 1},
		{"2024-02-29", 6},
		{"2025-03-31", 7},
		{"2025-04-01", -1},
		{"", -1},
	}
	for _, tt := range tests {
		if got := cal.index(d(tt.date)); got != tt.want {
			t.Errorf("index(%q) = %d, want %d", tt.date, got, tt.want)
		}
	}
}
