package site

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/config"
)

// layers looks a file up in each file system in turn, the first that has
// it winning: the project's own layouts/ and static/, then its theme's,
// then the embedded default. As in Hugo, a project overrides the theme
// file by file and never has to copy the rest.
type layers []layer

// layer is one file system of a theme, and where its files are, for
// messages: "" for the project's own, "themes/NAME/" for its theme's.
type layer struct {
	fs.FS
	dir     string
	builtIn bool
}

func (l layers) ReadFile(name string) ([]byte, error) {
	b, _, err := l.readFrom(name)
	return b, err
}

// readFrom is ReadFile, giving besides the layer the file was read from.
func (l layers) readFrom(name string) ([]byte, layer, error) {
	for _, f := range l {
		b, err := fs.ReadFile(f, name)
		if err == nil {
			return b, f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, f, err
		}
	}
	return nil, layer{}, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
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
	sub, err := fs.Sub(defaultTheme, "theme")
	if err != nil {
		return nil, err
	}
	def := layer{FS: sub, builtIn: true}
	if project == nil {
		return layers{def}, nil
	}
	l := layers{{FS: project}}
	if theme != "" && theme != "default" {
		dir := path.Join("themes", theme)
		t, err := fs.Sub(project, dir)
		if err != nil {
			return nil, err
		}
		if _, err := fs.Stat(t, "."); err != nil {
			return nil, errors.New(`theme "` + theme + `" not found: there is no folder themes/` + theme + ` in the project (remove the theme setting to use the built-in theme)`)
		}
		l = append(l, layer{FS: t, dir: dir + "/"})
	}
	return append(l, def), nil
}

// templates parses every layout, the highest layer's copy of each file.
// A partial the built-in layouts use must define the template they call
// by its name, as the built-in one does.
func (l layers) templates() (*template.Template, error) {
	t := template.New("").Funcs(template.FuncMap{"nobreak": noBreak})
	own := map[string]string{} // a project's or theme's partials the built-in layouts call, by name
	for _, pattern := range []string{"layouts/*.html", "layouts/partials/*.html"} {
		names, err := l.Glob(pattern)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			b, from, err := l.readFrom(name)
			if err != nil {
				return nil, err
			}
			if _, err := t.New(path.Base(name)).Parse(string(b)); err != nil {
				return nil, fmt.Errorf("%s%s: %w", from.dir, name, err)
			}
			partial := strings.TrimSuffix(path.Base(name), ".html")
			if path.Dir(name) == "layouts/partials" && !from.builtIn && builtInPartial(partial) {
				own[partial] = from.dir + name
			}
		}
	}
	for _, partial := range slices.Sorted(maps.Keys(own)) {
		if t.Lookup(partial) == nil {
			return nil, fmt.Errorf(`%s defines no template %q, which the layouts call: write it as {{define %q}}…{{end}}, as the built-in partials are (see docs/theming.md)`,
				own[partial], partial, partial)
		}
	}
	return t, nil
}

// builtInPartial reports whether the built-in theme has the partial
// layouts/partials/NAME.html.
func builtInPartial(name string) bool {
	_, err := fs.Stat(defaultTheme, "theme/layouts/partials/"+name+".html")
	return err == nil
}

// Theme is a project's theme, read once: its parsed layouts and the
// files every report carries unchanged. A regional edition renders each
// of its councils' reports with the one Theme, instead of reading and
// parsing the theme again for each (150 times, at the scale of England).
// A Theme's templates are only executed after LoadTheme, which
// html/template allows from many goroutines at once.
type Theme struct {
	tmpl *template.Template
	// css is the stylesheet before a report's colours and title are put
	// in front of it.
	css []byte
	// static are the scripts and the chart library's licence, by the name
	// they are published under (the scripts' fingerprinted).
	static                  Files
	chartsJSURL, echartsURL string
}

// LoadTheme reads the theme of a project: project is its folder (nil, as
// in tests, uses the embedded theme alone), name the configured theme.
func LoadTheme(project fs.FS, name string) (*Theme, error) {
	l, err := themeLayers(project, name)
	if err != nil {
		return nil, err
	}
	t := &Theme{static: Files{}}
	if t.tmpl, err = l.templates(); err != nil {
		return nil, err
	}
	if t.css, err = l.ReadFile("static/css/style.css"); err != nil {
		return nil, err
	}
	js, err := l.ReadFile("static/js/charts.js")
	if err != nil {
		return nil, err
	}
	t.chartsJSURL = fingerprint(t.static, "assets/charts.js", js)
	echarts, err := l.ReadFile(echartsPath)
	if err != nil {
		return nil, err
	}
	t.echartsURL = fingerprint(t.static, "assets/"+path.Base(echartsPath), echarts)
	if lic, err := l.ReadFile("static/js/echarts.LICENSE.txt"); err == nil {
		t.static["assets/echarts.LICENSE.txt"] = lic
	}
	return t, nil
}

// FooterAbout is the theme's "footer-about" partial for c: the report's
// publication and data-extraction dates and the service's contact, as
// every page's footer gives them. The regional overview, which is not a
// page of any council's report, ends with the same.
func (t *Theme) FooterAbout(c config.Config) (template.HTML, error) {
	var b bytes.Buffer
	d := siteData{Published: newDay(c.PublishedOn), DataExtracted: newDay(c.ExtractedOn), Contact: c.Contact}
	if err := t.tmpl.ExecuteTemplate(&b, "footer-about", d); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}
