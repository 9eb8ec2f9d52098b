package config

import (
	"errors"
	"io/fs"

	"github.com/adoptionreport/adoptionreport/generator/internal/tomlstrict"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// Load reads name (e.g. "config.toml") from fsys and parses it with
// Parse. A missing file is an error saying how to create a project.
func Load(fsys fs.FS, name string) (Config, problem.List) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		var probs problem.List
		if errors.Is(err, fs.ErrNotExist) {
			probs.Errorf(name, 0, 0, "",
				"not found: this folder is not a report project (run the command in the project's folder, give its folder with --source, or start one with adoptionreport new DIR)")
		} else {
			probs.Errorf(name, 0, 0, "", "cannot read the file: %v", unwrap(err))
		}
		return Default(), probs
	}
	return Parse(name, data)
}

// Parse decodes data, the text of the file name, strictly: it starts
// from Default, so every key left out keeps its default; an unknown key
// or a value of the wrong type is an error at its line and column; and
// every value is then checked (see the package documentation for the
// rules). The Config returned holds what could be decoded even when
// there are problems, so that every problem is found at once, but it is
// only fit to build from when the list has no errors.
func Parse(name string, data []byte) (Config, problem.List) {
	c := Default()
	doc, probs := tomlstrict.Decode(name, 0, data, &c)
	if doc == nil {
		// After a syntax error nothing is known about the rest of the
		// file: checking it would only report keys as missing.
		return c, probs
	}
	c.validate(doc, name, &probs)
	c.validateCouncils(doc, name, data, &probs)
	return c, probs
}

// unwrap drops the "open config.toml:" that a PathError repeats.
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
