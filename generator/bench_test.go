package generator

import (
	"context"
	"path/filepath"
	"testing"
)

// BenchmarkBuildSample is one whole build of the repository's sample
// project, from reading config.toml to the atomic swap of the output
// folder. The goal: the built binary's build of the sample in under 50 ms
// as a whole process (time it with /usr/bin/time, see README).
func BenchmarkBuildSample(b *testing.B) {
	out := filepath.Join(b.TempDir(), "site")
	ctx := context.Background()
	for b.Loop() {
		if res, err := Build(ctx, Options{Source: "..", Output: out}); err != nil {
			b.Fatalf("%v\n%s", err, res.Problems.Error())
		}
	}
}

// BenchmarkLoadSample reads and checks the sample's config, CSV files and
// content: the part of a build before any figure is computed.
func BenchmarkLoadSample(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		if _, probs := Load(ctx, ".."); probs.HasErrors() {
			b.Fatal(probs.Error())
		}
	}
}

// BenchmarkRenderSample computes, suppresses and renders the loaded sample
// in memory: a build short of reading and writing files.
func BenchmarkRenderSample(b *testing.B) {
	p, probs := Load(context.Background(), "..")
	if probs.HasErrors() {
		b.Fatal(probs.Error())
	}
	for b.Loop() {
		if _, _, err := p.Render(false); err != nil {
			b.Fatal(err)
		}
	}
}
