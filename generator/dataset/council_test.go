package dataset

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/adoptionreport/adoptionreport/generator/config"
)

// In a regional edition an la value that is no council's code is one
// error per file and value, at its first row, counting the rows that
// give it and naming the last: a council left out of config.toml must
// not bury the other problems under one error per row.
func TestUnknownLAOncePerValue(t *testing.T) {
	lim := testLimits
	lim.councils = []string{"fenmoor", "marshby"}
	// Spreadsheet rows 2-11; la is column B. eastholme on rows 3, 5, 8
	// and 11; blank on 6 and 9; marshbey on 7 alone; EASTHOLME, another
	// value, on 10; rows 2 and 4 are councils', Marshby whatever its
	// capitals.
	las := []string{"fenmoor", "eastholme", "Marshby", "eastholme", "", "marshbey", "eastholme", "", "EASTHOLME", "eastholme"}
	rows := make([]map[string]string, len(las))
	for i, la := range las {
		rows[i] = with(goodChild, "child_id", fmt.Sprint("C", i), "la", la)
	}
	kids, probs, _ := readChildren("c.csv", csvOf(childHeader, rows...), lim)
	want := []string{
		`E c.csv:3:2: la: "eastholme" is not the code of a council in config.toml; it is the la of 4 rows, from this one down to c.csv:11:2: write one of the codes fenmoor and marshby in each, or add the council under [[councils]]`,
		`E c.csv:6:2: la: is blank in 2 rows, from this one down to c.csv:9:2: in a regional edition every row names its council's code, one of the codes fenmoor and marshby ([[councils]] in config.toml)`,
		`E c.csv:7:2: la: "marshbey" is not the code of a council in config.toml (did you mean "marshby"?): write one of the codes fenmoor and marshby, or add the council under [[councils]]`,
		`E c.csv:10:2: la: "EASTHOLME" is not the code of a council in config.toml: write one of the codes fenmoor and marshby, or add the council under [[councils]]`,
	}
	if d := matchProblems(probs, want); d != "" {
		t.Error(d)
	}
	for _, w := range want {
		if !slices.Contains(strs(probs), w) {
			t.Errorf("no problem exactly\n\t%s", w)
		}
	}
	if len(kids) != len(las) || kids[2].LA != "marshby" || kids[1].LA != "eastholme" {
		t.Errorf("la values read wrong: %+v", kids)
	}

	// budget.csv the same, and its own count: the values in children.csv
	// are not counted with it.
	bh := append([]string{"la"}, budgetHeader...)
	brows := []map[string]string{
		with(goodBudget, "la", "eastholme"), with(goodBudget, "la", "marshby"), with(goodBudget, "la", ""),
		with(goodBudget, "la", "eastholme"), with(goodBudget, "la", "westholme"),
	}
	_, bprobs := readBudget("b.csv", csvOf(bh, brows...), lim)
	bwant := []string{
		`E b.csv:2:1: la: "eastholme" is not the code of a council in config.toml; it is the la of 2 rows, from this one down to b.csv:5:1: write one of the codes fenmoor and marshby in each, or add the council under [[councils]]`,
		`E b.csv:4:1: la: is blank: in a regional edition every row names its council's code, one of the codes fenmoor and marshby ([[councils]] in config.toml)`,
		`E b.csv:6:1: la: "westholme" is not the code of a council in config.toml: write one of the codes fenmoor and marshby, or add the council under [[councils]]`,
	}
	if d := matchProblems(bprobs, bwant); d != "" {
		t.Error(d)
	}
	for _, w := range bwant {
		if !slices.Contains(strs(bprobs), w) {
			t.Errorf("no problem exactly\n\t%s", w)
		}
	}
}

// With Annex A, the la values come from children.csv in List 10's order
// (C1, C2, C2, C3), not the file's: the error is still at the file's
// first row that gives the value and names its last.
func TestUnknownLAAnnexA(t *testing.T) {
	fsys := fstest.MapFS{
		"data/annex_a.xlsx": {Data: annexWorkbook(t)},
		"data/children.csv": {Data: []byte("child_id,entered_care,la\n" +
			"C3,,eastholme\n" + // row 2: List 10's last child
			"C2,2021-02-01,eastholme\n" + // row 3
			"C2,2019-03-01,marshby\n" + // row 4
			"C1,,eastholme\n")}, // row 5: List 10's first child
		"data/budget.csv": {Data: []byte("year,la,line,budget,actual\n2024-25,fenmoor,Fees,1,1\n")},
	}
	files := config.DataFiles{Children: "data/children.csv", Adopters: "data/adopters.csv", Budget: "data/budget.csv", AnnexA: "data/annex_a.xlsx"}
	_, probs := Load(fsys, files, reportYear, Today(testToday), Councils([]string{"fenmoor", "marshby"}))
	var la []string
	for _, p := range strs(probs) {
		if strings.Contains(p, "data/children.csv") && strings.Contains(p, " la: ") {
			la = append(la, p)
		}
	}
	want := `E data/children.csv:2:3: la: "eastholme" is not the code of a council in config.toml; it is the la of 3 rows, from this one down to data/children.csv:5:3: write one of the codes fenmoor and marshby in each, or add the council under [[councils]]`
	if len(la) != 1 || la[0] != want {
		t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(la, "\n\t"), want)
	}
}
