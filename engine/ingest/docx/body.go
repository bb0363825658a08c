package docx

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// builder turns the token stream of word/document.xml into blocks.
type builder struct {
	x     *xmlReader
	st    *styles
	num   *numbering
	items []item
	notes []document.Note
	// Counters: paragraphs (the Line of positions), tables (the t of cell refs), cells, and
	// the start order of blocks.
	paras, tables, cells, seq int
	// lastEnd is the end of the last paragraph read, for table spans.
	lastEnd document.Pos
	// fields holds the open complex fields (w:fldChar), true once past "separate"; instr
	// counts those still in their instruction part, whose text is not shown.
	fields []bool
	instr  int
}

// item is a finished block with the order in which it started.
type item struct {
	seq   int
	block document.Block
}

// para is a paragraph read, before it becomes a block or part of a cell.
type para struct {
	seq   int
	n     int // paragraph ordinal: the Line of its positions
	kind  document.Kind
	level int
	segs  []document.Segment
}

// container receives paragraphs: the body (or a text box) or a table cell.
type container interface {
	// ref is the Pos.Ref of paragraph n inside the container.
	ref(n int) string
	addPara(p *para)
}

// bodyContainer puts paragraphs into the flow as blocks.
type bodyContainer struct{ b *builder }

func (c bodyContainer) ref(n int) string { return "p" + strconv.Itoa(n) }
func (c bodyContainer) addPara(p *para)  { c.b.addParaBlock(p) }

// tableBuild is a table being read.
type tableBuild struct {
	no        int
	seq       int
	firstPara int
	rows      []*rowBuild
	// grid holds the w:gridCol widths in twips, -1 where a width is missing.
	grid []int
	// open maps a grid column to the cell whose vertical merge is still running there.
	open map[int]*cellBuild
}

type rowBuild struct {
	cells []*cellBuild // every w:tc, in order
	emit  []*cellBuild // the cells that start here (merge continuations removed)
}

// cellBuild is a table cell being read; it is the container of its paragraphs.
type cellBuild struct {
	col, span, rowspan  int
	vmerge, hmerge      string // "", "restart" or "continue"
	header              bool
	cref                string
	firstPara, lastPara int
	paras               []*para
	own                 int // paras[:own] are the cell's own; the rest come from merged continuations
}

func (c *cellBuild) ref(int) string  { return c.cref }
func (c *cellBuild) addPara(p *para) { c.paras = append(c.paras, p) }

func newBuilder(x *xmlReader, st *styles, num *numbering) *builder {
	return &builder{x: x, st: st, num: num}
}

// note records a remark about content that could not be read, at most maxNotes of them.
func (b *builder) note(msg string, at document.Pos) {
	if len(b.notes) < maxNotes {
		b.notes = append(b.notes, document.Note{Message: msg, Span: document.Span{Start: at, End: at}})
	}
}

func (b *builder) nextSeq() int { b.seq++; return b.seq }

// run reads the whole part.
func (b *builder) run() error { return b.x.walk(b.blockContent(bodyContainer{b}), nil) }

// isFallback reports mc:Fallback, the second copy of content that mc:Choice already holds.
func isFallback(n xml.Name) bool { return n.Space == nsMC && n.Local == "Fallback" }

// blockContent handles the children of the body, a text box or a cell wrapper.
func (b *builder) blockContent(c container) func(xml.StartElement) error {
	return func(se xml.StartElement) error {
		if isFallback(se.Name) {
			return b.x.skip()
		}
		if !isW(se.Name) {
			return nil
		}
		switch se.Name.Local {
		case "p":
			return b.paragraph(c)
		case "tbl":
			return b.table(c)
		case "altChunk":
			b.note(i18n.T("文档嵌入了另一个文件的内容（w:altChunk），未读取"), b.lastEnd)
			return b.x.skip()
		case "sectPr", "del", "moveFrom", "tblPr", "tblGrid", "trPr", "tcPr":
			return b.x.skip()
		}
		return nil
	}
}

// paraState accumulates the text of one paragraph into segments.
type paraState struct {
	p        *para
	ref      string
	col      int // column of the next code point
	cur      strings.Builder
	curStart int
}

// add appends displayed text. Newlines inside w:t (which Word does not produce) read as
// spaces, so that a Segment never holds one.
func (s *paraState) add(t string) {
	for _, r := range t {
		if r == '\n' || r == '\r' {
			r = ' '
		}
		if s.cur.Len() == 0 {
			s.curStart = s.col
		}
		s.cur.WriteRune(r)
		s.col++
	}
}

// brk ends the current segment at a line break, which occupies one column.
func (s *paraState) brk() {
	s.flush()
	s.col++
}

// flush ends the current segment, trimming spaces at both ends (the leading ones move its
// start column), and drops it if nothing is left.
func (s *paraState) flush() {
	if s.cur.Len() == 0 {
		return
	}
	raw := s.cur.String()
	s.cur.Reset()
	t := strings.TrimLeftFunc(raw, isSpace)
	lead := utf8.RuneCountInString(raw[:len(raw)-len(t)])
	t = strings.TrimRightFunc(t, isSpace)
	if t == "" {
		return
	}
	s.p.segs = append(s.p.segs, document.Segment{Text: t, Start: document.Pos{Line: s.p.n, Col: s.curStart + lead, Ref: s.ref}})
}

// isSpace is what segments are trimmed of: Unicode white space (the ideographic space
// U+3000 and no-break space included), zero-width space and the byte-order mark.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' }

// segEnd is the position just after the last code point of s.
func segEnd(s document.Segment) document.Pos {
	return document.Pos{Line: s.Start.Line, Col: s.Start.Col + utf8.RuneCountInString(s.Text), Ref: s.Start.Ref}
}

// paragraph reads a w:p whose start tag was just read.
func (b *builder) paragraph(c container) error {
	b.paras++
	if b.paras > maxParagraphs {
		return fmt.Errorf("%s: %w", b.x.part, &limit.Error{What: "paragraphs", Limit: maxParagraphs, Actual: int64(b.paras), Unit: "paragraphs"})
	}
	p := &para{seq: b.nextSeq(), n: b.paras, kind: document.Paragraph}
	r := &paraReader{b: b, p: p, ps: &paraState{p: p, ref: c.ref(p.n), col: 1}, outline: -1}
	err := b.x.walk(r.element, func(ee xml.EndElement) {
		if ee.Name.Local == "r" {
			r.hidden = false
		}
	})
	if err != nil {
		return err
	}
	r.props()
	r.ps.flush()
	if b.instr > 0 {
		// A field instruction does not run past its paragraph; forget a broken one rather
		// than hide the rest of the document.
		b.fields, b.instr = b.fields[:0], 0
	}
	b.lastEnd = document.Pos{Line: p.n, Col: 1, Ref: r.ps.ref}
	if len(p.segs) > 0 {
		b.lastEnd = segEnd(p.segs[len(p.segs)-1])
	}
	c.addPara(p)
	return nil
}

// paraReader is the state of a w:p being read: its text so far and its properties.
type paraReader struct {
	b  *builder
	p  *para
	ps *paraState

	styleID, numID string
	ilvl           int
	outline        int // outline level, -1 when not set
	hasNum         bool
	propsDone      bool
	hidden         bool // the current run is hidden (w:vanish)
}

// props applies the paragraph properties once they are known: heading level, table of
// contents, and the list label that starts the text.
func (r *paraReader) props() {
	if r.propsDone {
		return
	}
	r.propsDone = true
	b, p := r.b, r.p
	kind, level := b.st.resolve(r.styleID)
	if r.outline >= 0 {
		if r.outline <= 8 {
			kind, level = headingStyle, r.outline+1
		} else if kind == headingStyle {
			kind = plainStyle
		}
	}
	switch kind {
	case headingStyle:
		p.kind, p.level = document.Heading, level
	case tocStyle:
		p.kind = document.Furniture
	}
	if !r.hasNum {
		r.numID, r.ilvl, r.hasNum = b.st.numbering(r.styleID)
	}
	if r.hasNum {
		r.ps.add(b.num.label(r.numID, r.ilvl))
	}
}

// visible reports whether text read now is displayed: not in a hidden run nor in a
// field instruction.
func (r *paraReader) visible() bool { return !r.hidden && r.b.instr == 0 }

// element reads an element inside the paragraph whose start tag se was just read.
func (r *paraReader) element(se xml.StartElement) error {
	b, x := r.b, r.b.x
	if isFallback(se.Name) {
		return x.skip()
	}
	if se.Name.Local == "OLEObject" {
		// An embedded object (often an Excel sheet holding a table) is only a picture here.
		at := document.Pos{Line: r.p.n, Col: r.ps.col, Ref: r.ps.ref}
		b.note(i18n.Sprintf("嵌入对象（%s）未读取，其中的表格或文字无法检查", cmp.Or(attr(se, "ProgID"), i18n.T("未知类型"))), at)
		return x.skip()
	}
	if !isW(se.Name) {
		return nil
	}
	if se.Name.Local != "pPr" {
		r.props()
	}
	if handled, err := r.runContent(se); handled {
		return err
	}
	switch se.Name.Local {
	case "pPr":
		err := x.walk(r.paraProp, nil)
		r.props()
		return err
	case "r":
		r.hidden = false
	case "rPr":
		return x.walk(func(c xml.StartElement) error {
			if c.Name.Local == "vanish" && isW(c.Name) {
				r.hidden = onOff(c)
			}
			return x.skip()
		}, nil)
	case "fldChar":
		b.fldChar(attr(se, "fldCharType"))
		return x.skip()
	case "txbxContent":
		return x.walk(b.blockContent(bodyContainer{b}), nil)
	case "p":
		return b.paragraph(bodyContainer{b})
	case "tbl":
		return b.table(bodyContainer{b})
	case "instrText", "delText", "delInstrText", "del", "moveFrom", "rt", "softHyphen",
		"footnoteReference", "endnoteReference", "commentReference", "annotationRef",
		"footnoteRef", "endnoteRef", "separator", "continuationSeparator", "sectPr":
		return x.skip()
	}
	return nil
}

// runContent reads the text a run element se shows (text, tab, break, non-breaking
// hyphen, symbol), adding it when visible. It reports whether se was one of those.
func (r *paraReader) runContent(se xml.StartElement) (bool, error) {
	x, ps := r.b.x, r.ps
	switch se.Name.Local {
	case "t":
		t, err := x.text()
		if err == nil && r.visible() {
			ps.add(t)
		}
		return true, err
	case "tab", "ptab":
		if r.visible() {
			ps.add("\t")
		}
	case "br", "cr":
		if r.visible() {
			ps.brk()
		}
	case "noBreakHyphen":
		if r.visible() {
			ps.add("-")
		}
	case "sym":
		if v, err := strconv.ParseUint(attr(se, "char"), 16, 32); err == nil && r.visible() && utf8.ValidRune(rune(v)) && v != 0 {
			ps.add(string(rune(v)))
		}
	default:
		return false, nil
	}
	return true, x.skip()
}

// paraProp reads a child c of w:pPr: the paragraph's style, outline level and list
// numbering.
func (r *paraReader) paraProp(c xml.StartElement) error {
	x := r.b.x
	switch c.Name.Local {
	case "pStyle":
		r.styleID = attr(c, "val")
	case "outlineLvl":
		if v, err := strconv.Atoi(attr(c, "val")); err == nil {
			r.outline = v
		}
	case "numPr":
		r.hasNum = true
		return x.walk(func(n xml.StartElement) error {
			switch n.Name.Local {
			case "numId":
				r.numID = attr(n, "val")
			case "ilvl":
				r.ilvl, _ = strconv.Atoi(attr(n, "val"))
			}
			return x.skip()
		}, nil)
	}
	return x.skip()
}

// fldChar follows the begin/separate/end marks of complex fields.
func (b *builder) fldChar(typ string) {
	n := len(b.fields)
	switch typ {
	case "begin":
		b.fields = append(b.fields, false)
		b.instr++
	case "separate":
		if n > 0 && !b.fields[n-1] {
			b.fields[n-1] = true
			b.instr--
		}
	case "end":
		if n > 0 {
			if !b.fields[n-1] {
				b.instr--
			}
			b.fields = b.fields[:n-1]
		}
	}
}

// addParaBlock puts a paragraph into the flow; a paragraph without text is dropped.
func (b *builder) addParaBlock(p *para) {
	if len(p.segs) == 0 {
		return
	}
	blk := document.Block{Kind: p.kind, Segments: p.segs, Span: document.Span{Start: p.segs[0].Start, End: segEnd(p.segs[len(p.segs)-1])}}
	if p.kind == document.Heading {
		blk.Level = p.level
	}
	b.items = append(b.items, item{seq: p.seq, block: blk})
}

// spanVal reads a w:gridSpan or w:gridBefore value, clamped to [lo, maxSpan].
func spanVal(s string, lo int) int {
	v, err := strconv.Atoi(s)
	switch {
	case err != nil || v < lo:
		return lo
	case v > maxSpan:
		return maxSpan
	}
	return v
}

// table reads a w:tbl whose start tag was just read. The table goes to the flow as a block;
// a one-cell layout frame gives its paragraphs to c instead.
func (b *builder) table(c container) error {
	b.tables++
	t := &tableBuild{no: b.tables, seq: b.nextSeq(), firstPara: b.paras + 1, open: map[int]*cellBuild{}}
	x := b.x
	err := x.walk(func(se xml.StartElement) error {
		if isFallback(se.Name) {
			return x.skip()
		}
		if !isW(se.Name) {
			return nil
		}
		switch se.Name.Local {
		case "tr":
			return b.row(t)
		case "p": // malformed: a paragraph outside any cell
			return b.paragraph(c)
		case "tbl":
			return b.table(c)
		case "tblGrid":
			return x.walk(func(g xml.StartElement) error {
				if g.Name.Local == "gridCol" && len(t.grid) < maxSpan {
					w, err := strconv.Atoi(attr(g, "w"))
					if err != nil {
						w = -1
					}
					t.grid = append(t.grid, w)
				}
				return x.skip()
			}, nil)
		case "tblPr", "tblPrEx", "tc", "sectPr", "del", "moveFrom":
			return x.skip()
		}
		return nil
	}, nil)
	if err != nil {
		return err
	}
	t.collapseGrid()
	b.finishTable(t, c)
	return nil
}

// row reads a w:tr.
func (b *builder) row(t *tableBuild) error {
	r := &rowBuild{}
	t.rows = append(t.rows, r)
	ri := len(t.rows)
	cursor, header := 0, false
	x := b.x
	err := x.walk(func(se xml.StartElement) error {
		if isFallback(se.Name) {
			return x.skip()
		}
		if !isW(se.Name) {
			return nil
		}
		switch se.Name.Local {
		case "trPr":
			return x.walk(func(c xml.StartElement) error {
				switch c.Name.Local {
				case "gridBefore":
					cursor += spanVal(attr(c, "val"), 0)
				case "tblHeader":
					header = onOff(c)
				}
				return x.skip()
			}, nil)
		case "tc":
			return b.cell(t, r, ri, &cursor, header)
		case "p": // malformed: a paragraph outside any cell
			return b.paragraph(bodyContainer{b})
		case "tblPrEx", "tr", "tbl", "del", "moveFrom":
			return x.skip()
		}
		return nil
	}, nil)
	if err != nil {
		return err
	}
	t.resolveRow(r)
	return nil
}

// cell reads a w:tc at grid column *cursor and moves the cursor past it.
func (b *builder) cell(t *tableBuild, r *rowBuild, ri int, cursor *int, header bool) error {
	b.cells++
	if b.cells > maxCells {
		return fmt.Errorf("%s: %w", b.x.part, &limit.Error{What: "table cells", Limit: maxCells, Actual: int64(b.cells), Unit: "cells"})
	}
	cb := &cellBuild{col: *cursor, span: 1, rowspan: 1, header: header, firstPara: b.paras + 1}
	cb.cref = "t" + strconv.Itoa(t.no) + "/r" + strconv.Itoa(ri) + "/c" + strconv.Itoa(cb.col+1)
	x := b.x
	merge := func(se xml.StartElement) string {
		if attr(se, "val") == "restart" {
			return "restart"
		}
		return "continue"
	}
	err := x.walk(func(se xml.StartElement) error {
		if isFallback(se.Name) {
			return x.skip()
		}
		if !isW(se.Name) {
			return nil
		}
		switch se.Name.Local {
		case "tcPr":
			return x.walk(func(c xml.StartElement) error {
				switch c.Name.Local {
				case "gridSpan":
					cb.span = spanVal(attr(c, "val"), 1)
				case "vMerge":
					cb.vmerge = merge(c)
				case "hMerge":
					cb.hmerge = merge(c)
				}
				return x.skip()
			}, nil)
		case "p":
			return b.paragraph(cb)
		case "tbl":
			return b.table(cb)
		case "tc", "tr", "sectPr", "del", "moveFrom":
			return x.skip()
		}
		return nil
	}, nil)
	if err != nil {
		return err
	}
	cb.lastPara = b.paras
	cb.own = len(cb.paras)
	*cursor += cb.span
	r.cells = append(r.cells, cb)
	return nil
}

// resolveRow folds merge continuations into their anchors: a w:vMerge continuation into
// the cell above it in the same grid column, a legacy w:hMerge continuation into the cell
// on its left. A continuation with no anchor stands as a cell of its own.
func (t *tableBuild) resolveRow(r *rowBuild) {
	open := map[int]*cellBuild{}
	var prev *cellBuild
	for _, c := range r.cells {
		if c.hmerge == "continue" && prev != nil {
			prev.span += c.span
			prev.paras = append(prev.paras, withText(c.paras)...)
			continue
		}
		if c.vmerge == "continue" {
			if a, ok := t.open[c.col]; ok {
				a.rowspan++
				a.paras = append(a.paras, withText(c.paras)...)
				open[c.col] = a
				continue
			}
		}
		if c.vmerge == "restart" {
			open[c.col] = c
		}
		prev = c
		r.emit = append(r.emit, c)
	}
	t.open = open
}

// minColWidth is the width (twips) under which a grid column is a sliver left by cell edges
// that do not quite line up (LibreOffice writes w:w="0" columns, Word columns of a few
// twips), not a column of the table.
const minColWidth = 30

// collapseGrid removes sliver columns from the grid: cell columns and spans are recounted
// without them, and cell refs follow. A sliver that some cell covers on its own is kept.
func (t *tableBuild) collapseGrid() {
	sliver := make([]bool, len(t.grid))
	found := false
	for i, w := range t.grid {
		if w >= 0 && w < minColWidth {
			sliver[i], found = true, true
		}
	}
	if !found {
		return
	}
	isSliver := func(k int) bool { return k < len(sliver) && sliver[k] }
	for _, r := range t.rows {
		for _, cb := range r.cells {
			all := true
			for k := cb.col; k < cb.col+cb.span && all; k++ {
				all = isSliver(k)
			}
			if all {
				for k := cb.col; k < cb.col+cb.span && k < len(sliver); k++ {
					sliver[k] = false
				}
			}
		}
	}
	before := make([]int, len(t.grid)+1) // slivers among the first k columns
	for i, s := range sliver {
		before[i+1] = before[i]
		if s {
			before[i+1]++
		}
	}
	logical := func(k int) int {
		if k >= len(before) {
			return k - before[len(before)-1]
		}
		return k - before[k]
	}
	for ri, r := range t.rows {
		for _, cb := range r.cells {
			left, right := logical(cb.col), logical(cb.col+cb.span)
			cb.col, cb.span = left, max(1, right-left)
			cb.cref = "t" + strconv.Itoa(t.no) + "/r" + strconv.Itoa(ri+1) + "/c" + strconv.Itoa(left+1)
			for _, p := range cb.paras[:cb.own] {
				for i := range p.segs {
					p.segs[i].Start.Ref = cb.cref
				}
			}
		}
	}
}

func withText(ps []*para) []*para {
	var out []*para
	for _, p := range ps {
		if len(p.segs) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// finishTable emits the table, or unwraps a one-cell layout frame in the flow.
func (b *builder) finishTable(t *tableBuild, c container) {
	if len(t.rows) == 0 {
		return
	}
	// Only a frame in the flow is unwrapped: a frame inside a cell stays a table, so that
	// frames nested n deep do not move their paragraphs n times.
	if _, inFlow := c.(bodyContainer); inFlow && len(t.rows) == 1 && len(t.rows[0].emit) == 1 && t.rows[0].emit[0].span == 1 {
		for _, p := range t.rows[0].emit[0].paras {
			ref := c.ref(p.n)
			for i := range p.segs {
				p.segs[i].Start.Ref = ref
			}
			c.addPara(p)
		}
		return
	}
	tref := "t" + strconv.Itoa(t.no)
	blk := document.Block{Kind: document.Table, Rows: make([]document.Row, 0, len(t.rows))}
	for _, r := range t.rows {
		row := document.Row{Cells: make([]document.Cell, 0, len(r.emit))}
		for _, cb := range r.emit {
			row.Cells = append(row.Cells, cb.cell())
		}
		blk.Rows = append(blk.Rows, row)
	}
	start := document.Pos{Ref: tref}
	end := start
	if b.paras >= t.firstPara {
		start = document.Pos{Line: t.firstPara, Col: 1, Ref: tref}
		end = document.Pos{Line: b.lastEnd.Line, Col: b.lastEnd.Col, Ref: tref}
	}
	blk.Span = document.Span{Start: start, End: end}
	b.items = append(b.items, item{seq: t.seq, block: blk})
}

// cell converts a finished cell.
func (cb *cellBuild) cell() document.Cell {
	dc := document.Cell{Col: cb.col, RowSpan: cb.rowspan, ColSpan: cb.span, Header: cb.header}
	for _, p := range cb.paras {
		dc.Segments = append(dc.Segments, p.segs...)
	}
	switch {
	case len(dc.Segments) > 0:
		dc.Span = document.Span{Start: dc.Segments[0].Start, End: segEnd(dc.Segments[len(dc.Segments)-1])}
	case cb.lastPara >= cb.firstPara:
		pos := document.Pos{Line: cb.firstPara, Col: 1, Ref: cb.cref}
		dc.Span = document.Span{Start: pos, End: pos}
	default:
		pos := document.Pos{Ref: cb.cref}
		dc.Span = document.Span{Start: pos, End: pos}
	}
	return dc
}

// blocks returns the blocks in the order in which they start in the document.
func (b *builder) blocks() []document.Block {
	sort.SliceStable(b.items, func(i, j int) bool { return b.items[i].seq < b.items[j].seq })
	out := make([]document.Block, len(b.items))
	for i, it := range b.items {
		out[i] = it.block
	}
	return out
}
