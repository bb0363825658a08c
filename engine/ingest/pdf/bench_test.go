package pdf

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// BenchmarkLayout measures the geometry alone (tables, lines, paragraphs, merges across
// pages) on what pdfium gives for each corpus PDF and the synthetic sample: the part of
// reading a PDF that this package's code decides, without pdfium's own time.
func BenchmarkLayout(b *testing.B) {
	e, err := defaultEngine()
	if err != nil {
		b.Fatal(err)
	}
	files := []string{"testdata/chanhe_sample.pdf"}
	for _, g := range goldens {
		files = append(files, filepath.Join(corpusDir, g.file))
	}
	for _, f := range files {
		raw, err := e.extract(context.Background(), readFile(b, f), limit.Default())
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := build(context.Background(), f, raw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkExtract measures what pdfium gives for each corpus PDF and the synthetic
// sample: the calls into the WebAssembly module for every glyph, drawing object and page,
// with a pooled instance reused from one document to the next as in a run over a folder.
func BenchmarkExtract(b *testing.B) {
	e, err := defaultEngine()
	if err != nil {
		b.Fatal(err)
	}
	files := []string{"testdata/chanhe_sample.pdf"}
	for _, g := range goldens {
		files = append(files, filepath.Join(corpusDir, g.file))
	}
	for _, f := range files {
		data := readFile(b, f)
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := e.extract(context.Background(), data, limit.Default()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
