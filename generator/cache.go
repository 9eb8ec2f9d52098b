package generator

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"path"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/charts"
	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/disclosure"
	"github.com/adoptionreport/adoptionreport/generator/indicators"
	"github.com/adoptionreport/adoptionreport/generator/problem"
	"github.com/adoptionreport/adoptionreport/generator/regional"
	"github.com/adoptionreport/adoptionreport/generator/site"
)

// Cache carries a project's data, and the figures, charts and tables
// computed from it, from one build to the next, so that `serve` rebuilds
// a page edit without reading the CSVs again: at the scale of all of
// England reading them is most of a build. A build that uses a Cache
// reads the data again only when config.toml's settings differ, a data
// file's size or modification time differs, the day has changed (a date
// after today is an error), or Changed was told of a file that may be
// data. In a regional edition it keeps, besides, each council's report
// as rendered and the overview, so that a council's page edit renders
// that council's report alone; and with every build the guard scans
// only the files that differ from the last site it passed. Make one with
// NewCache; it is safe for one build at a time.
type Cache struct {
	mu sync.Mutex
	// loaded is what the data was read with; data is nil until a build
	// has read it, and after Forget.
	loaded    dataKey
	data      *dataset.Dataset
	dataProbs problem.List
	// computed holds a draft and a publish build's figures of data.
	computed map[bool]*computed
	// councils holds, in a regional edition, each council's figures of
	// its part of data, by code and draft; the code "" is the RAA's
	// figures across every council.
	councils map[councilKey]any
	// rendered holds each council's rendered report, for the pages and
	// settings it was rendered from (see renderedOf).
	rendered map[councilKey]renderedCouncil
	// clean is the last site the guard found no ID in, against the IDs
	// of data (see unguarded).
	clean site.Files
	// ids is the guard of data's IDs.
	ids kept[*disclosure.IDGuard]
	// overview is a regional edition's overview, as last rendered.
	overview *renderedOverview
	// parts are a regional edition's councils' shares of data.
	parts kept[[]*dataset.Dataset]
	loads int
}

// renderedCouncil is a council's report as rendered: its files, the
// problems found, its figures, and the signature of what it was
// rendered from.
type renderedCouncil struct {
	sig    [sha256.Size]byte
	files  site.Files
	probs  problem.List
	report *indicators.Report
}

// renderedOverview is a regional edition's overview as rendered, and
// what it was rendered from.
type renderedOverview struct {
	in    regional.Input
	files site.Files
}

type councilKey struct {
	code  string
	draft bool
}

// dataKey is everything the data as read depends on besides the files'
// contents, which their stamps stand for.
type dataKey struct {
	cfg    config.Config
	stamps [5]fileStamp
	day    string
}

// fileStamp tells whether a data file has changed since it was read.
type fileStamp struct {
	exists bool
	size   int64
	mod    time.Time
}

// computed is a build's figures, after disclosure control, and what is
// drawn from them: everything Render makes before the pages.
type computed struct {
	report  *indicators.Report
	charts  []charts.Chart
	tables  []charts.Table
	js      []byte
	jsLeaks []disclosure.Leak
}

// NewCache returns an empty cache: the first build with it reads the data.
func NewCache() *Cache {
	return &Cache{}
}

// Forget empties the cache, so that the next build reads the data again.
func (c *Cache) Forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data, c.dataProbs, c.computed, c.councils, c.rendered = nil, nil, nil, nil, nil
	c.clean, c.ids, c.overview, c.parts = nil, kept[*disclosure.IDGuard]{}, nil, kept[[]*dataset.Dataset]{}
}

// Changed tells the cache which project files changed (slash-separated,
// relative to the project folder, as the preview's watcher gives them).
// It forgets the data unless every one is a page, a theme file, a layout
// or a static file that config.toml does not name as data; nil, an
// unknown change, forgets too.
func (c *Cache) Changed(files []string) {
	c.mu.Lock()
	data := c.loaded.cfg.Data
	c.mu.Unlock()
	if files == nil {
		c.Forget()
		return
	}
	named := map[string]bool{}
	for _, f := range []string{data.Children, data.Adopters, data.Budget, data.Comparators, data.AnnexA} {
		named[dataPath(f)] = true
	}
	for _, f := range files {
		top, _, _ := strings.Cut(f, "/")
		switch {
		case named[path.Clean(f)]:
		case top == ContentDir || top == "themes" || top == "layouts" || top == "static":
			if top != f { // a file in the folder, not the folder itself
				if top != ContentDir {
					// Every report is drawn with the theme; a council's
					// pages are in its rendered signature.
					c.mu.Lock()
					c.rendered = nil
					c.mu.Unlock()
				}
				continue
			}
		}
		c.Forget()
		return
	}
}

// Loads is how many times builds with the cache have read the data.
func (c *Cache) Loads() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.loads
}

// dataOf returns the project's data, read again only when key differs
// from what the cached data was read with.
func (c *Cache) dataOf(fsys fs.FS, cfg config.Config) (*dataset.Dataset, problem.List) {
	key := dataKey{cfg: cfg, stamps: stamps(fsys, cfg.Data), day: time.Now().Format(time.DateOnly)}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.data != nil && reflect.DeepEqual(c.loaded, key) {
		return c.data, c.dataProbs
	}
	ds, probs := loadData(fsys, cfg)
	c.loaded, c.data, c.dataProbs, c.computed, c.councils, c.rendered = key, ds, probs, nil, nil, nil
	c.clean, c.ids, c.overview, c.parts = nil, kept[*disclosure.IDGuard]{}, nil, kept[[]*dataset.Dataset]{}
	c.loads++
	return ds, probs
}

// computedOf returns what render computes from ds for a draft or publish
// build, computing it only the first time for ds.
func (c *Cache) computedOf(ds *dataset.Dataset, draft bool, render func() (*computed, error)) (*computed, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.data == ds && c.computed[draft] != nil {
		return c.computed[draft], nil
	}
	got, err := render()
	if err != nil || c.data != ds {
		return got, err
	}
	if c.computed == nil {
		c.computed = map[bool]*computed{}
	}
	c.computed[draft] = got
	return got, nil
}

// councilOf returns what make computes for council code (or "" for the
// RAA across councils) of a regional edition whose data is whole,
// computing it only the first time for whole. Councils compute at once,
// so make runs unlocked.
func councilOf[T any](c *Cache, whole *dataset.Dataset, code string, draft bool, make func() (T, error)) (T, error) {
	key := councilKey{code, draft}
	c.mu.Lock()
	if got, ok := c.councils[key]; ok && c.data == whole {
		c.mu.Unlock()
		return got.(T), nil
	}
	c.mu.Unlock()
	got, err := make()
	if err != nil {
		return got, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.data == whole {
		if c.councils == nil {
			c.councils = map[councilKey]any{}
		}
		c.councils[key] = got
	}
	return got, nil
}

// renderedOf returns council code's rendered report, rendering it with
// render only when what it is rendered from (sig: its pages and printed
// PDF) or the data whole, read again whenever the settings change, have
// changed since: in serve, an
// edit to one council's page renders that council's report alone.
func (c *Cache) renderedOf(whole *dataset.Dataset, code string, draft bool, sig [sha256.Size]byte, render func() renderedCouncil) renderedCouncil {
	key := councilKey{code, draft}
	c.mu.Lock()
	if got, ok := c.rendered[key]; ok && got.sig == sig && c.data == whole {
		c.mu.Unlock()
		return got
	}
	c.mu.Unlock()
	got := render()
	got.sig = sig
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.data == whole && !got.probs.HasErrors() {
		if c.rendered == nil {
			c.rendered = map[councilKey]renderedCouncil{}
		}
		c.rendered[key] = got
	}
	return got
}

// unguarded returns the files of files that the guard must scan for
// the IDs of data ds: all but those byte for byte the same as a file of
// the last site it found clean against the same data, whose IDs are the
// same. The guard reads each file alone, so such a file is clean again:
// after a page edit in serve, the guard scans the pages rendered again,
// not the thousands kept from the last build.
func (c *Cache) unguarded(ds *dataset.Dataset, files site.Files) site.Files {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.clean == nil || c.data != ds {
		return files
	}
	scan := make(site.Files, len(files)/8)
	for name, b := range files {
		if kept, ok := c.clean[name]; !ok || !bytes.Equal(kept, b) {
			scan[name] = b
		}
	}
	return scan
}

// partsOf returns a regional edition's councils' shares of its data
// whole, made with split only the first time for whole (the settings,
// which say the councils, are part of what whole was read with).
func (c *Cache) partsOf(whole *dataset.Dataset, split func() []*dataset.Dataset) []*dataset.Dataset {
	return ofData(c, whole, &c.parts, split)
}

// guardOf returns the guard of the IDs of data ds, made with make only
// the first time for ds.
func (c *Cache) guardOf(ds *dataset.Dataset, make func() *disclosure.IDGuard) *disclosure.IDGuard {
	return ofData(c, ds, &c.ids, make)
}

// kept is a value made from the data the cache holds, kept until that
// data is read again or forgotten.
type kept[T any] struct {
	v    T
	made bool
}

// ofData returns slot's value when it was made for ds, the data the
// cache holds; otherwise make's, kept in slot when ds is that data.
func ofData[T any](c *Cache, ds *dataset.Dataset, slot *kept[T], make func() T) T {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.data == ds && slot.made {
		return slot.v
	}
	v := make()
	if c.data == ds {
		*slot = kept[T]{v, true}
	}
	return v
}

// guarded records files as the site the guard found clean against the
// IDs of data ds.
func (c *Cache) guarded(ds *dataset.Dataset, files site.Files) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.data == ds {
		c.clean = files
	}
}

// overviewOf returns the overview rendered from in, rendering it only
// when in differs from the last one's: the overview is made from the
// figures, the theme's assets and the PDFs, never the pages, so a page
// edit keeps it. (in.Assets are compared by the assets alone: the rest
// of a council's report is not the overview's.)
func (c *Cache) overviewOf(in regional.Input) (site.Files, error) {
	assets := site.Files{}
	for name, b := range in.Assets {
		if strings.HasPrefix(name, "assets/") {
			assets[name] = b
		}
	}
	in.Assets = assets
	c.mu.Lock()
	o := c.overview
	c.mu.Unlock()
	// Kept figures are the same pointers, and the theme's assets the same
	// bytes: the comparison reads little.
	if o != nil && reflect.DeepEqual(o.in, in) {
		return o.files, nil
	}
	files, err := regional.Overview(in)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.overview = &renderedOverview{in: in, files: files}
	c.mu.Unlock()
	return files, nil
}

// stamps are the data files' sizes and modification times.
func stamps(fsys fs.FS, files config.DataFiles) [5]fileStamp {
	var out [5]fileStamp
	for i, name := range []string{files.Children, files.Adopters, files.Budget, files.Comparators, files.AnnexA} {
		if info, err := fs.Stat(fsys, dataPath(name)); name != "" && err == nil {
			out[i] = fileStamp{exists: true, size: info.Size(), mod: info.ModTime()}
		}
	}
	return out
}

// dataPath is a data file's path as config.toml gives it, as dataset.Load
// reads it: slash-separated, with no "./", and without the sheet of a
// workbook ("data/tracker.xlsx[Children]" is data/tracker.xlsx).
func dataPath(name string) string {
	return path.Clean(strings.ReplaceAll(dataset.SheetFile(name), `\`, "/"))
}
