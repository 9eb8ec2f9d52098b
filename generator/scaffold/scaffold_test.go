package scaffold

import (
	"os"
	"path/filepath"
	"testing"
)

func TestNewWritesEveryFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "report")
	if err := New(dir); err != nil {
		t.Fatal(err)
	}
	want := []string{"config.toml", "data/children.csv", "data/adopters.csv", "data/budget.csv", "content/summary.md"}
	for _, name := range want {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("missing %s: %v", name, err)
		}
	}
}

func TestNewRefusesNonEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	if err := New(dir); err == nil {
		t.Fatal("New into a non-empty folder should fail")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(b) != "mine" {
		t.Error("an existing file was changed")
	}
	if _, err := os.Stat(filepath.Join(dir, "config.toml")); err == nil {
		t.Error("wrote into a non-empty folder")
	}
}
