// Package content reads the report's Markdown pages: TOML front matter
// between +++ lines, then the text, which Render turns into HTML with the
// report's shortcodes (package shortcode).
//
// Front matter is strict, like config.toml: a setting the page cannot
// have, or a value of the wrong type, is an error at its line and column
// in the page's file ("content/children.md:3:1: titel: unknown setting
// (did you mean title?)"), not at a line counted from the +++.
//
// Placeholders: a Resolver may return Placeholder(n) for a shortcode whose
// HTML the caller fills in later (the site puts each chart there, once for
// the screen and once for the print edition), and Expand finds them in
// Render's HTML again. The rule that makes this safe lives here: Render's
// HTML holds a NUL byte only inside a placeholder, because Render replaces
// every NUL of the page's text with U+FFFD before converting it, as
// CommonMark requires. So no page text can be mistaken for a placeholder.
package content

import (
	"bytes"
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/internal/tomlstrict"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// Page is one content file.
type Page struct {
	File     string // path as given, e.g. "content/summary.md"
	Slug     string // the file name without .md, e.g. "summary": the page's address, [a-z0-9-] only
	Title    string
	Weight   int
	Author   string
	Summary  string
	Draft    bool
	Body     []byte // Markdown after the closing +++, with line ends as \n
	BodyLine int    // line number in the file of Body's first line, for locating problems
	// Broken is set on a page whose file has errors: it is not published,
	// but what of its text could be read is still checked against the
	// figures, so that one round of fixes finds every mistake.
	Broken bool
}

// frontMatter is every setting a page may have.
type frontMatter struct {
	Title   string `toml:"title"`
	Weight  int    `toml:"weight"`
	Author  string `toml:"author"`
	Summary string `toml:"summary"`
	Draft   bool   `toml:"draft"`
}

// fence opens and closes the front matter, as in Hugo.
const fence = "+++"

// example is what a page's front matter looks like, for messages.
const example = `+++ on the first line, then title = "Page title" on the next, then +++ on a line of its own`

// Parse reads one content file: its front matter, strictly, and its
// Markdown body. name is the file's path, used for the page's slug and in
// problems. A byte-order mark and Windows line ends are accepted, and
// blank lines before the opening +++ are skipped.
//
// The Page holds what could be read even when there are problems.
func Parse(name string, data []byte) (Page, problem.List) {
	var probs problem.List
	p := Page{File: name}
	slug, err := Slug(name)
	if err != nil {
		probs.Errorf(name, 0, 0, "", "%v", err)
	}
	p.Slug = slug

	lines := bytes.SplitAfter(bytes.TrimPrefix(data, []byte("\uFEFF")), []byte("\n"))
	start := 0
	for start < len(lines) && len(bytes.TrimSpace(lines[start])) == 0 {
		start++
	}
	if start == len(lines) {
		probs.Errorf(name, 0, 0, "", "the file is empty: a page starts with its settings, %s", example)
		return p, probs
	}
	// Every problem of a file is reported at once: where the text after a
	// bad front matter can be found, its shortcodes are checked too.
	switch first := string(bytes.TrimSpace(lines[start])); {
	case first == "---":
		probs.Errorf(name, start+1, 1, "", "front matter must be TOML between +++ lines, not YAML between --- lines: write %s", example)
		if end := closing(lines, start, "---"); end >= 0 {
			p.setBody(lines, end+1)
			probs = append(probs, check(p)...)
		}
		return p, probs
	case first != fence:
		probs.Errorf(name, start+1, 1, "", "no front matter: start the page with its settings, %s", example)
		p.setBody(lines, start)
		probs = append(probs, check(p)...)
		return p, probs
	}
	end := closing(lines, start, fence)
	if end < 0 {
		probs.Errorf(name, start+1, 1, "", "the front matter opened here is never closed: add a line +++ after its last setting")
		return p, probs
	}

	// Line i (0-based) of lines is line i+1 of the file, and the front
	// matter's first line is lines[start+1]: so its line n is the file's
	// line n + start + 1.
	var fm frontMatter
	doc, more := tomlstrict.Decode(name, start+1, bytes.Join(lines[start+1:end], nil), &fm)
	probs = append(probs, more...)
	if doc != nil {
		switch {
		case !doc.Has("title"):
			probs.Errorf(name, 0, 0, "title", `missing: every page needs a title; add a line such as title = "Children" between the +++ lines`)
		case strings.TrimSpace(fm.Title) == "":
			doc.Errorf(&probs, "title", `is empty: write the page's title, e.g. title = "Children"`)
		}
	}
	p.Title, p.Weight, p.Author, p.Summary, p.Draft = fm.Title, fm.Weight, fm.Author, fm.Summary, fm.Draft

	p.setBody(lines, end+1)
	probs = append(probs, check(p)...)
	return p, probs
}

// closing returns the index of the first line after lines[start] that is
// fence, or -1.
func closing(lines [][]byte, start int, fence string) int {
	for i := start + 1; i < len(lines); i++ {
		if string(bytes.TrimSpace(lines[i])) == fence {
			return i
		}
	}
	return -1
}

// setBody makes lines[from:] the page's Markdown.
func (p *Page) setBody(lines [][]byte, from int) {
	// Markdown renderers and shortcode offsets are simplest with one kind
	// of line end; replacing \r\n keeps every line where it was.
	p.Body = bytes.ReplaceAll(bytes.Join(lines[from:], nil), []byte("\r\n"), []byte("\n"))
	p.BodyLine = from + 1
}
