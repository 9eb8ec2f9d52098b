package browsertest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// RequireEnv is the environment variable that turns a missing browser, Java
// runtime or npm dev dependency from a skipped test into a failed one. CI
// sets it, so that a broken install cannot pass as a run with no browser test.
const RequireEnv = "ADOPTIONREPORT_REQUIRE_BROWSER"

// installHint tells a developer how to get every dependency at once.
const installHint = "bash scripts/install-browser-deps.sh"

// missing skips the test, or fails it when RequireEnv is set. what names the
// dependency and how says how to install that one alone.
func missing(t testing.TB, what, how string) {
	t.Helper()
	if os.Getenv(RequireEnv) != "" {
		t.Fatalf("%s not found, and %s is set: CI requires the browser tests to run; install it with %s (or %s)",
			what, RequireEnv, how, installHint)
	}
	t.Skipf("%s not found: install it with %s (or %s) to run browser tests", what, how, installHint)
}

// chromeNames are the commands that start Chromium or Chrome, most likely
// first on Debian; chromeFallback is where Debian puts it, for a PATH
// without /usr/bin.
var (
	chromeNames    = []string{"chromium", "chromium-browser", "google-chrome"}
	chromeFallback = "/usr/bin/chromium"
)

// Chrome returns the path of the Chromium executable: $CHROME_PATH if set,
// else the first of chromium, chromium-browser and google-chrome on PATH,
// else /usr/bin/chromium. Without one it skips the test, or fails it when
// RequireEnv is set; a CHROME_PATH that is not an executable always fails it.
func Chrome(t testing.TB) string {
	t.Helper()
	path, err := findChrome(os.Getenv("CHROME_PATH"), exec.LookPath, chromeFallback)
	switch {
	case errors.Is(err, errNoChrome):
		missing(t, "Chromium", "`apt-get install chromium`")
	case err != nil:
		t.Fatal(err)
	}
	return path
}

// errNoChrome means no browser was found where findChrome looks.
var errNoChrome = errors.New("no Chromium found")

// findChrome is Chrome's search, with the environment passed in for tests.
func findChrome(chromePath string, lookPath func(string) (string, error), fallback string) (string, error) {
	if chromePath != "" {
		if isExecutable(chromePath) {
			return chromePath, nil
		}
		// A wrong CHROME_PATH is a mistake to report, not to paper over
		// by silently testing with another browser.
		return "", fmt.Errorf("CHROME_PATH=%q is not an executable file: fix or unset it", chromePath)
	}
	for _, name := range chromeNames {
		if p, err := lookPath(name); err == nil {
			return p, nil
		}
	}
	if isExecutable(fallback) {
		return fallback, nil
	}
	return "", errNoChrome
}

// isExecutable reports whether path is a regular file someone may execute.
func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}

// AxeSource returns the source of axe-core (node_modules/axe-core/axe.min.js
// under the repository root), to evaluate in a page. Without it it skips the
// test, or fails it when RequireEnv is set.
func AxeSource(t testing.TB) string {
	t.Helper()
	path := nodeModule(t, "axe-core/axe.min.js")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading axe-core: %v", err)
	}
	return string(b)
}

// VNU returns the Java runtime and the Nu Html Checker's jar
// (node_modules/vnu-jar/build/dist/vnu.jar under the repository root).
// Without either it skips the test, or fails it when RequireEnv is set.
func VNU(t testing.TB) (javaPath, jarPath string) {
	t.Helper()
	javaPath, err := exec.LookPath("java")
	if err != nil {
		missing(t, "Java (for the Nu Html Checker)", "`apt-get install openjdk-17-jre-headless`")
		return "", ""
	}
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
		missing(t, path, "`npm ci --ignore-scripts` in "+root)
	}
	return path
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
