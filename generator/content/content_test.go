package content

import (
	"reflect"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/problem"
)

func strs(l problem.List) []string {
	l.Sort()
	s := make([]string, len(l))
	for i, p := range l {
		s[i] = p.String()
	}
	return s
}

func TestParsePage(t *testing.T) {
	src := "\uFEFF+++\r\n" +
		"title   = \"Children\"\r\n" +
		"weight  = -20\r\n" +
		"author  = \"Head of Service, Permanence\"\r\n" +
		"summary = 'Who waited, and for how long.'\r\n" +
		"draft   = true\r\n" +
		"+++\r\n" +
		"## Timeliness\r\n" +
		"\r\n" +
		"Children waited {{< metric a1 >}}.\r\n"
	p, probs := Parse("content/children.md", []byte(src))
	if len(probs) > 0 {
		t.Fatalf("unexpected problems: %q", strs(probs))
	}
	want := Page{
		File: "content/children.md", Slug: "children", Title: "Children", Weight: -20,
		Author: "Head of Service, Permanence", Summary: "Who waited, and for how long.", Draft: true,
		Body:     []byte("## Timeliness\n\nChildren waited {{< metric a1 >}}.\n"),
		BodyLine: 8,
	}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("Parse gave\n%+v\nwant\n%+v", p, want)
	}
}

func TestParseBody(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		body     string
		bodyLine int
	}{
		{"no body", "+++\ntitle = \"A\"\n+++", "", 4},
		{"empty line after", "+++\ntitle = \"A\"\n+++\n", "", 4},
		{"blank lines first", "\n\n+++\ntitle = \"A\"\n+++\ntext\n", "text\n", 6},
		{"fence with spaces", "+++  \ntitle = \"A\"\n +++\ntext", "text", 4},
		{"+++ in the body stays", "+++\ntitle = \"A\"\n+++\na\n+++\n", "a\n+++\n", 4},
		{"empty front matter line", "+++\n\ntitle = \"A\"\n\n+++\nx\n", "x\n", 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, probs := Parse("content/a.md", []byte(tt.src))
			if len(probs) > 0 {
				t.Fatalf("unexpected problems: %q", strs(probs))
			}
			if string(p.Body) != tt.body || p.BodyLine != tt.bodyLine {
				t.Errorf("body %q at line %d, want %q at line %d", p.Body, p.BodyLine, tt.body, tt.bodyLine)
			}
		})
	}
}

func TestParseProblems(t *testing.T) {
	const ex = `+++ on the first line, then title = "Page title" on the next, then +++ on a line of its own`
	tests := []struct {
		name string
		file string
		src  string
		want []string
	}{
		{"unknown key, line in the file", "content/x.md", "+++\ntitle = \"X\"\nwieght = 10\n+++\n", []string{
			`content/x.md:3:1: wieght: unknown setting (did you mean weight?)`,
		}},
		{"unknown key after blank lines", "content/x.md", "\n\n+++\ntitle = \"X\"\n  authr = \"Me\"\n+++\n", []string{
			`content/x.md:5:3: authr: unknown setting (did you mean author?)`,
		}},
		{"unknown key, no near miss", "content/x.md", "+++\ntitle = \"X\"\ncategory = \"a\"\n+++\n", []string{
			`content/x.md:3:1: category: unknown setting (the settings here are title, weight, author, summary, draft)`,
		}},
		{"Hugo's date", "content/x.md", "+++\ntitle = \"X\"\ndate = 2025-01-01\n+++\n", []string{
			`content/x.md:3:1: date: unknown setting (the settings here are title, weight, author, summary, draft)`,
		}},
		{"misspelt title", "content/x.md", "+++\ntitel = \"X\"\n+++\n", []string{
			`content/x.md: title: missing: every page needs a title; add a line such as title = "Children" between the +++ lines`,
			`content/x.md:2:1: titel: unknown setting (did you mean title?)`,
		}},
		{"empty title", "content/x.md", "+++\ntitle = \"  \"\n+++\n", []string{
			`content/x.md:2:1: title: is empty: write the page's title, e.g. title = "Children"`,
		}},
		{"quoted weight", "content/x.md", "+++\ntitle = \"X\"\nweight = \"10\"\n+++\n", []string{
			`content/x.md:3:1: weight: must be a whole number, not the text "10": write weight = 10 (without quotes)`,
		}},
		{"decimal weight", "content/x.md", "+++\ntitle = \"X\"\nweight = 1.5\n+++\n", []string{
			`content/x.md:3:1: weight: must be a whole number, not the number 1.5: write weight = 1`,
		}},
		{"draft as text", "content/x.md", "+++\ntitle = \"X\"\ndraft = \"yes\"\n+++\n", []string{
			`content/x.md:3:1: draft: must be true or false, not the text "yes": write draft = true`,
		}},
		{"title as a number", "content/x.md", "+++\ntitle = 2024\n+++\n", []string{
			`content/x.md:2:1: title: must be text in double quotes, not the number 2024: write title = "2024"`,
		}},
		{"syntax error, line in the file", "content/x.md", "+++\ntitle = \"X\"\nauthor = Head of Service\n+++\n", []string{
			`content/x.md:3:10: expected value but found "Head" instead (text goes in double quotes: author = "…")`,
		}},
		{"syntax error with CRLF and BOM", "content/x.md", "\uFEFF+++\r\ntitle = \"X\r\n+++\r\n", []string{
			`content/x.md:2:11: strings cannot contain newlines (a closing " is missing: end the text with " on the same line)`,
		}},
		{"not closed", "content/x.md", "\n+++\ntitle = \"X\"\n\nSome text.\n", []string{
			`content/x.md:2:1: the front matter opened here is never closed: add a line +++ after its last setting`,
		}},
		{"no front matter", "content/x.md", "# Children\n\nText.\n", []string{
			`content/x.md:1:1: no front matter: start the page with its settings, ` + ex,
		}},
		{"YAML front matter", "content/x.md", "---\ntitle: X\n---\n", []string{
			`content/x.md:1:1: front matter must be TOML between +++ lines, not YAML between --- lines: write ` + ex,
		}},
		{"empty file", "content/x.md", " \n\n", []string{
			`content/x.md: the file is empty: a page starts with its settings, ` + ex,
		}},
		{"file name", "content/Über uns.md", "+++\ntitle = \"X\"\n+++\n", []string{
			`content/Über uns.md: the file name "Über uns.md" cannot be a web address because of the 'Ü': name the file with the letters a to z, digits and hyphens, e.g. content/uber-uns.md`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := Parse(tt.file, []byte(tt.src))
			if got := strs(probs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestParseShortcodeProblems: Parse finds every broken shortcode in a
// page's text, at its line and column in the file, even when the front
// matter has problems of its own, so one run shows all of a file's.
func TestParseShortcodeProblems(t *testing.T) {
	const fm = "+++\ntitle = \"X\"\n+++\n" // the text starts on line 4
	const mean = "; did you mean {{< metric a1 >}}?"
	tests := []struct {
		name, src string
		want      []string
	}{
		{"unclosed, running on", fm + "Waited {{< metric a1 on average.\n", []string{
			"content/x.md:4:8: {{< metric a1 on average.: the shortcode is not closed: end it with >}} on the same line" + mean,
		}},
		{"closed without >", fm + "Waited {{< metric a1 }} on average.\n", []string{
			"content/x.md:4:8: {{< metric a1 }}: a shortcode ends with >}}" + mean,
		}},
		{"template braces", fm + "\nWaited {{ metric a1 }}.\n", []string{
			"content/x.md:5:8: {{ metric a1 }}: a shortcode is written {{< name arguments >}} (to show braces as typed, put them in `backticks`)" + mean,
		}},
		{"Hugo's % shortcode", fm + "Waited {{% metric a1 %}}.\n", []string{
			"content/x.md:4:8: {{% metric a1 %}}: a shortcode is written with < and >, not %" + mean,
		}},
		{"split over lines", fm + "Waited on average {{< metric\na1 >}}.\n", []string{
			"content/x.md:4:19: {{< metric …: a shortcode must be on one line" + mean,
		}},
		{"columns in characters", fm + "Été, £ {{< metric a1 }}\n", []string{
			"content/x.md:4:8: {{< metric a1 }}: a shortcode ends with >}}" + mean,
		}},
		{"CRLF and a byte-order mark", "\uFEFF+++\r\ntitle = \"X\"\r\n+++\r\nA\r\n\r\nB {{< metric a1 }}\r\n", []string{
			"content/x.md:6:3: {{< metric a1 }}: a shortcode ends with >}}" + mean,
		}},
		{"documenting shortcodes is allowed", fm + "Write `{{< metric a1 >}}`, not `{{ metric a1 }}`:\n\n```\n{{< metric a1\n```\n\n    {{% metric a1 %}}\n", nil},
		{"every problem of the file at once", "+++\ntitle = \"X\"\nwieght = 1\n+++\nA {{< metric a1 }}.\n\nB {{ metric a1 }}.\n", []string{
			"content/x.md:3:1: wieght: unknown setting (did you mean weight?)",
			"content/x.md:5:3: {{< metric a1 }}: a shortcode ends with >}}" + mean,
			"content/x.md:7:3: {{ metric a1 }}: a shortcode is written {{< name arguments >}} (to show braces as typed, put them in `backticks`)" + mean,
		}},
		{"a front matter syntax error too", "+++\ntitle = X\n+++\nA {{< metric a1 }}.\n", []string{
			`content/x.md:2:9: expected value but found "X" instead (text goes in double quotes: title = "…")`,
			"content/x.md:4:3: {{< metric a1 }}: a shortcode ends with >}}" + mean,
		}},
		{"no front matter", "# Children\n\nA {{< metric a1 }}.\n", []string{
			`content/x.md:1:1: no front matter: start the page with its settings, +++ on the first line, then title = "Page title" on the next, then +++ on a line of its own`,
			"content/x.md:3:3: {{< metric a1 }}: a shortcode ends with >}}" + mean,
		}},
		{"YAML front matter", "---\ntitle: X\n---\nA {{< metric a1 }}.\n", []string{
			`content/x.md:1:1: front matter must be TOML between +++ lines, not YAML between --- lines: write +++ on the first line, then title = "Page title" on the next, then +++ on a line of its own`,
			"content/x.md:4:3: {{< metric a1 }}: a shortcode ends with >}}" + mean,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := Parse("content/x.md", []byte(tt.src))
			if got := strs(probs); !reflect.DeepEqual(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Errorf("problems\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestSlug(t *testing.T) {
	tests := []struct {
		file, want, err string
	}{
		{"content/summary.md", "summary", ""},
		{"summary.md", "summary", ""},
		{"content/Our Children.md", "our-children", ""},
		{"content/panel_chair.MD", "panel-chair", ""},
		{"content/2024-25.review.md", "2024-25-review", ""},
		{"content/_draft  notes-.md", "draft-notes", ""},
		{"content/a--b.md", "a-b", ""},
		{"content/café.md", "", `the file name "café.md" cannot be a web address because of the 'é': name the file with the letters a to z, digits and hyphens, e.g. content/cafe.md`},
		{"content/Q&A.md", "", `the file name "Q&A.md" cannot be a web address because of the '&': name the file with the letters a to z, digits and hyphens, e.g. content/q-a.md`},
		{"content/日本.md", "", `the file name "日本.md" cannot be a web address because of the '日': name the file with the letters a to z, digits and hyphens, e.g. content/summary.md`},
		{"content/_.md", "", `the file name "_.md" cannot be a web address: give it a name of letters and digits, e.g. content/summary.md`},
		{"content/.md", "", `the file name ".md" cannot be a web address: give it a name of letters and digits, e.g. content/summary.md`},
	}
	for _, tt := range tests {
		got, err := Slug(tt.file)
		var msg string
		if err != nil {
			msg = err.Error()
		}
		if got != tt.want || msg != tt.err {
			t.Errorf("Slug(%q) = %q, %q; want %q, %q", tt.file, got, msg, tt.want, tt.err)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"+++\ntitle = \"A\"\nweight = 1\n+++\nBody\n",
		"\uFEFF+++\r\ntitel = 1\r\n+++\r\n",
		"+++\ntitle = \"A\"\n",
		"---\ntitle: A\n---\n",
		"+++\nt = { a = [1, {b = 2}] }\n+++\n",
		"",
		"\n\n+++\n+++\n+++\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, probs := Parse("content/page.md", data)
		lines := strings.Count(string(data), "\n") + 1
		for _, q := range probs {
			if q.Line < 0 || q.Line > lines {
				t.Errorf("problem at line %d of a %d-line file: %v", q.Line, lines, q)
			}
		}
		if !probs.HasErrors() {
			if strings.TrimSpace(p.Title) == "" || p.BodyLine < 3 || p.BodyLine > lines+1 {
				t.Errorf("accepted a page with title %q and body at line %d of %d", p.Title, p.BodyLine, lines)
			}
			if strings.Contains(string(p.Body), "\r\n") {
				t.Errorf("body keeps \\r\\n")
			}
		}
	})
}
