package problem

import (
	"reflect"
	"testing"
)

func TestString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "data/children.csv", Line: 14, Col: 10, Field: "matched", Message: `"31/02/2024" is not a date`},
			`data/children.csv:14:10: matched: "31/02/2024" is not a date`},
		{Problem{File: "config.toml", Line: 3, Field: "x", Message: "m", Severity: Warning}, "config.toml:3: x: m"},
		{Problem{File: "data/budget.csv", Message: "file is empty"}, "data/budget.csv: file is empty"},
		{Problem{File: "data/tracker.xlsx[Children]", Line: 14, Col: 10, Field: "matched", Message: "m"},
			"data/tracker.xlsx[Children]:14:J: matched: m"},
		{Problem{File: "data/tracker.xlsx[Budget 2024]", Line: 2, Col: 28, Message: "m"}, "data/tracker.xlsx[Budget 2024]:2:AB: m"},
		{Problem{File: "data/tracker.xlsx[Budget]", Line: 2, Message: "m"}, "data/tracker.xlsx[Budget]:2: m"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestSortAndCount(t *testing.T) {
	var l List
	l.Warnf("b.csv", 2, 1, "w", "warning")
	l.Errorf("b.csv", 9, 1, "e", "late")
	l.Errorf("a.csv", 3, 2, "e", "second column")
	l.Errorf("a.csv", 3, 1, "e", "first column")
	l.Sort()
	var got []string
	for _, p := range l {
		got = append(got, p.String())
	}
	want := []string{"a.csv:3:1: e: first column", "a.csv:3:2: e: second column", "b.csv:9:1: e: late", "b.csv:2:1: w: warning"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sorted = %q, want %q", got, want)
	}
	if !l.HasErrors() || l.Summary() != "3 errors, 1 warning" {
		t.Errorf("HasErrors %v, Summary %q", l.HasErrors(), l.Summary())
	}
	if (List{}).HasErrors() {
		t.Error("empty list has no errors")
	}
}
