package shortcode

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
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

func render(t *testing.T, src string) (string, []*Error) {
	t.Helper()
	var errs []*Error
	md := goldmark.New(goldmark.WithExtensions(Extension{Resolver: fakeResolver{}, Errors: &errs}))
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		t.Fatal(err)
	}
	return buf.String(), errs
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
		{"not a shortcode", "Braces {{ like this }} stay.\n", "<p>Braces {{ like this }} stay.</p>\n", nil},
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
