package dataset

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/adoptionreport/adoptionreport/generator/problem"
	"github.com/adoptionreport/adoptionreport/internal/suggest"
)

// A table is one CSV file after decoding, with every row located the way
// a spreadsheet shows it, and its header matched against a schema.
type table struct {
	name      string
	headerRow int
	// col maps a schema column name to its spreadsheet column (A = 1);
	// a column missing from the file is absent.
	col map[string]int
	// names is the schema name of each header cell, "" for a cell that
	// is ignored (unknown, blank or a repeated heading).
	names []string
	rows  []tableRow
	// spare is room for the cells of rows still to come: rows take their
	// cells from one block, not an allocation each. readTable sizes it
	// for the lines after the header; add makes more if that runs out.
	spare []string
}

// A tableRow is one non-blank record: its spreadsheet row and its cells,
// trimmed and padded or cut to the width of the header.
type tableRow struct {
	row   int
	cells []string
}

// schema is the columns of one CSV file, read once from the csv tags of
// its raw struct so the struct and the list of columns cannot disagree.
// A `required:"yes"` tag marks a column the file must have. Every field
// of a raw struct is a string: the cell as written, trimmed. Parsing it
// into a date, money or yes/no is the row check's, because what a cell
// may hold depends on the project (the report year, the day of the
// build) and a problem needs the cell's place and the text as written.
type schema struct {
	columns  []string
	required map[string]bool
	field    map[string]int // column name → index of its struct field
}

func schemaOf(raw any) schema {
	t := reflect.TypeOf(raw)
	s := schema{required: map[string]bool{}, field: map[string]int{}}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Type.Kind() != reflect.String {
			panic("dataset: raw struct field " + t.Name() + "." + f.Name + " is not a string")
		}
		name := f.Tag.Get("csv")
		s.columns = append(s.columns, name)
		s.field[name] = i
		if f.Tag.Get("required") == "yes" {
			s.required[name] = true
		}
	}
	return s
}

func (s schema) has(name string) bool {
	for _, c := range s.columns {
		if c == name {
			return true
		}
	}
	return false
}

// readTable decodes data and splits it into located rows. It returns nil
// when the file cannot be read as a table at all (empty, binary, not
// comma-separated); problems go to probs either way. Rows read before a
// quoting error are kept, so their problems are reported too.
//
// data may be an Excel workbook instead of CSV, and name then its path
// with the sheet to read in square brackets (see splitSheet), or just
// its path for the first sheet. The table is then named FILE[SHEET]
// (problem.Sheet), so every problem found in it says which sheet, and
// callers name problems by t.name rather than name.
func readTable(name string, data []byte, s schema, probs *problem.List) *table {
	file, sheet := splitSheet(name)
	switch {
	case isWorkbook(data):
		rows, sheet, ok := sheetRows(file, sheet, data, probs)
		if !ok {
			return nil
		}
		return sheetTable(problem.Sheet(file, sheet), rows, s, probs)
	case sheet != "":
		probs.Errorf(file, 0, 0, "", "is not an Excel workbook, so it has no sheet %q: give the workbook's path, or remove [%s] from this file's path in config.toml", sheet, sheet)
		return nil
	}
	text, ok := decodeText(name, data, s, probs)
	if !ok {
		return nil
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.FieldsPerRecord = -1 // rows may be ragged; width is checked against the header
	r.ReuseRecord = true   // add copies the cells it keeps
	lines := lineStarts(text)

	var t *table
	// extra counts the physical lines taken by line breaks inside quoted
	// cells so far. A spreadsheet shows such a cell in one row, so each
	// record's row is its first physical line less these.
	extra := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				probs.Errorf(name, 0, 0, "", "cannot be read: %v", err)
				break
			}
			row := pe.StartLine - extra
			field, unterminated := quoteField(text, lines, pe)
			switch {
			case unterminated:
				probs.Errorf(name, row, field+1, t.nameAt(field), `a cell here opens with " but is never closed, so the rest of the file was read as part of it: add the missing " at the end of the cell`)
			case errors.Is(pe.Err, csv.ErrBareQuote):
				probs.Errorf(name, row, field+1, t.nameAt(field), `has a " in a cell that does not start with one: put the whole cell in quotes and double the " inside it ("5"" tall"), or delete the "`)
			default:
				probs.Errorf(name, row, field+1, t.nameAt(field), `has text after the closing " of a quoted cell: a " inside a quoted cell must be doubled ("")`)
			}
			extra += pe.Line - pe.StartLine
			if t == nil {
				// Without its header the file's columns are unknown; taking
				// the next row as the header would only bury this error.
				return nil
			}
			continue
		}
		line, _ := r.FieldPos(0)
		row := line - extra
		for _, f := range rec {
			extra += strings.Count(f, "\n")
		}
		if blank(rec) {
			continue
		}
		if t == nil {
			if t = newTable(name, row, rec, s, probs); t == nil {
				return nil
			}
			if t.addInRuns(text, lines, line, probs) {
				return t
			}
			// Room for a row on every line left: the cells in one block.
			t.spare = make([]string, (len(lines)-line)*len(t.names))
			t.rows = make([]tableRow, 0, len(lines)-line)
			continue
		}
		t.add(row, rec, probs)
	}
	if t == nil {
		probs.Errorf(name, 0, 0, "", "has no header row: the first row must name the columns, e.g. %s", strings.Join(s.requiredColumns(), ","))
	}
	return t
}

// sheetTable matches a sheet's rows, rows[i] being spreadsheet row i+1,
// against the schema as readTable does a CSV file's records.
func sheetTable(name string, rows [][]string, s schema, probs *problem.List) *table {
	var t *table
	for i, rec := range rows {
		if blank(rec) {
			continue
		}
		if t == nil {
			if t = newTable(name, i+1, rec, s, probs); t == nil {
				return nil
			}
			continue
		}
		t.add(i+1, rec, probs)
	}
	if t == nil {
		probs.Errorf(name, 0, 0, "", "is empty: its first row must name the columns, e.g. %s", strings.Join(s.requiredColumns(), ", "))
	}
	return t
}

// decodeText is DecodeText for a table of schema s, whose columns an
// empty file is told it needs.
func decodeText(name string, data []byte, s schema, probs *problem.List) ([]byte, bool) {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\uFEFF")))) == 0 {
		probs.Errorf(name, 0, 0, "", "is empty: it needs a header row naming the columns, e.g. %s", strings.Join(s.requiredColumns(), ","))
		return nil, false
	}
	return DecodeText(name, data, probs)
}

// DecodeText turns a CSV file's bytes into UTF-8 text with \n line ends,
// as every CSV file of a project is read (the SSDA903 return's too):
// UTF-8 with or without a byte-order mark, else Windows-1252, with a
// warning; UTF-16 and binary files are refused, saying what to save them
// as. UTF-8 data is returned as it is, not copied: a table's cells are
// strings of their own, made by encoding/csv.
func DecodeText(name string, data []byte, probs *problem.List) ([]byte, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		probs.Errorf(name, 0, 0, "", `is UTF-16 text (Excel's "Unicode Text"), not CSV: save it as "CSV UTF-8 (Comma delimited)"`)
		return nil, false
	case bytes.IndexByte(data, 0) >= 0:
		probs.Errorf(name, 0, 0, "", `is not a text file (it contains binary data): save the spreadsheet as "CSV UTF-8 (Comma delimited)"`)
		return nil, false
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	text := data
	if !utf8.Valid(data) {
		// Excel's plain "CSV" is Windows-1252, where every byte is a
		// character, so this cannot fail.
		b, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			probs.Errorf(name, 0, 0, "", "is neither UTF-8 nor Windows-1252 text: save it as \"CSV UTF-8\"")
			return nil, false
		}
		text = b
		probs.Warnf(name, 0, 0, "", `file is not UTF-8; read it as Windows-1252 (Excel's "CSV" format) — save as "CSV UTF-8" to avoid this warning`)
	}
	// Old Mac Excel ends lines with \r alone; encoding/csv would see one
	// long line.
	if bytes.IndexByte(text, '\n') < 0 {
		text = bytes.ReplaceAll(text, []byte("\r"), []byte("\n"))
	}
	return text, true
}

// newTable matches a header record against the schema. It returns nil if
// the file is plainly not comma-separated.
func newTable(name string, row int, rec []string, s schema, probs *problem.List) *table {
	if len(rec) == 1 && strings.ContainsAny(rec[0], ";\t") {
		sep := "semicolons"
		if strings.Contains(rec[0], "\t") {
			sep = "tabs"
		}
		if problem.InSheet(name) {
			// A CSV file opened with the wrong separator, then saved as a
			// workbook: every row is one cell of column A.
			probs.Errorf(name, row, 1, "", `the columns are all in column A, separated by %s: select column A and use Data > Text to Columns (Delimited, by %s), then save`, sep, sep)
			return nil
		}
		probs.Errorf(name, row, 1, "", `columns are separated by %s, not commas: save the spreadsheet as "CSV UTF-8 (Comma delimited)"`, sep)
		return nil
	}
	for len(rec) > 0 && strings.TrimSpace(rec[len(rec)-1]) == "" {
		rec = rec[:len(rec)-1]
	}
	t := &table{name: name, headerRow: row, col: map[string]int{}, names: make([]string, len(rec))}
	var unknown []string
	for i, cell := range rec {
		heading := strings.TrimSpace(cell)
		key := strings.ToLower(heading)
		switch {
		case key == "":
			probs.Warnf(name, row, i+1, "", "column %s has no heading, so it is ignored", letters(i+1))
		case !s.has(key):
			unknown = append(unknown, heading)
			probs.Warnf(name, row, i+1, heading, "unknown column, ignored%s", didYouMean(key, s.columns))
		case t.col[key] != 0:
			probs.Errorf(name, row, i+1, key, "column appears twice (first as column %s): delete one of them", letters(t.col[key]))
		default:
			t.col[key] = i + 1
			t.names[i] = key
		}
	}
	for _, c := range s.columns {
		if s.required[c] && t.col[c] == 0 {
			probs.Errorf(name, row, 0, c, "required column is missing: add a column headed %s%s", c, headingLike(c, unknown))
		}
	}
	return t
}

// add appends a data record, checking cells beyond the header's width.
func (t *table) add(row int, rec []string, probs *problem.List) {
	if len(t.spare) < len(t.names) {
		t.spare = make([]string, 256*len(t.names))
	}
	cells := t.spare[:len(t.names):len(t.names)]
	t.spare = t.spare[len(t.names):]
	for i, c := range rec {
		c = strings.TrimSpace(c)
		if i < len(cells) {
			cells[i] = c
			continue
		}
		if c != "" {
			probs.Errorf(t.name, row, i+1, "", "cell to the right of the last column heading: give column %s a heading or delete the cell", letters(i+1))
			break
		}
	}
	t.rows = append(t.rows, tableRow{row: row, cells: cells})
}

// addInRuns adds the records after the header, which ends on line
// header of text, a run of lines to a core, when the file is long enough
// to share out and has no quoted cell: each line is then one record, so
// a run can start at any line and know its rows. It reports false,
// having added nothing, when it cannot. The records and problems are
// those of reading the lines in order.
func (t *table) addInRuns(text []byte, lines []int, header int, probs *problem.List) bool {
	first := header // the 0-based index in lines of the first line after the header
	n := len(lines) - first
	runs := runsOf(n)
	if runs == 1 || bytes.IndexByte(text, '"') >= 0 {
		return false
	}
	parts := make([]table, runs)
	partProbs := make([]problem.List, runs)
	failed := make([]bool, runs)
	inRuns(n, func(k, from, to int) {
		start, end := lines[first+from], len(text)
		if first+to < len(lines) {
			end = lines[first+to]
		}
		part := &parts[k]
		part.name, part.names = t.name, t.names
		part.spare = make([]string, (to-from)*len(t.names))
		part.rows = make([]tableRow, 0, to-from)
		r := csv.NewReader(bytes.NewReader(text[start:end]))
		r.FieldsPerRecord = -1
		r.ReuseRecord = true
		for {
			rec, err := r.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				// Not for a file without quotes; read it in order, as
				// any other file, to report it.
				failed[k] = true
				return
			}
			line, _ := r.FieldPos(0)
			if !blank(rec) {
				part.add(first+from+line, rec, &partProbs[k])
			}
		}
	})
	if slices.Contains(failed, true) {
		return false
	}
	t.rows = make([]tableRow, 0, n)
	for k := range parts {
		t.rows = append(t.rows, parts[k].rows...)
		*probs = append(*probs, partProbs[k]...)
	}
	return true
}

// nameAt is the column name of the 0-based field i, for messages about a
// header-less position. It is safe on a nil table (an error in the header).
func (t *table) nameAt(i int) string {
	if t == nil || i < 0 || i >= len(t.names) {
		return ""
	}
	return t.names[i]
}

// rawRows maps the table's rows onto raw structs of type T, whose schema
// is s, in row order: each cell goes to the string field its column's
// csv tag names. Columns the file lacks leave their fields blank, which
// the row check reports for a required column once, at the header, not
// on every row; ignored columns (unknown, unheaded, repeated) go nowhere.
func rawRows[T any](t *table, s schema) []T {
	// Which field each of the file's columns fills, -1 for none: worked
	// out once, so a row is a loop over its cells.
	fields := make([]int, len(t.names))
	for i, name := range t.names {
		fields[i] = -1
		if f, ok := s.field[name]; ok && name != "" {
			fields[i] = f
		}
	}
	out := make([]T, len(t.rows))
	inRuns(len(t.rows), func(_, from, to int) {
		for k := from; k < to; k++ {
			v := reflect.ValueOf(&out[k]).Elem()
			for i, cell := range t.rows[k].cells {
				if f := fields[i]; f >= 0 {
					v.Field(f).SetString(cell)
				}
			}
		}
	})
	return out
}

// requiredColumns lists the required columns in schema order.
func (s schema) requiredColumns() []string {
	var cols []string
	for _, c := range s.columns {
		if s.required[c] {
			cols = append(cols, c)
		}
	}
	return cols
}

// blank reports whether a record has nothing but spaces: a blank line,
// or a row of empty cells as Excel writes after deleting a row's content.
func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// lineStarts returns the byte offset of each line: lineStarts[0] is line 1.
func lineStarts(text []byte) []int {
	starts := make([]int, 1, bytes.Count(text, []byte("\n"))+1)
	// IndexByte, not a loop over every byte: it searches a word at a
	// time, and England's adopters are 19 MB.
	for i := 0; ; {
		j := bytes.IndexByte(text[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

// quoteField finds, for a quoting error, the 0-based field it is in and
// whether the cause is a quoted cell never closed before the end of the
// file. encoding/csv gives only a byte position and one error value for
// both an unclosed and a stray quote, so the record is scanned again
// from its first line with the same rules.
func quoteField(text []byte, lines []int, pe *csv.ParseError) (field int, unterminated bool) {
	start := offset(lines, pe.StartLine, 1, len(text))
	stop := offset(lines, pe.Line, pe.Column, len(text))
	inQuote, atStart := false, true
	openField := 0
	for i := start; i < len(text); i++ {
		if i >= stop && !inQuote {
			return field, false
		}
		c := text[i]
		if inQuote {
			if c == '"' {
				if i+1 < len(text) && text[i+1] == '"' {
					i++
					continue
				}
				inQuote = false
			}
			continue
		}
		switch c {
		case ',':
			field++
			atStart = true
			continue
		case '\n':
			return field, false
		case '"':
			if atStart {
				inQuote, openField = true, field
			}
		}
		atStart = false
	}
	if inQuote {
		return openField, true
	}
	return field, false
}

// offset converts a 1-based line and byte column to an offset in text.
func offset(lines []int, line, col, end int) int {
	if line < 1 || line > len(lines) {
		return end
	}
	return min(lines[line-1]+max(col, 1)-1, end)
}

// letters names spreadsheet column n (A = 1) as Excel does: A…Z, AA….
func letters(n int) string { return problem.Letters(n) }

// didYouMean suggests the schema column (or other name) an unknown one
// was probably meant to be, as " (did you mean x?)", or "".
func didYouMean(word string, names []string) string {
	if s := suggest.Suggest(word, names); s != "" {
		return " (did you mean " + s + "?)"
	}
	return ""
}

// headingLike names an unknown heading that was probably meant to be the
// missing column c.
func headingLike(c string, unknown []string) string {
	for _, u := range unknown {
		if suggest.Suggest(u, []string{c}) != "" {
			return fmt.Sprintf(" (or rename the column headed %q)", u)
		}
	}
	return ""
}
