// Command adoptionreport builds a council's Annual Adoption Report as a
// static site from CSV data and Markdown commentary.
//
// It only parses the command line and prints; the work is done by
// package generator.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/adoptionreport/adoptionreport/generator"
	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/problem"
	"github.com/adoptionreport/adoptionreport/generator/scaffold"
	"github.com/adoptionreport/adoptionreport/generator/ssda903"
	"github.com/adoptionreport/adoptionreport/internal/suggest"
)

// Exit statuses: the contract the README gives.
const (
	exitOK       = 0
	exitProblems = 1 // the project's data, content or config has errors
	exitUsage    = 2 // the command line was misused
)

const usageText = `adoptionreport builds an Annual Adoption Report from CSV data and Markdown.

Usage:
  adoptionreport build [--source DIR] [--output DIR] [--draft]
  adoptionreport check [--source DIR] [--draft] [--explain CHILD_ID]
  adoptionreport serve [--source DIR] [--bind 127.0.0.1] [--port 1313]
  adoptionreport pdf [--source DIR] [--output FILE] [--chrome PATH] [--draft] [--council CODE]
  adoptionreport new [--ssda903 | --regional] DIR
  adoptionreport help [COMMAND]
  adoptionreport --version

Commands:
  build   check the project, then write the site to the output folder (default: output in
          the --source folder)
  check   check the project's config, data and content; write nothing
  serve   preview the report with drafts, rebuilding and reloading as files change
  pdf     build, then print the print edition to an A4 PDF with Chromium
  new     start a new report project in DIR, with example data that builds

Run "adoptionreport COMMAND --help" for a command's options.
`

func main() {
	// Stop cleanly, ending serve's open pages' event streams and stopping
	// pdf's Chromium with its temporary profile, on Ctrl-C, on kill's
	// SIGTERM (also how service managers and containers stop a program) and
	// when the terminal closes.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usageText)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help":
		fmt.Fprint(stdout, usageText)
		return exitOK
	case "help":
		// help COMMAND is COMMAND --help.
		if len(args) > 1 && args[1] != "help" {
			return run(ctx, []string{args[1], "--help"}, stdout, stderr)
		}
		fmt.Fprint(stdout, usageText)
		return exitOK
	case "-version", "--version", "version":
		fmt.Fprintf(stdout, "adoptionreport %s\n", version())
		return exitOK
	case "build":
		return runBuild(ctx, args[1:], stdout, stderr)
	case "check":
		return runCheck(ctx, args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "serve":
		return runServe(ctx, args[1:], stdout, stderr)
	case "pdf":
		return runPDF(ctx, args[1:], stdout, stderr)
	}
	hint := ""
	if s := suggest.Suggest(args[0], commands); s != "" {
		hint = " (did you mean " + s + "?)"
	}
	fmt.Fprintf(stderr, "adoptionreport: unknown command %q%s\n\n%s", args[0], hint, usageText)
	return exitUsage
}

// commands are the words run knows, for "did you mean".
var commands = []string{"build", "check", "serve", "pdf", "new", "help"}

// newFlags returns a flag set that reports misuse instead of exiting, so
// run stays testable and the exit status follows the contract. Its
// messages go to a buffer: parse prints them, once, where they belong.
func newFlags(name, synopsis string, stdout, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(new(bytes.Buffer))
	fs.Usage = func() {}
	usage[fs] = synopsis
	return fs
}

// usage holds each flag set's synopsis for printUsage.
var usage = map[*flag.FlagSet]string{}

// printUsage prints a command's usage and its options as they are typed,
// --source DIR, where the flag package would print -source folder.
func printUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: adoptionreport %s\n\n%s\n", fs.Name(), usage[fs])
	first := true
	fs.VisitAll(func(f *flag.Flag) {
		if first {
			fmt.Fprint(w, "\nOptions:\n")
			first = false
		}
		arg, text := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if arg != "" {
			line += " " + arg
		}
		fmt.Fprintf(w, "%s\n    \t%s", line, strings.ReplaceAll(text, "\n", "\n    \t"))
		if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); !isBool && f.DefValue != "" {
			fmt.Fprintf(w, " (default %s)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}

// parse parses args; ok is false when run should return code at once.
// --help prints the usage to stdout; a mistake prints what was wrong and
// the usage to stderr.
func parse(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (code int, ok bool) {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		printUsage(stdout, fs)
		return exitOK, false
	}
	if err != nil {
		fmt.Fprintf(stderr, "adoptionreport %s: %s\n\n", command(fs), flagError(fs, err))
		printUsage(stderr, fs)
		return exitUsage, false
	}
	if fs.NArg() > 0 {
		hint := ""
		if st, err := os.Stat(fs.Arg(0)); err == nil && st.IsDir() && fs.Lookup("source") != nil {
			hint = ": to work on the project in that folder, write --source " + fs.Arg(0)
		}
		fmt.Fprintf(stderr, "adoptionreport %s: unexpected argument %q%s\n\n", command(fs), fs.Arg(0), hint)
		printUsage(stderr, fs)
		return exitUsage, false
	}
	var bad []string
	fs.Visit(func(f *flag.Flag) {
		// An empty value (--council "", a variable that was not set) would
		// quietly mean the option's default.
		if v := f.Value.String(); v == "" {
			bad = append(bad, fmt.Sprintf("--%s is empty: give it a value, or leave --%s out for its default", f.Name, f.Name))
		} else if strings.HasPrefix(v, "~") {
			bad = append(bad, fmt.Sprintf("--%s %s: the shell did not turn ~ into your home folder (it does not after =): "+
				"write --%s %s, with a space, or the whole path", f.Name, v, f.Name, v))
		}
	})
	if len(bad) > 0 {
		fmt.Fprintf(stderr, "adoptionreport %s: %s\n", command(fs), strings.Join(bad, "\n"))
		return exitUsage, false
	}
	return exitOK, true
}

// flagError says what the flag package's err means in the words of the
// usage: "unknown option --drafts (did you mean --draft?)" rather than
// "flag provided but not defined: -drafts".
func flagError(fs *flag.FlagSet, err error) string {
	if name, ok := strings.CutPrefix(err.Error(), "flag needs an argument: "); ok {
		name = strings.TrimLeft(name, "-")
		return "--" + name + " needs a value: write --" + name + " and the value after it"
	}
	name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: ")
	if !ok {
		return err.Error()
	}
	name = strings.TrimLeft(name, "-")
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	msg := "unknown option --" + name
	if s := suggest.Suggest(name, names); s != "" {
		msg += " (did you mean --" + s + "?)"
	} else if len(names) == 0 {
		msg += "; this command takes no options"
	}
	return msg
}

// command is the command a flag set parses: the first word of its name.
func command(fs *flag.FlagSet) string {
	name, _, _ := strings.Cut(fs.Name(), " ")
	return name
}

// version is the program's version: the module version it was built at
// (with go install), else the commit it was built from.
func version() string {
	v := "(devel)"
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	if bi.Main.Version != "" {
		v = bi.Main.Version
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if v == "(devel)" && len(rev) >= 12 {
		v += " commit " + rev[:12] + modified
	}
	return v + " " + bi.GoVersion
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build [--source DIR] [--output DIR] [--draft]",
		"Checks the project, then writes the site. On any error the output folder is left as it was.", stdout, stderr)
	var opts generator.Options
	fs.StringVar(&opts.Source, "source", ".", "`DIR` is the report project's folder, holding config.toml")
	fs.StringVar(&opts.Output, "output", "", "`DIR` is the folder to write the site to (default SOURCE/output)")
	fs.BoolVar(&opts.Draft, "draft", false, "include draft pages and mark every page DRAFT")
	if code, ok := parse(fs, args, stdout, stderr); !ok {
		return code
	}
	opts.Progress = stderr
	res, err := generator.Build(ctx, opts)
	printProblems(stderr, res.Problems)
	switch {
	case errors.Is(err, generator.ErrProblems):
		fmt.Fprintf(stderr, "build stopped: fix the errors above; %s\n", untouched(res.Output))
		return exitProblems
	case err != nil:
		fmt.Fprintf(stderr, "build failed: %v\n%s\n", err, untouched(res.Output))
		return exitProblems
	}
	fmt.Fprintf(stderr, "wrote %d files to %s\n", res.Files, res.Output)
	for _, f := range res.DroppedPDFs {
		council := ""
		if rel, err := filepath.Rel(res.Output, filepath.Dir(f)); err == nil && rel != "." {
			council = rel // a regional edition's council's folder
		}
		droppedPDF(stderr, f, opts.Source, council, opts.Draft, false)
	}
	if opts.Draft {
		// A draft shows counts that a publish build hides: say so where
		// the officer looks before copying the folder anywhere.
		fmt.Fprintf(stderr, "this is a DRAFT, with small numbers shown and draft pages included: do not publish it; build without --draft for the public site\n")
	}
	return exitOK
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check [--source DIR] [--draft] [--explain CHILD_ID]", "Checks the project's config, data and content and prints every problem. Writes nothing.", stdout, stderr)
	source := fs.String("source", ".", "`DIR` is the report project's folder, holding config.toml")
	draft := fs.Bool("draft", false, "check as a draft build does, with nothing suppressed (draft pages are checked either way)")
	explain := fs.String("explain", "", "with [data] ssda903 set, also show on the screen the 903 records read for child `CHILD_ID` and the children.csv row(s) worked out from them")
	if code, ok := parse(fs, args, stdout, stderr); !ok {
		return code
	}
	probs, err := generator.Check(ctx, *source, *draft)
	printProblems(stderr, probs)
	if *explain != "" && !explainChild(*source, *explain, probs, stdout, stderr) {
		return exitProblems
	}
	switch {
	case errors.Is(err, generator.ErrProblems):
		return exitProblems
	case err != nil:
		fmt.Fprintf(stderr, "check failed: %v\n", err)
		return exitProblems
	}
	if len(probs) == 0 {
		fmt.Fprintln(stderr, "no problems found")
	}
	return exitOK
}

// explainChild prints what the 903 returns say of one child, to the
// terminal only: the child's ID and dates never go near output/, with
// the problems of checked (check's) at the child's records. It reports
// false when it cannot (no 903 in the project, or no such child).
func explainChild(source, id string, checked problem.List, stdout, stderr io.Writer) bool {
	fsys := os.DirFS(source)
	cfg, probs := config.Load(fsys, generator.ConfigFile)
	if probs.HasErrors() {
		return false // check has printed them
	}
	if cfg.Regional() && cfg.CouncilsSSDA903() {
		// A child's ID is its council's: explain it in every council whose
		// returns name it.
		found := false
		var folders []string
		for i, k := range cfg.Councils {
			d, _ := ssda903.Load(fsys, generator.CouncilSSDA903Settings(cfg, i))
			var b strings.Builder
			if d.Explain(&b, id, checked) {
				fmt.Fprintf(stdout, "Council %s (%s):\n%s\n", k.Code, k.Name, b.String())
				found = true
			}
			folders = append(folders, k.SSDA903...)
		}
		if !found {
			fmt.Fprintf(stderr, "check --explain: child %s is in none of the councils' 903 returns read (%s): the ID is the 903's CHILD, as in header.csv\n", id, strings.Join(folders, ", "))
		}
		return found
	}
	if len(cfg.Data.SSDA903) == 0 {
		fmt.Fprintln(stderr, "check --explain: this project reads children.csv, not 903 returns ([data] ssda903 is not set), so there is nothing to explain: the child's rows are as children.csv gives them")
		return false
	}
	d, _ := ssda903.Load(fsys, generator.SSDA903Settings(cfg))
	if !d.Explain(stdout, id, checked) {
		fmt.Fprintf(stderr, "check --explain: child %s is in none of the 903 returns read (%s): the ID is the 903's CHILD, as in header.csv\n", id, strings.Join(cfg.Data.SSDA903, ", "))
		return false
	}
	return true
}

// untouched says that a failed build left the output folder as it was,
// or, when there is none, that nothing was written.
func untouched(out string) string {
	if _, err := os.Stat(out); err != nil {
		return "nothing was written"
	}
	return out + " was not changed"
}

// printProblems prints errors, then warnings, then the count.
func printProblems(w io.Writer, probs problem.List) {
	if len(probs) == 0 {
		return
	}
	probs.Print(w)
	fmt.Fprintln(w, probs.Summary())
}

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new [--ssda903 | --regional] DIR", "Starts a new report project in DIR (which must not exist or be empty), with a config, a page per part of the report and example data rows to replace with your own.", stdout, stderr)
	with903 := fs.Bool("ssda903", false, "read the children from SSDA903 returns: the project gets a synthetic council's returns in data/903, one folder per year, and a partial data/children.csv beside them")
	regional := fs.Bool("regional", false, "start a regional edition: three synthetic partner councils of one RAA under [[councils]], each council's rows marked in an la column, a report for each and the RAA's overview (docs/regional.md)")
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		printUsage(stdout, fs)
		return exitOK
	}
	if err == nil && *with903 && *regional {
		err = errors.New("--ssda903 and --regional cannot be combined: choose one")
	}
	if err != nil {
		fmt.Fprintf(stderr, "adoptionreport new: %s\n\n", flagError(fs, err))
		printUsage(stderr, fs)
		return exitUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "adoptionreport new: name one folder for the new project, e.g. adoptionreport new annual-report-2024-25")
		return exitUsage
	}
	dir := fs.Arg(0)
	create, data := scaffold.New, "replace the example rows in %s/data/ with your own"
	if *with903 {
		create, data = scaffold.NewSSDA903, "replace the example 903 returns in %s/data/903/ with a folder per year of your own (see docs/data.md), the example rows in the rest of data/ with yours"
	}
	if *regional {
		create, data = scaffold.NewRegional, "list your partner councils under [[councils]] in config.toml and replace the example rows in %s/data/ with your own, each child and budget line with its council's code in the la column (see docs/regional.md)"
	}
	if err := create(dir); err != nil {
		fmt.Fprintf(stderr, "adoptionreport new: %v\n", err)
		return exitProblems
	}
	fmt.Fprintf(stderr, "created a report project in %s\nnext: "+data+", edit %s/config.toml and %s/content/, then run:\n  adoptionreport build --source %s\n", dir, dir, dir, dir, dir)
	return exitOK
}
