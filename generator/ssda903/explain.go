package ssda903

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Explain writes, for the officer at their terminal, what the 903
// returns say of one child and the rows of children.csv derived from
// them, each value with the cell it came from: why the child counts
// where they do. It reports false if no 903 table names the child. It
// is for check --explain only: a child's ID and dates belong on the
// officer's screen, never in the report.
func (d *Derived) Explain(w io.Writer, id string) bool {
	r := d.ret
	eps, placed, ad1 := r.episodes[id], r.placed[id], r.ad1[id]
	h := r.header[id]
	if len(eps) == 0 && len(placed) == 0 && len(ad1) == 0 && h == nil {
		return false
	}
	fmt.Fprintf(w, "Child %s in the 903 returns read (%s; where years disagree, the later one's copy):\n", id, strings.Join(r.Folders, ", "))
	if h != nil {
		fmt.Fprintf(w, "\nHeader: SEX %s, DOB %s, ETHNIC %s (%s:%d)\n", h.sex.text, h.dob.text, h.ethnic.text, h.child.at().File, h.child.at().Row)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if len(eps) > 0 {
		fmt.Fprintln(w, "\nEpisodes:")
		fmt.Fprintln(tw, "  DECOM\tRNE\tLS\tPLACE\tPLACE_PROVIDER\tDEC\tREC\tfrom")
		for _, e := range eps {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s:%d\n", e.decomC.text, e.rne.text, e.ls.text, e.place.text,
				dash(e.provider.text), dash(e.decC.text), dash(e.rec.text), e.decomC.at().File, e.decomC.at().Row)
		}
		tw.Flush()
	}
	if len(placed) > 0 {
		fmt.Fprintln(w, "\nDecisions (placed_for_adoption):")
		fmt.Fprintln(tw, "  DATE_PLACED\tDATE_PLACED_CEASED\tREASON_PLACED_CEASED\tfrom")
		for _, p := range placed {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s:%d\n", p.placed.text, dash(p.ceased.text), dash(p.reason.text), p.placed.at().File, p.placed.at().Row)
		}
		tw.Flush()
	}
	if len(ad1) > 0 {
		fmt.Fprintln(w, "\nAD1:")
		fmt.Fprintln(tw, "  DATE_INT\tDATE_MATCH\tFOSTER_CARE\tfrom")
		for _, a := range ad1 {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s:%d\n", a.dateInt.text, dash(a.dateMatch.text), dash(a.fosterCare.text), a.dateInt.at().File, a.dateInt.at().Row)
		}
		tw.Flush()
	}
	n := 0
	for _, row := range d.Rows {
		if row.ChildID != id {
			continue
		}
		n++
		fmt.Fprintf(w, "\nRow of children.csv for the period of care entered on %s:\n", row.Values["entered_care"])
		for _, col := range d.columns {
			v, at := row.Values[col], row.From[col]
			if v == "" {
				fmt.Fprintf(tw, "  %s\t(blank)\t\n", col)
				continue
			}
			from := fmt.Sprintf("%s:%d:%d %s", at.File, at.Row, at.Col, at.Column)
			if old, ok := row.Replaced[col]; ok {
				from += fmt.Sprintf(", replacing the 903's %s", old)
			}
			fmt.Fprintf(tw, "  %s\t%s\tfrom %s\n", col, v, from)
		}
		tw.Flush()
	}
	switch {
	case n == 0 && r.broken[id]:
		fmt.Fprintln(w, "\nNo row of children.csv: a row of this child's in the 903 has an error (see the problems above).")
	case n == 0:
		fmt.Fprintln(w, "\nNo row of children.csv: no period of care of this child has a decision that they should be placed for adoption (placed_for_adoption) or an adoptive placement (PLACE A3–A6), or the problems above stopped it.")
	}
	return true
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
