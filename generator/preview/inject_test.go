package preview

import (
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/problem"
)

func TestInsert(t *testing.T) {
	const ins = "[X]"
	tests := []struct {
		name, page, head, body string
	}{
		{"usual page",
			"<html><head><title>t</title></head><body class=\"draft\"><h1>h</h1></body></html>",
			"<html><head><title>t</title>[X]</head><body class=\"draft\"><h1>h</h1></body></html>",
			"<html><head><title>t</title></head><body class=\"draft\">[X]<h1>h</h1></body></html>"},
		{"upper case",
			"<HTML><HEAD></HEAD><BODY><P>p</BODY></HTML>",
			"<HTML><HEAD>[X]</HEAD><BODY><P>p</BODY></HTML>",
			"<HTML><HEAD></HEAD><BODY>[X]<P>p</BODY></HTML>"},
		{"no head",
			"<body><p>p</p></body>",
			"<body><p>p</p>[X]</body>",
			"<body>[X]<p>p</p></body>"},
		{"neither",
			"<p>p</p>",
			"<p>p</p>[X]",
			"<p>p</p>[X]"},
		{"> inside an attribute",
			`<body data-x="a>b"><p>p</p></body>`,
			`<body data-x="a>b"><p>p</p>[X]</body>`,
			`<body data-x="a>b">[X]<p>p</p></body>`},
		{"<bodyish> is not <body>",
			"<bodyish><body>\n<p>p</p></body>",
			"<bodyish><body>\n<p>p</p>[X]</body>",
			"<bodyish><body>[X]\n<p>p</p></body>"},
	}
	for _, tt := range tests {
		if got := string(insertBefore([]byte(tt.page), []byte(ins), "</head>", "</body>")); got != tt.head {
			t.Errorf("%s: insertBefore = %q, want %q", tt.name, got, tt.head)
		}
		if got := string(insertAfterBodyTag([]byte(tt.page), []byte(ins))); got != tt.body {
			t.Errorf("%s: insertAfterBodyTag = %q, want %q", tt.name, got, tt.body)
		}
	}
}

// TestPanelEscapes checks that the panel shows each problem in
// FILE:LINE:COL form with the user's text escaped: a CSV cell holding
// markup must not run in the reader's browser.
func TestPanelEscapes(t *testing.T) {
	fb := &fakeBuild{files: map[string]string{"index.html": page("Front page")}}
	s, _ := newFakeServer(t, fb)
	rebuild(t, s)
	var probs problem.List
	probs.Errorf("data/children.csv", 14, 10, "matched", "%q is not a date (write 2024-02-29 or 29/02/2024)", "<script>alert(1)</script>")
	probs.Warnf("data/children.csv", 22, 5, "ethnicity", "blank; the child is counted under \"Not known\"")
	fb.set(fb.files, probs)
	if out := rebuild(t, s); !out.Failed() {
		t.Fatal("the rebuild did not fail")
	}
	body := get(t, s.Handler(), "/").Body.String()
	for _, want := range []string{
		`role="alert"`,
		`data/children.csv:14:10: matched: &#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34; is not a date`,
		`data/children.csv:22:5: ethnicity: blank`,
		"1 error, 1 warning",
		`<link rel="stylesheet" href="/_preview/panel.css">`,
		"<h1>Front page</h1>",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page does not contain %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "<script>alert") {
		t.Errorf("the panel did not escape a problem message:\n%s", body)
	}
	if strings.Contains(body, "style=") || strings.Count(body, "<script") != 1 {
		t.Errorf("the preview added inline style or script, which the pages' CSP forbids:\n%s", body)
	}
}

// TestReloadScriptInjected checks the reload script is an external file,
// added to pages only.
func TestReloadScriptInjected(t *testing.T) {
	fb := &fakeBuild{files: map[string]string{"index.html": page("Front page"), "data/a.json": "{}"}}
	s, _ := newFakeServer(t, fb)
	rebuild(t, s)
	body := get(t, s.Handler(), "/").Body.String()
	want := `<script src="/_preview/reload.js" data-build="` + s.buildID(1) + `" defer></script></head>`
	if !strings.Contains(body, want) {
		t.Errorf("page does not contain %q:\n%s", want, body)
	}
	if strings.Contains(body, "adoptionreport-preview-problems") {
		t.Errorf("a good build shows the problem panel:\n%s", body)
	}
	if got := get(t, s.Handler(), "/data/a.json").Body.String(); got != "{}" {
		t.Errorf("a JSON file was changed on the way: %q", got)
	}
}
