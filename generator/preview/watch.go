package preview

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/adoptionreport/adoptionreport/generator"
)

// watchedDirs are the project folders watched with everything in them:
// the inputs of a build besides config.toml, which is watched through
// the project folder. static/ overrides the theme's stylesheet and
// scripts, as layouts/ does its templates (docs/theming.md).
var watchedDirs = []string{"content", "data", "themes", "layouts", "static"}

// ignoredName reports whether a file name is an editor's temporary or
// backup file, or a hidden file: saving them must not cause a rebuild.
func ignoredName(name string) bool {
	switch {
	case strings.HasPrefix(name, "."), // dotfiles, and Emacs's .#lock files
		strings.HasSuffix(name, "~"),                                // Emacs and Vim backups
		len(name) > 1 && name[0] == '#' && name[len(name)-1] == '#', // Emacs auto-save
		name == "4913",                // Vim's test of whether it may write to a folder
		strings.HasPrefix(name, "~$"): // Excel's note of who has a workbook open
		return true
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".swp", ".swx", ".swo", ".tmp":
		return true
	}
	return false
}

// relevant returns the slash-separated project path of a file event, or
// false if the file is not one the build reads: config.toml, or a file
// in a watched folder, and not an editor's temporary file.
func (s *Server) relevant(name string) (string, bool) {
	rel, err := filepath.Rel(s.source, name)
	if err != nil || !filepath.IsLocal(rel) {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	parts := strings.Split(rel, "/")
	if len(parts) == 1 && rel == generator.ConfigFile {
		return rel, true
	}
	if !slices.Contains(watchedDirs, parts[0]) {
		return "", false
	}
	if slices.ContainsFunc(parts, ignoredName) {
		return "", false
	}
	return rel, true
}

// watcher watches the project and rebuilds it after each burst of
// changes.
type watcher struct {
	s   *Server
	fsw *fsnotify.Watcher
}

// newWatcher watches the project folder itself (for config.toml, and
// for a watched folder created later) and every watched folder that
// exists, with all the folders in it.
func (s *Server) newWatcher() (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{s: s, fsw: fsw}
	if err := fsw.Add(s.source); err != nil {
		fsw.Close()
		return nil, err
	}
	for _, d := range watchedDirs {
		if err := w.addTree(filepath.Join(s.source, d)); err != nil {
			fsw.Close()
			return nil, err
		}
	}
	return w, nil
}

// addTree watches dir and every folder under it; a dir that does not
// exist is no error, as a project need not have themes/ or layouts/. dir
// itself may be a symbolic link to a folder (a data/ shared with another
// project, say); links further down are not followed, so a link loop
// cannot trap the walk.
func (w *watcher) addTree(dir string) error {
	info, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil || !info.IsDir() {
		return err
	}
	if err := w.fsw.Add(dir); err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() && !ignoredName(e.Name()) {
			if err := w.addTree(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// run handles events until ctx ends. A rebuild starts once the project
// has been quiet for the debounce time, so a save that touches several
// files, or writes one in steps, builds once. After a fast pass (the
// councils open in a browser) the whole set builds in the background,
// and gives way to the next change: the reports it has rendered by then
// stay in the cache.
func (w *watcher) run(ctx context.Context) {
	defer w.fsw.Close()
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	changed := map[string]bool{}
	stopRest := func() {}
	var restDone chan struct{}
	defer func() {
		stopRest()
		if restDone != nil {
			<-restDone
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			rel, ok := w.s.relevant(ev.Name)
			if !ok {
				continue
			}
			if ev.Has(fsnotify.Create) {
				// A folder created (or moved in) later: watch it and what it holds.
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
					if err := w.addTree(ev.Name); err != nil {
						w.s.log.printf("watching %s: %v; changes in it will not rebuild the preview\n", rel, err)
					}
				}
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			changed[rel] = true
			quiet.Reset(w.s.debounce)
			stopRest()
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			// Most likely the kernel's event queue overflowed: some
			// change may have been missed, so rebuild to be sure.
			w.s.log.printf("watching the project: %v\n", err)
			changed["?"] = true
			quiet.Reset(w.s.debounce)
			stopRest()
		case <-quiet.C:
			stopRest()
			if restDone != nil {
				<-restDone
				restDone = nil
			}
			files := make([]string, 0, len(changed))
			for f := range changed {
				files = append(files, f)
			}
			clear(changed)
			out, err := w.s.rebuild(ctx, files)
			if err != nil {
				return
			}
			if out.Councils != nil {
				restCtx, cancel := context.WithCancel(ctx)
				done := make(chan struct{})
				stopRest, restDone = cancel, done
				go func() {
					defer close(done)
					// An error only says the build gave way to a newer change.
					_, _ = w.s.rebuild(restCtx, []string{})
				}()
			}
		}
	}
}
