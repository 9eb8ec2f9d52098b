package site

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
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
	os.WriteFile(filepath.Join(out, Stamp), nil, 0o644)

	if err := WriteAtomic(out, Files{"index.html": []byte("new"), "data/x.json": []byte("{}")}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"index.html": "new", "data/x.json": "{}", ".gitkeep": "", Stamp: stampText}
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
	os.WriteFile(filepath.Join(out, Stamp), nil, 0o644)

	err := WriteAtomic(out, Files{"index.html": []byte("new"), "../escape.html": []byte("x")})
	if err == nil {
		t.Fatal("a path outside the output folder should fail the write")
	}
	if got := readTree(t, out); !reflect.DeepEqual(got, map[string]string{"index.html": "published", Stamp: ""}) {
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

// A folder a build did not write is never replaced, whatever --output
// named by mistake: the officer's data, pages or home folder.
func TestWriteAtomicRefusesOthersFolders(t *testing.T) {
	parent := t.TempDir()
	data := filepath.Join(parent, "data")
	os.MkdirAll(data, 0o755)
	os.WriteFile(filepath.Join(data, "children.csv"), []byte("child_id\n"), 0o644)
	file := filepath.Join(parent, "notes.txt")
	os.WriteFile(file, []byte("mine"), 0o644)
	link := filepath.Join(parent, "site")
	os.Symlink(data, link)
	for _, dir := range []string{data, file, link} {
		err := WriteAtomic(dir, Files{"index.html": []byte("new")})
		if !errors.Is(err, ErrNotOutput) {
			t.Errorf("WriteAtomic(%s) = %v, want ErrNotOutput", dir, err)
		}
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v, %v", fi, err)
	}
	os.Remove(link)
	want := map[string]string{"data/children.csv": "child_id\n", "notes.txt": "mine"}
	if got := readTree(t, parent); !reflect.DeepEqual(got, want) {
		t.Errorf("after refused writes: %v, want %v", got, want)
	}
	if err := WriteAtomic(data, Files{}); err == nil || !strings.Contains(err.Error(), "children.csv") {
		t.Errorf("the message should name a file the folder holds: %v", err)
	}
}

// An empty folder, or one holding only .gitkeep, is the officer's new
// output folder; after a build it carries the stamp and can be rebuilt.
func TestWriteAtomicEmptyFolderThenRebuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "output")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, ".gitkeep"), nil, 0o644)
	for i := range 2 {
		if err := WriteAtomic(out, Files{"index.html": []byte("x")}); err != nil {
			t.Fatalf("build %d: %v", i+1, err)
		}
	}
}

// The writers take a file of each folder in turn, and every file once.
func TestByFolderInTurn(t *testing.T) {
	got := byFolderInTurn([]string{"a/1", "a/2", "a/3", "b/1", "c/1", "c/2", "index.html"})
	want := []string{"a/1", "b/1", "c/1", "index.html", "a/2", "c/2", "a/3"}
	if !slices.Equal(got, want) {
		t.Errorf("byFolderInTurn = %q, want %q", got, want)
	}
}
