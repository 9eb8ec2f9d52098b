package browsertest

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// Serve serves the files under dir over HTTP on 127.0.0.1, and returns the
// base URL, such as "http://127.0.0.1:41234", with no trailing slash. The
// server closes when the test ends. A real server, not file:// URLs, so that
// the pages get an origin that 'self' in their CSP matches and absolute
// paths resolve as they will when published.
func Serve(t testing.TB, dir string) (baseURL string) {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL
}
