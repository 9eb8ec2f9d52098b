package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/adoptionreport/adoptionreport/generator"
	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/pdf"
	"github.com/adoptionreport/adoptionreport/generator/site"
	"github.com/adoptionreport/adoptionreport/internal/chrome"
)

// runPDF builds the project into its output folder, as build does, and
// prints the print edition there to a PDF.
func runPDF(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("pdf [--source DIR] [--output FILE] [--chrome PATH] [--draft] [--council CODE]",
		"Builds the project into SOURCE/output, as build does, then prints its print edition,\n"+
			"output/print.html, to an A4 PDF with Chromium or Chrome, with the contents' page numbers\n"+
			"filled in. Without a browser, open output/print.html in any browser and print it to PDF.\n"+
			"In a regional edition it prints every council's report, output/<code>/print.html, or the\n"+
			"one council's given with --council.", stdout, stderr)
	source := fs.String("source", ".", "`DIR` is the report project's folder, holding config.toml")
	output := fs.String("output", "", "`FILE` is where to write the PDF (default: into SOURCE/output beside the site, named with the council and year,\nand linked from every page)")
	chromeFlag := fs.String("chrome", "", "`PATH` is the Chromium or Chrome program (default $CHROME_PATH, then chromium, chromium-browser,\ngoogle-chrome or google-chrome-stable on PATH, then /usr/bin/chromium)")
	draft := fs.Bool("draft", false, "print a draft: draft pages included, every page marked DRAFT, small numbers not suppressed")
	council := fs.String("council", "", "`CODE` of one council of a regional edition ([[councils]]) to print alone (default: every council)")
	if code, ok := parse(fs, args, stdout, stderr); !ok {
		return code
	}
	if cfg, probs := config.Load(os.DirFS(*source), generator.ConfigFile); !probs.HasErrors() && cfg.Regional() {
		return runRegionalPDF(ctx, cfg, *source, *output, *chromeFlag, *council, *draft, stderr)
	} else if *council != "" && !probs.HasErrors() {
		fmt.Fprintf(stderr, "adoptionreport pdf: --council is for a regional edition, and %s has no [[councils]]: leave it out to print the report\n", filepath.Join(*source, generator.ConfigFile))
		return exitUsage
	}

	out := *output
	// By default the PDF is published beside the site: printed into the
	// output folder under the council and year's name, once the build has
	// read them, then kept there by a second build, which links every
	// page to it (see docs/pdf.md).
	beside := out == ""
	if !beside {
		if err := generator.CheckPDFOutput(*source, out); err != nil {
			// Refuse a wrong --output and look for the browser first: a
			// user should learn of either before waiting for a build.
			fmt.Fprintf(stderr, "adoptionreport pdf: %v\n", err)
			return exitProblems
		}
	}
	browser, err := chrome.Find(*chromeFlag)
	if err != nil {
		fmt.Fprintf(stderr, "adoptionreport pdf: %v\n", err)
		return exitProblems
	}

	// Chromium starts while the report builds: each takes about as long.
	b := pdf.StartBrowser(ctx, browser)
	defer b.Close()
	// Printing elsewhere keeps the PDF an earlier run published beside
	// the site, while it still prints what the project renders.
	var kept *generator.PDF
	if !beside {
		kept, _ = generator.CurrentPDFs(ctx, *source, filepath.Join(*source, "output"), *draft)
	}
	fmt.Fprintln(stderr, "building…")
	res, err := generator.Build(ctx, generator.Options{Source: *source, Draft: *draft, PDF: kept})
	printProblems(stderr, res.Problems)
	switch {
	case errors.Is(err, generator.ErrProblems):
		left := untouched(res.Output) + " and no PDF was written"
		if _, err := os.Stat(res.Output); err != nil {
			left = "no site and no PDF were written"
		}
		fmt.Fprintf(stderr, "pdf stopped: fix the errors above; %s\n", left)
		return exitProblems
	case err != nil:
		fmt.Fprintf(stderr, "build failed: %v\n", err)
		return exitProblems
	}
	for _, f := range res.DroppedPDFs {
		// Printed beside the site, a new PDF takes the place of one of
		// the same kind.
		if !beside || *draft != site.IsDraftPDF(f) {
			droppedPDF(stderr, f, *source, "", *draft, true)
		}
	}
	// The build has just read the config without errors.
	cfg, probs := config.Load(os.DirFS(*source), generator.ConfigFile)
	if probs.HasErrors() {
		printProblems(stderr, probs)
		return exitProblems
	}

	if beside {
		out = filepath.Join(res.Output, site.PDFName(cfg, *draft))
	}
	meta := metadata(cfg)
	printed, err := pdf.Print(ctx, pdf.Options{
		Chrome:   browser,
		Browser:  b,
		HTML:     filepath.Join(res.Output, "print.html"),
		Output:   out,
		Title:    meta.Title,
		Author:   meta.Author,
		Subject:  meta.Subject,
		Progress: stderr,
	})
	switch {
	case err != nil && ctx.Err() != nil:
		fmt.Fprintf(stderr, "adoptionreport pdf: stopped; %s was not changed\n", out)
		return exitProblems
	case err != nil:
		fmt.Fprintf(stderr, "adoptionreport pdf: %v\n", err)
		return exitProblems
	}
	if beside {
		return publishBeside(ctx, *source, *draft, out, printed.Pages, stderr)
	}
	return exitOK
}

// publishBeside builds the site again with the PDF just printed into it
// at printed, which the build keeps in the new output folder and links
// from every page with its size.
func publishBeside(ctx context.Context, source string, draft bool, printed string, pages int, stderr io.Writer) int {
	res, err := generator.Build(ctx, generator.Options{Source: source, Draft: draft, PDF: &generator.PDF{Path: printed, Pages: pages}})
	if err != nil {
		printProblems(stderr, res.Problems)
		fmt.Fprintf(stderr, "adoptionreport pdf: linking the PDF from the site's pages: %v\n", err)
		return exitProblems
	}
	fmt.Fprintln(stderr, "linked it from every page of the site")
	return exitOK
}

// metadata is the PDF's document information from the project's config:
// the report's title, the council (and the author's role, if given) as
// author, and what the report covers as subject.
func metadata(cfg config.Config) pdf.Metadata {
	m := pdf.Metadata{Title: cfg.Title, Author: cfg.Council}
	if cfg.Author != "" {
		m.Author = cfg.Author + ", " + cfg.Council
	}
	m.Subject = "Adoption services of " + cfg.Council
	if cfg.RAA != "" {
		m.Subject += " and " + cfg.RAA
	}
	m.Subject += " in " + cfg.ReportYear
	return m
}
