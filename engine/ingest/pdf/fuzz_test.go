package pdf

import (
	"context"
	"encoding/binary"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// FuzzImport feeds arbitrary bytes to the whole importer (pdfium included): no input may
// panic or hang (the time budget is 5 s, enforced by killing the WebAssembly instance), an
// error must say something, and a document must keep the position contract.
func FuzzImport(f *testing.F) {
	f.Add(makePDF(nil))
	f.Add(makePDF([]string{text(100, 700, "Hello") + "0.5 w 100 690 m 300 690 l S 100 650 m 300 650 l S 100 690 m 100 650 l S 200 690 m 200 650 l S 300 690 m 300 650 l S\n" + text(105, 670, "a") + text(205, 670, "1")}))
	f.Add(makePDF([]string{"q 400 0 0 600 100 100 cm /Im1 Do Q", text(100, 40, "- 2 -")}))
	f.Add([]byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"))
	sample := readFile(f, "testdata/chanhe_sample.pdf")
	f.Add(sample)
	f.Add(sample[:len(sample)/3])
	real := readFile(f, filepath.Join(corpusDir, "2023_hongzequ.pdf"))
	f.Add(real[:min(len(real), 16<<10)])
	lim := limit.Default()
	lim.Timeout = 5 * time.Second
	lim.MaxPages = 20
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Import(context.Background(), "fuzz.pdf", data, lim)
		if err != nil {
			if strings.TrimSpace(err.Error()) == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if doc.Pages < 1 || doc.Pages > lim.MaxPages {
			t.Fatalf("pages = %d", doc.Pages)
		}
		checkPositions(t, doc)
	})
}

// FuzzLayout drives the layout analysis alone (no pdfium, thousands of runs a second) with
// glyphs and ruling segments decoded from the input: tables, merges across pages and
// positions must never panic and must keep the position contract.
func FuzzLayout(f *testing.F) {
	f.Add([]byte{})
	seed := make([]byte, 0, 512)
	for _, v := range []uint16{100, 700, 300, 700, 100, 650, 300, 650, 100, 700, 100, 650, 200, 700, 200, 650, 300, 700, 300, 650} {
		seed = binary.LittleEndian.AppendUint16(seed, v)
	}
	f.Add(seed)
	f.Fuzz(func(t *testing.T, data []byte) {
		raw := decodeRaw(data)
		doc, err := build(context.Background(), "fuzz.pdf", raw)
		if err != nil {
			t.Fatal(err)
		}
		doc.Pages = len(raw.pages)
		checkPositions(t, doc)
	})
}

// decodeRaw turns bytes into pages of glyphs and segments: each 10-byte record is a kind
// byte, a rune selector and four 16-bit coordinates.
func decodeRaw(data []byte) *rawDoc {
	raw := &rawDoc{pages: []rawPage{{w: 595, h: 842}}}
	runes := []rune("0123456789一二三四五六（）、.总计-第页 ab")
	for len(data) >= 10 && len(raw.pages) <= 4 {
		kind, sel := data[0], data[1]
		c := [4]float64{}
		for i := range c {
			c[i] = float64(binary.LittleEndian.Uint16(data[2+2*i:])) / 64
		}
		data = data[10:]
		p := &raw.pages[len(raw.pages)-1]
		switch kind % 4 {
		case 0:
			size := math.Max(1, math.Mod(c[2], 30))
			p.glyphs = append(p.glyphs, glyph{r: runes[int(sel)%len(runes)], x0: c[0], y0: c[1], x1: c[0] + size*0.6, y1: c[1] + size, size: size})
		case 1:
			p.rules = append(p.rules, seg{c[0], c[1], c[2], c[1]})
		case 2:
			p.rules = append(p.rules, seg{c[0], c[1], c[0], c[3]})
		case 3:
			raw.pages = append(raw.pages, rawPage{w: 595, h: 842})
		}
	}
	return raw
}

// BenchmarkImport reads each corpus PDF with a warm Engine (the per-process WebAssembly
// compilation is not included; BenchmarkNewEngine measures that).
func BenchmarkImport(b *testing.B) {
	for _, g := range goldens {
		data := readFile(b, filepath.Join(corpusDir, g.file))
		b.Run(g.file, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Import(context.Background(), g.file, data, limit.Default()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNewEngine measures what a CLI run pays once before its first PDF: compiling
// pdfium's WebAssembly ("nocache"), or loading the compiled code from a warm wazero
// compilation cache ("cache"). Run with -benchtime=3x; one compilation takes seconds.
func BenchmarkNewEngine(b *testing.B) {
	data := readFile(b, filepath.Join(corpusDir, "2023_hongzequ.pdf"))
	dir := b.TempDir()
	warm, err := NewEngine(Options{CacheDir: dir})
	if err != nil {
		b.Fatal(err)
	}
	warm.Close()
	for _, tc := range []struct{ name, dir string }{{"nocache", ""}, {"cache", dir}} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				e, err := NewEngine(Options{CacheDir: tc.dir})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := e.Import(context.Background(), "x.pdf", data, limit.Default()); err != nil {
					b.Fatal(err)
				}
				e.Close()
			}
		})
	}
}
