package chrome

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// ErrNotFound is the error Find returns, wrapped in installation advice,
// when it finds no Chromium or Chrome anywhere it looks.
var ErrNotFound = errors.New("no Chromium or Chrome found")

// names are the commands that start Chromium or Chrome, most likely first
// on Debian and Ubuntu.
var names = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// fallback is where Debian installs Chromium, for when PATH is bare (cron,
// some CI runners).
const fallback = "/usr/bin/chromium"

// Find returns the path of the Chromium or Chrome to use. It tries, in
// order: explicit (the pdf command's --chrome flag) if not blank,
// $CHROME_PATH if set, chromium, chromium-browser, google-chrome and
// google-chrome-stable on PATH, and /usr/bin/chromium. An explicit path or
// $CHROME_PATH that does not name an executable is an error, not a reason
// to try the next: the user asked for that browser. Finding none gives an
// error wrapping ErrNotFound that says how to install Chromium, or how to
// print the report without it.
func Find(explicit string) (string, error) {
	return finder{lookPath: exec.LookPath, getenv: os.Getenv, fallback: fallback}.find(explicit)
}

// finder is Find with its surroundings replaceable, for tests.
type finder struct {
	lookPath func(string) (string, error)
	getenv   func(string) string
	fallback string
}

func (f finder) find(explicit string) (string, error) {
	if explicit != "" {
		return f.named(explicit, "--chrome")
	}
	if env := f.getenv("CHROME_PATH"); env != "" {
		return f.named(env, "CHROME_PATH")
	}
	for _, n := range names {
		if p, err := f.lookPath(n); err == nil {
			return p, nil
		}
	}
	if isExecutable(f.fallback) {
		return f.fallback, nil
	}
	return "", fmt.Errorf("%w: install Chromium (on Debian or Ubuntu: apt-get install chromium), "+
		"or give the path of Chromium or Chrome with --chrome or $CHROME_PATH; "+
		"without a browser here, open output/print.html in any browser and print it to PDF", ErrNotFound)
}

// named resolves a browser the user named, by path or by command name;
// source says where the name came from, for the error.
func (f finder) named(s, source string) (string, error) {
	if filepath.Base(s) == s { // a bare name, such as chromium
		if p, err := f.lookPath(s); err == nil {
			return p, nil
		}
		return "", fmt.Errorf("%s %s: no such command on PATH; give the full path of Chromium or Chrome", source, s)
	}
	if !isExecutable(s) {
		return "", fmt.Errorf("%s %s: not an executable file; give the full path of Chromium or Chrome", source, s)
	}
	return s, nil
}

// isExecutable reports whether path is a regular file someone may execute.
// Windows has no execute permission bits, so there any file will do.
func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && (runtime.GOOS == "windows" || fi.Mode().Perm()&0o111 != 0)
}
