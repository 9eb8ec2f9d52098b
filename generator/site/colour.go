package site

import (
	"fmt"
	"math"
	"strconv"
)

// minContrast is WCAG 2.2 AA's contrast for normal text (1.4.3): the
// header puts white text on the council's colour.
const minContrast = 4.5

type rgb struct{ r, g, b float64 }

func parseHex(s string) (rgb, error) {
	if len(s) != 7 || s[0] != '#' {
		return rgb{}, fmt.Errorf("%q is not a colour; write it as #rrggbb, e.g. #1d70b8", s)
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return rgb{}, fmt.Errorf("%q is not a colour; write it as #rrggbb, e.g. #1d70b8", s)
	}
	return rgb{float64(v >> 16), float64(v >> 8 & 0xff), float64(v & 0xff)}, nil
}

func (c rgb) hex() string {
	return fmt.Sprintf("#%02x%02x%02x", int(math.Round(c.r)), int(math.Round(c.g)), int(math.Round(c.b)))
}

// luminance is WCAG's relative luminance.
func (c rgb) luminance() float64 {
	lin := func(v float64) float64 {
		v /= 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.r) + 0.7152*lin(c.g) + 0.0722*lin(c.b)
}

// contrastWithWhite is WCAG's contrast ratio of c against white.
func (c rgb) contrastWithWhite() float64 { return 1.05 / (c.luminance() + 0.05) }

func (c rgb) scale(f float64) rgb { return rgb{c.r * f, c.g * f, c.b * f} }

// Brand returns the colours the theme uses for the council's primary
// colour: brand carries white text at AA contrast, and dark is a deeper
// shade for borders. A colour too light for white text is darkened,
// keeping its hue, until it passes; darkened says so, so the build can
// tell the officer which colour it used.
func Brand(primary string) (brand, dark string, darkened bool, err error) {
	c, err := parseHex(primary)
	if err != nil {
		return "", "", false, err
	}
	orig := c.hex()
	for f := 1.0; c.contrastWithWhite() < minContrast; f -= 0.02 {
		c = c.scale(f)
	}
	// Rounding to whole channel values can nudge the ratio back below.
	for parseMust(c.hex()).contrastWithWhite() < minContrast {
		c = c.scale(0.98)
	}
	return c.hex(), c.scale(0.7).hex(), c.hex() != orig, nil
}

func parseMust(s string) rgb {
	c, _ := parseHex(s)
	return c
}
