package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/adoptionreport/adoptionreport/generator"
	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/pdf"
	"github.com/adoptionreport/adoptionreport/generator/site"
	"github.com/adoptionreport/adoptionreport/internal/chrome"
	"github.com/adoptionreport/adoptionreport/internal/suggest"
)

// runRegionalPDF is the pdf command for a regional edition: it builds
// the set, prints each council's report (or the one named by council)
// from output/<code>/print.html, and, unless output names the file,
// publishes each PDF beside its report by building once more.
func runRegionalPDF(ctx context.Context, cfg config.Config, source, output, chromePath, council string, draft bool, stderr io.Writer) int {
	codes := cfg.CouncilCodes()
	which := codes
	if council != "" {
		// A code matches whatever its capitals; the PDF is written under
		// the code as config.toml spells it.
		i := cfg.CouncilIndex(council)
		if i < 0 {
			hint := ""
			if s := suggest.Suggest(council, codes); s != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", s)
			}
			fmt.Fprintf(stderr, "adoptionreport pdf: --council %q is not a council of %s%s: give one of %s\n",
				council, filepath.Join(source, generator.ConfigFile), hint, strings.Join(codes, ", "))
			return exitUsage
		}
		which = []string{codes[i]}
	}
	if output != "" {
		if len(which) > 1 {
			fmt.Fprintf(stderr, "adoptionreport pdf: --output names one file, and this project has %d councils: give --council CODE with it, or leave --output out to print every council's report beside it\n", len(which))
			return exitUsage
		}
		if err := generator.CheckPDFOutput(source, output); err != nil {
			fmt.Fprintf(stderr, "adoptionreport pdf: %v\n", err)
			return exitProblems
		}
	}
	browser, err := chrome.Find(chromePath)
	if err != nil {
		fmt.Fprintf(stderr, "adoptionreport pdf: %v\n", err)
		return exitProblems
	}
	// The councils' PDFs that an earlier run printed, and that still print
	// what the project renders, are kept: all of them when this run
	// prints elsewhere, the other councils' when it prints some here.
	_, kept := generator.CurrentPDFs(ctx, source, filepath.Join(source, "output"), draft)
	if output == "" {
		for _, code := range which {
			delete(kept, code)
		}
	}
	fmt.Fprintln(stderr, "building…")
	res, err := generator.Build(ctx, generator.Options{Source: source, Draft: draft, Progress: stderr, CouncilPDFs: kept})
	printProblems(stderr, res.Problems)
	switch {
	case errors.Is(err, generator.ErrProblems):
		fmt.Fprintf(stderr, "pdf stopped: fix the errors above; %s and no PDF was written\n", untouched(res.Output))
		return exitProblems
	case err != nil:
		fmt.Fprintf(stderr, "build failed: %v\n", err)
		return exitProblems
	}
	for _, f := range res.DroppedPDFs {
		// A council printed here gets a new PDF beside its report, unless
		// a draft replaces its published one.
		if code := filepath.Base(filepath.Dir(f)); output != "" || !slices.Contains(which, code) || draft != site.IsDraftPDF(f) {
			droppedPDF(stderr, f, source, code, draft, true)
		}
	}
	// Printed where each PDF is published, beside its council's report:
	// the second build reads them, then replaces the output folder whole,
	// publishing each under the name the report links.
	printed := map[string]generator.PDF{}
	maps.Copy(printed, kept)
	for _, code := range which {
		one := cfg.ForCouncil(slices.Index(codes, code))
		out := output
		if out == "" {
			out = filepath.Join(res.Output, code, site.PDFName(one, draft))
		}
		meta := metadata(one)
		fmt.Fprintf(stderr, "%s:\n", one.Council)
		p, err := pdf.Print(ctx, pdf.Options{
			Chrome:   browser,
			HTML:     filepath.Join(res.Output, code, "print.html"),
			Output:   out,
			Title:    meta.Title,
			Author:   meta.Author,
			Subject:  meta.Subject,
			Progress: stderr,
		})
		if err != nil {
			if ctx.Err() != nil {
				fmt.Fprintf(stderr, "adoptionreport pdf: stopped; %s was not changed\n", out)
			} else {
				fmt.Fprintf(stderr, "adoptionreport pdf: %s: %v\n", code, err)
			}
			return exitProblems
		}
		printed[code] = generator.PDF{Path: out, Pages: p.Pages}
	}
	if output != "" {
		return exitOK
	}
	res, err = generator.Build(ctx, generator.Options{Source: source, Draft: draft, CouncilPDFs: printed})
	if err != nil {
		printProblems(stderr, res.Problems)
		fmt.Fprintf(stderr, "adoptionreport pdf: linking the PDFs from the reports' pages: %v\n", err)
		return exitProblems
	}
	if len(which) == 1 {
		fmt.Fprintln(stderr, "linked it from every page of the council's report and from the RAA's overview")
	} else {
		fmt.Fprintln(stderr, "linked each from every page of its council's report and from the RAA's overview")
	}
	return exitOK
}

// droppedPDF says that a build removed f, a PDF an earlier pdf run had
// published, why, and the command that prints it again. council is its
// council's code in a regional edition, "" otherwise; draft says whether
// this build is a draft; byPDF, whether pdf ran the build, which keeps
// every PDF whose report is unchanged (a plain build keeps none).
func droppedPDF(w io.Writer, f, source, council string, draft, byPDF bool) {
	wasDraft := site.IsDraftPDF(f)
	cmd := "adoptionreport pdf"
	if filepath.Clean(source) != "." {
		cmd += " --source " + source
	}
	if council != "" {
		cmd += " --council " + council
	}
	if wasDraft {
		cmd += " --draft"
	}
	switch {
	case wasDraft && !draft:
		fmt.Fprintf(w, "removed %s, a draft's PDF, with the draft it was printed from: run %s to print the draft again\n", f, cmd)
	case !wasDraft && draft:
		fmt.Fprintf(w, "removed %s: a draft build replaces the published site, and its PDF with it; run %s to publish both again\n", f, cmd)
	case byPDF:
		fmt.Fprintf(w, "removed %s: the report has changed since an earlier pdf run printed it; run %s to print it again\n", f, cmd)
	default:
		fmt.Fprintf(w, "removed %s, printed by an earlier pdf run, and the links to it: build writes no PDF; run %s to print it and link it again\n", f, cmd)
	}
}
