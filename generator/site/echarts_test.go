package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// The embedded ECharts is the file scripts/vendor-echarts.sh vendored:
// echarts.VERSION records its checksum, so a hand-edited copy is caught.
func TestEmbeddedEChartsChecksum(t *testing.T) {
	b, err := fs.ReadFile(defaultTheme, "theme/"+echartsPath)
	if err != nil {
		t.Fatal(err)
	}
	version, err := fs.ReadFile(defaultTheme, "theme/static/js/echarts.VERSION")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	want := "sha256 " + hex.EncodeToString(sum[:]) + "  echarts.min.js"
	if !strings.Contains(string(version), want+"\n") {
		t.Errorf("echarts.VERSION does not record the embedded file's checksum (%x): run scripts/vendor-echarts.sh", sum)
	}
}

// A project's own echarts.min.js wins over the embedded one, and is named
// by its own hash.
func TestEChartsOverride(t *testing.T) {
	own := []byte("/* a council's own build */")
	embedded, err := fs.ReadFile(defaultTheme, "theme/"+echartsPath)
	if err != nil {
		t.Fatal(err)
	}
	project := fstest.MapFS{echartsPath: {Data: own}}
	for _, tc := range []struct {
		name    string
		project fs.FS
		want    []byte
	}{
		{"default", fstest.MapFS{}, embedded},
		{"override", project, own},
	} {
		theme, err := LoadTheme(tc.project, "")
		if err != nil {
			t.Fatal(err)
		}
		r := &renderer{theme: theme, files: Files{}, probs: new(problem.List)}
		if err := r.assets(); err != nil {
			t.Fatal(err)
		}
		name := r.site.ECharts
		sum := sha256.Sum256(tc.want)
		if !strings.Contains(name, "."+hex.EncodeToString(sum[:6])+".") || !bytes.Equal(r.files[name], tc.want) {
			t.Errorf("%s: wrote %s (%d bytes), want the file hashing to %x", tc.name, name, len(r.files[name]), sum[:6])
		}
	}
}
