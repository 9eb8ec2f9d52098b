package preview

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/adoptionreport/adoptionreport/generator"
	"github.com/adoptionreport/adoptionreport/generator/problem"
	"github.com/adoptionreport/adoptionreport/generator/site"
)

// state is what the handler shows: the last good site and the latest
// build's problems.
type state struct {
	gen      uint64       // finished builds, failed or not; 0 before the first
	site     *builtSite   // the last good site; nil until a build succeeds
	problems problem.List // problems of the latest build, errors first
	failed   bool         // whether the latest build failed
}

// buildID names the build a page shows, so a page served just before a
// rebuild can tell it is out of date when its event stream connects.
func (s *Server) buildID(gen uint64) string {
	return fmt.Sprintf("%s.%d", s.instance, gen)
}

// builtSite is one successful build's files, as generator.Render
// returned them: never changed once built, so requests read them without
// a lock.
type builtSite struct {
	files site.Files
	dirs  map[string]bool // every folder that holds a file
}

// Outcome is what one rebuild did.
type Outcome struct {
	// Problems are the build's problems, errors first. A failure that is
	// not the project's fault (a panic, a full disk) is listed as an
	// error too, so it shows in the panel like any other.
	Problems problem.List
	// Duration is the time the build took.
	Duration time.Duration
	// Files is the number of files the build made; 0 if it failed.
	Files int
}

// Failed reports whether the rebuild failed, leaving the previous pages
// on show.
func (o Outcome) Failed() bool { return o.Problems.HasErrors() }

// Rebuild builds the project once, with drafts, in memory, reading every
// file again. On success the new site replaces the one being served; on
// failure the last good site stays and every page gets the problem
// panel. Either way open pages are told to reload. The error is non-nil
// only when ctx ended or the server was closed first; the outcome is then
// discarded.
func (s *Server) Rebuild(ctx context.Context) (Outcome, error) {
	return s.rebuild(ctx, nil)
}

// rebuild is Rebuild, told which project files changed (nil if not
// known) so that a stylesheet-only change can swap stylesheets in place,
// and a change to pages or the theme alone keeps the data and figures
// the last build computed.
func (s *Server) rebuild(ctx context.Context, changed []string) (Outcome, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer context.AfterFunc(s.life, cancel)()

	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	if err := cmp.Or(s.life.Err(), ctx.Err()); err != nil {
		return Outcome{}, err
	}
	start := time.Now()
	s.cache.Changed(changed)
	files, res, err := s.safeBuild(ctx, generator.Options{Source: s.source, Draft: true, Cache: s.cache})
	var built *builtSite
	if err == nil {
		built = newBuiltSite(files)
	}
	out := Outcome{Duration: time.Since(start), Problems: append(problem.List(nil), res.Problems...)}
	if ctxErr := cmp.Or(s.life.Err(), ctx.Err()); ctxErr != nil {
		return Outcome{}, ctxErr
	}
	if err != nil {
		out.Problems = withBuildError(out.Problems, err)
	} else {
		out.Files = len(files)
	}

	s.mu.Lock()
	prev := s.state
	s.state.gen++
	gen := s.state.gen
	s.state.problems = out.Problems
	s.state.failed = built == nil
	if built != nil {
		s.state.site = built
	}
	s.mu.Unlock()

	s.report(out, prev.gen == 0, built != nil || prev.site != nil)
	kind := "reload"
	if built != nil && prev.site != nil && !prev.failed && onlyStylesheets(changed) {
		kind = "css"
	}
	s.events.publish(event{name: kind, data: s.buildID(gen)})
	if s.afterRebuild != nil {
		s.afterRebuild(out)
	}
	return out, nil
}

// safeBuild calls the build, turning a panic into an error: a bug in one
// stage must not stop the preview the report officer is looking at.
func (s *Server) safeBuild(ctx context.Context, opts generator.Options) (files site.Files, res generator.Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			s.log.printf("internal error in the build (a bug in adoptionreport; please report it with this trace):\npanic: %v\n%s\n", v, debug.Stack())
			err = fmt.Errorf("internal error in the build: panic: %v (a bug in adoptionreport, not in your project; the terminal shows the details to report)", v)
		}
	}()
	return s.build(ctx, opts)
}

// withBuildError adds err to probs as an error, unless err only says that
// probs already holds errors.
func withBuildError(probs problem.List, err error) problem.List {
	if errors.Is(err, generator.ErrProblems) && probs.HasErrors() {
		return probs
	}
	probs = append(probs, problem.Problem{File: "adoptionreport", Message: err.Error(), Severity: problem.Error})
	probs.Sort()
	return probs
}

// onlyStylesheets reports whether every changed file is a stylesheet.
func onlyStylesheets(changed []string) bool {
	if len(changed) == 0 {
		return false
	}
	for _, c := range changed {
		if !strings.EqualFold(filepath.Ext(c), ".css") {
			return false
		}
	}
	return true
}

// report prints a rebuild's problems and duration.
func (s *Server) report(out Outcome, first, serving bool) {
	var b strings.Builder
	out.Problems.Print(&b)
	verb := "rebuilt"
	if first {
		verb = "built"
	}
	ms := out.Duration.Milliseconds()
	switch {
	case !out.Failed():
		fmt.Fprintf(&b, "%s in %d ms", verb, ms)
		if len(out.Problems) > 0 {
			fmt.Fprintf(&b, " (%s)", out.Problems.Summary())
		}
		b.WriteString("\n")
	case serving:
		fmt.Fprintf(&b, "build failed in %d ms: %s; still serving the last good pages, with these problems on each\n", ms, out.Problems.Summary())
	default:
		fmt.Fprintf(&b, "build failed in %d ms: %s; serving a page listing them until they are fixed\n", ms, out.Problems.Summary())
	}
	s.log.printf("%s", b.String())
}
