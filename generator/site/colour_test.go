package site

import "testing"

func TestBrand(t *testing.T) {
	tests := []struct {
		in       string
		darkened bool
	}{
		{"#1d70b8", false}, // GOV.UK blue: 5.17:1 with white
		{"#0b0c0c", false},
		{"#ffdd00", true}, // yellow: 1.4:1, must be darkened
		{"#00a33b", true}, // a council green: 3.2:1
		{"#FFFFFF", true},
	}
	for _, tt := range tests {
		brand, dark, darkened, err := Brand(tt.in)
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if darkened != tt.darkened {
			t.Errorf("%s: darkened = %v, want %v (got %s)", tt.in, darkened, tt.darkened, brand)
		}
		if r := parseMust(brand).contrastWithWhite(); r < minContrast {
			t.Errorf("%s -> %s has contrast %.2f, below %.1f", tt.in, brand, r, minContrast)
		}
		if dark == "" || dark == brand {
			t.Errorf("%s: dark shade %q", tt.in, dark)
		}
	}
	// A worked value: #1d70b8 has relative luminance 0.1532, so (1.05)/(0.2032) = 5.17.
	if r := parseMust("#1d70b8").contrastWithWhite(); r < 5.16 || r > 5.18 {
		t.Errorf("contrast of #1d70b8 = %.3f, want 5.17", r)
	}
	for _, bad := range []string{"blue", "#12345", "#12345g", ""} {
		if _, _, _, err := Brand(bad); err == nil {
			t.Errorf("Brand(%q) should fail", bad)
		}
	}
}
