package preview

import (
	"bufio"
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/adoptionreport/adoptionreport/generator"
	"github.com/adoptionreport/adoptionreport/generator/problem"
	"github.com/adoptionreport/adoptionreport/generator/site"
)

// readEvent reads one event from an event stream, skipping comments.
func readEvent(t *testing.T, r *bufio.Reader) (name, data string) {
	t.Helper()
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("reading the event stream: %v", err)
		}
		line = strings.TrimRight(line, "\n")
		switch {
		case line == "" && name != "":
			return name, data
		case strings.HasPrefix(line, "event: "):
			name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			data = strings.TrimPrefix(line, "data: ")
		}
	}
}

// openEvents connects to the event stream and reads its greeting.
func openEvents(t *testing.T, base string) (*http.Response, *bufio.Reader) {
	t.Helper()
	resp, err := http.Get(base + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	r := bufio.NewReader(resp.Body)
	if name, _ := readEvent(t, r); name != "hello" {
		t.Fatalf("first event %q, want hello", name)
	}
	return resp, r
}

// TestEventsAfterRebuild: an open page hears of every rebuild, failed or
// not, with the new build's ID.
func TestEventsAfterRebuild(t *testing.T) {
	fb := &fakeBuild{files: map[string]string{"index.html": page("One")}}
	s, _ := newFakeServer(t, fb)
	rebuild(t, s)
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	resp, r := openEvents(t, srv.URL)
	defer resp.Body.Close()

	rebuild(t, s)
	if name, data := readEvent(t, r); name != "reload" || data != s.buildID(2) {
		t.Errorf("after a rebuild: event %q data %q, want reload %q", name, data, s.buildID(2))
	}
	var probs problem.List
	probs.Errorf("config.toml", 1, 1, "", "broken")
	fb.set(fb.files, probs)
	rebuild(t, s)
	if name, data := readEvent(t, r); name != "reload" || data != s.buildID(3) {
		t.Errorf("after a failed rebuild: event %q data %q, want reload %q", name, data, s.buildID(3))
	}
	// A stylesheet-only change after a good build swaps stylesheets.
	fb.set(fb.files, nil)
	rebuild(t, s)
	readEvent(t, r)
	if _, err := s.rebuild(context.Background(), []string{"themes/default/static/css/style.css"}); err != nil {
		t.Fatal(err)
	}
	if name, _ := readEvent(t, r); name != "css" {
		t.Errorf("after a stylesheet change: event %q, want css", name)
	}
}

func TestBrokerReplacesPending(t *testing.T) {
	b := newBroker()
	ch := b.subscribe("")
	b.publish(event{name: "reload", data: "1"})
	b.publish(event{name: "css", data: "2"})
	if e := <-ch; e != (event{name: "reload", data: "2"}) {
		t.Errorf("pending event %+v, want a reload for build 2", e)
	}
	b.unsubscribe(ch)
	b.publish(event{name: "reload", data: "3"}) // must not block
}

// serve starts s.Serve on a free loopback port and returns its base URL
// and a function that stops it and reports how long that took.
func serve(t *testing.T, s *Server) (string, func() time.Duration) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	stopped := false
	stop := func() time.Duration {
		if stopped {
			return 0
		}
		stopped = true
		start := time.Now()
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(waitFor):
			t.Fatal("Serve did not return after its context was cancelled")
		}
		return time.Since(start)
	}
	t.Cleanup(func() { stop() })
	return "http://" + ln.Addr().String(), stop
}

// TestShutdownWithOpenStream: Ctrl-C stops the server within a second
// even with a page's event stream open.
func TestShutdownWithOpenStream(t *testing.T) {
	fb := &fakeBuild{files: map[string]string{"index.html": page("One")}}
	s, log := newFakeServer(t, fb)
	base, stop := serve(t, s)
	poll(t, base+"/", contains("<h1>One</h1>"))
	resp, r := openEvents(t, base)
	defer resp.Body.Close()
	if d := stop(); d > time.Second {
		t.Errorf("stopping took %v, want under 1s", d)
	}
	// The stream ends rather than hanging.
	if _, err := r.ReadString('\n'); err == nil {
		if _, err := r.ReadString('\n'); err == nil {
			t.Error("the event stream is still open after shutdown")
		}
	}
	if !strings.Contains(log.String(), "Serving the draft report at http://127.0.0.1:") {
		t.Errorf("log:\n%s", log)
	}
}

// sourceBuild is a build whose front page shows the project's
// config.toml, so a test can see an edit arrive, and which fails when
// the file holds "broken".
func sourceBuild(builds *atomic.Int64) buildFunc {
	return func(ctx context.Context, opts generator.Options) (site.Files, generator.Result, error) {
		builds.Add(1)
		var res generator.Result
		b, err := os.ReadFile(filepath.Join(opts.Source, "config.toml"))
		if err != nil {
			return nil, res, err
		}
		if i := strings.Index(string(b), "broken"); i >= 0 {
			res.Problems.Errorf("config.toml", 2, 1, "broken", "unknown setting")
			return nil, res, generator.ErrProblems
		}
		res.Files = 1
		return site.Files{"index.html": []byte(page(strings.TrimSpace(string(b))))}, res, nil
	}
}

// TestWatcherRebuilds drives rebuilds through the watcher: an edit
// shows, a broken edit shows the panel over the last good page, the fix
// removes it, and a folder created after the start is watched too.
func TestWatcherRebuilds(t *testing.T) {
	var builds atomic.Int64
	s, _ := newFakeServer(t, &fakeBuild{})
	s.build = sourceBuild(&builds)
	dir := s.source
	write(t, filepath.Join(dir, "config.toml"), "Version one\n")
	base, _ := serve(t, s)
	poll(t, base+"/", contains("<h1>Version one</h1>"))

	write(t, filepath.Join(dir, "config.toml"), "Version two\n")
	poll(t, base+"/", contains("<h1>Version two</h1>"))

	write(t, filepath.Join(dir, "config.toml"), "Version two\nbroken\n")
	body := poll(t, base+"/", contains(panelID))
	if !strings.Contains(body, "<h1>Version two</h1>") || !strings.Contains(body, "config.toml:2:1: broken: unknown setting") {
		t.Errorf("broken edit: body\n%s", body)
	}
	write(t, filepath.Join(dir, "config.toml"), "Version three\n")
	body = poll(t, base+"/", contains("<h1>Version three</h1>"))
	if strings.Contains(body, panelID) {
		t.Errorf("the panel stayed after the fix:\n%s", body)
	}

	// layouts/ did not exist at the start; a file in a folder made inside
	// it later still triggers a rebuild.
	for _, sub := range []string{"layouts", "layouts/partials"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
		// Wait for the build the new folder itself causes, so the file
		// below is written after the folder is watched.
		n := builds.Load()
		waitUntil(t, func() bool { return builds.Load() > n })
	}
	n := builds.Load()
	write(t, filepath.Join(dir, "layouts/partials/footer.html"), "<footer></footer>")
	waitUntil(t, func() bool { return builds.Load() > n })
}

// waitUntil polls cond until it holds, failing after waitFor.
func waitUntil(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitFor)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up after %v", waitFor)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestRelevant(t *testing.T) {
	s := &Server{source: filepath.FromSlash("/p")}
	tests := []struct {
		path string
		want bool
	}{
		{"/p/config.toml", true},
		{"/p/content/introduction.md", true},
		{"/p/content", true},
		{"/p/data/children.csv", true},
		{"/p/themes/civic/layouts/page.html", true},
		{"/p/layouts/partials/footer.html", true},
		{"/p/static/css/style.css", true},
		{"/p/output/index.html", false},
		{"/p/README.md", false},
		{"/p/config.toml~", false},
		{"/p/.config.toml.swp", false},
		{"/p/content/introduction.md~", false},
		{"/p/content/.#introduction.md", false},
		{"/p/content/#introduction.md#", false},
		{"/p/content/.introduction.md.swp", false},
		{"/p/content/introduction.md.swx", false},
		{"/p/data/children.csv.tmp", false},
		{"/p/data/4913", false},
		{"/p/data/.~lock.children.csv#", false},
		{"/p/data/tracker.xlsx", true},
		{"/p/data/~$tracker.xlsx", false},
		{"/p/themes/.git/index", false},
		{"/elsewhere/config.toml", false},
	}
	for _, tt := range tests {
		if _, got := s.relevant(filepath.FromSlash(tt.path)); got != tt.want {
			t.Errorf("relevant(%s) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestLocalHost(t *testing.T) {
	tests := []struct {
		host string
		want bool
	}{
		{"localhost", true},
		{"localhost:1313", true},
		{"LOCALHOST:1313", true},
		{"app.localhost:1313", true},
		{"127.0.0.1:1313", true},
		{"127.0.0.2", true},
		{"[::1]:1313", true},
		{"example.com:1313", false},
		{"attacker.example:1313", false},
		{"localhost.example.com", false},
		{"192.168.1.10:1313", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := localHost(tt.host); got != tt.want {
			t.Errorf("localHost(%q) = %v, want %v", tt.host, got, tt.want)
		}
	}
}

// TestHostCheck: a loopback preview refuses a request naming another
// host, as a DNS-rebinding page's would.
func TestHostCheck(t *testing.T) {
	fb := &fakeBuild{files: map[string]string{"index.html": page("One")}}
	s, _ := newFakeServer(t, fb)
	base, _ := serve(t, s)
	poll(t, base+"/", contains("<h1>One</h1>"))
	req, err := http.NewRequest(http.MethodGet, base+"/", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = "attacker.example"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("status %d, want 421", resp.StatusCode)
	}
}

// TestRunPortInUse: a port already taken is a ListenError naming it.
func TestRunPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	s, err := New(Options{Source: t.TempDir(), Port: port})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Run(context.Background())
	var le *ListenError
	if !errors.As(err, &le) || le.Addr != ln.Addr().String() {
		t.Fatalf("Run: %v, want a ListenError for %s", err, ln.Addr())
	}
}

func TestNewRefuses(t *testing.T) {
	file := filepath.Join(t.TempDir(), "config.toml")
	write(t, file, "")
	for _, opts := range []Options{
		{Source: filepath.Join(t.TempDir(), "missing")},
		{Source: file},
		{Source: t.TempDir(), Port: 70000},
	} {
		if s, err := New(opts); err == nil {
			s.Close()
			t.Errorf("New(%+v) succeeded", opts)
		}
	}
}

// TestWatchSymlinkedFolder: data/ may be a link to a folder shared with
// another project; a change there still rebuilds.
func TestWatchSymlinkedFolder(t *testing.T) {
	var builds atomic.Int64
	s, _ := newFakeServer(t, &fakeBuild{})
	s.build = sourceBuild(&builds)
	shared := t.TempDir()
	write(t, filepath.Join(shared, "children.csv"), "child_id\n")
	if err := os.Symlink(shared, filepath.Join(s.source, "data")); err != nil {
		t.Skipf("cannot make a symbolic link here: %v", err)
	}
	base, _ := serve(t, s)
	poll(t, base+"/", contains("<h1>"))
	n := builds.Load()
	write(t, filepath.Join(shared, "children.csv"), "child_id\nC1\n")
	waitUntil(t, func() bool { return builds.Load() > n })
}

// The warning about a preview other computers can see names the address
// the officer gave, not the "::" Go listens on for 0.0.0.0; a preview
// on this computer alone gives no warning.
func TestAnnounce(t *testing.T) {
	for _, tt := range []struct {
		bind string
		addr net.Addr
		want string
	}{
		{"0.0.0.0", &net.TCPAddr{IP: net.IPv6unspecified, Port: 1313},
			"Serving the draft report at http://localhost:1313/ — press Ctrl-C to stop\n" +
				"warning: listening on every network address of this computer (--bind 0.0.0.0), so other computers can open this draft, with its unsuppressed figures; use --bind 127.0.0.1 to keep it on this one\n"},
		{"192.168.1.20", &net.TCPAddr{IP: net.ParseIP("192.168.1.20"), Port: 1313},
			"Serving the draft report at http://192.168.1.20:1313/ — press Ctrl-C to stop\n" +
				"warning: listening on 192.168.1.20, so other computers can open this draft, with its unsuppressed figures; use --bind 127.0.0.1 to keep it on this one\n"},
		{"127.0.0.1", &net.TCPAddr{IP: net.ParseIP("127.0.0.1"), Port: 1313},
			"Serving the draft report at http://127.0.0.1:1313/ — press Ctrl-C to stop\n"},
	} {
		var b syncBuffer
		s := &Server{bind: tt.bind, log: &logger{w: &b}}
		s.announce(tt.addr)
		if b.String() != tt.want {
			t.Errorf("--bind %s: printed\n%q\nwant\n%q", tt.bind, b.String(), tt.want)
		}
	}
}
