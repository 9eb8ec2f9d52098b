package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/generator/scaffold"
)

// run's exit statuses and messages, the contract the README gives: 0
// success, 1 problems in the project (listed, never a stack trace), 2
// misuse.
func TestRunExitStatus(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "report")
	if err := scaffold.New(dir); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(t.TempDir(), "broken")
	scaffold.New(broken)
	cfg, _ := os.ReadFile(filepath.Join(broken, "config.toml"))
	os.WriteFile(filepath.Join(broken, "config.toml"), bytes.Replace(cfg, []byte("report_year"), []byte("reprot_year"), 1), 0o644)

	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"build", "--source", dir}, 0, "wrote"},
		{[]string{"build", "--source", dir, "--draft"}, 0, "this is a DRAFT, with small numbers shown and draft pages included: do not publish it"},
		{[]string{"check", "--source", dir}, 0, ""},
		{[]string{"check", "--source", broken}, 1, "config.toml:"},
		{[]string{"build", "--source", broken}, 1, "did you mean report_year?"},
		{[]string{"build", "--source", filepath.Join(dir, "nowhere")}, 1, "nowhere: no such folder: give the report project's folder"},
		{[]string{"build", "--source", filepath.Join(dir, "nowhere")}, 1, "nothing was written"},
		{[]string{"check", "--source", filepath.Join(dir, "config.toml")}, 1, "config.toml: a file, not a folder"},
		{[]string{"build", "--source", filepath.Join(dir, "data")}, 1, "config.toml: not found"},
		{[]string{"build", "--drafts"}, 2, "unknown option --drafts (did you mean --draft?)"},
		{[]string{"new", "--force", dir}, 2, "unknown option --force"},
		{[]string{"bild"}, 2, `unknown command "bild" (did you mean build?)`},
		{[]string{"build", dir}, 2, "to work on the project in that folder, write --source " + dir},
		{[]string{"build", "--output=~/site"}, 2, "--output ~/site: the shell did not turn ~ into your home folder"},
		{[]string{"pdf", "--council", ""}, 2, "--council is empty: give it a value, or leave --council out for its default"},
		{[]string{"build", "--output="}, 2, "--output is empty"},
		{[]string{"pdf", "--council"}, 2, "--council needs a value: write --council and the value after it"},
		{[]string{"build", "--source", dir, "--output", filepath.Join(dir, "data")}, 1, "inside the project's"},
		{[]string{"build", "--bogus"}, 2, "unknown option --bogus"},
		{[]string{"frobnicate"}, 2, "unknown command"},
		{[]string{}, 2, "Usage"},
		{[]string{"new"}, 2, "name one folder"},
		{[]string{"new", dir}, 1, "is not empty"},
		{[]string{"build", "--help"}, 0, ""},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), tt.args, &stdout, &stderr)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d\n%s", tt.args, code, tt.code, stderr.String())
		}
		if !strings.Contains(stderr.String()+stdout.String(), tt.want) {
			t.Errorf("%v: output lacks %q:\n%s", tt.args, tt.want, stderr.String())
		}
		if strings.Contains(stderr.String(), "goroutine ") {
			t.Errorf("%v printed a stack trace", tt.args)
		}
	}
}

// Each command's help prints once, to stdout, listing every option the
// way it is typed; help COMMAND is COMMAND --help.
func TestHelp(t *testing.T) {
	for _, tt := range []struct {
		args      []string
		want      []string
		notWanted []string
	}{
		{[]string{"build", "--help"}, []string{"--source DIR", "--output DIR", "--draft"}, []string{"-source folder"}},
		{[]string{"help", "build"}, []string{"Usage: adoptionreport build", "--source DIR"}, []string{"Commands:"}},
		{[]string{"check", "--help"}, []string{"[--draft]", "--draft\n"}, nil},
		{[]string{"pdf", "-h"}, []string{"--output FILE", "--chrome PATH"}, nil},
		{[]string{"serve", "--help"}, []string{"--port PORT", "--bind ADDRESS", "[--port PORT]"}, nil},
		{[]string{"new", "--help"}, []string{"Usage: adoptionreport new [--ssda903 | --regional] DIR", "--ssda903\n", "--regional\n"}, nil},
		{[]string{"check", "--help"}, []string{"[--explain CHILD_ID]", "--explain CHILD_ID\n"}, nil},
		{[]string{"help"}, []string{"Commands:"}, nil},
		{[]string{"--version"}, []string{"adoptionreport ", "go1."}, nil},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), tt.args, &stdout, &stderr); code != 0 {
			t.Errorf("%v: exit %d", tt.args, code)
		}
		if stderr.Len() > 0 {
			t.Errorf("%v wrote to stderr too:\n%s", tt.args, stderr.String())
		}
		for _, w := range tt.want {
			if !strings.Contains(stdout.String(), w) {
				t.Errorf("%v: help lacks %q:\n%s", tt.args, w, stdout.String())
			}
		}
		for _, w := range tt.notWanted {
			if strings.Contains(stdout.String(), w) {
				t.Errorf("%v: help has %q:\n%s", tt.args, w, stdout.String())
			}
		}
	}
}
