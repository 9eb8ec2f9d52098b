// This file is derived from goldmark's extension/footnote.go.
// Copyright (c) 2019 Yusuke Inuzuka. MIT-licensed; see
// https://github.com/yuin/goldmark/blob/master/LICENSE.

package gfm

import (
	"bytes"
	"strconv"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Footnote is a goldmark extender for footnotes, [^label] references and
// [^label]: definitions, rendering as goldmark's extension.NewFootnote
// with extension.WithFootnoteIDPrefix(IDPrefix) does.
type Footnote struct {
	// IDPrefix starts every id and fragment the footnotes make
	// ("fn:1", "fnref:1"), so that several documents can share a page.
	// It is written as is, unescaped, as goldmark does.
	IDPrefix string
}

// Extend implements goldmark.Extender. The priorities are goldmark's: the
// reference parser must run before the link parser (200), which would
// otherwise take [^label] as a link.
func (e Footnote) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(footnoteBlockParser{}, 999)),
		parser.WithInlineParsers(util.Prioritized(footnoteParser{}, 101)),
		parser.WithASTTransformers(util.Prioritized(footnoteASTTransformer{}, 999)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(footnoteRenderer{prefix: e.IDPrefix}, 500),
	))
}

var (
	// footnoteListKey holds the document's *ast.FootnoteList once a
	// definition has been parsed.
	footnoteListKey = parser.NewContextKey()
	// footnoteLinksKey holds the []*ast.FootnoteLink of the references,
	// in document order, to number repeated references.
	footnoteLinksKey = parser.NewContextKey()
)

// footnoteLabelLimit is the longest label looked at, as for CommonMark
// link labels.
const footnoteLabelLimit = 999

// labelEnd returns the index of the ']' that ends a label in bs, or -1 if
// there is none or a '[' comes first. A backslash escapes the punctuation
// after it. (goldmark uses its deprecated util.FindClosure with neither
// code spans nor nesting, which is this.)
func labelEnd(bs []byte) int {
	for i := 0; i < len(bs); i++ {
		switch c := bs[i]; {
		case c == '\\' && i < len(bs)-1 && util.IsPunct(bs[i+1]):
			i++
		case c == ']':
			return i
		case c == '[':
			return -1
		}
	}
	return -1
}

// footnoteBlockParser parses a definition, "[^label]: text", whose
// following lines belong to it while blank or indented by four columns.
type footnoteBlockParser struct{}

func (footnoteBlockParser) Trigger() []byte { return []byte{'['} }

func (footnoteBlockParser) Open(_ gast.Node, reader text.Reader, pc parser.Context) (gast.Node, parser.State) {
	line, segment := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || line[pos] != '[' {
		return nil, parser.NoChildren
	}
	pos++
	if pos > len(line)-1 || line[pos] != '^' {
		return nil, parser.NoChildren
	}
	open := pos + 1
	closure := labelEnd(line[open:min(len(line), open+footnoteLabelLimit)])
	if closure < 0 {
		return nil, parser.NoChildren
	}
	closes := open + closure
	next := closes + 1
	if next >= len(line) || line[next] != ':' {
		return nil, parser.NoChildren
	}
	padding := segment.Padding
	label := reader.Value(text.NewSegment(segment.Start+open-padding, segment.Start+closes-padding))
	if util.IsBlank(label) {
		return nil, parser.NoChildren
	}
	item := ast.NewFootnote(label)

	pos = next + 1 - padding
	if pos >= len(line) {
		reader.Advance(pos)
		return item, parser.NoChildren
	}
	reader.AdvanceAndSetPadding(pos, padding)
	return item, parser.HasChildren
}

func (footnoteBlockParser) Continue(_ gast.Node, reader text.Reader, _ parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if util.IsBlank(line) {
		return parser.Continue | parser.HasChildren
	}
	childpos, padding := util.IndentPosition(line, reader.LineOffset(), 4)
	if childpos < 0 {
		return parser.Close
	}
	reader.AdvanceAndSetPadding(childpos, padding)
	return parser.Continue | parser.HasChildren
}

// Close moves the definition into the document's footnote list, which is
// made where the first definition stood. References found later in the
// document can then find every definition above them and below.
func (footnoteBlockParser) Close(node gast.Node, _ text.Reader, pc parser.Context) {
	list, _ := pc.Get(footnoteListKey).(*ast.FootnoteList)
	if list == nil {
		list = ast.NewFootnoteList()
		pc.Set(footnoteListKey, list)
		node.Parent().InsertBefore(node.Parent(), node, list)
	}
	node.Parent().RemoveChild(node.Parent(), node)
	list.AppendChild(list, node)
}

func (footnoteBlockParser) CanInterruptParagraph() bool { return true }

func (footnoteBlockParser) CanAcceptIndentedLine() bool { return false }

// footnoteParser parses a reference, [^label], to a defined footnote.
// Footnotes are numbered in the order of their first reference.
type footnoteParser struct{}

// Trigger includes '!' so that in "![^1]" the reference is found before
// the image parser takes "![" as the start of an image.
func (footnoteParser) Trigger() []byte { return []byte{'!', '['} }

func (footnoteParser) Parse(parent gast.Node, block text.Reader, pc parser.Context) gast.Node {
	line, segment := block.PeekLine()
	pos := 1
	if len(line) > 0 && line[0] == '!' {
		pos++
	}
	if pos >= len(line) || line[pos] != '^' {
		return nil
	}
	pos++
	if pos >= len(line) {
		return nil
	}
	open := pos
	closure := labelEnd(line[pos:min(len(line), pos+footnoteLabelLimit)])
	if closure < 0 {
		return nil
	}
	closes := pos + closure
	value := block.Value(text.NewSegment(segment.Start+open, segment.Start+closes))
	block.Advance(closes + 1)

	list, _ := pc.Get(footnoteListKey).(*ast.FootnoteList)
	if list == nil {
		return nil
	}
	index := 0
	for def := list.FirstChild(); def != nil; def = def.NextSibling() {
		d := def.(*ast.Footnote)
		if bytes.Equal(d.Ref, value) {
			if d.Index < 0 {
				list.Count++
				d.Index = list.Count
			}
			index = d.Index
			break
		}
	}
	if index == 0 {
		return nil
	}

	link := ast.NewFootnoteLink(index)
	links, _ := pc.Get(footnoteLinksKey).([]*ast.FootnoteLink)
	pc.Set(footnoteLinksKey, append(links, link))
	if line[0] == '!' {
		parent.AppendChild(parent, gast.NewTextSegment(text.NewSegment(segment.Start, segment.Start+1)))
	}
	return link
}

// footnoteASTTransformer numbers repeated references, gives each
// referenced footnote one backlink per reference, drops unreferenced
// footnotes, and moves the list, in reference order, to the document's
// end.
type footnoteASTTransformer struct{}

func (footnoteASTTransformer) Transform(doc *gast.Document, _ text.Reader, pc parser.Context) {
	list, _ := pc.Get(footnoteListKey).(*ast.FootnoteList)
	links, _ := pc.Get(footnoteLinksKey).([]*ast.FootnoteLink)
	pc.Set(footnoteListKey, nil)
	pc.Set(footnoteLinksKey, nil)
	if list == nil {
		return
	}

	counter := map[int]int{}
	for _, link := range links {
		counter[link.Index]++
	}
	refIndex := map[int]int{}
	for _, link := range links {
		link.RefCount = counter[link.Index]
		link.RefIndex = refIndex[link.Index]
		refIndex[link.Index]++
	}
	for fn := list.FirstChild(); fn != nil; {
		next := fn.NextSibling()
		// Backlinks go at the end of the last paragraph when the
		// footnote ends with one, else after its last block.
		var container gast.Node = fn
		if last := fn.LastChild(); last != nil && gast.IsParagraph(last) {
			container = last
		}
		index := fn.(*ast.Footnote).Index
		if index < 0 {
			list.RemoveChild(list, fn)
		} else {
			refCount := counter[index]
			backlink := ast.NewFootnoteBacklink(index)
			backlink.RefCount = refCount
			container.AppendChild(container, backlink)
			for i := 1; i < refCount; i++ {
				backlink := ast.NewFootnoteBacklink(index)
				backlink.RefCount = refCount
				backlink.RefIndex = i
				container.AppendChild(container, backlink)
			}
		}
		fn = next
	}
	list.SortChildren(func(n1, n2 gast.Node) int {
		if n1.(*ast.Footnote).Index < n2.(*ast.Footnote).Index {
			return -1
		}
		return 1
	})
	if list.Count <= 0 {
		list.Parent().RemoveChild(list.Parent(), list)
		return
	}
	doc.AppendChild(doc, list)
}

// footnoteRenderer renders footnotes as goldmark does with its default
// classes, titles and backlink arrow, in HTML5.
type footnoteRenderer struct {
	prefix string
}

func (r footnoteRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFootnoteLink, r.renderLink)
	reg.Register(ast.KindFootnoteBacklink, r.renderBacklink)
	reg.Register(ast.KindFootnote, r.renderFootnote)
	reg.Register(ast.KindFootnoteList, r.renderList)
}

// refID writes the id of the refIndex-th reference to footnote index:
// fnref:1 for the first, fnref1:1 for the second, and so on.
func (r footnoteRenderer) refID(w util.BufWriter, refIndex, index int) {
	_, _ = w.WriteString(r.prefix)
	_, _ = w.WriteString("fnref")
	if refIndex > 0 {
		_, _ = w.WriteString(strconv.Itoa(refIndex))
	}
	_ = w.WriteByte(':')
	_, _ = w.WriteString(strconv.Itoa(index))
}

func (r footnoteRenderer) renderLink(w util.BufWriter, _ []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
	if entering {
		n := node.(*ast.FootnoteLink)
		is := strconv.Itoa(n.Index)
		_, _ = w.WriteString(`<sup id="`)
		r.refID(w, n.RefIndex, n.Index)
		_, _ = w.WriteString(`"><a href="#` + r.prefix + `fn:` + is +
			`" class="footnote-ref" role="doc-noteref">` + is + `</a></sup>`)
	}
	return gast.WalkContinue, nil
}

func (r footnoteRenderer) renderBacklink(w util.BufWriter, _ []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
	if entering {
		n := node.(*ast.FootnoteBacklink)
		_, _ = w.WriteString(`&#160;<a href="#`)
		r.refID(w, n.RefIndex, n.Index)
		_, _ = w.WriteString(`" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a>`)
	}
	return gast.WalkContinue, nil
}

func (r footnoteRenderer) renderFootnote(w util.BufWriter, _ []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
	if entering {
		n := node.(*ast.Footnote)
		_, _ = w.WriteString(`<li id="` + r.prefix + `fn:` + strconv.Itoa(n.Index) + "\">\n")
	} else {
		_, _ = w.WriteString("</li>\n")
	}
	return gast.WalkContinue, nil
}

func (footnoteRenderer) renderList(w util.BufWriter, _ []byte, _ gast.Node, entering bool) (gast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n")
	} else {
		_, _ = w.WriteString("</ol>\n</div>\n")
	}
	return gast.WalkContinue, nil
}
