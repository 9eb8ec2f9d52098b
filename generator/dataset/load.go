package dataset

import (
	"errors"
	"io/fs"
	"path"
	"strings"

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
	var all problem.List
	read := func(name, key string, optional bool) ([]byte, bool) {
		data, p := readFile(fsys, name, key, optional)
		all = append(all, p...)
		return data, data != nil
	}
	if data, ok := read(files.Children, "children", false); ok {
		var p problem.List
		ds.Children, p = ReadChildren(files.Children, data, reportYear)
		all = append(all, p...)
	}
	if data, ok := read(files.Adopters, "adopters", false); ok {
		var p problem.List
		ds.Adopters, p = ReadAdopters(files.Adopters, data, reportYear)
		all = append(all, p...)
	}
	if data, ok := read(files.Budget, "budget", false); ok {
		var p problem.List
		ds.Budget, p = ReadBudget(files.Budget, data)
		all = append(all, p...)
	}
	if data, ok := read(files.Comparators, "comparators", true); ok {
		var p problem.List
		ds.Comparators, p = ReadComparators(files.Comparators, data)
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
