// Package generator is the one entry point to a report build: it runs the
// pipeline config → dataset → indicators → site, in that order only. The
// command line and the PDF printer call Build; the preview server calls
// Render, which is Build short of writing the output folder.
package generator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/charts"
	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/content"
	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/disclosure"
	"github.com/adoptionreport/adoptionreport/generator/indicators"
	"github.com/adoptionreport/adoptionreport/generator/pdf"
	"github.com/adoptionreport/adoptionreport/generator/problem"
	"github.com/adoptionreport/adoptionreport/generator/regional"
	"github.com/adoptionreport/adoptionreport/generator/site"
	"github.com/adoptionreport/adoptionreport/generator/ssda903"
)

// ConfigFile is the project's settings file, relative to its folder.
const ConfigFile = "config.toml"

// ContentDir is the folder of Markdown pages, relative to the project.
const ContentDir = "content"

// Options say what to build.
type Options struct {
	// Source is the project folder (holding config.toml).
	Source string
	// Output is the folder the site is written to; blank means Source/output.
	Output string
	// Draft shows exact figures and draft pages, marked DRAFT.
	Draft bool
	// Cache, when set, keeps the data and figures for the next build with
	// it, which then reads the CSVs only if they (or the settings) have
	// changed: `serve` keeps one. nil reads everything every time.
	Cache *Cache
	// PDF, when set, is the print edition already printed from this
	// project: the build publishes it in the output folder under
	// site.PDFName, and every page links to it with its size. Only the pdf
	// command sets it, after printing; a build without it links no PDF,
	// so a site never points at a print of older figures.
	PDF *PDF
	// CouncilPDFs are, in a regional edition, the print editions of
	// councils' reports, by council code, each published beside its
	// report as PDF is beside a one-council site. Only the pdf command
	// sets them.
	CouncilPDFs map[string]PDF
	// Progress, when set, is where a build that takes more than a second
	// says, each second, how far it has got (the command line's stderr).
	Progress io.Writer
	// Councils, in a regional edition, limits Render to these councils'
	// reports, by code: it returns their files alone (under their codes),
	// without the other councils' or the overview. `serve` renders first
	// the councils open in a browser, so that an edit to a page every
	// council shares shows there at once, and then the whole set. Build
	// refuses it: an output folder always gets the whole set.
	Councils []string
}

// PDF is a printed PDF to publish beside the site.
type PDF struct {
	Path  string
	Pages int
}

// Project is a report project as read and validated.
type Project struct {
	Config config.Config
	Data   *dataset.Dataset
	Pages  []content.Page
	// Report is set by Render.
	Report *indicators.Report
	// Councils are a regional edition's partner councils' own projects,
	// in the order of [[councils]]; nil for a one-council project.
	Councils []*Project
	// councilPages are each council's pages, until its project is made.
	councilPages [][]content.Page

	fsys  fs.FS
	cache *Cache // nil: Render computes everything
	// pdf is the print edition Render publishes beside the site, if any.
	pdf *site.PDF
	// councilPDFs are a regional edition's councils' print editions.
	councilPDFs map[string]*site.PDF
	// progress is Options.Progress.
	progress io.Writer
	// only, when not nil, are the councils Render renders (Options.Councils),
	// by their index in [[councils]].
	only map[int]bool
	// stop is the build's context's Done: a regional edition stops
	// starting councils' reports once it is closed, keeping those already
	// rendered in the cache for the next build.
	stop <-chan struct{}
	// guardedBy is, for a council of a regional edition, the regional
	// project, whose guard scans every council's files together.
	guardedBy *Project
	// code is a regional edition's council's code; "" otherwise.
	code string
	// theme is a regional edition's theme, read once for every council;
	// nil reads it as the report renders.
	theme *site.Theme
	// adopters are a regional edition's households, tallied once for
	// every council; nil tallies them as the figures are computed.
	adopters *indicators.Adopters
}

// Result is what a build did.
type Result struct {
	// Problems found in the project, errors first; warnings do not fail a build.
	Problems problem.List
	// Output is the folder written; blank from Render.
	Output string
	// Files is the number of files written (by Render: rendered).
	Files int
	// DroppedPDFs are the PDFs an earlier pdf run put in the output
	// folder, which a build without Options.PDF replaces with the rest:
	// the officer must be told, or the site goes out without its PDF.
	DroppedPDFs []string
}

// ErrProblems is returned when the project has errors; they are in the
// Problems of the Result.
var ErrProblems = errors.New("the project has errors")

// Load reads and checks a project's config, data and content without
// computing anything. Problems are sorted, errors first. The Project is
// nil when the config has errors, or when ctx is done before the data is
// read (ctx.Err() then says why): reading all of England's rows is the
// slow part of a build.
func Load(ctx context.Context, source string) (*Project, problem.List) {
	return loadWith(ctx, source, nil)
}

// loadWith is Load, taking the data from cache when it holds it (nil: no
// cache).
func loadWith(ctx context.Context, source string, cache *Cache) (*Project, problem.List) {
	var all problem.List
	if err := SourceError(source); err != nil {
		all.Errorf(source, 0, 0, "", "%v", err)
		return nil, all
	}
	fsys := os.DirFS(source)
	cfg, probs := config.Load(fsys, ConfigFile)
	all = append(all, probs...)
	if probs.HasErrors() || ctx.Err() != nil {
		// Without a valid report year and file paths the data cannot be checked.
		all.Sort()
		return nil, all
	}
	if start := cfg.Year.Start().Time(); time.Now().Before(start) {
		// Every date of the data is before today, so a year still to come
		// would report nothing: most likely a slip for this year.
		all.Warnf(ConfigFile, 0, 0, "report_year", "%s has not started yet (it starts on %s): its figures would all be empty; check the year",
			cfg.Year, start.Format("2 January 2006"))
	}
	p := &Project{Config: cfg, fsys: fsys, cache: cache}
	// Data and content are independent: read them at once.
	var dataProbs, pageProbs problem.List
	var wg sync.WaitGroup
	wg.Go(func() {
		if cache != nil {
			p.Data, dataProbs = cache.dataOf(fsys, cfg)
		} else {
			p.Data, dataProbs = loadData(fsys, cfg)
		}
	})
	p.Pages, pageProbs = content.Load(fsys, ContentDir)
	if cfg.Regional() {
		pageProbs = append(pageProbs, p.loadCouncilPages()...)
	} else {
		pageProbs = append(pageProbs, regional.Unread(fsys, ContentDir)...)
	}
	wg.Wait()
	all = append(all, dataProbs...)
	all = append(all, pageProbs...)
	if cfg.Regional() && p.Data != nil {
		// A missing la column leaves every council without rows: its own
		// error (the only la error at no column) says so, without one
		// more per council.
		laWrong := slices.ContainsFunc(dataProbs, func(pr problem.Problem) bool {
			return pr.Severity == problem.Error && pr.Field == "la" && pr.Col == 0
		})
		all = append(all, p.splitCouncils(laWrong)...)
	}
	all.Sort()
	return p, all
}

// SourceError says what is wrong with dir as a project's folder, or nil:
// every command names a missing folder the same way.
func SourceError(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such folder: give the report project's folder (the one holding config.toml) with --source, or start one with adoptionreport new DIR")
	case err != nil:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("cannot read the folder: %v", err)
	case !info.IsDir():
		return errors.New("a file, not a folder: give the report project's folder (the one holding config.toml) with --source")
	}
	return nil
}

// loadData reads the project's tables. With [data] ssda903 set,
// children.csv is derived from the 903 returns (and the partial
// children.csv beside them) and read as any children.csv is; problems
// name the 903 cells.
func loadData(fsys fs.FS, cfg config.Config) (*dataset.Dataset, problem.List) {
	var opts []dataset.Option
	if cfg.Regional() {
		opts = append(opts, dataset.Councils(cfg.CouncilCodes()))
	}
	var d *ssda903.Derived
	var probs problem.List
	switch {
	case cfg.Regional() && cfg.CouncilsSSDA903():
		d, probs = loadCouncils903(fsys, cfg)
	case len(cfg.Data.SSDA903) == 0:
		return dataset.Load(fsys, cfg.Data, cfg.Year, opts...)
	default:
		d, probs = ssda903.Load(fsys, SSDA903Settings(cfg))
	}
	files := cfg.Data
	files.Children = ssda903.DerivedName
	ds, dsProbs := dataset.Load(d.FS(fsys), files, cfg.Year, append(opts, dataset.ChildrenElsewhere())...)
	return ds, append(probs, d.Remap(dsProbs)...)
}

// loadCouncils903 derives each council's children from its own 903
// folders, as a one-council 903 project's, with the children.csv beside
// them at data/<code>/children.csv, and joins them with each council's
// code in the la column. A problem the 903 reading puts at [data]
// ssda903 is put at the council's [[councils]] table instead.
func loadCouncils903(fsys fs.FS, cfg config.Config) (*ssda903.Derived, problem.List) {
	parts := make([]*ssda903.Derived, len(cfg.Councils))
	var probs problem.List
	for i, k := range cfg.Councils {
		d, p := ssda903.Load(fsys, CouncilSSDA903Settings(cfg, i))
		for _, q := range p {
			if q.File == ConfigFile && q.Field == "data.ssda903" {
				q.Line, q.Col = k.SSDA903At()
				q.Field = "councils.ssda903"
				q.Message = "council " + k.Code + ": " + q.Message
			}
			probs = append(probs, q)
		}
		parts[i] = d
	}
	if _, err := fs.Stat(fsys, cfg.Data.Children); err == nil {
		probs.Warnf(cfg.Data.Children, 0, 0, "", "is not read: the councils' children come from their own 903 folders ([[councils]] ssda903), and what the 903 does not hold from each council's data/<code>/children.csv; move each council's rows there, or delete this file to silence this warning")
	}
	return ssda903.Merge(parts, cfg.CouncilCodes()), probs
}

// CouncilSSDA903Settings are the settings for reading council i's own
// 903 folders in a regional edition: the children.csv beside them is
// data/<code>/children.csv, and its own_providers, when given, stand for
// [ssda903] own_providers.
func CouncilSSDA903Settings(cfg config.Config, i int) ssda903.Settings {
	s := SSDA903Settings(cfg)
	k := cfg.Councils[i]
	s.Folders, s.Tracker = k.SSDA903, path.Join("data", k.Code, "children.csv")
	if k.OwnProviders != nil {
		s.OwnProviders = k.OwnProviders
	}
	return s
}

// SSDA903Settings are the settings of cfg that reading its 903 returns needs.
func SSDA903Settings(cfg config.Config) ssda903.Settings {
	return ssda903.Settings{Folders: cfg.Data.SSDA903, Tracker: cfg.Data.Children, OwnProviders: cfg.SSDA903.OwnProviders}
}

// Render computes a loaded project's figures and renders its site in
// memory: everything a build does but write. draft shows exact figures
// and draft pages; otherwise small numbers are suppressed.
func (p *Project) Render(draft bool) (site.Files, problem.List, error) {
	if p.Config.Regional() {
		return p.renderRegional(draft)
	}
	c, err := p.compute(draft)
	if err != nil {
		return nil, nil, err
	}
	p.Report = c.report
	files, probs := site.Render(site.Input{
		Config:         p.Config,
		Project:        p.fsys,
		Pages:          p.Pages,
		Report:         c.report,
		Charts:         c.charts,
		Tables:         c.tables,
		Draft:          draft,
		IndicatorsJSON: c.js,
		DataNotes:      p.Data.Notes,
		PDF:            p.pdf,
		Theme:          p.theme,
	})
	if probs.HasErrors() {
		return nil, probs, nil
	}
	if p.guardedBy != nil {
		// The regional project guards every council's files at once, with
		// the IDs of every council: one scan, not one per council.
		if len(c.jsLeaks) > 0 {
			leaks := slices.Clone(c.jsLeaks)
			for i := range leaks {
				leaks[i].File = path.Join(p.code, leaks[i].File)
			}
			return nil, append(probs, p.guard(nil, leaks)...), nil
		}
		return files, probs, nil
	}
	if leaks := p.guard(files, c.jsLeaks); len(leaks) > 0 {
		return nil, append(probs, leaks...), nil
	}
	return files, probs, nil
}

// compute computes the figures, after disclosure control, and the charts
// and tables drawn from them; with a cache, once for the data it holds.
// Pages play no part in them, so a page edit reuses them.
func (p *Project) compute(draft bool) (*computed, error) {
	run := func() (*computed, error) {
		r := indicators.ComputeShared(p.Data, p.Config, p.adopters)
		if draft {
			disclosure.Draft(r)
		} else {
			disclosure.Apply(r, p.Config.SuppressBelow)
		}
		js, err := r.MarshalIndicatorsJSON()
		if err != nil {
			return nil, fmt.Errorf("encoding indicators.json: %w", err)
		}
		return &computed{
			report:  r,
			charts:  charts.Build(r, p.Config),
			tables:  charts.Tables(r, p.Config),
			js:      js,
			jsLeaks: disclosure.CheckIndicatorsJSON(js, r.SuppressBelow),
		}, nil
	}
	if r := p.guardedBy; r != nil && r.cache != nil {
		return councilOf(r.cache, r.Data, p.code, draft, run)
	}
	if p.cache == nil {
		return run()
	}
	return p.cache.computedOf(p.Data, draft, run)
}

// guard is the last check before anything is written: no child or
// household ID anywhere in the site, and in a publish build no small
// count left in indicators.json (jsLeaks, found by
// disclosure.CheckIndicatorsJSON). It backs up every stage before it, so
// a bug there fails the build instead of publishing private data. Each
// leak is an error: at the place in config.toml or a page where the
// officer typed the ID, when it came from there, else at the built file.
func (p *Project) guard(files site.Files, jsLeaks []disclosure.Leak) problem.List {
	ids := p.idGuard()
	// Scripts are the theme's, copied unchanged: no data reaches them, and
	// a minified library is full of short tokens that look like IDs. The
	// PDF is a print of print.html, which is scanned; its compressed
	// streams are not text.
	scan := make(map[string][]byte, len(files))
	for name, b := range files {
		if !strings.HasSuffix(name, ".js") && !strings.HasSuffix(name, ".pdf") {
			scan[name] = b
		}
	}
	if p.cache != nil {
		scan = p.cache.unguarded(p.Data, scan)
	}
	var probs problem.List
	if built := ids.Scan(scan); len(built) > 0 {
		src := p.sources()
		typed := ids.Scan(src)
		for _, l := range typed {
			probs.Errorf(l.File, l.Line, l.Col, "", "child or household ID %q would be published from here; "+
				"IDs must never appear in the report: describe the child or household without it", l.ID)
		}
		// An ID typed with character references (K&#49;007) reads as the
		// ID once the page is HTML: look for it in the text as a browser
		// shows it, line by line, to name the line it was typed on.
		for name, b := range src {
			lines := bytes.Split(b, []byte("\n"))
			for i, line := range lines {
				lines[i] = []byte(html.UnescapeString(string(line)))
			}
			src[name] = bytes.Join(lines, []byte("\n"))
		}
		for _, l := range ids.Scan(src) {
			if !slices.ContainsFunc(typed, func(t disclosure.Leak) bool { return t.ID == l.ID }) {
				probs.Errorf(l.File, l.Line, 0, "", "child or household ID %q would be published from this line, written with "+
					"character references (such as &#49; for 1); IDs must never appear in the report: describe the child or household without it", l.ID)
				typed = append(typed, l)
			}
		}
		// An ID no source holds came through the data: report where it
		// was found in the site, so a fault in the tool is not hidden.
		for _, l := range built {
			if !slices.ContainsFunc(typed, func(t disclosure.Leak) bool { return t.ID == l.ID }) {
				probs.Errorf(path.Join("output", l.File), l.Line, l.Col, "", "%s; nothing was written", l.Message)
			}
		}
	}
	for _, l := range jsLeaks {
		probs.Errorf(path.Join("output", l.File), l.Line, l.Col, "", "%s; nothing was written", l.Message)
	}
	if len(probs) == 0 && p.cache != nil {
		p.cache.guarded(p.Data, files)
	}
	return probs
}

// idGuard is the guard of the data's private IDs; with a cache, made
// once for the data it holds.
func (p *Project) idGuard() *disclosure.IDGuard {
	index := func() *disclosure.IDGuard {
		ids := make([]string, 0, len(p.Data.Children)+len(p.Data.Adopters))
		for _, c := range p.Data.Children {
			ids = append(ids, c.ChildID)
			// A sibling group ID is as private as a child's: it names a family.
			if c.SiblingGroup != "" {
				ids = append(ids, c.SiblingGroup)
			}
		}
		for _, a := range p.Data.Adopters {
			ids = append(ids, a.HouseholdID)
		}
		return disclosure.NewGuard(ids)
	}
	if p.cache == nil {
		return index()
	}
	return p.cache.guardOf(p.Data, index)
}

// sources are the project's files that the site shows text from, by the
// names problems give them: config.toml and the pages, in a regional
// edition every council's own pages too.
func (p *Project) sources() map[string][]byte {
	src := make(map[string][]byte, len(p.Pages)+1)
	if p.fsys == nil {
		return src
	}
	names := append([]string{ConfigFile}, pageFiles(p.Pages)...)
	for _, c := range p.Councils {
		names = append(names, pageFiles(c.Pages)...)
	}
	for _, name := range names {
		if _, done := src[name]; done {
			continue
		}
		if b, err := fs.ReadFile(p.fsys, name); err == nil {
			src[name] = b
		}
	}
	return src
}

func pageFiles(pages []content.Page) []string {
	names := make([]string, len(pages))
	for i, pg := range pages {
		names[i] = pg.File
	}
	return names
}

// Check reads and checks a project and renders it in memory, reporting
// every problem a build would, without writing anything. A publish check
// also checks the draft pages, which a publish build leaves out: their
// problems are marked as a draft page's, so an officer's page is checked
// before the day it is published.
func Check(ctx context.Context, source string, draft bool) (problem.List, error) {
	p, probs, err := load(ctx, source, nil)
	if err != nil {
		return probs, err
	}
	_, more, err := p.Render(draft)
	probs = append(probs, more...)
	if !draft && err == nil {
		probs = append(probs, p.draftProblems()...)
	}
	return finish(probs, err)
}

// draftProblems renders p as a draft and returns the problems of its
// draft pages, each marked as a draft page's.
func (p *Project) draftProblems() problem.List {
	drafts := map[string]bool{}
	// A regional edition's councils' own pages (content/<code>/) are
	// in their councils' projects, not in p.Pages.
	pages := p.Pages
	for _, c := range p.Councils {
		pages = slices.Concat(pages, c.Pages)
	}
	for _, pg := range pages {
		if pg.Draft {
			drafts[pg.File] = true
		}
	}
	if len(drafts) == 0 {
		return nil
	}
	_, probs, _ := p.Render(true)
	var out problem.List
	for _, pr := range probs {
		if drafts[pr.File] {
			pr.Message = "(draft page) " + pr.Message
			out = append(out, pr)
		}
	}
	return out
}

// render is a build short of writing: load, check, compute and render.
// Files is nil unless err is nil; ErrProblems means probs has errors.
func render(ctx context.Context, source string, opts Options, printed *site.PDF, councilPDFs map[string]*site.PDF) (site.Files, problem.List, error) {
	p, probs, err := load(ctx, source, opts.Cache)
	if err != nil {
		return nil, probs, err
	}
	p.pdf, p.councilPDFs, p.progress, p.stop = printed, councilPDFs, opts.Progress, ctx.Done()
	if opts.Councils != nil {
		if p.only, err = p.councilsNamed(opts.Councils); err != nil {
			return nil, probs, err
		}
	}
	files, more, err := p.Render(opts.Draft)
	if ctxErr := ctx.Err(); ctxErr != nil {
		return nil, probs, ctxErr
	}
	probs, err = finish(append(probs, more...), err)
	if err != nil {
		return nil, probs, err
	}
	return files, probs, ctx.Err()
}

// load is loadWith, with ErrProblems when the project cannot be rendered
// and the context's error when it was cancelled meanwhile. A project whose
// only errors are in pages is still rendered, without those pages, so
// that one page's mistake does not hide the others' (an unknown ID is
// found only when the figures are there to look it up); the build then
// fails with every problem at once.
func load(ctx context.Context, source string, cache *Cache) (*Project, problem.List, error) {
	p, probs := loadWith(ctx, source, cache)
	if err := ctx.Err(); err != nil {
		return nil, probs, err
	}
	if p == nil || !onlyPageErrors(probs) {
		return nil, probs, ErrProblems
	}
	return p, probs, nil
}

// onlyPageErrors reports whether every error of probs is in a page.
func onlyPageErrors(probs problem.List) bool {
	for _, pr := range probs {
		if pr.Severity == problem.Error && !strings.HasPrefix(pr.File, ContentDir+"/") {
			return false
		}
	}
	return true
}

// finish sorts probs, drops repeats (a broken page's text is scanned both
// when it is read and when its figures are looked up), and returns err, or
// ErrProblems when probs has errors.
func finish(probs problem.List, err error) (problem.List, error) {
	seen := make(map[problem.Problem]bool, len(probs))
	probs = slices.DeleteFunc(probs, func(p problem.Problem) bool {
		dup := seen[p]
		seen[p] = true
		return dup
	})
	probs.Sort()
	if err == nil && probs.HasErrors() {
		err = ErrProblems
	}
	return probs, err
}

// Render is Build short of writing: it checks the project at
// opts.Source and renders its site in memory, as Build would write it
// (opts.Output is not used, and the Result's Output is blank). `serve`
// serves what it returns: writing thousands of files for every page edit
// would be most of a rebuild at the scale of England.
func Render(ctx context.Context, opts Options) (site.Files, Result, error) {
	source := opts.Source
	if source == "" {
		source = "."
	}
	var res Result
	var printed *site.PDF
	if opts.PDF != nil {
		b, err := os.ReadFile(opts.PDF.Path)
		if err != nil {
			return nil, res, fmt.Errorf("reading the printed PDF: %w", err)
		}
		printed = &site.PDF{Data: b, Pages: opts.PDF.Pages, Size: pdf.FormatSize(int64(len(b)))}
	}
	councilPDFs := map[string]*site.PDF{}
	for code, p := range opts.CouncilPDFs {
		b, err := os.ReadFile(p.Path)
		if err != nil {
			return nil, res, fmt.Errorf("reading %s's printed PDF: %w", code, err)
		}
		councilPDFs[code] = &site.PDF{Data: b, Pages: p.Pages, Size: pdf.FormatSize(int64(len(b)))}
	}
	files, probs, err := render(ctx, source, opts, printed, councilPDFs)
	res.Problems = probs
	if err != nil {
		return nil, res, err
	}
	res.Files = len(files)
	return files, res, nil
}

// Build checks the project at opts.Source and, if it has no errors,
// writes its site to the output folder. An existing output folder is
// replaced only by a complete new site: on any error it is left exactly
// as it was.
func Build(ctx context.Context, opts Options) (Result, error) {
	source := opts.Source
	if source == "" {
		source = "."
	}
	out := opts.Output
	if out == "" {
		out = filepath.Join(source, "output")
	}
	res := Result{Output: out}
	if opts.Councils != nil {
		return res, errors.New("a build writes every council's report: Options.Councils is for Render alone")
	}
	// Refuse a wrong output folder before the officer waits for a build;
	// WriteAtomic checks again as it writes.
	if err := checkOutput(source, out); err != nil {
		return res, err
	}
	if err := site.Replaceable(out); err != nil {
		return res, err
	}
	files, rendered, err := Render(ctx, opts)
	res.Problems = rendered.Problems
	if err != nil {
		return res, err
	}
	// A regional edition's PDFs are in each council's folder.
	old, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
	inCouncils, _ := filepath.Glob(filepath.Join(out, "*", "*.pdf"))
	old = append(old, inCouncils...)
	if err := site.WriteAtomic(out, files); err != nil {
		return res, err
	}
	res.Files = len(files)
	for _, f := range old {
		rel, _ := filepath.Rel(out, f)
		if _, kept := files[filepath.ToSlash(rel)]; !kept {
			res.DroppedPDFs = append(res.DroppedPDFs, f)
		}
	}
	return res, nil
}

// projectDirs are the folders of a project that hold its own files: no
// output may be written inside them.
var projectDirs = []string{"data", ContentDir, "themes"}

// checkOutput refuses an output folder that would swallow the project or
// land among its files: the swap replaces the whole folder, so it must not
// be the source folder or one that holds it, nor inside data/, content/
// or themes/. (site.WriteAtomic refuses, besides, any folder holding files
// a build did not write.)
func checkOutput(source, out string) error {
	s, o, err := absPaths(source, out)
	if err != nil {
		return err
	}
	if within(s, o) {
		return fmt.Errorf("output folder %s holds the project itself; choose a folder of its own, such as %s", out, filepath.Join(source, "output"))
	}
	return notInProject(source, s, o, "output folder", filepath.Join(source, "output"))
}

// CheckPDFOutput refuses a path the pdf command must not write its PDF
// to: inside the project's data/, content/, themes/ or output/, a folder, or an
// existing file that is not a PDF (an officer's CSV named by mistake).
// An existing PDF, the previous print, may be replaced.
func CheckPDFOutput(source, out string) error {
	s, o, err := absPaths(source, out)
	if err != nil {
		return err
	}
	if err := notInProject(source, s, o, "PDF", filepath.Join(source, "report.pdf")); err != nil {
		return err
	}
	if site := filepath.Join(s, "output"); within(o, site) && o != site {
		return fmt.Errorf("PDF %s is inside the output folder, which the build before printing replaces whole; write it elsewhere, such as %s",
			o, filepath.Join(source, "report.pdf"))
	}
	f, err := os.Open(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a folder; name the PDF file to write, such as %s", out, filepath.Join(out, "report.pdf"))
	}
	head := make([]byte, 5)
	if n, _ := io.ReadFull(f, head); string(head[:n]) != "%PDF-" {
		return fmt.Errorf("%s exists and is not a PDF, so it was not replaced; name a new file for the PDF, such as %s", out, filepath.Join(source, "report.pdf"))
	}
	return nil
}

func absPaths(source, out string) (string, string, error) {
	s, err1 := filepath.Abs(source)
	o, err2 := filepath.Abs(out)
	return s, o, errors.Join(err1, err2)
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && (rel == "." || filepath.IsLocal(rel))
}

// notInProject refuses o (what, absolute) inside one of the project's own
// folders under s (source, absolute); instead suggests where to write.
func notInProject(source, s, o, what, instead string) error {
	for _, d := range projectDirs {
		if within(o, filepath.Join(s, d)) {
			return fmt.Errorf("%s %s is inside the project's %s folder, which holds its own files; write it elsewhere, such as %s",
				what, o, filepath.Join(source, d), instead)
		}
	}
	return nil
}
