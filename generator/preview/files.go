package preview

import (
	"bytes"
	"io/fs"
	"maps"
	"net/http"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/site"
)

// Handler returns the preview's HTTP handler: the built site, with the
// live-reload script and any problem panel added to its pages, and the
// preview's own files under /_preview/. Serve wraps it in a check of the
// Host header; tests use it as it is.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(s.serveHTTP)
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	// Every response is of the draft of the moment: never cache it.
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "the preview only serves pages: use GET", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		s.serveEvents(w, r)
		return
	case scriptPath:
		serveAsset(w, r, "reload.js", "text/javascript; charset=utf-8")
		return
	case stylePath:
		serveAsset(w, r, "panel.css", "text/css; charset=utf-8")
		return
	}
	if strings.HasPrefix(r.URL.Path, previewPrefix) {
		http.NotFound(w, r)
		return
	}
	s.serveSite(w, r)
}

// sitePath turns a request's decoded URL path into a name inside the
// site, or reports false for one that must not be served: anything that
// climbs out (`..`, however it was encoded), empty or `.` segments,
// backslashes, and hidden files.
func sitePath(urlPath string) (name string, isDir, ok bool) {
	p, found := strings.CutPrefix(urlPath, "/")
	if !found || strings.ContainsAny(p, "\\\x00") {
		return "", false, false
	}
	if p == "" {
		return ".", true, true
	}
	p, isDir = strings.CutSuffix(p, "/")
	if !fs.ValidPath(p) {
		return "", false, false
	}
	for _, seg := range strings.Split(p, "/") {
		if strings.HasPrefix(seg, ".") {
			return "", false, false
		}
	}
	return p, isDir, true
}

// serveSite serves one file of the last good site, or the error page
// when there is none yet.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request) {
	name, slash, ok := sitePath(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	s.mu.RLock()
	st := s.state
	s.mu.RUnlock()
	if st.site == nil {
		s.serveErrorPage(w, r, st)
		return
	}
	body, name, redirect := st.site.lookup(name, slash)
	if redirect {
		// A folder without its slash: relative links in its index.html
		// only resolve from the slashed address.
		u := *r.URL
		u.Path += "/"
		u.RawPath = ""
		if r.URL.RawPath != "" {
			u.RawPath = r.URL.RawPath + "/"
		}
		http.Redirect(w, r, u.RequestURI(), http.StatusFound)
		return
	}
	if body == nil {
		http.NotFound(w, r)
		return
	}
	if isHTML(name) {
		body = s.inject(body, st, st.site.scope(name))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	}
	// No modification time: a rebuild may change a file within the
	// second a browser was given, and the injected panel changes a page
	// whose text did not, so a conditional request must never get 304.
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(body))
}

// lookup finds name in the site: a file, or a folder's index.html. It
// returns the file's contents and the name served, or nil; redirect is
// true for a folder asked for without its trailing slash. Nothing but
// the build's own files can be found, so no request can reach a file
// outside the site.
func (b *builtSite) lookup(name string, slash bool) (body []byte, served string, redirect bool) {
	if name == "." || b.dirs[name] {
		if !slash && name != "." {
			return nil, "", true
		}
		name = path.Join(name, "index.html")
	} else if slash {
		return nil, "", false
	}
	body, ok := b.files[name]
	if !ok {
		return nil, "", false
	}
	if body == nil {
		body = []byte{} // an empty file is served, not a 404
	}
	return body, name, false
}

// newBuiltSite holds a build's files for serving, with the folders they
// are in and, in a regional edition, its councils' reports.
func newBuiltSite(files site.Files) *builtSite {
	dirs := map[string]bool{}
	councils := map[string]bool{}
	for name := range files {
		for d := path.Dir(name); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
		// A council's report is a folder of the site's with a front page.
		if code, rest, ok := strings.Cut(name, "/"); ok && rest == "index.html" {
			councils[code] = true
		}
	}
	return &builtSite{files: files, dirs: dirs, councils: councils}
}

// scope is the code of the council whose report holds the page at
// urlPath, or "" for the overview, a one-council report's pages, and
// any other address.
func (b *builtSite) scope(urlPath string) string {
	if b == nil {
		return ""
	}
	code, _, _ := strings.Cut(strings.TrimPrefix(urlPath, "/"), "/")
	if b.councils[code] {
		return code
	}
	return ""
}

// withCouncils is b with the reports of the councils in files replaced
// by files' (a fast pass's, which renders only those councils).
func (b *builtSite) withCouncils(files site.Files, codes []string) *builtSite {
	merged := make(site.Files, len(b.files))
	for name, body := range b.files {
		code, _, _ := strings.Cut(name, "/")
		if !slices.Contains(codes, code) {
			merged[name] = body
		}
	}
	maps.Copy(merged, files)
	return newBuiltSite(merged)
}

// parts are the parts of b's site, as scope names them: its councils'
// codes, and "" for the rest.
func (b *builtSite) parts() []string {
	return append(slices.Collect(maps.Keys(b.councils)), "")
}

// changedParts are the parts of b's site (see scope) whose files differ
// from prev's, or that prev had and b has not.
func (b *builtSite) changedParts(prev *builtSite) map[string]bool {
	changed := map[string]bool{}
	for name, body := range b.files {
		// A report kept from the cache holds the very same bytes: Equal
		// sees that at once.
		if old, ok := prev.files[name]; !ok || !bytes.Equal(old, body) {
			changed[b.scope(name)] = true
		}
	}
	for name := range prev.files {
		if _, ok := b.files[name]; !ok {
			changed[prev.scope(name)] = true
		}
	}
	return changed
}

// shared reports whether the project file changed (as the watcher names
// it) is one that every council's report may be made from: anything
// but a page in a council's own folder, content/<code>/.
func (b *builtSite) shared(changed string) bool {
	rest, ok := strings.CutPrefix(changed, "content/")
	if !ok {
		return true
	}
	// The folder itself too: the watcher names a council's folder when it
	// is made, with its first page.
	folder, _, _ := strings.Cut(rest, "/")
	for code := range b.councils {
		// Folders match codes whatever their capitals (docs/regional.md).
		if strings.EqualFold(folder, code) {
			return false
		}
	}
	return true
}

func isHTML(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".html" || ext == ".htm"
}
