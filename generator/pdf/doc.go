// Package pdf prints a built report's print edition, output/print.html, to
// an A4 PDF with Chromium, driven over the DevTools protocol by chromedp.
// It does no building itself: the caller builds the site first with
// generator.Build.
//
// # What the page must do
//
// print.html is the whole report as one document, with its @page rules
// (size: A4, margins, margin boxes with "Page N of M") in its own CSS. Print
// waits until charts.js sets data-charts-ready="true" on <html>, which it
// does once every chart has drawn, or at once on a page without charts.
// Each section is a <section class="print-section" id="sec-SLUG"> that
// starts on a new page, and the contents list links to it with
//
//	<a href="#sec-SLUG">Title<span class="toc-page" data-section="sec-SLUG"></span></a>
//
// Print fills each .toc-page with the number of the page the section
// starts on.
//
// # How the contents gets its page numbers
//
// Browsers do not implement CSS's target-counter(), the standard way to
// print "see page N". Two ways round that were weighed:
//
//   - a paged-media polyfill such as Paged.js, which lays the pages out
//     itself in JavaScript: it would be a second layout engine, with its
//     own bugs, a large vendored script to keep current, and one more
//     thing the page's strict Content-Security-Policy must allow;
//   - printing twice with Chromium's own layout, which this package does.
//
// The first print is only to learn where the sections fall, so it is a
// sketch: the page's inline SVG (its charts) is hidden, which keeps every
// box where it was but spares Chromium the chart patterns it rasterises,
// most of the time a print takes. Chromium
// writes a named destination into the PDF for every element a link in the
// document points to, named after its id and pointing to the page where
// the element starts; the contents' links to #sec-SLUG are exactly such
// links. Print reads those destinations from the PDF (a small reader in
// this package; Chromium's PDFs have a classic cross-reference table and
// uncompressed dictionaries), writes the page numbers into the .toc-page
// spans through the DevTools protocol (Runtime.evaluate, which the page's
// CSP does not govern, so the page needs no inline script), and prints
// again. If the numbers in the second PDF differ from those written, which
// happens only when filling them in makes the contents longer, it repeats,
// up to a small bound, and otherwise reports the page that will not
// settle. The page numbers come from the very PDF that is delivered, not
// from a measurement of the screen layout, which is why this is robust.
//
// When Options.Output already holds a PDF, its named destinations are a
// guess: Print writes them into the contents before the first print and,
// when that print's sections are where the guess put them, delivers it,
// one print in all. A wrong guess costs a second print, never a wrong page
// number. The sketch is printed untagged, which spares Chromium building a
// structure tree no one reads.
//
// Chromium starts in the background (StartBrowser), so a caller can start
// it before building the site and the two overlap.
//
// # Metadata
//
// Chromium takes the PDF's title from <title> and has no way to set the
// author or subject, so Print writes Title, Author and Subject into the
// PDF's document information dictionary itself, as an incremental update
// appended to the file (a new Info object, a one-entry cross-reference
// section and a trailer with /Prev), which leaves Chromium's bytes as they
// were.
//
// The PDF is tagged (a structure tree for screen readers), has an outline
// of the headings, and is written to a temporary file and renamed, so a
// failed print never leaves half a PDF or removes the previous one.
package pdf
