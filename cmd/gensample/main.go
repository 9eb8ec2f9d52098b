// Command gensample writes the synthetic data of the repository's sample
// report: a fictional council, Northmoor Borough Council, and its fictional
// regional adoption agency, Pennine Vale Adoption Partnership. No row
// describes a real child, family or council.
//
// Usage:
//
//	go run ./cmd/gensample [-out data] [-seed N]
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
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: gensample [-out DIR] [-seed N]\n\n"+
			"Writes children.csv, adopters.csv, budget.csv and comparators.csv of the sample report.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := write(*out, generate(*seed)); err != nil {
		fmt.Fprintln(os.Stderr, "gensample:", err)
		os.Exit(1)
	}
}

// write creates dir if needed and writes every file of s into it.
func write(dir string, s *sample) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range s.files() {
		if err := os.WriteFile(filepath.Join(dir, f.name), f.data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
