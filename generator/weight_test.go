package generator

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// assetRef finds the scripts, stylesheets and images a page loads.
var assetRef = regexp.MustCompile(`<(?:script src|link rel="stylesheet" href|img(?: class="[^"]*")? src)="([^"]+)"`)

func gzipSize(t *testing.T, b []byte) int {
	t.Helper()
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

// A page loads ECharts only when it has a chart, so a page of text weighs
// under 50 kB gzipped, with its scripts and stylesheet, and a page of
// charts under 300 kB, as a reader on a phone downloads them.
func TestPageWeight(t *testing.T) {
	out := buildSample(t, false)
	pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
	text, charted := 0, 0
	for _, p := range pages {
		html, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(p)
		weight := gzipSize(t, html)
		echarts := false
		for _, m := range assetRef.FindAllSubmatch(html, -1) {
			ref := string(m[1])
			b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(ref)))
			if err != nil {
				t.Errorf("%s loads %s, which the build did not write: %v", name, ref, err)
				continue
			}
			weight += gzipSize(t, b)
			echarts = echarts || strings.Contains(ref, "echarts")
		}
		limit := 50 << 10
		if bytes.Contains(html, []byte(`class="chart-canvas"`)) {
			limit = 300 << 10
			charted++
			if !echarts {
				t.Errorf("%s has a chart but does not load ECharts", name)
			}
		} else {
			text++
			if echarts {
				t.Errorf("%s has no chart but loads ECharts", name)
			}
		}
		if weight >= limit {
			t.Errorf("%s weighs %d bytes gzipped with its scripts and stylesheet; the limit is %d", name, weight, limit)
		}
		t.Logf("%s: %d bytes gzipped", name, weight)
	}
	if text == 0 || charted == 0 {
		t.Errorf("the sample has %d text pages and %d chart pages; the test needs both", text, charted)
	}
}
