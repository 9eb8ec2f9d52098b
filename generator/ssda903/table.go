package ssda903

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// A Loc is where a cell is, the way a spreadsheet shows it: the file,
// its row (header = 1) and column (A = 1), and the column's heading.
// The zero Loc is nowhere.
type Loc struct {
	File   string
	Row    int
	Col    int
	Column string
}

// String is the place as problems write it: FILE:ROW:COL, the column
// as a letter in a workbook's sheet, as Excel shows it.
func (l Loc) String() string {
	if problem.InSheet(l.File) {
		return fmt.Sprintf("%s:%d:%s", l.File, l.Row, problem.Letters(l.Col))
	}
	return fmt.Sprintf("%s:%d:%d", l.File, l.Row, l.Col)
}

// A cell is one value as written, with where it was written. It is
// kept small (its place is worked out when a message needs it): a
// council's twelve years of episodes are tens of thousands of rows of
// cells.
type cell struct {
	text     string
	t        *table
	row, col int32
}

// at is where the cell is.
func (c cell) at() Loc {
	if c.t == nil {
		return Loc{}
	}
	l := Loc{File: c.t.name, Row: int(c.row), Col: int(c.col)}
	if c.col > 0 && int(c.col) <= len(c.t.header) {
		l.Column = c.t.header[c.col-1]
	}
	return l
}

// table is one CSV file of the return: its columns by upper-case
// heading, and its non-blank rows.
type table struct {
	name   string
	col    map[string]int // heading (upper case) → column, A = 1
	header []string       // heading of each column, as written
	rows   []tableRow
}

type tableRow struct {
	row   int
	cells []string
}

// get returns the row's cell under heading (upper case), blank with the
// row's place when the file has no such column.
func (t *table) get(r tableRow, heading string) cell {
	c := t.col[heading]
	if c == 0 || c > len(r.cells) {
		return cell{t: t, row: int32(r.row), col: int32(c)}
	}
	return cell{text: r.cells[c-1], t: t, row: int32(r.row), col: int32(c)}
}

// readTable reads one CSV file. Headings are matched ignoring case and
// spaces; a heading not in known is noted in unknown (as FILE: HEADING)
// for the one warning the reader gives, and its cells are ignored. A
// column in required that the file lacks is an error. The 903 returns
// are written by case-management systems, not typed, so the reader is
// plainer than children.csv's: it decodes the text as that one does
// (dataset.DecodeText) and stops at the first quoting error.
func readTable(name string, data []byte, known, required []string, unknown *[]string, probs *problem.List) *table {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		probs.Errorf(name, 0, 0, "", `is an Excel workbook, not a CSV file: export the table from the 903 system as CSV, or open it in Excel and use File > Save As > "CSV UTF-8 (Comma delimited)"`)
		return nil
	}
	data, ok := dataset.DecodeText(name, data, probs)
	if !ok {
		return nil
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.ReuseRecord = true // the cells are copied below
	var t *table
	var spare []string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				probs.Errorf(name, pe.StartLine, 0, "", `cannot be read from this row on: %v (a " inside a cell must be doubled, and the cell put in quotes)`, pe.Err)
			} else {
				probs.Errorf(name, 0, 0, "", "cannot be read: %v", err)
			}
			break
		}
		line, _ := r.FieldPos(0)
		if blankRecord(rec) {
			continue
		}
		if t == nil {
			t = &table{name: name, col: map[string]int{}}
			for i, h := range rec {
				t.header = append(t.header, strings.TrimSpace(h)) // as written, for messages
				h = strings.ToUpper(strings.TrimSpace(h))
				switch {
				case h == "":
				case !contains(known, h):
					*unknown = append(*unknown, name+": "+strings.TrimSpace(rec[i]))
				case t.col[h] != 0:
					probs.Errorf(name, line, i+1, h, "column appears twice: delete one of them")
				default:
					t.col[h] = i + 1
				}
			}
			for _, c := range required {
				if t.col[c] == 0 {
					probs.Errorf(name, line, 0, c, "required column of the 903 return is missing: export the table with its column %s", c)
				}
			}
			continue
		}
		// The cells of all rows come from one block, not an allocation each.
		if len(spare) < len(rec) {
			spare = make([]string, max(len(rec), 4096))
		}
		cells := spare[:len(rec):len(rec)]
		spare = spare[len(rec):]
		for i, c := range rec {
			cells[i] = strings.TrimSpace(c)
		}
		t.rows = append(t.rows, tableRow{row: line, cells: cells})
	}
	if t == nil {
		probs.Errorf(name, 0, 0, "", "is empty: a table of the 903 return starts with a row of its column names, e.g. %s", strings.Join(required, ","))
	}
	return t
}

func blankRecord(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
