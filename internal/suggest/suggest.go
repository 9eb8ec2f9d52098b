// Package suggest finds the name a person probably meant when they wrote
// one the program does not know: a config.toml setting, a front-matter
// key, a CSV column heading, an indicator or chart ID. Config, content
// and data all ask it, so a near miss gets the same "did you mean"
// wherever it is made.
package suggest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// most is how many equally near names Suggest offers: more than this is
// a list, not a suggestion.
const most = 3

// Suggest returns the names in valid that word is most likely a slip
// for, joined with " or " ("a1 or a2"), or "" when none is close.
//
// A name that differs only in case wins outright ("REPORT_YEAR"), then
// one that differs only in spaces and punctuation ("Child ID" and
// "child-id" for child_id: spreadsheet headings are written that way).
// Otherwise the nearest names within an edit distance of 2, ignoring
// case, count, provided the distance is shorter than word itself (so
// "x" does not suggest every two-letter name).
func Suggest(word string, valid []string) string {
	for _, v := range valid {
		if strings.EqualFold(word, v) {
			return v
		}
	}
	if sw := squash(word); sw != "" {
		for _, v := range valid {
			if squash(v) == sw {
				return v
			}
		}
	}
	lw := strings.ToLower(word)
	n := utf8.RuneCountInString(lw)
	best, names := 3, []string(nil) // 3: nothing within reach yet
	for _, v := range valid {
		lv := strings.ToLower(v)
		if abs(n-utf8.RuneCountInString(lv)) > 2 {
			// At least that many edits apart: spare the quadratic
			// distance, which a pasted paragraph would make slow.
			continue
		}
		d := Levenshtein(lw, lv)
		switch {
		case d > 2:
		case d < best:
			best, names = d, []string{v}
		case d == best:
			names = append(names, v)
		}
	}
	if names == nil || best >= utf8.RuneCountInString(word) {
		return ""
	}
	if len(names) > most {
		names = names[:most]
	}
	return strings.Join(names, " or ")
}

// squash keeps only letters and digits, in lower case, so "Child ID",
// "child-id" and "ChildID" all compare equal to child_id.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// Levenshtein returns the number of single-character insertions,
// deletions and substitutions that turn a into b, counted in runes.
func Levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
