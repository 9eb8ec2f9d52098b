// Command gensample writes the synthetic data of the repository's sample
// report: a fictional council, Northmoor Borough Council, and its fictional
// regional adoption agency, Pennine Vale Adoption Partnership. No row
// describes a real child, family or council.
//
// Usage:
//
//	go run ./cmd/gensample [-out data] [-seed N] [-ssda903 DIR] [-regional DIR]
//
// -ssda903 also writes the sample's SSDA903 variant to DIR: the same
// children as the council's 903 returns, one folder per year under
// DIR/903, and the partial children.csv kept beside them.
//
// -regional also writes the data of the regional example (three partner
// councils of one RAA, docs/regional.md) to DIR.
//
// The same seed always gives byte-identical files, so the sample report's
// figures only change when someone changes this program or its seed.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

// defaultSeed is the seed the committed data/*.csv were written with.
const defaultSeed = 20250331

func main() {
	out := flag.String("out", "data", "folder to write the CSV files to")
	seed := flag.Uint64("seed", defaultSeed, "random seed; the same seed gives the same files")
	ssda903 := flag.String("ssda903", "", "also write the sample's SSDA903 variant (903/YYYY-YY/*.csv and a partial children.csv) to this folder")
	regional := flag.String("regional", "", "also write the regional example's data (three councils, an la column) to this folder")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: gensample [-out DIR] [-seed N] [-ssda903 DIR] [-regional DIR]\n\n"+
			"Writes children.csv, adopters.csv, budget.csv and comparators.csv of the sample report.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	s := generate(*seed)
	err := write(*out, s.files())
	if err == nil && *ssda903 != "" {
		err = write(*ssda903, s.ssda903Files())
	}
	if err == nil && *regional != "" {
		err = write(*regional, regionalFiles(*seed))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gensample:", err)
		os.Exit(1)
	}
}

// write writes every file into dir, making the folders they need.
func write(dir string, files []file) error {
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
