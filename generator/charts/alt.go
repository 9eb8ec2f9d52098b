package charts

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/adoptionreport/adoptionreport/generator/indicators"
)

// The text alternatives are built from clauses such as "the three-year A1
// average fell from 520 days (2017-20) to 412 days (2022-25)", which
// sentence joins and capitalises. Every number in them comes from a
// figure; none is written into the code.

// trend says how figs, oldest first, moved between the first and the last
// figure a chart draws, for use after its subject: "fell from 520 days
// (2017-20) to 412 days (2022-25)", "rose from …", "was 412 days in
// 2024-25, the same as in 2020-21", or with a single figure "was 412 days
// in 2024-25". ok is false when no figure is drawn. last is the index of
// the last figure drawn.
func trend(figs []indicators.Figure) (text string, last int, ok bool) {
	first := -1
	last = -1
	for i, f := range figs {
		if drawable(f) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return "", -1, false
	}
	a, z := figs[first], figs[last]
	if first == last {
		return fmt.Sprintf("was %s in %s", amount(z), z.Period), last, true
	}
	switch d := direction(a, z); {
	case d > 0:
		return fmt.Sprintf("rose from %s (%s) to %s (%s)", amount(a), a.Period, amount(z), z.Period), last, true
	case d < 0:
		return fmt.Sprintf("fell from %s (%s) to %s (%s)", amount(a), a.Period, amount(z), z.Period), last, true
	}
	return fmt.Sprintf("was %s in %s, the same as in %s", amount(z), z.Period, a.Period), last, true
}

// amount writes a figure for trend: counts bare, as the subject ("the
// number of children placed …") already says what they count; others as
// FormatFigure does ("412 days", "18.2%").
func amount(f indicators.Figure) string {
	if f.Unit == indicators.Children || f.Unit == indicators.Households {
		return FormatValue(f)
	}
	return FormatFigure(f)
}

// direction compares two figures of the same indicator as a reader sees
// them: 0 when they read the same, so that 18.24% and 18.2% are no change.
func direction(a, z indicators.Figure) int {
	if FormatFigure(a) == FormatFigure(z) {
		return 0
	}
	if a.Unit == indicators.Pounds {
		return cmpInt(a.Pence, z.Pence)
	}
	switch {
	case z.Value > a.Value:
		return 1
	case z.Value < a.Value:
		return -1
	}
	return 0
}

func cmpInt(a, z int64) int {
	switch {
	case z > a:
		return 1
	case z < a:
		return -1
	}
	return 0
}

// against says where a figure in days stands against a threshold in
// days: ", below the 426-day threshold". It is empty for other units, a
// figure not drawn or no threshold.
func against(f indicators.Figure, threshold int) string {
	if threshold <= 0 || f.Unit != indicators.Days || !drawable(f) {
		return ""
	}
	switch v := wholeOf(f.Value); {
	case v < int64(threshold):
		return fmt.Sprintf(", below the %d-day threshold", threshold)
	case v > int64(threshold):
		return fmt.Sprintf(", above the %d-day threshold", threshold)
	}
	return fmt.Sprintf(", at the %d-day threshold", threshold)
}

// hidden is a sentence saying that the figures for n categories (years,
// groups, stages) are not drawn because disclosure control suppressed
// them, or "" for none. Suppression also covers figures that would give
// a suppressed one away, hence "or would reveal". people is whom the
// figures count ("children"); "" for money, which counts nobody.
func hidden(n int, one, many, people string, below int) string {
	if n == 0 {
		return ""
	}
	if people == "" {
		if n == 1 {
			return fmt.Sprintf("The figure for 1 %s is not shown: disclosure control withheld it.", one)
		}
		return fmt.Sprintf("Figures for %d %s are not shown: disclosure control withheld them.", n, many)
	}
	few := fewer(people, below)
	if n == 1 {
		return fmt.Sprintf("The figure for 1 %s is not shown because it rests on or would reveal %s.", one, few)
	}
	return fmt.Sprintf("Figures for %d %s are not shown because they rest on or would reveal %s.", n, many, few)
}

// fewer is what a suppressed count rests on: "fewer than 5 children".
func fewer(people string, below int) string {
	if below > 1 {
		return fmt.Sprintf("fewer than %d %s", below, people)
	}
	return "very few " + people
}

// suppressedAt counts the positions at which any of the series has a
// suppressed figure.
func suppressedAt(series ...[]indicators.Figure) int {
	n := 0
	for i := 0; ; i++ {
		more, hit := false, false
		for _, s := range series {
			if i < len(s) {
				more = true
				hit = hit || s[i].Suppressed
			}
		}
		if !more {
			return n
		}
		if hit {
			n++
		}
	}
}

// sentence joins clauses with "; ", capitalises the first letter and ends
// with a full stop. Empty clauses are dropped.
func sentence(clauses ...string) string {
	var kept []string
	for _, c := range clauses {
		if c != "" {
			kept = append(kept, c)
		}
	}
	s := strings.Join(kept, "; ")
	if s == "" {
		return ""
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:] + "."
}

// alt joins the sentences of a text alternative.
func alt(sentences ...string) string {
	var kept []string
	for _, s := range sentences {
		if s != "" {
			kept = append(kept, s)
		}
	}
	return strings.Join(kept, " ")
}

// list joins items as "a, b and c".
func list(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// were is "none were", "1 was" or "12 were", with the number as
// FormatValue writes it.
func were(f indicators.Figure) string {
	switch wholeOf(f.Value) {
	case 0:
		return "none were"
	case 1:
		return "1 was"
	}
	return FormatValue(f) + " were"
}
