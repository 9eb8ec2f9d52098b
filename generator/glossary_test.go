package generator

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	glossaryLink  = regexp.MustCompile(`<a class="glossary-term" href="glossary.html#([^"]+)">([^<]*)</a>`)
	glossaryEntry = regexp.MustCompile(`<dt id="([^"]+)">`)
)

// The glossary page defines the report's terms, and each page links the
// first use of a term to its entry: once a page, to an entry that exists.
// The print edition has no such links: paper cannot follow them.
func TestGlossaryLinks(t *testing.T) {
	out := buildSample(t, false)
	g, err := os.ReadFile(filepath.Join(out, "glossary.html"))
	if err != nil {
		t.Fatal(err)
	}
	entries := map[string]bool{}
	for _, m := range glossaryEntry.FindAllSubmatch(g, -1) {
		entries[string(m[1])] = true
	}
	// The measures in number order, then the words alphabetically.
	order := strings.Join(strings.Fields(strings.Join(glossaryEntry.FindAllString(string(g), 5), " ")), " ")
	if want := `<dt id="a1"> <dt id="a2"> <dt id="a3"> <dt id="a10"> <dt id="support-fund">`; order != want {
		t.Errorf("glossary.html begins %s, want %s", order, want)
	}
	for _, id := range []string{"a1", "a2", "a10", "early-permanence", "interagency", "raa", "placement-order", "adoption-panel"} {
		if !entries[id] {
			t.Errorf("glossary.html has no entry %q", id)
		}
	}
	pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
	links := 0
	for _, p := range pages {
		name := filepath.Base(p)
		b, _ := os.ReadFile(p)
		found := glossaryLink.FindAllSubmatch(b, -1)
		if name == "print.html" {
			if len(found) > 0 {
				t.Errorf("print.html links %d terms to the web glossary", len(found))
			}
			continue
		}
		if !strings.Contains(string(b), `<a href="glossary.html">Glossary</a>`) {
			t.Errorf("%s does not link to the glossary", name)
		}
		seen := map[string]bool{}
		for _, m := range found {
			id := string(m[1])
			links++
			if !entries[id] {
				t.Errorf("%s links %q to glossary entry %q, which does not exist", name, m[2], id)
			}
			if seen[id] {
				t.Errorf("%s links %q to the glossary twice", name, id)
			}
			seen[id] = true
		}
	}
	// Hand-checked against the sample: the front page's key figures name
	// A1 and A2; the children page's text first says "early permanence"
	// in its second section, and "placement order" in the first.
	for _, c := range []struct{ page, want string }{
		{"index.html", `(<a class="glossary-term" href="glossary.html#a1">A1</a>, three years)`},
		{"index.html", `(<a class="glossary-term" href="glossary.html#a2">A2</a>, three years)`},
		{"children.html", `<a class="glossary-term" href="glossary.html#early-permanence">early permanence</a>`},
		{"children.html", `<a class="glossary-term" href="glossary.html#placement-order">placement order</a>`},
		{"finance.html", `<a class="glossary-term" href="glossary.html#interagency">interagency</a>`},
	} {
		b, _ := os.ReadFile(filepath.Join(out, c.page))
		if !strings.Contains(string(b), c.want) {
			t.Errorf("%s lacks %s", c.page, c.want)
		}
	}
	if links < 20 {
		t.Errorf("only %d glossary links in the sample", links)
	}
}
