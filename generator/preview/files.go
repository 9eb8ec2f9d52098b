package preview

import (
	"bytes"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
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
	if st.site == nil {
		s.mu.RUnlock()
		s.serveErrorPage(w, r, st)
		return
	}
	// Look the file up and open it under the read lock: a rebuild removes
	// the old folder only once it holds the write lock.
	f, name, redirect := openSiteFile(st.site, name, slash)
	s.mu.RUnlock()
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
	if f == nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if !isHTML(name) {
		http.ServeContent(w, r, name, info.ModTime(), f)
		return
	}
	page, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, "reading "+name+": "+err.Error(), http.StatusInternalServerError)
		return
	}
	page = s.inject(page, st)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	// No modification time: the injected panel changes a page whose file
	// did not, so a conditional request must never get 304.
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(page))
}

// fileReader is what openSiteFile hands back: an open regular file.
type fileReader interface {
	io.ReadSeekCloser
	Stat() (fs.FileInfo, error)
}

// openSiteFile opens name in the site: a regular file, or a folder's
// index.html. It refuses symbolic links, even ones pointing inside the
// site, since a build never writes one; os.Root already refuses any path
// that leads out. redirect is true for a folder asked for without its
// trailing slash.
func openSiteFile(site *builtSite, name string, slash bool) (f fileReader, served string, redirect bool) {
	info, err := site.root.Lstat(name)
	if err != nil {
		return nil, "", false
	}
	if info.IsDir() {
		if !slash && name != "." {
			return nil, "", true
		}
		name = path.Join(name, "index.html")
		if info, err = site.root.Lstat(name); err != nil {
			return nil, "", false
		}
	} else if slash {
		return nil, "", false
	}
	if !info.Mode().IsRegular() {
		return nil, "", false
	}
	file, err := site.root.Open(name)
	if err != nil {
		return nil, "", false
	}
	return file, name, false
}

func isHTML(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".html" || ext == ".htm"
}
