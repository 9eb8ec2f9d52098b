package dataset

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
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
// are exact: 1234.56, 1,234.56, £1,234.56, -1234, -£12, £-12, and
// (1,234) for a negative as accountants write it. At most two decimal
// places; thousands separators must group by three, because 1,23 is a
// European decimal comma and reading it as 123 would be wrong by 100.
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
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		neg, t = true, strings.TrimSpace(t[1:len(t)-1])
	}
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
	if signs > 1 || pounds > 1 || (signs == 1 && strings.HasPrefix(strings.TrimSpace(s), "(")) {
		return 0, bad("")
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
	if neg {
		pence = -pence
	}
	return pence, nil
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
