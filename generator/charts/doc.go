// Package charts turns a report's figures into what a reader sees: ECharts
// options for each chart, the table of the figures each chart draws, the
// tables that stand alone, a one-sentence text alternative per chart, and
// the wording of single figures ("412 days", "£1.2m", "[c]").
//
// It builds charts with go-echarts but never renders them: go-echarts'
// RenderSnippet writes the options into an inline script without escaping
// them for HTML, so a spreadsheet label such as "</script>" would end the
// script. Options here are marshalled with encoding/json, which escapes <,
// > and & as \u003c, \u003e and \u0026, for a <script type="application/json">
// block that the theme's one external charts.js reads. Every chart has a
// fixed ChartID, the SVG renderer (axis labels are real text, which a PDF
// keeps) and no animation, and the bytes depend only on the figures.
//
// Suppressed figures (indicators.Figure.Suppressed, and the time-to-match
// curve's indicators.Milestone.Suppressed, set by disclosure control) are
// left out of chart data, show as "[c]" in tables, and the chart's text
// alternative says how many are missing and why. The package reads those
// marks and never decides suppression itself.
//
// Every table cell and chart point written from a figure carries a ref
// (refs.go): the indicators.json entry, or the comparators.csv row, it
// shows, so that a test can walk the whole report against those files.
//
// The package does no I/O: the site writes the options, tables and CSV.
// docs/charts.md lists every chart and table ID.
package charts
