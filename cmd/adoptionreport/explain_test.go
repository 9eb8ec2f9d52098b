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

// project903 is a scaffolded project reading generator/ssda903's
// hand-worked fixture instead of children.csv.
func project903(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "report")
	if err := scaffold.New(dir); err != nil {
		t.Fatal(err)
	}
	fixture := filepath.Join("..", "..", "generator", "ssda903", "testdata", "fixture", "data")
	if err := os.CopyFS(filepath.Join(dir, "data", "903"), os.DirFS(filepath.Join(fixture, "903"))); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(fixture, "children.csv"))
	os.WriteFile(filepath.Join(dir, "data", "children.csv"), b, 0o644)
	cfg, _ := os.ReadFile(filepath.Join(dir, "config.toml"))
	cfg = append(cfg, "\n[data]\nssda903 = [\"data/903/2023-24\", \"data/903/2024-25\"]\n"...)
	os.WriteFile(filepath.Join(dir, "config.toml"), cfg, 0o644)
	return dir
}

// check --explain shows, on the terminal only, the 903 records of one
// child and the row worked out from them, each value with its cell.
func TestCheckExplain(t *testing.T) {
	dir := project903(t)
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"check", "--source", dir, "--explain", "C2"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{
		"01/02/2024  U    E1  A5     PR1             30/09/2024  E12  data/903/2024-25/episodes.csv:3",
		"moved_in_with_adopters   10/06/2023  from data/903/2023-24/episodes.csv:8:2 DECOM",
		"adopted_by_foster_carer  yes         from data/903/2024-25/ad1.csv:3:4 FOSTER_CARE",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("explanation lacks %q:\n%s", want, out)
		}
	}
	stdout.Reset()
	run(context.Background(), []string{"check", "--source", dir, "--explain", "C4"}, &stdout, &stderr)
	if want := "interagency              no          from data/children.csv:6:6 interagency, replacing the 903's yes"; !strings.Contains(stdout.String(), want) {
		t.Errorf("explanation lacks %q:\n%s", want, stdout.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "output")); !os.IsNotExist(err) {
		t.Errorf("check --explain wrote an output folder: %v", err)
	}

	// No such child; a project without 903 returns; a 903 error.
	plain := filepath.Join(t.TempDir(), "plain")
	scaffold.New(plain)
	eps := filepath.Join(dir, "data", "903", "2024-25", "episodes.csv")
	b, _ := os.ReadFile(eps)
	for _, tt := range []struct {
		args []string
		edit func()
		want string
	}{
		{[]string{"check", "--source", dir, "--explain", "NOBODY"}, nil, "child NOBODY is in none of the 903 returns read"},
		{[]string{"check", "--source", plain, "--explain", "C2"}, nil, "[data] ssda903 is not set"},
		{[]string{"check", "--source", dir, "--explain", "C2"}, func() {
			os.WriteFile(eps, bytes.Replace(b, []byte("30/09/2024,E12"), []byte("30/09/2024,E99"), 1), 0o644)
		}, `episodes.csv:3:9: REC: "E99"`},
	} {
		if tt.edit != nil {
			tt.edit()
		}
		stdout.Reset()
		stderr.Reset()
		if code := run(context.Background(), tt.args, &stdout, &stderr); code != exitProblems {
			t.Errorf("%v: exit %d, want %d", tt.args, code, exitProblems)
		}
		if !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("%v: stderr lacks %q:\n%s", tt.args, tt.want, stderr.String())
		}
	}
}

// In a regional edition whose councils give their own 903 folders,
// check --explain shows the child in each council whose returns name
// them, from that council's files.
func TestCheckExplainCouncils(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "report")
	if err := scaffold.New(dir); err != nil {
		t.Fatal(err)
	}
	fixture := filepath.Join("..", "..", "generator", "ssda903", "testdata", "fixture", "data", "903")
	cfg, _ := os.ReadFile(filepath.Join(dir, "config.toml"))
	for _, code := range []string{"fenmoor", "marshby"} {
		if err := os.CopyFS(filepath.Join(dir, "data", code, "903"), os.DirFS(fixture)); err != nil {
			t.Fatal(err)
		}
		cfg = append(cfg, "\n[[councils]]\ncode = \""+code+"\"\nname = \""+code+" Council\"\nssda903 = [\"data/"+code+"/903/2023-24\", \"data/"+code+"/903/2024-25\"]\n"...)
	}
	os.WriteFile(filepath.Join(dir, "config.toml"), cfg, 0o644)
	var stdout, stderr bytes.Buffer
	run(context.Background(), []string{"check", "--source", dir, "--explain", "C2"}, &stdout, &stderr)
	out := stdout.String()
	for _, want := range []string{
		"Council fenmoor (fenmoor Council):",
		"E12  data/fenmoor/903/2024-25/episodes.csv:3",
		"Council marshby (marshby Council):",
		"E12  data/marshby/903/2024-25/episodes.csv:3",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("explanation lacks %q:\n%s\n%s", want, out, stderr.String())
		}
	}
	stdout.Reset()
	stderr.Reset()
	run(context.Background(), []string{"check", "--source", dir, "--explain", "NOBODY"}, &stdout, &stderr)
	if want := "child NOBODY is in none of the councils' 903 returns read (data/fenmoor/903/2023-24,"; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
	}
}

// A child whose episodes the build refuses (they overlap) is shown with
// the build's own error, at the same place, beside the episodes: the
// row worked out from them is not taken for one the report uses.
func TestCheckExplainRefused(t *testing.T) {
	dir := project903(t)
	eps := filepath.Join(dir, "data", "903", "2023-24", "episodes.csv")
	b, _ := os.ReadFile(eps)
	// C2's episode of 01/12/2023 now ends after the next one starts.
	b = bytes.Replace(b, []byte("C2,01/12/2023,T,E1,N1,U4,PR1,01/02/2024,X1"), []byte("C2,01/12/2023,T,E1,N1,U4,PR1,15/02/2024,X1"), 1)
	os.WriteFile(eps, b, 0o644)
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"check", "--source", dir, "--explain", "C2"}, &stdout, &stderr); code != exitProblems {
		t.Fatalf("exit %d, want %d\n%s", code, exitProblems, stderr.String())
	}
	const build = "data/903/2024-25/episodes.csv:3:2: DECOM: child C2's episode starting 01/02/2024 overlaps the one starting 01/12/2023 (data/903/2023-24/episodes.csv:10), which ceased later, on 15/02/2024"
	if !strings.Contains(stderr.String(), build) {
		t.Fatalf("check does not report %q:\n%s", build, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{
		"E12  data/903/2024-25/episodes.csv:3\n  The build refuses these episodes, for the error check reports:\n    " + build,
		"Row of children.csv for the period of care entered on 15/04/2023, worked out from records the build refuses (it builds no report until the errors above are corrected):",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("explanation lacks %q:\n%s", want, out)
		}
	}
	// Another child's explanation is as before: the error is C2's.
	stdout.Reset()
	run(context.Background(), []string{"check", "--source", dir, "--explain", "C1"}, &stdout, &stderr)
	if out := stdout.String(); strings.Contains(out, "refuses") || strings.Contains(out, "warns") {
		t.Errorf("C1's explanation names a problem it does not have:\n%s", out)
	}

	// An error at a cell of the children.csv beside the 903 is shown
	// under the row that takes the value.
	dir = project903(t)
	tracker := filepath.Join(dir, "data", "children.csv")
	b, _ = os.ReadFile(tracker)
	os.WriteFile(tracker, bytes.Replace(b, []byte("C2,,,,10/01/2024"), []byte("C2,,,,05/02/2024"), 1), 0o644)
	stdout.Reset()
	stderr.Reset()
	run(context.Background(), []string{"check", "--source", dir, "--explain", "C2"}, &stdout, &stderr)
	const matched = "data/children.csv:7:5: matched: child C2: 05/02/2024 is after placed_for_adoption (01/02/2024, at data/903/2024-25/episodes.csv:3:2)"
	if !strings.Contains(stderr.String(), matched) {
		t.Fatalf("check does not report %q:\n%s", matched, stderr.String())
	}
	if want := "  The build refuses the values this row takes from data/children.csv, for the error check reports:\n    " + matched; !strings.Contains(stdout.String(), want) {
		t.Errorf("explanation lacks %q:\n%s", want, stdout.String())
	}
}
