package content

import (
	"fmt"
	"path"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slug returns the address a content file's page gets: its file name
// without .md, in lower case, with spaces, underscores and dots made
// hyphens, so "Our Children.md" is "our-children". Any other character
// is an error rather than a silent change: an address is printed on
// paper and linked from elsewhere, and must be the one the author
// expects. The error suggests a name that would do.
func Slug(file string) (string, error) {
	base := path.Base(file)
	name := base
	if ext := path.Ext(name); strings.EqualFold(ext, ".md") {
		name = name[:len(name)-len(ext)]
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			b.WriteRune(r)
		case 'A' <= r && r <= 'Z':
			b.WriteRune(unicode.ToLower(r))
		case r == '-' || r == '_' || r == ' ' || r == '.':
			b.WriteByte('-')
		default:
			return "", fmt.Errorf("the file name %q cannot be a web address because of the %q: name the file with the letters a to z, digits and hyphens, e.g. %s",
				base, r, suggest(file, name))
		}
	}
	slug := collapse(b.String())
	if slug == "" {
		return "", fmt.Errorf("the file name %q cannot be a web address: give it a name of letters and digits, e.g. %s", base, path.Join(path.Dir(file), "summary.md"))
	}
	return slug, nil
}

// collapse joins runs of hyphens and trims them from the ends: "_draft
// notes.md" is "draft-notes", not "-draft--notes".
func collapse(s string) string {
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-")
	}
	return strings.Trim(s, "-")
}

// suggest proposes a file name for name that Slug accepts: accents
// dropped ("Über" → "uber"), anything else that is not a letter or digit
// made a hyphen.
func suggest(file, name string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r): // a combining accent
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte('-')
		}
	}
	s := collapse(b.String())
	if s == "" {
		s = "summary"
	}
	return path.Join(path.Dir(file), s+".md")
}
