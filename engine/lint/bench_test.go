package lint

import (
	"context"
	"os"
	"testing"

	"github.com/reportlint/reportlint/engine/ingest"
	"github.com/reportlint/reportlint/engine/ingest/limit"
	"github.com/reportlint/reportlint/engine/regoeval"
)

const sample = "../../fixtures/2023_chanhe_zhengshuju.txt"

// BenchmarkLintSample lints the bundled sample end to end: read, profile, CEL, Rego,
// resolve. docs/s is the throughput on one core.
func BenchmarkLintSample(b *testing.B) {
	l := newTestLinter(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if r := l.Lint(ctx, sample); r.Err != nil {
			b.Fatal(r.Err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkLintSampleParallel is the same on every core, as a sweep runs.
func BenchmarkLintSampleParallel(b *testing.B) {
	l := newTestLinter(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if r := l.Lint(ctx, sample); r.Err != nil {
				b.Error(r.Err)
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// The stages alone, to see where the time goes.
func BenchmarkStages(b *testing.B) {
	l := newTestLinter(b)
	ctx := context.Background()
	data, err := os.ReadFile(sample)
	if err != nil {
		b.Fatal(err)
	}
	p := l.Packs[0]
	doc, err := ingest.Read(ctx, sample, data, ingest.Options{Limits: limit.Default()})
	if err != nil {
		b.Fatal(err)
	}
	facts := p.Profile.Apply(doc)
	b.Run("ingest", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := ingest.Read(ctx, sample, data, ingest.Options{Limits: limit.Default()}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("profile", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			p.Profile.Apply(doc)
		}
	})
	b.Run("rego-input", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			regoeval.Input(facts)
		}
	})
	b.Run("evaluate", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := p.Evaluate(ctx, facts); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkLintFormats lints the same report in every format it is published in, and
// real reports of the corpus, end to end on one core: what a document costs by carrier.
// PDF runs warm (pdfium compiled once per process, as in a sweep).
func BenchmarkLintFormats(b *testing.B) {
	l := newTestLinter(b)
	ctx := context.Background()
	for _, tc := range []struct{ name, path string }{
		{"sample.txt", "../../fixtures/formats/sample.txt"},
		{"sample.html", "../../fixtures/formats/sample.html"},
		{"sample.docx", "../../fixtures/formats/sample.docx"},
		{"sample.pdf", "../../fixtures/formats/sample.pdf"},
		{"portal.html", corpusDir + "/2023_pingtan.html"},
		{"report.md", corpusDir + "/2024_shkewei.md"},
		{"report.pdf", corpusDir + "/2023_hongzequ.pdf"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			if r := l.Lint(ctx, tc.path); r.Err != nil { // warm up, and fail early
				b.Fatal(r.Err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if r := l.Lint(ctx, tc.path); r.Err != nil {
					b.Fatal(r.Err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
