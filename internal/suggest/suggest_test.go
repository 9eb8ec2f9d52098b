package suggest

import (
	"strings"
	"testing"
)

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
		// Spreadsheet headings: spaces and punctuation for underscores.
		{"History Years", "history_years"},
		{"report-year", "report_year"},
		{"Report Year ", "report_year"},
		{"__", ""},
		// Far longer than any name: no suggestion, and no slow distance.
		{strings.Repeat("report_year ", 10000), ""},
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

// The CSV headings and indicator IDs of the data files, as the dataset
// package asks about them.
func TestSuggestHeadings(t *testing.T) {
	columns := []string{"child_id", "sex", "date_of_birth", "entered_care", "should_be_placed", "a1", "a10", "a2"}
	tests := []struct {
		word, want string
	}{
		{"Child ID", "child_id"},
		{"ChildID", "child_id"},
		{"date_of_brith", "date_of_birth"},
		{"DOB", ""},
		{"a11", "a1 or a10"},
		{"Social worker", ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.word, columns); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
