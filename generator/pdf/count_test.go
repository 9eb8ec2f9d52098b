package pdf

import "testing"

func TestPageCount(t *testing.T) {
	if n, err := PageCount(threePages("")); err != nil || n != 3 {
		t.Errorf("PageCount(three pages) = %d, %v; want 3", n, err)
	}
	if _, err := PageCount([]byte("not a PDF")); err == nil {
		t.Error("PageCount of a file that is not a PDF gave no error")
	}
}
