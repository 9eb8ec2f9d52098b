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
	"path"
	"path/filepath"
	"strings"
)

//go:embed project
var project embed.FS

// ssda903 is the SSDA903 variant of the repository's sample, written by
// go run ./cmd/gensample -ssda903 generator/scaffold/ssda903: a folder
// per year of returns under 903/, and the partial children.csv kept
// beside them.
//
//go:embed ssda903
var ssda903 embed.FS

// regional is the regional example's data, written by
// go run ./cmd/gensample -regional generator/scaffold/regional: three
// partner councils' children and budget lines, marked in an la column,
// and the RAA's adopters, shared.
//
//go:embed regional
var regional embed.FS

// RegionalCouncils are the regional example's councils: code and name.
var RegionalCouncils = [][2]string{
	{"fenmoor", "Fenmoor District Council"},
	{"marshby", "Marshby Borough Council"},
	{"eastholme", "Eastholme Borough Council"},
}

// NewRegional writes a new project, as New does, that is a regional
// edition (docs/regional.md): three fictional partner councils of one
// RAA, listed under [[councils]] in config.toml, with synthetic data for
// each, and a page of its own for one council (content/marshby/) to show
// how a council's page replaces the shared one.
func NewRegional(dir string) error {
	if err := New(dir); err != nil {
		return err
	}
	entries, err := regional.ReadDir("regional")
	if err != nil {
		return err
	}
	for _, e := range entries {
		b, err := regional.ReadFile("regional/" + e.Name())
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "data", e.Name()), b, 0o644); err != nil {
			return err
		}
	}
	cfgPath := filepath.Join(dir, "config.toml")
	cfg, err := os.ReadFile(cfgPath)
	if err != nil {
		return err
	}
	text := strings.Replace(string(cfg), "council     = \"Your Council\"\n", "", 1)
	text += `
# A regional edition: a report for each partner council at output/<code>/,
# and the RAA's overview at output/index.html (docs/regional.md). Each
# council's rows in data/children.csv and data/budget.csv carry its code
# in the la column; data/adopters.csv is the RAA's, shared.
`
	for _, c := range RegionalCouncils {
		text += fmt.Sprintf("\n[[councils]]\ncode = %q\nname = %q\n", c[0], c[1])
	}
	if err := os.WriteFile(cfgPath, []byte(text), 0o644); err != nil {
		return err
	}
	own := filepath.Join(dir, "content", "marshby")
	if err := os.MkdirAll(own, 0o755); err != nil {
		return err
	}
	summary, err := os.ReadFile(filepath.Join(dir, "content", "summary.md"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(own, "summary.md"), []byte(strings.Replace(string(summary), "\n+++\n",
		"\n+++\n\n*This summary is Marshby's own page, content/marshby/summary.md: it replaces the shared content/summary.md in Marshby's report alone.*\n", 1)), 0o644)
}

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

// NewSSDA903 writes a new project, as New does, whose children are read
// from SSDA903 returns instead of a full children.csv: the sample's
// returns go in data/903, one folder per year, with the partial
// children.csv beside them as data/children.csv, and config.toml lists
// the folders under [data] ssda903.
func NewSSDA903(dir string) error {
	if err := New(dir); err != nil {
		return err
	}
	var folders []string
	err := fs.WalkDir(ssda903, "ssda903", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("ssda903", p)
		rel = filepath.ToSlash(rel)
		target := filepath.Join(dir, "data", filepath.FromSlash(rel))
		if d.IsDir() {
			if path.Dir(rel) == "903" {
				folders = append(folders, `"data/`+rel+`"`)
			}
			return os.MkdirAll(target, 0o755)
		}
		b, err := ssda903.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		return err
	}
	f, err := os.OpenFile(filepath.Join(dir, "config.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(f, `
# Children are read from the council's SSDA903 returns, one folder per
# year, oldest first; data/children.csv adds what the 903 does not hold
# (see docs/data.md, "Your SSDA903 return instead of children.csv").
[data]
ssda903 = [%s]
`, strings.Join(folders, ",\n           "))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
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
