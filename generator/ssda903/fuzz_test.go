package ssda903

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/adoptionreport/adoptionreport/generator/config"
	"github.com/adoptionreport/adoptionreport/generator/dataset"
	"github.com/adoptionreport/adoptionreport/generator/period"
)

// FuzzRead feeds the 903 reader any episodes.csv, placed_for_adoption.csv
// and partial children.csv beside the fixture's other tables. Whatever
// the bytes, it must not panic; every problem names a file of the
// project; and whatever dataset.Load then says of the derived rows is
// moved back to a real file, never left on the derived one.
func FuzzRead(f *testing.F) {
	read := func(name string) []byte {
		b, err := os.ReadFile("testdata/fixture/data/" + name)
		if err != nil {
			f.Fatal(err)
		}
		return b
	}
	eps := read("903/2024-25/episodes.csv")
	placed := read("903/2023-24/placed_for_adoption.csv")
	tracker := read("children.csv")
	f.Add(eps, placed, tracker)
	f.Add([]byte(episodeCols+"X,01/04/2024,S,C2,U5,PR1,,\nX,01/03/2024,T,E1,A5,PR1,,\n"), []byte(placedCols+"X,01/04/2024,,\n"), []byte("child_id\nX\n"))
	f.Add([]byte(episodeCols+"X,01/04/2024,S,C2,U3,PR1,01/05/2024,E11\nX,01/05/2024,P,E1,A4,PR9,,\n"), []byte("\xef\xbb\xbf"+placedCols+"X,31/02/2024,,RD1\n"), []byte("child_id,entered_care\nX,2024-04-01\nX,\n"))
	f.Add([]byte("CHILD;DECOM\n"), []byte("\"unclosed\n"), []byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, eps, placed, tracker []byte) {
		fsys := fstest.MapFS{}
		for _, name := range []string{"903/2023-24/header.csv", "903/2023-24/episodes.csv", "903/2024-25/header.csv", "903/2024-25/ad1.csv", "903/2024-25/placed_for_adoption.csv"} {
			fsys["data/"+name] = &fstest.MapFile{Data: read(name)}
		}
		fsys["data/903/2024-25/episodes.csv"] = &fstest.MapFile{Data: eps}
		fsys["data/903/2023-24/placed_for_adoption.csv"] = &fstest.MapFile{Data: placed}
		fsys["data/children.csv"] = &fstest.MapFile{Data: tracker}
		d, probs := Load(fsys, fixtureSettings)
		for _, p := range probs {
			if p.File == "" || p.File != "config.toml" && !strings.HasPrefix(p.File, "data/") {
				t.Fatalf("problem on no file of the project: %s", p)
			}
		}
		files := config.Default().Data
		files.Children = DerivedName
		for _, f := range []string{"adopters.csv", "budget.csv"} {
			fsys["data/"+f] = &fstest.MapFile{Data: []byte("x\n")}
		}
		_, dsProbs := dataset.Load(d.FS(fsys), files, period.Year(2024))
		for _, p := range d.Remap(dsProbs) {
			if p.File == DerivedName || strings.Contains(p.Message, DerivedName) {
				t.Fatalf("problem left on the derived file: %s", p)
			}
		}
		if !probs.HasErrors() {
			for _, r := range d.Rows {
				if r.Values["child_id"] == "" || r.Values["entered_care"] == "" {
					t.Fatalf("row without child or entered_care: %+v", r.Values)
				}
			}
		}
	})
}
