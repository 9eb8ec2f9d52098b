package charts

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// quickMeasure never vouches for options that encoding/json reads
// otherwise: where it reads them, measureJSON reads the same, without
// failing. Checked on every chart of the golden files and of the test
// report, and on every way of breaking a chart's options a byte at a time.
func TestQuickMeasureAgrees(t *testing.T) {
	agree := func(t *testing.T, options []byte) bool {
		t.Helper()
		empty, tall, ok := quickMeasure(options)
		if !ok {
			return false
		}
		var wantEmpty, wantTall bool
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("quickMeasure read %q, which encoding/json cannot: %v", options, p)
				}
			}()
			wantEmpty, wantTall = measureJSON(options)
		}()
		if empty != wantEmpty || tall != wantTall {
			t.Fatalf("quickMeasure(%q) = %v, %v; encoding/json: %v, %v", options, empty, tall, wantEmpty, wantTall)
		}
		return true
	}
	var all [][]byte
	goldens, _ := filepath.Glob("testdata/charts/*.golden")
	for _, name := range goldens {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		_, opts, ok := bytes.Cut(b, []byte("\noptions:\n"))
		if !ok {
			t.Fatalf("%s has no options", name)
		}
		all = append(all, opts)
	}
	r, cfg := testReport(t)
	for _, c := range Build(r, cfg) {
		all = append(all, c.Options)
	}
	if len(all) < 18 {
		t.Fatalf("only %d charts to check", len(all))
	}
	for _, o := range all {
		if !agree(t, o) {
			t.Fatalf("quickMeasure should read a chart's options: %.200s", o)
		}
	}
	for _, o := range []string{
		`{"series":[{"data":[0,null,{"value":0}]}]}`,
		`{"series":[{"type":"line","showSymbol":false,"data":[[0,0],[1,null],[2,100]]}]}`,
		`{"series":[{"type":"line","showSymbol":true,"data":[null,40,null]}]}`,
		`{"series":[{"type":"bar","showSymbol":false,"data":[null,40,null]}]}`,
		`{"series":[{"type":"line","data":[null,40,null]}]}`,
		`{"series":[{"data":[{"value":0,"value":3}]}]}`,
		`{"series":[{"data":[{"Value":3}]}]}`,
		`{"series":[{"data":["x",true,[],{}]}]}`,
		`{"series":[{"data":[1e400]}]}`,
		`{"series":[{"Data":[1]}]}`,
		`{"series":[{"data":[1]}],"series":[{"data":[0]}]}`,
		`{"Series":[{"data":[1]}]}`,
		`{"yAxis":[{"type":"category","data":[1,2,3,4,5,6,7,8,9]}],"series":null}`,
		`{"yAxis":[{"type":"category","type":"value","data":[1,2,3,4,5,6,7,8,9]}]}`,
		`{"yAxis":[null],"series":[null]}`,
		`{"series":[{"showSymbol":null,"type":"line","data":[0,1]}]} x`,
		`{"series":[{"type":"line","showSymbol":"no","data":[0,1]}]}`,
	} {
		agree(t, []byte(o))
	}
	// Break the smallest chart, and options with every kind of data item,
	// a byte at a time.
	smallest := slices.MinFunc(all, func(a, b []byte) int { return len(a) - len(b) })
	for _, o := range [][]byte{smallest, []byte(`{"yAxis":[{"type":"category","data":["a","b"]}],"series":[{"type":"line","showSymbol":false,"data":[[0,0],[1,{"value":2}],null,"x"]}]}`)} {
		read := 0
		for i := range o {
			for _, c := range []byte("\"\\,:{}[] 09-.entx\x00") {
				b := slices.Clone(o)
				b[i] = c
				if agree(t, b) {
					read++
				}
			}
			if agree(t, slices.Delete(slices.Clone(o), i, i+1)) {
				read++
			}
		}
		if read == 0 {
			t.Error("no broken options were read quickly: the test checks nothing")
		}
	}
}

func FuzzQuickMeasure(f *testing.F) {
	f.Add([]byte(`{"yAxis":[{"type":"category","data":["a"]}],"series":[{"type":"line","showSymbol":false,"data":[[0,0],[1,{"value":2}],null]}]}`))
	f.Fuzz(func(t *testing.T, options []byte) {
		empty, tall, ok := quickMeasure(options)
		if !ok {
			return
		}
		defer func() {
			if p := recover(); p != nil {
				t.Fatalf("quickMeasure read %q, which encoding/json cannot: %v", options, p)
			}
		}()
		if e, ta := measureJSON(options); e != empty || ta != tall {
			t.Fatalf("quickMeasure(%q) = %v, %v; encoding/json: %v, %v", options, empty, tall, e, ta)
		}
	})
}
