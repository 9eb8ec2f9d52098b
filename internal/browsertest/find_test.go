package browsertest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFindChrome(t *testing.T) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "chrome")
	plain := filepath.Join(dir, "not-executable")
	for path, mode := range map[string]os.FileMode{exe: 0o755, plain: 0o644} {
		if err := os.WriteFile(path, []byte("#!/bin/sh\n"), mode); err != nil {
			t.Fatal(err)
		}
	}
	onPath := func(names ...string) func(string) (string, error) {
		return func(name string) (string, error) {
			for _, n := range names {
				if n == name {
					return "/bin/" + name, nil
				}
			}
			return "", errors.New("not found")
		}
	}
	tests := []struct {
		name       string
		chromePath string
		path       []string // commands on PATH
		fallback   string
		want       string
		wantErr    string
	}{
		{name: "CHROME_PATH wins", chromePath: exe, path: []string{"chromium"}, want: exe},
		{name: "CHROME_PATH not executable", chromePath: plain, path: []string{"chromium"}, wantErr: "is not an executable file"},
		{name: "CHROME_PATH missing", chromePath: filepath.Join(dir, "nothing"), wantErr: "is not an executable file"},
		{name: "chromium first", path: []string{"google-chrome", "chromium"}, want: "/bin/chromium"},
		{name: "chromium-browser", path: []string{"google-chrome", "chromium-browser"}, want: "/bin/chromium-browser"},
		{name: "google-chrome", path: []string{"google-chrome"}, want: "/bin/google-chrome"},
		{name: "fallback", fallback: exe, want: exe},
		{name: "none", fallback: plain, wantErr: errNoChrome.Error()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := findChrome(tt.chromePath, onPath(tt.path...), tt.fallback)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("findChrome = %q, %v, want error containing %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("findChrome = %q, %v, want %q", got, err, tt.want)
			}
		})
	}
}

// fakeTB records how a helper ended the test: Skipf and Fatalf stop the
// calling goroutine in a real test, so here they panic with stopped.
type fakeTB struct {
	testing.TB
	skipped, fatal string
}

type stopped struct{}

func (*fakeTB) Helper() {}
func (f *fakeTB) Skipf(format string, args ...any) {
	f.skipped = fmt.Sprintf(format, args...)
	panic(stopped{})
}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.fatal = fmt.Sprintf(format, args...)
	panic(stopped{})
}

// run calls f with tb and recovers from the fake Skipf or Fatalf.
func (f *fakeTB) run(fn func(testing.TB)) {
	defer func() {
		if r := recover(); r != nil && r != (stopped{}) {
			panic(r)
		}
	}()
	fn(f)
}

func TestMissing(t *testing.T) {
	tests := []struct {
		require   string
		wantSkip  bool
		wantWords []string
	}{
		{require: "", wantSkip: true, wantWords: []string{"Chromium not found", "apt-get install chromium", "bash scripts/install-browser-deps.sh"}},
		{require: "1", wantSkip: false, wantWords: []string{"Chromium not found", RequireEnv, "CI requires", "bash scripts/install-browser-deps.sh"}},
	}
	for _, tt := range tests {
		t.Run(RequireEnv+"="+tt.require, func(t *testing.T) {
			t.Setenv(RequireEnv, tt.require)
			var f fakeTB
			f.run(func(tb testing.TB) { missing(tb, "Chromium", "`apt-get install chromium`") })
			msg := f.fatal
			if tt.wantSkip {
				msg = f.skipped
			}
			if msg == "" || (f.skipped != "") == (f.fatal != "") {
				t.Fatalf("skipped %q, failed %q; want only a %s", f.skipped, f.fatal, map[bool]string{true: "skip", false: "failure"}[tt.wantSkip])
			}
			for _, w := range tt.wantWords {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q does not say %q", msg, w)
				}
			}
		})
	}
}

func TestRepoRoot(t *testing.T) {
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "internal", "browsertest", "find.go")); err != nil {
		t.Errorf("repoRoot = %q, which does not hold this package: %v", root, err)
	}
}
