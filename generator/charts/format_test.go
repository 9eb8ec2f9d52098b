package charts

import (
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/indicators"
)

func TestFormat(t *testing.T) {
	fig := func(u indicators.Unit, v float64) indicators.Figure {
		return indicators.Figure{Unit: u, Value: v, HasValue: true}
	}
	money := func(pence int64) indicators.Figure {
		return indicators.Figure{Unit: indicators.Pounds, Pence: pence, Value: float64(pence) / 100, HasValue: true}
	}
	tests := []struct {
		name   string
		f      indicators.Figure
		figure string // FormatFigure
		value  string // FormatValue
	}{
		{"days", fig(indicators.Days, 412), "412 days", "412"},
		{"one day", fig(indicators.Days, 1), "1 day", "1"},
		{"no days", fig(indicators.Days, 0), "0 days", "0"},
		{"days with thousands", fig(indicators.Days, 1020), "1,020 days", "1,020"},
		{"negative days from odd dates", fig(indicators.Days, -3), "-3 days", "-3"},
		{"children", fig(indicators.Children, 34), "34 children", "34"},
		{"one child", fig(indicators.Children, 1), "1 child", "1"},
		{"no children", fig(indicators.Children, 0), "0 children", "0"},
		{"households", fig(indicators.Households, 12), "12 households", "12"},
		{"one household", fig(indicators.Households, 1), "1 household", "1"},
		{"percent", fig(indicators.Percent, 18.2), "18.2%", "18.2%"},
		{"whole percent keeps its decimal", fig(indicators.Percent, 100), "100.0%", "100.0%"},
		{"ratio", fig(indicators.Ratio, 2.45), "2.45", "2.45"},
		{"ratio keeps two decimals", fig(indicators.Ratio, 3), "3.00", "3.00"},
		{"pounds under a million", money(4530000), "£45,300", "£45,300"},
		{"pence round half away from zero", money(4530050), "£45,301", "£45,301"},
		{"pence below a half round down", money(4530049), "£45,300", "£45,300"},
		{"negative pounds", money(-4530000), "-£45,300", "-£45,300"},
		{"negative half pound rounds away from zero", money(-4530050), "-£45,301", "-£45,301"},
		{"just under a million", money(99999949), "£999,999", "£999,999"},
		// £999,999.50 rounds to £1,000,000, so it is written in millions.
		{"rounds up to a million", money(99999950), "£1.0m", "£1,000,000"},
		{"a million", money(100000000), "£1.0m", "£1,000,000"},
		{"millions to one decimal", money(123456789), "£1.2m", "£1,234,568"},
		// £1.25m is a half: away from zero.
		{"millions halves up", money(125000000), "£1.3m", "£1,250,000"},
		{"tens of millions", money(1234567800), "£12.3m", "£12,345,678"},
		{"negative millions", money(-250000000), "-£2.5m", "-£2,500,000"},
		{"zero pounds", money(0), "£0", "£0"},
		{"suppressed", indicators.Figure{Unit: indicators.Children, Value: 3, HasValue: true, Suppressed: true}, "[c]", "[c]"},
		{"suppressed wins over no value", indicators.Figure{Unit: indicators.Days, Suppressed: true}, "[c]", "[c]"},
		{"no value", indicators.Figure{Unit: indicators.Days, Absent: indicators.EmptyBase}, "no data", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatFigure(tt.f); got != tt.figure {
				t.Errorf("FormatFigure = %q, want %q", got, tt.figure)
			}
			if got := FormatValue(tt.f); got != tt.value {
				t.Errorf("FormatValue = %q, want %q", got, tt.value)
			}
		})
	}
}

func TestSignedMoney(t *testing.T) {
	tests := []struct {
		pence int64
		want  string
	}{
		{1200000, "+£12,000"},
		{-300000, "-£3,000"},
		{0, "£0"},
		// Rounds to £0: no sign.
		{49, "£0"},
		{250000000, "+£2.5m"},
	}
	for _, tt := range tests {
		if got := signedMoney(tt.pence); got != tt.want {
			t.Errorf("signedMoney(%d) = %q, want %q", tt.pence, got, tt.want)
		}
	}
}

func TestThousands(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "0"}, {999, "999"}, {1000, "1,000"}, {-1000, "-1,000"}, {1234567, "1,234,567"},
		{-9223372036854775808, "-9,223,372,036,854,775,808"},
	}
	for _, tt := range tests {
		if got := thousands(tt.n); got != tt.want {
			t.Errorf("thousands(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
