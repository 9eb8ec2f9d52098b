package site

import (
	"html/template"
	"regexp"
	"strings"
)

// unbreakable matches what a title must not be broken inside: a date such
// as "16 July 2025", and any word with a digit in it, such as "2024-25" or
// "£1.9m". Browsers break after a hyphen, so "2024-25" would otherwise
// wrap as "2024-" and "25".
var unbreakable = regexp.MustCompile(`\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}|\S*\d\S*`)

// noBreak escapes s for HTML and wraps each unbreakable run of it in
// <span class="nowrap">, which the stylesheet keeps on one line; the text
// itself is unchanged, so it reads and copies as written.
func noBreak(s string) template.HTML {
	var b strings.Builder
	last := 0
	for _, m := range unbreakable.FindAllStringIndex(s, -1) {
		b.WriteString(template.HTMLEscapeString(s[last:m[0]]))
		b.WriteString(`<span class="nowrap">`)
		b.WriteString(template.HTMLEscapeString(s[m[0]:m[1]]))
		b.WriteString(`</span>`)
		last = m[1]
	}
	b.WriteString(template.HTMLEscapeString(s[last:]))
	return template.HTML(b.String())
}
