package dataset

import (
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/problem"
)

func splitFields(s string) []string { return strings.Fields(s) }

// strs formats a problem list one problem a string, each marked E (error)
// or W (warning), for comparisons and failure messages.
func strs(l problem.List) []string {
	s := make([]string, len(l))
	for i, p := range l {
		mark := "E "
		if p.Severity == problem.Warning {
			mark = "W "
		}
		s[i] = mark + p.String()
	}
	return s
}

// csvOf writes a CSV with the given header and rows, each row a map from
// column to value, LF line ends. Values with commas, quotes or newlines
// are quoted.
func csvOf(header []string, rows ...map[string]string) []byte {
	var b strings.Builder
	b.WriteString(strings.Join(header, ",") + "\n")
	for _, r := range rows {
		cells := make([]string, len(header))
		for i, h := range header {
			v := r[h]
			if strings.ContainsAny(v, ",\"\n\r") {
				v = `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
			}
			cells[i] = v
		}
		b.WriteString(strings.Join(cells, ",") + "\n")
	}
	return []byte(b.String())
}

// with returns a copy of base with the changes applied; a change to ""
// blanks the cell.
func with(base map[string]string, kv ...string) map[string]string {
	m := make(map[string]string, len(base))
	for k, v := range base {
		m[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

// matchProblems reports how got differs from want, where each want is a
// prefix of the problem at the same place as strs formats it (so "E " or
// "W " first), or "" if they match.
func matchProblems(got problem.List, want []string) string {
	g := strs(got)
	ok := len(g) == len(want)
	for i := 0; ok && i < len(want); i++ {
		ok = strings.HasPrefix(g[i], want[i])
	}
	if ok {
		return ""
	}
	return "got:\n\t" + strings.Join(g, "\n\t") + "\nwant (prefixes):\n\t" + strings.Join(want, "\n\t")
}
