package dataset

import (
	"errors"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/period"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// Load reads and checks the project's CSV files from fsys, the project
// folder. The paths in files are relative to it and appear as written in
// messages ("data/children.csv"). The comparators file is optional: if
// it does not exist, that is not a problem. Dates after the end of
// reportYear are errors. The Dataset holds every row read, even when
// there are errors; the list is sorted errors first (problem.List.Sort).
// Load keeps no state between calls and is safe to call concurrently.
func Load(fsys fs.FS, files config.DataFiles, reportYear period.Year) (*Dataset, problem.List) {
	var ds Dataset
	// The files are independent: read them at once, each into its own
	// problem list, then join the lists in a fixed order.
	var probs [4]problem.List
	read := func(i int, name, key string, optional bool, parse func([]byte) problem.List) func() {
		return func() {
			data, p := readFile(fsys, name, key, optional)
			probs[i] = p
			if data != nil {
				probs[i] = append(probs[i], parse(data)...)
			}
		}
	}
	var wg sync.WaitGroup
	for _, f := range []func(){
		read(0, files.Children, "children", false, func(b []byte) (p problem.List) {
			ds.Children, p = readChildren(files.Children, b, reportYear)
			return p
		}),
		read(1, files.Adopters, "adopters", false, func(b []byte) (p problem.List) {
			ds.Adopters, p = readAdopters(files.Adopters, b, reportYear)
			return p
		}),
		read(2, files.Budget, "budget", false, func(b []byte) (p problem.List) {
			ds.Budget, p = readBudget(files.Budget, b)
			return p
		}),
		read(3, files.Comparators, "comparators", true, func(b []byte) (p problem.List) {
			ds.Comparators, p = readComparators(files.Comparators, b)
			return p
		}),
	} {
		wg.Go(f)
	}
	wg.Wait()
	var all problem.List
	for _, p := range probs {
		all = append(all, p...)
	}
	all.Sort()
	return &ds, all
}

// readFile reads one data file; key is its setting under [data] in
// config.toml. A missing optional file, or one with no path set, gives
// nil data and no problem.
func readFile(fsys fs.FS, name, key string, optional bool) ([]byte, problem.List) {
	var probs problem.List
	if name == "" {
		if !optional {
			probs.Errorf("config.toml", 0, 0, "data."+key, "is blank: give the path of the %s file, e.g. data/%s.csv, or remove the setting to use that default", key, key)
		}
		return nil, probs
	}
	// fs.FS paths are slash-separated and relative with no "./"; a path
	// written for Windows or with ./ still means the same file.
	p := path.Clean(strings.ReplaceAll(name, `\`, "/"))
	if !fs.ValidPath(p) {
		probs.Errorf(name, 0, 0, "", "is not a path inside the project folder: give it relative to the folder holding config.toml, e.g. data/children.csv")
		return nil, probs
	}
	data, err := fs.ReadFile(fsys, p)
	switch {
	case err == nil:
		if data == nil {
			data = []byte{} // an empty file is read, and reported as empty
		}
		return data, nil
	case errors.Is(err, fs.ErrNotExist) && optional:
		return nil, nil
	case errors.Is(err, fs.ErrNotExist):
		probs.Errorf(name, 0, 0, "", "file not found: the project needs it (see docs/data.md), or set its path under [data] in config.toml")
	default:
		probs.Errorf(name, 0, 0, "", "cannot be read: %v", unwrapPath(err))
	}
	return nil, probs
}

// unwrapPath drops the path from an fs.PathError: the message already
// starts with the file's name.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
