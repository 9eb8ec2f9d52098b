// This file is derived from goldmark's extension/strikethrough.go.
// Copyright (c) 2019 Yusuke Inuzuka. MIT-licensed; see
// https://github.com/yuin/goldmark/blob/master/LICENSE.

package gfm

import (
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Strikethrough is a goldmark extender for GFM strikethrough, ~~text~~ or
// ~text~, rendering as goldmark's extension.Strikethrough does.
type Strikethrough struct{}

// Extend implements goldmark.Extender, with goldmark's priorities.
func (Strikethrough) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(strikethroughParser{}, 500),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(strikethroughRenderer{}, 500),
	))
}

// tildes is the delimiter processor for runs of '~'. The inline parser
// pairs an opener and a closer of the same length, as GFM asks.
type tildes struct{}

func (tildes) IsDelimiter(b byte) bool { return b == '~' }

func (tildes) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (tildes) OnMatch(int) gast.Node { return ast.NewStrikethrough() }

type strikethroughParser struct{}

func (strikethroughParser) Trigger() []byte { return []byte{'~'} }

// Parse pushes a run of one or two tildes as a delimiter. Longer runs are
// not strikethrough in GFM; they are left to be text, and so is the rest
// of a run once its first tilde has been refused (before == '~').
func (strikethroughParser) Parse(_ gast.Node, block text.Reader, pc parser.Context) gast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	node := parser.ScanDelimiter(line, before, 1, tildes{})
	if node == nil || node.OriginalLength > 2 || before == '~' {
		return nil
	}
	node.Segment = segment.WithStop(segment.Start + node.OriginalLength)
	block.Advance(node.OriginalLength)
	pc.PushDelimiter(node)
	return node
}

func (strikethroughParser) CloseBlock(gast.Node, parser.Context) {}

type strikethroughRenderer struct{}

func (strikethroughRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindStrikethrough, renderStrikethrough)
}

func renderStrikethrough(w util.BufWriter, _ []byte, _ gast.Node, entering bool) (gast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<del>")
	} else {
		_, _ = w.WriteString("</del>")
	}
	return gast.WalkContinue, nil
}
