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

// The checksum a build names ECharts by, without hashing it, is the hash
// of the file it writes.
func TestEmbeddedEChartsChecksum(t *testing.T) {
	b, sum, err := embeddedECharts()
	if err != nil {
		t.Fatal(err)
	}
	if got := sha256.Sum256(b); got != sum {
		t.Errorf("echarts.VERSION records %x, the embedded file hashes to %x: run scripts/vendor-echarts.sh", sum, got)
	}
	want, err := fs.ReadFile(defaultTheme, "theme/"+echartsPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, want) {
		t.Error("the ECharts string differs from the default theme's file")
	}
}

// A project's own echarts.min.js wins over the embedded one, and is named
// by its own hash.
func TestEChartsOverride(t *testing.T) {
	own := []byte("/* a council's own build */")
	project := fstest.MapFS{echartsPath: {Data: own}}
	for _, tc := range []struct {
		name    string
		project fs.FS
		want    []byte
	}{
		{"default", fstest.MapFS{}, []byte(echartsMin)},
		{"override", project, own},
	} {
		theme, err := themeLayers(tc.project, "")
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
