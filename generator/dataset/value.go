package dataset

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/period"
)

// parseYesNo reads yes/no, y/n, true/false or 1/0 in any case, ignoring
// spaces around it. Blank means no.
func parseYesNo(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true", "1":
		return true, nil
	case "no", "n", "false", "0", "":
		return false, nil
	}
	return false, fmt.Errorf("%q is not yes or no (write yes or no; y/n, true/false and 1/0 also work)", s)
}

// moneyForms is the advice every money error ends with.
const moneyForms = "write it like 1234.56, £1,234.56, or (1,234) or -1234 for a negative"

// parseMoney reads an amount in pounds and returns it in pence, so sums
// are exact: 1234.56, 1,234.56, £1,234.56, -1234, -£12, £-12, (1,234)
// for a negative as accountants write it, and what finance systems and
// Excel's Accounting format export: a CR suffix for a credit (negative),
// DR for a debit (positive), and £ - or - alone for zero. At most two
// decimal places; thousands separators must group by three, because 1,23
// is a European decimal comma and reading it as 123 would be wrong by
// 100. The error names the text and, where the slip is recognisable
// (£1.2m, 50p, $, 1 234, 12-), how to write it instead.
func parseMoney(s string) (int64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, fmt.Errorf("no amount (%s, or 0 for nothing)", moneyForms)
	}
	bad := func(why string) error {
		if why != "" {
			why += "; "
		}
		return fmt.Errorf("%q is not an amount of money (%s%s)", s, why, moneyForms)
	}
	neg := false
	brackets := strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")")
	if brackets {
		neg, t = true, strings.TrimSpace(t[1:len(t)-1])
	}
	// A ledger's credit or debit marker: 27,000.00CR is money coming in.
	rest, credit := cutSuffixFold(t, "cr")
	marked := credit
	if credit {
		t = rest
	} else if rest, ok := cutSuffixFold(t, "dr"); ok {
		t, marked = rest, true
	}
	t = strings.TrimSpace(t)
	signs, pounds := 0, 0
	for {
		switch {
		case strings.HasPrefix(t, "-"):
			signs++
			neg = !neg
			t = t[1:]
			continue
		case strings.HasPrefix(t, "+"):
			signs++
			t = t[1:]
			continue
		case strings.HasPrefix(t, "£"):
			pounds++
			t = strings.TrimLeft(t[len("£"):], " ")
			continue
		}
		break
	}
	switch {
	case signs > 1 || pounds > 1:
		return 0, bad("")
	case (signs == 1 || brackets) && marked:
		return 0, bad("give a sign, brackets or CR, not two of them")
	case signs == 1 && brackets:
		return 0, bad("")
	case t == "" && signs == 1 && neg && !marked:
		// Excel's Accounting format writes zero as a dash: "£ -" or "-".
		return 0, nil
	}
	if why := moneySlip(t); why != "" {
		return 0, fmt.Errorf("%q: %s", s, why)
	}
	whole, frac, err := splitNumber(t)
	if err != nil {
		return 0, bad(err.Error())
	}
	if len(frac) > 2 {
		return 0, bad("money has at most two decimal places")
	}
	for len(frac) < 2 {
		frac += "0"
	}
	var pence int64
	for _, c := range whole + frac {
		d := int64(c - '0')
		if pence > (math.MaxInt64-d)/10 {
			return 0, bad("too large")
		}
		pence = pence*10 + d
	}
	if neg != credit {
		pence = -pence
	}
	return pence, nil
}

// cutSuffixFold cuts suffix from t in any case.
func cutSuffixFold(t, suffix string) (string, bool) {
	if len(t) >= len(suffix) && strings.EqualFold(t[len(t)-len(suffix):], suffix) {
		return t[:len(t)-len(suffix)], true
	}
	return t, false
}

// moneySlip recognises the usual ways an amount is written for people
// rather than for a sum, in t, the amount without its sign and £, and
// says how to write it instead; "" if t is none of them.
func moneySlip(t string) string {
	lower := strings.ToLower(t)
	for _, u := range []struct {
		suffix string
		times  int64 // in pence per unit of the number written
	}{{"bn", 100_000_000_000}, {"m", 100_000_000}, {"k", 100_000}} {
		num, ok := strings.CutSuffix(lower, u.suffix)
		if !ok {
			continue
		}
		num = strings.TrimSpace(num)
		// Six digits at most, so that the amount in pence fits an int64.
		if w, f, err := splitNumber(num); err == nil && len(w)+len(f) <= 6 {
			scale := int64(1)
			for range f {
				scale *= 10
			}
			if full := atoi64(w+f) * u.times; full%scale == 0 {
				return "write the amount in full, e.g. " + formatPounds(full/scale)
			}
		}
		return "write the amount in full, e.g. £1,200,000 rather than £1.2m"
	}
	switch {
	case strings.HasSuffix(lower, "p") && allDigits(strings.TrimSpace(lower[:len(lower)-1])):
		n := atoi64(strings.TrimSpace(lower[:len(lower)-1]))
		return fmt.Sprintf("write the amount in pounds, e.g. %s", formatPounds(n))
	case strings.ContainsAny(t, "$€") || strings.HasPrefix(lower, "gbp") || strings.HasSuffix(lower, "gbp"):
		return "write pounds as a number, with £ or no sign at all"
	case strings.HasSuffix(t, "-") && allDigits(strings.NewReplacer(",", "", ".", "").Replace(strings.TrimSuffix(t, "-"))):
		return "put the minus sign in front (-" + strings.TrimSuffix(t, "-") + "), or write the amount in brackets"
	case strings.Contains(t, " ") && allDigits(strings.NewReplacer(" ", "", ",", "", ".", "").Replace(t)):
		return "separate thousands with commas, not spaces (" + strings.ReplaceAll(t, " ", ",") + ")"
	}
	return ""
}

// atoi64 reads up to 18 ASCII digits, already checked.
func atoi64(s string) int64 {
	var n int64
	for i := 0; i < len(s); i++ {
		n = n*10 + int64(s[i]-'0')
	}
	return n
}

// formatPounds writes pence as £1,234 or £1,234.56.
func formatPounds(pence int64) string {
	digits := strconv.FormatInt(pence/100, 10)
	var b strings.Builder
	b.WriteString("£")
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if p := pence % 100; p != 0 {
		fmt.Fprintf(&b, ".%02d", p)
	}
	return b.String()
}

// parseNumber reads a plain decimal number such as 12, -3, 0.5 or
// 1,234.5. It refuses what strconv.ParseFloat would also take (1e3, Inf,
// NaN, 0x10) because no spreadsheet column of counts means those.
func parseNumber(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, errors.New("no number (write a number such as 12 or 1,234.5)")
	}
	neg := false
	if t[0] == '-' || t[0] == '+' {
		neg, t = t[0] == '-', t[1:]
	}
	whole, frac, err := splitNumber(t)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number (%s; write a number such as 12 or 1,234.5)", s, err)
	}
	lit := whole
	if frac != "" {
		lit += "." + frac
	}
	v, err := strconv.ParseFloat(lit, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a number (too large)", s)
	}
	if neg {
		v = -v
	}
	return v, nil
}

// splitNumber splits unsigned digits with optional thousands commas and
// an optional decimal part into the whole digits (commas removed) and
// the decimal digits. The error, if any, is a hint for a person.
func splitNumber(t string) (whole, frac string, err error) {
	w, f, hasPoint := strings.Cut(t, ".")
	if hasPoint && (f == "" || !allDigits(f)) {
		return "", "", errors.New("digits must follow the decimal point")
	}
	if w == "" {
		if !hasPoint {
			return "", "", errors.New("no digits")
		}
		w = "0"
	}
	if strings.Contains(w, ",") {
		groups := strings.Split(w, ",")
		if len(groups[0]) > 3 {
			return "", "", errors.New("commas must separate thousands, and a point marks the decimals")
		}
		for i, g := range groups {
			if !allDigits(g) || (i > 0 && len(g) != 3) {
				return "", "", errors.New("commas must separate thousands, and a point marks the decimals")
			}
		}
		w = strings.Join(groups, "")
	}
	if !allDigits(w) {
		return "", "", errors.New("only digits, commas and a decimal point")
	}
	return w, f, nil
}

// parseYear reads one financial year in any of parsePeriod's forms.
func parseYear(s string) (period.Year, error) {
	p, err := period.ParsePeriod(s)
	if err != nil {
		return 0, err
	}
	if p.Len() != 1 {
		return 0, fmt.Errorf("%q is %d years; write a single financial year such as %s", s, p.Len(), p.Last)
	}
	return p.First, nil
}
