package tomlstrict

import (
	"strings"
	"unicode/utf8"
)

// Suggest returns the names in valid that word is most likely a typo
// of, joined with " or " ("a1 or a2"), or "" when none is close. A
// name equal but for case wins outright; otherwise the nearest names
// within an edit distance of 2 count, provided the distance is shorter
// than word itself (so "x" does not suggest every two-letter name).
func Suggest(word string, valid []string) string {
	for _, v := range valid {
		if strings.EqualFold(word, v) {
			return v
		}
	}
	lw := strings.ToLower(word)
	best, names := 3, []string(nil) // 3: nothing within reach yet
	for _, v := range valid {
		d := Levenshtein(lw, strings.ToLower(v))
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
	const most = 3 // more than this is a list, not a suggestion
	if len(names) > most {
		names = names[:most]
	}
	return strings.Join(names, " or ")
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
