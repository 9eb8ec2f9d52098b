package pdf

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/adoptionreport/adoptionreport/internal/browsertest"
)

// buildPDF assembles a PDF whose object i+1 is objs[i], with a correct
// cross-reference table and a trailer holding trailer's entries.
func buildPDF(objs []string, trailer string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xd3\xeb\xe9\xe1\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d %s>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, trailer, xref)
	return b.Bytes()
}

// poppler returns the path of a poppler-utils tool, skipping the test
// without it (or failing it in CI) as browsertest.Command does.
func poppler(t testing.TB, tool string) string {
	t.Helper()
	return browsertest.Command(t, tool, "`apt-get install poppler-utils`")
}

// pdfinfo returns pdfinfo's fields for the PDF at path, keyed by their
// names ("Title", "Pages", "Page size"…).
func pdfinfo(t testing.TB, path string) map[string]string {
	t.Helper()
	out, err := exec.Command(poppler(t, "pdfinfo"), "-enc", "UTF-8", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v\n%s", path, err, out)
	}
	info := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		// Poppler reads on past a damaged file, saying so on stderr.
		if strings.HasPrefix(line, "Syntax Error") || strings.HasPrefix(line, "Internal Error") {
			t.Errorf("pdfinfo %s: %s", path, line)
		}
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	return info
}

// pageText returns the text of page n (from 1) of the PDF at path, laid
// out as on the page.
func pageText(t testing.TB, path string, n int) string {
	t.Helper()
	out, err := exec.Command(poppler(t, "pdftotext"), "-layout", "-enc", "UTF-8",
		"-f", fmt.Sprint(n), "-l", fmt.Sprint(n), path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext page %d of %s: %v\n%s", n, path, err, out)
	}
	return string(out)
}
