// Package site turns the figures and content of a report into the files
// of a static site and writes them to the output folder atomically. It
// computes no figures: everything it shows arrives in Input.
package site

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/content"
)

//go:embed theme
var defaultTheme embed.FS

// Input is everything a site is made from.
type Input struct {
	Config config.Config
	Pages  []content.Page
	Draft  bool
	// IndicatorsJSON is output/data/indicators.json, already encoded.
	IndicatorsJSON []byte
}

var layouts = template.Must(template.New("").ParseFS(defaultTheme, "theme/layouts/*.html"))

// Render returns the site's files.
func Render(in Input) (Files, error) {
	files := Files{}
	var pages []content.Page
	for _, p := range in.Pages {
		if p.Draft && !in.Draft {
			continue
		}
		pages = append(pages, p)
	}
	var buf bytes.Buffer
	if err := layouts.ExecuteTemplate(&buf, "index.html", map[string]any{
		"Config": in.Config,
		"Pages":  pages,
		"Draft":  in.Draft,
	}); err != nil {
		return nil, fmt.Errorf("rendering index.html: %w", err)
	}
	files["index.html"] = buf.Bytes()
	if in.IndicatorsJSON != nil {
		files["data/indicators.json"] = in.IndicatorsJSON
	}
	return files, nil
}
