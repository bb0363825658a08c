// Package pdf reads PDF reports that have a text layer. It runs pdfium, compiled to
// WebAssembly (github.com/klippa-app/go-pdfium) and executed by wazero inside the process:
// no cgo and no external program, and pdfium's memory is a sandbox, so a hostile file can
// make it fail but not corrupt the process. The time budget (ctx, limit.Limits.Timeout) is
// checked between pdfium calls, of which there is one per character, drawing object and
// page.
//
// From pdfium it takes every character with its box and font size, and the straight
// horizontal and vertical strokes of the page's drawing (lines, rectangle edges, thin filled
// boxes), which are the candidates for table rulings. Everything else is geometry done here:
//
//   - Tables (lattice): rulings that touch each other (or end within a few points of each
//     other) form a ruled area; its distinct ruling positions form a grid, and neighbouring
//     grid cells with no ruling drawn between them are one merged cell (申请人情况 over 7
//     columns, 行政诉讼 over 10, a rowspan label). Two parallel rulings a few points apart
//     with no text between them are one border: cells drawn as separate boxes with cell
//     spacing between them, double borders. Dashed and dotted borders, drawn as many tiny
//     boxes, are rulings too. A character belongs to the cell that holds its centre. A
//     merged cell that holds separate values, each inside one of the grid cells it covers,
//     is split along the grid: the ruling between them is missing or too faint to find.
//     Digits wrapped in a narrow cell are one number.
//   - Tables without rulings (stream): runs of lines split by wide gaps (or, between two
//     numbers, by more than 0.4 em) into chunks. Columns come from the chunks of the data
//     lines, cut where one line has two texts in one column (a group's label beside a row's
//     label); every line with a value is a row, the lines above the first are header rows
//     without blank cells, wrapped label lines join the row whose values are nearest, and
//     a group's label wrapped beside the rows it spans is one cell from the group's first
//     row. Such a table carries a Note, since its columns are a guess.
//   - Text: characters are grouped into lines by vertical overlap and ordered left to
//     right, so per-glyph positioned text reads like text in runs; fake-bold doubles are
//     dropped. A cell's lines are joined into one text: a label wrapped over two lines, or
//     a label set one character per line such as 三、本年度办理结果, is one cell text.
//   - Lines outside tables form paragraphs, split at extra vertical space, first-line
//     indents, short last lines (not short because the next line's number or Latin word
//     did not fit) and font size changes. Page numbers and running headers or
//     footers in the page margins are Furniture.
//   - A table that ends one page and a table that starts the next page with the same left
//     and right edges (for tables without rulings: the same value columns) are ONE table
//     block, its header rows repeated on the next page dropped; a merged cell cut by the
//     page break (for example the rowspan label 三、本年度办理结果, blank on the second
//     page) stays one cell with one segment per page, and so does a row a word processor
//     let the page break cut in two (a label wrapped to the cell's edge, the rest of it at
//     the top of the next page). A header cell at the foot of a page never takes the value
//     at the top of the next.
//   - A page without characters gives a Note (a scanned page: OCR is out of scope).
//
// Positions: a PDF has no lines of its own, so positions refer to the page as this importer
// rebuilds it, which PageLines prints: every paragraph or furniture line is a line, every
// table row is a line with its cells' texts separated by tabs (an empty field for a blank
// cell), in the order of the blocks. Pos.Page is the 1-based page, Pos.Line the line in that
// rebuilt page, Pos.Col the code-point column in that line.
package pdf

import (
	"bytes"
	"context"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// Format is the name of this importer.
const Format = "pdf"

// defaultEngine is the Engine that Import uses, created on first use. Compiling pdfium's
// WebAssembly takes seconds, so it is done once per process and shared; the Engine is safe
// for concurrent use. Its pdfium instances read one document at a time, each closed when
// read; an instance that failed or read a large document is discarded (see extract).
var defaultEngine = sync.OnceValues(func() (*Engine, error) {
	return NewEngine(Options{CacheDir: DefaultCacheDir()})
})

// Import reads data, the PDF file at path, with the process-wide Engine (see NewEngine;
// its compiled module is cached in DefaultCacheDir). It returns a *limit.Error when the
// document has more than lim.MaxPages pages or reading takes longer than lim.Timeout.
func Import(ctx context.Context, path string, data []byte, lim limit.Limits) (*document.Document, error) {
	if err := checkHeader(data, lim); err != nil {
		return nil, err
	}
	e, err := defaultEngine()
	if err != nil {
		return nil, err
	}
	return e.Import(ctx, path, data, lim)
}

// checkHeader refuses what cannot be a PDF before pdfium is started.
func checkHeader(data []byte, lim limit.Limits) error {
	if lim.MaxBytes > 0 && int64(len(data)) > lim.MaxBytes {
		return &limit.Error{What: "file size", Limit: lim.MaxBytes, Actual: int64(len(data)), Unit: "bytes"}
	}
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	if !bytes.Contains(head, []byte("%PDF-")) {
		return i18n.NewError("不是 PDF 文件：前 1024 个字节中没有 %PDF- 文件头")
	}
	return nil
}

// PageLines returns page (1-based) of doc as the importer rebuilt it: the text whose line
// and column numbers the document's positions refer to. Segments of other pages are
// skipped; a table row is its cells' texts joined by tabs.
func PageLines(doc *document.Document, page int) []string {
	type piece struct {
		col  int
		text string
	}
	lines := map[int][]piece{}
	maxLine := 0
	add := func(s document.Segment) {
		if s.Start.Page != page {
			return
		}
		lines[s.Start.Line] = append(lines[s.Start.Line], piece{s.Start.Col, s.Text})
		maxLine = max(maxLine, s.Start.Line)
	}
	for _, b := range doc.Blocks {
		for _, s := range b.Segments {
			add(s)
		}
		for _, r := range b.Rows {
			for _, c := range r.Cells {
				for _, s := range c.Segments {
					add(s)
				}
				if len(c.Segments) == 0 && c.Span.Start.Page == page {
					maxLine = max(maxLine, c.Span.Start.Line)
					lines[c.Span.Start.Line] = append(lines[c.Span.Start.Line], piece{c.Span.Start.Col, ""})
				}
			}
		}
	}
	out := make([]string, maxLine)
	for ln, ps := range lines {
		sort.Slice(ps, func(a, b int) bool { return ps[a].col < ps[b].col })
		var sb strings.Builder
		col := 1
		for _, p := range ps {
			for col < p.col {
				sb.WriteByte('\t')
				col++
			}
			sb.WriteString(p.text)
			col += utf8.RuneCountInString(p.text)
		}
		out[ln-1] = sb.String()
	}
	return out
}
