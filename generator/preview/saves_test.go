package preview

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// TestSaveBursts measures what the debounce must cover: the longest gap
// between the events of one save, as the watcher sees them (editors'
// temporary files and Chmod left out), for the editors on this machine
// and the ways of saving they use. It only measures, so it runs when
// ADOPTIONREPORT_MEASURE_SAVES is set:
//
//	ADOPTIONREPORT_MEASURE_SAVES=1 go test ./generator/preview -run TestSaveBursts -v
func TestSaveBursts(t *testing.T) {
	if os.Getenv("ADOPTIONREPORT_MEASURE_SAVES") == "" {
		t.Skip("set ADOPTIONREPORT_MEASURE_SAVES=1 to measure editors' saves")
	}
	const text = "+++\ntitle = \"Summary\"\n+++\nText.\n"
	vim := func(set string) func(string) error {
		return func(page string) error {
			return exec.Command("vim", "-N", "-u", "DEFAULTS", "-i", "NONE", "-es", "-c", set, "-c", "normal Goline", "-c", "wq", page).Run()
		}
	}
	saves := []struct {
		name string
		save func(page string) error
		tool string // the program it needs, if any
	}{
		{"vim", vim("set nobackup"), "vim"},
		{"vim, backup by renaming", vim("set backup writebackup backupcopy=no"), "vim"},
		{"vim, backup by copying", vim("set backup writebackup backupcopy=yes"), "vim"},
		{"sed -i (write a copy, rename)", func(page string) error { return exec.Command("sed", "-i", "$a line", page).Run() }, "sed"},
		{"rewrite in place, fsync between two writes", func(page string) error {
			f, err := os.Create(page)
			if err != nil {
				return err
			}
			defer f.Close()
			f.WriteString(text)
			f.Sync()
			_, err = f.WriteString("line\n")
			return err
		}, ""},
		{"safe write (JetBrains: copy, two renames, delete)", func(page string) error {
			tmp, old := page+"___jb_tmp___", page+"___jb_old___"
			if err := os.WriteFile(tmp, []byte(text+"line\n"), 0o644); err != nil {
				return err
			}
			if err := os.Rename(page, old); err != nil {
				return err
			}
			if err := os.Rename(tmp, page); err != nil {
				return err
			}
			return os.Remove(old)
		}, ""},
	}
	s := &Server{source: t.TempDir()}
	page := filepath.Join(s.source, "content", "summary.md")
	write(t, page, text)
	for _, sv := range saves {
		if _, err := exec.LookPath(sv.tool); sv.tool != "" && err != nil {
			t.Logf("%s: no %s here", sv.name, sv.tool)
			continue
		}
		var gap time.Duration
		for range 10 {
			write(t, page, text)
			fsw, err := fsnotify.NewWatcher()
			if err != nil {
				t.Fatal(err)
			}
			if err := fsw.Add(filepath.Dir(page)); err != nil {
				t.Fatal(err)
			}
			// Events are timed as they arrive, while the save runs.
			times := make(chan time.Time, 64)
			go func() {
				defer close(times)
				for {
					select {
					case ev := <-fsw.Events:
						if _, ok := s.relevant(ev.Name); ok && ev.Op != fsnotify.Chmod {
							times <- time.Now()
						}
					case <-time.After(200 * time.Millisecond):
						return
					}
				}
			}()
			if err := sv.save(page); err != nil {
				t.Fatalf("%s: %v", sv.name, err)
			}
			var last time.Time
			for now := range times {
				if !last.IsZero() && now.Sub(last) > gap {
					gap = now.Sub(last)
				}
				last = now
			}
			fsw.Close()
		}
		t.Logf("%s: longest gap between one save's events, over 10 saves: %v", sv.name, gap.Round(10*time.Microsecond))
	}
}
