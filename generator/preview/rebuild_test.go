package preview

import (
	"net/http"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/problem"
)

const panelID = `id="adoptionreport-preview-problems"`

// TestFailedRebuildKeepsLastGood: a broken edit leaves the last good
// pages on show with the panel; fixing it shows the new pages without.
func TestFailedRebuildKeepsLastGood(t *testing.T) {
	fb := &fakeBuild{files: map[string]string{"index.html": page("Version one")}}
	s, log := newFakeServer(t, fb)
	rebuild(t, s)

	var probs problem.List
	probs.Errorf("config.toml", 3, 1, "reprot_year", "unknown setting (did you mean report_year?)")
	fb.set(map[string]string{"index.html": page("Version two")}, probs)
	out := rebuild(t, s)
	if !out.Failed() || out.Files != 0 {
		t.Fatalf("outcome %+v, want a failure", out)
	}
	rec := get(t, s.Handler(), "/")
	body := rec.Body.String()
	if rec.Code != http.StatusOK || !strings.Contains(body, "Version one") || !strings.Contains(body, panelID) ||
		!strings.Contains(body, "config.toml:3:1: reprot_year: unknown setting") || !strings.Contains(body, "last good version") {
		t.Errorf("after a failed rebuild: status %d, body\n%s", rec.Code, body)
	}
	if !strings.Contains(log.String(), "config.toml:3:1: reprot_year") || !strings.Contains(log.String(), "still serving the last good pages") {
		t.Errorf("the log does not report the failure:\n%s", log)
	}

	fb.set(map[string]string{"index.html": page("Version three")}, nil)
	if out := rebuild(t, s); out.Failed() {
		t.Fatalf("outcome %+v, want success", out)
	}
	body = get(t, s.Handler(), "/").Body.String()
	if !strings.Contains(body, "Version three") || strings.Contains(body, panelID) {
		t.Errorf("after the fix, body\n%s", body)
	}
}

// TestFirstBuildFails: with no good build yet every page is an error
// page listing the problems, until the project is fixed.
func TestFirstBuildFails(t *testing.T) {
	var probs problem.List
	probs.Errorf("data/children.csv", 14, 10, "matched", `"31/02/2024" is not a date`)
	fb := &fakeBuild{problems: probs}
	s, log := newFakeServer(t, fb)

	if rec := get(t, s.Handler(), "/"); rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "Building the report") {
		t.Errorf("before any build: status %d, body\n%s", rec.Code, rec.Body)
	}
	rebuild(t, s)
	for _, target := range []string{"/", "/children/"} {
		rec := get(t, s.Handler(), target)
		body := rec.Body.String()
		if rec.Code != http.StatusInternalServerError || !strings.Contains(body, "cannot be built") ||
			!strings.Contains(body, "data/children.csv:14:10: matched: &#34;31/02/2024&#34; is not a date") ||
			!strings.Contains(body, `src="/_preview/reload.js"`) {
			t.Errorf("GET %s: status %d, body\n%s", target, rec.Code, body)
		}
		if csp := rec.Header().Get("Content-Security-Policy"); csp != "default-src 'self'" {
			t.Errorf("GET %s: Content-Security-Policy %q", target, csp)
		}
	}
	if !strings.Contains(log.String(), "serving a page listing them") {
		t.Errorf("log:\n%s", log)
	}

	fb.set(map[string]string{"index.html": page("Fixed")}, nil)
	rebuild(t, s)
	rec := get(t, s.Handler(), "/")
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "Fixed") || strings.Contains(rec.Body.String(), panelID) {
		t.Errorf("after the fix: status %d, body\n%s", rec.Code, rec.Body)
	}
}

// TestBuildPanic: a bug in the build is shown like a problem, and the
// server goes on.
func TestBuildPanic(t *testing.T) {
	fb := &fakeBuild{files: map[string]string{"index.html": page("Good")}}
	s, log := newFakeServer(t, fb)
	rebuild(t, s)
	fb.mu.Lock()
	fb.panicMsg = "index out of range <3>"
	fb.mu.Unlock()
	out := rebuild(t, s)
	if !out.Failed() || !strings.Contains(out.Problems.Error(), "panic: index out of range <3>") {
		t.Fatalf("outcome problems:\n%s", out.Problems.Error())
	}
	body := get(t, s.Handler(), "/").Body.String()
	if !strings.Contains(body, "Good") || !strings.Contains(body, "panic: index out of range &lt;3&gt;") {
		t.Errorf("body:\n%s", body)
	}
	if !strings.Contains(log.String(), "goroutine") {
		t.Errorf("the log has no stack trace to report:\n%s", log)
	}
	fb.set(map[string]string{"index.html": page("Good again")}, nil)
	if out := rebuild(t, s); out.Failed() {
		t.Errorf("after the panic, a good build failed: %v", out.Problems)
	}
}

func TestReport(t *testing.T) {
	var warn problem.List
	warn.Warnf("data/children.csv", 22, 5, "ethnicity", "blank")
	var errs problem.List
	errs.Errorf("config.toml", 3, 1, "x", "unknown setting")
	tests := []struct {
		name          string
		out           Outcome
		verb          string
		serving, same bool
		want          string
	}{
		{"first", Outcome{Duration: 38_400_000}, "built", true, false, "built in 38 ms\n"},
		{"again", Outcome{Duration: 5_000_000}, "rebuilt", true, true, "rebuilt in 5 ms\n"},
		{"warnings", Outcome{Duration: 5_000_000, Problems: warn}, "rebuilt", true, false,
			"Warnings:\n  data/children.csv:22:5: ethnicity: blank\nrebuilt in 5 ms (0 errors, 1 warning)\n"},
		{"the same warnings", Outcome{Duration: 5_000_000, Problems: warn}, "rebuilt", true, true,
			"rebuilt in 5 ms (0 errors, 1 warning, the same as before)\n"},
		{"the first build's warnings", Outcome{Duration: 5_000_000, Problems: warn}, "built", true, true,
			"Warnings:\n  data/children.csv:22:5: ethnicity: blank\nbuilt in 5 ms (0 errors, 1 warning)\n"},
		{"failed", Outcome{Duration: 7_000_000, Problems: errs}, "rebuilt", true, false,
			"Errors:\n  config.toml:3:1: x: unknown setting\nbuild failed in 7 ms: 1 error, 0 warnings; still serving the last good pages, with these problems on each\n"},
		{"the whole set after a fast pass", Outcome{Duration: 540_000_000, Problems: warn}, "rebuilt the whole set", true, true,
			"rebuilt the whole set in 540 ms (0 errors, 1 warning, the same as before)\n"},
		{"failed the same way", Outcome{Duration: 7_000_000, Problems: errs}, "rebuilt", true, true,
			"Errors:\n  config.toml:3:1: x: unknown setting\nbuild failed in 7 ms: 1 error, 0 warnings; still serving the last good pages, with these problems on each\n"},
	}
	for _, tt := range tests {
		var b syncBuffer
		s := &Server{log: &logger{w: &b}}
		s.report(tt.out, tt.verb, tt.serving, tt.same)
		if b.String() != tt.want {
			t.Errorf("%s: printed\n%q\nwant\n%q", tt.name, b.String(), tt.want)
		}
	}
}
