package content

import (
	"testing"
)

var testGlossary = &Glossary{
	Terms: []Term{
		{ID: "a1", Names: []string{"A1"}},
		{ID: "a10", Names: []string{"A10"}},
		{ID: "raa", Names: []string{"RAA", "regional adoption agency"}},
		{ID: "early-permanence", Names: []string{"early permanence"}},
		{ID: "interagency", Names: []string{"interagency", "inter-agency"}},
		{ID: "support", Names: []string{"adoption support"}},
		{ID: "fund", Names: []string{"Adoption Support Fund"}},
	},
	Mark: func(id string) (string, string) { return "<" + id + ">", "</" + id + ">" },
}

// The first use of each term on a page is marked, and only the first;
// whole words only, acronyms in their own case, phrases in any; never in
// a heading, a link or code; line breaks and the text around the term
// kept as they were.
func TestGlossaryMarksFirstUse(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"first use only", "A1 fell. A1 fell again.",
			"<p><a1>A1</a1> fell. A1 fell again.</p>\n"},
		{"whole words", "A10 is not A1; xA1 and A1x are not A1 either.",
			"<p><a10>A10</a10> is not <a1>A1</a1>; xA1 and A1x are not A1 either.</p>\n"},
		{"acronyms as written", "the raa and the RAA",
			"<p>the raa and the <raa>RAA</raa></p>\n"},
		{"phrases in any case", "Early permanence, then early permanence.",
			"<p><early-permanence>Early permanence</early-permanence>, then early permanence.</p>\n"},
		{"either name, once", "The regional adoption agency (RAA) pays.",
			"<p>The <raa>regional adoption agency</raa> (RAA) pays.</p>\n"},
		{"longest at the same place", "The Adoption Support Fund, and adoption support.",
			"<p>The <fund>Adoption Support Fund</fund>, and <support>adoption support</support>.</p>\n"},
		{"across a line break", "We used\ninteragency placements\nand inter-agency fees.",
			"<p>We used\n<interagency>interagency</interagency> placements\nand inter-agency fees.</p>\n"},
		{"term ends the line", "early permanence\nworks.",
			"<p><early-permanence>early permanence</early-permanence>\nworks.</p>\n"},
		{"after a curly quote", "the ‘A1’ figure",
			"<p>the ‘<a1>A1</a1>’ figure</p>\n"},
		{"not in headings, links or code", "## A1\n\n[A1](https://example.org) `A1` and **A1**\n",
			"<h2>A1</h2>\n<p><a href=\"https://example.org\">A1</a> <code>A1</code> and <strong><a1>A1</a1></strong></p>\n"},
		{"in a table", "| A1 | RAA |\n|---|---|\n| A1 | x |\n",
			"<table>\n<thead>\n<tr>\n<th><a1>A1</a1></th>\n<th><raa>RAA</raa></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>A1</td>\n<td>x</td>\n</tr>\n</tbody>\n</table>\n"},
		{"escaped text", "A1 & <b>RAA</b>",
			"<p><a1>A1</a1> &amp; &lt;b&gt;<raa>RAA</raa>&lt;/b&gt;</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, probs := Render(Page{File: "content/x.md", Slug: "x", Body: []byte(tt.src), BodyLine: 1}, echo{}, testGlossary)
			if len(probs) > 0 {
				t.Fatalf("problems: %q", strs(probs))
			}
			if string(out) != tt.want {
				t.Errorf("got\n%q\nwant\n%q", out, tt.want)
			}
		})
	}
}
