package pdf

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"unicode/utf16"
)

// Metadata is the document information a PDF viewer shows in its
// properties and a search engine indexes. Chromium sets the title from
// <title> and offers no way to set the author or subject.
type Metadata struct {
	Title   string
	Author  string
	Subject string
}

// setInfo returns data with m written into the PDF's document information
// dictionary, as an incremental update: the file as Chromium wrote it,
// followed by a new version of the Info object, a cross-reference section
// for it alone and a trailer pointing back to the old section with /Prev.
// Appending, instead of rewriting the file, leaves every offset in
// Chromium's part valid, so there is nothing to renumber and little to get
// wrong. Chromium's other Info entries (Creator, Producer, the dates) are
// kept; blank fields of m leave theirs as they were.
func setInfo(data []byte, m Metadata) ([]byte, error) {
	doc, err := parseDocument(data)
	if err != nil {
		return nil, err
	}
	info := dict{}
	num, gen := 0, 0
	if v, ok := doc.trailer["Info"]; ok {
		old, err := doc.dictAt(v, "the document information dictionary")
		if err != nil {
			return nil, err
		}
		info = maps.Clone(old)
		if r, ok := v.(ref); ok {
			num, gen = r.num, r.gen // replace that object
		}
	}
	size, _ := doc.trailer["Size"].(int)
	if num == 0 {
		num = max(size, maxObject(doc)+1)
	}
	for k, v := range map[name]string{"Title": m.Title, "Author": m.Author, "Subject": m.Subject} {
		if v != "" {
			info[k] = textString(v)
		}
	}

	var b bytes.Buffer
	b.Grow(len(data) + 1024)
	b.Write(data)
	if !bytes.HasSuffix(data, []byte("\n")) && !bytes.HasSuffix(data, []byte("\r")) {
		b.WriteByte('\n')
	}
	objAt := b.Len()
	fmt.Fprintf(&b, "%d %d obj\n", num, gen)
	writeValue(&b, info)
	b.WriteString("\nendobj\n")
	xrefAt := b.Len()
	// Each entry is exactly 20 bytes, ending in CR LF.
	fmt.Fprintf(&b, "xref\n%d 1\n%010d %05d n\r\n", num, objAt, gen)
	trailer := dict{
		"Size": max(size, num+1),
		"Root": doc.trailer["Root"],
		"Info": ref{num, gen},
		"Prev": int(doc.startxref),
	}
	if id, ok := doc.trailer["ID"]; ok {
		trailer["ID"] = id
	}
	b.WriteString("trailer\n")
	writeValue(&b, trailer)
	fmt.Fprintf(&b, "\nstartxref\n%d\n%%%%EOF\n", xrefAt)
	return b.Bytes(), nil
}

// maxObject is the highest object number in use, for a file whose trailer
// lacks the /Size it must have.
func maxObject(doc *document) int {
	n := 0
	for k := range doc.offsets {
		n = max(n, k)
	}
	return n
}

// textString encodes s as a PDF text string: as it is when it is printable
// ASCII, which PDFDocEncoding shares, else as UTF-16BE with a byte-order
// mark, which every reader since PDF 1.2 understands.
func textString(s string) pdfStr {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		return pdfStr(s)
	}
	out := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u>>8), byte(u))
	}
	return pdfStr(out)
}

// writeValue writes v in PDF syntax. Dictionary keys are sorted so that the
// same metadata gives the same bytes.
func writeValue(b *bytes.Buffer, v any) {
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case int:
		b.WriteString(strconv.Itoa(v))
	case float64:
		b.WriteString(strconv.FormatFloat(v, 'f', -1, 64))
	case keyword:
		b.WriteString(string(v))
	case ref:
		fmt.Fprintf(b, "%d %d R", v.num, v.gen)
	case name:
		writeName(b, v)
	case pdfStr:
		writeString(b, v)
	case array:
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteByte(' ')
			}
			writeValue(b, e)
		}
		b.WriteByte(']')
	case dict:
		b.WriteString("<<")
		for i, k := range slices.Sorted(maps.Keys(v)) {
			if i > 0 {
				b.WriteByte('\n')
			}
			writeName(b, k)
			b.WriteByte(' ')
			writeValue(b, v[k])
		}
		b.WriteString(">>")
	default:
		panic(fmt.Sprintf("pdf: writeValue of %T", v)) // only the reader's types reach here
	}
}

// writeName writes /n, escaping as #xx what may not stand in a name.
func writeName(b *bytes.Buffer, n name) {
	b.WriteByte('/')
	for i := 0; i < len(n); i++ {
		c := n[i]
		if c < '!' || c > '~' || c == '#' || isDelim(c) {
			fmt.Fprintf(b, "#%02X", c)
			continue
		}
		b.WriteByte(c)
	}
}

// writeString writes s as a (literal) when it is printable ASCII, for
// anyone reading the file, else as <hex>, which needs no escaping rules.
func writeString(b *bytes.Buffer, s pdfStr) {
	for _, c := range s {
		if c < 0x20 || c > 0x7e {
			fmt.Fprintf(b, "<%X>", []byte(s))
			return
		}
	}
	b.WriteByte('(')
	for _, c := range s {
		if c == '(' || c == ')' || c == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	b.WriteByte(')')
}
