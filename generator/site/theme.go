package site

import (
	"errors"
	"html/template"
	"io/fs"
	"path"
	"sort"
)

// layers looks a file up in each file system in turn, the first that has
// it winning: the project's own layouts/ and static/, then its theme's,
// then the embedded default. As in Hugo, a project overrides the theme
// file by file and never has to copy the rest.
type layers []fs.FS

func (l layers) ReadFile(name string) ([]byte, error) {
	for _, f := range l {
		b, err := fs.ReadFile(f, name)
		if err == nil {
			return b, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// Glob returns the union of every layer's matches, sorted.
func (l layers) Glob(pattern string) ([]string, error) {
	seen := map[string]bool{}
	var names []string
	for _, f := range l {
		m, err := fs.Glob(f, pattern)
		if err != nil {
			return nil, err
		}
		for _, n := range m {
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	sort.Strings(names)
	return names, nil
}

// themeLayers returns the layers for a project: project (may be nil, as
// in tests) is its folder, theme the configured theme's name.
func themeLayers(project fs.FS, theme string) (layers, error) {
	def, err := fs.Sub(defaultTheme, "theme")
	if err != nil {
		return nil, err
	}
	if project == nil {
		return layers{def}, nil
	}
	l := layers{project}
	if theme != "" && theme != "default" {
		t, err := fs.Sub(project, path.Join("themes", theme))
		if err != nil {
			return nil, err
		}
		if _, err := fs.Stat(t, "."); err != nil {
			return nil, errors.New(`theme "` + theme + `" not found: there is no folder themes/` + theme + ` in the project (remove the theme setting to use the built-in theme)`)
		}
		l = append(l, t)
	}
	return append(l, def), nil
}

// templates parses every layout, the highest layer's copy of each file.
func (l layers) templates() (*template.Template, error) {
	t := template.New("").Funcs(template.FuncMap{"nobreak": noBreak})
	for _, pattern := range []string{"layouts/*.html", "layouts/partials/*.html"} {
		names, err := l.Glob(pattern)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			b, err := l.ReadFile(name)
			if err != nil {
				return nil, err
			}
			if _, err := t.New(path.Base(name)).Parse(string(b)); err != nil {
				return nil, err
			}
		}
	}
	return t, nil
}
