// Package content reads the report's Markdown pages: TOML front matter
// between +++ lines, then the text, which Render turns into HTML with the
// report's shortcodes (package shortcode).
package content

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/internal/tomlstrict"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// Page is one content file.
type Page struct {
	File     string // path as given, e.g. "content/summary.md"
	Slug     string // the file name without .md: the page's address
	Title    string
	Weight   int
	Author   string
	Summary  string
	Draft    bool
	Body     []byte // Markdown after the closing +++
	BodyLine int    // line of Body's first line in the file, for locating problems
}

// frontMatter is the strict schema of a page's settings.
type frontMatter struct {
	Title   string `toml:"title"`
	Weight  int    `toml:"weight"`
	Author  string `toml:"author"`
	Summary string `toml:"summary"`
	Draft   bool   `toml:"draft"`
}

const fence = "+++"

const example = `start the file with its settings between +++ lines, e.g.
+++
title = "Children"
weight = 20
+++`

// Parse reads one content file.
func Parse(name string, data []byte) (Page, problem.List) {
	var probs problem.List
	p := Page{File: name, Slug: strings.TrimSuffix(path.Base(name), ".md")}
	if !validSlug(p.Slug) {
		probs.Errorf(name, 0, 0, "", "the file name %q cannot be a web address; use lower-case letters, digits and hyphens, e.g. content/panel-chair.md", path.Base(name))
	}
	text := bytes.TrimPrefix(data, []byte("\uFEFF"))
	lines := bytes.SplitAfter(text, []byte("\n"))
	first := 0
	for first < len(lines) && len(bytes.TrimSpace(lines[first])) == 0 {
		first++
	}
	if first == len(lines) || string(bytes.TrimSpace(lines[first])) != fence {
		probs.Errorf(name, first+1, 1, "", "no front matter: %s", example)
		return p, probs
	}
	end := -1
	for i := first + 1; i < len(lines); i++ {
		if string(bytes.TrimSpace(lines[i])) == fence {
			end = i
			break
		}
	}
	if end < 0 {
		probs.Errorf(name, first+1, 1, "", "the front matter opened here is never closed: add a line +++ after the settings")
		return p, probs
	}
	fm := bytes.Join(lines[first+1:end], nil)
	var m frontMatter
	doc, more := tomlstrict.Decode(name, first+1, fm, &m)
	probs = append(probs, more...)
	if doc != nil {
		if strings.TrimSpace(m.Title) == "" {
			doc.Errorf(&probs, "title", `every page needs a title, e.g. title = "Children"`)
		}
	}
	p.Title, p.Weight, p.Author, p.Summary, p.Draft = m.Title, m.Weight, m.Author, m.Summary, m.Draft
	p.Body = bytes.Join(lines[end+1:], nil)
	p.BodyLine = end + 2
	return p, probs
}

func validSlug(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// skip reports whether a file in the content folder is not a page:
// dotfiles and editor temporary files.
func skip(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") ||
		strings.HasSuffix(name, "~") || !strings.HasSuffix(name, ".md")
}

// Load reads every page in dir of fsys, in report order: by weight, then
// by slug. A missing folder is an empty report, not an error.
func Load(fsys fs.FS, dir string) ([]Page, problem.List) {
	var probs problem.List
	entries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		probs.Errorf(dir, 0, 0, "", "cannot read the content folder: %v", err)
		return nil, probs
	}
	var pages []Page
	seen := map[string]string{}
	for _, e := range entries {
		if e.IsDir() || skip(e.Name()) {
			continue
		}
		name := path.Join(dir, e.Name())
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			probs.Errorf(name, 0, 0, "", "cannot read the file: %v", err)
			continue
		}
		p, more := Parse(name, data)
		probs = append(probs, more...)
		key := strings.ToLower(p.Slug)
		if other, ok := seen[key]; ok {
			probs.Errorf(name, 0, 0, "", "has the same address as %s; rename one of them", other)
			continue
		}
		seen[key] = name
		pages = append(pages, p)
	}
	sort.SliceStable(pages, func(i, j int) bool {
		if pages[i].Weight != pages[j].Weight {
			return pages[i].Weight < pages[j].Weight
		}
		return pages[i].Slug < pages[j].Slug
	})
	return pages, probs
}
