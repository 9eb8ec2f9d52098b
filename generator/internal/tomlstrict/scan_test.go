package tomlstrict

import (
	"strings"
	"testing"
)

func TestScanKeys(t *testing.T) {
	tests := []struct {
		name string
		src  string
		key  []string
		want pos
	}{
		{"root", "a = 1\nbb = 2\n", []string{"bb"}, pos{2, 1}},
		{"indented", "a = 1\n   bb = 2\n", []string{"bb"}, pos{2, 4}},
		{"table header", "a = 1\n\n[data]\nx = 1\n", []string{"data"}, pos{3, 2}},
		{"key in table", "a = 1\n\n[data]\nx = 1\n", []string{"data", "x"}, pos{4, 1}},
		{"spaced header", "[ data ]\n  x = 1\n", []string{"data", "x"}, pos{2, 3}},
		{"dotted header", "[a.b]\nc = 1\n", []string{"a", "b", "c"}, pos{2, 1}},
		{"dotted header prefix", "[a.b]\nc = 1\n", []string{"a", "b"}, pos{1, 4}},
		{"dotted key", "a.b = 1\n", []string{"a", "b"}, pos{1, 3}},
		{"dotted key with spaces", "a . b = 1\n", []string{"a", "b"}, pos{1, 5}},
		{"quoted key", "\"a b\" = 1\nc = 2\n", []string{"c"}, pos{2, 1}},
		{"quoted key itself", "x = 1\n\"a b\" = 1\n", []string{"a b"}, pos{2, 1}},
		{"literal key", "'a.b' = 1\n", []string{"a", "b"}, pos{0, 0}}, // one segment "a.b", not a table
		{"literal key with a dot", "'a.b' = 1\n", []string{"a.b"}, pos{1, 1}},
		{"literal key segment", "'ab' = 1\n", []string{"ab"}, pos{1, 1}},
		{"escaped quote in key", `"a\"b" = 1` + "\nc = 2\n", []string{"c"}, pos{2, 1}},
		{"inline table", "t = { a = 1, bb = 2 }\n", []string{"t", "bb"}, pos{1, 14}},
		{"nested inline table", "t = { u = { v = 1 } }\n", []string{"t", "u", "v"}, pos{1, 13}},
		{"multi-line inline table", "t = {\n  a = 1,\n  b = 2 }\n", []string{"t", "b"}, pos{3, 3}},
		{"array of tables", "[[f]]\nx = 1\n[[f]]\ny = 2\n", []string{"f", "y"}, pos{4, 1}},
		{"first place wins", "[t]\na = 1\n[u]\n[t.v]\n", []string{"t"}, pos{1, 2}},
		{"comment", "# a = 1\nb = 2 # c = 3\nc = 4\n", []string{"c"}, pos{3, 1}},
		{"hash in string", "a = \"# x\"\nb = 1\n", []string{"b"}, pos{2, 1}},
		{"multi-line basic string", "a = \"\"\"\nx = 1\n\"\"\"\nb = 2\n", []string{"b"}, pos{4, 1}},
		{"multi-line string ends in quotes", "a = \"\"\"q\"\"\"\"\"\nb = 2\n", []string{"b"}, pos{2, 1}},
		{"escaped delimiter", "a = \"\"\"\\\"\"\"\"\nb = 2\n", []string{"b"}, pos{2, 1}},
		{"multi-line literal", "a = '''\n[x]\n'''\nb = 2\n", []string{"b"}, pos{4, 1}},
		{"string not a key", "a = \"\"\"\n[x]\n\"\"\"\n", []string{"x"}, pos{0, 0}},
		{"multi-line array", "a = [\n  1, # one\n  [2, 3],\n]\nb = 1\n", []string{"b"}, pos{5, 1}},
		{"array of inline tables", "a = [{x = 1}, {y = 2}]\nb = 1\n", []string{"b"}, pos{2, 1}},
		{"date", "d = 1979-05-27 07:32:00Z\ne = 1\n", []string{"e"}, pos{2, 1}},
		{"CRLF", "a = 1\r\n[t]\r\nb = 'x'\r\n", []string{"t", "b"}, pos{3, 1}},
		{"non-ASCII before key", "t = { \"é\" = 1, b = 2 }\n", []string{"t", "b"}, pos{1, 16}},
		{"non-ASCII key", "t = {\"é\" = 1, \"ü\" = 2}\n", []string{"t", "ü"}, pos{1, 15}},
		{"tab", "\tb = 1\n", []string{"b"}, pos{1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanKeys(tt.src)[strings.Join(tt.key, sep)]
			if got != tt.want {
				t.Errorf("position of %q in %q = %v, want %v", tt.key, tt.src, got, tt.want)
			}
		})
	}
}
