package disclosure

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Leak is private data found in the built site.
type Leak struct {
	// File is the built file's path, relative to the output folder.
	File string
	// Line is the line of File it is on, and Col the column (in bytes)
	// where it starts there, both counting from 1; Col is 0 when the
	// leak is of a whole file.
	Line, Col int
	// ID is the child or household ID found; blank for other leaks.
	ID string
	// Message says what was found and how to put it right. It may hold
	// a child or household ID: it is for the terminal, never the site.
	Message string
}

// String formats the leak as FILE:LINE: message.
func (l Leak) String() string { return fmt.Sprintf("%s:%d: %s", l.File, l.Line, l.Message) }

// isTokenByte reports whether c can be part of an ID token: IDs are
// matched as whole runs of these, so "C1" is found in "C1,", ">C1<" and
// "\"C1\"" but not in "C10" or "EC1".
func isTokenByte(c byte) bool { return tokenBytes[c] }

var tokenBytes = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
	}
	return t
}()

// Guard scans built files (path → contents) for the private IDs, child_id
// and household_id values from the input, and returns one leak for each
// ID on each line it appears on, by file name and line. An ID matches
// only as a whole token of letters, digits, _ and -, and case matters
// ("h1" is not the household "H1"). Each file is read once, whatever the
// number of IDs.
//
// An ID made only of digits cannot be told apart from a figure: the
// guard reports it all the same, as it cannot know, and the message
// suggests giving such IDs a letter prefix.
func Guard(files map[string][]byte, ids []string) []Leak {
	return NewGuard(ids).Scan(files)
}

// IDGuard is Guard made ready for its IDs, to scan sites again and again:
// indexing tens of thousands of IDs costs more than scanning the few
// pages a page edit renders again.
type IDGuard struct{ g *guard }

// NewGuard indexes ids for Scan.
func NewGuard(ids []string) *IDGuard { return &IDGuard{newGuard(ids)} }

// Scan is Guard(files, ids) for the guard's IDs.
func (ig *IDGuard) Scan(files map[string][]byte) []Leak {
	g := ig.g
	if g.empty() {
		return nil
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	// Files are scanned on every core: a regional edition of all of
	// England is 50 MB of pages to read for 200,000 IDs.
	found := make([][]Leak, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				found[i] = g.scan(names[i], files[names[i]], nil)
			}
		})
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	return slices.Concat(found...)
}

// guard is the IDs to look for, indexed by token, so that each token of
// a file costs one map lookup.
type guard struct {
	tokens map[string]*tokenIDs
	// shapes[b] has bit n set when a token of tokens starts with byte b
	// and is n bytes long (bit 63: 63 or more): most of a page's tokens,
	// words and figures, are of no ID's shape, and skip the map.
	shapes [256]uint64
	// opaque holds IDs with no token at all ("??"): searched for as they
	// are.
	opaque []string
}

// tokenIDs are the IDs a token may be.
type tokenIDs struct {
	// whole: an ID is the token itself.
	whole bool
	// parts are the IDs that start with the token, or have it first after
	// a leading non-token character, with its offset in the ID.
	parts []partID
}

type partID struct {
	id     string
	offset int
}

func newGuard(ids []string) *guard {
	g := &guard{tokens: make(map[string]*tokenIDs, len(ids))}
	// Entries come from one block, not an allocation each; with at most
	// one entry per ID it never fills, so the pointers into it stay good.
	block := make([]tokenIDs, 0, len(ids))
	entry := func(tok string) *tokenIDs {
		e := g.tokens[tok]
		if e == nil {
			block = append(block, tokenIDs{})
			e = &block[len(block)-1]
			g.tokens[tok] = e
		}
		return e
	}
	for _, id := range ids {
		if id == "" {
			continue
		}
		start := strings.IndexFunc(id, func(r rune) bool { return r < 0x80 && isTokenByte(byte(r)) })
		if start < 0 {
			g.opaque = append(g.opaque, id)
			continue
		}
		end := start
		for end < len(id) && isTokenByte(id[end]) {
			end++
		}
		if start == 0 && end == len(id) {
			entry(id).whole = true
			continue
		}
		e := entry(id[start:end])
		e.parts = append(e.parts, partID{id, start})
	}
	for tok := range g.tokens {
		g.shapes[tok[0]] |= shape(len(tok))
	}
	return g
}

// shape is the bit of guard.shapes for a token n bytes long.
func shape(n int) uint64 { return 1 << min(n, 63) }

func (g *guard) empty() bool { return len(g.tokens) == 0 && len(g.opaque) == 0 }

// scan appends the leaks in one file.
func (g *guard) scan(name string, data []byte, leaks []Leak) []Leak {
	type hit struct {
		line, col int
		id        string
	}
	var hits []hit
	seen := make(map[[2]any]bool) // line and ID: one leak each
	found := func(line, col int, id string) {
		if k := [2]any{line, id}; !seen[k] {
			seen[k] = true
			hits = append(hits, hit{line, col, id})
		}
	}
	line, lineStart := 1, 0
	for i := 0; i < len(data); {
		c := data[i]
		if c == '\n' {
			line++
			lineStart = i + 1
		}
		if !isTokenByte(c) {
			i++
			continue
		}
		start := i
		for i < len(data) && isTokenByte(data[i]) {
			i++
		}
		if g.shapes[data[start]]&shape(i-start) == 0 {
			continue
		}
		// No allocation: the compiler looks up a []byte key in place.
		e := g.tokens[string(data[start:i])]
		if e == nil {
			continue
		}
		if e.whole {
			found(line, start-lineStart+1, string(data[start:i]))
		}
		for _, p := range e.parts {
			if matchAt(data, start-p.offset, p.id) {
				found(line, start-p.offset-lineStart+1, p.id)
			}
		}
	}
	for _, id := range g.opaque {
		for off := 0; ; {
			j := bytes.Index(data[off:], []byte(id))
			if j < 0 {
				break
			}
			at := off + j
			found(1+bytes.Count(data[:at], []byte{'\n'}), at-bytes.LastIndexByte(data[:at], '\n'), id)
			off += j + 1
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.line != b.line {
			return a.line - b.line
		}
		return a.col - b.col
	})
	for _, h := range hits {
		msg := fmt.Sprintf("child or household ID %q appears in the built site; IDs must never be published: find what put it there", h.id)
		if isDigits(h.id) {
			msg = fmt.Sprintf("child or household ID %q appears in the built site; an ID made only of digits cannot be told apart from a figure, so give IDs a letter prefix (C%s)", h.id, h.id)
		}
		leaks = append(leaks, Leak{File: name, Line: h.line, Col: h.col, ID: h.id, Message: msg})
	}
	return leaks
}

// matchAt reports whether id is in data at offset at, as a whole: not
// part of a longer token at either end.
func matchAt(data []byte, at int, id string) bool {
	if at < 0 || at+len(id) > len(data) || string(data[at:at+len(id)]) != id {
		return false
	}
	if isTokenByte(id[0]) && at > 0 && isTokenByte(data[at-1]) {
		return false
	}
	end := at + len(id)
	return !isTokenByte(id[len(id)-1]) || end == len(data) || !isTokenByte(data[end])
}

func isDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
