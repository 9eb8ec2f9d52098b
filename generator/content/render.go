package content

import (
	"bytes"
	"errors"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/adoptionreport/adoptionreport/generator/content/shortcode"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// typographer makes straight quotes curly and -- and --- dashes, as a
// printed report has them. Angle quotes are left alone: British English
// does not use « », and << or >> in a report more likely mean "much
// less" or "much more". The replacements are characters, not entities:
// the page is UTF-8, and text search in the HTML finds what a reader sees.
var typographer = extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation][]byte{
	extension.LeftSingleQuote:  []byte("‘"),
	extension.RightSingleQuote: []byte("’"),
	extension.LeftDoubleQuote:  []byte("“"),
	extension.RightDoubleQuote: []byte("”"),
	extension.EnDash:           []byte("–"),
	extension.EmDash:           []byte("—"),
	extension.Ellipsis:         []byte("…"),
	extension.Apostrophe:       []byte("’"),
	extension.LeftAngleQuote:   nil,
	extension.RightAngleQuote:  nil,
}))

// markdown returns the Markdown converter for page p: CommonMark with
// tables, strikethrough, footnotes and typography from goldmark's own
// extensions, the report's shortcodes and, unless nil, its glossary.
func markdown(p Page, sc shortcode.Extension, glossary *Glossary) goldmark.Markdown {
	md := goldmark.New(goldmark.WithExtensions(
		extension.Table,
		extension.Strikethrough,
		// Footnote IDs carry the page's slug: the print edition joins every
		// page into one document, where two pages' "fn:1" would collide.
		extension.NewFootnote(extension.WithFootnoteIDPrefix(p.Slug+"-")),
		// The typographer's inline parser has goldmark's lowest priority, so
		// the shortcode parser, triggered by '{', takes a whole shortcode
		// first: quotes around a shortcode's argument stay straight.
		typographer,
		sc,
	))
	if glossary != nil {
		glossary.Extend(md)
	}
	return md
}

// Render turns a page's Markdown into HTML, resolving its shortcodes
// through resolver and, unless glossary is nil, marking the first use of
// each of its terms. Raw HTML in the Markdown comes out as text. A broken
// shortcode, or one the resolver cannot resolve, is a problem located at
// its line and column in the page's file.
func Render(p Page, resolver shortcode.Resolver, glossary *Glossary) ([]byte, problem.List) {
	// The page's text must not make a placeholder (see the package
	// comment). CommonMark replaces NUL with U+FFFD anyway; doing it here
	// guarantees it whatever goldmark does. A NUL and its replacement are
	// one character each, so problems' columns are unchanged.
	if bytes.IndexByte(p.Body, 0) >= 0 {
		p.Body = bytes.ReplaceAll(p.Body, []byte{0}, []byte("\uFFFD"))
	}
	var errs []*shortcode.Error
	md := markdown(p, shortcode.Extension{Resolver: resolver, Errors: &errs}, glossary)
	doc := md.Parser().Parse(text.NewReader(p.Body))
	probs := p.shortcodeProblems(shortcode.Check(doc))
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, p.Body, doc); err != nil {
		probs.Errorf(p.File, p.BodyLine, 0, "", "cannot render the Markdown: %v", err)
		return nil, probs
	}
	return buf.Bytes(), append(probs, p.shortcodeProblems(errs)...)
}

// check returns the problems of p's text that need no figures to find:
// text that starts like a shortcode and is not a valid one.
func check(p Page) problem.List {
	md := markdown(p, shortcode.Extension{}, nil)
	return p.shortcodeProblems(shortcode.Check(md.Parser().Parse(text.NewReader(p.Body))))
}

// shortcodeProblems locates errs in p's file. A broken shortcode's message
// quotes it; a resolver's names the shortcode as the problem's field.
func (p Page) shortcodeProblems(errs []*shortcode.Error) problem.List {
	var probs problem.List
	for _, e := range errs {
		line, col := position(p.Body, e.Shortcode.Offset)
		var syntax *shortcode.SyntaxError
		if errors.As(e.Err, &syntax) {
			probs.Errorf(p.File, p.BodyLine+line-1, col, "", "%v", e)
		} else {
			probs.Errorf(p.File, p.BodyLine+line-1, col, e.Shortcode.Name, "%v", e.Err)
		}
	}
	return probs
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
