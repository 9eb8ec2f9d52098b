// Package scaffold writes a new report project: a config, a page for each
// part of the report, and data files holding a few example rows in the
// formats the loader reads, so that the new project builds at once and
// every file shows what goes in it.
package scaffold

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed project
var project embed.FS

// Files lists the files New writes, relative to the project folder.
func Files() []string {
	var names []string
	_ = fs.WalkDir(project, "project", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel("project", p)
			names = append(names, filepath.ToSlash(rel))
		}
		return err
	})
	return names
}

// New writes a new project into dir, which must not exist or be empty:
// a scaffold never overwrites an officer's files.
func New(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return fmt.Errorf("%s is not empty; choose a new folder for the project", dir)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	}
	for _, name := range Files() {
		b, err := project.ReadFile("project/" + name)
		if err != nil {
			return err
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
