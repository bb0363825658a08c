package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// makePDF writes a minimal PDF: one page per content stream, Helvetica as /F1 and a 2×2
// grey image as /Im1 on every page. pages == nil gives a document with no pages.
func makePDF(pages []string) []byte {
	var b bytes.Buffer
	var offs []int
	obj := func(body string) {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offs), body)
	}
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	kids := make([]string, len(pages))
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 5+2*i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	obj("<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream")
	for i, c := range pages {
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> /Contents %d 0 R >>", 6+2*i))
		obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(c)+0, c))
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return b.Bytes()
}

// text places s at (x, y) in PDF coordinates (origin bottom left).
func text(x, y float64, s string) string {
	return fmt.Sprintf("BT /F1 10 Tf %.1f %.1f Td (%s) Tj ET\n", x, y, s)
}

func importBytes(t testing.TB, data []byte, lim limit.Limits) (*document.Document, error) {
	t.Helper()
	return Import(context.Background(), "test.pdf", data, lim)
}

func TestHostile(t *testing.T) {
	real := readFile(t, filepath.Join(corpusDir, "2023_hongzequ.pdf"))
	rnd := rand.New(rand.NewSource(1))
	random := make([]byte, 4096)
	rnd.Read(random)
	for _, tc := range []struct {
		name string
		data []byte
		lim  func(*limit.Limits)
		// want is a substring of the error, or "" for success.
		want string
	}{
		{name: "empty", data: nil, want: "不是 PDF 文件"},
		{name: "text", data: []byte("一、总体情况\n"), want: "不是 PDF 文件"},
		{name: "random after header", data: append([]byte("%PDF-1.7\n"), random...), want: "无法读取的 PDF"},
		{name: "header only", data: []byte("%PDF-1.4\n%%EOF\n"), want: "无法读取的 PDF"},
		{name: "PDF 没有页面", data: makePDF(nil), want: "PDF 没有页面"},
		{name: "page limit", data: real, lim: func(l *limit.Limits) { l.MaxPages = 2 }, want: "页数超过上限"},
		{name: "size limit", data: real, lim: func(l *limit.Limits) { l.MaxBytes = 1000 }, want: "文件大小超过上限"},
		{name: "timeout", data: real, lim: func(l *limit.Limits) { l.Timeout = time.Nanosecond }, want: "读取时间超过上限"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lim := limit.Default()
			if tc.lim != nil {
				tc.lim(&lim)
			}
			doc, err := importBytes(t, tc.data, lim)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q (doc %v)", err, tc.want, doc != nil)
			}
			if strings.Contains(tc.want, "limit") {
				var le *limit.Error
				if !errors.As(err, &le) {
					t.Errorf("%v is not a *limit.Error", err)
				}
			}
		})
	}
}

// TestTruncated reads the first half of a real report: pdfium rebuilds what it can (it
// scans for objects when the cross-reference table is gone); the result is either an
// error or a document with at most the real page count, never a panic or a hang.
func TestTruncated(t *testing.T) {
	for _, g := range goldens {
		real := readFile(t, filepath.Join(corpusDir, g.file))
		for _, frac := range []int{2, 4} {
			data := real[:len(real)/frac]
			doc, err := importBytes(t, data, limit.Default())
			if err != nil {
				if !strings.Contains(err.Error(), "PDF") {
					t.Errorf("%s 1/%d: unclear error %v", g.file, frac, err)
				}
				continue
			}
			if doc.Pages > g.pages {
				t.Errorf("%s 1/%d: %d pages", g.file, frac, doc.Pages)
			}
			checkPositions(t, doc)
		}
	}
}

// TestScanned: a page that only shows an image gives a note, not an error.
func TestScanned(t *testing.T) {
	data := makePDF([]string{
		"q 400 0 0 600 100 100 cm /Im1 Do Q",
		text(100, 700, "Page two has text."),
	})
	doc, err := importBytes(t, data, limit.Default())
	if err != nil {
		t.Fatal(err)
	}
	if doc.Pages != 2 || len(doc.Notes) != 1 || !strings.Contains(doc.Notes[0].Message, "第 1 页没有文字层") || doc.Notes[0].Span.Start.Page != 1 {
		t.Fatalf("pages %d notes %+v", doc.Pages, doc.Notes)
	}
	if len(doc.Blocks) != 1 || doc.Blocks[0].Text() != "Page two has text." || doc.Blocks[0].Span.Start.Page != 2 {
		t.Fatalf("blocks = %+v", doc.Blocks)
	}
}

// TestEncrypted reads copies of the sample encrypted by qpdf (see
// testdata/make_chanhe_sample.sh): with a user password the file is refused with a clear
// error; with only an owner password (an empty user password, the usual "protected" PDF)
// it is read.
func TestEncrypted(t *testing.T) {
	if _, err := importBytes(t, readFile(t, "testdata/encrypted_user.pdf"), limit.Default()); err == nil || !strings.Contains(err.Error(), "PDF 已加密，需要密码才能打开") {
		t.Errorf("user password: err = %v", err)
	}
	doc, err := importBytes(t, readFile(t, "testdata/encrypted_owner.pdf"), limit.Default())
	if err != nil {
		t.Fatalf("owner password only: %v", err)
	}
	if findTable(doc, "行政复议") == nil {
		t.Error("table 4 not read from the owner-protected copy")
	}
}

// TestSyntheticTables builds ruled and unruled tables with Helvetica text to pin the
// geometry: a header cell merged over two columns, a row label wrapped over two lines,
// a table continued on the next page without its bottom border, and a table without
// rulings (stream) that gets a note.
func TestSyntheticTables(t *testing.T) {
	// Page 1: header row whose second cell spans columns 1–2 (no vertical at 350 in it),
	// a wrapped label, then the page ends without the bottom border.
	var p1 strings.Builder
	p1.WriteString(text(100, 760, "Heading of the report"))
	p1.WriteString("0.5 w\n")
	for _, y := range []float64{740, 720, 680} {
		fmt.Fprintf(&p1, "100 %.1f m 450 %.1f l S\n", y, y)
	}
	p1.WriteString("100 740 m 100 640 l S 250 740 m 250 640 l S 450 740 m 450 640 l S 350 720 m 350 640 l S\n")
	p1.WriteString(text(105, 726, "Label") + text(255, 726, "Merged header"))
	p1.WriteString(text(105, 705, "First row label") + text(105, 690, "wrapped") + text(255, 698, "11") + text(355, 698, "12"))
	p1.WriteString(text(105, 660, "Second") + text(255, 660, "21") + text(355, 660, "22"))
	p1.WriteString(text(290, 40, "- 1 -"))
	// Page 2: the rest of the table, same left and right edges.
	p2 := "0.5 w\n100 800 m 450 800 l S 100 780 m 450 780 l S 100 800 m 100 780 l S 250 800 m 250 780 l S 350 800 m 350 780 l S 450 800 m 450 780 l S\n" +
		text(105, 786, "Third") + text(255, 786, "31") + text(355, 786, "32") +
		text(100, 740, "Prose after the table.") +
		// A table without rulings.
		text(100, 700, "Name") + text(250, 700, "A") + text(350, 700, "B") +
		text(100, 685, "x") + text(250, 685, "1") + text(350, 685, "2") +
		text(100, 670, "y") + text(250, 670, "3") + text(350, 670, "4") +
		text(290, 40, "- 2 -")
	doc, err := importBytes(t, makePDF([]string{p1.String(), p2}), limit.Default())
	if err != nil {
		t.Fatal(err)
	}
	checkPositions(t, doc)
	var tables []document.Block
	for _, b := range doc.Blocks {
		if b.Kind == document.Table {
			tables = append(tables, b)
		}
	}
	if len(tables) != 2 {
		t.Fatalf("%d tables:\n%s", len(tables), dumpDoc(doc))
	}
	got := tableGrid(tables[0])
	want := "0/1x1 Label | 1/1x2 Merged header\n" +
		"0/1x1 First row label wrapped | 1/1x1 11 | 2/1x1 12\n" +
		"0/1x1 Second | 1/1x1 21 | 2/1x1 22\n" +
		"0/1x1 Third | 1/1x1 31 | 2/1x1 32"
	if got != want {
		t.Errorf("ruled table:\n%s\nwant\n%s", got, want)
	}
	if tables[0].Span.Start.Page != 1 || tables[0].Span.End.Page != 2 {
		t.Errorf("ruled table span %+v, want pages 1–2", tables[0].Span)
	}
	if got := tableGrid(tables[1]); got != "0/1x1 Name | 1/1x1 A | 2/1x1 B\n0/1x1 x | 1/1x1 1 | 2/1x1 2\n0/1x1 y | 1/1x1 3 | 2/1x1 4" {
		t.Errorf("stream table:\n%s", got)
	}
	if len(doc.Notes) != 1 || !strings.Contains(doc.Notes[0].Message, "没有框线") {
		t.Errorf("notes = %+v", doc.Notes)
	}
	var furniture []string
	for _, b := range doc.Blocks {
		if b.Kind == document.Furniture {
			furniture = append(furniture, b.Text())
		}
	}
	if strings.Join(furniture, ",") != "- 1 -,- 2 -" {
		t.Errorf("furniture = %q", furniture)
	}
}

func tableGrid(b document.Block) string {
	var rows []string
	for _, r := range b.Rows {
		var cells []string
		for _, c := range r.Cells {
			cells = append(cells, fmt.Sprintf("%d/%dx%d %s", c.Col, c.RowSpan, c.ColSpan, c.Text()))
		}
		rows = append(rows, strings.Join(cells, " | "))
	}
	return strings.Join(rows, "\n")
}

// TestRepeatedHeader: a table continued on the next page under a repeated header row is
// one table, with the header once.
func TestRepeatedHeader(t *testing.T) {
	part := func(top float64, rows ...[2]string) string {
		var sb strings.Builder
		sb.WriteString("0.5 w\n")
		bottom := top - 20*float64(len(rows))
		for i := range rows {
			y := top - 20*float64(i)
			fmt.Fprintf(&sb, "100 %.1f m 400 %.1f l S\n", y, y)
		}
		// No bottom border on the first page; the verticals end at the cut.
		fmt.Fprintf(&sb, "100 %.1f m 100 %.1f l S 250 %.1f m 250 %.1f l S 400 %.1f m 400 %.1f l S\n", top, bottom, top, bottom, top, bottom)
		for i, r := range rows {
			y := top - 20*float64(i) - 14
			sb.WriteString(text(105, y, r[0]) + text(255, y, r[1]))
		}
		return sb.String()
	}
	head := [2]string{"Name", "Value"}
	p1 := text(100, 780, "Intro") + part(760, head, [2]string{"a", "1"}, [2]string{"b", "2"})
	p2 := part(800, head, [2]string{"c", "3"}) + "100 760 m 400 760 l S\n" + text(100, 700, "After.")
	doc, err := importBytes(t, makePDF([]string{p1, p2}), limit.Default())
	if err != nil {
		t.Fatal(err)
	}
	checkPositions(t, doc)
	var tables []document.Block
	for _, b := range doc.Blocks {
		if b.Kind == document.Table {
			tables = append(tables, b)
		}
	}
	if len(tables) != 1 {
		t.Fatalf("%d tables:\n%s", len(tables), dumpDoc(doc))
	}
	want := "0/1x1 Name | 1/1x1 Value\n0/1x1 a | 1/1x1 1\n0/1x1 b | 1/1x1 2\n0/1x1 c | 1/1x1 3"
	if got := tableGrid(tables[0]); got != want {
		t.Errorf("table:\n%s\nwant\n%s", got, want)
	}
}

// A document's glyphs are bounded as a whole, not only per page: past the bound the page
// is cut, later pages are not read, and one note says where reading stopped.
func TestDocumentCharacterBound(t *testing.T) {
	defer func(old int) { maxCharsPerDocument = old }(maxCharsPerDocument)
	page := text(72, 700, "ABCDEFGHIJ") + text(72, 680, "KLMNOPQRST")
	for _, tc := range []struct {
		bound int
		want  []string // the notes
		chars int      // the letters read
	}{
		// pdfium counts 22 characters a page: the 20 letters and the line break it adds.
		{bound: 100, chars: 60},
		{bound: 66, chars: 60},
		{bound: 50, want: []string{"第 3 页内容过多，只读取了前 6 个字符：全文字符数达到上限 50"}, chars: 46},
		{bound: 44, want: []string{"全文字符数达到上限 44，第 3 页起的内容均未读取"}, chars: 40},
	} {
		maxCharsPerDocument = tc.bound
		doc, err := importBytes(t, makePDF([]string{page, page, page}), limit.Default())
		if err != nil {
			t.Fatal(err)
		}
		var notes []string
		for _, n := range doc.Notes {
			notes = append(notes, n.Message)
		}
		if len(notes) != len(tc.want) {
			t.Fatalf("bound %d: notes %q, want %q", tc.bound, notes, tc.want)
		}
		for i, w := range tc.want {
			if !strings.HasPrefix(notes[i], w) {
				t.Errorf("bound %d: note %q, want %q", tc.bound, notes[i], w)
			}
		}
		got := 0
		for _, b := range doc.Blocks {
			for _, r := range b.Text() {
				if r >= 'A' && r <= 'Z' {
					got++
				}
			}
		}
		if got != tc.chars {
			t.Errorf("bound %d: %d letters read, want %d", tc.bound, got, tc.chars)
		}
	}
}

// dumpDoc prints a document's blocks, cells and segments with their places, for test
// failures. (reportlint extract --lines prints a document as its locations count lines.)
func dumpDoc(doc *document.Document) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "pages=%d blocks=%d notes=%v\n", doc.Pages, len(doc.Blocks), doc.Notes)
	for i, b := range doc.Blocks {
		fmt.Fprintf(&sb, "#%d %s p%d:%d:%d-p%d:%d:%d\n", i, b.Kind, b.Span.Start.Page, b.Span.Start.Line, b.Span.Start.Col, b.Span.End.Page, b.Span.End.Line, b.Span.End.Col)
		if b.Kind == document.Table {
			for r, row := range b.Rows {
				fmt.Fprintf(&sb, "  r%d:", r)
				for _, c := range row.Cells {
					fmt.Fprintf(&sb, " [%d %dx%d %q]", c.Col, c.RowSpan, c.ColSpan, c.Text())
				}
				sb.WriteString("\n")
			}
			continue
		}
		for _, s := range b.Segments {
			fmt.Fprintf(&sb, "  %d:%d:%d %q\n", s.Start.Page, s.Start.Line, s.Start.Col, s.Text)
		}
	}
	return sb.String()
}

// Instances are reused: a document reads the same whatever its instance read before it,
// damaged files included.
func TestReuseReadsTheSame(t *testing.T) {
	e, err := NewEngine(Options{CacheDir: DefaultCacheDir(), Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	ctx := context.Background()
	sample := readFile(t, "../../../fixtures/formats/sample.pdf")
	defect := readFile(t, "../../../fixtures/formats/defect.pdf")
	rnd := rand.New(rand.NewSource(2))
	damaged := append([]byte(nil), sample...)
	for i := 0; i < 400; i++ {
		damaged[len(damaged)/3+rnd.Intn(len(damaged)/2)] ^= byte(1 + rnd.Intn(255))
	}
	first, err := e.Import(ctx, "s.pdf", sample, limit.Default())
	if err != nil {
		t.Fatal(err)
	}
	for i, data := range [][]byte{defect, damaged, append([]byte("%PDF-1.7\n"), damaged[:len(damaged)/2]...), sample} {
		_, _ = e.Import(ctx, "x.pdf", data, limit.Default()) // a damaged file may be read or refused
		again, err := e.Import(ctx, "s.pdf", sample, limit.Default())
		if err != nil {
			t.Fatalf("after document %d: %v", i, err)
		}
		if !reflect.DeepEqual(first, again) {
			t.Fatalf("after document %d the sample reads differently:\n%s\nwas\n%s", i, dumpDoc(again), dumpDoc(first))
		}
	}
}
