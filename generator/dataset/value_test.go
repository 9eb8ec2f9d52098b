package dataset

import (
	"strings"
	"testing"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/period"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want period.Date
		err  string // the whole error message, when one is expected
	}{
		{"2024-03-31", period.NewDate(2024, time.March, 31), ""},
		{"31/03/2024", period.NewDate(2024, time.March, 31), ""},
		{"1/3/2024", period.NewDate(2024, time.March, 1), ""},
		{"01/03/2024", period.NewDate(2024, time.March, 1), ""},
		{" 2024-02-29 ", period.NewDate(2024, time.February, 29), ""},
		{"2024-3-1", period.NewDate(2024, time.March, 1), ""},
		{"2000-02-29", period.NewDate(2000, time.February, 29), ""},
		{"1900-01-01", period.NewDate(1900, time.January, 1), ""},
		{"2999-12-31", period.NewDate(2999, time.December, 31), ""},
		{"1900-02-29", 0, `"1900-02-29" is not a date (write 1900-02-28 or 28/02/1900)`},
		{"2024-00-10", 0, `"2024-00-10" is not a date (the month must be 1 to 12; write it as 2024-03-31 or 31/03/2024)`},
		{"2024-03-00", 0, `"2024-03-00" is not a date (write it as 2024-03-31 or 31/03/2024)`},
		{"1899-12-31", 0, `"1899-12-31" is not a date (the year must be between 1900 and 2999)`},
		{"", 0, ""},
		{"   ", 0, ""},
		// The example in docs/data.md, word for word.
		{"31/02/2024", 0, `"31/02/2024" is not a date (write 2024-02-29 or 29/02/2024)`},
		{"29/02/2023", 0, `"29/02/2023" is not a date (write 2023-02-28 or 28/02/2023)`},
		{"2024-04-31", 0, `"2024-04-31" is not a date (write 2024-04-30 or 30/04/2024)`},
		// US order is never read, but recognised.
		{"03/31/2024", 0, `"03/31/2024" is not a date (dates are day/month/year, never month/day: write 2024-03-31 or 31/03/2024)`},
		{"31/03/2024 00:00", 0, `"31/03/2024 00:00" is not a date (remove the time: write 2024-03-31 or 31/03/2024)`},
		{"2024-03-31T10:00:00", 0, `"2024-03-31T10:00:00" is not a date (remove the time: write 2024-03-31 or 31/03/2024)`},
		{"31/03/24", 0, `"31/03/24" is not a date (write the year with four digits, e.g. 31/03/2024)`},
		{"45382", 0, `"45382" is not a date (it looks like Excel's number for 31/03/2024: format the column as a date before saving)`},
		{"31-03-2024", 0, `"31-03-2024" is not a date (write 2024-03-31 or 31/03/2024)`},
		{"31.03.2024", 0, `"31.03.2024" is not a date (write 2024-03-31 or 31/03/2024)`},
		{"2024/03/31", 0, `"2024/03/31" is not a date (write 2024-03-31 or 31/03/2024)`},
		{"31/13/2024", 0, `"31/13/2024" is not a date (the month must be 1 to 12; write it as 2024-03-31 or 31/03/2024)`},
		{"01/01/0024", 0, `"01/01/0024" is not a date (the year must be between 1900 and 2999)`},
		{"0/1/2024", 0, `"0/1/2024" is not a date (write it as 2024-03-31 or 31/03/2024)`},
		{"yesterday", 0, `"yesterday" is not a date (write it as 2024-03-31 or 31/03/2024)`},
		{"31/03/2024/1", 0, `"31/03/2024/1" is not a date (write it as 2024-03-31 or 31/03/2024)`},
		{"+1/03/2024", 0, `"+1/03/2024" is not a date (write it as 2024-03-31 or 31/03/2024)`},
		{"３1/03/2024", 0, `"３1/03/2024" is not a date (write it as 2024-03-31 or 31/03/2024)`},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("parseDate(%q) error = %v, want %s", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("parseDate(%q) = %s, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

// daysIn counts by the calendar's rules; the time package agrees, leap
// centuries (1900 no, 2000 yes) and all.
func TestDaysIn(t *testing.T) {
	for y := minYear; y <= maxYear; y++ {
		for m := 1; m <= 12; m++ {
			if got, want := daysIn(y, m), time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day(); got != want {
				t.Fatalf("daysIn(%d, %d) = %d, want %d", y, m, got, want)
			}
		}
	}
	if daysIn(1900, 2) != 28 || daysIn(2000, 2) != 29 || daysIn(2024, 2) != 29 || daysIn(2023, 2) != 28 {
		t.Error("leap years wrong")
	}
}

func TestParseYesNo(t *testing.T) {
	for _, in := range []string{"yes", "YES", " Yes ", "y", "Y", "true", "TRUE", "1"} {
		if got, err := parseYesNo(in); err != nil || !got {
			t.Errorf("parseYesNo(%q) = %v, %v; want true", in, got, err)
		}
	}
	for _, in := range []string{"no", "No", "n", "N", "false", "FALSE", "0", "", "  "} {
		if got, err := parseYesNo(in); err != nil || got {
			t.Errorf("parseYesNo(%q) = %v, %v; want false", in, got, err)
		}
	}
	for _, in := range []string{"maybe", "2", "yes please", "t", "-1"} {
		if _, err := parseYesNo(in); err == nil {
			t.Errorf("parseYesNo(%q) should fail", in)
		}
	}
	_, err := parseYesNo("maybe")
	if want := `"maybe" is not yes or no (write yes or no; y/n, true/false and 1/0 also work)`; err.Error() != want {
		t.Errorf("message = %s", err)
	}
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"1234.56", 123456},
		{"1,234.56", 123456},
		{"£1,234.56", 123456},
		{"£ 1,234.56", 123456},
		{"-1234", -123400},
		{"(1,234)", -123400},
		{"(£1,234.50)", -123450},
		{"( 500 )", -50000},
		{"-£12", -1200},
		{"£-12", -1200},
		{"+12", 1200},
		{"0", 0},
		{"0.5", 50},
		{".5", 50},
		{"1,000,000", 100000000},
		{" 12.3 ", 1230},
		{"92233720368547758.07", 9223372036854775807},
		{"-92233720368547758.07", -9223372036854775807},
		// Excel's Accounting format writes zero as a dash.
		{"£ -", 0},
		{" £ -   ", 0},
		{"-", 0},
		{"£-", 0},
		// A ledger's credit is money in: negative; a debit is positive.
		{"£27,000.00CR", -2700000},
		{"27,000.00 cr", -2700000},
		{"£500.00DR", 50000},
	}
	for _, tt := range tests {
		if got, err := parseMoney(tt.in); err != nil || got != tt.want {
			t.Errorf("parseMoney(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{
		"", "abc", "£", "12.345", "1,23", "12,3456", "1234,567", "1.2.3", "12.", "1e3", "0x10", "NaN", "Inf",
		"--12", "-(12)", "(-12)", "££12", "£-£12", "12£", "12p", "1 234", "(12", "92233720368547758.08",
		"99999999999999999999", "١٢", "12-",
		"+", "(-)", "-CR", "(£27,000.00CR)", "-£27,000CR", "£27,000CRDR", "CR", "£1.2m", "50p", "$100",
	} {
		if got, err := parseMoney(in); err == nil {
			t.Errorf("parseMoney(%q) = %d, want an error", in, got)
		}
	}
	_, err := parseMoney("1,23")
	if want := `"1,23" is not an amount of money (commas must separate thousands, and a point marks the decimals; write it like 1234.56, £1,234.56, or (1,234) or -1234 for a negative)`; err.Error() != want {
		t.Errorf("message = %s", err)
	}
	// Amounts written for people, not sums: the message says what is
	// wrong and how to write it.
	for in, want := range map[string]string{
		"£1.2m":      `"£1.2m": write the amount in full, e.g. £1,200,000`,
		"£12k":       `"£12k": write the amount in full, e.g. £12,000`,
		"£12.5K":     `"£12.5K": write the amount in full, e.g. £12,500`,
		"1.5bn":      `"1.5bn": write the amount in full, e.g. £1,500,000,000`,
		"-£0.25m":    `"-£0.25m": write the amount in full, e.g. £250,000`,
		"£1.2345m":   `"£1.2345m": write the amount in full, e.g. £1,234,500`,
		"£1,2m":      `"£1,2m": write the amount in full, e.g. £1,200,000 rather than £1.2m`,
		"50p":        `"50p": write the amount in pounds, e.g. £0.50`,
		"$100":       `"$100": write pounds as a number, with £ or no sign at all`,
		"GBP 100":    `"GBP 100": write pounds as a number, with £ or no sign at all`,
		"1,234.00-":  `"1,234.00-": put the minus sign in front (-1,234.00), or write the amount in brackets`,
		"1 234 567":  `"1 234 567": separate thousands with commas, not spaces (1,234,567)`,
		"-£27,000CR": `"-£27,000CR" is not an amount of money (give a sign, brackets or CR, not two of them; ` + moneyForms + ")",
	} {
		if _, err := parseMoney(in); err == nil || err.Error() != want {
			t.Errorf("parseMoney(%q) error = %v\nwant %s", in, err, want)
		}
	}
}

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]period.Period{
		"2024-25": period.Span(2024, 1), "2024/25": period.Span(2024, 1), "2024-2025": period.Span(2024, 1),
		"2024/2025": period.Span(2024, 1), " 2023/24 ": period.Span(2023, 1), "2022-25": period.Span(2024, 3),
		"2022/2025": period.Span(2024, 3), "2099/2100": period.Span(2099, 1), "2099-00": period.Span(2099, 1),
	} {
		if got, err := period.ParsePeriod(in); err != nil || got != want {
			t.Errorf("period.ParsePeriod(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"2024":       `"2024" is not a financial year; write it like 2024-25; 2024/25, 2024-2025 and 2024/2025 also work`,
		"2024.25":    `"2024.25" is not a financial year; write it like 2024-25`,
		"2024-2125":  `"2024-2125" is not a financial year; write it like 2024-25; 2024/25, 2024-2025 and 2024/2025 also work (the second year follows the first)`,
		"2025/2024":  `"2025/2024" is not a financial year`,
		"24/25":      `"24/25" is not a financial year`,
		"2024-25-26": `"2024-25-26" is not a financial year`,
	} {
		if _, err := period.ParsePeriod(in); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("period.ParsePeriod(%q) error = %v, want %s", in, err, want)
		}
	}
	if _, err := parseYear("2022/2025"); err == nil || err.Error() != `"2022/2025" is 3 years; write a single financial year such as 2024-25` {
		t.Errorf("parseYear(2022/2025) error = %v", err)
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"12", 12}, {"1,234.5", 1234.5}, {"-3", -3}, {"+3", 3}, {"0.25", 0.25}, {" 7 ", 7}, {".5", 0.5},
	}
	for _, tt := range tests {
		if got, err := parseNumber(tt.in); err != nil || got != tt.want {
			t.Errorf("parseNumber(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "x", "1e3", "NaN", "Inf", "0x10", "1,23", "12.", "--1", "£3", "3%", "1_000"} {
		if got, err := parseNumber(in); err == nil {
			t.Errorf("parseNumber(%q) = %v, want an error", in, got)
		}
	}
}

func TestEthnicityGroup(t *testing.T) {
	tests := []struct {
		in    string
		want  string
		known bool
	}{
		{"WBRI", "White", true}, {"wrom", "White", true}, {"MWBC", "Mixed", true}, {"AIND", "Asian", true},
		{"BAFR", "Black", true}, {"CHNE", "Other", true}, {"OOTH", "Other", true}, {"REFU", "Not known", true},
		{"NOBT", "Not known", true}, {"white", "White", true}, {"NOT KNOWN", "Not known", true},
		{" Black ", "Black", true}, {"", "Not known", true}, {"XXXX", "Not known", false}, {"British", "Not known", false},
	}
	for _, tt := range tests {
		if g, ok := ethnicityGroup(tt.in); g != tt.want || ok != tt.known {
			t.Errorf("ethnicityGroup(%q) = %q, %v; want %q, %v", tt.in, g, ok, tt.want, tt.known)
		}
	}
	// Every code of SSDA903's list, and nothing else, is known.
	codes := "WBRI WIRI WIRT WOTH WROM MWBC MWBA MWAS MOTH AIND APKN ABAN AOTH BCRB BAFR BOTH CHNE OOTH REFU NOBT"
	n := 0
	for _, c := range splitFields(codes) {
		if _, ok := ethnicityGroup(c); !ok {
			t.Errorf("code %s unknown", c)
		}
		n++
	}
	if n != len(ethnicityCodes) {
		t.Errorf("%d codes mapped, SSDA903 has %d", len(ethnicityCodes), n)
	}
}
