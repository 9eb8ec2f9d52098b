package content

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/adoptionreport/adoptionreport/generator/content/shortcode"
)

// echo resolves every shortcode to its name and arguments in brackets, so
// a test sees exactly what the shortcode parser read.
type echo struct{}

func (echo) Resolve(sc shortcode.Shortcode) (string, error) {
	if sc.Name == "fail" {
		return "", errors.New("no such figure")
	}
	return "[" + sc.Name + "|" + strings.Join(sc.Args, "|") + "]", nil
}

func renderPage(t *testing.T, slug, body string) string {
	t.Helper()
	out, probs := Render(Page{File: "content/" + slug + ".md", Slug: slug, Body: []byte(body), BodyLine: 4}, echo{}, nil)
	if len(probs) > 0 {
		t.Fatalf("unexpected problems: %q", strs(probs))
	}
	return string(out)
}

// TestMarkdown pins what the report's Markdown makes of each extension it
// configures, so a change of goldmark or of the configuration shows here.
func TestMarkdown(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"table with alignment", "| Year | Days |\n|:--|--:|\n| 2024-25 | 412 |\n",
			"<table>\n<thead>\n<tr>\n<th style=\"text-align:left\">Year</th>\n<th style=\"text-align:right\">Days</th>\n</tr>\n</thead>\n" +
				"<tbody>\n<tr>\n<td style=\"text-align:left\">2024-25</td>\n<td style=\"text-align:right\">412</td>\n</tr>\n</tbody>\n</table>\n"},
		{"strikethrough", "~~old~~ new\n", "<p><del>old</del> new</p>\n"},
		{"footnote, prefixed with the page's slug", "Text[^1].\n\n[^1]: Note.\n",
			"<p>Text<sup id=\"children-fnref:1\"><a href=\"#children-fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup>.</p>\n" +
				"<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"children-fn:1\">\n" +
				"<p>Note.&#160;<a href=\"#children-fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>\n"},
		{"curly quotes and apostrophes", `The panel's "view" and the courts' 'ruling'.` + "\n",
			"<p>The panel’s “view” and the courts’ ‘ruling’.</p>\n"},
		{"dashes and ellipsis", "2022 -- 2025 --- and so on...\n", "<p>2022 – 2025 — and so on…</p>\n"},
		{"angle quotes left alone", "a << b >> c\n", "<p>a &lt;&lt; b &gt;&gt; c</p>\n"},
		{"hyphens left alone", "2024-25 and well-known\n", "<p>2024-25 and well-known</p>\n"},
		{"code is not typographed", "`\"x\" -- y`\n\n```\n'a' --- b\n```\n",
			"<p><code>&quot;x&quot; -- y</code></p>\n<pre><code>'a' --- b\n</code></pre>\n"},
		{"a shortcode's quoted argument is not typographed", `"Quoted" {{< metric a1 "Statistical neighbours" >}}` + "\n",
			"<p>“Quoted” [metric|a1|Statistical neighbours]</p>\n"},
		{"shortcode in a table cell", "| a |\n|---|\n| {{< metric a1 >}} |\n",
			"<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>[metric|a1]</td>\n</tr>\n</tbody>\n</table>\n"},
		{"raw HTML is text", "<b>x</b> and <script>y</script>\n", "<p>&lt;b&gt;x&lt;/b&gt; and &lt;script&gt;y&lt;/script&gt;</p>\n"},
		{"no automatic links", "See www.example.com.\n", "<p>See www.example.com.</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := renderPage(t, "children", tt.src); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestFootnoteIDsPerPage: the print edition joins every page into one
// document, so two pages' footnotes must not share an id.
func TestFootnoteIDsPerPage(t *testing.T) {
	src := "A[^1] and B[^n].\n\n[^1]: One.\n[^n]: Two.\n"
	joined := renderPage(t, "children", src) + renderPage(t, "adopters", src)
	ids := map[string]int{}
	for _, part := range strings.Split(joined, `id="`)[1:] {
		ids[part[:strings.IndexByte(part, '"')]]++
	}
	if len(ids) != 8 {
		t.Errorf("want 8 ids (2 notes and 2 references on each of 2 pages), got %v", ids)
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q appears %d times in the joined pages", id, n)
		}
	}
}

// TestSameAsGoldmark: the report's own parsers and renderers (shortcodes,
// raw HTML as text) must not change what goldmark's extensions make of
// Markdown that holds neither.
func TestSameAsGoldmark(t *testing.T) {
	plain := goldmark.New(goldmark.WithExtensions(
		extension.Table, extension.Strikethrough,
		extension.NewFootnote(extension.WithFootnoteIDPrefix("p-")),
		typographer,
	))
	for _, src := range []string{
		"| a | b |\n|:-:|---|\n| `x \\| y` | ~~z~~ |\n",
		"a | b\n- | -\n1 | 2\n",
		"Ref[^a], again[^a].\n\n[^a]: Repeated, with \"quotes\" -- and a dash.\n",
		"> quote[^q]\n>\n> [^q]: def in quote\n",
		"- item[^1]\n- ~~struck~~ 'single'\n\n[^1]: a\n",
		"# Heading with 'quotes'\n\nText {braces} and {{ }} and { {< and } }.\n",
		"[link](http://example.com \"title\") ![img](i.png)\n",
		"Unused.\n\n[^u]: Never referenced.\n",
	} {
		var want bytes.Buffer
		if err := plain.Convert([]byte(src), &want); err != nil {
			t.Fatal(err)
		}
		if got := renderPage(t, "p", src); got != want.String() {
			t.Errorf("input %q:\n got: %q\nwant: %q", src, got, want.String())
		}
	}
}

func TestPlaceholders(t *testing.T) {
	html := []byte("<p>a</p>" + Placeholder(0) + "<p>b</p>" + Placeholder(12) + Placeholder(1))
	var got []string
	err := Expand(html, func(b []byte) { got = append(got, string(b)) }, func(n int) error {
		got = append(got, "#"+string(rune('0'+n%10))+string(rune('0'+n/10)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := "<p>a</p> #00 <p>b</p> #21 #10"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
	for _, bad := range []string{"a\x00", "a\x00x\x00", "\x00-1\x00"} {
		if err := Expand([]byte(bad), func([]byte) {}, func(int) error { return nil }); err == nil {
			t.Errorf("Expand(%q) accepted a NUL that is no placeholder", bad)
		}
	}
}

// TestPageTextMakesNoPlaceholder: a NUL typed (or pasted) into a page
// must not reach the HTML, where it would be taken for a placeholder.
func TestPageTextMakesNoPlaceholder(t *testing.T) {
	out := renderPage(t, "p", "a\x000\x00b `c\x001\x00`\n\n```\n\x002\x00\n```\n")
	if strings.IndexByte(out, 0) >= 0 {
		t.Errorf("NUL in the HTML: %q", out)
	}
	holes := 0
	if err := Expand([]byte(out), func([]byte) {}, func(int) error { holes++; return nil }); err != nil || holes != 0 {
		t.Errorf("Expand found %d holes, err %v", holes, err)
	}
}

// TestRenderProblems: problems from Render are at FILE:LINE:COL of the
// page's file, columns in characters.
func TestRenderProblems(t *testing.T) {
	p := Page{File: "content/children.md", Slug: "children", BodyLine: 5,
		Body: []byte("Intro.\n\nÉté {{< fail a1 >}} and {{< metric a1 }}.\n")}
	_, probs := Render(p, echo{}, nil)
	want := []string{
		"content/children.md:7:5: fail: no such figure",
		"content/children.md:7:25: {{< metric a1 }}: a shortcode ends with >}}; did you mean {{< metric a1 >}}?",
	}
	if got := strs(probs); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems\n got %q\nwant %q", got, want)
	}
}
