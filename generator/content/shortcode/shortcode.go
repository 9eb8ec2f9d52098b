// Package shortcode is a goldmark extension for the report's shortcodes:
// {{< metric a1 2022-25 >}} inside a sentence, and {{< chart timeliness >}}
// or {{< table waiting >}} on a line of their own. It parses them into AST
// nodes and renders each through a Resolver, which knows the figures; the
// extension itself knows nothing about them.
//
// It also makes raw HTML in Markdown show as text: report text comes from
// many hands, and a page must never carry markup or script it was not
// built with.
package shortcode

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
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
	Args   []string // the words after the name
	Block  bool     // on a line of its own rather than inside a paragraph
	Offset int      // byte offset of "{{<" in the Markdown source
	Source string   // the shortcode as written, for messages
}

// Resolver turns a shortcode into HTML. The HTML is written as it is, so
// a Resolver must escape whatever text it puts in.
type Resolver interface {
	Resolve(sc Shortcode) (html string, err error)
}

// Error is a shortcode that could not be resolved.
type Error struct {
	Shortcode Shortcode
	Err       error
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %v", e.Shortcode.Source, e.Err) }

// Unwrap returns the Resolver's error.
func (e *Error) Unwrap() error { return e.Err }

// KindShortcode is the AST kind of both inline and block shortcodes.
var KindShortcode = ast.NewNodeKind("Shortcode")

// Node is a shortcode in the AST. It is inline inside a paragraph and a
// block on a line of its own.
type Node struct {
	ast.BaseInline
	Shortcode Shortcode
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

var pattern = regexp.MustCompile(`^\{\{<\s*([A-Za-z][A-Za-z0-9_-]*)((?:\s+[^\s>]+)*)\s*>\}\}`)

// parse reads a shortcode at the start of b, returning its length, or 0.
func parse(b []byte) (Shortcode, int) {
	m := pattern.FindSubmatchIndex(b)
	if m == nil {
		return Shortcode{}, 0
	}
	return Shortcode{
		Name:   strings.ToLower(string(b[m[2]:m[3]])),
		Args:   strings.Fields(string(b[m[4]:m[5]])),
		Source: string(b[m[0]:m[1]]),
	}, m[1]
}

type inlineParser struct{}

func (inlineParser) Trigger() []byte { return []byte{'{'} }

func (inlineParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	sc, n := parse(line)
	if n == 0 {
		return nil
	}
	sc.Offset = seg.Start
	block.Advance(n)
	return &Node{Shortcode: sc}
}

type blockParser struct{}

func (blockParser) Trigger() []byte { return []byte{'{'} }

func (blockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	sc, n := parse(line)
	if n == 0 || len(bytes.TrimSpace(line[n:])) != 0 {
		return nil, parser.NoChildren
	}
	if sc.Name != "chart" && sc.Name != "table" {
		return nil, parser.NoChildren
	}
	sc.Block = true
	sc.Offset = seg.Start
	reader.Advance(len(bytes.TrimRight(line, "\r\n")))
	return &BlockNode{Shortcode: sc}, parser.Close
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
// Errors from the Resolver are appended to *Errors, one per shortcode.
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
