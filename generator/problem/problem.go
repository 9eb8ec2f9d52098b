// Package problem is the list of things wrong with a report project,
// located the way a report officer finds them: file, spreadsheet row and
// column, and the column's name.
package problem

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	// Error stops the build and leaves any earlier output untouched.
	Error Severity = iota
	// Warning is printed but the build goes on.
	Warning
)

// Problem is one thing wrong, at FILE:LINE:COL. Line is the spreadsheet
// row (header = 1) or text line; Col the spreadsheet column (A = 1) or
// character column. Zero Line or Col means the problem is about the whole
// file or row. Field names the CSV column or setting, if any.
type Problem struct {
	File     string
	Line     int
	Col      int
	Field    string
	Message  string
	Severity Severity
}

// String formats p as FILE:LINE:COL: field: message, leaving out the
// parts that are not known. Severity is not part of the text: callers
// print errors and warnings under their own headings.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(Place(p.File, p.Line, p.Col))
	b.WriteString(": ")
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Place is where a problem is, as its String begins: FILE, FILE:LINE or
// FILE:LINE:COL. In a workbook's sheet (see Sheet) the column is given
// by Excel's letters, data/tracker.xlsx[Children]:14:J, because that is
// what Excel shows above the cell; a CSV file's column stays a number,
// as a text editor counts it.
func Place(file string, line, col int) string {
	switch {
	case line <= 0:
		return file
	case col <= 0:
		return fmt.Sprintf("%s:%d", file, line)
	case InSheet(file):
		return fmt.Sprintf("%s:%d:%s", file, line, Letters(col))
	}
	return fmt.Sprintf("%s:%d:%d", file, line, col)
}

// Sheet names one sheet of a workbook file, FILE[SHEET], for a problem's
// File. Excel does not allow [ or ] in a sheet's name, so the name is
// never ambiguous.
func Sheet(file, sheet string) string { return file + "[" + sheet + "]" }

// InSheet reports whether file names a workbook's sheet, as Sheet does.
func InSheet(file string) bool {
	return strings.HasSuffix(file, "]") && strings.Contains(file, "[")
}

// Letters names spreadsheet column n (A = 1) as Excel does: A…Z, AA….
func Letters(n int) string {
	s := ""
	for n > 0 {
		n--
		s = string(rune('A'+n%26)) + s
		n /= 26
	}
	return s
}

// List is a set of problems.
type List []Problem

// Errorf adds an error.
func (l *List) Errorf(file string, line, col int, field, format string, args ...any) {
	*l = append(*l, Problem{File: file, Line: line, Col: col, Field: field, Message: fmt.Sprintf(format, args...), Severity: Error})
}

// Warnf adds a warning.
func (l *List) Warnf(file string, line, col int, field, format string, args ...any) {
	*l = append(*l, Problem{File: file, Line: line, Col: col, Field: field, Message: fmt.Sprintf(format, args...), Severity: Warning})
}

// HasErrors reports whether any problem is an error.
func (l List) HasErrors() bool {
	for _, p := range l {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, p := range l {
		if p.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// Sort orders the list errors first, then warnings, each by file, line
// and column, so output is the same however the checks ran.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Summary returns "2 errors, 1 warning".
func (l List) Summary() string {
	e, w := l.Count()
	return plural(e, "error") + ", " + plural(w, "warning")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Error makes a List usable as an error: the whole list, one per line.
func (l List) Error() string {
	s := make([]string, len(l))
	for i, p := range l {
		s[i] = p.String()
	}
	return strings.Join(s, "\n")
}

// Print writes the errors under "Errors:", then the warnings under
// "Warnings:", one problem a line, as the commands print them.
func (l List) Print(w io.Writer) {
	for i, sev := range []Severity{Error, Warning} {
		first := true
		for _, p := range l {
			if p.Severity != sev {
				continue
			}
			if first {
				fmt.Fprintln(w, []string{"Errors:", "Warnings:"}[i])
				first = false
			}
			fmt.Fprintln(w, "  "+p.String())
		}
	}
}
