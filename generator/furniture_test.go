package generator

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every page the public reads carries the furniture a council page must
// have: when it was published, how current its data is, who to contact,
// and its accessibility statement, made from config.toml.
func TestFurniture(t *testing.T) {
	out := buildSample(t, false)
	pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
	for _, p := range pages {
		name := filepath.Base(p)
		if name == "print.html" {
			continue // paper has its own cover
		}
		b, _ := os.ReadFile(p)
		page := string(b)
		for _, want := range []string{
			// config.toml: published = "2025-07-16", data_extracted = "2025-04-30".
			`Published <time datetime="2025-07-16">16 July 2025</time>. Figures from data extracted on <time datetime="2025-04-30">30 April 2025</time>.`,
			`<li>Email <a href="mailto:adoption@northmoor.example">adoption@northmoor.example</a></li>`,
			`<li>Telephone 01632 960000</li>`,
			`<a href="accessibility.html">Accessibility statement</a>`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
	}
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	for _, want := range []string{
		`<dt>Published</dt><dd><time datetime="2025-07-16">16 July 2025</time></dd>`,
		`<dt>Data extracted</dt><dd><time datetime="2025-04-30">30 April 2025</time></dd>`,
	} {
		if !strings.Contains(string(index), want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	stmt, err := os.ReadFile(filepath.Join(out, "accessibility.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"<h1>Accessibility statement</h1>",
		"Annual Adoption Report 2024-25 of Northmoor Borough Council",
		"This website is partially compliant",
		"<li>The charts are pictures drawn in the browser",
		`<li>email <a href="mailto:adoption@northmoor.example">adoption@northmoor.example</a></li>`,
		`This statement was prepared on <time datetime="2025-07-16">16 July 2025</time>.`,
		"Equality Advisory and Support Service",
	} {
		if !strings.Contains(string(stmt), want) {
			t.Errorf("accessibility.html lacks %q", want)
		}
	}
}

// The statement follows [accessibility]; and a publish build without the
// dates or a contact warns, naming each setting.
func TestFurnitureFromConfig(t *testing.T) {
	dir := newProject(t)
	write(t, dir, "config.toml", `title = "Annual Adoption Report 2024-25"
council = "Fenwick District Council"
raa = "Fen Adoption"
report_year = "2024-25"

[accessibility]
compliance = "full"
issues = []
email = "access@fenwick.example"
prepared = "2025-06-30"
tested = "The site was last tested on 20 June 2025."
`)
	res, err := Build(context.Background(), Options{Source: dir})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Problems.Error())
	}
	got := res.Problems.Error()
	for _, want := range []string{
		"config.toml: published: not set: a published report should give the day the report is published",
		"config.toml: data_extracted: not set:",
		"config.toml: contact: not set:",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	stmt, _ := os.ReadFile(filepath.Join(dir, "output", "accessibility.html"))
	for _, want := range []string{
		"Annual Adoption Report 2024-25 of Fenwick District Council",
		"This website is fully compliant",
		`<li>email <a href="mailto:access@fenwick.example">access@fenwick.example</a></li>`,
		`This statement was prepared on <time datetime="2025-06-30">30 June 2025</time>. The site was last tested on 20 June 2025.`,
	} {
		if !strings.Contains(string(stmt), want) {
			t.Errorf("accessibility.html lacks %q", want)
		}
	}
	if strings.Contains(string(stmt), "What is not accessible") {
		t.Error("a fully compliant statement lists problems")
	}
	index, _ := os.ReadFile(filepath.Join(dir, "output", "index.html"))
	if strings.Contains(string(index), `class="dates"`) || strings.Contains(string(index), `class="contact"`) {
		t.Error("index.html shows dates or a contact that config.toml does not give")
	}
	// A draft is for officers: no warnings about what only the public needs.
	res, err = Build(context.Background(), Options{Source: dir, Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(res.Problems.Error(), "not set") {
		t.Errorf("a draft build warns about published furniture:\n%s", res.Problems.Error())
	}
}
