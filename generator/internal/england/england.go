// Package england writes a synthetic regional edition at the scale of
// all of England, from the repository's sample project, for the
// benchmarks of a build and of serve's rebuilds (generator and
// generator/preview).
package england

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Write writes, into the folder dir, a regional edition of n councils
// (150 for England), each dealt a third of the children of the sample
// project at the folder sample (about 18 adoptions a year each, 2,700 in
// all), its budget lines, and the sample's adopter households copied
// households times under new IDs (256 copies: about 20,000 enquiries a
// year). The councils are la001, la002, …; their pages are the sample's,
// shared, with a folder content/<code>/ for each council's own pages.
// Synthetic throughout.
func Write(dir, sample string, n, households int) error {
	cfg, err := os.ReadFile(filepath.Join(sample, "config.toml"))
	if err != nil {
		return err
	}
	var text strings.Builder
	text.WriteString(strings.Replace(string(cfg), `council     = "Northmoor Borough Council"`+"\n", "", 1))
	for i := range n {
		fmt.Fprintf(&text, "\n[[councils]]\ncode = \"la%03d\"\nname = \"Council %03d\"\n", i+1, i+1)
	}
	if err := writeFile(filepath.Join(dir, "config.toml"), []byte(text.String())); err != nil {
		return err
	}
	var children, budget, adopters [][]string
	for _, f := range []struct {
		name string
		rows *[][]string
	}{{"children.csv", &children}, {"budget.csv", &budget}, {"adopters.csv", &adopters}} {
		if *f.rows, err = readCSV(filepath.Join(sample, "data", f.name)); err != nil {
			return err
		}
	}
	kids := [][]string{append([]string{"la"}, children[0]...)}
	lines := [][]string{append([]string{"la"}, budget[0]...)}
	for i := range n {
		code := fmt.Sprintf("la%03d", i+1)
		for j, row := range children[1:] {
			if j%3 != i%3 {
				continue
			}
			r := append([]string{code}, row...)
			r[1] = fmt.Sprintf("L%03d%s", i+1, row[0])
			if row[5] != "" { // sibling_group
				r[6] = fmt.Sprintf("L%03d%s", i+1, row[5])
			}
			kids = append(kids, r)
		}
		for _, row := range budget[1:] {
			lines = append(lines, append([]string{code}, row...))
		}
	}
	hh := [][]string{adopters[0]}
	for k := range households {
		for _, row := range adopters[1:] {
			r := append([]string(nil), row...)
			r[0] = fmt.Sprintf("R%03d%s", k, row[0])
			hh = append(hh, r)
		}
	}
	for name, rows := range map[string][][]string{"children.csv": kids, "budget.csv": lines, "adopters.csv": hh} {
		if err := writeCSV(filepath.Join(dir, "data", name), rows); err != nil {
			return err
		}
	}
	b, err := os.ReadFile(filepath.Join(sample, "data", "comparators.csv"))
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, "data", "comparators.csv"), b); err != nil {
		return err
	}
	return os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(sample, "content")))
}

func readCSV(name string) ([][]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return csv.NewReader(f).ReadAll()
}

func writeCSV(name string, rows [][]string) error {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		return err
	}
	return writeFile(name, b.Bytes())
}

func writeFile(name string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, b, 0o644)
}
