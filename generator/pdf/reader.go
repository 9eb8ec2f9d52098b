package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// This file reads just enough of a PDF to number the contents and to
// update the document information: the cross-reference table, the trailer,
// the page tree and the named destinations. It reads what Chromium's PDF
// writer (Skia) produces: a classic cross-reference table, objects written
// out in full. Streams are never decoded; only dictionaries are read.

// The PDF object types, as read.
type (
	name    string // a name, without its slash, #xx escapes decoded
	pdfStr  []byte // a string's bytes, escapes decoded
	array   []any
	dict    map[name]any
	ref     struct{ num, gen int }
	keyword string // true, false, null, R, obj, stream…
)

// errXRefStream says the PDF keeps its cross references in a stream (PDF
// 1.5), which Chromium does not write and this reader does not read.
var errXRefStream = errors.New("the PDF has a cross-reference stream, which this reader does not read (is it from Chromium?)")

// document is a parsed PDF: where each object is, and the trailer.
type document struct {
	data      []byte
	offsets   map[int]int64 // object number → byte offset of "N G obj"
	trailer   dict          // of the newest cross-reference section
	startxref int64         // offset of the newest cross-reference section
}

// parseDocument reads the cross-reference sections of data, newest first.
func parseDocument(data []byte) (*document, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return nil, errors.New("not a PDF: it does not start with %PDF-")
	}
	start, err := findStartXRef(data)
	if err != nil {
		return nil, err
	}
	d := &document{data: data, offsets: map[int]int64{}, startxref: start}
	seen := map[int64]bool{}
	for off := start; ; {
		if seen[off] {
			return nil, fmt.Errorf("cross-reference sections form a loop at byte %d", off)
		}
		seen[off] = true
		trailer, err := d.readXRef(off)
		if err != nil {
			return nil, err
		}
		if d.trailer == nil {
			d.trailer = trailer
		}
		prev, ok := trailer["Prev"].(int)
		if !ok {
			break
		}
		off = int64(prev)
	}
	if _, ok := d.trailer["Root"].(ref); !ok {
		return nil, errors.New("the PDF trailer has no /Root")
	}
	return d, nil
}

// findStartXRef returns the offset after the last "startxref".
func findStartXRef(data []byte) (int64, error) {
	i := bytes.LastIndex(data, []byte("startxref"))
	if i < 0 {
		return 0, errors.New("the PDF has no startxref: it is cut short or damaged")
	}
	lx := lexer{data: data, pos: i + len("startxref")}
	v, err := lx.value()
	n, ok := v.(int)
	if err != nil || !ok || n < 0 || n >= len(data) {
		return 0, fmt.Errorf("the PDF's startxref at byte %d does not give an offset in the file", i)
	}
	return int64(n), nil
}

// readXRef reads the cross-reference section at off into d.offsets,
// without overwriting entries that a newer section gave, and returns its
// trailer.
func (d *document) readXRef(off int64) (dict, error) {
	lx := lexer{data: d.data, pos: int(off)}
	tok, err := lx.value()
	if err != nil {
		return nil, fmt.Errorf("cross-reference section at byte %d: %w", off, err)
	}
	if _, isInt := tok.(int); isInt {
		return nil, errXRefStream
	}
	if tok != keyword("xref") {
		return nil, fmt.Errorf("no cross-reference table at byte %d", off)
	}
	for {
		v, err := lx.value()
		if err != nil {
			return nil, fmt.Errorf("cross-reference table at byte %d: %w", off, err)
		}
		if v == keyword("trailer") {
			break
		}
		first, ok1 := v.(int)
		count, ok2 := mustValue(&lx).(int)
		if !ok1 || !ok2 || first < 0 || count < 0 {
			return nil, fmt.Errorf("cross-reference table at byte %d: bad subsection header", off)
		}
		for i := range count {
			at, ok1 := mustValue(&lx).(int)
			_, ok2 := mustValue(&lx).(int)
			kind := mustValue(&lx)
			if !ok1 || !ok2 || (kind != keyword("n") && kind != keyword("f")) {
				return nil, fmt.Errorf("cross-reference table at byte %d: bad entry for object %d", off, first+i)
			}
			if _, newer := d.offsets[first+i]; !newer && kind == keyword("n") {
				d.offsets[first+i] = int64(at)
			}
		}
	}
	t, err := lx.value()
	if err != nil {
		return nil, fmt.Errorf("trailer after byte %d: %w", off, err)
	}
	trailer, ok := t.(dict)
	if !ok {
		return nil, fmt.Errorf("trailer after byte %d is not a dictionary", off)
	}
	return trailer, nil
}

// mustValue returns the next value, or nil at an error; the caller's type
// check then fails, which is the error it reports.
func mustValue(lx *lexer) any {
	v, _ := lx.value()
	return v
}

// object returns the value of indirect object num.
func (d *document) object(num int) (any, error) {
	off, ok := d.offsets[num]
	if !ok {
		return nil, fmt.Errorf("object %d is not in the cross-reference table", num)
	}
	lx := lexer{data: d.data, pos: int(off)}
	n, _ := lx.value()
	_, _ = lx.value() // generation
	obj, _ := lx.value()
	if n != num || obj != keyword("obj") {
		return nil, fmt.Errorf("object %d is not at byte %d, where the cross-reference table says", num, off)
	}
	v, err := lx.value()
	if err != nil {
		return nil, fmt.Errorf("object %d: %w", num, err)
	}
	return v, nil
}

// resolve follows v if it is a reference.
func (d *document) resolve(v any) (any, error) {
	if r, ok := v.(ref); ok {
		return d.object(r.num)
	}
	return v, nil
}

// dictAt resolves v to a dictionary; what names it in errors.
func (d *document) dictAt(v any, what string) (dict, error) {
	v, err := d.resolve(v)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	dc, ok := v.(dict)
	if !ok {
		return nil, fmt.Errorf("%s is not a dictionary", what)
	}
	return dc, nil
}

// catalog returns the document catalog.
func (d *document) catalog() (dict, error) {
	return d.dictAt(d.trailer["Root"], "the document catalog")
}

// pages returns the page objects in page order.
func (d *document) pages() ([]int, error) {
	cat, err := d.catalog()
	if err != nil {
		return nil, err
	}
	var out []int
	seen := map[int]bool{}
	var walk func(v any, depth int) error
	walk = func(v any, depth int) error {
		r, ok := v.(ref)
		if !ok {
			return errors.New("the page tree holds a node that is not a reference")
		}
		if seen[r.num] || depth > 64 {
			return fmt.Errorf("the page tree loops at object %d", r.num)
		}
		seen[r.num] = true
		node, err := d.dictAt(r, fmt.Sprintf("page tree node %d", r.num))
		if err != nil {
			return err
		}
		if node["Type"] == name("Page") {
			out = append(out, r.num)
			return nil
		}
		kids, err := d.resolve(node["Kids"])
		if err != nil {
			return err
		}
		arr, ok := kids.(array)
		if !ok {
			return fmt.Errorf("page tree node %d has no /Kids", r.num)
		}
		for _, k := range arr {
			if err := walk(k, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(cat["Pages"], 0); err != nil {
		return nil, err
	}
	return out, nil
}

// destinations returns the page number, from 1, of each named destination.
// Chromium names a destination after the id of every element that a link
// in the document points to, so the contents' links to #sec-SLUG give
// "sec-SLUG". It reads both the PDF 1.1 /Dests dictionary, which Chromium
// writes, and the PDF 1.2 /Names /Dests name tree.
func (d *document) destinations() (map[string]int, error) {
	pages, err := d.pages()
	if err != nil {
		return nil, err
	}
	pageOf := make(map[int]int, len(pages))
	for i, num := range pages {
		pageOf[num] = i + 1
	}
	cat, err := d.catalog()
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	add := func(key string, dest any) error {
		dest, err := d.resolve(dest)
		if err != nil {
			return err
		}
		if dc, ok := dest.(dict); ok { // a dictionary form holds the array in /D
			if dest, err = d.resolve(dc["D"]); err != nil {
				return err
			}
		}
		arr, ok := dest.(array)
		if !ok || len(arr) == 0 {
			return fmt.Errorf("destination %q is not an array", key)
		}
		r, ok := arr[0].(ref)
		if !ok || pageOf[r.num] == 0 {
			return fmt.Errorf("destination %q does not point to a page of the document", key)
		}
		out[key] = pageOf[r.num]
		return nil
	}
	if v, ok := cat["Dests"]; ok {
		dests, err := d.dictAt(v, "the /Dests dictionary")
		if err != nil {
			return nil, err
		}
		for k, dest := range dests {
			if err := add(string(k), dest); err != nil {
				return nil, err
			}
		}
	}
	if v, ok := cat["Names"]; ok {
		names, err := d.dictAt(v, "the /Names dictionary")
		if err != nil {
			return nil, err
		}
		if tree, ok := names["Dests"]; ok {
			if err := d.walkNameTree(tree, add, map[int]bool{}); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// walkNameTree calls add for each key and value of a name tree.
func (d *document) walkNameTree(v any, add func(string, any) error, seen map[int]bool) error {
	if r, ok := v.(ref); ok {
		if seen[r.num] {
			return fmt.Errorf("the destinations name tree loops at object %d", r.num)
		}
		seen[r.num] = true
	}
	node, err := d.dictAt(v, "a destinations name tree node")
	if err != nil {
		return err
	}
	if pairs, ok := node["Names"].(array); ok {
		for i := 0; i+1 < len(pairs); i += 2 {
			key, ok := pairs[i].(pdfStr)
			if !ok {
				return errors.New("a destinations name tree key is not a string")
			}
			if err := add(string(key), pairs[i+1]); err != nil {
				return err
			}
		}
	}
	if kids, ok := node["Kids"].(array); ok {
		for _, k := range kids {
			if err := d.walkNameTree(k, add, seen); err != nil {
				return err
			}
		}
	}
	return nil
}

// lexer reads PDF values from data, starting at pos.
type lexer struct {
	data  []byte
	pos   int
	depth int // of nested arrays and dictionaries, bounded against hostile input
}

// maxDepth bounds nesting; Chromium's deepest is a few levels.
const maxDepth = 100

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

// skip moves past white space and comments.
func (lx *lexer) skip() {
	for lx.pos < len(lx.data) {
		c := lx.data[lx.pos]
		switch {
		case isSpace(c):
			lx.pos++
		case c == '%':
			for lx.pos < len(lx.data) && lx.data[lx.pos] != '\n' && lx.data[lx.pos] != '\r' {
				lx.pos++
			}
		default:
			return
		}
	}
}

// value reads the next value. An integer followed by another and R is
// a reference. Keywords, including ">>" and "]" at the end of a container
// and "stream", come back as keyword.
func (lx *lexer) value() (any, error) {
	lx.skip()
	if lx.pos >= len(lx.data) {
		return nil, errors.New("unexpected end of file")
	}
	start := lx.pos
	switch c := lx.data[lx.pos]; {
	case c == '/':
		return lx.name(), nil
	case c == '(':
		return lx.literal()
	case c == '<' && lx.peek(1) == '<':
		lx.pos += 2
		return lx.dict()
	case c == '<':
		return lx.hex()
	case c == '>' && lx.peek(1) == '>':
		lx.pos += 2
		return keyword(">>"), nil
	case c == '[':
		lx.pos++
		return lx.array()
	case c == ']':
		lx.pos++
		return keyword("]"), nil
	case isDelim(c):
		return nil, fmt.Errorf("unexpected %q at byte %d", c, start)
	}
	for lx.pos < len(lx.data) && !isSpace(lx.data[lx.pos]) && !isDelim(lx.data[lx.pos]) {
		lx.pos++
	}
	tok := string(lx.data[start:lx.pos])
	if n, err := strconv.Atoi(tok); err == nil {
		// Look ahead for "GEN R"; rewind if it is not there.
		save := lx.pos
		if gen, ok := lx.int(); ok {
			lx.skip()
			if lx.pos < len(lx.data) && lx.data[lx.pos] == 'R' &&
				(lx.pos+1 == len(lx.data) || isSpace(lx.data[lx.pos+1]) || isDelim(lx.data[lx.pos+1])) {
				lx.pos++
				return ref{n, gen}, nil
			}
		}
		lx.pos = save
		return n, nil
	}
	if f, err := strconv.ParseFloat(tok, 64); err == nil {
		return f, nil
	}
	return keyword(tok), nil
}

func (lx *lexer) peek(n int) byte {
	if lx.pos+n < len(lx.data) {
		return lx.data[lx.pos+n]
	}
	return 0
}

// int reads an unsigned integer token, if the next token is one.
func (lx *lexer) int() (int, bool) {
	lx.skip()
	start := lx.pos
	for lx.pos < len(lx.data) && lx.data[lx.pos] >= '0' && lx.data[lx.pos] <= '9' {
		lx.pos++
	}
	if lx.pos == start || (lx.pos < len(lx.data) && !isSpace(lx.data[lx.pos]) && !isDelim(lx.data[lx.pos])) {
		return 0, false
	}
	n, err := strconv.Atoi(string(lx.data[start:lx.pos]))
	return n, err == nil
}

func (lx *lexer) name() name {
	lx.pos++ // the slash
	var b []byte
	for lx.pos < len(lx.data) && !isSpace(lx.data[lx.pos]) && !isDelim(lx.data[lx.pos]) {
		c := lx.data[lx.pos]
		if c == '#' && lx.pos+2 < len(lx.data) {
			if v, err := strconv.ParseUint(string(lx.data[lx.pos+1:lx.pos+3]), 16, 8); err == nil {
				b = append(b, byte(v))
				lx.pos += 3
				continue
			}
		}
		b = append(b, c)
		lx.pos++
	}
	return name(b)
}

// literal reads a (string), with its escapes and balanced parentheses.
func (lx *lexer) literal() (pdfStr, error) {
	start := lx.pos
	lx.pos++
	var b []byte
	nest := 1
	for lx.pos < len(lx.data) {
		c := lx.data[lx.pos]
		lx.pos++
		switch c {
		case '(':
			nest++
		case ')':
			if nest--; nest == 0 {
				return pdfStr(b), nil
			}
		case '\\':
			if lx.pos >= len(lx.data) {
				break
			}
			e := lx.data[lx.pos]
			lx.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r', '\n': // a line continuation
				if e == '\r' && lx.peek(0) == '\n' {
					lx.pos++
				}
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for i := 0; i < 2 && lx.peek(0) >= '0' && lx.peek(0) <= '7'; i++ {
						v = v*8 + int(lx.data[lx.pos]-'0')
						lx.pos++
					}
					c = byte(v)
				} else {
					c = e // \( \) \\ and unknown escapes stand for themselves
				}
			}
		}
		b = append(b, c)
	}
	return nil, fmt.Errorf("string at byte %d is not closed", start)
}

// hex reads a <hex string>.
func (lx *lexer) hex() (pdfStr, error) {
	start := lx.pos
	end := bytes.IndexByte(lx.data[lx.pos:], '>')
	if end < 0 {
		return nil, fmt.Errorf("hex string at byte %d is not closed", start)
	}
	var digits []byte
	for _, c := range lx.data[lx.pos+1 : lx.pos+end] {
		if !isSpace(c) {
			digits = append(digits, c)
		}
	}
	lx.pos += end + 1
	if len(digits)%2 == 1 {
		digits = append(digits, '0') // the spec's rule for an odd count
	}
	out := make([]byte, len(digits)/2)
	for i := range out {
		v, err := strconv.ParseUint(string(digits[2*i:2*i+2]), 16, 8)
		if err != nil {
			return nil, fmt.Errorf("hex string at byte %d: %q is not hexadecimal", start, digits[2*i:2*i+2])
		}
		out[i] = byte(v)
	}
	return pdfStr(out), nil
}

func (lx *lexer) array() (array, error) {
	if lx.depth++; lx.depth > maxDepth {
		return nil, errors.New("arrays and dictionaries nested too deep")
	}
	defer func() { lx.depth-- }()
	out := array{}
	for {
		v, err := lx.value()
		if err != nil {
			return nil, err
		}
		if v == keyword("]") {
			return out, nil
		}
		out = append(out, v)
	}
}

func (lx *lexer) dict() (dict, error) {
	if lx.depth++; lx.depth > maxDepth {
		return nil, errors.New("arrays and dictionaries nested too deep")
	}
	defer func() { lx.depth-- }()
	out := dict{}
	for {
		k, err := lx.value()
		if err != nil {
			return nil, err
		}
		if k == keyword(">>") {
			return out, nil
		}
		key, ok := k.(name)
		if !ok {
			return nil, fmt.Errorf("dictionary key before byte %d is not a name", lx.pos)
		}
		v, err := lx.value()
		if err != nil {
			return nil, err
		}
		out[key] = v
	}
}

// accessibility lists what the PDF lacks of what an accessible document
// needs and Chromium writes when it can: a structure tree (tagged), the
// document's language, the title as the window title, and bookmarks.
// An older Chromium, or a page without lang, leaves some out.
func (d *document) accessibility() ([]string, error) {
	cat, err := d.catalog()
	if err != nil {
		return nil, err
	}
	var missing []string
	if _, ok := cat["StructTreeRoot"]; !ok {
		missing = append(missing, "tags (a structure tree for screen readers)")
	}
	if _, ok := cat["Lang"]; !ok {
		missing = append(missing, "the document's language (lang on <html>)")
	}
	prefs, _ := d.resolve(cat["ViewerPreferences"])
	if p, ok := prefs.(dict); !ok || p["DisplayDocTitle"] != keyword("true") {
		missing = append(missing, "the title shown as the window title")
	}
	if _, ok := cat["Outlines"]; !ok {
		missing = append(missing, "bookmarks")
	}
	return missing, nil
}
