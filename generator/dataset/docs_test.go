package dataset

import (
	"os"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// The example files in the user documentation read without a problem,
// so the docs cannot drift from the loader.
func TestDocsExamples(t *testing.T) {
	md, err := os.ReadFile("../../docs/data.md")
	if err != nil {
		t.Fatal(err)
	}
	readers := map[string]func([]byte) problem.List{
		"child_id,":     func(b []byte) problem.List { _, p, _ := readChildren("children.csv", b, testLimits); return p },
		"household_id,": func(b []byte) problem.List { _, p, _ := readAdopters("adopters.csv", b, testLimits); return p },
		"year,":         func(b []byte) problem.List { _, p := readBudget("budget.csv", b, limits{}); return p },
		"indicator,":    func(b []byte) problem.List { _, p := readComparators("comparators.csv", b); return p },
	}
	blocks := strings.Split(string(md), "```csv\n")[1:]
	if len(blocks) != len(readers) {
		t.Fatalf("%d csv examples in docs/data.md, want one per file", len(blocks))
	}
	for _, b := range blocks {
		example, _, _ := strings.Cut(b, "```")
		read := func([]byte) problem.List { return problem.List{{Message: "no reader for this example"}} }
		for prefix, r := range readers {
			if strings.HasPrefix(example, prefix) {
				read = r
			}
		}
		if probs := read([]byte(example)); len(probs) != 0 {
			t.Errorf("example\n%s\nhas problems:\n%s", example, probs)
		}
	}
}
