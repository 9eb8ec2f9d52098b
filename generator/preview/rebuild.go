package preview

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"slices"
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
	problems problem.List // problems of the latest whole build, errors first
	failed   bool         // whether the latest whole build failed
	// shown is, in a regional edition, the build whose pages each part of
	// the site shows (a council's report by its code, "" the overview):
	// a part a build left as it was keeps its build, so that its readers
	// are not reloaded for nothing. Without it every page shows build gen.
	shown map[string]uint64
}

// pageGen is the build whose pages of scope (see builtSite.scope) are on
// show: a page compares it with its own to know it is out of date.
func (st state) pageGen(scope string) uint64 {
	if g, ok := st.shown[scope]; ok {
		return g
	}
	return st.gen
}

// showing is shown for site, put in place by build gen after prev: the
// parts changed show gen, the others what they showed.
func showing(site *builtSite, changed map[string]bool, prev state, gen uint64) map[string]uint64 {
	shown := map[string]uint64{}
	for _, part := range site.parts() {
		if changed[part] {
			shown[part] = gen
		} else {
			shown[part] = prev.pageGen(part)
		}
	}
	return shown
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
	files    site.Files
	dirs     map[string]bool // every folder that holds a file
	councils map[string]bool // a regional edition's councils' codes
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
	// Councils, when not nil, says the rebuild was a fast pass: it
	// rendered only these councils' reports, the ones open in a browser,
	// and Problems are theirs. The whole set follows.
	Councils []string
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
//
// In a regional edition, when some councils' reports are open in a
// browser, it first renders those alone (a fast pass: a page every
// council shares is 150 reports to render again at the scale of
// England) and returns; its Outcome names them, and the caller then
// rebuilds the whole set with rebuild(ctx, []string{}).
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
	if first := s.openCouncils(changed); first != nil {
		if out, ok := s.fastPass(ctx, first, start); ok {
			return out, nil
		}
	}
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
	s.state.shown = nil
	var changedParts map[string]bool // nil: every page reloads
	if built != nil {
		s.state.site = built
		if len(built.councils) > 0 && prev.site != nil && !prev.failed {
			// A regional edition after a good build: only the parts
			// this build changed show it.
			changedParts = built.changedParts(prev.site)
			s.state.shown = showing(built, changedParts, prev, gen)
		}
	}
	s.mu.Unlock()

	verb := "rebuilt"
	switch {
	case prev.gen == 0:
		verb = "built"
	case changed != nil && len(changed) == 0:
		verb = "rebuilt the whole set" // after a fast pass
	}
	s.report(out, verb, built != nil || prev.site != nil, slices.Equal(out.Problems, prev.problems))
	kind := "reload"
	if built != nil && prev.site != nil && !prev.failed && onlyStylesheets(changed) {
		kind = "css"
	}
	var to func(string) bool
	if changedParts != nil {
		to = func(scope string) bool { return changedParts[scope] }
	}
	s.events.publishTo(event{name: kind, data: s.buildID(gen)}, to)
	if s.afterRebuild != nil {
		s.afterRebuild(out)
	}
	return out, nil
}

// openCouncils are the councils to render first after changed, sorted:
// in a regional edition, those whose reports are open in a browser, when
// the change is to something every report is made from (a shared page,
// the theme, the data). It is nil when no council's report is open, when
// every council's is (the whole set is as quick), when only councils'
// own pages changed, when nothing changed (the whole set's build after
// a fast pass), and when a fast pass could show the wrong thing:
// config.toml changed (it may list other councils), the change is not
// known, the last build failed (its panel is on every page), or only
// stylesheets changed (swapped in place once the whole set is built).
func (s *Server) openCouncils(changed []string) []string {
	if len(changed) == 0 || onlyStylesheets(changed) || slices.Contains(changed, generator.ConfigFile) || slices.Contains(changed, "?") {
		return nil
	}
	s.mu.RLock()
	st := s.state
	s.mu.RUnlock()
	if st.site == nil || st.failed || !slices.ContainsFunc(changed, st.site.shared) {
		// Councils' own pages alone: the whole set's build renders
		// those councils' reports alone.
		return nil
	}
	var codes []string
	for scope := range s.events.scopes() {
		if st.site.councils[scope] {
			codes = append(codes, scope)
		}
	}
	if len(codes) == 0 || len(codes) == len(st.site.councils) {
		return nil
	}
	slices.Sort(codes)
	return codes
}

// fastPass renders councils' reports alone, puts them in place of their
// last ones and tells their readers to reload. It reports false, having
// shown nothing, when they do not build: the whole set's build then
// finds every problem at once.
func (s *Server) fastPass(ctx context.Context, councils []string, start time.Time) (Outcome, bool) {
	files, res, err := s.safeBuild(ctx, generator.Options{Source: s.source, Draft: true, Cache: s.cache, Councils: councils})
	if err != nil || cmp.Or(s.life.Err(), ctx.Err()) != nil {
		return Outcome{}, false
	}
	out := Outcome{Duration: time.Since(start), Problems: res.Problems, Files: len(files), Councils: councils}
	s.mu.Lock()
	prev := s.state
	s.state.gen++
	gen := s.state.gen
	s.state.site = prev.site.withCouncils(files, councils)
	changedParts := s.state.site.changedParts(prev.site)
	s.state.shown = showing(s.state.site, changedParts, prev, gen)
	s.mu.Unlock()

	s.log.printf("rebuilt %s in %d ms; the other councils' reports follow\n", strings.Join(councils, ", "), out.Duration.Milliseconds())
	s.events.publishTo(event{name: "reload", data: s.buildID(gen)}, func(scope string) bool { return changedParts[scope] })
	if s.afterRebuild != nil {
		s.afterRebuild(out)
	}
	return out, true
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

// report prints a rebuild's problems and duration, after verb ("built"
// for the first build). Warnings the last build printed (same says so)
// are counted, not listed again: at the scale of England a list of them
// on every save would bury the news.
func (s *Server) report(out Outcome, verb string, serving, same bool) {
	var b strings.Builder
	again := same && verb != "built" && !out.Failed()
	if !again {
		out.Problems.Print(&b)
	}
	ms := out.Duration.Milliseconds()
	switch {
	case !out.Failed():
		fmt.Fprintf(&b, "%s in %d ms", verb, ms)
		if len(out.Problems) > 0 {
			fmt.Fprintf(&b, " (%s", out.Problems.Summary())
			if again {
				b.WriteString(", the same as before")
			}
			b.WriteString(")")
		}
		b.WriteString("\n")
	case serving:
		fmt.Fprintf(&b, "build failed in %d ms: %s; still serving the last good pages, with these problems on each\n", ms, out.Problems.Summary())
	default:
		fmt.Fprintf(&b, "build failed in %d ms: %s; serving a page listing them until they are fixed\n", ms, out.Problems.Summary())
	}
	s.log.printf("%s", b.String())
}
