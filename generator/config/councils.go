package config

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"

	"github.com/adoptionreport/adoptionreport/generator/internal/tomlstrict"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// Council is one partner council of a regional edition ([[councils]]):
// its code is the `la` value of its rows in children.csv and budget.csv,
// the folder of its report (output/<code>/) and of its own pages
// (content/<code>/).
type Council struct {
	Code string `toml:"code"`
	Name string `toml:"name"`

	// Line and CodeLine are where the council's [[councils]] header and
	// its code are written in config.toml, for messages; 0 when unknown.
	Line, CodeLine, CodeCol int `toml:"-"`
}

// Regional reports whether the project is a regional edition: one report
// per council of [[councils]] and the RAA's overview.
func (c Config) Regional() bool { return len(c.Councils) > 0 }

// CouncilCodes are the codes of [[councils]] in the order written.
func (c Config) CouncilCodes() []string {
	codes := make([]string, len(c.Councils))
	for i, k := range c.Councils {
		codes[i] = k.Code
	}
	return codes
}

// ForCouncil is the settings of council i's own report: the project's
// settings with the council's name and without [[councils]], exactly as
// a one-council project of that council would write them. Its report is
// published at output/<code>/, so its base_url, when set, is the
// project's with <code>/ added.
func (c Config) ForCouncil(i int) Config {
	one := c
	one.Council = c.Councils[i].Name
	one.Councils = nil
	if one.BaseURL != "" {
		one.BaseURL = strings.TrimSuffix(one.BaseURL, "/") + "/" + c.Councils[i].Code + "/"
	}
	return one
}

// reservedCodes are the names the overview uses at the top of output/:
// a council's report there would overwrite them.
var reservedCodes = map[string]bool{"data": true, "assets": true, "static": true, "index": true}

// validateCouncils checks [[councils]], whose places in the file are
// found in src (the strict decoder records only a key's first place).
func (c *Config) validateCouncils(d *tomlstrict.Doc, file string, src []byte, probs *problem.List) {
	places := councilPlaces(src)
	seen := map[string]int{}
	for i := range c.Councils {
		k := &c.Councils[i]
		if i < len(places) {
			k.Line, k.CodeLine, k.CodeCol = places[i][0], places[i][1], places[i][2]
		}
		at := func() (int, int) {
			if k.CodeLine > 0 {
				return k.CodeLine, k.CodeCol
			}
			return k.Line, 0
		}
		k.Code = strings.TrimSpace(k.Code)
		k.Name = strings.TrimSpace(k.Name)
		line, col := at()
		switch {
		case k.Code == "":
			probs.Errorf(file, k.Line, 0, "councils.code", `council %d has no code: add a line such as code = "fenmoor" under its [[councils]], the value its rows carry in the la column of children.csv and budget.csv`, i+1)
		case !validCode(k.Code):
			probs.Errorf(file, line, col, "councils.code", `%q is not a council code: use lower-case letters, digits and hyphens, starting with a letter or digit, such as code = "fenmoor" (it names the folder of the council's report)`, k.Code)
		case reservedCodes[k.Code]:
			probs.Errorf(file, line, col, "councils.code", `%q is the name of a folder of the RAA's overview: choose another code, such as the council's name in lower case`, k.Code)
		default:
			if j, dup := seen[k.Code]; dup {
				first := fmt.Sprintf("line %d", c.Councils[j].Line)
				if n := strings.TrimSpace(c.Councils[j].Name); n != "" {
					first = n + ", " + first
				}
				probs.Errorf(file, line, col, "councils.code", "%q is already the code of council %d (%s): two councils cannot share a code; give each its own",
					k.Code, j+1, first)
			} else {
				seen[k.Code] = i
			}
		}
		if k.Name == "" {
			probs.Errorf(file, k.Line, 0, "councils.name", `council %d (%s) has no name: add a line such as name = "Fenmoor District Council" under its [[councils]]`, i+1, k.Code)
		}
	}
}

func validCode(s string) bool {
	for i, r := range s {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-' && i > 0) {
			return false
		}
	}
	return s != ""
}

// councilPlaces finds, for each [[councils]] header of src in order, its
// line and the line and column of its code key (0 when not written).
func councilPlaces(src []byte) [][3]int {
	var out [][3]int
	in := false
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(nil, len(src)+1)
	for n := 1; sc.Scan(); n++ {
		text := sc.Text()
		line := strings.TrimSpace(text)
		if strings.HasPrefix(line, "[") {
			head := strings.ReplaceAll(strings.ReplaceAll(line, " ", ""), "\t", "")
			in = strings.HasPrefix(head, "[[councils]]")
			if in {
				out = append(out, [3]int{n, 0, 0})
			}
			continue
		}
		if !in {
			continue
		}
		key, _, ok := strings.Cut(line, "=")
		if ok && strings.TrimSpace(key) == "code" && out[len(out)-1][1] == 0 {
			out[len(out)-1][1] = n
			out[len(out)-1][2] = strings.Index(text, "code") + 1
		}
	}
	return out
}
