package content

import (
	"bytes"
	"fmt"
	"strconv"
)

// mark delimits a placeholder. It is NUL because no page text can make
// one: Render replaces every NUL in the Markdown before converting it.
const mark = 0

// Placeholder returns the text that stands for hole n (n ≥ 0) in the HTML
// Render returns, when a Resolver returns it for a shortcode. It lets a
// caller convert a page's Markdown once and fill in later what differs
// between editions of the page; Expand finds the holes again.
func Placeholder(n int) string {
	return string(rune(mark)) + strconv.Itoa(n) + string(rune(mark))
}

// Expand walks html, HTML made by Render, in order: it passes each run of
// text between placeholders to text, and the number of each placeholder
// to hole. A NUL that does not start a placeholder is an error: it can
// only come from a Resolver that wrote one.
func Expand(html []byte, text func([]byte), hole func(n int) error) error {
	for len(html) > 0 {
		before, after, found := bytes.Cut(html, []byte{mark})
		if len(before) > 0 {
			text(before)
		}
		if !found {
			return nil
		}
		num, rest, closed := bytes.Cut(after, []byte{mark})
		n, err := strconv.Atoi(string(num))
		if !closed || err != nil || n < 0 {
			return fmt.Errorf("internal error: a NUL in rendered HTML that is not a placeholder, before %q", truncate(after, 40))
		}
		if err := hole(n); err != nil {
			return err
		}
		html = rest
	}
	return nil
}

// truncate returns at most n bytes of b, for messages.
func truncate(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}
