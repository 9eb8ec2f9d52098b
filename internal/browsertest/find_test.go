package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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
	// A made-up dependency, marked as announced already: the fake skip
	// must print no line, nor stop a real skip from printing one.
	const what = "Test Dependency"
	announced.Store(what, true)
	tests := []struct {
		require   string
		wantSkip  bool
		wantWords []string
	}{
		{require: "", wantSkip: true, wantWords: []string{what + " not found", "apt-get install test-dependency", "bash scripts/install-browser-deps.sh"}},
		{require: "1", wantSkip: false, wantWords: []string{what + " not found", requireEnv, "CI requires", "bash scripts/install-browser-deps.sh"}},
	}
	for _, tt := range tests {
		t.Run(requireEnv+"="+tt.require, func(t *testing.T) {
			t.Setenv(requireEnv, tt.require)
			var f fakeTB
			f.run(func(tb testing.TB) { missing(tb, what, "`apt-get install test-dependency`") })
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

// The line announceSkip prints names the package, what is missing and the
// command that installs it.
func TestSkipLine(t *testing.T) {
	got := skipLine("Chromium")
	want := "internal/browsertest: skipped the tests that need Chromium (not found); to run them: bash scripts/install-browser-deps.sh\n"
	if got != want {
		t.Errorf("skipLine = %q, want %q", got, want)
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
