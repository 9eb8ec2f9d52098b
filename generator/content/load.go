package content

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// Load reads every page in the folder dir of fsys, in report order: by
// Weight, then by Slug. Only *.md files directly in dir are pages;
// dotfiles and editors' temporary files (name~, #name#) are skipped. A
// missing folder is a report with no pages, not an error; a file that
// cannot be read is. Two files that make the same slug are an error on
// the second. Pages with errors of their own are reported but left out.
func Load(fsys fs.FS, dir string) ([]Page, problem.List) {
	var probs problem.List
	entries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		probs.Errorf(dir, 0, 0, "", "cannot read the content folder: %v", unwrap(err))
		return nil, probs
	}
	var pages []Page
	seen := map[string]string{} // slug → the file that made it
	for _, e := range entries {
		if e.IsDir() || !isPage(e.Name()) {
			continue
		}
		name := path.Join(dir, e.Name())
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			probs.Errorf(name, 0, 0, "", "cannot read the file: %v", unwrap(err))
			continue
		}
		p, more := Parse(name, data)
		probs = append(probs, more...)
		if p.Slug != "" {
			if other, ok := seen[p.Slug]; ok {
				probs.Errorf(name, 0, 0, "", "makes the same address, %s.html, as %s: rename one of them", p.Slug, other)
				continue
			}
			seen[p.Slug] = name
		}
		p.Broken = more.HasErrors()
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

// PageFiles returns the files of dir that Load reads as pages, by their
// paths in fsys; none when dir cannot be read. A folder with none
// publishes nothing, whatever else it holds.
func PageFiles(fsys fs.FS, dir string) []string {
	entries, _ := fs.ReadDir(fsys, dir)
	var files []string
	for _, e := range entries {
		if !e.IsDir() && isPage(e.Name()) {
			files = append(files, path.Join(dir, e.Name()))
		}
	}
	return files
}

// isPage reports whether a file in the content folder is a page: a .md
// file that is not hidden and not an editor's backup or autosave.
func isPage(name string) bool {
	switch {
	case strings.HasPrefix(name, "."), // .#page.md (Emacs lock), .page.md.swp (Vim)
		strings.HasSuffix(name, "~"),  // page.md~ (Emacs, gedit backups)
		strings.HasPrefix(name, "#"),  // #page.md# (Emacs autosave)
		strings.HasPrefix(name, "~$"): // ~$page.md (Word's lock file)
		return false
	}
	return strings.EqualFold(path.Ext(name), ".md")
}

// unwrap drops the path a PathError repeats: the problem names the file.
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
