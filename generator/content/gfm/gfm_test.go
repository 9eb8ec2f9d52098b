package gfm

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/extension/ast"
)

// The package's promise is HTML byte-identical to goldmark's own
// extensions, so every test here converts with both and compares.

func ours() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(
		Table{}, Strikethrough{}, Footnote{IDPrefix: "p-"},
	))
}

func goldmarks() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(
		extension.Table,
		extension.Strikethrough,
		extension.NewFootnote(extension.WithFootnoteIDPrefix("p-")),
	))
}

// convert returns md's HTML for src, or the panic it raised, so that an
// input on which goldmark itself panics is compared rather than fatal.
func convert(md goldmark.Markdown, src []byte) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprintf("panic: %v", r)
		}
	}()
	var buf bytes.Buffer
	if err := md.Convert(src, &buf); err != nil {
		return "error: " + err.Error()
	}
	return buf.String()
}

// seeds are the differential cases, and the fuzz test's seed corpus.
var seeds = []string{
	// Tables: alignments.
	"| a | b | c | d |\n|:--|--:|:-:|---|\n| 1 | 2 | 3 | 4 |\n",
	"a | b\n:- | -:\n1 | 2\n",
	"| a |\n| :---: |\n| x |\n",
	"|a|b|\n|:-|:-|\n|1|2|\n",
	"| a | b |\n| :--- | ---: |\n",
	"| a |\n|: --- |\n| x |\n",
	"| a |\n| :: |\n| x |\n",
	"| a |\n| : |\n",
	"| a |\n| -:- |\n",
	"| a | b |\n| --- |--- x|\n",
	"| a |\n|\t:---\t|\n| x |\n",
	"| a |\n| ---\v|\n| x |\n",
	"| a |\n| ---\f|\n| x |\n",
	"| a |\n| --- \r\n| x |\n",
	"a\n-\n",
	"a\n---\n",
	"a\n|---\n",
	"a\n---|\n",
	"|a\n|-\n",
	"a|\n-|\n",
	"| a |\n||\n",
	"| a | b |\n|---||\n",
	"    | a |\n    | - |\n",
	"   | a |\n   | - |\n   | x |\n",
	"| a |\n    | - |\n",
	// Escaped pipes, in and out of code spans.
	"| a | b |\n|---|---|\n| x \\| y | `p \\| q` |\n",
	"| `a \\| b \\| c` | d |\n|---|---|\n| `\\|` | `x\\|y` \\| z |\n",
	"| a |\n|---|\n| `` a \\| b `` |\n",
	"| a |\n|---|\n| ` \\|` `\\|` |\n",
	"| a |\n|---|\n| \\` \\| ` |\n",
	"| a | b |\n|---|---|\n| `x | y` |\n",
	"| a |\n|---|\n| *`\\|`* [`\\|`](u) |\n",
	"| `\\|` |\n|---|\n| `\\|` |\n| `a\\|b\\|c` |\n",
	"\\| a \\| b |\n|---|---|\n",
	"| a \\|\n|---|\n",
	// Inline markup in cells.
	"| *em* | **strong** | `code` |\n|---|---|---|\n| [link](http://x) | ![img](i.png) | ~~del~~ |\n",
	"| a <b> | &amp; |\n|---|---|\n| \\* | &#42; |\n",
	"| [a\n|---|\n| b] |\n",
	"[r]: http://example.com\n| a |\n|---|\n| [r] |\n",
	"| a |\n|---|\n| <http://x.y> |\n",
	// Ragged rows.
	"| a | b | c |\n|---|---|---|\n| 1 |\n| 1 | 2 | 3 | 4 | 5 |\n| |\n|\n",
	"| a | b |\n|---|---|\n1\n",
	"| a | b |\n|---|\n| 1 | 2 |\n",
	"| a |\n|---|---|\n",
	// No body; table after a paragraph line; pipes optional.
	"| a | b |\n|---|---|\n",
	"para line\n| a | b |\n|---|---|\n| 1 | 2 |\n",
	"line one\nline two\na | b\n--|--\n1 | 2\n\nafter\n",
	"a | b\n--|--\n1 | 2\n",
	"| a | b\n| - | -\n| 1 | 2\n",
	"a | b |\n- | - |\n1 | 2 |\n",
	"- | a\n- | -\n",
	"> | a |\n> |---|\n> | b |\n",
	"- | a |\n  |---|\n  | b |\n",
	"| a |\n|---|\n| b |\n\n| c |\n|---|\n",
	"| a |\n|---|\n| b |\n- list\n",
	"| a |\n|---|\n| b |\n# heading\n",
	"| a |\n|---|\n| b |\n    code\n",
	"| a |\n|---|\n| b |\n> quote\n",
	"| a |\n| b |\n|---|\n",
	"| a |\n|---|\n|---|\n",
	"|\n|-|\n",
	"||\n|-|\n",
	"| a |\n|-|\n| b\n| c |\n",
	"| a |  \n|---|  \n| b |  \n",
	"  | a |\n |---|\n| b |\n",
	"| é | 日本 |\n|:-:|--:|\n| ü | 語 |\n",
	"|a|\n|-|\n|\\|\\||\n",
	"| a |\n|---|\n| b |\n| [^1] |\n\n[^1]: note\n",
	// Strikethrough.
	"~~x~~ and ~y~\n",
	"~~~x~~~\n",
	"~~x~\n",
	"~x~~\n",
	"a ~~ b ~~ c\n",
	"~~*x*~~ *~~y~~* **~z~** ~~**w**~~\n",
	"~~a ~b~ c~~\n",
	"~~a *b~~ c*\n",
	"~~ x~~ ~~x ~~\n",
	"~~x\n",
	"x~~\n",
	"~\n",
	"~~\n",
	"a~b~c and a~~b~~c\n",
	"\\~~x~~ ~~x\\~~\n",
	"~~`code`~~ `~~x~~`\n",
	"~~[link](u)~~ [~~x~~](u)\n",
	"~~a\nb~~\n",
	"~~~\ncode\n~~~\n",
	"~~~~x~~~~\n",
	"~ ~x~ ~\n",
	"_~~x~~_\n",
	"~~x~~y ~~x~~. (~~x~~)\n",
	// Footnotes.
	"A[^1] and B[^2].\n\n[^1]: One.\n[^2]: Two.\n",
	"[^1]: One.\n\nRef after[^1].\n",
	"Ref[^a], again[^a], and once more[^a].\n\n[^a]: Repeated.\n",
	"Undefined[^nope] and [^] and [^ ].\n",
	"Text[^1].\n\n[^1]: First paragraph.\n\n    Second paragraph.\n\n        code in note\n\n    - list in note\n",
	"Text[^1].\n\n[^1]: Para.\n    continued lazily\nnot indented\n",
	"Unused.\n\n[^u]: Never referenced.\n",
	"[^u]: Only a definition.\n",
	"A[^2] B[^1].\n\n[^1]: one\n[^2]: two\n[^3]: unused\n",
	"- item[^1]\n- item[^2]\n\n[^1]: a\n[^2]: b\n",
	"1. x[^n]\n   [^n]: nested def\n",
	"> quote[^q]\n>\n> [^q]: def in quote\n",
	"| a | b |\n|---|---|\n| x[^1] | y[^1] |\n\n[^1]: in table\n",
	"![^1] and ![alt](img.png)\n\n[^1]: bang\n",
	"![^x]\n",
	"[^1][^1][^2]\n\n[^1]: a\n[^2]: b\n",
	"[^1]:\n\nref[^1]\n",
	"[^1]:    \n    indented body\n\nref[^1]\n",
	"ref[^long label with spaces]\n\n[^long label with spaces]: yes\n",
	"ref[^a\\]b]\n\n[^a\\]b]: escaped bracket\n",
	"ref[^a[b]\n\n[^a[b]: bracket\n",
	"ref[^A]\n\n[^a]: case\n",
	"ref[^1]\n\n[^1]: first\n[^1]: duplicate\n",
	"ref[^1]\n[^1]: interrupts paragraph\n",
	"[^1]: def\nlazy\n\nref[^1]\n",
	"   [^1]: indented three\n\nref[^1]\n",
	"    [^1]: indented four\n\nref[^1]\n",
	"ref[^1]\n\n[^1]: ends with code\n\n        code\n",
	"ref[^1]\n\n[^1]: > quote\n",
	"ref[^1]\n\n[^1]: - a\n    - b\n",
	"ref[^1]\n\n[^1]: # heading\n",
	"ref[^1] [link](u) [^1]: not a def\n\n[^1]: x\n",
	"[text][^1]\n\n[^1]: x\n",
	"[^1]\n\n[^1]: x\n[^2]: y[^2]\n",
	"a[^1]\n\n[^1]: b[^2]\n\n[^2]: c[^1]\n",
	"*emph[^1]*\n\n[^1]: ~~struck~~\n",
	"`[^1]`\n\n[^1]: x\n",
	"\\[^1]\n\n[^1]: x\n",
	"<span>[^1]</span>\n\n[^1]: x\n",
	"[^1]: a\n[^2]: b\n\n[^2] [^1] [^2]\n",
	"ref[^" + strings.Repeat("x", 1000) + "]\n\n[^" + strings.Repeat("x", 1000) + "]: long\n",
	"ref[^" + strings.Repeat("y", 998) + "]\n\n[^" + strings.Repeat("y", 998) + "]: long\n",
	// Everything together, and CRLF.
	"# Title\n\nIntro~~old~~ new[^n].\n\n| k | v |\n|:--|--:|\n| a | ~~1~~ |\n\n[^n]: Note with | pipe.\n",
	"| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n\r\nx[^1]\r\n\r\n[^1]: crlf\r\n",
	"",
	"\n",
	"|",
	"[^",
	"![",
	"~",
}

func TestSameAsGoldmark(t *testing.T) {
	a, b := ours(), goldmarks()
	for _, src := range seeds {
		got, want := convert(a, []byte(src)), convert(b, []byte(src))
		if got != want {
			t.Errorf("input %q:\n got: %q\nwant: %q", src, got, want)
		}
	}
	// All of them as one document, where definitions and references of
	// different seeds meet.
	all := []byte(strings.Join(seeds, "\n"))
	if got, want := convert(a, all), convert(b, all); got != want {
		t.Errorf("all seeds as one document:\n got: %q\nwant: %q", got, want)
	}
}

// TestSeedsExercise guards the differential test against passing by
// producing nothing: the seeds must actually make each construct.
func TestSeedsExercise(t *testing.T) {
	md := ours()
	var all string
	for _, src := range seeds {
		out := convert(md, []byte(src))
		if strings.HasPrefix(out, "panic: ") || strings.HasPrefix(out, "error: ") {
			t.Errorf("input %q: %s", src, out)
		}
		all += out
	}
	for _, want := range []string{
		`<th style="text-align:left">`, `<td style="text-align:right">`,
		`style="text-align:center"`, "<tbody>", "<del>",
		`<sup id="p-fnref1:`, `class="footnote-backref"`, `<li id="p-fn:`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no seed produces %s", want)
		}
	}
}

// TestColumnAlignment checks the string test against goldmark's four
// regexps on every short string of the characters that matter.
func TestColumnAlignment(t *testing.T) {
	res := []struct {
		re *regexp.Regexp
		a  ast.Alignment
	}{
		{regexp.MustCompile(`^\s*\:\-+\s*$`), ast.AlignLeft},
		{regexp.MustCompile(`^\s*\-+\:\s*$`), ast.AlignRight},
		{regexp.MustCompile(`^\s*\:\-+\:\s*$`), ast.AlignCenter},
		{regexp.MustCompile(`^\s*\-+\s*$`), ast.AlignNone},
	}
	alphabet := []byte(" \t\n\v\f\r-:|x")
	var try func(col []byte)
	try = func(col []byte) {
		want, wantOK := ast.Alignment(0), false
		for _, r := range res {
			if r.re.Match(col) {
				want, wantOK = r.a, true
				break
			}
		}
		got, ok := columnAlignment(col)
		if got != want || ok != wantOK {
			t.Errorf("columnAlignment(%q) = %v, %v; the regexps give %v, %v", col, got, ok, want, wantOK)
		}
		if len(col) < 5 {
			for _, c := range alphabet {
				try(append(col[:len(col):len(col)], c))
			}
		}
	}
	try(nil)
}

func FuzzSameAsGoldmark(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	a, b := ours(), goldmarks()
	f.Fuzz(func(t *testing.T, src string) {
		got, want := convert(a, []byte(src)), convert(b, []byte(src))
		if got != want {
			t.Errorf("input %q:\n got: %q\nwant: %q", src, got, want)
		}
	})
}
