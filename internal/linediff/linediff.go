// Package linediff shows where two texts first differ, line by line, for
// tests that compare output with a golden file: a failing golden test
// should point at the change, not print two pages of HTML.
package linediff

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

const (
	// context is how many equal lines are shown around the difference.
	context = 3
	// maxShown bounds the lines shown from each side of the difference.
	maxShown = 20
	// maxSearch bounds how far Diff looks, on each side, for where the
	// texts agree again; beyond it the rest is taken as one difference.
	maxSearch = 400
	// agree is how many equal lines in a row count as the texts agreeing
	// again, so that one blank line or "</div>" does not.
	agree = 3
	// width is how much of a long line is shown; the generated pages hold
	// lines of several thousand characters (charts' JSON options).
	width = 160
)

// Diff returns "" if want and got are equal, and otherwise the first
// region in which they differ, as a unified diff hunk with line numbers:
// a few equal lines of context, the lines of want marked "-", those of got
// marked "+". A long line is shown around its first differing character,
// and a long changed line says at which column it first differs. If the texts differ again further on, a last line
// says so.
func Diff(want, got string) string {
	if want == got {
		return ""
	}
	a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	i, j := resync(a[p:], b[p:])

	var out strings.Builder
	from := max(p-context, 0)
	toA, toB := min(p+i+context, len(a)), min(p+j+context, len(b))
	fmt.Fprintf(&out, "@@ -%d,%d +%d,%d @@ (-want +got)\n", from+1, toA-from, from+1, toB-from)
	for _, l := range a[from:p] {
		out.WriteString("  " + clip(l, 0) + "\n")
	}
	removed, added := a[p:p+i], b[p:p+j]
	side(&out, "-", removed, added)
	side(&out, "+", added, removed)
	for _, l := range a[p+i : toA] {
		out.WriteString("  " + clip(l, 0) + "\n")
	}
	if len(removed) == 1 && len(added) == 1 && max(utf8.RuneCountInString(removed[0]), utf8.RuneCountInString(added[0])) > width {
		// A clipped line loses its place: say where the window is.
		col := firstDifference(removed[0], added[0])
		fmt.Fprintf(&out, "(line %d first differs at column %d)\n", p+1, utf8.RuneCountInString(removed[0][:col])+1)
	}
	if restA, restB := a[p+i:], b[p+j:]; strings.Join(restA, "\n") != strings.Join(restB, "\n") {
		fmt.Fprintf(&out, "… and they differ again after this (want has %d lines, got %d)\n", len(a), len(b))
	}
	return out.String()
}

// side writes the lines of one side of the difference, marked mark, up to
// maxShown of them; each long one is clipped around where it first differs
// from the line in the same place on the other side.
func side(out *strings.Builder, mark string, lines, other []string) {
	for k, l := range lines {
		if k == maxShown {
			fmt.Fprintf(out, "%s … %d more lines\n", mark, len(lines)-k)
			return
		}
		col := 0
		if k < len(other) {
			col = firstDifference(l, other[k])
		}
		out.WriteString(mark + " " + clip(l, col) + "\n")
	}
}

// resync returns how many lines of a and of b make up their first
// difference: the smallest i+j after which they agree for a few lines, or
// both end.
func resync(a, b []string) (i, j int) {
	limit := min(max(len(a), len(b)), 2*maxSearch)
	for d := 1; d <= limit; d++ {
		for i := max(d-len(b), 0); i <= min(d, len(a)); i++ {
			j := d - i
			if i > maxSearch || j > maxSearch {
				continue
			}
			if agreeAt(a[i:], b[j:]) {
				return i, j
			}
		}
	}
	return min(len(a), maxSearch), min(len(b), maxSearch)
}

// agreeAt reports whether a and b start with the same few lines, or are
// both at their end; near the end, fewer lines do.
func agreeAt(a, b []string) bool {
	n := min(agree, max(len(a), len(b)))
	if len(a) < n || len(b) < n {
		return false
	}
	for k := range n {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}

// firstDifference is the byte offset at which x and y first differ.
func firstDifference(x, y string) int {
	n := 0
	for n < len(x) && n < len(y) && x[n] == y[n] {
		n++
	}
	return n
}

// clip returns line whole if it is short, and otherwise a width-long
// window of it around byte offset col, with "…" where it is cut.
func clip(line string, col int) string {
	if utf8.RuneCountInString(line) <= width {
		return line
	}
	start := max(col-width/3, 0)
	for start > 0 && !utf8.RuneStart(line[start]) {
		start--
	}
	end := start
	for n := 0; end < len(line) && n < width; n++ {
		_, size := utf8.DecodeRuneInString(line[end:])
		end += size
	}
	s := line[start:end]
	if start > 0 {
		s = "…" + s
	}
	if end < len(line) {
		s += "…"
	}
	return s
}
