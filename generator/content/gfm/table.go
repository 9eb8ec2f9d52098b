// This file is derived from goldmark's extension/table.go.
// Copyright (c) 2019 Yusuke Inuzuka. MIT-licensed; see
// https://github.com/yuin/goldmark/blob/master/LICENSE.

package gfm

import (
	"bytes"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Table is a goldmark extender for GFM tables, rendering as goldmark's
// extension.Table does.
type Table struct{}

// Extend implements goldmark.Extender. The priorities are goldmark's, so
// that the table parser runs in the same order relative to the others
// (after link reference definitions are taken out of a paragraph).
func (Table) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithParagraphTransformers(util.Prioritized(tableParagraphTransformer{}, 200)),
		parser.WithASTTransformers(util.Prioritized(tableASTTransformer{}, 0)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(tableRenderer{}, 500),
	))
}

// escapedPipesKey holds, in the parser context, the []*escapedPipeCell of
// the document: cells where a `\|` sits after a backtick, and so may be
// inside a code span, where the backslash would otherwise show.
var escapedPipesKey = parser.NewContextKey()

type escapedPipeCell struct {
	cell        *ast.TableCell
	pos         []int // source offsets of the backslashes before the pipes
	transformed bool
}

// tableParagraphTransformer turns a paragraph into a table when one of
// its lines is a delimiter row and the line before it is a header row
// with as many cells. Lines before the header stay a paragraph.
type tableParagraphTransformer struct{}

func (tableParagraphTransformer) Transform(node *gast.Paragraph, reader text.Reader, pc parser.Context) {
	ppos := node.Pos()
	lines := node.Lines()
	if lines.Len() < 2 {
		return
	}
	// When a table is made, lines is cut to the lines before the header,
	// which ends this loop.
	for i := 1; i < lines.Len(); i++ {
		alignments := parseDelimiterRow(lines.At(i), reader)
		if alignments == nil {
			continue
		}
		header := parseRow(lines.At(i-1), alignments, true, reader, pc)
		if header == nil || len(alignments) != header.ChildCount() {
			return
		}
		table := ast.NewTable()
		table.Alignments = alignments
		table.SetPos(ppos)
		table.AppendChild(table, ast.NewTableHeader(header))
		for j := i + 1; j < lines.Len(); j++ {
			table.AppendChild(table, parseRow(lines.At(j), alignments, false, reader, pc))
		}
		node.Lines().SetSliced(0, i-1)
		node.Parent().InsertAfter(node.Parent(), node, table)
		if node.Lines().Len() == 0 {
			node.Parent().RemoveChild(node.Parent(), node)
		} else {
			// The paragraph's last line no longer ends the paragraph in
			// the source, so it loses its newline as a last line would.
			last := node.Lines().At(i - 2)
			last.Stop--
			node.Lines().Set(i-2, last)
		}
	}
}

// parseRow splits a row into cells. A header row keeps every cell; a body
// row drops cells past the header's count and is padded with empty cells
// up to it.
func parseRow(segment text.Segment, alignments []ast.Alignment, isHeader bool,
	reader text.Reader, pc parser.Context) *ast.TableRow {
	npos := segment
	source := reader.Source()
	segment = segment.TrimLeftSpace(source)
	segment = segment.TrimRightSpace(source)
	line := segment.Value(source)
	pos := 0
	limit := len(line)
	row := ast.NewTableRow(alignments)
	row.SetPos(npos.Start)
	if len(line) > 0 && line[pos] == '|' {
		pos++
	}
	if len(line) > 0 && line[limit-1] == '|' {
		limit--
	}
	i := 0
	for ; pos < limit; i++ {
		alignment := ast.AlignNone
		if i >= len(alignments) {
			if !isHeader {
				return row
			}
		} else {
			alignment = alignments[i]
		}

		var escaped *escapedPipeCell
		cell := ast.NewTableCell()
		cell.SetPos(npos.Start + pos - npos.Padding)
		cell.Alignment = alignment
		hasBacktick := false
		closure := pos
		for ; closure < limit; closure++ {
			if line[closure] == '`' {
				hasBacktick = true
			}
			if line[closure] != '|' {
				continue
			}
			if closure == 0 || line[closure-1] != '\\' {
				break
			}
			// An escaped pipe. Outside code spans the inline parser
			// unescapes it; inside one it would keep its backslash, so
			// note where it is for tableASTTransformer to drop it.
			if hasBacktick {
				if escaped == nil {
					escaped = &escapedPipeCell{cell: cell}
					list, _ := pc.Get(escapedPipesKey).([]*escapedPipeCell)
					pc.Set(escapedPipesKey, append(list, escaped))
				}
				escaped.pos = append(escaped.pos, segment.Start+closure-1)
			}
		}
		seg := text.NewSegment(segment.Start+pos, segment.Start+closure)
		seg = seg.TrimLeftSpace(source)
		seg = seg.TrimRightSpace(source)
		cell.Lines().Append(seg)
		row.AppendChild(row, cell)
		pos = closure + 1
	}
	for ; i < len(alignments); i++ {
		row.AppendChild(row, ast.NewTableCell())
	}
	return row
}

// parseDelimiterRow returns the column alignments of a delimiter row such
// as "| :--- | ---: |", or nil if the line is not one.
func parseDelimiterRow(segment text.Segment, reader text.Reader) []ast.Alignment {
	line := segment.Value(reader.Source())
	if !isDelimiterRow(line) {
		return nil
	}
	cols := bytes.Split(line, []byte{'|'})
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && util.IsBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	var alignments []ast.Alignment
	for _, col := range cols {
		a, ok := columnAlignment(col)
		if !ok {
			return nil
		}
		alignments = append(alignments, a)
	}
	return alignments
}

// isDelimiterRow reports whether line, indented at most three columns, is
// made only of spaces, dashes, pipes and colons, and is not all dashes
// (which would be a setext heading underline or a thematic break).
func isDelimiterRow(line []byte) bool {
	if w, _ := util.IndentWidth(line, 0); w > 3 {
		return false
	}
	allDashes := true
	for _, b := range line {
		if b != '-' {
			allDashes = false
		}
		if !util.IsSpace(b) && b != '-' && b != '|' && b != ':' {
			return false
		}
	}
	return !allDashes
}

// columnAlignment reads one column of a delimiter row: optional spaces,
// an optional colon, one or more dashes, an optional colon, optional
// spaces. goldmark matches this with four regexps (`^\s*\:\-+\s*$` and
// its kin); this is the same test without their cost at init. Spaces are
// those of the regexps' \s, [\t\n\f\r ].
func columnAlignment(col []byte) (ast.Alignment, bool) {
	col = bytes.Trim(col, "\t\n\f\r ")
	left := len(col) > 0 && col[0] == ':'
	if left {
		col = col[1:]
	}
	right := len(col) > 0 && col[len(col)-1] == ':'
	if right {
		col = col[:len(col)-1]
	}
	if len(col) == 0 || len(bytes.Trim(col, "-")) != 0 {
		return 0, false
	}
	switch {
	case left && right:
		return ast.AlignCenter, true
	case left:
		return ast.AlignLeft, true
	case right:
		return ast.AlignRight, true
	}
	return ast.AlignNone, true
}

// tableASTTransformer drops the backslash of escaped pipes inside code
// spans in table cells, by splitting the code span's text around it: GFM
// reads a row's cells before its inline content, so `a \| b` in a cell is
// the code "a | b".
type tableASTTransformer struct{}

func (tableASTTransformer) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	list, _ := pc.Get(escapedPipesKey).([]*escapedPipeCell)
	if list == nil {
		return
	}
	pc.Set(escapedPipesKey, nil)
	for _, v := range list {
		if v.transformed {
			continue
		}
		_ = gast.Walk(v.cell, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
			if entering && n.Kind() == gast.KindCodeSpan {
				splitEscapedPipes(n, list)
			}
			return gast.WalkContinue, nil
		})
	}
}

// splitEscapedPipes cuts the backslash at each noted position out of the
// text children of code span. Like goldmark, it checks every noted
// position of every cell against each text's original segment.
func splitEscapedPipes(codeSpan gast.Node, list []*escapedPipeCell) {
	for c := codeSpan.FirstChild(); c != nil; {
		next := c.NextSibling()
		if c.Kind() != gast.KindText {
			c = next
			continue
		}
		ts := c.(*gast.Text).Segment
		n := c
		for _, v := range list {
			for _, pos := range v.pos {
				if ts.Start <= pos && pos < ts.Stop {
					segment := n.(*gast.Text).Segment
					n1 := gast.NewRawTextSegment(segment.WithStop(pos))
					n2 := gast.NewRawTextSegment(segment.WithStart(pos + 1))
					codeSpan.InsertAfter(codeSpan, n, n1)
					codeSpan.InsertAfter(codeSpan, n1, n2)
					codeSpan.RemoveChild(codeSpan, n)
					n = n2
					v.transformed = true
				}
			}
		}
		c = next
	}
}

// tableRenderer renders tables as goldmark's HTML5 default does:
// alignment as a text-align style.
type tableRenderer struct{}

func (tableRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindTable, renderTable)
	reg.Register(ast.KindTableHeader, renderTableHeader)
	reg.Register(ast.KindTableRow, renderTableRow)
	reg.Register(ast.KindTableCell, renderTableCell)
}

func renderTable(w util.BufWriter, _ []byte, _ gast.Node, entering bool) (gast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<table>\n")
	} else {
		_, _ = w.WriteString("</table>\n")
	}
	return gast.WalkContinue, nil
}

// renderTableHeader writes the header row's <tr> itself, as the header
// holds its cells directly, and opens <tbody> only when rows follow.
func renderTableHeader(w util.BufWriter, _ []byte, n gast.Node, entering bool) (gast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<thead>\n<tr>\n")
	} else {
		_, _ = w.WriteString("</tr>\n</thead>\n")
		if n.NextSibling() != nil {
			_, _ = w.WriteString("<tbody>\n")
		}
	}
	return gast.WalkContinue, nil
}

func renderTableRow(w util.BufWriter, _ []byte, n gast.Node, entering bool) (gast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<tr>\n")
	} else {
		_, _ = w.WriteString("</tr>\n")
		if n.Parent().LastChild() == n {
			_, _ = w.WriteString("</tbody>\n")
		}
	}
	return gast.WalkContinue, nil
}

func renderTableCell(w util.BufWriter, _ []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
	n := node.(*ast.TableCell)
	tag := "td"
	if n.Parent().Kind() == ast.KindTableHeader {
		tag = "th"
	}
	if entering {
		_, _ = w.WriteString("<" + tag)
		if n.Alignment != ast.AlignNone {
			_, _ = w.WriteString(` style="text-align:` + n.Alignment.String() + `"`)
		}
		_ = w.WriteByte('>')
	} else {
		_, _ = w.WriteString("</" + tag + ">\n")
	}
	return gast.WalkContinue, nil
}
