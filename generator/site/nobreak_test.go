package site

import "testing"

func TestNoBreak(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Annual Adoption Report 2024-25", `Annual Adoption Report <span class="nowrap">2024-25</span>`},
		{"Report to Cabinet, 16 July 2025", `Report to Cabinet, <span class="nowrap">16 July 2025</span>`},
		{"Budget £1.9m & <b>", `Budget <span class="nowrap">£1.9m</span> &amp; &lt;b&gt;`},
		{"No figures", "No figures"},
		{"<1-2>", `<span class="nowrap">&lt;1-2&gt;</span>`},
	} {
		if got := string(noBreak(c.in)); got != c.want {
			t.Errorf("noBreak(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}
