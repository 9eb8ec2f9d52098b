// Package tomlstrict decodes TOML into a struct strictly: every key the
// struct does not name, and every value of the wrong type, is a problem
// located at its line and column in the user's file, with a "did you
// mean" for a near miss. config.toml and content front matter both use
// it, so the two report mistakes the same way.
//
// BurntSushi/toml parses the text; its MetaData.Undecoded lists unknown
// keys without positions, and its type errors stop at the first, so
// this package walks the parsed document itself against the struct's
// `toml` tags and finds each key's position by scanning the text.
package tomlstrict

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// Doc is a decoded document. It remembers where each key was written,
// so that a caller validating the decoded values can report a problem
// at the line of the key that set it.
type Doc struct {
	file   string
	offset int
	raw    map[string]any
	keys   keyIndex
	// bad holds keys already reported as the wrong type: their field
	// kept its default, and a second message about it would mislead.
	bad map[string]bool
}

// Decode parses src as TOML and stores it in v, which must point to a
// struct whose fields are strings, booleans, integers, floats, lists of
// strings or structs (TOML tables), named by `toml:"name"` tags
// (`toml:"-"` skips a field); any other field type panics. Fields of v that src leaves out keep their values, so fill v
// with the defaults first.
//
// Problems are reported against file, with lineOffset added to every
// line: a front matter block that starts on line 2 of its file has
// lineOffset 1. A byte-order mark is ignored. On a syntax error the
// returned Doc is nil and v is unchanged; otherwise v holds every value
// that could be decoded, even when there are problems, so that a caller
// can go on to validate them and report everything at once.
func Decode(file string, lineOffset int, src []byte, v any) (*Doc, problem.List) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
		panic("tomlstrict: Decode needs a pointer to a struct, not " + rv.Type().String())
	}
	text := string(bytes.TrimPrefix(src, []byte("\uFEFF")))
	var probs problem.List
	var raw map[string]any
	if _, err := toml.Decode(text, &raw); err != nil {
		probs = append(probs, syntaxProblem(file, lineOffset, text, err))
		return nil, probs
	}
	d := &Doc{file: file, offset: lineOffset, raw: raw, keys: scanKeys(text), bad: map[string]bool{}}
	w := walker{doc: d, root: rv.Elem().Type(), probs: &probs}
	w.table(raw, rv.Elem(), nil)
	return d, probs
}

// syntaxProblem turns a parse error into a problem at its place in the
// file, counting columns in characters as a report officer's editor does
// (BurntSushi counts bytes).
func syntaxProblem(file string, offset int, text string, err error) problem.Problem {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return problem.Problem{File: file, Message: err.Error()}
	}
	line, col := errorPos(text, pe.Position)
	return problem.Problem{File: file, Line: line + offset, Col: col, Message: pe.Message + hint(pe, text, line, offset)}
}

// errorPos finds where a parse error is. Position.Start, a byte offset,
// is usually exact where Position.Line and Col are not: an error at a
// line end is put on the line before or after, and Col is sometimes
// computed from the wrong line (a duplicate key is placed past its own).
// But inside a multi-line string, Start is the string's start and Line
// the error's: there Line wins, with Col only when it falls on the line.
func errorPos(text string, p toml.Position) (line, col int) {
	lines := strings.Split(text, "\n")
	if p.Start >= 0 && p.Start <= len(text) {
		before := text[:p.Start]
		sl := strings.Count(before, "\n") + 1
		atEOL := p.Start < len(text) && (text[p.Start] == '\n' || text[p.Start] == '\r')
		if p.Line < 1 || p.Line > len(lines) || sl == p.Line || atEOL && sl-p.Line <= 1 && p.Line-sl <= 1 {
			return sl, utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
		}
	}
	if p.Line < 1 || p.Line > len(lines) {
		return 0, 0
	}
	l := lines[p.Line-1]
	if p.Col < 1 || p.Col > len(l) {
		return p.Line, 0
	}
	return p.Line, utf8.RuneCountInString(l[:p.Col-1]) + 1
}

// hint adds advice for the syntax errors a report officer is likely to
// make; BurntSushi's messages say what is wrong but not what to write.
// text is the file, line the error's line in it and offset what problems
// add to a line number.
func hint(pe toml.ParseError, text string, line, offset int) string {
	key := pe.LastKey
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		key = key[i+1:]
	}
	if key == "" {
		key = "name"
	}
	switch {
	case strings.HasPrefix(pe.Message, "expected value but found"):
		return ` (text goes in double quotes: ` + key + ` = "…")`
	case strings.HasPrefix(pe.Message, "invalid datetime"):
		return ` (a year or date written as text goes in double quotes: ` + key + ` = "2024-25")`
	case strings.Contains(pe.Message, "has already been defined"):
		first := regexp.MustCompile(`^\s*"?` + regexp.QuoteMeta(key) + `"?\s*=`)
		for i, l := range strings.Split(text, "\n") {
			if i+1 >= line {
				break
			}
			if first.MatchString(l) {
				return fmt.Sprintf(" (each setting may be written only once: it is first written on line %d; delete one of them)", i+1+offset)
			}
		}
		return " (each setting may be written only once)"
	case strings.Contains(pe.Message, "strings cannot contain newlines"):
		return ` (a closing " is missing: end the text with " on the same line)`
	}
	return ""
}

// Has reports whether key, dotted for a table ("thresholds.a1"), is
// written in the document.
func (d *Doc) Has(key string) bool {
	var cur any = d.raw
	for _, k := range strings.Split(key, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return false
		}
		if cur, ok = m[k]; !ok {
			return false
		}
	}
	return true
}

// Pos returns the line and column where key, dotted for a table, is
// written in the file, or 0, 0 when it is not.
func (d *Doc) Pos(key string) (line, col int) {
	return d.pos(strings.Split(key, "."))
}

func (d *Doc) pos(path []string) (line, col int) {
	p, ok := d.keys[strings.Join(path, sep)]
	if !ok {
		return 0, 0
	}
	return p.line + d.offset, p.col
}

// Errorf adds an error about key at the place it is written, or about
// the whole file when it is not written. It adds nothing when key has
// already been reported as the wrong type, since its value is then the
// default rather than what the user wrote.
func (d *Doc) Errorf(l *problem.List, key, format string, args ...any) {
	if d.bad[key] {
		return
	}
	line, col := d.Pos(key)
	l.Errorf(d.file, line, col, key, format, args...)
}

// Warnf adds a warning about key at the place it is written, or about
// the whole file when it is not, unless key has already been reported
// as the wrong type.
func (d *Doc) Warnf(l *problem.List, key, format string, args ...any) {
	if d.bad[key] {
		return
	}
	line, col := d.Pos(key)
	l.Warnf(d.file, line, col, key, format, args...)
}

// walker checks a parsed document against a struct and fills it in.
type walker struct {
	doc   *Doc
	root  reflect.Type
	probs *problem.List
}

// field is a struct field as TOML sees it.
type field struct {
	name  string
	index int
}

// fields returns t's TOML keys in declaration order.
func fields(t reflect.Type) []field {
	var fs []field
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		fs = append(fs, field{name, i})
	}
	return fs
}

// table decodes the table m into the struct rv, whose key is path.
func (w *walker) table(m map[string]any, rv reflect.Value, path []string) {
	fs := fields(rv.Type())
	for _, k := range w.sortedKeys(m, path) {
		full := join(path, []string{k})
		f, ok := find(fs, k)
		if !ok {
			w.unknown(full, m[k], fs, rv.Type())
			continue
		}
		w.value(full, m[k], rv.Field(f.index))
	}
}

func find(fs []field, name string) (field, bool) {
	for _, f := range fs {
		if f.name == name {
			return f, true
		}
	}
	return field{}, false
}

// sortedKeys returns m's keys in the order they are written, so problems
// come out in a stable order whatever Go's map order.
func (w *walker) sortedKeys(m map[string]any, path []string) []string {
	type keyAt struct {
		name      string
		line, col int
	}
	ks := make([]keyAt, 0, len(m))
	for k := range m {
		line, col := w.doc.pos(join(path, []string{k}))
		ks = append(ks, keyAt{k, line, col})
	}
	sort.Slice(ks, func(i, j int) bool {
		a, b := ks[i], ks[j]
		if a.line != b.line {
			return a.line < b.line
		}
		if a.col != b.col {
			return a.col < b.col
		}
		return a.name < b.name
	})
	names := make([]string, len(ks))
	for i, k := range ks {
		names[i] = k.name
	}
	return names
}
