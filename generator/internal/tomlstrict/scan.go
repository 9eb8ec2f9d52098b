package tomlstrict

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// pos is where a key is written: 1-based line and character column.
type pos struct{ line, col int }

// keyIndex maps a key path, its segments joined by sep, to where it is
// first written. BurntSushi/toml knows these positions but does not
// export them (MetaData.Undecoded gives keys only), so we find them again.
type keyIndex map[string]pos

// sep joins key segments; it cannot occur in a TOML key that a report
// project would use, and a quoted key holding it only risks a wrong line.
const sep = "\x00"

// scanKeys records the position of every key in src, which must already
// have parsed as TOML: the scanner is lenient and only has to stay in
// step with a valid document. Keys of inline tables inside an array are
// recorded under the array's key, as BurntSushi's MetaData.Keys names
// them.
func scanKeys(src string) keyIndex {
	s := &scanner{src: src, line: 1, keys: keyIndex{}}
	var table []string
	for {
		s.skipBlank(true)
		if s.eof() {
			break
		}
		start := s.i
		if s.peek() == '[' {
			s.advance()
			if s.peek() == '[' {
				s.advance()
			}
			table = s.key(nil, true)
			s.skipLine()
		} else {
			k := s.key(table, true)
			s.skipBlank(false)
			if s.peek() == '=' {
				s.advance()
			}
			s.value(join(table, k), true)
		}
		if s.i == start {
			s.advance() // never loop on a byte the scanner does not understand
		}
	}
	return s.keys
}

type scanner struct {
	src       string
	i         int
	line      int
	lineStart int
	keys      keyIndex
}

func (s *scanner) eof() bool { return s.i >= len(s.src) }

func (s *scanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.i]
}

func (s *scanner) hasPrefix(p string) bool { return strings.HasPrefix(s.src[s.i:], p) }

// advance moves one byte on, counting lines, so that every way through
// the text keeps the line number right.
func (s *scanner) advance() {
	if s.eof() {
		return
	}
	if s.src[s.i] == '\n' {
		s.line++
		s.lineStart = s.i + 1
	}
	s.i++
}

func (s *scanner) pos() pos {
	return pos{s.line, utf8.RuneCountInString(s.src[s.lineStart:s.i]) + 1}
}

// skipBlank skips spaces, tabs and comments, and newlines when nl is set.
func (s *scanner) skipBlank(nl bool) {
	for !s.eof() {
		switch c := s.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			s.advance()
		case c == '\n' && nl:
			s.advance()
		case c == '#':
			for !s.eof() && s.peek() != '\n' {
				s.advance()
			}
		default:
			return
		}
	}
}

func (s *scanner) skipLine() {
	for !s.eof() && s.peek() != '\n' {
		s.advance()
	}
}

// key reads a dotted key, records each of its prefixes under table when
// record is set, and returns its segments.
func (s *scanner) key(table []string, record bool) []string {
	var segs []string
	for {
		s.skipBlank(false)
		p := s.pos()
		segs = append(segs, s.segment())
		if record {
			full := strings.Join(join(table, segs), sep)
			if _, ok := s.keys[full]; !ok {
				s.keys[full] = p
			}
		}
		s.skipBlank(false)
		if s.peek() != '.' {
			return segs
		}
		s.advance()
	}
}

// segment reads one bare, "basic" or 'literal' key segment.
func (s *scanner) segment() string {
	switch s.peek() {
	case '"':
		return s.basicString()
	case '\'':
		s.advance()
		start := s.i
		for !s.eof() && s.peek() != '\'' && s.peek() != '\n' {
			s.advance()
		}
		seg := s.src[start:s.i]
		if s.peek() == '\'' {
			s.advance()
		}
		return seg
	}
	start := s.i
	for !s.eof() && !strings.ContainsRune(" \t\r\n=.[]{},\"'#", rune(s.peek())) {
		s.advance()
	}
	return s.src[start:s.i]
}

// basicString reads a one-line "string" and returns its value with its
// escapes undone, so that a quoted key matches the parsed one.
func (s *scanner) basicString() string {
	s.advance()
	var b strings.Builder
	for !s.eof() && s.peek() != '"' && s.peek() != '\n' {
		c := s.peek()
		s.advance()
		if c != '\\' || s.eof() {
			b.WriteByte(c)
			continue
		}
		e := s.peek()
		s.advance()
		if r, ok := simpleEscapes[e]; ok {
			b.WriteByte(r)
			continue
		}
		n := map[byte]int{'u': 4, 'U': 8, 'x': 2}[e]
		if n == 0 || s.i+n > len(s.src) {
			b.WriteByte('\\')
			b.WriteByte(e)
			continue
		}
		code, err := strconv.ParseUint(s.src[s.i:s.i+n], 16, 32)
		for range n {
			s.advance()
		}
		if err == nil {
			b.WriteRune(rune(code))
		}
	}
	if s.peek() == '"' {
		s.advance()
	}
	return b.String()
}

var simpleEscapes = map[byte]byte{
	'"': '"', '\\': '\\', 'b': '\b', 'e': '\x1b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}

// value skips one value. Keys of an inline table are recorded under path
// when record is set.
func (s *scanner) value(path []string, record bool) {
	s.skipBlank(false)
	switch {
	case s.hasPrefix(`"""`):
		s.multiline(`"""`, true)
	case s.hasPrefix(`'''`):
		s.multiline(`'''`, false)
	case s.peek() == '"':
		s.basicString()
	case s.peek() == '\'':
		s.segment()
	case s.peek() == '[':
		s.advance()
		for !s.eof() {
			s.skipBlank(true)
			switch s.peek() {
			case ']':
				s.advance()
				return
			case ',':
				s.advance()
				continue
			}
			start := s.i
			s.value(path, record)
			if s.i == start {
				s.advance()
			}
		}
	case s.peek() == '{':
		s.advance()
		for !s.eof() {
			s.skipBlank(true)
			switch s.peek() {
			case '}':
				s.advance()
				return
			case ',':
				s.advance()
				continue
			}
			start := s.i
			k := s.key(path, record)
			s.skipBlank(false)
			if s.peek() == '=' {
				s.advance()
			}
			s.value(join(path, k), record)
			if s.i == start {
				s.advance()
			}
		}
	default:
		for !s.eof() && !strings.ContainsRune(",]}\n#", rune(s.peek())) {
			s.advance()
		}
	}
}

// multiline skips a multi-line string delimited by q. TOML lets up to two
// quotes of the delimiter's kind end the content, so """a"""" is a".
func (s *scanner) multiline(q string, escapes bool) {
	for range 3 {
		s.advance()
	}
	for !s.eof() {
		if escapes && s.peek() == '\\' {
			s.advance()
			s.advance()
			continue
		}
		if s.hasPrefix(q) {
			for range 3 {
				s.advance()
			}
			for n := 0; n < 2 && s.peek() == q[0]; n++ {
				s.advance()
			}
			return
		}
		s.advance()
	}
}

// join returns a new slice a+b, never sharing a's backing array.
func join(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	return append(append(out, a...), b...)
}
