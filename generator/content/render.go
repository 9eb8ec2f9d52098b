package content

import (
	"bytes"
	"unicode/utf8"

	"github.com/yuin/goldmark"

	"github.com/adoptionreport/adoptionreport/generator/content/gfm"
	"github.com/adoptionreport/adoptionreport/generator/content/shortcode"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// Render turns a page's Markdown into HTML, resolving its shortcodes
// through resolver. Raw HTML in the Markdown comes out as text. A
// shortcode the resolver cannot resolve is a problem located at its line
// and column in the page's file.
func Render(p Page, resolver shortcode.Resolver) ([]byte, problem.List) {
	// CommonMark replaces NUL with U+FFFD; doing it here, before goldmark,
	// guarantees no NUL in the HTML, which a resolver may use as a mark.
	// The offsets of shortcode problems are in this text, and a NUL and its
	// replacement are one character each, so columns are unchanged.
	if bytes.IndexByte(p.Body, 0) >= 0 {
		p.Body = bytes.ReplaceAll(p.Body, []byte{0}, []byte("\uFFFD"))
	}
	var errs []*shortcode.Error
	// The GFM extensions are our own, equal in output to goldmark's
	// extension package, which costs every process start its linkify
	// regexps (see package gfm).
	md := goldmark.New(goldmark.WithExtensions(
		gfm.Table{},
		gfm.Strikethrough{},
		// Footnote IDs carry the page's slug: the print edition joins every
		// page into one document, where two pages' "fn:1" would collide.
		gfm.Footnote{IDPrefix: p.Slug + "-"},
		shortcode.Extension{Resolver: resolver, Errors: &errs},
	))
	var buf bytes.Buffer
	var probs problem.List
	if err := md.Convert(p.Body, &buf); err != nil {
		probs.Errorf(p.File, p.BodyLine, 0, "", "cannot render the Markdown: %v", err)
		return nil, probs
	}
	for _, e := range errs {
		line, col := position(p.Body, e.Shortcode.Offset)
		probs.Errorf(p.File, p.BodyLine+line-1, col, e.Shortcode.Name, "%v", e.Err)
	}
	return buf.Bytes(), probs
}

// position returns the 1-based line and column (in characters) of a byte
// offset in src.
func position(src []byte, offset int) (line, col int) {
	if offset > len(src) {
		offset = len(src)
	}
	before := src[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}
