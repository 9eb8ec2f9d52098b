package dataset

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/adoptionreport/adoptionreport/generator/period"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-03-31", "31/03/2024", "1/3/2024", "31/02/2024", "03/31/2024", "31/03/24",
		"45382", "2024-03-31T00:00", "31.03.2024", "", " ", "0/0/0", "9999-99-99", "29/02/2100", "1/1/1900"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseDate(s)
		if err != nil {
			if d != 0 {
				t.Errorf("parseDate(%q) = %s with error %v", s, d, err)
			}
			if !strings.Contains(err.Error(), "is not a date (") {
				t.Errorf("parseDate(%q): error %q does not say how to fix it", s, err)
			}
			return
		}
		if d == 0 {
			if strings.TrimSpace(s) != "" {
				t.Errorf("parseDate(%q) = no date, no error", s)
			}
			return
		}
		// What was read, written back in either form, reads the same.
		for _, back := range []string{d.String(), uk(d)} {
			if d2, err := parseDate(back); err != nil || d2 != d {
				t.Errorf("parseDate(%q) = %s, but parseDate(%q) = %s, %v", s, d, back, d2, err)
			}
		}
	})
}

// formatPence writes pence the way parseMoney documents it reads:
// £1,234.56, with negatives as -£12.00 or (£12.00) by the flag.
func formatPence(p int64, brackets bool) string {
	neg := p < 0
	u := uint64(p)
	if neg {
		u = uint64(-p)
	}
	digits := fmt.Sprint(u / 100)
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	s := fmt.Sprintf("£%s.%02d", b.String(), u%100)
	switch {
	case neg && brackets:
		return "(" + s + ")"
	case neg:
		return "-" + s
	}
	return s
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1234.56", "1,234.56", "£1,234.56", "-1234", "(1,234)", "-£12", "£-12", "0", ".5",
		"92233720368547758.07", "92233720368547758.08", "1,23", "", "(", "()", "£", "-", "12.345", "£ (12)",
		"£ -", " £ -   ", "£27,000.00CR", "27,000.00 cr", "£500DR", "(£1CR)", "£1.2m", "1.5bn", "£12k", "50p",
		"$100", "1 234", "12-", "CR", "m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := parseMoney(s)
		if err != nil {
			if p != 0 {
				t.Errorf("parseMoney(%q) = %d with error %v", s, p, err)
			}
			return
		}
		for _, brackets := range []bool{false, true} {
			back := formatPence(p, brackets)
			if p2, err := parseMoney(back); err != nil || p2 != p {
				t.Errorf("parseMoney(%q) = %d, but parseMoney(%q) = %d, %v", s, p, back, p2, err)
			}
		}
	})
}

func FuzzParseYesNo(f *testing.F) {
	for _, s := range []string{"yes", "No", " Y ", "TRUE", "0", "", "maybe", "yes\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := parseYesNo(s)
		if err != nil {
			if b {
				t.Errorf("parseYesNo(%q) = true with error", s)
			}
			return
		}
		// Whatever was accepted is one of the documented spellings.
		k := strings.ToLower(strings.TrimSpace(s))
		yes := k == "yes" || k == "y" || k == "true" || k == "1"
		no := k == "no" || k == "n" || k == "false" || k == "0" || k == ""
		if b != yes || b == no {
			t.Errorf("parseYesNo(%q) = %v", s, b)
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"12", "1,234.5", "-3", ".5", "1e3", "NaN", "", "1,23", "99999999999999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parseNumber(s)
		if err != nil {
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Errorf("parseNumber(%q) = %v", s, v)
		}
		// The shortest plain decimal for v reads back as v.
		back := strconv.FormatFloat(v, 'f', -1, 64)
		if v2, err := parseNumber(back); err != nil || v2 != v {
			t.Errorf("parseNumber(%q) = %v, but parseNumber(%q) = %v, %v", s, v, back, v2, err)
		}
	})
}

// checkReader holds for every reader: problems are in row and column
// order, every problem names the file and a real place, and every record
// read has a row that is a data row.
func checkReader(t *testing.T, name string, rows []int, probs problem.List) {
	t.Helper()
	for i, p := range probs {
		if p.File != name || p.Line < 0 || p.Col < 0 || p.Message == "" {
			t.Errorf("bad problem %#v", p)
		}
		if i > 0 && (probs[i-1].Line > p.Line || (probs[i-1].Line == p.Line && probs[i-1].Col > p.Col)) {
			t.Errorf("problems out of order:\n%s", probs)
		}
		if !utf8.ValidString(p.Message) {
			t.Errorf("message not UTF-8: %q", p.Message)
		}
	}
	for i, r := range rows {
		if r < 2 || (i > 0 && r <= rows[i-1]) {
			t.Errorf("rows %v", rows)
			break
		}
	}
}

func seedFiles(f *testing.F, header []string, good map[string]string) {
	f.Add(csvOf(header, good))
	f.Add(csvOf(header, good, with(good, "sex", "x", "matched", "31/02/2024")))
	f.Add(csvOf(header, with(good, "matched", "2025-04-10", "placed_for_adoption", "2025-05-01", "placed", "2025-05-01", "adoption_order", "2025-10-01")))
	f.Add(csvOf(header, with(good, "moved_in_with_adopters", "2020-11-22", "adopted_by_foster_carer", "yes")))
	f.Add([]byte("\uFEFF" + strings.ToUpper(string(csvOf(header, good)))))
	f.Add([]byte(strings.ReplaceAll(string(csvOf(header, good, good)), "\n", "\r\n")))
	f.Add([]byte(strings.Join(header, ",") + "\n\"a\nb\",\"c\n"))
	f.Add([]byte(strings.Join(header, ",") + "\nx\"y,\"z\"q\n\n,,,\n"))
	f.Add([]byte("a;b;c\n"))
	f.Add([]byte{0xA3, ',', 0xE9, '\n'})
	f.Add([]byte{})
	f.Add([]byte("\x00"))
}

func FuzzReadChildren(f *testing.F) {
	seedFiles(f, childHeader, goodChild)
	f.Fuzz(func(t *testing.T, data []byte) {
		kids, probs, _ := readChildren("c.csv", data, testLimits)
		rows := make([]int, len(kids))
		for i, k := range kids {
			rows[i] = k.Row
			if k.EthnicityGroup == "" || k.EarlyPermanence == "" {
				t.Errorf("row %d: group %q, early permanence %q", k.Row, k.EthnicityGroup, k.EarlyPermanence)
			}
			if k.MovedInWithAdopters == 0 && k.PlacedForAdoption != 0 && !probs.HasErrors() {
				t.Errorf("row %d: moved-in date not filled in", k.Row)
			}
			// Figures are as at the year end: no later date reaches them.
			for _, d := range []period.Date{k.DateOfBirth, k.EnteredCare, k.ShouldBePlaced, k.PlacementOrder, k.Matched,
				k.PlacedForAdoption, k.MovedInWithAdopters, k.AdoptionOrder, k.DecisionReversed, k.Disrupted} {
				if d > reportYear.End() {
					t.Errorf("row %d: %s after the report year kept", k.Row, d)
				}
			}
			// No negative duration reaches A1 or A10 without an error.
			if !probs.HasErrors() && ((k.PlacedForAdoption != 0 && k.PlacedForAdoption < k.EnteredCare) ||
				(k.MovedInWithAdopters != 0 && k.MovedInWithAdopters < k.EnteredCare)) {
				t.Errorf("row %d: placed or moved in before entering care, no error", k.Row)
			}
		}
		checkReader(t, "c.csv", rows, probs)
	})
}

func FuzzReadAdopters(f *testing.F) {
	seedFiles(f, adopterHeader, goodAdopter)
	f.Fuzz(func(t *testing.T, data []byte) {
		hh, probs, _ := readAdopters("a.csv", data, testLimits)
		rows := make([]int, len(hh))
		for i, h := range hh {
			rows[i] = h.Row
		}
		checkReader(t, "a.csv", rows, probs)
	})
}

func FuzzReadBudget(f *testing.F) {
	seedFiles(f, budgetHeader, goodBudget)
	f.Add(csvOf(budgetHeader, with(goodBudget, "year", "2024/2025", "budget", "£ -", "actual", "£27,000.00CR"),
		with(goodBudget, "year", "2024/25", "budget", "£1.2m", "actual", "(£5CR)")))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines, probs := readBudget("b.csv", data, limits{})
		rows := make([]int, len(lines))
		for i, l := range lines {
			rows[i] = l.Row
			if l.HasVolumes && l.BudgetVolume == 0 {
				t.Errorf("row %d: volumes with a zero budget volume", l.Row)
			}
			if l.Driver == "" && l.Line != "" {
				t.Errorf("row %d: blank driver not filled in", l.Row)
			}
		}
		checkReader(t, "b.csv", rows, probs)
	})
}

func FuzzReadComparators(f *testing.F) {
	seedFiles(f, comparatorHeader, goodComparator)
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, probs := readComparators("k.csv", data)
		r := make([]int, len(rows))
		for i, c := range rows {
			r[i] = c.Row
		}
		checkReader(t, "k.csv", r, probs)
	})
}
