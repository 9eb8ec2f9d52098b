package generator

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"path"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/indicators"
	"github.com/adoptionreport/adoptionreport/generator/problem"
	"github.com/adoptionreport/adoptionreport/generator/regional"
	"github.com/adoptionreport/adoptionreport/generator/site"
)

// loadCouncilPages reads a regional edition's councils' own pages
// (content/<code>/), to be joined with the shared ones.
func (p *Project) loadCouncilPages() problem.List {
	pages, probs := regional.Pages(p.fsys, ContentDir, p.Pages, p.Config)
	p.councilPages = pages
	return probs
}

// splitCouncils makes each council's own project from its rows and its
// pages: what a one-council project of that council would load.
// laWrong says a data file lacks its la column.
func (p *Project) splitCouncils(laWrong bool) problem.List {
	split := func() []*dataset.Dataset { return regional.Split(p.Data, p.Config) }
	var parts []*dataset.Dataset
	if p.cache != nil {
		// A page edit keeps the data: keep each council's share of it.
		parts = p.cache.partsOf(p.Data, split)
	} else {
		parts = split()
	}
	var probs problem.List
	if !laWrong {
		probs = regional.NoRows(parts, p.Config, ConfigFile)
	}
	p.Councils = make([]*Project, len(parts))
	for i, ds := range parts {
		p.Councils[i] = &Project{
			Config: p.Config.ForCouncil(i),
			Data:   ds,
			Pages:  p.councilPages[i],
			fsys:   p.fsys,

			guardedBy: p,
			code:      p.Config.Councils[i].Code,
		}
	}
	return probs
}

// renderRegional renders every council's report under its code, each
// exactly as a one-council project renders it, and the RAA's overview
// at the top. Councils render at once, a core each: at the scale of
// England this is nearly all of a build's time.
func (p *Project) renderRegional(draft bool) (site.Files, problem.List, error) {
	if p.Councils == nil {
		// Load found errors in the data: nothing can be split.
		return nil, nil, ErrProblems
	}
	type result struct {
		files site.Files
		probs problem.List
		err   error
	}
	results := make([]result, len(p.Councils))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var done atomic.Int64
	defer p.report(len(p.Councils), &done)()
	theme, err := site.LoadTheme(p.fsys, p.Config.Theme)
	if err != nil {
		var probs problem.List
		probs.Errorf("theme", 0, 0, "", "%v", err)
		return nil, probs, nil
	}
	adopters := indicators.TallyAdopters(p.Data, p.Config)
	var wg sync.WaitGroup
	for i, c := range p.Councils {
		if !p.renders(i) {
			continue
		}
		c.pdf = p.councilPDFs[p.Config.Councils[i].Code]
		c.theme, c.adopters = theme, adopters
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			select {
			case <-p.stop:
				// Cancelled: serve has a newer edit to show. The reports
				// already rendered stay in the cache for its build.
				results[i].err = errStopped
				return
			default:
			}
			files, probs, err := c.renderCached(draft)
			results[i] = result{files, probs, err}
			done.Add(1)
		})
	}
	wg.Wait()
	all := site.Files{}
	var probs problem.List
	reports := make([]*indicators.Report, len(p.Councils))
	for i, r := range results {
		if !p.renders(i) {
			continue
		}
		if r.err != nil {
			return nil, probs, fmt.Errorf("council %s: %w", p.Config.Councils[i].Code, r.err)
		}
		probs = append(probs, r.probs...)
		code := p.Config.Councils[i].Code
		for name, b := range r.files {
			all[path.Join(code, name)] = b
		}
		reports[i] = p.Councils[i].Report
	}
	if probs.HasErrors() {
		return nil, probs, nil
	}
	if p.only != nil {
		// Some councils alone: their reports, guarded, without the
		// overview, which needs every council's figures.
		if leaks := p.guard(all, nil); len(leaks) > 0 {
			return nil, append(probs, leaks...), nil
		}
		return all, probs, nil
	}
	combined := p.Config
	combined.Council, combined.Councils = p.Config.RAA, nil
	// The RAA's figures across councils, before disclosure control: a
	// draft's and a publish build's are the same.
	computeCombined := func() (*indicators.Report, error) { return indicators.ComputeShared(p.Data, combined, adopters), nil }
	var combinedReport *indicators.Report
	if p.cache != nil {
		combinedReport, _ = councilOf(p.cache, p.Data, "", false, computeCombined)
	} else {
		combinedReport, _ = computeCombined()
	}
	pdfs := make([]*site.PDF, len(p.Councils))
	for i, c := range p.Councils {
		pdfs[i] = c.pdf
	}
	about, err := theme.FooterAbout(p.Config)
	if err != nil {
		return nil, probs, fmt.Errorf("rendering the overview's footer: %w", err)
	}
	in := regional.Input{
		FooterAbout: about,
		Config:      p.Config,
		Reports:     reports,
		Combined:    combinedReport,
		Draft:       draft,
		Assets:      results[0].files,
		PDFs:        pdfs,
	}
	var over site.Files
	if p.cache != nil {
		over, err = p.cache.overviewOf(in)
	} else {
		over, err = regional.Overview(in)
	}
	if err != nil {
		return nil, probs, err
	}
	for name, b := range over {
		all[name] = b
	}
	// Every council's report and the overview, guarded at once against
	// the IDs of every council's children and the RAA's households.
	if leaks := p.guard(all, nil); len(leaks) > 0 {
		return nil, append(probs, leaks...), nil
	}
	return all, probs, nil
}

// errStopped is a regional build's error when its context was cancelled
// while councils' reports were still to render; render returns the
// context's own error in its place.
var errStopped = errors.New("stopped")

// renders reports whether Render renders council i's report: every
// council's, unless Options.Councils named some.
func (p *Project) renders(i int) bool {
	return p.only == nil || p.only[i]
}

// councilsNamed is the set of the councils codes name, by their index in
// [[councils]], or an error for a code config.toml does not list.
func (p *Project) councilsNamed(codes []string) (map[int]bool, error) {
	only := make(map[int]bool, len(codes))
	for _, code := range codes {
		i := p.Config.CouncilIndex(code)
		if i < 0 {
			return nil, fmt.Errorf("no council %q in %s (its councils: %s)", code, ConfigFile, strings.Join(p.Config.CouncilCodes(), ", "))
		}
		only[i] = true
	}
	return only, nil
}

// progressEvery is how often a build says how far it has got; a test
// shortens it.
var progressEvery = time.Second

// report says on p.progress, each second until the returned stop is
// called, how many of the n councils' reports are done; a build quicker
// than a second says nothing.
func (p *Project) report(n int, done *atomic.Int64) (stop func()) {
	if p.progress == nil {
		return func() {}
	}
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(progressEvery)
		defer tick.Stop()
		for {
			select {
			case <-quit:
				return
			case <-tick.C:
				fmt.Fprintf(p.progress, "built %d of %d councils' reports…\n", done.Load(), n)
			}
		}
	})
	return func() {
		close(quit)
		wg.Wait()
	}
}

// renderCached is Render for a council of a regional edition, taking its
// report from the regional project's cache when neither the data nor
// its settings, pages and PDF have changed since it was rendered.
func (p *Project) renderCached(draft bool) (site.Files, problem.List, error) {
	r := p.guardedBy
	if r == nil || r.cache == nil {
		return p.Render(draft)
	}
	// The pages as read, not their files read again: 150 councils' pages
	// are over a thousand files. The settings are not in sig: the data
	// stands for them, as the cache reads it again when they change.
	h := sha256.New()
	for _, pg := range p.Pages {
		fmt.Fprintf(h, "%q %q %q %d %q %q %t %d %t %d\x00", pg.File, pg.Slug, pg.Title, pg.Weight, pg.Author, pg.Summary, pg.Draft, pg.BodyLine, pg.Broken, len(pg.Body))
		h.Write(pg.Body)
	}
	if p.pdf != nil {
		fmt.Fprintf(h, "pdf\x00%d\x00%d\x00", p.pdf.Pages, len(p.pdf.Data))
		h.Write(p.pdf.Data)
	}
	var sig [sha256.Size]byte
	h.Sum(sig[:0])
	var err error
	got := r.cache.renderedOf(r.Data, p.code, draft, sig, func() renderedCouncil {
		var rc renderedCouncil
		rc.files, rc.probs, err = p.Render(draft)
		rc.report = p.Report
		return rc
	})
	p.Report = got.report
	return got.files, got.probs, err
}
