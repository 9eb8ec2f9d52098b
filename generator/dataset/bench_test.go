package dataset

import (
	"os"
	"testing"
)

// BenchmarkLoad reads and checks the repository's sample data: the
// dataset stage of a build alone, without config or content.
func BenchmarkLoad(b *testing.B) {
	fsys := os.DirFS("../..")
	for b.Loop() {
		if _, probs := Load(fsys, defaultFiles, reportYear, Today(testToday)); probs.HasErrors() {
			b.Fatal(probs.Error())
		}
	}
}
