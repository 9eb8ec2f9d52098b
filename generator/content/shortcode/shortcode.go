// Package shortcode is a goldmark extension for the report's shortcodes:
// {{< metric a1 2022-25 >}} inside a sentence, and {{< chart timeliness >}}
// or {{< table waiting >}} on a line of their own. It parses them into AST
// nodes and renders each through a Resolver, which knows the figures; the
// extension itself knows nothing about them.
//
// The syntax is strict (see scan.go): text that starts like a shortcode
// and is not a valid one becomes a Node with an Err, shown as typed, and
// Check lists them with what was probably meant. A shortcode in a code
// span or code block is text, as goldmark parses those first.
//
// It also makes raw HTML in Markdown show as text: report text comes from
// many hands, and a page must never carry markup or script it was not
// built with.
package shortcode

import (
	"bytes"
	"fmt"
	"html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Shortcode is one use of a shortcode in a page.
type Shortcode struct {
	Name   string   // metric, compare, chart, table
	Args   []string // the words after the name; a word in double quotes may hold spaces
	Block  bool     // on a line of its own rather than inside a paragraph
	Offset int      // byte offset of its opening "{{" in the Markdown source
	Source string   // the shortcode as written, for messages
}

// Resolver turns a shortcode into HTML. The HTML is written as it is, so
// a Resolver must escape whatever text it puts in.
type Resolver interface {
	Resolve(sc Shortcode) (html string, err error)
}

// Error is a shortcode that could not be resolved, or text that starts
// like a shortcode and is not one (Err is then a *SyntaxError).
type Error struct {
	Shortcode Shortcode
	Err       error
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %v", e.Shortcode.Source, e.Err) }

// Unwrap returns the Resolver's error, or the *SyntaxError.
func (e *Error) Unwrap() error { return e.Err }

// SyntaxError says why text that starts like a shortcode is not a valid
// one, and what was probably meant.
type SyntaxError struct {
	Problem string // what is wrong
	Meant   string // the shortcode probably meant, e.g. {{< metric a1 >}}; "" when there is no guess
}

func (e *SyntaxError) Error() string {
	if e.Meant == "" {
		return e.Problem
	}
	return e.Problem + "; did you mean " + e.Meant + "?"
}

// KindShortcode is the AST kind of inline shortcodes.
var KindShortcode = ast.NewNodeKind("Shortcode")

// Node is a shortcode inside a paragraph, or text that starts like a
// shortcode and is not a valid one: then Err says why, and the text is
// rendered as typed, escaped.
type Node struct {
	ast.BaseInline
	Shortcode Shortcode
	Err       *SyntaxError
	typed     string // the text a broken shortcode took, rendered as it is
}

// Kind implements ast.Node.
func (n *Node) Kind() ast.NodeKind { return KindShortcode }

// Dump implements ast.Node.
func (n *Node) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Shortcode": n.Shortcode.Source}, nil)
}

// BlockNode is a shortcode on a line of its own.
type BlockNode struct {
	ast.BaseBlock
	Shortcode Shortcode
}

// KindBlockShortcode is the AST kind of a shortcode on a line of its own.
var KindBlockShortcode = ast.NewNodeKind("BlockShortcode")

// Kind implements ast.Node.
func (n *BlockNode) Kind() ast.NodeKind { return KindBlockShortcode }

// Dump implements ast.Node.
func (n *BlockNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Shortcode": n.Shortcode.Source}, nil)
}

// IsRaw implements ast.Node: a block shortcode holds no Markdown.
func (n *BlockNode) IsRaw() bool { return true }

// Check returns an Error for each shortcode in doc, a document parsed
// with the Extension, that cannot be shown: a broken one, or one in an
// image's description. They are in the order of the text. It needs no
// Resolver, so a page's shortcodes can be checked before any figure is
// known.
func Check(doc ast.Node) []*Error {
	var errs []*Error
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		sc, ok := n.(*Node)
		switch {
		case !ok || !entering:
		case sc.Err != nil:
			errs = append(errs, &Error{Shortcode: sc.Shortcode, Err: sc.Err})
		case inImage(sc):
			// goldmark writes an image's description as plain text, leaving
			// out any other node: the figure would vanish without a word.
			errs = append(errs, &Error{Shortcode: sc.Shortcode, Err: &SyntaxError{
				Problem: "a shortcode cannot go in an image's description: give the figure in the text beside the image"}})
		}
		return ast.WalkContinue, nil
	})
	return errs
}

// inImage reports whether n is inside an image's description.
func inImage(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindImage {
			return true
		}
	}
	return false
}

type inlineParser struct{}

// Trigger implements parser.InlineParser. Every '{' is looked at, so that
// no text that starts like a shortcode reaches a page unchecked. Code
// spans and code blocks are parsed by goldmark before this sees them, so
// a shortcode written there stays text.
func (inlineParser) Trigger() []byte { return []byte{'{'} }

// lookahead is how many more lines of a paragraph are searched for the end
// of a shortcode that is not closed on its own line.
const lookahead = 3

func (inlineParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	s := scan(trimEOL(line))
	if s.n == 0 {
		return nil
	}
	s.sc.Offset = seg.Start
	if s.open {
		// The shortcode may go on to the next lines of the paragraph: if
		// it ends there, say so and suggest it on one line.
		l, pos := block.Position()
		joined := string(trimEOL(line))
		for range lookahead {
			block.AdvanceLine()
			next, _ := block.PeekLine()
			next = trimEOL(next)
			if next == nil {
				break
			}
			end, nest := bytes.Index(next, []byte("}}")), bytes.Index(next, []byte("{{"))
			if nest >= 0 && (end < 0 || nest < end) {
				break
			}
			if end < 0 {
				joined += " " + string(next)
				continue
			}
			one := scan([]byte(joined + " " + string(next[:end+2])))
			s.err = &SyntaxError{Problem: "a shortcode must be on one line", Meant: one.meant}
			if !strings.HasSuffix(s.sc.Source, "…") {
				s.sc.Source += " …"
			}
			break
		}
		block.SetPosition(l, pos)
	}
	block.Advance(s.n)
	return &Node{Shortcode: s.sc, Err: s.err, typed: string(line[:s.n])}
}

type blockParser struct{}

func (blockParser) Trigger() []byte { return []byte{'{'} }

func (blockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	s := scan(trimEOL(line))
	// Anything but a valid chart or table alone on its line is left to
	// the paragraph, whose inline parser resolves or reports it.
	if s.n == 0 || s.err != nil || len(bytes.TrimSpace(line[s.n:])) != 0 {
		return nil, parser.NoChildren
	}
	if s.sc.Name != "chart" && s.sc.Name != "table" {
		return nil, parser.NoChildren
	}
	s.sc.Block = true
	s.sc.Offset = seg.Start
	reader.Advance(len(trimEOL(line)))
	return &BlockNode{Shortcode: s.sc}, parser.Close
}

func (blockParser) Continue(ast.Node, text.Reader, parser.Context) parser.State { return parser.Close }
func (blockParser) Close(ast.Node, text.Reader, parser.Context)                 {}
func (blockParser) CanInterruptParagraph() bool                                 { return true }
func (blockParser) CanAcceptIndentedLine() bool                                 { return false }

// nodeRenderer renders shortcodes through a Resolver and raw HTML as text.
// It collects errors instead of stopping at the first, so an author sees
// every bad shortcode of a page at once.
type nodeRenderer struct {
	resolver Resolver
	errs     *[]*Error
}

func (r nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindShortcode, r.render)
	reg.Register(KindBlockShortcode, r.render)
	reg.Register(ast.KindRawHTML, renderRawHTMLAsText)
	reg.Register(ast.KindHTMLBlock, renderHTMLBlockAsText)
}

func (r nodeRenderer) render(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	var sc Shortcode
	switch n := node.(type) {
	case *Node:
		if n.Err != nil {
			// Reported by Check: shown as typed, which the author will
			// recognise in a preview.
			_, _ = w.WriteString(html.EscapeString(n.typed))
			return ast.WalkSkipChildren, nil
		}
		sc = n.Shortcode
	case *BlockNode:
		sc = n.Shortcode
	}
	out, err := r.resolver.Resolve(sc)
	if err != nil {
		*r.errs = append(*r.errs, &Error{Shortcode: sc, Err: err})
		_, _ = w.WriteString(html.EscapeString(sc.Source))
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(out)
	if sc.Block {
		_ = w.WriteByte('\n')
	}
	return ast.WalkSkipChildren, nil
}

func renderRawHTMLAsText(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		segs := node.(*ast.RawHTML).Segments
		for i := range segs.Len() {
			s := segs.At(i)
			_, _ = w.WriteString(html.EscapeString(string(s.Value(source))))
		}
	}
	return ast.WalkSkipChildren, nil
}

func renderHTMLBlockAsText(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.HTMLBlock)
	if !entering {
		return ast.WalkContinue, nil
	}
	var b strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		s := lines.At(i)
		b.Write(s.Value(source))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(source))
	}
	_, _ = w.WriteString("<p>" + html.EscapeString(strings.TrimRight(b.String(), "\n")) + "</p>\n")
	return ast.WalkSkipChildren, nil
}

// Extension adds shortcodes, resolved by Resolver, to a goldmark instance.
// Errors from the Resolver are appended to *Errors, one per shortcode, as
// the document is rendered; broken shortcodes are found by Check.
type Extension struct {
	Resolver Resolver
	Errors   *[]*Error
}

// Extend implements goldmark.Extender.
func (e Extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(inlineParser{}, 50)),
		parser.WithBlockParsers(util.Prioritized(blockParser{}, 50)),
	)
	// goldmark registers renderers from the highest priority number down, so
	// a number below the HTML renderer's 1000 registers last and wins.
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(nodeRenderer{resolver: e.Resolver, errs: e.Errors}, 100),
	))
}
