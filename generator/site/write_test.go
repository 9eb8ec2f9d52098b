package site

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		got[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestWriteAtomicReplacesAndKeepsPlaceholder(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "output")
	if err := os.MkdirAll(filepath.Join(out, "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(out, "old", "stale.html"), []byte("stale"), 0o644)
	os.WriteFile(filepath.Join(out, ".gitkeep"), nil, 0o644)

	if err := WriteAtomic(out, Files{"index.html": []byte("new"), "data/x.json": []byte("{}")}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"index.html": "new", "data/x.json": "{}", ".gitkeep": ""}
	if got := readTree(t, out); !reflect.DeepEqual(got, want) {
		t.Errorf("output = %v, want %v", got, want)
	}
	// Nothing temporary is left beside the output.
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("left beside output: %v", entries)
	}
}

func TestWriteAtomicFailureLeavesOutput(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "output")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "index.html"), []byte("published"), 0o644)

	err := WriteAtomic(out, Files{"index.html": []byte("new"), "../escape.html": []byte("x")})
	if err == nil {
		t.Fatal("a path outside the output folder should fail the write")
	}
	if got := readTree(t, out); !reflect.DeepEqual(got, map[string]string{"index.html": "published"}) {
		t.Errorf("output changed after a failed write: %v", got)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("left beside output: %v", entries)
	}
}

func TestWriteAtomicCreatesOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "a", "b")
	if err := WriteAtomic(out, Files{"index.html": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(out)
	if err != nil || fi.Mode().Perm() != 0o755 {
		t.Errorf("output folder: %v, %v", fi, err)
	}
}
