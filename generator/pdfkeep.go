package generator

import (
	"bytes"
	"context"
	"os"
	"path"
	"path/filepath"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/pdf"
	"github.com/adoptionreport/adoptionreport/generator/site"
)

// CurrentPDFs finds the PDFs that an earlier pdf run published in the
// output folder out (a regional edition's, in out/<code>/) and that
// still print what the project renders now: the print.html published
// beside each is, byte for byte, the one the project renders with that
// PDF linked, so the figures and pages it was printed from are
// unchanged. The pdf command keeps these when it prints one council's
// report, or prints to a file elsewhere, instead of dropping them. It
// returns the one-council project's PDF (nil if none is current) and a
// regional edition's by council code. A project that does not render
// has none: the build that follows reports why.
func CurrentPDFs(ctx context.Context, source, out string, draft bool) (*PDF, map[string]PDF) {
	cfg, probs := config.Load(os.DirFS(source), ConfigFile)
	if probs.HasErrors() {
		return nil, nil
	}
	// found reads a published PDF, or reports false when there is none
	// or it is not one this program printed.
	found := func(dir string, c config.Config) (PDF, bool) {
		p := filepath.Join(out, filepath.FromSlash(dir), site.PDFName(c, draft))
		b, err := os.ReadFile(p)
		if err != nil {
			return PDF{}, false
		}
		n, err := pdf.PageCount(b)
		return PDF{Path: p, Pages: n}, err == nil
	}
	opts := Options{Source: source, Draft: draft}
	var dirs []string // the folders of the PDFs found, "." for a one-council one
	if cfg.Regional() {
		opts.CouncilPDFs = map[string]PDF{}
		for i, c := range cfg.Councils {
			if p, ok := found(c.Code, cfg.ForCouncil(i)); ok {
				opts.CouncilPDFs[c.Code] = p
				dirs = append(dirs, c.Code)
			}
		}
	} else if p, ok := found(".", cfg); ok {
		opts.PDF = &p
		dirs = append(dirs, ".")
	}
	if len(dirs) == 0 {
		return nil, nil
	}
	files, _, err := Render(ctx, opts)
	if err != nil {
		return nil, nil
	}
	var one *PDF
	councils := map[string]PDF{}
	for _, dir := range dirs {
		was, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(dir), "print.html"))
		if err != nil || !bytes.Equal(was, files[path.Join(dir, "print.html")]) {
			continue
		}
		if dir == "." {
			one = opts.PDF
		} else {
			councils[dir] = opts.CouncilPDFs[dir]
		}
	}
	return one, councils
}
