package content

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Term is a glossary entry as a page's text is searched for it.
type Term struct {
	// ID names the entry, e.g. "early-permanence".
	ID string
	// Names are the ways the text writes the term: "early permanence",
	// "RAA". A name in capitals and digits only (A1, RAA) matches only as
	// written; any other matches in any case ("Early permanence"). Each
	// matches as whole words only: A1 is not found in A10.
	Names []string
}

// Glossary links the first use of each of its terms on a page, in the
// page's text outside headings, links and code, to the term's entry.
type Glossary struct {
	Terms []Term
	// Mark returns the HTML written before (open) and after (close) the
	// first use of the term with this ID.
	Mark func(id string) (open, close string)
}

// KindTermUse is the kind of a TermUse node.
var KindTermUse = ast.NewNodeKind("TermUse")

// TermUse is the first use of a glossary term on a page; its children
// are the term's text as written.
type TermUse struct {
	ast.BaseInline
	ID string
}

// Kind implements ast.Node.
func (n *TermUse) Kind() ast.NodeKind { return KindTermUse }

// Dump implements ast.Node.
func (n *TermUse) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.ID}, nil)
}

// Extend implements goldmark.Extender: the glossary is an AST
// transformer, which finds the terms in the parsed text, and a renderer
// for the TermUse nodes it makes.
func (g *Glossary) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(g, 999)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(g, 999)))
}

// RegisterFuncs implements renderer.NodeRenderer.
func (g *Glossary) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindTermUse, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		open, close := g.Mark(n.(*TermUse).ID)
		if entering {
			_, _ = w.WriteString(open)
		} else {
			_, _ = w.WriteString(close)
		}
		return ast.WalkContinue, nil
	})
}

// Transform implements parser.ASTTransformer.
func (g *Glossary) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		// A heading is not where a reader looks for a definition, and a
		// link inside a link is not HTML.
		case ast.KindHeading, ast.KindLink, ast.KindAutoLink, ast.KindImage, ast.KindCodeSpan,
			ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock, ast.KindRawHTML:
			return ast.WalkSkipChildren, nil
		case ast.KindText:
			texts = append(texts, n.(*ast.Text))
		}
		return ast.WalkContinue, nil
	})
	used := make(map[string]bool, len(g.Terms))
	names := g.names()
	for _, t := range texts {
		for t != nil && len(used) < len(g.Terms) {
			t = link(t, source, names, used)
		}
	}
}

// termName is one of the ways a term is written.
type termName struct {
	id, text string
	// exact: a name with no lower-case letter matches only as written.
	exact bool
}

// names indexes the terms' names by their first letter in lower case,
// so that each word of a page is compared with the few names that could
// start there, not with every name.
func (g *Glossary) names() map[byte][]termName {
	idx := map[byte][]termName{}
	for _, term := range g.Terms {
		for _, name := range term.Names {
			if name == "" {
				continue
			}
			exact := !strings.ContainsFunc(name, func(r rune) bool { return 'a' <= r && r <= 'z' })
			idx[lower(name[0])] = append(idx[lower(name[0])], termName{term.ID, name, exact})
		}
	}
	return idx
}

// link wraps the first use in t of a term not yet used (the longest name,
// where two start at once), and returns the text after it to search on;
// nil when t holds none.
func link(t *ast.Text, source []byte, names map[byte][]termName, used map[string]bool) *ast.Text {
	if t.IsRaw() {
		return nil
	}
	seg := t.Segment
	for i := seg.Start; i < seg.Stop; i++ {
		// Names match as whole words: one starts only where a word does.
		if i > 0 && isWordByte(source[i-1]) {
			continue
		}
		var best *termName
		bestStop := -1
		for k, n := range names[lower(source[i])] {
			stop := i + len(n.text)
			if used[n.id] || stop > seg.Stop || stop <= bestStop || !matchAt(source[i:stop], n.text, n.exact) ||
				stop < len(source) && isWordByte(source[stop]) {
				continue
			}
			best, bestStop = &names[lower(source[i])][k], stop
		}
		if best == nil {
			continue
		}
		used[best.id] = true
		parent := t.Parent()
		if i > seg.Start {
			parent.InsertBefore(parent, t, ast.NewTextSegment(text.NewSegment(seg.Start, i)))
		}
		use := &TermUse{ID: best.id}
		use.AppendChild(use, ast.NewTextSegment(text.NewSegment(i, bestStop)))
		parent.InsertBefore(parent, t, use)
		// What follows the term stays t, even when empty, so the line break
		// that ends it is kept.
		t.Segment = text.NewSegment(bestStop, seg.Stop)
		return t
	}
	return nil
}

func matchAt(b []byte, name string, exact bool) bool {
	for i := 0; i < len(name); i++ {
		c, n := b[i], name[i]
		if !exact {
			c, n = lower(c), lower(n)
		}
		if c != n {
			return false
		}
	}
	return true
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// isWordByte reports whether c continues a word: an ASCII letter or
// digit. A non-ASCII character next to a term is far more often a curly
// quote or a dash (A1’s, A1—) than a letter.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
