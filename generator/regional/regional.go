// Package regional makes a regional edition's parts: it splits the
// project's data and pages into each partner council's, and renders the
// RAA's overview from the councils' reports. The generator builds each
// council's report exactly as a one-council project with that council's
// rows would; nothing here changes how a report is computed.
package regional

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/content"
	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/problem"
	"github.com/adoptionreport/adoptionreport/internal/suggest"
)

// Split returns each council's data, in the order of cfg.Councils: its
// own rows of children.csv and budget.csv (by their la column), and the
// RAA's adopters and the comparators, which every council shares. Rows
// keep their order, so a council's figures are those of a one-council
// project holding its rows alone.
func Split(ds *dataset.Dataset, cfg config.Config) []*dataset.Dataset {
	out := make([]*dataset.Dataset, len(cfg.Councils))
	at := make(map[string]int, len(cfg.Councils))
	for i, c := range cfg.Councils {
		out[i] = &dataset.Dataset{Adopters: ds.Adopters, Comparators: ds.Comparators}
		at[strings.ToLower(c.Code)] = i
	}
	// Codes match whatever their capitals, as the la check takes them.
	for _, ch := range ds.Children {
		if i, ok := at[strings.ToLower(ch.LA)]; ok {
			out[i].Children = append(out[i].Children, ch)
		}
	}
	for _, b := range ds.Budget {
		if i, ok := at[strings.ToLower(b.LA)]; ok {
			out[i].Budget = append(out[i].Budget, b)
		}
	}
	return out
}

// NoRows reports each council of cfg that has no row in children.csv:
// its report would have no children to count, most likely because its
// rows carry another code. A council with no budget rows is a warning:
// its finance page is then empty.
func NoRows(parts []*dataset.Dataset, cfg config.Config, file string) problem.List {
	var probs problem.List
	codes := strings.Join(cfg.CouncilCodes(), ", ")
	for i, c := range cfg.Councils {
		line, col := c.CodeLine, c.CodeCol
		if line == 0 {
			line, col = c.Line, 0
		}
		if len(parts[i].Children) == 0 {
			probs.Errorf(file, line, col, "councils.code", "council %q (%s) has no rows in %s: give its children the la value %q, or remove its [[councils]] entry (the codes are %s)",
				c.Code, c.Name, cfg.Data.Children, c.Code, codes)
		}
		if len(parts[i].Budget) == 0 && len(parts[i].Children) > 0 {
			probs.Warnf(file, line, col, "councils.code", "council %q (%s) has no rows in %s: its report has no budget figures; give its budget lines the la value %q (the codes are %s)",
				c.Code, c.Name, cfg.Data.Budget, c.Code, codes)
		}
	}
	return probs
}

// Pages returns each council's pages, in the order of cfg.Councils: the
// shared pages of dir, each replaced by the council's own page of the
// same name in dir/<code>/ and joined by its own pages that have no
// shared one, in report order (as content.Load sorts). A folder of dir
// named for no council is an error on each of its pages: they would
// silently never be published. A folder without pages is ignored.
func Pages(fsys fs.FS, dir string, shared []content.Page, cfg config.Config) ([][]content.Page, problem.List) {
	var probs problem.List
	codes := cfg.CouncilCodes()
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		probs.Errorf(dir, 0, 0, "", "cannot read the content folder: %v", err)
	}
	// A council's folder may be named with other capitals than its code
	// ("content/Marshby/"): codes match whatever their capitals.
	folder := make([]string, len(codes))
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		where := path.Join(dir, e.Name())
		// A folder without pages drops nothing, whatever its name: one
		// left empty, or emptied while serve runs, is no mistake.
		files := content.PageFiles(fsys, where)
		if len(files) == 0 {
			continue
		}
		i := cfg.CouncilIndex(e.Name())
		switch {
		case i < 0:
			hint := ""
			if s := suggest.Suggest(e.Name(), codes); s != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", s)
			}
			for _, f := range files {
				probs.Errorf(f, 0, 0, "", "is in the folder %s, but %q is not the code of a council in config.toml%s: a council's own pages go in content/<code>/, with code one of %s; rename the folder or add the council under [[councils]]",
					where, e.Name(), hint, strings.Join(codes, ", "))
			}
		case folder[i] != "":
			// Two folders whose names differ only in capitals: one would
			// silently win.
			for _, f := range files {
				probs.Errorf(f, 0, 0, "", "is in the folder %s, and %s is council %s's folder too (codes match whatever their capitals): move its pages into one folder, content/%s/",
					where, path.Join(dir, folder[i]), codes[i], codes[i])
			}
		default:
			folder[i] = e.Name()
		}
	}
	out := make([][]content.Page, len(codes))
	for i := range codes {
		var own []content.Page
		if folder[i] != "" {
			var more problem.List
			own, more = content.Load(fsys, path.Join(dir, folder[i]))
			probs = append(probs, more...)
		}
		out[i] = merge(shared, own)
	}
	return out, probs
}

// Unread warns of each folder of dir holding pages in a one-council
// project, which reads content/*.md alone: a folder's pages would
// silently never be published. Only a regional edition has councils'
// own pages, in content/<code>/.
func Unread(fsys fs.FS, dir string) problem.List {
	var probs problem.List
	entries, _ := fs.ReadDir(fsys, dir)
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		where := path.Join(dir, e.Name())
		if n := len(content.PageFiles(fsys, where)); n > 0 {
			pages, them := "its page is", "it"
			if n > 1 {
				pages, them = fmt.Sprintf("its %d pages are", n), "them"
			}
			probs.Warnf(where, 0, 0, "", "%s not read: only a regional edition ([[councils]] in config.toml) has councils' own pages, in content/<code>/ (see docs/regional.md); move %s into %s/ to publish %s", pages, them, dir, them)
		}
	}
	return probs
}

// merge returns shared with each page of own in place of the shared page
// of the same slug, and the rest of own added, in content.Load's order.
func merge(shared, own []content.Page) []content.Page {
	if len(own) == 0 {
		return shared
	}
	bySlug := make(map[string]bool, len(own))
	for _, p := range own {
		bySlug[p.Slug] = true
	}
	pages := make([]content.Page, 0, len(shared)+len(own))
	for _, p := range shared {
		if !bySlug[p.Slug] {
			pages = append(pages, p)
		}
	}
	pages = append(pages, own...)
	sort.SliceStable(pages, func(i, j int) bool {
		if pages[i].Weight != pages[j].Weight {
			return pages[i].Weight < pages[j].Weight
		}
		return pages[i].Slug < pages[j].Slug
	})
	return pages
}
