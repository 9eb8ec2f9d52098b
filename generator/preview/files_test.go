package preview

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/site"
)

func TestSitePath(t *testing.T) {
	tests := []struct {
		url   string
		name  string
		isDir bool
		ok    bool
	}{
		{"/", ".", true, true},
		{"/index.html", "index.html", false, true},
		{"/data/indicators.json", "data/indicators.json", false, true},
		{"/children/", "children", true, true},
		{"/children", "children", false, true},
		{"/../config.toml", "", false, false},
		{"/data/../../config.toml", "", false, false},
		{"/data/./x", "", false, false},
		{"//etc/passwd", "", false, false},
		{"/a//b", "", false, false},
		{"/..\\config.toml", "", false, false},
		{"/.git/config", "", false, false},
		{"/data/.hidden", "", false, false},
		{"no-slash", "", false, false},
	}
	for _, tt := range tests {
		name, isDir, ok := sitePath(tt.url)
		if name != tt.name || isDir != tt.isDir || ok != tt.ok {
			t.Errorf("sitePath(%q) = %q, %v, %v; want %q, %v, %v", tt.url, name, isDir, ok, tt.name, tt.isDir, tt.ok)
		}
	}
}

// TestServeSite serves a built site and nothing else: not the project
// beside it, not a path that climbs out of the site.
func TestServeSite(t *testing.T) {
	fb := &fakeBuild{
		files: map[string]string{
			"index.html":           page("Front page"),
			"children/index.html":  page("Children"),
			"data/indicators.json": `{"report_year":"2024-25"}`,
			"css/style.0a1b2c.css": "body{}",
			"data/empty.csv":       "",
			"data/.hidden":         "C123",
		},
	}
	s, _ := newFakeServer(t, fb)
	rebuild(t, s)
	h := s.Handler()

	tests := []struct {
		target   string
		status   int
		has      string // in the body
		location string
		typ      string // Content-Type, when checked
	}{
		{"/", 200, "<h1>Front page</h1>", "", "text/html; charset=utf-8"},
		{"/index.html", 200, "<h1>Front page</h1>", "", "text/html; charset=utf-8"},
		{"/children/", 200, "<h1>Children</h1>", "", "text/html; charset=utf-8"},
		{"/children", 302, "", "/children/", ""},
		{"/children?x=1", 302, "", "/children/?x=1", ""},
		{"/data/indicators.json", 200, `"report_year"`, "", "application/json"},
		{"/css/style.0a1b2c.css", 200, "body{}", "", "text/css; charset=utf-8"},
		{"/data/empty.csv", 200, "", "", "text/csv; charset=utf-8"},
		{"/data", 302, "", "/data/", ""},
		{"/data/", 404, "", "", ""}, // a folder without index.html: no listing
		{"/index.html/", 404, "", "", ""},
		{"/missing.html", 404, "", "", ""},
		{"/config.toml", 404, "", "", ""},
		{"/../config.toml", 404, "", "", ""},
		{"/%2e%2e/config.toml", 404, "", "", ""},
		{"/%2E%2E/config.toml", 404, "", "", ""},
		{"/..%2fconfig.toml", 404, "", "", ""},
		{"/..%5cconfig.toml", 404, "", "", ""},
		{"/data/..%2f..%2fconfig.toml", 404, "", "", ""},
		{"/data/.hidden", 404, "", "", ""},
		{"/data/%2ehidden", 404, "", "", ""},
		{"/_preview/nothing", 404, "", "", ""},
		{"/_preview/reload.js", 200, "EventSource", "", ""},
		{"/_preview/panel.css", 200, "#adoptionreport-preview-problems", "", ""},
	}
	for _, tt := range tests {
		rec := get(t, h, tt.target)
		if rec.Code != tt.status {
			t.Errorf("GET %s: status %d, want %d", tt.target, rec.Code, tt.status)
			continue
		}
		if !strings.Contains(rec.Body.String(), tt.has) {
			t.Errorf("GET %s: body does not contain %q:\n%s", tt.target, tt.has, rec.Body)
		}
		if strings.Contains(rec.Body.String(), "C123") || strings.Contains(rec.Body.String(), "secret config") {
			t.Errorf("GET %s: served a hidden file or one from outside the site:\n%s", tt.target, rec.Body)
		}
		if got := rec.Header().Get("Location"); got != tt.location {
			t.Errorf("GET %s: Location %q, want %q", tt.target, got, tt.location)
		}
		if got := rec.Header().Get("Content-Type"); tt.typ != "" && got != tt.typ {
			t.Errorf("GET %s: Content-Type %q, want %q", tt.target, got, tt.typ)
		}
		if got := rec.Header().Get("Cache-Control"); got != "no-store" {
			t.Errorf("GET %s: Cache-Control %q, want no-store", tt.target, got)
		}
	}
}

// TestServeOverTheWire sends traversal attempts as raw request lines, so
// no client tidies them up on the way.
func TestServeOverTheWire(t *testing.T) {
	fb := &fakeBuild{files: map[string]string{"index.html": page("Front page")}}
	s, _ := newFakeServer(t, fb)
	rebuild(t, s)
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	for _, target := range []string{"/../config.toml", "/%2e%2e/config.toml", "/..%2fconfig.toml", "/%2e%2e%2fconfig.toml"} {
		req, err := http.NewRequest(http.MethodGet, srv.URL+"/", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.URL.Opaque = target // sent exactly as written
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", target, resp.StatusCode)
		}
	}
}

func TestServeMethods(t *testing.T) {
	fb := &fakeBuild{files: map[string]string{"index.html": page("Front page")}}
	s, _ := newFakeServer(t, fb)
	rebuild(t, s)
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST /: status %d, want 405", rec.Code)
	}
	rec = httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodHead, "/", nil))
	if rec.Code != http.StatusOK || rec.Body.Len() != 0 {
		t.Errorf("HEAD /: status %d with %d bytes, want 200 with none", rec.Code, rec.Body.Len())
	}
}

// TestPreviewWritesNothing: the preview keeps its builds in memory. It
// writes no file, in the temporary folder or the project's output/,
// however many times it rebuilds.
func TestPreviewWritesNothing(t *testing.T) {
	dir := newProject(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	s, err := New(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if out := rebuild(t, s); out.Failed() {
			t.Fatalf("build: %v", out.Problems)
		}
	}
	if body := get(t, s.Handler(), "/").Body.String(); !strings.Contains(body, "<h1") {
		t.Errorf("the front page is not served:\n%s", body)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("the preview wrote %d entries to the temporary folder, want none", len(entries))
	}
	if _, err := os.Stat(filepath.Join(dir, "output")); !os.IsNotExist(err) {
		t.Errorf("the preview touched the project's output folder (%v)", err)
	}
}

// A change is a council's own when it is in, or is, a council's folder
// under content/, whatever its capitals; anything else may change every
// council's report.
func TestSharedChange(t *testing.T) {
	b := newBuiltSite(site.Files{"fenmoor/index.html": nil, "marshby/index.html": nil, "index.html": nil, "assets/style.css": nil})
	for change, want := range map[string]bool{
		"content/fenmoor/panel.md": false,
		"content/Fenmoor/panel.md": false,
		"content/fenmoor":          false, // the folder, made with its first page
		"content/panel.md":         true,
		"content/other/panel.md":   true,
		"content":                  true,
		"data/children.csv":        true,
		"layouts/page.html":        true,
		"fenmoor/panel.md":         true,
	} {
		if got := b.shared(change); got != want {
			t.Errorf("shared(%q) = %v, want %v", change, got, want)
		}
	}
}
