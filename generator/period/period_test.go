package period

import (
	"testing"
	"time"
)

func TestDateRoundTrip(t *testing.T) {
	for _, s := range []string{"0001-01-01", "1970-01-01", "2000-02-29", "2024-02-29", "2025-03-31", "2099-12-31"} {
		tm, _ := time.Parse("2006-01-02", s)
		d := NewDate(tm.Year(), tm.Month(), tm.Day())
		if d.IsZero() {
			t.Errorf("%s: got the zero Date", s)
		}
		if got := d.String(); got != s {
			t.Errorf("NewDate(%s).String() = %s", s, got)
		}
	}
	if Date(0).String() != "" {
		t.Error("zero Date should format as empty")
	}
}

func TestDays(t *testing.T) {
	tests := []struct {
		from, to Date
		want     int
	}{
		// 2024 is a leap year: 1 Feb to 1 Mar is 29 days.
		{NewDate(2024, 2, 1), NewDate(2024, 3, 1), 29},
		{NewDate(2023, 2, 1), NewDate(2023, 3, 1), 28},
		// A financial year with 29 Feb 2024 in it has 366 days: 1 Apr 2023 to 1 Apr 2024.
		{NewDate(2023, 4, 1), NewDate(2024, 4, 1), 366},
		{NewDate(2024, 4, 1), NewDate(2024, 3, 31), -1},
	}
	for _, tt := range tests {
		if got := Days(tt.from, tt.to); got != tt.want {
			t.Errorf("Days(%s, %s) = %d, want %d", tt.from, tt.to, got, tt.want)
		}
	}
}

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in          string
		first, last Year
		wantErr     bool
	}{
		{"2024-25", 2024, 2024, false},
		{" 2022-25 ", 2022, 2024, false},
		{"1999-00", 1999, 1999, false},
		{"1998-01", 1998, 2000, false},
		{"2024-24", 0, 0, true},
		{"2024-2025", 2024, 2024, false},
		{"2024/25", 2024, 2024, false},
		{"2022/2025", 2022, 2024, false},
		{"2024-2125", 0, 0, true},
		{"2024/", 0, 0, true},
		{"2024-25-26", 0, 0, true},
		{"24-25", 0, 0, true},
		{"", 0, 0, true},
		{"abcd-ef", 0, 0, true},
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParsePeriod(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		if err == nil && (p.First != tt.first || p.Last != tt.last) {
			t.Errorf("ParsePeriod(%q) = %v..%v, want %v..%v", tt.in, p.First, p.Last, tt.first, tt.last)
		}
	}
}

func TestParseYear(t *testing.T) {
	if y, err := ParseYear("2024-25"); err != nil || y != 2024 {
		t.Errorf("ParseYear(2024-25) = %v, %v", y, err)
	}
	for _, s := range []string{"2022-25", "2024-26", "2024"} {
		if _, err := ParseYear(s); err == nil {
			t.Errorf("ParseYear(%q) should fail", s)
		}
	}
}

func TestPeriodBounds(t *testing.T) {
	p := Span(2024, 3)
	if p.String() != "2022-25" || p.Len() != 3 {
		t.Fatalf("Span(2024, 3) = %s (%d years)", p, p.Len())
	}
	if p.Start() != NewDate(2022, 4, 1) || p.End() != NewDate(2025, 3, 31) {
		t.Errorf("bounds %s..%s", p.Start(), p.End())
	}
	y := Year(2024)
	if y.String() != "2024-25" || y.Period().String() != "2024-25" {
		t.Errorf("Year(2024) = %s", y)
	}
	for _, tt := range []struct {
		d    Date
		want bool
	}{
		{NewDate(2024, 3, 31), false},
		{NewDate(2024, 4, 1), true},
		{NewDate(2025, 3, 31), true},
		{NewDate(2025, 4, 1), false},
		{0, false},
	} {
		if got := y.Period().Contains(tt.d); got != tt.want {
			t.Errorf("2024-25 contains %s = %v, want %v", tt.d, got, tt.want)
		}
	}
}
