package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommittedRegional checks that the data `adoptionreport new
// --regional` writes is what the generator writes. Rerun
// `go run ./cmd/gensample -regional generator/scaffold/regional` after
// changing it.
func TestCommittedRegional(t *testing.T) {
	dir := filepath.Join("..", "..", "generator", "scaffold", "regional")
	files := regionalFiles(defaultSeed)
	for _, f := range files {
		got, err := os.ReadFile(filepath.Join(dir, f.name))
		if err != nil || string(got) != string(f.data) {
			t.Errorf("generator/scaffold/regional/%s is not what gensample writes (%v): run go run ./cmd/gensample -regional generator/scaffold/regional", f.name, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(files) {
		t.Errorf("generator/scaffold/regional holds %d files, gensample writes %d", len(entries), len(files))
	}
}

// Every council has rows of its own, its children's IDs start with its
// letter, so no two councils share one.
func TestRegionalRows(t *testing.T) {
	files := regionalFiles(defaultSeed)
	children := string(files[0].data)
	for _, c := range regionalCouncils {
		if !strings.Contains(children, "\n"+c.code+","+c.letter+"C") {
			t.Errorf("no child of %s with an ID starting %sC", c.code, c.letter)
		}
		if !strings.Contains(string(files[1].data), "\n"+c.code+",") {
			t.Errorf("no budget line of %s", c.code)
		}
	}
}
