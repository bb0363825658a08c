package html

import (
	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// Span limits. Browsers clamp colspan at 1000 and rowspan at 65534; reportlint clamps both
// at maxSpan (a report table has a few dozen rows) and bounds the work of placing cells in
// the occupancy grid, so a hostile table ends in a *limit.Error instead of a long loop.
const (
	maxSpan     = 1000
	maxGridWork = 1 << 22 // grid slots marked plus columns skipped, per document
)

// action is what a start event did, so that its end event can undo it.
type action uint8

const (
	actNone action = iota
	actBreak
	actHeading
	actTable
	actRow
	actCell
)

type frame struct {
	node int32
	act  action
}

// builder is pass 2: it turns a range of events into blocks.
type builder struct {
	sc        *scanner
	dropLinks bool // ignore link text (for the page header before the article)
	blocks    []document.Block
	notes     []document.Note
	flow      segBuf
	levels    []int // open headings
	tbl       *tableBuilder
	frames    []frame
	work      int
	err       error
	// images counts the <img> elements of the content; firstImage is where the first is.
	images     int
	firstImage document.Span
}

// tableBuilder collects one data table.
type tableBuilder struct {
	node     int32
	rows     []document.Row
	inRow    bool
	cellOpen bool
	cell     document.Cell
	segs     segBuf
	foster   segBuf  // text inside the table but outside cells, and captions
	until    []int32 // for each grid column, the first row no longer covered by a cell above
	next     int     // the next free column candidate in the current row
}

// build turns events[lo:hi] into blocks.
func build(sc *scanner, lo, hi int, dropLinks bool) *builder {
	b := &builder{sc: sc, dropLinks: dropLinks}
	for i := lo; i < hi && b.err == nil; i++ {
		ev := &sc.events[i]
		switch ev.kind {
		case evStart:
			b.start(ev.node)
		case evEnd:
			if n := len(b.frames); n > 0 && b.frames[n-1].node == ev.node {
				f := b.frames[n-1]
				b.frames = b.frames[:n-1]
				b.end(f)
			}
		case evText:
			if !(b.dropLinks && ev.link) {
				walkText(sc.src, int(ev.off), int(ev.end), ev.at, b.target())
			}
		case evBreak:
			b.brk()
		case evImage:
			if b.images == 0 {
				b.firstImage = document.Span{Start: ev.at.doc()}
			}
			b.images++
		}
	}
	for len(b.frames) > 0 && b.err == nil {
		f := b.frames[len(b.frames)-1]
		b.frames = b.frames[:len(b.frames)-1]
		b.end(f)
	}
	b.flush()
	if b.images > 0 {
		b.notes = append(b.notes, document.Note{
			Message: i18n.Sprintf("正文中有 %d 张图片，图片中的内容没有检查；表格如以图片发布，请人工核对", b.images),
			Span:    b.firstImage,
		})
	}
	return b
}

// target is where text goes now: the open cell, the table's foster text, or the flow.
func (b *builder) target() *segBuf {
	if t := b.tbl; t != nil {
		if t.cellOpen {
			return &t.segs
		}
		return &t.foster
	}
	return &b.flow
}

func (b *builder) start(id int32) {
	n := &b.sc.nodes[id]
	act := actNone
	if t := b.tbl; t != nil {
		switch {
		case n.tag == "tr" && n.table == t.node:
			b.startRow()
			act = actRow
		case (n.tag == "td" || n.tag == "th") && n.table == t.node:
			b.startCell(id)
			act = actCell
		case block(n.tag):
			b.brk()
			act = actBreak
		}
	} else {
		switch lvl := headingLevel(n.tag); {
		case n.tag == "table" && !n.layout():
			b.flush()
			b.tbl = &tableBuilder{node: id}
			act = actTable
		case lvl > 0:
			b.flush()
			b.levels = append(b.levels, lvl)
			act = actHeading
		case block(n.tag):
			b.brk()
			act = actBreak
		}
	}
	if act != actNone {
		b.frames = append(b.frames, frame{node: id, act: act})
	}
}

func (b *builder) end(f frame) {
	switch f.act {
	case actBreak:
		b.brk()
	case actHeading:
		b.flush()
		b.levels = b.levels[:len(b.levels)-1]
	case actTable:
		b.endTable()
	case actRow:
		b.endRow()
	case actCell:
		b.endCell()
	}
}

// brk ends a segment inside a table cell or heading, and a paragraph elsewhere.
func (b *builder) brk() {
	switch {
	case b.tbl != nil:
		b.target().brk()
	case len(b.levels) > 0:
		b.flow.brk()
	default:
		b.flush()
	}
}

// flush emits the paragraph or heading being collected.
func (b *builder) flush() {
	segs, ends := b.flow.take()
	if len(segs) == 0 {
		return
	}
	blk := document.Block{Kind: document.Paragraph, Segments: segs,
		Span: document.Span{Start: segs[0].Start, End: ends[len(ends)-1].doc()}}
	if n := len(b.levels); n > 0 {
		blk.Kind, blk.Level = document.Heading, b.levels[n-1]
	}
	b.blocks = append(b.blocks, blk)
}

func (b *builder) startRow() {
	t := b.tbl
	b.endRow()
	t.rows = append(t.rows, document.Row{})
	t.inRow = true
	t.next = 0
}

func (b *builder) endRow() {
	b.endCell()
	b.tbl.inRow = false
}

// startCell places a cell in the occupancy grid: at the first column of the current row
// not covered by a cell above (rowspan) or to the left (colspan).
func (b *builder) startCell(id int32) {
	t := b.tbl
	b.endCell()
	if !t.inRow {
		b.startRow()
	}
	n := &b.sc.nodes[id]
	rs, cs := b.span(n, n.rowspan, "rowspan"), b.span(n, n.colspan, "colspan")
	r := int32(len(t.rows) - 1)
	col := t.next
	for col < len(t.until) && t.until[col] > r {
		col++
	}
	for c := col + 1; c < col+cs && c < len(t.until); c++ {
		if t.until[c] > r {
			// A column span running into a row span from above is a table model error; the
			// cell stops where the other begins, so no grid place has two cells.
			b.notes = append(b.notes, document.Note{
				Message: i18n.Sprintf("表格单元格的 colspan=%d 与上方跨行的单元格重叠，已按 %d 处理，表格的行列可能不准确", cs, c-col),
				Span:    document.Span{Start: n.start.doc(), End: n.end.doc()},
			})
			cs = c - col
			break
		}
	}
	b.work += col - t.next + cs
	if b.work > maxGridWork {
		b.err = i18n.Errorf("第 %d 行第 %d 列：%w", n.start.line, n.start.col,
			&limit.Error{What: "table grid size", Limit: maxGridWork, Actual: int64(b.work), Unit: "cells"})
		return
	}
	for len(t.until) < col+cs {
		t.until = append(t.until, 0)
	}
	for c := col; c < col+cs; c++ {
		t.until[c] = max(t.until[c], r+int32(rs))
	}
	t.next = col + cs
	t.cell = document.Cell{Col: col, RowSpan: rs, ColSpan: cs, Header: n.tag == "th",
		Span: document.Span{Start: n.start.doc(), End: n.end.doc()}}
	t.cellOpen = true
}

// span returns a rowspan or colspan value in [1, maxSpan], noting clamped values.
func (b *builder) span(n *node, v int32, attr string) int {
	switch {
	case v < 1:
		return 1
	case v > maxSpan:
		b.notes = append(b.notes, document.Note{
			Message: i18n.Sprintf("表格单元格的 %s=%d 超过 %d，已按 %d 处理，表格的行列可能不准确", attr, v, maxSpan, maxSpan),
			Span:    document.Span{Start: n.start.doc(), End: n.end.doc()},
		})
		return maxSpan
	}
	return int(v)
}

func (b *builder) endCell() {
	t := b.tbl
	if !t.cellOpen {
		return
	}
	t.cell.Segments, _ = t.segs.take()
	row := &t.rows[len(t.rows)-1]
	row.Cells = append(row.Cells, t.cell)
	t.cellOpen = false
}

// endTable emits the table's stray text (captions, text between rows) as a paragraph and
// then the table. Row spans reaching past the last row are cut at the last row.
func (b *builder) endTable() {
	t := b.tbl
	b.endRow()
	b.tbl = nil
	if segs, ends := t.foster.take(); len(segs) > 0 {
		b.blocks = append(b.blocks, document.Block{Kind: document.Paragraph, Segments: segs,
			Span: document.Span{Start: segs[0].Start, End: ends[len(ends)-1].doc()}})
	}
	cells := 0
	for i := range t.rows {
		for j := range t.rows[i].Cells {
			c := &t.rows[i].Cells[j]
			c.RowSpan = min(c.RowSpan, len(t.rows)-i)
			cells++
		}
	}
	if cells == 0 {
		return
	}
	n := &b.sc.nodes[t.node]
	b.blocks = append(b.blocks, document.Block{Kind: document.Table, Rows: t.rows,
		Span: document.Span{Start: n.start.doc(), End: n.end.doc()}})
}
