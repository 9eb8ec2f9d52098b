package tomlstrict

import "testing"

func TestSuggest(t *testing.T) {
	keys := []string{"title", "council", "raa", "report_year", "history_years", "a1", "a2", "stage1", "stage2"}
	tests := []struct {
		word, want string
	}{
		{"reprot_year", "report_year"}, // transposition: 2 edits
		{"report_years", "report_year"},
		{"REPORT_YEAR", "report_year"}, // case alone, however many letters
		{"Title", "title"},
		{"counsil", "council"},
		{"ra", "raa"},
		{"a3", "a1 or a2"}, // ties are all offered
		{"stage", "stage1 or stage2"},
		{"x", ""},          // "a1" is 2 edits away, no shorter than the word itself
		{"ab", "a1 or a2"}, // 1 edit, shorter than the word; "raa" at 2 edits is not the nearest
		{"historyyears", "history_years"},
		{"colour", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.word, keys); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"reprot_year", "report_year", 2},
		{"é", "e", 1}, // runes, not bytes
		{"flaw", "lawn", 2},
	}
	for _, tt := range tests {
		if got := Levenshtein(tt.a, tt.b); got != tt.want {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
