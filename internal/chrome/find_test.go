package chrome

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	dir := t.TempDir()
	exe := func(name string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	chromium, browser, chrome, stable, fallback := exe("chromium"), exe("chromium-browser"), exe("google-chrome"), exe("google-chrome-stable"), exe("fallback-chromium")
	notExec := filepath.Join(dir, "readme.txt")
	if err := os.WriteFile(notExec, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing")

	tests := []struct {
		name     string
		explicit string
		env      string   // CHROME_PATH
		onPath   []string // command names PATH has
		fallback string
		want     string
		wantErr  string // part of the error, if one is expected
	}{
		{name: "explicit first", explicit: chrome, env: chromium, onPath: []string{"chromium"}, want: chrome},
		{name: "explicit command name", explicit: "google-chrome-stable", onPath: []string{"google-chrome-stable"}, want: stable},
		{name: "explicit not executable", explicit: notExec, onPath: []string{"chromium"}, wantErr: "--chrome " + notExec + ": not an executable file"},
		{name: "explicit missing", explicit: missing, onPath: []string{"chromium"}, wantErr: "not an executable file"},
		{name: "explicit name not on PATH", explicit: "chromium", wantErr: "--chrome chromium: no such command on PATH"},
		{name: "CHROME_PATH before PATH", env: chrome, onPath: []string{"chromium"}, want: chrome},
		{name: "wrong CHROME_PATH is an error, not skipped", env: missing, onPath: []string{"chromium"}, wantErr: "CHROME_PATH " + missing},
		{name: "CHROME_PATH not executable", env: notExec, onPath: []string{"chromium"}, wantErr: "CHROME_PATH " + notExec + ": not an executable file"},
		{name: "PATH in order", onPath: []string{"google-chrome", "chromium"}, want: chromium},
		{name: "PATH, Ubuntu's name before Chrome", onPath: []string{"google-chrome", "chromium-browser"}, want: browser},
		{name: "PATH, Chrome before Chrome stable", onPath: []string{"google-chrome-stable", "google-chrome"}, want: chrome},
		{name: "PATH, Chrome stable", onPath: []string{"google-chrome-stable"}, want: stable},
		{name: "fallback", fallback: fallback, want: fallback},
		{name: "fallback not executable", fallback: notExec, wantErr: ErrNotFound.Error()},
		{name: "fallback not there", fallback: missing, wantErr: "apt-get install chromium"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := finder{
				lookPath: func(name string) (string, error) {
					for _, n := range tt.onPath {
						if n == name {
							return filepath.Join(dir, name), nil
						}
					}
					return "", exec.ErrNotFound
				},
				getenv: func(k string) string {
					if k == "CHROME_PATH" {
						return tt.env
					}
					return ""
				},
				fallback: tt.fallback,
			}
			got, err := f.find(tt.explicit)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("find(%q) = %q, %v; want an error containing %q", tt.explicit, got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("find(%q) = %q, %v; want %q", tt.explicit, got, err, tt.want)
			}
		})
	}
}

func TestFindNoneSaysHow(t *testing.T) {
	f := finder{
		lookPath: func(string) (string, error) { return "", exec.ErrNotFound },
		getenv:   func(string) string { return "" },
		fallback: filepath.Join(t.TempDir(), "chromium"),
	}
	_, err := f.find("")
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("find with no browser: %v, want ErrNotFound", err)
	}
	for _, hint := range []string{"apt-get install chromium", "--chrome", "CHROME_PATH", "output/print.html", "any browser"} {
		if !strings.Contains(err.Error(), hint) {
			t.Errorf("the error does not mention %q:\n%v", hint, err)
		}
	}
}
