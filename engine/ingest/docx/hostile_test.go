package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// importQuick runs Import and fails the test if it takes longer than a few seconds.
func importQuick(t *testing.T, data []byte, lim limit.Limits) (*document.Document, error) {
	t.Helper()
	type result struct {
		doc *document.Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		doc, err := Import(context.Background(), "hostile.docx", data, lim)
		done <- result{doc, err}
	}()
	select {
	case r := <-done:
		return r.doc, r.err
	case <-time.After(20 * time.Second):
		t.Fatal("Import did not return within 20 s")
		return nil, nil
	}
}

// rawZip writes one entry with the given (possibly false) uncompressed size and a CRC that
// matches the real content.
func rawZip(t *testing.T, name string, content []byte, declared uint64) []byte {
	t.Helper()
	var comp bytes.Buffer
	fw, err := flate.NewWriter(&comp, flate.BestSpeed)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fw.Write(content); err != nil {
		t.Fatal(err)
	}
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(content),
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: declared,
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(comp.Bytes()); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func wantLimit(t *testing.T, err error, what string) {
	t.Helper()
	var le *limit.Error
	if !errors.As(err, &le) || !strings.Contains(le.What, what) {
		t.Fatalf("err = %v, want a *limit.Error about %q", err, what)
	}
}

func TestZipBomb(t *testing.T) {
	lim := limit.Default()
	lim.MaxDecompressed = 1 << 20
	// 8 MB of paragraphs that compress to a few KB.
	big := docXML(strings.Repeat(p("0"), 8<<20/len(p("0"))))

	t.Run("declared size over the limit", func(t *testing.T) {
		_, err := importQuick(t, zipParts(t, map[string]string{"word/document.xml": big}), lim)
		wantLimit(t, err, "decompressed size")
	})
	t.Run("declared size summed over entries", func(t *testing.T) {
		parts := map[string]string{"word/document.xml": docXML(p("正文"))}
		chunk := strings.Repeat("x", 300<<10)
		for _, n := range []string{"word/media/a.bin", "word/media/b.bin", "word/media/c.bin", "word/media/d.bin"} {
			parts[n] = chunk
		}
		_, err := importQuick(t, zipParts(t, parts), lim)
		wantLimit(t, err, "decompressed size")
	})
	t.Run("header lies about the size", func(t *testing.T) {
		_, err := importQuick(t, rawZip(t, "word/document.xml", []byte(big), 1000), lim)
		if err == nil || !strings.Contains(err.Error(), "word/document.xml") {
			t.Fatalf("err = %v, want an error naming word/document.xml", err)
		}
		var le *limit.Error
		if !errors.As(err, &le) && !errors.Is(err, zip.ErrFormat) {
			t.Fatalf("err = %v, want a limit error or a corrupt-entry error", err)
		}
	})
	t.Run("budget enforced while reading", func(t *testing.T) {
		// Past the directory check (honest headers within the limit), the bytes read are
		// counted again: here the budget is lowered after the check, as if the headers had lied.
		pkg, err := openPackage(zipParts(t, map[string]string{"word/document.xml": big}), limit.Default())
		if err != nil {
			t.Fatal(err)
		}
		pkg.budget.limit = 1 << 20
		r, err := pkg.open("word/document.xml")
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		n, err := io.Copy(io.Discard, r)
		wantLimit(t, err, "decompressed size")
		if n > 1<<20 {
			t.Errorf("read %d bytes past a budget of %d", n, 1<<20)
		}
		// Once the budget is spent, every later read fails at once.
		r2, err := pkg.open("word/document.xml")
		if err != nil {
			t.Fatal(err)
		}
		defer r2.Close()
		if n, err := r2.Read(make([]byte, 64)); n != 0 {
			t.Errorf("read %d bytes after the budget was spent", n)
		} else {
			wantLimit(t, err, "decompressed size")
		}
	})
}

func TestHostileXML(t *testing.T) {
	deep := func(open, close string, n int) string {
		return docXML(strings.Repeat(open, n) + strings.Repeat(close, n))
	}
	tests := []struct {
		name string
		xml  string
		lim  func(*limit.Limits)
		want string // limit What, or "" for any error
	}{
		{"100000 nested elements", deep("<w:sdt>", "</w:sdt>", 100000), nil, "nesting depth"},
		{"100000 nested elements, no depth limit set", deep("<x>", "</x>", 100000), func(l *limit.Limits) { l.MaxDepth = 0 }, "nesting depth"},
		{"nested tables", deep("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", 40000), nil, "nesting depth"},
		{"nested tables, no depth limit set", deep("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", 40000), func(l *limit.Limits) { l.MaxDepth = 0 }, "nesting depth"},
		{"nested runs in paragraphs", deep("<w:p><w:r><w:t>a</w:t></w:r><w:hyperlink>", "</w:hyperlink></w:p>", 40000), nil, "nesting depth"},
		{"unclosed elements", xmlHead + `<w:document ` + nsDecl + `><w:body>` + strings.Repeat("<w:p><w:r>", 1000), nil, ""},
		{"too many paragraphs", docXML(strings.Repeat("<w:p/>", maxParagraphs+1)), nil, "paragraphs"},
		{"too many cells", docXML("<w:tbl><w:tr>" + strings.Repeat("<w:tc/>", maxCells+1) + "</w:tr></w:tbl>"), nil, "table cells"},
		{"entity expansion", `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>` +
			`<w:document ` + nsDecl + `><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lim := limit.Default()
			if tt.lim != nil {
				tt.lim(&lim)
			}
			_, err := importQuick(t, zipParts(t, map[string]string{"word/document.xml": tt.xml}), lim)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), "word/document.xml") {
				t.Errorf("err = %v, want it to name the part", err)
			}
			if tt.want != "" {
				wantLimit(t, err, tt.want)
			}
		})
	}
}

// TestDeepNestingLinear parses tables nested 33,000 deep (just under the depth ceiling that
// applies when no depth limit is set) in linear time.
func TestDeepNestingLinear(t *testing.T) {
	const n = 33000
	x := docXML(strings.Repeat("<w:tbl><w:tr><w:tc>"+p("a"), n) + strings.Repeat("</w:tc></w:tr></w:tbl>", n))
	lim := limit.Default()
	lim.MaxDepth = 0
	start := time.Now()
	doc, err := importQuick(t, zipParts(t, map[string]string{"word/document.xml": x}), lim)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != n {
		t.Errorf("got %d blocks, want %d", len(doc.Blocks), n)
	}
	t.Logf("%d nested tables in %v", n, time.Since(start))
}

// TestLabelAmplification: a long list label on many paragraphs is cut, not multiplied.
func TestLabelAmplification(t *testing.T) {
	parts := packageParts(strings.Repeat(xpara(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`, "x"), 2000))
	parts["word/numbering.xml"] = xmlHead + `<w:numbering ` + nsDecl + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:lvlText w:val="` +
		strings.Repeat("%1", 1<<20) + `"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	doc, err := importQuick(t, zipParts(t, parts), limit.Default())
	if err != nil {
		t.Fatal(err)
	}
	if n := len(doc.Blocks[0].Text()); n > 4*maxLabel {
		t.Errorf("label of %d bytes", n)
	}
}

func TestHostileZip(t *testing.T) {
	fixture := readFile(t, fixturePath)
	many := map[string]string{"word/document.xml": docXML(p("正文"))}
	for i := 0; i <= maxEntries; i++ {
		many["f/"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+strconv.FormatInt(int64(i), 16)] = ""
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"truncated zip", fixture[:len(fixture)/2], "损坏或不完整"},
		{"zip without its directory end", fixture[:len(fixture)-10], "损坏或不完整"},
		{"OLE header (.doc)", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, fixture...), "不支持旧版 .doc"},
		{"too many entries", zipParts(t, many), "压缩包条目数超过上限"},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 5; i++ {
		junk := make([]byte, 64+rng.IntN(64<<10))
		for j := range junk {
			junk[j] = byte(rng.Uint32())
		}
		tests = append(tests, struct {
			name string
			data []byte
			want string
		}{"random bytes after PK header", append([]byte("PK\x03\x04"), junk...), "不是有效的 DOCX 文件"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := importQuick(t, tt.data, limit.Default())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

// TestCorruptEntries flips bytes inside the compressed data of the fixture: every result
// is a document or an error, never a panic.
func TestCorruptEntries(t *testing.T) {
	fixture := readFile(t, fixturePath)
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 200; i++ {
		data := bytes.Clone(fixture)
		for k := 0; k < 1+rng.IntN(8); k++ {
			data[rng.IntN(len(data))] ^= byte(1 + rng.IntN(255))
		}
		doc, err := importQuick(t, data, limit.Default())
		if err == nil {
			checkInvariants(t, doc)
		}
	}
}

// countdownCtx is a context that reports cancellation after a number of checks, to test
// that the reader looks at the context inside its loops and not only at the start.
type countdownCtx struct {
	context.Context
	left *int
}

func (c countdownCtx) Err() error {
	*c.left--
	if *c.left < 0 {
		return context.Canceled
	}
	return nil
}

func TestCancelMidway(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 5000; i++ {
		b.WriteString(p("段落"))
	}
	data := makeDocx(t, b.String())
	left := 3
	_, err := Import(countdownCtx{context.Background(), &left}, "x.docx", data, limit.Default())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}
