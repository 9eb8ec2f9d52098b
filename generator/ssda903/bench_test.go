package ssda903

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
	"testing/fstest"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/period"
)

// returns903 writes years of 903 returns for a council with about
// perYear looked-after children at any time: children come into care
// through the years, each moving between placements every few months,
// and one in eight is placed for adoption and adopted. Every return
// holds each episode open during its year, as the DfE's does.
func returns903(years, perYear int) (fstest.MapFS, []string) {
	r := rand.New(rand.NewPCG(903, 1))
	first := period.Year(2013)
	last := first + period.Year(years) - 1
	type ep struct {
		child              string
		decom, dec         period.Date
		rne, ls, place, rc string
	}
	var eps []ep
	var placed, ad1 [][]string
	dob := map[string]period.Date{}
	// Children stay about three years, so a third come in each year
	// (from the first year of returns: a period of care with an adoption
	// plan that started before it would be an error).
	n := 0
	for y := first; y <= last; y++ {
		for range perYear / 3 {
			n++
			id := fmt.Sprintf("B%06d", n)
			start := y.Start() + period.Date(r.IntN(365))
			dob[id] = start - period.Date(r.IntN(4000))
			adopt := r.IntN(8) == 0
			d := start
			ls := "C2"
			var decision period.Date
			for i := range 3 + r.IntN(6) {
				e := ep{child: id, decom: d, rne: "P", ls: ls, place: "U4"}
				if i == 0 {
					e.rne, e.place = "S", "U6"
				}
				if adopt && i == 1 {
					ls, e.ls, e.rne = "E1", "E1", "B"
					decision = d - period.Date(r.IntN(30))
					placed = append(placed, []string{id, uk(decision), "", ""})
				}
				d += period.Date(60 + r.IntN(200))
				e.dec, e.rc = d, "X1"
				eps = append(eps, e)
			}
			last := &eps[len(eps)-1]
			if adopt {
				last.place = "A6"
				ad1 = append(ad1, []string{id, uk(decision), uk(last.decom - 20), "0", last.dec.Time().Format("2006-01-02")})
				last.rc = "E11"
			} else {
				last.rc = "E13"
			}
		}
	}
	fsys := fstest.MapFS{}
	var folders []string
	for y := first; y <= last; y++ {
		dir := "data/903/" + y.String() + "/"
		folders = append(folders, dir[:len(dir)-1])
		var h, e bytes.Buffer
		h.WriteString("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n")
		e.WriteString("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n")
		seen := map[string]bool{}
		for _, x := range eps {
			if x.decom > y.End() || x.dec < y.Start() {
				continue
			}
			dec, rc := uk(x.dec), x.rc
			if x.dec > y.End() {
				dec, rc = "", ""
			}
			fmt.Fprintf(&e, "%s,%s,%s,%s,N1,%s,PR1,%s,%s,,,,\n", x.child, uk(x.decom), x.rne, x.ls, x.place, dec, rc)
			if !seen[x.child] {
				seen[x.child] = true
				fmt.Fprintf(&h, "%s,1,%s,WBRI,,,\n", x.child, uk(dob[x.child]))
			}
		}
		fsys[dir+"header.csv"] = &fstest.MapFile{Data: h.Bytes()}
		fsys[dir+"episodes.csv"] = &fstest.MapFile{Data: e.Bytes()}
		var p, a bytes.Buffer
		p.WriteString("CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n")
		a.WriteString("CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE\n")
		for _, row := range placed {
			if seen[row[0]] {
				fmt.Fprintf(&p, "%s,%s,,\n", row[0], row[1])
			}
		}
		for _, row := range ad1 {
			if order, _ := time.Parse("2006-01-02", row[4]); y.Period().Contains(period.NewDate(order.Date())) {
				fmt.Fprintf(&a, "%s,%s,%s,%s\n", row[0], row[1], row[2], row[3])
			}
		}
		fsys[dir+"placed_for_adoption.csv"] = &fstest.MapFile{Data: p.Bytes()}
		fsys[dir+"ad1.csv"] = &fstest.MapFile{Data: a.Bytes()}
	}
	return fsys, folders
}

// BenchmarkRead12Years reads twelve years of returns for a council with
// 400 looked-after children a year and derives children.csv: the work
// a 903 project adds to every build and every preview rebuild.
func BenchmarkRead12Years(b *testing.B) {
	fsys, folders := returns903(12, 400)
	s := Settings{Folders: folders, OwnProviders: []string{"PR1"}}
	d, probs := Load(fsys, s)
	if probs.HasErrors() || len(d.Rows) == 0 {
		b.Fatalf("%d rows, problems:\n%s", len(d.Rows), probs)
	}
	size := 0
	for _, f := range fsys {
		size += len(f.Data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		Load(fsys, s)
	}
}
