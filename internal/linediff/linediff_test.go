package linediff

import (
	"strings"
	"testing"
)

// lines joins numbered lines "1".."n" with newlines, a final one included.
func lines(n int, change map[int]string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		if s, ok := change[i]; ok {
			if s != "" {
				b.WriteString(s + "\n")
			}
			continue
		}
		b.WriteString("line " + itoa(i) + "\n")
	}
	return b.String()
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func TestDiff(t *testing.T) {
	long := strings.Repeat("a", 300)
	tests := []struct {
		name      string
		want, got string
		diff      string
	}{
		{name: "equal", want: lines(5, nil), got: lines(5, nil), diff: ""},
		{
			name: "one line changed",
			want: lines(10, nil), got: lines(10, map[int]string{5: "line five"}),
			diff: "@@ -2,7 +2,7 @@ (-want +got)\n  line 2\n  line 3\n  line 4\n- line 5\n+ line five\n  line 6\n  line 7\n  line 8\n",
		},
		{
			name: "line added at the start",
			want: lines(6, nil), got: "new\n" + lines(6, nil),
			diff: "@@ -1,3 +1,4 @@ (-want +got)\n+ new\n  line 1\n  line 2\n  line 3\n",
		},
		{
			name: "lines removed at the end",
			want: lines(6, nil), got: lines(4, nil),
			diff: "@@ -2,6 +2,4 @@ (-want +got)\n  line 2\n  line 3\n  line 4\n- line 5\n- line 6\n  \n",
		},
		{
			name: "two changes: the first shown, the second mentioned",
			want: lines(20, nil), got: lines(20, map[int]string{3: "three", 17: "seventeen"}),
			diff: "@@ -1,6 +1,6 @@ (-want +got)\n  line 1\n  line 2\n- line 3\n+ three\n  line 4\n  line 5\n  line 6\n" +
				"… and they differ again after this (want has 21 lines, got 21)\n",
		},
		{
			name: "long line shown around its difference",
			want: "x\n" + long + "b" + long + "\ny\n", got: "x\n" + long + "c" + long + "\ny\n",
			diff: "@@ -1,4 +1,4 @@ (-want +got)\n  x\n" +
				"- …" + strings.Repeat("a", 53) + "b" + strings.Repeat("a", 106) + "…\n" +
				"+ …" + strings.Repeat("a", 53) + "c" + strings.Repeat("a", 106) + "…\n" +
				"  y\n  \n(line 2 first differs at column 301)\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Diff(tt.want, tt.got); got != tt.diff {
				t.Errorf("Diff =\n%s\nwant\n%s", got, tt.diff)
			}
		})
	}
}

// A long run of changed lines is cut short.
func TestDiffBounded(t *testing.T) {
	change := map[int]string{}
	for i := 10; i < 100; i++ {
		change[i] = "changed " + itoa(i)
	}
	d := Diff(lines(200, nil), lines(200, change))
	if n := strings.Count(d, "\n"); n > 2*maxShown+2*context+4 {
		t.Errorf("Diff has %d lines:\n%s", n, d)
	}
	for _, want := range []string{"- line 10\n", "+ changed 10\n", "- … 70 more lines\n", "+ … 70 more lines\n", "  line 100\n"} {
		if !strings.Contains(d, want) {
			t.Errorf("Diff lacks %q:\n%s", want, d)
		}
	}
}
