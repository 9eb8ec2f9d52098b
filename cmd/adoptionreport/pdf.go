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
	"github.com/adoptionreport/adoptionreport/internal/chrome"
)

// runPDF builds the project into its output folder, as build does, and
// prints the print edition there to a PDF.
func runPDF(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("pdf [--source DIR] [--output FILE] [--chrome PATH] [--draft]",
		"Builds the project into SOURCE/output, as build does, then prints its print edition,\n"+
			"output/print.html, to an A4 PDF with Chromium or Chrome, with the contents' page numbers\n"+
			"filled in. Without a browser, open output/print.html in any browser and print it to PDF.", stdout, stderr)
	source := fs.String("source", ".", "`DIR` is the report project's folder, holding config.toml")
	output := fs.String("output", "", "`FILE` is where to write the PDF (default SOURCE/report.pdf, or SOURCE/report-draft.pdf with --draft)")
	chromeFlag := fs.String("chrome", "", "`PATH` is the Chromium or Chrome program (default $CHROME_PATH, then chromium, chromium-browser,\ngoogle-chrome or google-chrome-stable on PATH, then /usr/bin/chromium)")
	draft := fs.Bool("draft", false, "print a draft: draft pages included, every page marked DRAFT, small numbers not suppressed")
	if code, ok := parse(fs, args, stdout, stderr); !ok {
		return code
	}

	out := *output
	if out == "" {
		name := "report.pdf"
		if *draft {
			// A draft PDF must not take the place of the published one.
			name = "report-draft.pdf"
		}
		out = filepath.Join(*source, name)
	}
	// Refuse a wrong --output and look for the browser first: a user
	// should learn of either before waiting for a build.
	if err := generator.CheckPDFOutput(*source, out); err != nil {
		fmt.Fprintf(stderr, "adoptionreport pdf: %v\n", err)
		return exitProblems
	}
	browser, err := chrome.Find(*chromeFlag)
	if err != nil {
		fmt.Fprintf(stderr, "adoptionreport pdf: %v\n", err)
		return exitProblems
	}

	// Chromium starts while the report builds: each takes about as long.
	b := pdf.StartBrowser(ctx, browser)
	defer b.Close()
	fmt.Fprintln(stderr, "building…")
	res, err := generator.Build(ctx, generator.Options{Source: *source, Draft: *draft})
	printProblems(stderr, res.Problems)
	switch {
	case errors.Is(err, generator.ErrProblems):
		fmt.Fprintf(stderr, "pdf stopped: fix the errors above; %s and no PDF was written\n", untouched(res.Output))
		return exitProblems
	case err != nil:
		fmt.Fprintf(stderr, "build failed: %v\n", err)
		return exitProblems
	}
	// The build has just read the config without errors.
	cfg, probs := config.Load(os.DirFS(*source), generator.ConfigFile)
	if probs.HasErrors() {
		printProblems(stderr, probs)
		return exitProblems
	}

	meta := metadata(cfg)
	_, err = pdf.Print(ctx, pdf.Options{
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
