package ssda903

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// Explain writes, for the officer at their terminal, what the 903
// returns say of one child and the rows of children.csv derived from
// them, each value with the cell it came from: why the child counts
// where they do. It reports false if no 903 table names the child. It
// is for check --explain only: a child's ID and dates belong on the
// officer's screen, never in the report.
//
// probs are the problems the build reports (check's): those at a row of
// the child's records are shown with the records, in the build's words,
// so that a row worked out from records the build refuses (overlapping
// episodes, say) is never taken for one it uses.
func (d *Derived) Explain(w io.Writer, id string, probs problem.List) bool {
	r := d.ret
	eps, placed, ad1 := r.episodes[id], r.placed[id], r.ad1[id]
	h := r.header[id]
	if len(eps) == 0 && len(placed) == 0 && len(ad1) == 0 && h == nil {
		return false
	}
	refused := false
	shown := make([]bool, len(probs))
	// notes prints the problems at the rows of one table of the child's,
	// and which of them stop the build.
	notes := func(what string, at []Loc) {
		var errs, warns []string
		for i, p := range probs {
			if shown[i] || p.Line <= 0 || !slices.ContainsFunc(at, func(l Loc) bool { return l.File == p.File && l.Row == p.Line }) {
				continue
			}
			shown[i] = true
			if p.Severity == problem.Error {
				errs = append(errs, p.String())
			} else {
				warns = append(warns, p.String())
			}
		}
		if len(errs) > 0 {
			refused = true
			fmt.Fprintf(w, "  The build refuses %s, for the %s check reports:\n", what, plural(len(errs), "error", "errors"))
			for _, e := range errs {
				fmt.Fprintf(w, "    %s\n", e)
			}
		}
		if len(warns) > 0 {
			fmt.Fprintf(w, "  The build warns of %s:\n", what)
			for _, e := range warns {
				fmt.Fprintf(w, "    %s\n", e)
			}
		}
	}
	fmt.Fprintf(w, "Child %s in the 903 returns read (%s; where years disagree, the later one's copy):\n", id, strings.Join(r.Folders, ", "))
	if h != nil {
		fmt.Fprintf(w, "\nHeader: SEX %s, DOB %s, ETHNIC %s (%s:%d)\n", h.sex.text, h.dob.text, h.ethnic.text, h.child.at().File, h.child.at().Row)
		notes("this header row", []Loc{h.child.at()})
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if len(eps) > 0 {
		fmt.Fprintln(w, "\nEpisodes:")
		fmt.Fprintln(tw, "  DECOM\tRNE\tLS\tPLACE\tPLACE_PROVIDER\tDEC\tREC\tfrom")
		var at []Loc
		for _, e := range eps {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s:%d\n", e.decomC.text, e.rne.text, e.ls.text, e.place.text,
				dash(e.provider.text), dash(e.decC.text), dash(e.rec.text), e.decomC.at().File, e.decomC.at().Row)
			at = append(at, e.decomC.at())
		}
		tw.Flush()
		notes("these episodes", at)
	}
	if len(placed) > 0 {
		fmt.Fprintln(w, "\nDecisions (placed_for_adoption):")
		fmt.Fprintln(tw, "  DATE_PLACED\tDATE_PLACED_CEASED\tREASON_PLACED_CEASED\tfrom")
		var at []Loc
		for _, p := range placed {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s:%d\n", p.placed.text, dash(p.ceased.text), dash(p.reason.text), p.placed.at().File, p.placed.at().Row)
			at = append(at, p.placed.at())
		}
		tw.Flush()
		notes("these decisions", at)
	}
	if len(ad1) > 0 {
		fmt.Fprintln(w, "\nAD1:")
		fmt.Fprintln(tw, "  DATE_INT\tDATE_MATCH\tFOSTER_CARE\tfrom")
		var at []Loc
		for _, a := range ad1 {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s:%d\n", a.dateInt.text, dash(a.dateMatch.text), dash(a.fosterCare.text), a.dateInt.at().File, a.dateInt.at().Row)
			at = append(at, a.dateInt.at())
		}
		tw.Flush()
		notes("this AD1", at)
	}
	n := 0
	for _, row := range d.Rows {
		if row.ChildID != id {
			continue
		}
		n++
		if refused {
			fmt.Fprintf(w, "\nRow of children.csv for the period of care entered on %s, worked out from records the build refuses (it builds no report until the errors above are corrected):\n", row.Values["entered_care"])
		} else {
			fmt.Fprintf(w, "\nRow of children.csv for the period of care entered on %s:\n", row.Values["entered_care"])
		}
		for _, col := range d.columns {
			v, at := row.Values[col], row.From[col]
			if v == "" {
				fmt.Fprintf(tw, "  %s\t(blank)\t\n", col)
				continue
			}
			from := at.String() + " " + at.Column
			if old, ok := row.Replaced[col]; ok {
				from += fmt.Sprintf(", replacing the 903's %s", old)
			}
			fmt.Fprintf(tw, "  %s\t%s\tfrom %s\n", col, v, from)
		}
		tw.Flush()
		// The row's 903 cells' problems are shown above; what is left
		// is at the cells of the children.csv beside the 903.
		var at []Loc
		for _, col := range d.columns {
			if l, ok := row.From[col]; ok {
				at = append(at, l)
			}
		}
		notes("the values this row takes from "+d.tracker, at)
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
