package tomlstrict

import (
	"reflect"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/problem"
)

type testInner struct {
	A1   int    `toml:"a1"`
	A2   int    `toml:"a2"`
	Name string `toml:"name"`
}

type testDoc struct {
	Title  string    `toml:"title"`
	Years  int       `toml:"years"`
	Draft  bool      `toml:"draft"`
	Ratio  float64   `toml:"ratio"`
	Small  int8      `toml:"small"`
	Hidden int       `toml:"-"`
	Plain  string    // untagged: its key is its Go name
	List   []string  `toml:"list"`
	T      testInner `toml:"t"`
}

func defaults() testDoc { return testDoc{Years: 5, T: testInner{A1: 426}} }

func strs(l problem.List) []string {
	s := make([]string, len(l))
	for i, p := range l {
		s[i] = p.String()
	}
	return s
}

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"unknown root key", "title = \"x\"\n\ntitel = \"y\"\n",
			[]string{`f.toml:3:1: titel: unknown setting (did you mean title?)`}},
		{"case difference", "Title = \"x\"\n",
			[]string{`f.toml:1:1: Title: unknown setting (did you mean title?)`}},
		{"case difference far in edits", "YEARS = 3\n",
			[]string{`f.toml:1:1: YEARS: unknown setting (did you mean years?)`}},
		{"no near miss lists the keys", "colour = \"red\"\n",
			[]string{`f.toml:1:1: colour: unknown setting (the settings here are title, years, draft, ratio, small, Plain, list, [t])`}},
		{"hidden field is not a key", "Hidden = 1\n",
			[]string{`f.toml:1:1: Hidden: unknown setting (the settings here are title, years, draft, ratio, small, Plain, list, [t])`}},
		{"unknown key in table", "[t]\na1 = 1\n  a3 = 2\n",
			[]string{`f.toml:3:3: t.a3: unknown setting (did you mean a1 or a2?)`}},
		{"unknown key in table, no near miss", "[t]\nzzzz = 1\n",
			[]string{`f.toml:2:1: t.zzzz: unknown setting (the settings in [t] are a1, a2, name)`}},
		{"unknown table", "[tt]\na1 = 1\n",
			[]string{`f.toml:1:2: tt: unknown table (did you mean t?)`}},
		{"dotted unknown key", "t.nmae = \"x\"\n",
			[]string{`f.toml:1:3: t.nmae: unknown setting (did you mean name?)`}},
		{"inline table unknown key", "t = { a1 = 1, nam = \"x\" }\n",
			[]string{`f.toml:1:15: t.nam: unknown setting (did you mean name?)`}},
		{"root setting after a table", "[t]\na1 = 1\ntitle = \"x\"\n",
			[]string{`f.toml:3:1: t.title: unknown setting in [t]: title belongs at the top of the file, before the first [table] line`}},
		{"several, in file order", "zz = 1\n[t]\nyy = 2\n[t2]\n",
			[]string{
				`f.toml:1:1: zz: unknown setting (the settings here are title, years, draft, ratio, small, Plain, list, [t])`,
				`f.toml:3:1: t.yy: unknown setting (the settings in [t] are a1, a2, name)`,
				`f.toml:4:2: t2: unknown table (did you mean t?)`,
			}},
		{"quoted number", "years = \"5\"\n",
			[]string{`f.toml:1:1: years: must be a whole number, not the text "5": write years = 5 (without quotes)`}},
		{"text for a number", "years = \"five\"\n",
			[]string{`f.toml:1:1: years: must be a whole number, not the text "five": write years = 5`}},
		{"decimal for a whole number", "years = 3.0\n",
			[]string{`f.toml:1:1: years: must be a whole number, not the number 3: write years = 3`}},
		{"fraction for a whole number", "years = 3.5\n",
			[]string{`f.toml:1:1: years: must be a whole number, not the number 3.5: write years = 5`}},
		{"number for text", "title = 2024\n",
			[]string{`f.toml:1:1: title: must be text in double quotes, not the number 2024: write title = "2024"`}},
		{"list for text", "title = [\"a\"]\n",
			[]string{`f.toml:1:1: title: must be text in double quotes, not a list: write title = "…"`}},
		{"date for text", "title = 2024-04-01\n",
			[]string{`f.toml:1:1: title: must be text in double quotes, not a date or time: write title = "…"`}},
		{"quoted boolean", "draft = \"true\"\n",
			[]string{`f.toml:1:1: draft: must be true or false, not the text "true": write draft = true (without quotes)`}},
		{"word for boolean", "draft = \"yes\"\n",
			[]string{`f.toml:1:1: draft: must be true or false, not the text "yes": write draft = true`}},
		{"quoted float", "ratio = \"1.5\"\n",
			[]string{`f.toml:1:1: ratio: must be a number, not the text "1.5": write ratio = 1.5 (without quotes)`}},
		{"setting for a table", "t = 1\n",
			[]string{`f.toml:1:1: t: must be a table, not the number 1: write [t] on a line of its own, with its settings on the lines below it`}},
		{"table for a setting", "[title]\nx = 1\n",
			[]string{`f.toml:1:2: title: must be text in double quotes, not a table: write title = "…"`}},
		{"text for a list", "list = \"a\"\n",
			[]string{`f.toml:1:1: list: must be a list of text, e.g. ["First", "Second"], not the text "a": write list = ["a"]`}},
		{"number for a list", "list = 1\n",
			[]string{`f.toml:1:1: list: must be a list of text, e.g. ["First", "Second"], not the number 1: write list = ["…", "…"]`}},
		{"list of numbers", "list = [\"a\", 2]\n",
			[]string{`f.toml:1:1: list: must be a list of text in quotes, not a list holding the number 2`}},
		{"overflow", "small = 300\n",
			[]string{`f.toml:1:1: small: 300 is too large for this setting`}},
		{"wrong type in table", "[t]\nname = 1\n",
			[]string{`f.toml:2:1: t.name: must be text in double quotes, not the number 1: write name = "1"`}},
		{"character columns", "t = { \"é\" = 1, nam = 2 }\n",
			[]string{
				`f.toml:1:7: t.é: unknown setting (the settings in [t] are a1, a2, name)`,
				`f.toml:1:16: t.nam: unknown setting (did you mean name?)`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := defaults()
			d, probs := Decode("f.toml", 0, []byte(tt.src), &v)
			if d == nil {
				t.Fatalf("Decode returned no Doc: %v", probs)
			}
			if got := strs(probs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestDecodeSyntax(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		offset int
		want   string
	}{
		{"bare text", "a = 1\ntitle = Annual report\n", 0,
			`f.toml:2:9: expected value but found "Annual" instead (text goes in double quotes: title = "…")`},
		{"unquoted year", "[t]\nname = 2024-25\n", 0,
			`f.toml:2:8: invalid datetime: "2024-25" (a year or date written as text goes in double quotes: name = "2024-25")`},
		{"duplicate", "years = 1\nyears = 2\n", 0,
			`f.toml:2:1: Key 'years' has already been defined. (each setting may be written only once: it is first written on line 1; delete one of them)`},
		{"duplicate, in front matter", "a = 1\n  title = \"A\"\ntitle = \"B\"\n", 1,
			`f.toml:4:1: Key 'title' has already been defined. (each setting may be written only once: it is first written on line 3; delete one of them)`},
		{"duplicate in inline table", "t = {a1 = 1, a1 = 2}\n", 0,
			`f.toml:1:14: Key 't.a1' has already been defined. (each setting may be written only once)`},
		{"duplicate table", "[t]\n[t]\n", 0,
			`f.toml:2:2: Key 't' has already been defined. (each setting may be written only once)`},
		{"unclosed table name: at the end of its line", "a = 1\n[t\nx = 1\n", 0,
			`f.toml:2:3: expected '.' or ']' to end table name, but got '\n' instead`},
		{"CRLF in a string", "a = 1\r\ntitle = \"X\r\n", 0,
			`f.toml:2:11: strings cannot contain newlines (a closing " is missing: end the text with " on the same line)`},
		// BurntSushi knows the line but not the column.
		{"bad escape in a multi-line string: its own line", "a = \"\"\"\nok\nbad \\q\n\"\"\"\n", 0,
			`f.toml:3: invalid escape in string '\q'`},
		{"unclosed string", "title = \"abc\n", 0,
			`f.toml:1:13: strings cannot contain newlines (a closing " is missing: end the text with " on the same line)`},
		{"line offset", "years = 1\nyears = = 2\n", 1,
			`f.toml:3:9: expected value but found '=' instead (text goes in double quotes: years = "…")`},
		// BurntSushi points at the space before the x: one character, two bytes, after the é.
		{"column in characters", "title = \"é\" x\n", 0,
			`f.toml:1:12: expected a top-level item to end with a newline, comment, or EOF, but got 'x' instead`},
		{"BOM", "\uFEFFyears = ]\n", 0,
			`f.toml:1:9: expected value but found ']' instead (text goes in double quotes: years = "…")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := defaults()
			d, probs := Decode("f.toml", tt.offset, []byte(tt.src), &v)
			if d != nil {
				t.Errorf("Decode returned a Doc for a syntax error")
			}
			if got := strs(probs); len(got) != 1 || got[0] != tt.want {
				t.Errorf("problems\n got %q\nwant %q", got, tt.want)
			}
			if !reflect.DeepEqual(v, defaults()) {
				t.Errorf("a syntax error changed the value: %+v", v)
			}
		})
	}
}

func TestDecodeValues(t *testing.T) {
	src := "\uFEFFtitle = \"Report\"\r\nyears = 3\r\ndraft = true\r\nratio = 2\r\nPlain = 'p'\r\nlist = [\"x\", 'y']\r\n[t]\r\nname = \"n\"\r\n"
	v := defaults()
	d, probs := Decode("f.toml", 0, []byte(src), &v)
	if len(probs) > 0 {
		t.Fatalf("unexpected problems: %q", strs(probs))
	}
	want := testDoc{Title: "Report", Years: 3, Draft: true, Ratio: 2, Plain: "p", List: []string{"x", "y"}, T: testInner{A1: 426, Name: "n"}}
	if !reflect.DeepEqual(v, want) {
		t.Errorf("decoded %+v, want %+v", v, want)
	}
	for _, c := range []struct {
		key       string
		has       bool
		line, col int
	}{
		{"title", true, 1, 1},
		{"t", true, 7, 2},
		{"t.name", true, 8, 1},
		{"t.a1", false, 0, 0},
		{"title.x", false, 0, 0},
		{"nothing", false, 0, 0},
	} {
		if got := d.Has(c.key); got != c.has {
			t.Errorf("Has(%q) = %v, want %v", c.key, got, c.has)
		}
		if line, col := d.Pos(c.key); line != c.line || col != c.col {
			t.Errorf("Pos(%q) = %d:%d, want %d:%d", c.key, line, col, c.line, c.col)
		}
	}
}

func TestDecodeKeepsGoodValuesBesideBadOnes(t *testing.T) {
	v := defaults()
	_, probs := Decode("f.toml", 0, []byte("title = \"x\"\nyears = \"3\"\nzz = 1\n[t]\na2 = 7\n"), &v)
	if len(probs) != 2 {
		t.Errorf("want 2 problems, got %q", strs(probs))
	}
	if v.Title != "x" || v.Years != 5 || v.T.A2 != 7 {
		t.Errorf("decoded %+v: want title and t.a2 set, years left at its default", v)
	}
}

func TestErrorf(t *testing.T) {
	v := defaults()
	d, probs := Decode("f.toml", 2, []byte("title = \"\"\nyears = \"x\"\n[t]\n  a1 = -1\n"), &v)
	var l problem.List
	d.Errorf(&l, "title", "must not be empty")
	d.Errorf(&l, "years", "must be 1 or more") // already reported as the wrong type: silent
	d.Errorf(&l, "t.a1", "must be more than %d", 0)
	d.Errorf(&l, "t.name", "missing")
	d.Warnf(&l, "t", "is odd")
	d.Warnf(&l, "years", "is odd") // already reported: silent
	want := []string{
		"f.toml:3:1: title: must not be empty",
		"f.toml:6:3: t.a1: must be more than 0",
		"f.toml: t.name: missing",
		"f.toml:5:2: t: is odd",
	}
	if got := strs(l); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if l[2].Severity != problem.Error || l[3].Severity != problem.Warning {
		t.Errorf("severities %v, %v: want an error and a warning", l[2].Severity, l[3].Severity)
	}
	if len(probs) != 1 || !strings.HasPrefix(probs[0].String(), "f.toml:4:1: years:") {
		t.Errorf("decode problems %q, want one about years at line 4", strs(probs))
	}
}

func TestDecodePanicsOnMisuse(t *testing.T) {
	tests := []struct {
		name string
		v    any
	}{
		{"not a pointer", testDoc{}},
		{"pointer to a non-struct", new(int)},
		{"unsupported field", &struct {
			L []int `toml:"l"`
		}{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("Decode did not panic")
				}
			}()
			Decode("f.toml", 0, []byte("l = [1]\n"), tt.v)
		})
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"title = \"x\"\n[t]\na1 = 1\n",
		"titel = 1\n[tt]\nx = [1, {a = 2}]\n",
		"t = { a1 = 1, nam = \"x\" }\n",
		"a = \"\"\"\nq\"\"\"\"\n'b' = '''x'''\n",
		"[[t]]\na1 = 1\n",
		"\uFEFFyears = \"5\"\r\n",
		"x = ",
		"\"\\u00e9\" = 1\n",
	} {
		f.Add([]byte(s), 0)
	}
	f.Fuzz(func(t *testing.T, src []byte, offset int) {
		v := defaults()
		d, probs := Decode("f.toml", int(uint(offset)%1000), src, &v)
		if d == nil && len(probs) != 1 {
			t.Errorf("no Doc but %d problems", len(probs))
		}
		for _, p := range probs {
			if p.Line < 0 || p.Col < 0 || p.Message == "" {
				t.Errorf("malformed problem %+v", p)
			}
		}
	})
}
