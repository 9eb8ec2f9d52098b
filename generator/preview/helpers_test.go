package preview

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/adoptionreport/adoptionreport/generator"
	"github.com/adoptionreport/adoptionreport/generator/problem"
	"github.com/adoptionreport/adoptionreport/generator/scaffold"
	"github.com/adoptionreport/adoptionreport/generator/site"
)

// waitFor is how long a test polls for something that happens in the
// background (a watcher noticing an edit) before it fails: generous, so a
// loaded CI machine does not make the tests flaky.
const waitFor = 15 * time.Second

// syncBuffer is a log the server and the test can share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// fakeBuild stands in for generator.Render where a test needs a build
// that fails, panics or makes odd files on demand.
type fakeBuild struct {
	mu       sync.Mutex
	files    map[string]string // path in the site → contents
	problems problem.List
	panicMsg string
	builds   int
}

func (f *fakeBuild) set(files map[string]string, probs problem.List) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.files, f.problems, f.panicMsg = files, probs, ""
}

func (f *fakeBuild) build(ctx context.Context, opts generator.Options) (site.Files, generator.Result, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.builds++
	if f.panicMsg != "" {
		panic(f.panicMsg)
	}
	res := generator.Result{Problems: append(problem.List(nil), f.problems...)}
	if res.Problems.HasErrors() {
		return nil, res, generator.ErrProblems
	}
	files := site.Files{}
	for name, body := range f.files {
		files[name] = []byte(body)
	}
	res.Files = len(files)
	return files, res, nil
}

// page is a minimal report page in the shape the site writes.
func page(title string) string {
	return "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title +
		"</title>\n</head>\n<body class=\"draft\">\n<h1>" + title + "</h1>\n</body>\n</html>\n"
}

// newFakeServer returns a server over an empty project whose builds are
// done by fb, and its log.
func newFakeServer(t *testing.T, fb *fakeBuild) (*Server, *syncBuffer) {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "config.toml"), "title = \"secret config\"\n")
	log := &syncBuffer{}
	s, err := New(Options{Source: dir, Log: log})
	if err != nil {
		t.Fatal(err)
	}
	s.build = fb.build
	t.Cleanup(func() { s.Close() })
	return s, log
}

func write(t testing.TB, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// get requests target from h directly, so the path reaches the handler
// exactly as written, however it is encoded.
func get(t testing.TB, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec
}

// rebuild runs one rebuild and fails the test if it was abandoned.
func rebuild(t testing.TB, s *Server) Outcome {
	t.Helper()
	out, err := s.Rebuild(context.Background())
	if err != nil {
		t.Fatalf("Rebuild: %v", err)
	}
	return out
}

// poll fetches url until its body satisfies ok, failing after waitFor.
func poll(t *testing.T, url string, ok func(status int, body string) bool) string {
	t.Helper()
	deadline := time.Now().Add(waitFor)
	var last string
	for time.Now().Before(deadline) {
		resp, err := http.Get(url)
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			last = string(b)
			if ok(resp.StatusCode, last) {
				return last
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("GET %s: gave up after %v; last body:\n%s", url, waitFor, last)
	return ""
}

func contains(sub string) func(int, string) bool {
	return func(_ int, body string) bool { return strings.Contains(body, sub) }
}

// watch runs s's watcher, rebuilding on each change to the project,
// until the test ends.
func watch(t testing.TB, s *Server) {
	t.Helper()
	w, err := s.newWatcher()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go w.run(ctx)
}

// regionalProject writes `new --regional`'s example and returns its folder.
func regionalProject(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "raa")
	if err := scaffold.NewRegional(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// builtServer is a server over the project in dir, after a first build
// that must succeed; it is closed when the test ends.
func builtServer(t testing.TB, dir string, log io.Writer) *Server {
	t.Helper()
	s, err := New(Options{Source: dir, Log: log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if out := rebuild(t, s); out.Failed() {
		t.Fatalf("first build: %v", out.Problems)
	}
	return s
}

// serveProject serves the project in dir, watching it, until the test
// ends; it returns the server, its base URL and its log.
func serveProject(t *testing.T, dir string) (*Server, string, *syncBuffer) {
	t.Helper()
	log := &syncBuffer{}
	s, err := New(Options{Source: dir, Log: log})
	if err != nil {
		t.Fatal(err)
	}
	base, _ := serve(t, s)
	return s, base, log
}
