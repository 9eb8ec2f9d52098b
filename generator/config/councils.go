package config

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
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
	// SSDA903 are the folders of the council's own 903 returns, oldest
	// first, from which its children are derived instead of from the la
	// rows of children.csv. Every council gives them, or none does.
	SSDA903 []string `toml:"ssda903"`
	// OwnProviders, when set, are the council's own PLACE_PROVIDER codes
	// in place of [ssda903] own_providers: the council hosting the RAA
	// has PR1, one whose RAA another council hosts PR1 and PR2.
	OwnProviders []string `toml:"own_providers"`

	// Line and CodeLine are where the council's [[councils]] header and
	// its code are written in config.toml, for messages; 0 when unknown.
	Line, CodeLine, CodeCol int `toml:"-"`
	// SSDA903Line and SSDA903Col are where its ssda903 key is written,
	// ProvidersLine and ProvidersCol its own_providers key.
	SSDA903Line, SSDA903Col, ProvidersLine, ProvidersCol int `toml:"-"`
}

// Regional reports whether the project is a regional edition: one report
// per council of [[councils]] and the RAA's overview.
func (c Config) Regional() bool { return len(c.Councils) > 0 }

// CouncilIndex is the index in Councils of the council whose code is
// code, whatever its capitals (a case system may export "Fenmoor" for the
// code "fenmoor"), or -1 when there is none. Everything written uses the
// code as config.toml spells it.
func (c Config) CouncilIndex(code string) int {
	return slices.IndexFunc(c.Councils, func(k Council) bool { return strings.EqualFold(k.Code, code) })
}

// distinctCodes are the codes of [[councils]] in the order written,
// each once whatever its capitals, for a message listing them.
func (c Config) distinctCodes() []string {
	var out []string
	for _, k := range c.Councils {
		if k.Code != "" && !slices.ContainsFunc(out, func(s string) bool { return strings.EqualFold(s, k.Code) }) {
			out = append(out, k.Code)
		}
	}
	return out
}

// CouncilCodes are the codes of [[councils]] in the order written.
func (c Config) CouncilCodes() []string {
	codes := make([]string, len(c.Councils))
	for i, k := range c.Councils {
		codes[i] = k.Code
	}
	return codes
}

// CouncilsSSDA903 reports whether the councils' children come from
// their own 903 folders ([[councils]] ssda903) rather than children.csv.
func (c Config) CouncilsSSDA903() bool {
	return slices.ContainsFunc(c.Councils, func(k Council) bool { return len(k.SSDA903) > 0 })
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
	// Trimmed first: a message lists every code.
	for i := range c.Councils {
		c.Councils[i].Code = strings.TrimSpace(c.Councils[i].Code)
	}
	for i := range c.Councils {
		k := &c.Councils[i]
		if i < len(places) {
			k.Line, k.CodeLine, k.CodeCol = places[i][0], places[i][1], places[i][2]
			k.SSDA903Line, k.SSDA903Col = places[i][3], places[i][4]
			k.ProvidersLine, k.ProvidersCol = places[i][5], places[i][6]
		}
		at := func() (int, int) {
			if k.CodeLine > 0 {
				return k.CodeLine, k.CodeCol
			}
			return k.Line, 0
		}
		k.Name = strings.TrimSpace(k.Name)
		line, col := at()
		switch {
		case k.Code == "":
			probs.Errorf(file, k.Line, 0, "councils.code", `council %d has no code: add a line such as code = "fenmoor" under its [[councils]], the value its rows carry in the la column of children.csv and budget.csv`, i+1)
		case !validCode(k.Code):
			probs.Errorf(file, line, col, "councils.code", `%q is not a council code: use letters, digits and hyphens, starting with a letter or digit, such as code = "fenmoor" (it names the folder of the council's report)`, k.Code)
		case reservedCodes[strings.ToLower(k.Code)]:
			probs.Errorf(file, line, col, "councils.code", `%q is the name of a folder of the RAA's overview: choose another code, such as the council's name in lower case`, k.Code)
		default:
			// Codes match whatever their capitals (an la value, --council,
			// a content/<code>/ folder), so two that differ only in their
			// capitals are one code; on a computer whose files ignore
			// capitals their reports would share a folder, too.
			j, dup := seen[strings.ToLower(k.Code)]
			if !dup {
				seen[strings.ToLower(k.Code)] = i
				break
			}
			o := c.Councils[j]
			first := fmt.Sprintf("line %d", o.Line)
			if o.CodeLine > 0 {
				first = fmt.Sprintf("line %d", o.CodeLine)
			}
			if n := strings.TrimSpace(o.Name); n != "" {
				first = n + ", " + first
			}
			same := "is already"
			if o.Code != k.Code {
				same = fmt.Sprintf("differs only in its capitals from %q,", o.Code)
			}
			probs.Errorf(file, line, col, "councils.code", "%q %s the code of council %d (%s): codes match whatever their capitals, and two councils cannot share one; give each its own (the codes are %s)",
				k.Code, same, j+1, first, strings.Join(c.distinctCodes(), ", "))
		}
		if k.Name == "" {
			probs.Errorf(file, k.Line, 0, "councils.name", `council %d (%s) has no name: add a line such as name = "Fenmoor District Council" under its [[councils]]`, i+1, k.Code)
		}
	}
	c.validateCouncils903(d, file, probs)
}

// validateCouncils903 checks the councils' own 903 folders: every
// council gives them or none does (a mix would leave some councils'
// children in children.csv and some in the 903, which the build does not
// join), no folder is two councils', and [data] ssda903 is not set too.
func (c *Config) validateCouncils903(d *tomlstrict.Doc, file string, probs *problem.List) {
	for _, k := range c.Councils {
		if k.OwnProviders == nil {
			continue
		}
		line, col := k.ProvidersLine, k.ProvidersCol
		if line == 0 {
			line, col = k.Line, 0
		}
		if len(k.SSDA903) == 0 {
			probs.Warnf(file, line, col, "councils.own_providers", "council %s: own_providers is read only with the council's own 903 folders (ssda903 under its [[councils]]): remove it, or give the folders", k.Code)
			continue
		}
		checkProviders(k.OwnProviders, func(format string, args ...any) {
			probs.Errorf(file, line, col, "councils.own_providers", "council %s: "+format, append([]any{k.Code}, args...)...)
		})
	}
	if !c.CouncilsSSDA903() {
		return
	}
	var with []string
	for _, k := range c.Councils {
		if len(k.SSDA903) > 0 {
			with = append(with, k.Code)
		}
	}
	owner := map[string]int{}
	for i := range c.Councils {
		k := &c.Councils[i]
		if len(k.SSDA903) == 0 {
			verb := "give their own"
			if len(with) == 1 {
				verb = "gives its own"
			}
			probs.Errorf(file, k.Line, 0, "councils.ssda903", `council %s has no 903 folders, while %s %s: every council gives its own (add ssda903 = ["data/%s/903/2024-25"] under its [[councils]]), or none does and children.csv holds every council's children in its la column`,
				k.Code, strings.Join(with, ", "), verb, k.Code)
			continue
		}
		for j, f := range k.SSDA903 {
			errorf := func(format string, args ...any) {
				line, col := k.SSDA903At()
				probs.Errorf(file, line, col, "councils.ssda903", "council %s: "+format, append([]any{k.Code}, args...)...)
			}
			f = checkPathAt(errorf, "ssda903", f, "data/"+k.Code+"/903/2024-25", true)
			k.SSDA903[j] = f
			if o, dup := owner[f]; dup && o != i {
				line, _ := c.Councils[o].SSDA903At()
				errorf("folder %s is also council %s's (line %d): each council's 903 folders hold its own return; give this council the folder of its own", f, c.Councils[o].Code, line)
			} else {
				owner[f] = i
			}
		}
	}
	if len(c.Data.SSDA903) > 0 {
		d.Errorf(probs, "data.ssda903", "is set, and so are the councils' own 903 folders ([[councils]] ssda903, for %s): in a regional edition each council gives its own; remove [data] ssda903, or move its folders to the council whose return they hold", strings.Join(with, ", "))
	}
}

// SSDA903At is where the council's ssda903 key is written in
// config.toml, or its [[councils]] header when that is not known.
func (k Council) SSDA903At() (line, col int) {
	if k.SSDA903Line > 0 {
		return k.SSDA903Line, k.SSDA903Col
	}
	return k.Line, 0
}

func validCode(s string) bool {
	for i, r := range s {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' && i > 0) {
			return false
		}
	}
	return s != ""
}

// councilPlaces finds, for each [[councils]] header of src in order, its
// line, the line and column of its code key and those of its ssda903 and
// own_providers keys (0 when not written).
func councilPlaces(src []byte) [][7]int {
	var out [][7]int
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
				out = append(out, [7]int{})
				out[len(out)-1][0] = n
			}
			continue
		}
		if !in {
			continue
		}
		key, _, ok := strings.Cut(line, "=")
		for _, k := range []struct {
			name string
			at   int
		}{{"code", 1}, {"ssda903", 3}, {"own_providers", 5}} {
			if ok && strings.TrimSpace(key) == k.name && out[len(out)-1][k.at] == 0 {
				out[len(out)-1][k.at] = n
				out[len(out)-1][k.at+1] = strings.Index(text, k.name) + 1
			}
		}
	}
	return out
}
