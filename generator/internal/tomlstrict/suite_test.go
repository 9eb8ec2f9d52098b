package tomlstrict

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// TestScanAgreesWithParser runs the key scanner over the valid documents
// of the TOML test suite that ships inside the BurntSushi/toml module:
// every key the parser reports must have a position, and the text there
// must be that key. It is the scanner's guard against TOML it was not
// written with in mind.
func TestScanAgreesWithParser(t *testing.T) {
	dir := suite(t, "valid")
	checked := 0
	err := filepath.WalkDir(dir, func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || filepath.Ext(name) != ".toml" {
			return err
		}
		b, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		src := strings.TrimPrefix(string(b), "\uFEFF")
		var m map[string]any
		md, err := toml.Decode(src, &m)
		if err != nil {
			return nil // a TOML 1.1 test the parser does not take
		}
		checked++
		idx := scanKeys(src)
		lines := strings.Split(src, "\n")
		for _, k := range md.Keys() {
			p, ok := idx[strings.Join(k, sep)]
			if !ok {
				t.Errorf("%s: no position for key %q", name, k)
				continue
			}
			at := string([]rune(lines[p.line-1])[p.col-1:])
			if !strings.HasPrefix(at, k[len(k)-1]) && !strings.HasPrefix(at, `"`) && !strings.HasPrefix(at, "'") {
				t.Errorf("%s: key %q placed at %d:%d, where the text is %q", name, k, p.line, p.col, at)
			}
		}
		return nil
	})
	if err != nil {
		t.Skipf("cannot read the TOML test suite: %v", err)
	}
	if checked < 100 {
		t.Skipf("only %d documents of the TOML test suite found in %s", checked, dir)
	}
}

// TestSyntaxErrorsInTheFile runs Decode over the invalid documents of the
// TOML test suite: every error must point inside the file, since a
// report officer is sent to that line.
func TestSyntaxErrorsInTheFile(t *testing.T) {
	dir := suite(t, "invalid")
	checked := 0
	err := filepath.WalkDir(dir, func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || filepath.Ext(name) != ".toml" {
			return err
		}
		b, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		var v struct{}
		d, probs := Decode("f.toml", 0, b, &v)
		if d != nil {
			return nil // parsed after all (a TOML 1.1 relaxation), or only unknown keys
		}
		checked++
		lines := strings.Split(strings.TrimPrefix(string(b), "\uFEFF"), "\n")
		p := probs[0]
		if p.Line < 1 || p.Line > len(lines) || p.Col < 0 || p.Col > utf8.RuneCountInString(lines[p.Line-1])+1 {
			t.Errorf("%s: %v is outside the %d-line file", name, p, len(lines))
		}
		return nil
	})
	if err != nil {
		t.Skipf("cannot read the TOML test suite: %v", err)
	}
	if checked < 100 {
		t.Skipf("only %d documents of the TOML test suite found in %s", checked, dir)
	}
}

// suite returns a folder of the TOML test suite that ships inside the
// BurntSushi/toml module, or skips the test when the module's source is
// not at hand.
func suite(t *testing.T, which string) string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/BurntSushi/toml").Output()
	if err != nil {
		t.Skipf("cannot locate the BurntSushi/toml module: %v", err)
	}
	return filepath.Join(strings.TrimSpace(string(out)), "internal", "toml-test", "tests", which)
}
