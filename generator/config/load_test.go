package config

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/adoptionreport/adoptionreport/generator/problem"
)

func TestLoad(t *testing.T) {
	tests := []struct {
		name  string
		fsys  fstest.MapFS
		want  []string
		title string
	}{
		{"present", fstest.MapFS{"config.toml": {Data: []byte(head)}}, nil, "T"},
		{"missing", fstest.MapFS{}, []string{
			"config.toml: not found: this folder is not a report project (run the command in the project's folder, give its folder with --source, or start one with adoptionreport new DIR)",
		}, ""},
		{"a folder, not a file", fstest.MapFS{"config.toml/x": {}}, []string{
			"config.toml: cannot read the file: invalid argument",
		}, ""},
		{"problems carry the name", fstest.MapFS{"config.toml": {Data: []byte(head + "x = 1\n")}}, []string{
			"config.toml:5:1: x: unknown setting (the settings here are title, council, raa, report_year, author, base_url, theme, history_years, suppress_below, published, data_extracted, [data], [ssda903], [thresholds], [branding], [cabinet], [contact], [accessibility], [[councils]])",
		}, "T"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, probs := Load(tt.fsys, "config.toml")
			if got := strs(probs); !reflect.DeepEqual(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Errorf("problems\n got %q\nwant %q", got, tt.want)
			}
			if c.Title != tt.title {
				t.Errorf("title %q, want %q", c.Title, tt.title)
			}
		})
	}
}

// TestWarningIsNotAnError: a [cabinet] without a meeting does not stop a build.
func TestWarningIsNotAnError(t *testing.T) {
	_, probs := Parse("config.toml", []byte(head+"[cabinet]\ndate = \"1 May 2025\"\n"))
	if len(probs) != 1 || probs[0].Severity != problem.Warning {
		t.Errorf("want one warning, got %+v", probs)
	}
}

// TestSampleProject: the example project at the repository root is the
// first thing a new user builds; its config must be clean.
func TestSampleProject(t *testing.T) {
	data, err := os.ReadFile("../../config.toml")
	if err != nil {
		t.Skipf("no sample project: %v", err)
	}
	c, probs := Parse("config.toml", data)
	if len(probs) > 0 {
		t.Errorf("the sample config.toml has problems:\n%s", probs)
	}
	if c.Year == 0 {
		t.Errorf("the sample config.toml gave no report year")
	}
}

// TestReferenceIsComplete: every key of Config is described both in the
// package documentation and in docs/configuration.md, so neither falls
// behind when a setting is added.
func TestReferenceIsComplete(t *testing.T) {
	for _, file := range []string{"doc.go", "../../docs/configuration.md"} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		tables := map[string]bool{}
		for _, key := range keys(reflect.TypeOf(Config{}), "") {
			name := key[strings.LastIndexByte(key, '.')+1:]
			table, _, nested := strings.Cut(key, ".")
			if nested && !tables[table] && !strings.Contains(text, "["+table+"]") {
				t.Errorf("%s does not describe the table [%s]", file, table)
			}
			tables[table] = true
			if !containsWord(text, name) {
				t.Errorf("%s does not describe %s", file, key)
			}
		}
	}
}

// keys lists t's TOML keys, dotted below the top level.
func keys(t reflect.Type, prefix string) []string {
	var ks []string
	for i := range t.NumField() {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if tag == "-" || tag == "" {
			continue
		}
		if f.Type.Kind() == reflect.Struct {
			ks = append(ks, keys(f.Type, prefix+tag+".")...)
			continue
		}
		ks = append(ks, prefix+tag)
	}
	return ks
}

// containsWord reports whether w occurs in s not as part of a longer key.
func containsWord(s, w string) bool {
	isKey := func(c byte) bool { return c == '_' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(w)
		if (j == 0 || !isKey(s[j-1])) && (end == len(s) || !isKey(s[end])) {
			return true
		}
		i = j + 1
	}
}

// TestDocsExamples parses every ```toml block of docs/configuration.md
// (after the four required settings when the block lacks them): an
// example that fails would teach the mistake.
func TestDocsExamples(t *testing.T) {
	b, err := os.ReadFile("../../docs/configuration.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(string(b), "```toml\n")[1:]
	if len(blocks) < 5 {
		t.Fatalf("found %d toml examples, want at least 5", len(blocks))
	}
	for i, blk := range blocks {
		src, _, _ := strings.Cut(blk, "```")
		if !strings.Contains(src, "report_year") {
			src = head + src
		}
		if _, probs := Parse("config.toml", []byte(src)); len(probs) > 0 {
			t.Errorf("example %d has problems:\n%s\n%s", i+1, probs, src)
		}
	}
}
