package preview

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"strconv"

	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// The preview's own addresses. They sit under one prefix a report's own
// pages never use, so they cannot shadow a page.
const (
	previewPrefix = "/_preview/"
	eventsPath    = previewPrefix + "events"
	scriptPath    = previewPrefix + "reload.js"
	stylePath     = previewPrefix + "panel.css"
)

//go:embed assets
var assets embed.FS

// serveAsset serves one of the preview's embedded files. They are
// external files, never inline, because report pages carry a
// Content-Security-Policy that allows scripts and styles from 'self' only.
func serveAsset(w http.ResponseWriter, r *http.Request, name, contentType string) {
	b, err := assets.ReadFile("assets/" + name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}

// headTags load the reload script and the panel's stylesheet.
var headTags = template.Must(template.New("head").Parse(
	`<link rel="stylesheet" href="` + stylePath + `">` +
		`<script src="` + scriptPath + `" data-build="{{.}}" defer></script>`))

// panel lists the latest build's problems. Messages quote the user's own
// text (a CSV cell, a TOML key), so they go through html/template.
var panel = template.Must(template.New("panel").Parse(`<section id="adoptionreport-preview-problems" role="alert" aria-labelledby="adoptionreport-preview-problems-title">
<h2 id="adoptionreport-preview-problems-title">{{if .Serving}}The latest change does not build: this is the last good version{{else}}The report cannot be built yet{{end}}</h2>
<p>{{.Summary}}. Fix {{if eq .Errors 1}}it{{else}}them{{end}} and save: this page reloads by itself.</p>
<ul>
{{- range .Problems}}
<li class="adoptionreport-preview-{{if eq .Severity 0}}error{{else}}warning{{end}}"><strong>{{if eq .Severity 0}}Error{{else}}Warning{{end}}:</strong> <code>{{.String}}</code></li>
{{- end}}
</ul>
</section>
`))

// errorPage is shown while there is no good site: before the first
// successful build.
var errorPage = template.Must(template.New("error").Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{if .Building}}Building the report{{else}}The report cannot be built{{end}} – adoptionreport preview</title>
</head>
<body>
<main id="adoptionreport-preview-main">
<h1>{{if .Building}}Building the report…{{else}}The report cannot be built{{end}}</h1>
<p>{{if .Building}}This page shows the report as soon as the first build finishes.{{else}}The preview shows the report once the problems listed on this page are fixed. Every time you save, it builds again and this page reloads by itself.{{end}}</p>
</main>
</body>
</html>
`))

type panelData struct {
	Serving  bool
	Summary  string
	Errors   int
	Problems problem.List
}

// inject adds the reload script, and the problem panel if the latest
// build failed, to a copy of an HTML page. The script goes before </head> (or
// </body>); the panel right after <body>, so it is the first thing read.
func (s *Server) inject(page []byte, st state, scope string) []byte {
	var head bytes.Buffer
	if err := headTags.Execute(&head, s.buildID(st.pageGen(scope))); err != nil {
		return page
	}
	page = insertBefore(page, head.Bytes(), "</head>", "</body>")
	if !st.failed {
		return page
	}
	var b bytes.Buffer
	errs, _ := st.problems.Count()
	if err := panel.Execute(&b, panelData{Serving: st.site != nil, Summary: st.problems.Summary(), Errors: errs, Problems: st.problems}); err != nil {
		return page
	}
	return insertAfterBodyTag(page, b.Bytes())
}

// serveErrorPage stands in for every page while no build has succeeded.
func (s *Server) serveErrorPage(w http.ResponseWriter, r *http.Request, st state) {
	var b bytes.Buffer
	if err := errorPage.Execute(&b, struct{ Building bool }{st.gen == 0}); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	page := s.inject(b.Bytes(), st, "")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'self'")
	w.Header().Set("Content-Length", strconv.Itoa(len(page)))
	if st.gen == 0 {
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusServiceUnavailable)
	} else {
		w.WriteHeader(http.StatusInternalServerError)
	}
	if r.Method != http.MethodHead {
		w.Write(page)
	}
}

// insertBefore inserts ins before the first of the closing tags found
// (matched without regard to case), or at the end of page.
func insertBefore(page, ins []byte, tags ...string) []byte {
	for _, tag := range tags {
		if i := indexFold(page, tag); i >= 0 {
			return splice(page, i, ins)
		}
	}
	// Never append to page itself: it is the built site's, shared by
	// every request.
	return splice(page, len(page), ins)
}

// insertAfterBodyTag inserts ins after the <body …> start tag, or before
// </body> or at the end of a page without one.
func insertAfterBodyTag(page, ins []byte) []byte {
	for from := 0; ; {
		i := indexFold(page[from:], "<body")
		if i < 0 {
			break
		}
		i += from
		next := i + len("<body")
		if next < len(page) && (page[next] == '>' || isSpace(page[next])) {
			if end := tagEnd(page, next); end >= 0 {
				return splice(page, end+1, ins)
			}
			break
		}
		from = next
	}
	return insertBefore(page, ins, "</body>")
}

// tagEnd returns the index of the '>' that ends the tag whose attributes
// start at i, skipping quoted attribute values, or -1.
func tagEnd(page []byte, i int) int {
	var quote byte
	for ; i < len(page); i++ {
		c := page[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		}
	}
	return -1
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func splice(page []byte, at int, ins []byte) []byte {
	out := make([]byte, 0, len(page)+len(ins))
	out = append(out, page[:at]...)
	out = append(out, ins...)
	return append(out, page[at:]...)
}

// indexFold is bytes.Index ignoring ASCII case; tag is lower case.
func indexFold(s []byte, tag string) int {
	t := []byte(tag)
	for i := 0; i+len(t) <= len(s); i++ {
		j := bytes.IndexByte(s[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		if i+len(t) <= len(s) && bytes.EqualFold(s[i:i+len(t)], t) {
			return i
		}
	}
	return -1
}
