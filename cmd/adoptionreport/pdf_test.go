package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/pdf"
	"github.com/adoptionreport/adoptionreport/generator/scaffold"
	"github.com/adoptionreport/adoptionreport/internal/browsertest"
)

// fakeChrome is an executable that Find accepts; the tests that use it
// stop before anything would start it.
func fakeChrome(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "chromium")
	if err := os.WriteFile(p, []byte("#!/bin/sh\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPDFStopsEarly(t *testing.T) {
	broken := t.TempDir()
	if err := os.WriteFile(filepath.Join(broken, "config.toml"), []byte("reprot_year = \"2024-25\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "no-such-browser")
	tests := []struct {
		name    string
		args    []string
		env     string // CHROME_PATH
		code    int
		say     []string // in stdout+stderr
		notSay  string   // not in stdout+stderr
		noBuild bool     // the project must not have been built
	}{
		{name: "help", args: []string{"--help"}, code: exitOK, say: []string{"--chrome", "--output", "--draft", "print.html"}},
		{name: "extra argument", args: []string{"report.pdf"}, code: exitUsage, say: []string{`unexpected argument "report.pdf"`}},
		{name: "bad --chrome, before building", args: []string{"--chrome", missing, "--source", broken},
			code: exitProblems, say: []string{"--chrome " + missing, "not an executable file"}, notSay: "building…"},
		{name: "bad CHROME_PATH, before building", env: missing, args: []string{"--source", broken},
			code: exitProblems, say: []string{"CHROME_PATH " + missing}, notSay: "building…"},
		{name: "project with errors", args: []string{"--chrome", fakeChrome(t), "--source", broken},
			code: exitProblems, say: []string{"building…", "config.toml:1:1: reprot_year", "pdf stopped", "no site and no PDF were written"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("CHROME_PATH", tt.env)
			var stdout, stderr bytes.Buffer
			code := runPDF(context.Background(), tt.args, &stdout, &stderr)
			out := stdout.String() + stderr.String()
			if code != tt.code {
				t.Errorf("pdf %q: exit %d, want %d; printed:\n%s", tt.args, code, tt.code, out)
			}
			for _, s := range tt.say {
				if !strings.Contains(out, s) {
					t.Errorf("pdf %q does not say %q; printed:\n%s", tt.args, s, out)
				}
			}
			if tt.notSay != "" && strings.Contains(out, tt.notSay) {
				t.Errorf("pdf %q says %q; printed:\n%s", tt.args, tt.notSay, out)
			}
			if _, err := os.Stat(filepath.Join(broken, "output")); err == nil {
				t.Errorf("pdf %q wrote an output folder", tt.args)
			}
		})
	}
}

func TestMetadata(t *testing.T) {
	tests := []struct {
		cfg  config.Config
		want [3]string
	}{
		{
			config.Config{Title: "Annual Adoption Report 2024-25", Council: "Northmoor Borough Council",
				RAA: "Pennine Vale Adoption Partnership", ReportYear: "2024-25", Author: "Director of Children's Services"},
			[3]string{"Annual Adoption Report 2024-25", "Director of Children's Services, Northmoor Borough Council",
				"Adoption services of Northmoor Borough Council and Pennine Vale Adoption Partnership in 2024-25"},
		},
		{
			config.Config{Title: "Adoption 2023-24", Council: "Example Council", ReportYear: "2023-24"},
			[3]string{"Adoption 2023-24", "Example Council", "Adoption services of Example Council in 2023-24"},
		},
	}
	for _, tt := range tests {
		m := metadata(tt.cfg)
		if got := [3]string{m.Title, m.Author, m.Subject}; got != tt.want {
			t.Errorf("metadata(%+v) = %q, want %q", tt.cfg, got, tt.want)
		}
	}
}

// TestPDF builds a new project, as `adoptionreport new` makes it, and
// prints it: the whole command against the real print edition.
func TestPDF(t *testing.T) {
	chrome := browsertest.Chrome(t)
	pdfinfo := browsertest.Command(t, "pdfinfo", "`apt-get install poppler-utils`")
	dir := filepath.Join(t.TempDir(), "report")
	if err := scaffold.New(dir); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var stdout, stderr bytes.Buffer
	start := time.Now()
	code := runPDF(ctx, []string{"--source", dir, "--chrome", chrome}, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("exit %d, want 0; printed:\n%s", code, stderr.String())
	}
	t.Logf("built and printed in %s:\n%s", time.Since(start).Round(time.Millisecond), stderr.String())
	// By default the PDF is beside the site, named for the scaffold's
	// council and year, and linked from every page with its size.
	out := filepath.Join(dir, "output", "your-council-adoption-report-2024-25.pdf")
	if !strings.HasPrefix(stderr.String(), "building…\n") || !strings.Contains(stderr.String(), "pages in ") ||
		!strings.Contains(stderr.String(), "\nwrote "+out+" (") {
		t.Errorf("progress:\n%s\nwant building…, each print with its pages, and wrote %s (…)", stderr.String(), out)
	}
	if _, err := os.Stat(filepath.Join(dir, "output", "print.html")); err != nil {
		t.Errorf("the site was not built into SOURCE/output: %v", err)
	}
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatalf("no PDF beside the site: %v", err)
	}
	index, _ := os.ReadFile(filepath.Join(dir, "output", "index.html"))
	if want := `href="` + filepath.Base(out) + `"`; !strings.Contains(string(index), want) {
		t.Errorf("index.html does not link to the PDF (%s)", want)
	}
	if want := "PDF, " + pdf.FormatSize(fi.Size()) + ", "; !strings.Contains(string(index), want) {
		t.Errorf("index.html does not give the PDF's size as %q", want)
	}
	info, err := exec.Command(pdfinfo, "-enc", "UTF-8", out).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, info)
	}
	cfg, _ := config.Load(os.DirFS(dir), "config.toml")
	m := metadata(cfg)
	for _, want := range []string{"Title:           " + m.Title, "Author:          " + m.Author, "Subject:         " + m.Subject, "Tagged:          yes", "(A4)"} {
		if !strings.Contains(string(info), want) {
			t.Errorf("pdfinfo does not show %q:\n%s", want, info)
		}
	}
}

// Printing to a file elsewhere keeps the PDF an earlier run published
// beside the site, while the report is unchanged, and its links.
func TestPDFElsewhereKeepsPublished(t *testing.T) {
	chrome := browsertest.Chrome(t)
	dir := filepath.Join(t.TempDir(), "report")
	if err := scaffold.New(dir); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := runPDF(context.Background(), []string{"--source", dir, "--chrome", chrome}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	published := filepath.Join(dir, "output", "your-council-adoption-report-2024-25.pdf")
	elsewhere := filepath.Join(t.TempDir(), "copy.pdf")
	stderr.Reset()
	if code := runPDF(context.Background(), []string{"--source", dir, "--chrome", chrome, "--output", elsewhere}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	if _, err := os.Stat(published); err != nil {
		t.Errorf("pdf --output elsewhere removed the published PDF: %v\n%s", err, stderr.String())
	}
	index, _ := os.ReadFile(filepath.Join(dir, "output", "index.html"))
	if !bytes.Contains(index, []byte(`href="`+filepath.Base(published)+`"`)) {
		t.Error("index.html no longer links the published PDF")
	}
}
