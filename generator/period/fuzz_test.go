package period

import (
	"strings"
	"testing"
)

// Every form a finance table, config or page may use reads back as the
// 2024-25 the report writes; anything else says how to write it.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2024-25", "2024/25", "2024-2025", "2024/2025", "2022-25", "2099/2100", "2024-2125",
		"2024", "24/25", "2024-25-26", "", "/", "9999/0000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			if !strings.Contains(err.Error(), "is not a financial year; write it like 2024-25") {
				t.Errorf("ParsePeriod(%q): error %q does not say how to write it", s, err)
			}
			return
		}
		// The report writes 2024-25 for every form, and reads it back.
		if p2, err := ParsePeriod(p.String()); err != nil || p2 != p || p.Len() < 1 {
			t.Errorf("ParsePeriod(%q) = %v, but ParsePeriod(%q) = %v, %v", s, p, p.String(), p2, err)
		}
	})
}
