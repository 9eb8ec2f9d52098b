package config

import (
	"strings"
	"testing"
)

const regionalHead = "title = \"T\"\nraa = \"R\"\nreport_year = \"2024-25\"\n"

// [[councils]] decodes in order, needs no council, and each mistake is
// an error at its line.
func TestCouncils(t *testing.T) {
	c, probs := Parse("config.toml", []byte(regionalHead+`
[[councils]]
code = "fenmoor"
name = "Fenmoor District Council"

[[councils]]
  code = "marshby"
name = "Marshby Borough Council"
`))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if !c.Regional() || strings.Join(c.CouncilCodes(), ",") != "fenmoor,marshby" {
		t.Fatalf("councils %+v", c.Councils)
	}
	if k := c.Councils[1]; k.Line != 9 || k.CodeLine != 10 || k.CodeCol != 3 {
		t.Errorf("marshby is placed at %d, %d:%d; want 9, 10:3", k.Line, k.CodeLine, k.CodeCol)
	}
	one := c.ForCouncil(1)
	if one.Council != "Marshby Borough Council" || one.Regional() {
		t.Errorf("ForCouncil: %q, regional %t", one.Council, one.Regional())
	}
	c.BaseURL = "https://raa.example/report"
	if got := c.ForCouncil(0).BaseURL; got != "https://raa.example/report/fenmoor/" {
		t.Errorf("fenmoor's base_url is %q", got)
	}

	_, probs = Parse("config.toml", []byte(regionalHead+`
[[councils]]
code = "Fen Moor"
name = "A"
[[councils]]
code = "data"
name = "B"
[[councils]]
name = "C"
[[councils]]
code = "d"
[[councils]]
name = "E"
code = "d"
[[councils]]
code = "e"
nmae = "F"
[[councils]]
code = "DATA"
name = "G"
[[councils]]
code = "Marshby"
name = "Marshby"
[[councils]]
code = "marshby"
name = "H"
`))
	for _, want := range []string{
		`config.toml:6:1: councils.code: "Fen Moor" is not a council code`,
		`config.toml:9:1: councils.code: "data" is the name of a folder of the RAA's overview`,
		`config.toml:11: councils.code: council 3 has no code`,
		`config.toml:13: councils.name: council 4 (d) has no name`,
		`config.toml:17:1: councils.code: "d" is already the code of council 4 (line 14): codes match whatever their capitals, and two councils cannot share one; give each its own (the codes are Fen Moor, data, d, e, Marshby)`,
		`config.toml:22:1: councils.code: "DATA" is the name of a folder of the RAA's overview`,
		`config.toml:28:1: councils.code: "marshby" differs only in its capitals from "Marshby", the code of council 8 (Marshby, line 25)`,
		`nmae: unknown setting (did you mean name?)`,
	} {
		if !strings.Contains(probs.Error(), want) {
			t.Errorf("no problem %q in\n%s", want, probs.Error())
		}
	}
}

// Councils written as an inline array are refused with the one error
// that says how to write them: the council line a regional edition
// does not need is not also reported missing.
func TestCouncilsInlineArray(t *testing.T) {
	for _, line := range []string{
		`councils = [{code = "a", name = "A"}]`,
		`councils = [{code = "a", name = "A"}, {code = "b", name = "B"}]`,
		`councils = []`,
	} {
		_, probs := Parse("config.toml", []byte(regionalHead+line+"\n"))
		want := "config.toml:4:1: councils: must be a list of tables, each starting with a line [[councils]], not "
		if len(probs) != 1 || !strings.HasPrefix(probs[0].String(), want) {
			t.Errorf("%s: problems\n%s\nwant one, starting %s", line, probs.Error(), want)
		}
	}
}

// A council's own 903 folders are checked as [data] ssda903's are, at
// the council's line; own_providers without them says it is not read.
func TestCouncils903(t *testing.T) {
	c, probs := Parse("config.toml", []byte(regionalHead+`
[[councils]]
code = "fenmoor"
name = "Fenmoor District Council"
ssda903 = ["data/fenmoor/903/2024-25/"]
own_providers = ["pr1", "PR2"]
`))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if k := c.Councils[0]; !c.CouncilsSSDA903() || k.SSDA903[0] != "data/fenmoor/903/2024-25" || strings.Join(k.OwnProviders, ",") != "PR1,PR2" {
		t.Errorf("council %+v", k)
	}
	_, probs = Parse("config.toml", []byte(regionalHead+`
[[councils]]
code = "fenmoor"
name = "F"
  ssda903 = ["../903", ""]
[[councils]]
code = "marshby"
name = "M"
ssda903 = ["data/marshby/903"]
[[councils]]
code = "eastholme"
name = "E"
own_providers = ["PR1"]
`))
	for _, want := range []string{
		`config.toml:8:3: councils.ssda903: council fenmoor: "../903" goes outside the project folder (..)`,
		`config.toml:8:3: councils.ssda903: council fenmoor: is empty: write the file's path inside the project folder, e.g. ssda903 = "data/fenmoor/903/2024-25"`,
		`config.toml:13: councils.ssda903: council eastholme has no 903 folders, while fenmoor, marshby give their own`,
		`config.toml:16:1: councils.own_providers: council eastholme: own_providers is read only with the council's own 903 folders`,
	} {
		if !strings.Contains(probs.Error(), want) {
			t.Errorf("no problem %q in\n%s", want, probs.Error())
		}
	}
}
