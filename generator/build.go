// Package generator is the one entry point to a report build: it runs the
// pipeline config → dataset → indicators → site, in that order only. The
// command line, the preview server and the PDF printer all call Build.
package generator

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/content"
	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/indicators"
	"github.com/adoptionreport/adoptionreport/generator/problem"
	"github.com/adoptionreport/adoptionreport/generator/site"
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
}

// Project is a report project as read and validated.
type Project struct {
	Config  config.Config
	Data    *dataset.Dataset
	Pages   []content.Page
	Report  *indicators.Report
	Problem problem.List
}

// Result is what a build did.
type Result struct {
	// Problems found in the project, errors first; warnings do not fail a build.
	Problems problem.List
	// Output is the folder written.
	Output string
	// Files is the number of files written.
	Files int
}

// ErrProblems is returned when the project has errors; they are in the
// Problems of the Result.
var ErrProblems = errors.New("the project has errors")

// Load reads and checks a project without writing anything. Problems are
// sorted, errors first. Figures are computed only for a project with no
// errors, because the indicators rely on validated records.
func Load(ctx context.Context, source string) (*Project, problem.List) {
	fsys := os.DirFS(source)
	var all problem.List
	cfg, probs := config.Load(fsys, ConfigFile)
	all = append(all, probs...)
	if probs.HasErrors() {
		// Without a valid report year and file paths the data cannot be checked.
		all.Sort()
		return nil, all
	}
	p := &Project{Config: cfg}
	p.Data, probs = dataset.Load(fsys, cfg.Data, cfg.Year)
	all = append(all, probs...)
	p.Pages, probs = content.Load(fsys, ContentDir)
	all = append(all, probs...)
	all.Sort()
	if all.HasErrors() || ctx.Err() != nil {
		return p, all
	}
	p.Report = indicators.Compute(p.Data, cfg)
	return p, all
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
	if err := checkOutput(source, out); err != nil {
		return res, err
	}
	p, probs := Load(ctx, source)
	res.Problems = probs
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if probs.HasErrors() {
		return res, ErrProblems
	}
	js, err := p.Report.MarshalIndicatorsJSON()
	if err != nil {
		return res, fmt.Errorf("encoding indicators.json: %w", err)
	}
	files, err := site.Render(site.Input{Config: p.Config, Pages: p.Pages, Draft: opts.Draft, IndicatorsJSON: js})
	if err != nil {
		return res, err
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if err := site.WriteAtomic(out, files); err != nil {
		return res, err
	}
	res.Files = len(files)
	return res, nil
}

// checkOutput refuses an output folder that would swallow the project:
// the swap replaces the whole folder, so it must not be the source folder
// or one that holds it.
func checkOutput(source, out string) error {
	s, err1 := filepath.Abs(source)
	o, err2 := filepath.Abs(out)
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	if rel, err := filepath.Rel(o, s); err == nil && (rel == "." || filepath.IsLocal(rel)) {
		return fmt.Errorf("output folder %s holds the project itself; choose a folder of its own, such as %s", out, filepath.Join(source, "output"))
	}
	return nil
}
