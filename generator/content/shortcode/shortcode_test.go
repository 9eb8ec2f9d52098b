package shortcode

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
)

type fakeResolver struct{}

func (fakeResolver) Resolve(sc Shortcode) (string, error) {
	switch {
	case sc.Name == "metric" && len(sc.Args) > 0 && sc.Args[0] == "a1":
		return "<b>412 days</b>", nil
	case sc.Name == "chart" && sc.Block:
		return fmt.Sprintf(`<figure id="%s"></figure>`, sc.Args[0]), nil
	case sc.Name == "chart":
		return "", errors.New("put a chart on a line of its own")
	}
	return "", errors.New("unknown")
}

// render converts src as package content does: parse, Check, render.
func render(t *testing.T, src string) (string, []*Error) {
	t.Helper()
	var errs []*Error
	md := goldmark.New(goldmark.WithExtensions(Extension{Resolver: fakeResolver{}, Errors: &errs}))
	doc := md.Parser().Parse(text.NewReader([]byte(src)))
	broken := Check(doc)
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, []byte(src), doc); err != nil {
		t.Fatal(err)
	}
	return buf.String(), append(broken, errs...)
}

func TestRender(t *testing.T) {
	tests := []struct {
		name, src, want string
		errs            []string
	}{
		{"inline metric", "A1 was {{< metric a1 2022-25 >}} this year.\n",
			"<p>A1 was <b>412 days</b> this year.</p>\n", nil},
		{"block chart", "Text.\n\n{{< chart timeliness >}}\n\nMore.\n",
			"<p>Text.</p>\n<figure id=\"timeliness\"></figure>\n<p>More.</p>\n", nil},
		{"block chart interrupts a paragraph", "Text.\n{{< chart timeliness >}}\n",
			"<p>Text.</p>\n<figure id=\"timeliness\"></figure>\n", nil},
		{"chart at end without newline", "{{< chart x >}}", "<figure id=\"x\"></figure>\n", nil},
		{"chart inside a sentence", "See {{< chart x >}} here.\n",
			"<p>See {{&lt; chart x &gt;}} here.</p>\n", []string{"{{< chart x >}}: put a chart on a line of its own"}},
		{"unknown shortcode", "{{< metric zz >}} and {{< nope >}}\n",
			"<p>{{&lt; metric zz &gt;}} and {{&lt; nope &gt;}}</p>\n",
			[]string{"{{< metric zz >}}: unknown", "{{< nope >}}: unknown"}},
		{"braces without a word stay", "Braces { like this } and {{ }} and {{1}} stay.\n", "<p>Braces { like this } and {{ }} and {{1}} stay.</p>\n", nil},
		{"a shortcode in code is text", "Write `{{< metric a1 >}}` or `{{< metric a1`.\n\n```\n{{ metric a1 }}\n```\n",
			"<p>Write <code>{{&lt; metric a1 &gt;}}</code> or <code>{{&lt; metric a1</code>.</p>\n<pre><code>{{ metric a1 }}\n</code></pre>\n", nil},
		{"an escaped brace is text", "\\{{< metric a1 >}} and \\{{ metric a1 }}\n", "<p>{{&lt; metric a1 &gt;}} and {{ metric a1 }}</p>\n", nil},
		{"quoted argument", `{{< metric a1 "Statistical neighbours" >}}` + "\n", "<p><b>412 days</b></p>\n", nil},
		{"no spaces", "{{<metric a1>}}\n", "<p><b>412 days</b></p>\n", nil},
		{"a broken shortcode is text and an error", "Waited {{< metric a1 }} on average.\n",
			"<p>Waited {{&lt; metric a1 }} on average.</p>\n",
			[]string{"{{< metric a1 }}: a shortcode ends with >}}; did you mean {{< metric a1 >}}?"}},
		{"raw inline HTML is text", "Hi <img src=x onerror=alert(2)> there\n",
			"<p>Hi &lt;img src=x onerror=alert(2)&gt; there</p>\n", nil},
		{"raw HTML block is text", "<script>alert(1)</script>\n",
			"<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n", nil},
		{"javascript link dropped", "[x](javascript:alert(1))\n", "<p><a href=\"\">x</a></p>\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := render(t, tt.src)
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			var msgs []string
			for _, e := range errs {
				msgs = append(msgs, e.Error())
			}
			if strings.Join(msgs, "|") != strings.Join(tt.errs, "|") {
				t.Errorf("errors %q, want %q", msgs, tt.errs)
			}
		})
	}
}

func TestOffset(t *testing.T) {
	src := "Line one.\n\nThen {{< metric zz >}}\n\n{{< chart x >}}\n"
	_, errs := render(t, src)
	if len(errs) != 1 || errs[0].Shortcode.Offset != strings.Index(src, "{{< metric") {
		t.Fatalf("errors %v", errs)
	}
	var all []*Error
	md := goldmark.New(goldmark.WithExtensions(Extension{Resolver: offsets{}, Errors: &all}))
	md.Convert([]byte(src), &bytes.Buffer{})
	if len(all) != 2 || all[1].Shortcode.Offset != strings.Index(src, "{{< chart") {
		t.Fatalf("block offset: %v", all)
	}
}

type offsets struct{}

func (offsets) Resolve(Shortcode) (string, error) { return "", errors.New("x") }

// TestBroken: whatever starts like a shortcode and is not a valid one is
// an error at its opening braces, saying what was probably meant; none of
// these may reach a page silently as typed.
func TestBroken(t *testing.T) {
	tests := []struct {
		name, src string
		at        string // the text the error is at: its first occurrence in src
		msg       string
	}{
		{"unclosed, running on", "Waited {{< metric a1 on average, against 420 days.\n", "{{<",
			"{{< metric a1 on average, against 420…: the shortcode is not closed: end it with >}} on the same line; did you mean {{< metric a1 >}}?"},
		{"unclosed at the end of the line", "Waited {{< metric a1\n\nNext.\n", "{{<",
			"{{< metric a1: the shortcode is not closed: end it with >}} on the same line; did you mean {{< metric a1 >}}?"},
		{"one closing brace", "Waited {{< metric a1 >} days.\n", "{{<",
			"{{< metric a1 >} days.: the shortcode is not closed: end it with >}} on the same line; did you mean {{< metric a1 >}}?"},
		{"closed without >", "Waited {{< metric a1 }} days.\n", "{{<",
			"{{< metric a1 }}: a shortcode ends with >}}; did you mean {{< metric a1 >}}?"},
		{"closed with %", "Waited {{< metric a1 %}} days.\n", "{{<",
			"{{< metric a1 %}}: a shortcode ends with >}}; did you mean {{< metric a1 >}}?"},
		{"template braces", "Waited {{ metric a1 }} days.\n", "{{",
			"{{ metric a1 }}: a shortcode is written {{< name arguments >}} (to show braces as typed, put them in `backticks`); did you mean {{< metric a1 >}}?"},
		{"template braces, no spaces", "Waited {{metric a1}} days.\n", "{{",
			"{{metric a1}}: a shortcode is written {{< name arguments >}} (to show braces as typed, put them in `backticks`); did you mean {{< metric a1 >}}?"},
		{"Hugo's % shortcode", "Waited {{% metric a1 %}} days.\n", "{{%",
			"{{% metric a1 %}}: a shortcode is written with < and >, not %; did you mean {{< metric a1 >}}?"},
		{"split over lines", "Waited {{< metric\na1 2022-25 >}} on average.\n", "{{<",
			"{{< metric …: a shortcode must be on one line; did you mean {{< metric a1 2022-25 >}}?"},
		{"block split over lines", "Text.\n\n{{< chart\n   timeliness >}}\n", "{{<",
			"{{< chart …: a shortcode must be on one line; did you mean {{< chart timeliness >}}?"},
		{"split in a list item", "- Waited {{< metric a1\n  2022-25 >}}.\n", "{{<",
			"{{< metric a1 …: a shortcode must be on one line; did you mean {{< metric a1 2022-25 >}}?"},
		{"no name", "Waited {{< >}} days.\n", "{{<",
			"{{< >}}: the shortcode has no name: write e.g. {{< metric a1 >}}"},
		{"not a name", "Waited {{< 12 a1 >}} days.\n", "{{<",
			`{{< 12 a1 >}}: "12" is not a shortcode name: names are words such as metric or chart`},
		{"unclosed quote", `Waited {{< compare a1 "Statistical neighbours >}} days.` + "\n", "{{<",
			`{{< compare a1 "Statistical neighbours >}}: a " is not closed; did you mean {{< compare a1 "Statistical neighbours" >}}?`},
		{"a broken one before a good one", "A {{< metric a1 and {{< metric a1 >}}.\n", "{{<",
			"{{< metric a1 and: the shortcode is not closed: end it with >}} on the same line; did you mean {{< metric a1 >}}?"},
		{"in a table cell", "| a |\n|---|\n| {{ metric a1 }} |\n", "{{",
			"{{ metric a1 }}: a shortcode is written {{< name arguments >}} (to show braces as typed, put them in `backticks`); did you mean {{< metric a1 >}}?"},
		{"in a footnote", "Text[^1].\n\n[^1]: From {{< metric a1 }}.\n", "{{<",
			"{{< metric a1 }}: a shortcode ends with >}}; did you mean {{< metric a1 >}}?"},
		{"in a heading", "## Waiting {{% metric waiting %}}\n", "{{%",
			"{{% metric waiting %}}: a shortcode is written with < and >, not %; did you mean {{< metric waiting >}}?"},
		{"in a link's text", "[{{< metric a1 }}](u)\n", "{{<",
			"{{< metric a1 }}: a shortcode ends with >}}; did you mean {{< metric a1 >}}?"},
		{"in an image's text", "![{{< metric a1 }}](u.png)\n", "{{<",
			"{{< metric a1 }}: a shortcode ends with >}}; did you mean {{< metric a1 >}}?"},
		{"a valid one in an image's text", "![Waited {{< metric a1 >}}](u.png)\n", "{{<",
			"{{< metric a1 >}}: a shortcode cannot go in an image's description: give the figure in the text beside the image"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs := render(t, tt.src)
			if len(errs) != 1 {
				t.Fatalf("%d errors, want 1: %v", len(errs), errs)
			}
			if got := errs[0].Error(); got != tt.msg {
				t.Errorf("error\n got %s\nwant %s", got, tt.msg)
			}
			if got, want := errs[0].Shortcode.Offset, strings.Index(tt.src, tt.at); got != want {
				t.Errorf("offset %d, want %d", got, want)
			}
			if strings.Contains(out, "<b>") && !strings.Contains(tt.name, "good") {
				t.Errorf("a broken shortcode was resolved: %q", out)
			}
		})
	}
}

// TestBrokenIsEscaped: a broken shortcode shows as text, escaped, however
// hostile what it holds.
func TestBrokenIsEscaped(t *testing.T) {
	out, errs := render(t, "{{< metric <script>alert(1)</script> }}\n\n{{ x <img src=x onerror=alert(2)> }}\n")
	if len(errs) != 2 {
		t.Errorf("%d errors, want 2", len(errs))
	}
	if strings.Contains(out, "<script") || strings.Contains(out, "<img") {
		t.Errorf("markup got through: %q", out)
	}
}

// FuzzShortcodes: any text either parses or is an error, offsets point at
// an opening brace, and no markup from the text gets through.
func FuzzShortcodes(f *testing.F) {
	for _, s := range []string{
		"{{< metric a1 >}}", "{{< metric a1", "{{ metric a1 }}", "{{% metric a1 %}}",
		"x {{< metric\na1 >}}", "{{< chart x >}}\n", "`{{< a`", "{{< a \"b c\" >}}", "{{<{{<>}}>}}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var errs []*Error
		md := goldmark.New(goldmark.WithExtensions(Extension{Resolver: fakeResolver{}, Errors: &errs}))
		doc := md.Parser().Parse(text.NewReader([]byte(src)))
		for _, e := range Check(doc) {
			if o := e.Shortcode.Offset; o < 0 || o+1 >= len(src) || src[o:o+2] != "{{" {
				t.Errorf("error at offset %d of %q: %v", o, src, e)
			}
		}
		var buf bytes.Buffer
		if err := md.Renderer().Render(&buf, []byte(src), doc); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(buf.String(), "<script") {
			t.Errorf("script got through: %q", buf.String())
		}
	})
}
