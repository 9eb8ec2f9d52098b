// Package gfm provides the three GitHub Flavored Markdown extensions the
// report uses — tables, strikethrough and footnotes — as goldmark
// extenders whose HTML is byte-identical to goldmark's own
// (github.com/yuin/goldmark/extension).
//
// It exists because importing goldmark's extension package costs every
// process about 5 ms at start: its init compiles the linkify regexps and
// grows the main goroutine's stack, though the report never linkifies.
// This package does no work at init, and its table parser checks
// delimiter rows with plain string code instead of regexps.
//
// Only what the report uses is kept: the HTML5 output goldmark gives by
// default (not XHTML), and of goldmark's footnote options only the ID
// prefix. Nodes are those of github.com/yuin/goldmark/extension/ast,
// which is cheap to import, so other code that walks the AST sees the
// same kinds it would with goldmark's extensions.
//
// Node attributes are not rendered: goldmark sets attributes from
// Markdown only on headings (and only with parser.WithAttribute), so
// these nodes never carry any in the report.
package gfm
