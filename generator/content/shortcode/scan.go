package shortcode

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// The shortcode syntax, strictly: "{{<", a name, arguments separated by
// spaces (an argument in double quotes may hold spaces), and ">}}", all on
// one line. Text is taken to start like a shortcode, and so must be a
// valid one, when it starts with "{{<", "{{%" (Hugo's other kind), or
// "{{" and a word after optional spaces (a template's braces): an author
// who typed any of these meant a shortcode, and a page must not be
// published with the braces showing.

// scanned is what scan found at the start of a line.
type scanned struct {
	sc    Shortcode    // Name, Args and Source; Offset is the caller's
	n     int          // bytes taken: 0 if the line does not start like a shortcode
	err   *SyntaxError // nil for a valid shortcode
	open  bool         // not closed on the line
	meant string       // the valid shortcode the text probably meant, or ""
}

// scan reads the shortcode that line (without its line end) starts with.
// A broken one takes the line up to its closing braces, or only its
// opening braces if it is not closed.
func scan(line []byte) scanned {
	delim, open := opener(line)
	if open == 0 {
		return scanned{}
	}
	rest := line[open:]
	end := bytes.Index(rest, []byte("}}"))
	if nest := bytes.Index(rest, []byte("{{")); nest >= 0 && (end < 0 || nest < end) {
		// Another shortcode starts before this one ends.
		rest, end = rest[:nest], -1
	}
	if end < 0 {
		words, _ := fields(string(rest))
		s := scanned{n: open, open: true, meant: guess(words)}
		s.sc.Source = shorten(string(trimRightSpace(line[:open+len(rest)])))
		s.err = &SyntaxError{Problem: "the shortcode is not closed: end it with >}} on the same line", Meant: s.meant}
		if delim != '<' {
			s.err.Problem = problemOpener(delim)
		}
		return s
	}
	inner := string(rest[:end])
	closer := byte(0)
	if i := len(inner) - 1; i >= 0 && (inner[i] == '>' || inner[i] == '%') {
		closer, inner = inner[i], inner[:i]
	}
	words, quotesClosed := fields(inner)
	s := scanned{n: open + end + 2, meant: canonical(words)}
	s.sc.Source = string(line[:s.n])
	var problem string
	switch {
	case delim != '<':
		problem = problemOpener(delim)
	case closer != '>':
		problem = "a shortcode ends with >}}"
	case !quotesClosed:
		problem = `a " is not closed`
	case len(words) == 0:
		s.err = &SyntaxError{Problem: "the shortcode has no name: write e.g. {{< metric a1 >}}"}
		return s
	case !isName(words[0].text):
		s.err = &SyntaxError{Problem: `"` + words[0].text + `" is not a shortcode name: names are words such as metric or chart`}
		return s
	default:
		for _, w := range words[1:] {
			if !w.quoted && strings.ContainsAny(w.text, `<>{}"`) {
				problem = "the argument " + w.text + ` has a character that needs the argument in double quotes (< > { } or ")`
				break
			}
		}
	}
	if problem != "" {
		if s.meant == s.sc.Source {
			s.meant = ""
		}
		s.err = &SyntaxError{Problem: problem, Meant: s.meant}
		return s
	}
	s.sc.Name = strings.ToLower(words[0].text)
	for _, w := range words[1:] {
		s.sc.Args = append(s.sc.Args, w.text)
	}
	return s
}

// problemOpener says what is wrong with a shortcode opened other than by
// "{{<".
func problemOpener(delim byte) string {
	if delim == '%' {
		return "a shortcode is written with < and >, not %"
	}
	return "a shortcode is written {{< name arguments >}} (to show braces as typed, put them in `backticks`)"
}

// opener returns how line starts a shortcode, '<', '%' or ' ' (braces
// and a word), and the length of its opening; 0 if it does not.
func opener(line []byte) (delim byte, n int) {
	if len(line) < 3 || line[0] != '{' || line[1] != '{' {
		return 0, 0
	}
	if line[2] == '<' || line[2] == '%' {
		return line[2], 3
	}
	i := 2
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if i < len(line) && isLetter(line[i]) {
		return ' ', 2
	}
	return 0, 0
}

// word is one word of a shortcode's inside.
type word struct {
	text   string
	quoted bool // written in double quotes
}

// fields splits a shortcode's inside into its words: runs of characters
// other than spaces, or text in double quotes, which may hold spaces.
// closed is false when the last quote is not closed; its word then runs
// to the end.
func fields(s string) (words []word, closed bool) {
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return words, true
		}
		if s[0] == '"' {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				return append(words, word{strings.TrimRight(s[1:], " \t"), true}), false
			}
			words = append(words, word{s[1 : 1+end], true})
			s = s[2+end:]
			continue
		}
		i := strings.IndexAny(s, " \t")
		if i < 0 {
			i = len(s)
		}
		words = append(words, word{s[:i], false})
		s = s[i:]
	}
}

// canonical writes words as a valid shortcode, or "" if the first is not
// a name. Unquoted words of shortcode punctuation only (a stray ">" or
// "%") are left out: they are the author's attempt at the braces.
func canonical(words []word) string {
	var kept []string
	for _, w := range words {
		t := w.text
		if !w.quoted && strings.Trim(t, "<>%{}") == "" {
			continue
		}
		if w.quoted || strings.ContainsAny(t, `<>{}`) {
			t = `"` + t + `"`
		}
		kept = append(kept, t)
	}
	if len(kept) == 0 || !isName(kept[0]) {
		return ""
	}
	return "{{< " + strings.Join(kept, " ") + " >}}"
}

// guess is canonical for a shortcode that is not closed, whose words run
// on into the sentence: it keeps the name, its first argument, and after
// that only words that look like IDs or periods (a digit, _ or -), which
// the words of a sentence seldom do.
func guess(words []word) string {
	var kept []word
	for i, w := range words {
		if !w.quoted {
			if strings.ContainsAny(w.text, "<>{}%") {
				break
			}
			w.text = strings.TrimRight(w.text, ".,;:!?")
			if i > 1 && !strings.ContainsAny(w.text, "0123456789_-") {
				break
			}
		}
		kept = append(kept, w)
	}
	return canonical(kept)
}

func isName(w string) bool {
	if w == "" || !isLetter(w[0]) {
		return false
	}
	for i := 1; i < len(w); i++ {
		if c := w[i]; !isLetter(c) && !('0' <= c && c <= '9') && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func trimEOL(line []byte) []byte {
	return bytes.TrimRight(line, "\r\n")
}

func trimRightSpace(b []byte) []byte { return bytes.TrimRight(b, " \t") }

// shorten cuts s to the length of a message's quotation, at a space if
// there is one.
func shorten(s string) string {
	const most = 40
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	cut := string([]rune(s)[:most])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ") + "…"
}
