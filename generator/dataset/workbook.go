package dataset

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// The first bytes of the files a spreadsheet program saves: a zip
// archive (.xlsx, .xlsm, .ods) and Microsoft's compound file, which holds
// both the old binary workbook (.xls) and a password-protected .xlsx.
var (
	zipMagic = []byte("PK\x03\x04")
	cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// maxUnzipped bounds the size a workbook's parts say they unpack to.
// excelize sets aside that much memory for a part before reading it, so
// a damaged size (a few bytes claiming gigabytes) would stall the build;
// a council's tracker or Annex A unpacks to a few tens of megabytes.
const maxUnzipped = 256 << 20

// saveAsXLSX is the advice for a workbook that cannot be read.
const saveAsXLSX = `open it in Excel and use File > Save As > "Excel Workbook (.xlsx)"`

// splitSheet cuts a data path as config.toml gives it into the file and
// the sheet named in square brackets after it:
// "data/tracker.xlsx[Children]" is the sheet Children of
// data/tracker.xlsx, the way problems name it. sheet is "" when the path
// names none. Excel allows neither [ nor ] in a sheet's name.
func splitSheet(name string) (file, sheet string) {
	if !strings.HasSuffix(name, "]") {
		return name, ""
	}
	i := strings.LastIndexByte(name, '[')
	if i <= 0 {
		return name, ""
	}
	return name[:i], name[i+1 : len(name)-1]
}

// SheetFile is the file of a data path as config.toml gives it, without
// the sheet a workbook's path may name in square brackets.
func SheetFile(name string) string {
	file, _ := splitSheet(name)
	return file
}

// isWorkbook reports whether data is a file a spreadsheet program saved
// in its own format rather than as CSV: the content decides, not the
// name, because a workbook saved under a .csv name is still a workbook.
func isWorkbook(data []byte) bool {
	return bytes.HasPrefix(data, zipMagic) || bytes.HasPrefix(data, cfbMagic)
}

// sheetRows opens the workbook data of file and returns the cells of the
// named sheet, or of the first visible one when sheet is "", each row's
// cells from column A, rows[i] being spreadsheet row i+1, with the name
// of the sheet read. Cells are text as a CSV file would hold them (see
// convertCells). ok is false, with the reason in probs, when there is no
// sheet to read.
func sheetRows(file, sheet string, data []byte, probs *problem.List) (rows [][]string, name string, ok bool) {
	f := openWorkbook(file, data, probs)
	if f == nil {
		return nil, "", false
	}
	defer f.Close()
	if name, ok = pickSheet(f, file, sheet, f.GetSheetList(), probs); !ok {
		return nil, "", false
	}
	if rows, ok = sheetCells(f, file, name, probs); !ok {
		return nil, "", false
	}
	return rows, name, true
}

// openWorkbook opens the workbook data of file, or reports why it cannot
// and returns nil. The caller closes it. It has at least one worksheet.
func openWorkbook(file string, data []byte, probs *problem.List) *excelize.File {
	if bytes.HasPrefix(data, cfbMagic) {
		if hasStream(data, "EncryptedPackage") {
			probs.Errorf(file, 0, 0, "", "is protected by a password, so it cannot be read: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, and clear the password), save it, and keep it somewhere only the team can reach")
		} else {
			probs.Errorf(file, 0, 0, "", "is an Excel 97-2003 workbook (.xls), which cannot be read: %s", saveAsXLSX)
		}
		return nil
	}
	if bytes.Contains(data[:min(len(data), 200)], []byte("opendocument")) {
		probs.Errorf(file, 0, 0, "", `is an OpenDocument spreadsheet (.ods), which cannot be read: save it as "Excel 2007-365 (.xlsx)"`)
		return nil
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped})
	switch {
	case err != nil && strings.Contains(err.Error(), "unzip size exceeds"):
		probs.Errorf(file, 0, 0, "", "is too large to read (over %d MB unpacked), or damaged: delete the sheets the report does not read, or save the table as CSV UTF-8", maxUnzipped>>20)
		return nil
	case err != nil:
		probs.Errorf(file, 0, 0, "", "cannot be read as an Excel workbook (%v): it may be damaged, or another kind of file renamed; %s", err, saveAsXLSX)
		return nil
	}
	if len(f.GetSheetList()) == 0 {
		f.Close()
		probs.Errorf(file, 0, 0, "", "holds no worksheets (it may be a binary .xlsb workbook or a chart sheet only): %s", saveAsXLSX)
		return nil
	}
	return f
}

// sheetCells reads one sheet of an open workbook, as sheetRows does.
func sheetCells(f *excelize.File, file, sheet string, probs *problem.List) ([][]string, bool) {
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err == nil {
		err = convertCells(f, sheet, rows)
	}
	if err != nil {
		probs.Errorf(problem.Sheet(file, sheet), 0, 0, "", "cannot be read (%v): it may be damaged; %s", err, saveAsXLSX)
		return nil, false
	}
	return rows, true
}

// pickSheet finds the sheet the project names, as Excel does, ignoring
// case; with none named it takes the first sheet the officer can see,
// since a hidden sheet is not the one they mean by "the first".
func pickSheet(f *excelize.File, file, sheet string, sheets []string, probs *problem.List) (string, bool) {
	if sheet == "" {
		for _, s := range sheets {
			if visible, err := f.GetSheetVisible(s); err == nil && visible {
				return s, true
			}
		}
		return sheets[0], true
	}
	for _, s := range sheets {
		if strings.EqualFold(s, sheet) {
			return s, true
		}
	}
	quoted := make([]string, len(sheets))
	for i, s := range sheets {
		quoted[i] = strconv.Quote(s)
	}
	probs.Errorf(file, 0, 0, "", "has no sheet named %q%s; its sheets are %s: write one of them in square brackets after the file's path in config.toml, e.g. %q",
		sheet, didYouMean(sheet, sheets), strings.Join(quoted, ", "), problem.Sheet(file, sheets[0]))
	return "", false
}

// hasStream reports whether a compound file holds a stream of that name.
// Its directory stores names as UTF-16LE; an encrypted .xlsx is the one
// with an EncryptedPackage stream, which an .xls never has.
func hasStream(data []byte, name string) bool {
	u := utf16.Encode([]rune(name))
	b := make([]byte, 2*len(u))
	for i, c := range u {
		b[2*i], b[2*i+1] = byte(c), byte(c>>8)
	}
	return bytes.Contains(data, b)
}

// A cellKind is how a number cell's format says to read it.
type cellKind int

const (
	numberCell cellKind = iota
	dateCell
	percentCell
)

// convertCells turns the raw values of a sheet's cells, in place, into
// the text a CSV file of the same table would hold: a date cell (a
// number with a date format) becomes its day, 31/03/2024, whatever
// format shows it; any other number its value to Excel's 15 significant
// digits, without the thousands separators or currency sign its format
// may add (a percentage as the percentage shown, 62.5 for 62.5%); text
// stays as typed. Formulas give the value Excel last calculated.
func convertCells(f *excelize.File, sheet string, rows [][]string) error {
	props, err := f.GetWorkbookProps()
	if err != nil {
		return err
	}
	date1904 := props.Date1904 != nil && *props.Date1904
	kinds := map[int]cellKind{} // by style: a sheet has few, and its cells many
	for r, row := range rows {
		for c, v := range row {
			if v == "" || !(v[0] >= '0' && v[0] <= '9' || v[0] == '-' || v[0] == '.') {
				continue // text: no number looks like this
			}
			ref, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				return err
			}
			typ, err := f.GetCellType(sheet, ref)
			if err != nil {
				return err
			}
			switch typ {
			case excelize.CellTypeDate:
				// An ISO 8601 date, which Excel writes only in strict files.
				if d, err := parseDate(strings.SplitN(v, "T", 2)[0]); err == nil && d != 0 {
					row[c] = uk(d)
				}
				continue
			case excelize.CellTypeUnset, excelize.CellTypeNumber:
			default:
				continue
			}
			n, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue
			}
			style, err := f.GetCellStyle(sheet, ref)
			if err != nil {
				return err
			}
			kind, seen := kinds[style]
			if !seen {
				kind = styleKind(f, style)
				kinds[style] = kind
			}
			row[c] = numberCellText(n, kind, date1904)
		}
	}
	return nil
}

// numberCellText is the text of a number cell of the given kind.
func numberCellText(n float64, kind cellKind, date1904 bool) string {
	switch kind {
	case dateCell:
		// A date with a time of day is the day: a case-management export
		// often writes 31/03/2024 00:00. Before 1900 Excel has no dates,
		// so such a number stays a number, and the column's check says so.
		if t, err := excelize.ExcelDateToTime(n, date1904); err == nil && n >= 1 {
			return t.Format("02/01/2006")
		}
	case percentCell:
		n *= 100
	}
	return numberText(n)
}

// numberText writes n as Excel keeps it, to 15 significant digits, in
// plain decimals: 0.1+0.2 is 0.3, as Excel shows, not 0.30000000000000004.
func numberText(n float64) string {
	r, err := strconv.ParseFloat(strconv.FormatFloat(n, 'g', 15, 64), 64)
	if err != nil || math.IsInf(r, 0) {
		r = n
	}
	if r == 0 {
		r = 0 // no "-0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// styleKind reads a cell style's number format.
func styleKind(f *excelize.File, style int) cellKind {
	s, err := f.GetStyle(style)
	if err != nil || s == nil {
		return numberCell
	}
	if s.CustomNumFmt != nil {
		return formatKind(*s.CustomNumFmt)
	}
	switch id := s.NumFmt; {
	case id >= 14 && id <= 17, id == 22, id >= 27 && id <= 36, id >= 50 && id <= 58, id >= 71 && id <= 76:
		// Excel's built-in date formats, and those of its East Asian and
		// Thai editions; 18-21 and 45-47 are times of day, not dates.
		return dateCell
	case id == 9 || id == 10:
		return percentCell
	}
	return numberCell
}

// formatKind reads a custom number format code such as dd/mm/yyyy,
// [$-809]d mmmm yyyy or £#,##0.00. Only its first section (positive
// numbers) counts; text in quotes, after a backslash, after _ or * (a
// space or fill the width of the next character) and in [brackets]
// (colours, locales, elapsed hours) is not a date part.
func formatKind(code string) cellKind {
	var b strings.Builder
	inQuote := false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case inQuote:
			inQuote = c != '"'
		case c == '"':
			inQuote = true
		case c == '\\' || c == '_' || c == '*':
			i++
		case c == '[':
			if j := strings.IndexByte(code[i:], ']'); j > 0 {
				i += j
			}
		case c == ';':
			i = len(code)
		default:
			b.WriteByte(c | 0x20) // ASCII lower case; other bytes do not matter
		}
	}
	s := b.String()
	switch {
	case strings.ContainsAny(s, "yd"), strings.Contains(s, "m") && !strings.ContainsAny(s, "hs"):
		return dateCell
	case strings.Contains(s, "%"):
		return percentCell
	}
	return numberCell
}
