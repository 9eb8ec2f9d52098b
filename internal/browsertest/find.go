package browsertest

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/adoptionreport/adoptionreport/internal/chrome"
)

// requireEnv is the environment variable that turns a missing browser, Java
// runtime or npm dev dependency from a skipped test into a failed one. CI
// sets it, so that a broken install cannot pass as a run with no browser test.
const requireEnv = "ADOPTIONREPORT_REQUIRE_BROWSER"

// installHint tells a developer how to get every dependency at once.
const installHint = "bash scripts/install-browser-deps.sh"

// skipShort skips the test under go test -short, the quick loop for
// development: the tests that drive a browser, Java or poppler take
// minutes on a small machine. CI runs without -short.
func skipShort(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("needs a browser or other external program: skipped under -short")
	}
}

// missing skips the test, or fails it when requireEnv is set. what names the
// dependency and how says how to install that one alone.
func missing(t testing.TB, what, how string) {
	t.Helper()
	if os.Getenv(requireEnv) != "" {
		t.Fatalf("%s not found, and %s is set: CI requires the browser tests to run; install it with %s (or %s)",
			what, requireEnv, how, installHint)
	}
	announceSkip(what)
	t.Skipf("%s not found: install it with %s (or %s) to run browser tests", what, how, installHint)
}

// announced holds the dependencies announceSkip has already reported in
// this test binary, one package's tests.
var announced sync.Map

// announceSkip tells the developer, once per package and missing
// dependency, that tests were skipped for want of it. go test shows a
// skipped test's message only with -v, and hides everything a passing
// package prints, so the line goes straight to the terminal (/dev/tty);
// with no terminal (CI, an editor) it goes to stderr, where -v shows it.
// A result go test replays from its cache prints nothing, as the tests
// did not run; the line shows again whenever they do.
func announceSkip(what string) {
	if _, done := announced.LoadOrStore(what, true); done {
		return
	}
	line := skipLine(what)
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer tty.Close()
		if _, err := io.WriteString(tty, line); err == nil {
			return
		}
	}
	fmt.Fprint(os.Stderr, line)
}

// Chrome returns the path of the Chromium or Chrome executable, found as the
// pdf command finds it (see chrome.Find): $CHROME_PATH if set, else chromium
// and its kin on PATH, else /usr/bin/chromium. Without one it skips the test,
// or fails it when ADOPTIONREPORT_REQUIRE_BROWSER is set; a CHROME_PATH that
// is not an executable always fails it. Under -short it skips the test: every
// test that needs a browser is slow.
func Chrome(t testing.TB) string {
	t.Helper()
	skipShort(t)
	path, err := chrome.Find("")
	switch {
	case errors.Is(err, chrome.ErrNotFound):
		missing(t, "Chromium", "`apt-get install chromium`")
	case err != nil:
		t.Fatal(err)
	}
	return path
}

// Command returns the path of the program name on PATH, such as pdfinfo, for
// a test that runs it. Without it it skips the test, or fails it when
// ADOPTIONREPORT_REQUIRE_BROWSER is set; how says how to install it alone
// (the package holding it). Under -short it skips the test, as Chrome does.
func Command(t testing.TB, name, how string) string {
	t.Helper()
	skipShort(t)
	path, err := exec.LookPath(name)
	if err != nil {
		missing(t, name, how)
	}
	return path
}

// AxeSource returns the source of axe-core (node_modules/axe-core/axe.min.js
// under the repository root), to evaluate in a page. Without it it skips the
// test, or fails it when ADOPTIONREPORT_REQUIRE_BROWSER is set, and under
// -short it skips it.
func AxeSource(t testing.TB) string {
	t.Helper()
	skipShort(t)
	path := nodeModule(t, "axe-core/axe.min.js")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading axe-core: %v", err)
	}
	return string(b)
}

// vnu returns the Java runtime and the Nu Html Checker's jar
// (node_modules/vnu-jar/build/dist/vnu.jar under the repository root).
// Without either it skips the test, or fails it when
// ADOPTIONREPORT_REQUIRE_BROWSER is set, and under -short it skips it.
func vnu(t testing.TB) (javaPath, jarPath string) {
	t.Helper()
	javaPath = Command(t, "java", "`apt-get install openjdk-17-jre-headless` (for the Nu Html Checker)")
	return javaPath, nodeModule(t, "vnu-jar/build/dist/vnu.jar")
}

// nodeModule returns the path of a file under the repository's
// node_modules, or skips or fails the test as missing does.
func nodeModule(t testing.TB, rel string) string {
	t.Helper()
	root, err := repoRoot()
	if err != nil {
		t.Fatalf("finding the repository root: %v", err)
	}
	path := filepath.Join(root, "node_modules", filepath.FromSlash(rel))
	if _, err := os.Stat(path); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("%s: %v", path, err)
		}
		missing(t, "node_modules/"+rel, "`npm ci --ignore-scripts` in "+root)
	}
	return path
}

// skipLine is announceSkip's line for the package whose tests are running
// (go test runs them in its directory).
func skipLine(what string) string {
	pkg := "."
	if root, err := repoRoot(); err == nil {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(root, wd); err == nil {
				pkg = filepath.ToSlash(rel)
			}
		}
	}
	return fmt.Sprintf("%s: skipped the tests that need %s (not found); to run them: %s\n", pkg, what, installHint)
}

// repoRoot returns the nearest directory at or above the working directory
// that holds go.mod; go test runs each package's tests in its own directory.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			wd, _ := os.Getwd()
			return "", fmt.Errorf("no go.mod in %s or any directory above it", wd)
		}
		dir = parent
	}
}
