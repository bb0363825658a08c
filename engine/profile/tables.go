package profile

import (
	"iter"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/reportlint/reportlint/engine/cnnum"
	"github.com/reportlint/reportlint/engine/i18n"
)

// Token kinds.
const (
	tokNumber = iota
	tokPlaceholder
	tokBlank
	tokText
	// tokRun is digits with signs inside, values written together ("8249-19426307"): not
	// one number, but a run splitRuns may cut into values at the signs.
	tokRun
)

// token is a value candidate: a word of flowing text, or the whole text of a table cell.
type token struct {
	start, end int
	kind       int
	num        cnnum.Number
	inCell     bool
	row        int32  // the table row of a cell, -1 in flowing text
	split      bool   // cut from a run of digits written without separators
	unit       string // a unit word written after the number
}

// anchorOcc is one occurrence of a table anchor (caption or row label).
type anchorOcc struct {
	key        int // 0 caption, 1+i row i
	start, end int
	score      int
}

// tableMatch is the result of the first pass over one table.
type tableMatch struct {
	spec     *TableSpec
	from, to int // search region
	anchors  []anchorOcc
	first    int // first code point of the table, -1 if not found
	firstEnd int // end of the first anchor or header label
}

// findTables matches every table template in two passes: first the anchors of each table,
// in order, each table's search starting where the previous one in the same region ended;
// then the values of every row, bounded by the next anchor or the next table.
func (p *profiler) findTables() {
	matches := make([]*tableMatch, len(p.spec.Tables))
	cursor := map[string]int{}
	for i := range p.spec.Tables {
		if p.cancelled() {
			return
		}
		t := &p.spec.Tables[i]
		from, to := p.region(t.Section)
		if c, ok := cursor[t.Section]; ok && c > from {
			from = c
		}
		m := p.matchAnchors(t, from, to)
		if len(m.anchors) == 0 && (from > 0 || to < p.s.len()) {
			// Not where the template says: look in the rest of the document, which also
			// covers reports whose section headings were not found or are misnumbered.
			all := 0
			if c, ok := cursor[""]; ok {
				all = c
			}
			if alt := p.matchAnchors(t, all, p.s.len()); len(alt.anchors) >= 2 {
				m = alt
			}
		}
		matches[i] = m
		if n := len(m.anchors); n > 0 {
			cursor[t.Section] = m.anchors[n-1].end
			cursor[""] = m.anchors[n-1].end
		}
	}
	for _, m := range matches {
		if p.cancelled() {
			return
		}
		// A table's last row reads up to the next table that starts after it.
		bound := m.to
		for _, next := range matches {
			if next != m && next.first > m.first && next.first < bound {
				bound = next.first
			}
		}
		p.readTable(m, bound)
	}
}

// region returns the code-point range of a section's body after its heading, or the
// whole document.
func (p *profiler) region(section string) (int, int) {
	for _, s := range p.facts.Sections {
		if s.ID == section && s.Found {
			return s.headEnd, s.bodyEnd
		}
	}
	return 0, p.s.len()
}

// matchAnchors finds the best ordered chain of the table's caption and row labels in
// [from, to). The chain starts at the caption or at a row label written out in full.
func (p *profiler) matchAnchors(t *TableSpec, from, to int) *tableMatch {
	m := &tableMatch{spec: t, from: from, to: to, first: -1}
	var occ []anchorOcc
	if t.Caption != "" {
		for _, r := range p.indexAll(t.Caption, from, to) {
			occ = append(occ, anchorOcc{key: 0, start: r[0], end: r[1], score: 3})
		}
	}
	for i, row := range t.Rows {
		if row.Label == "" {
			continue
		}
		for _, r := range p.indexAll(row.Label, from, to) {
			occ = append(occ, anchorOcc{key: 1 + i, start: r[0], end: r[1], score: 3})
		}
		for _, a := range row.Aliases {
			for _, r := range p.indexAll(a, from, to) {
				occ = append(occ, anchorOcc{key: 1 + i, start: r[0], end: r[1], score: 2})
			}
		}
	}
	// An alias that is a prefix of the label matches at the same place: keep the longest.
	slices.SortStableFunc(occ, func(a, b anchorOcc) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	occ = dedupeOcc(occ)
	chain := bestChain(len(occ), func(i int) (int, int, int, int) {
		return occ[i].key, occ[i].start, occ[i].end, occ[i].score
	})
	for _, ci := range chain {
		m.anchors = append(m.anchors, occ[ci])
	}
	if len(m.anchors) > 0 {
		m.first, m.firstEnd = m.anchors[0].start, m.anchors[0].end
	} else if t.Rows[0].Label == "" {
		// A table whose only row has no label (table 4) starts at its header.
		m.first, m.firstEnd = p.headerStart(t, from, to)
	}
	return m
}

// indexAll is stream.indexAll, for the profile's labels read from the one pass over the
// canonical text that finds them all.
func (p *profiler) indexAll(label string, from, to int) [][2]int {
	id, ok := p.labelID[label]
	if !ok {
		return p.s.indexAll(label, from, to)
	}
	if id < 0 || from >= to {
		return nil
	}
	if p.labelAt == nil {
		p.labelAt = p.labels.scanAll(p.s.canonStr)
	}
	at := p.labelAt[id]
	nb, nr := len(p.labels.lits[id]), p.labelRunes[id]
	fb, tb := p.s.canonByte(from), p.s.canonByte(to)
	k, _ := slices.BinarySearch(at, fb)
	var out [][2]int
	next := fb // occurrences do not overlap: each starts after the last one found
	for _, o := range at[k:] {
		if o+nb > tb {
			break
		}
		if o < next {
			continue
		}
		start := int(p.s.canonIdx[o])
		out = append(out, [2]int{start, start + nr})
		next = o + nb
		if len(out) == maxOccurrences {
			break
		}
	}
	return out
}

// headerStart finds where the header of a table without row labels begins: the first
// header word that starts a run of at least three header words with no digit among them
// (行政复议 行政诉讼 结果维持 …), so that a heading or a sentence naming some of the words
// (四、行政复议和行政诉讼情况; 被申请行政复议1起，其中维持1起) is not taken for the table. With
// no such run, the first header word found.
func (p *profiler) headerStart(t *TableSpec, from, to int) (int, int) {
	var occ [][2]int
	for _, h := range t.Header {
		occ = append(occ, p.indexAll(h, from, to)...)
	}
	if len(occ) == 0 {
		return -1, -1
	}
	sort.Slice(occ, func(a, b int) bool { return occ[a][0] < occ[b][0] })
	const window = 60 // code points a header's first three words lie within
	for i, o := range occ {
		words, last := 1, o[1]
		for _, n := range occ[i+1:] {
			if n[0] < last || n[0]-o[0] > window {
				if n[0]-o[0] > window {
					break
				}
				continue
			}
			if p.hasDigit(last, n[0]) {
				break
			}
			words, last = words+1, n[1]
			if words == 3 {
				return o[0], o[1]
			}
		}
	}
	return occ[0][0], occ[0][1]
}

// hasDigit reports whether a number or a sentence's punctuation stands in the folded text
// [a, b): header words follow one another with neither between them.
func (p *profiler) hasDigit(a, b int) bool {
	for i := a; i < b && i < len(p.s.folded); i++ {
		if r := p.s.folded[i]; (r >= '0' && r <= '9') || strings.ContainsRune("零〇一二两三四五六七八九十,;:。、", r) {
			return true
		}
	}
	return false
}

func dedupeOcc(occ []anchorOcc) []anchorOcc {
	out := occ[:0]
	for i, o := range occ {
		if i > 0 && o.key == occ[i-1].key && o.start == occ[i-1].start {
			continue
		}
		out = append(out, o)
	}
	return out
}

// readTable builds the table's facts from its anchors, reading each row's values up to
// the next anchor, and the last row's values up to bound. Runs of digits written without
// separators are split first row by row, then, where a row allows several splits, jointly
// with the row sums the profile declares.
func (p *profiler) readTable(m *tableMatch, bound int) {
	r := p.newTableRead(m)
	for i := range r.t.Rows {
		row := r.addRow(i)
		r.readRow(i, row, bound)
		r.settleRow(i, row)
	}
	r.settleLeadingBlanks()
	r.dropUnverifiedSubtotals()
	r.markShortRows()
	r.dropStrayBlanks()
	r.resolveRuns()
	r.out.Garbled = garbled(r.t, r.out.Rows, r.toks, r.want)
	for i := range r.t.Rows {
		r.buildRow(i)
	}
	r.out.linkLeaves()
	r.finish()
}

// tableRead holds what is known of one table while its rows are read: the values of
// each row, the splits still open, and what the subtotal column explains.
type tableRead struct {
	p            *profiler
	m            *tableMatch
	t            *TableSpec
	out          *Table
	rowAt        map[int]int // row index -> anchor index
	want         int
	sums         []sumRule
	signed       []bool
	toks         [][]token
	cands        map[int][][]token
	subtotalRows int          // rows whose subtotal column was verified and dropped
	dropped      map[int]bool // rows whose subtotal column was dropped
	// leadBlank are the rows one value too long that start with a blank cell, in a table
	// that may have a subtotal column: a label merged across columns, or a first value
	// cell left empty beside the subtotal column; the other rows tell which.
	leadBlank            map[int]bool
	short                map[int]bool // data rows one value short of the columns and the subtotal
	cells                []Cell       // the table's cells, row by row, made by the first buildRow
	tableStart, tableEnd int
}

// newTableRead registers the table's facts with its columns and prepares to read its rows.
func (p *profiler) newTableRead(m *tableMatch) *tableRead {
	t := m.spec
	out := &Table{
		Ref: t.ID, ID: t.ID, Group: t.Group, Title: t.Title, Section: t.Section,
		ColumnLabels: map[string]string{}, Rows: map[string]*Row{},
	}
	p.facts.Tables[t.ID] = out
	for _, c := range t.Columns {
		out.Columns = append(out.Columns, c.ID)
		out.ColumnLabels[c.ID] = c.Label
	}
	rowAt := map[int]int{}
	for ai, a := range m.anchors {
		if a.key > 0 {
			rowAt[a.key-1] = ai
		}
	}
	return &tableRead{
		p: p, m: m, t: t, out: out, rowAt: rowAt,
		want:       len(t.Columns),
		sums:       sumRules(t),
		signed:     signedColumns(t),
		toks:       make([][]token, len(t.Rows)),
		cands:      map[int][][]token{},
		dropped:    map[int]bool{},
		leadBlank:  map[int]bool{},
		short:      map[int]bool{},
		tableStart: m.first,
		tableEnd:   m.firstEnd,
	}
}

// addRow adds row i of the template to the table's facts, not yet found.
func (r *tableRead) addRow(i int) *Row {
	rs := &r.t.Rows[i]
	row := &Row{
		Ref: r.p.tableRefs[r.t].rows[i], ID: rs.ID, Label: rs.Label, Kind: rs.Kind, Parent: rs.Parent,
		Cells: make(map[string]*Cell, len(r.t.Columns)), carry: rs.Carry,
	}
	r.out.Rows[rs.ID] = row
	r.out.RowOrder = append(r.out.RowOrder, rs.ID)
	return row
}

// readRow reads the raw values of row i: after its label up to the next anchor (the last
// row up to bound), or, for a table's only unlabelled row, after the header.
func (r *tableRead) readRow(i int, row *Row, bound int) {
	p, m, t := r.p, r.m, r.t
	switch ai, ok := r.rowAt[i]; {
	case ok:
		a := m.anchors[ai]
		row.Found = true
		row.Written = p.s.text(a.start, a.end)
		row.Span = p.s.span(a.start, a.end)
		end, last := bound, true
		if ai+1 < len(m.anchors) {
			end, last = m.anchors[ai+1].start, false
		}
		la := p.s.atoms[p.s.atom[a.end-1]]
		r.toks[i] = p.rowValues(a.end, end, r.want, last, la.row, la.cell, string(p.s.folded[a.start:a.end]))
	case t.Rows[i].Label == "" && m.first >= 0:
		r.toks[i] = p.unlabelledValues(p.headerEnd(t, m.first, bound), bound, r.want)
		if len(r.toks[i]) > 0 {
			row.Found = true
		}
	}
}

// settleRow brings row i's values towards the number of columns: blanks left of merged
// label cells or in excess are dropped, repeated merged cells collapsed, a verified
// subtotal column dropped, and runs of digits split where exactly one split fits (several
// fitting splits are kept for joint resolution).
func (r *tableRead) settleRow(i int, row *Row) {
	want, toks := r.want, r.toks
	// A row too long that starts with blank cells, in a table that may have a subtotal
	// column, waits until the other rows have told whether the column is there: its
	// blanks are what is left of labels merged across columns, or one of them is the
	// first value cell left empty (settleLeadingBlanks).
	if len(toks[i]) > want && len(r.t.Subtotals) > 0 && toks[i][0].kind == tokBlank && toks[i][0].inCell {
		r.leadBlank[i] = true
		return
	}
	if len(toks[i]) > want {
		toks[i] = dropLeadingBlanks(toks[i], want)
	}
	r.settleValues(i, row)
}

// settleValues is settleRow past the blanks before a row's values.
func (r *tableRead) settleValues(i int, row *Row) {
	want, toks := r.want, r.toks
	// A row one value too long in a table that may have a subtotal column keeps its
	// blanks until the column is known: the extra value is the subtotal's, and a blank
	// among the others is a cell left empty.
	subtotalFirst := len(r.t.Subtotals) > 0 && len(toks[i]) == want+1
	if len(toks[i]) > want && !subtotalFirst {
		toks[i] = dropExtraBlanks(toks[i], want)
		toks[i] = dropTrailingBlanks(toks[i], want)
	}
	if len(toks[i]) > want {
		toks[i] = collapseRepeats(toks[i], want)
	}
	if len(toks[i]) == want+1 {
		if d := r.p.dropSubtotal(r.t, toks[i]); len(d) == want {
			toks[i] = d
			r.subtotalRows++
			r.dropped[i] = true
		}
	}
	if len(toks[i]) != want && (r.t.Rows[i].Kind != "group" || len(toks[i]) > 0) {
		switch splits := r.p.splitRuns(toks[i], want, r.sums, r.signed); len(splits) {
		case 0:
		case 1:
			toks[i], row.Split = splits[0], true
		default:
			r.cands[i] = splits
		}
	}
}

// settleLeadingBlanks decides the rows settleRow left with a blank before one value too
// many: in a table whose rows show the subtotal column, the blank is the first value cell
// left empty and the extra value the subtotal's (dropped here when it checks out, else by
// dropUnverifiedSubtotals); otherwise the blank is what is left of a label merged across
// columns, and goes.
func (r *tableRead) settleLeadingBlanks() {
	// The waiting rows count as evidence too: those whose values, past every blank before
	// them, are one too many with a subtotal that checks out.
	evidence := r.subtotalRows
	for i := range r.leadBlank {
		rest := r.toks[i]
		for len(rest) > 0 && rest[0].kind == tokBlank && rest[0].inCell {
			rest = rest[1:]
		}
		if len(rest) == r.want+1 && len(r.p.dropSubtotal(r.t, rest)) == r.want {
			evidence++
		}
	}
	width := r.want
	if evidence >= 2 && len(r.t.Subtotals) == 1 {
		width++
	}
	for _, i := range slices.Sorted(maps.Keys(r.leadBlank)) {
		r.toks[i] = dropLeadingBlanks(r.toks[i], width)
		r.settleValues(i, r.out.Rows[r.t.Rows[i].ID])
	}
}

// hasSubtotalColumn reports whether rows show the table has its one subtotal column.
func (r *tableRead) hasSubtotalColumn() bool {
	return r.subtotalRows >= 2 && len(r.t.Subtotals) == 1
}

// dropUnverifiedSubtotals drops the subtotal column from rows whose subtotal cannot be
// verified (a placeholder among the columns it totals), once rows show the table has it.
func (r *tableRead) dropUnverifiedSubtotals() {
	if !r.hasSubtotalColumn() {
		return
	}
	t := r.t
	at := slices.IndexFunc(t.Columns, func(c ColumnSpec) bool { return c.ID == t.Subtotals[0].After }) + 1
	for i, rt := range r.toks {
		if len(rt) == r.want+1 && at > 0 && at < len(rt) && rt[0].kind != tokText {
			r.toks[i] = append(append([]token(nil), rt[:at]...), rt[at+1:]...)
			delete(r.cands, i)
			r.dropped[i] = true
		}
	}
}

// markShortRows marks, in a table with a subtotal column, the data rows with one value
// fewer than the columns and the subtotal: a cell was left empty, and which one the text
// does not say, so they are not aligned. Only where most rows show the column: a table
// written with it in a few rows alone is read as written.
func (r *tableRead) markShortRows() {
	if !r.hasSubtotalColumn() {
		return
	}
	for i, rt := range r.toks {
		if len(rt) == r.want && !r.dropped[i] && r.t.Rows[i].Kind != "group" && r.cands[i] == nil && !r.out.Rows[r.t.Rows[i].ID].Split {
			r.short[i] = true
		}
	}
	if len(r.short) >= len(r.dropped) {
		clear(r.short)
	}
}

// dropStrayBlanks drops, from rows the subtotal column does not explain, a blank in
// excess: a stray empty cell.
func (r *tableRead) dropStrayBlanks() {
	for i, rt := range r.toks {
		if len(rt) == r.want+1 {
			if d := dropExtraBlanks(rt, r.want); len(d) == r.want {
				r.toks[i] = d
				delete(r.cands, i)
			}
		}
	}
}

// resolveRuns settles the rows with several fitting splits jointly, and records, for a
// row still short of values that is all digits, the run it was written as.
func (r *tableRead) resolveRuns() {
	p, t, want := r.p, r.t, r.want
	for i, choice := range p.resolveSplits(t, r.toks, r.cands) {
		r.toks[i] = choice
		r.out.Rows[t.Rows[i].ID].Split = true
	}
	for i := range t.Rows {
		// A lone value written apart from its label, with no sums to split it by, is one
		// value (a cell beside it left empty), not a run (see splitRuns).
		if rt := r.toks[i]; len(rt) > 0 && len(rt) < want && (len(rt) == 1 && (len(r.sums) > 0 || !p.loneNumber(rt[0])) || len(r.sums) > 0 || hasSignedRun(rt)) && p.allDigits(rt) && rt[len(rt)-1].end-rt[0].start >= want {
			r.out.Rows[t.Rows[i].ID].Run = p.s.text(rt[0].start, rt[len(rt)-1].end)
		}
	}
}

// extendEnd moves the table's end past the last of a row's values.
func (r *tableRead) extendEnd(rt []token) {
	if len(rt) > 0 {
		if e := rt[len(rt)-1].end; e > r.tableEnd {
			r.tableEnd = e
		}
	}
}

// buildRow fills row i's facts from its settled values: counts, alignment, a note when
// the row cannot be aligned, and a cell per column.
func (r *tableRead) buildRow(i int) {
	p, t, out := r.p, r.t, r.out
	rs := &t.Rows[i]
	row := out.Rows[rs.ID]
	rt := r.toks[i]
	if out.Garbled && len(rt) > 0 {
		r.extendEnd(rt)
		rt = nil // values of a garbled table cannot be assigned to rows
	}
	row.Values = len(rt)
	row.Expected = r.want
	if r.short[i] {
		row.Expected = r.want + 1
	}
	row.Aligned = len(rt) == r.want && !r.short[i]
	if len(rt) > 0 {
		r.extendEnd(rt)
		if row.Span.IsZero() {
			row.Span = p.s.span(rt[0].start, rt[len(rt)-1].end)
		}
	}
	if row.Found && row.Kind == "group" && len(rt) == 0 {
		p.addRowRef(out, row)
		return // a group label with no subtotal of its own
	}
	if row.Found && !row.Aligned && !out.Garbled {
		p.facts.Notes = append(p.facts.Notes, Note{
			Ref:     row.Ref,
			Message: i18n.Sprintf("“%s”行应有 %d 个数值，读到 %d 个，无法与列对应", displayLabel(row), row.Expected, len(rt)),
			Span:    row.Span,
		})
	}
	refs := p.tableRefs[t].cells[i]
	if r.cells == nil {
		r.cells = make([]Cell, len(t.Rows)*len(t.Columns)) // the cells of every row, in one
	}
	cells := r.cells[i*len(t.Columns) : (i+1)*len(t.Columns)]
	prefix := t.Title + "/" + displayLabel(row) + "/"
	if rs.Label == "" {
		prefix = t.Title + "/" // a table's only, unlabelled row
	}
	for ci, c := range t.Columns {
		cell := &cells[ci]
		cell.Ref, cell.Table, cell.Row, cell.Col, cell.Type, cell.State = refs[ci], t.ID, rs.ID, c.ID, c.Type, StateMissing
		if row.Aligned {
			r.fillCell(cell, rt[ci], c)
		} else {
			cell.Span = row.Span
		}
		row.Cells[c.ID] = cell
		if p.facts.cells == nil {
			p.facts.cells = map[string]*Cell{}
		}
		p.facts.cells[cell.Ref] = cell
		p.facts.addRef(cell.Ref, Resolved{Span: cell.Span, Snippet: cell.Text, Kind: "element", Logical: prefix + c.Label})
	}
	p.addRowRef(out, row)
}

// fillCell gives an aligned row's cell its text, place and state from the value read
// for its column.
func (r *tableRead) fillCell(cell *Cell, tok token, c ColumnSpec) {
	p := r.p
	cell.Text = p.s.text(tok.start, tok.end)
	cell.Span = p.s.span(tok.start, tok.end)
	switch {
	case tok.kind == tokNumber && (tok.unit == "" || p.unitOK[c.Type][tok.unit]):
		cell.State = StateNumber
		cell.Value = tok.num.Value
		cell.Integer = tok.num.Integer
		cell.Signed = tok.num.Signed
		cell.Unit = tok.unit
		r.out.Numbers++
	case tok.kind == tokPlaceholder:
		cell.State = StatePlaceholder
	case tok.kind == tokBlank:
		cell.State = StateBlank
	default:
		// Text, a run that could not be split, or a number with a unit its
		// column does not take (元 in a count column).
		cell.State = StateInvalid
	}
}

// linkLeaves lists, for each group row, the data rows under it at any depth. A group
// written as one row with values of its own and none of its sub-rows (the 2019 layout of
// （六）其他处理) counts as a data row.
func (tb *Table) linkLeaves() {
	var leaves func(id string) []string
	leaves = func(id string) []string {
		var ls []string
		for _, cid := range tb.RowOrder {
			c := tb.Rows[cid]
			if c.Parent != id {
				continue
			}
			if c.Kind != "group" || asRow(tb, c) {
				ls = append(ls, c.ID)
			} else {
				ls = append(ls, leaves(c.ID)...)
			}
		}
		return ls
	}
	for _, id := range tb.RowOrder {
		if r := tb.Rows[id]; r.Kind == "group" {
			r.Leaves = leaves(id)
		}
	}
}

// finish decides whether the table is there (enough rows found, or the header of a
// one-row table), and records its span and reference.
func (r *tableRead) finish() {
	p, m, t, out := r.p, r.m, r.t, r.out
	found := 0
	for _, row := range out.Rows {
		if row.Found {
			found++
		}
	}
	for _, h := range t.Header {
		if len(p.indexAll(h, max(m.from, 0), max(r.tableEnd, m.to))) > 0 {
			out.HeaderFound++
		}
	}
	out.Found = found >= min(2, len(t.Rows))
	if t.Rows[0].Label == "" && len(t.Header) > 0 && out.HeaderFound*2 >= len(t.Header) {
		out.Found = true // a one-row table without a label is there when its header is
	}
	if r.tableStart >= 0 && r.tableEnd > r.tableStart {
		out.Span = p.s.span(r.tableStart, r.tableEnd)
		if out.Found {
			// Only a table that is there hides its text from the claims: a row label or a
			// header word met in a sentence ("制发行政规范性文件3件") is narrative.
			p.tableRanges = append(p.tableRanges, [2]int{r.tableStart, r.tableEnd})
		}
	}
	p.facts.addRef(out.Ref, Resolved{Span: out.Span, Logical: t.Title, Kind: "element"})
}

// asRow reports whether a group row stands for itself: it has values and none of its
// sub-rows was found.
func asRow(t *Table, g *Row) bool {
	if g.Values == 0 {
		return false
	}
	for _, r := range t.Rows {
		if r.Parent == g.ID && r.Found {
			return false
		}
	}
	return true
}

// dropSubtotal removes, from a row with one value too many, a subtotal column the table
// allows (法人或其他组织 between 自然人 and the five kinds of organisation) when its value is
// the sum of the columns it totals.
func (p *profiler) dropSubtotal(t *TableSpec, toks []token) []token {
	idx := map[string]int{}
	for i, c := range t.Columns {
		idx[c.ID] = i
	}
	for _, st := range t.Subtotals {
		at := idx[st.After] + 1 // the subtotal's position among the row's values
		if at >= len(toks) || toks[at].kind != tokNumber {
			continue
		}
		rest := append(append([]token(nil), toks[:at]...), toks[at+1:]...)
		sum := 0.0
		ok := true
		for _, id := range st.SumOf {
			v := rest[idx[id]]
			if v.kind != tokNumber {
				ok = false
				break
			}
			sum += v.num.Value
		}
		if ok && sum == toks[at].num.Value {
			return rest
		}
	}
	return toks
}

// dropExtraBlanks removes blank cells from a row that has too many values when exactly
// the blanks are in excess: a PDF's stray ruling line makes an empty cell between two
// columns.
func dropExtraBlanks(toks []token, want int) []token {
	blanks := 0
	for _, t := range toks {
		if t.kind == tokBlank {
			blanks++
		}
	}
	if len(toks)-blanks != want {
		return toks
	}
	out := make([]token, 0, want)
	for _, t := range toks {
		if t.kind != tokBlank {
			out = append(out, t)
		}
	}
	return out
}

// dropTrailingBlanks removes, from a row with too many values, the empty cells after its
// last value: the padding of a grid wider than the row's table (the sub-tables of table 2
// stacked in one grid, | 行政事业性收费 | 15 |  |  | under two columns, the first blank).
func dropTrailingBlanks(toks []token, want int) []token {
	for len(toks) > want && toks[len(toks)-1].kind == tokBlank {
		toks = toks[:len(toks)-1]
	}
	return toks
}

// dropLeadingBlanks removes, from a row with too many values, the empty cells before its
// first value: what is left of label cells merged across columns (| 一、本年新收… |  |  | 133 |).
func dropLeadingBlanks(toks []token, want int) []token {
	for len(toks) > want && toks[0].kind == tokBlank && toks[0].inCell {
		toks = toks[1:]
	}
	return toks
}

// collapseRepeats undoes a converter's writing of merged value cells once per column they
// span (行政许可 | 1000 | 1000 | 1000 under one 本年处理决定数量 spanning three columns):
// cells of one table row that come in want runs of the same length, each run one value
// repeated, stand for want values.
func collapseRepeats(toks []token, want int) []token {
	if want == 0 || len(toks)%want != 0 || !toks[0].inCell {
		return toks
	}
	k := len(toks) / want
	out := make([]token, 0, want)
	for j := 0; j < want; j++ {
		run := toks[j*k : (j+1)*k]
		for _, t := range run[1:] {
			if t.kind != run[0].kind || t.kind != tokNumber || t.num.Value != run[0].num.Value || t.row != toks[0].row {
				return toks
			}
		}
		out = append(out, run[0])
	}
	return out
}

// garbled reports whether a table's rows and values are out of order: at least three data
// rows were found and more than a third of them could not be aligned.
func garbled(t *TableSpec, rows map[string]*Row, toks [][]token, want int) bool {
	found, bad := 0, 0
	for i, rs := range t.Rows {
		if rs.Kind == "group" || !rows[rs.ID].Found {
			continue
		}
		found++
		if len(toks[i]) != want {
			bad++
		}
	}
	return found >= 3 && bad*3 > found
}

// headerEnd returns where the header of a label-less table ends: after the last header
// label found in [from, to) before the first digit, so values written straight after the
// header ("…尚未审结总计10203…") are read.
func (p *profiler) headerEnd(t *TableSpec, from, to int) int {
	end := from
	firstDigit := to
	for i := from; i < to; i++ {
		if r := p.s.folded[i]; r >= '0' && r <= '9' {
			firstDigit = i
			break
		}
	}
	for _, h := range t.Header {
		for _, r := range p.indexAll(h, from, firstDigit) {
			if r[1] > end {
				end = r[1]
			}
		}
	}
	return end
}

func (p *profiler) addRowRef(t *Table, row *Row) {
	p.facts.addRef(row.Ref, Resolved{Span: row.Span, Snippet: row.Written, Logical: t.Title + "/" + displayLabel(row), Kind: "element"})
}

func displayLabel(r *Row) string {
	if r.Written != "" {
		return r.Written
	}
	if r.Label != "" {
		return r.Label
	}
	return r.ID
}

// rowValues reads the values after a row label, in [from, to). In flowing text a word that
// is not a value ends the row once values have started, so a short row never borrows the
// next table's numbers. In a table, every cell after the label in the label's own row
// (labelRow) is a value slot, except the rest of the label's cell (labelCell), and so is every cell after the first value (text there is an
// invalid value); other text cells before the first value are header cells or labels a
// converter repeated, and are skipped. A row that is not the last stops after want values.
func (p *profiler) rowValues(from, to, want int, last bool, labelRow, labelCell int32, label string) []token {
	var out []token
	for t := range p.tokens(from, to) {
		if t.inCell && labelCell >= 0 && p.s.atoms[p.s.atom[t.start]].cell == labelCell {
			continue // the rest of the label's own cell (an alias matched its start)
		}
		if t.kind == tokText && t.inCell && len(out) == 0 && p.repeatsLabel(t, label) {
			continue // a merged label cell a converter wrote once per column it spans
		}
		slot := t.inCell && labelRow >= 0 && t.row == labelRow
		if t.kind == tokText && !slot && (!t.inCell || len(out) == 0) {
			if len(out) > 0 {
				break
			}
			continue
		}
		if t.kind == tokText && len(out) > 0 && out[0].inCell && t.row != out[len(out)-1].row {
			break // the header of the next table
		}
		if last && len(out) >= want {
			// The last row ends with its cells, or in flowing text with its line: one more
			// number on that line may be a subtotal column; anything after is not the
			// table's.
			if !p.sameRow(out[len(out)-1], t) || (!t.inCell && (len(out) > want || t.kind != tokNumber)) {
				break
			}
		}
		out = append(out, t)
	}
	// Empty cells of the next table row before its label (what is left of a merged group
	// label) are not this row's.
	for n := len(out); n > 1 && out[n-1].kind == tokBlank && out[n-1].inCell && out[n-1].row != out[0].row; n = len(out) {
		out = out[:n-1]
	}
	return out
}

// repeatsLabel reports whether the cell holding text token t says label again.
func (p *profiler) repeatsLabel(t token, label string) bool {
	cell := p.s.atoms[p.s.atom[t.start]].cell
	a, b := t.start, t.end
	for a > 0 && p.s.atoms[p.s.atom[a-1]].cell == cell {
		a--
	}
	for b < len(p.s.folded) && p.s.atoms[p.s.atom[b]].cell == cell {
		b++
	}
	return string(p.s.folded[a:b]) == label
}

// sameRow reports whether token t continues the row of token prev: the same table row, or,
// in flowing text, the same source line.
func (p *profiler) sameRow(prev, t token) bool {
	if t.inCell || prev.inCell {
		return t.inCell && prev.inCell && t.row == prev.row
	}
	for i := prev.end; i <= t.start && i < len(p.s.lineStart); i++ {
		if p.s.lineStart[i] {
			return false
		}
	}
	return true
}

// unlabelledValues reads the values of a row without a label, after from: in a table,
// every value cell up to want, skipping header cells (converters split table 4 into one
// small table per block, each with its own header); in flowing text, the first run of
// values (no words between them) that is at least half the expected length, or a run of
// digits long enough to be split into the expected values.
func (p *profiler) unlabelledValues(from, to, want int) []token {
	var run []token
	enough := func() bool {
		if len(run) >= (want+1)/2 {
			return true
		}
		digits := 0
		for _, t := range run {
			if t.kind != tokNumber || !p.isDigits(t.start, t.end) {
				return false
			}
			digits += t.end - t.start
		}
		return digits >= want
	}
	textRow := int32(-2) // the last table row that had a header or label cell
	for t := range p.tokens(from, to) {
		if t.inCell && t.kind == tokBlank && t.row == textRow {
			continue // an empty cell of a header row (under a merged header cell)
		}
		if t.kind == tokText {
			if t.inCell {
				textRow = t.row
				for len(run) > 0 && run[len(run)-1].inCell && run[len(run)-1].row == t.row && run[len(run)-1].kind == tokBlank {
					run = run[:len(run)-1] // the header row's empty cells before this one
				}
				continue // a header or label cell
			}
			if len(run) > 0 && run[0].inCell {
				continue // a heading between the small tables of one table
			}
			if len(run) > 0 && enough() {
				break
			}
			run = run[:0]
			continue
		}
		run = append(run, t)
		if len(run) == want {
			break
		}
	}
	if len(run) == 0 || !enough() {
		return nil
	}
	return run
}

// tokens splits [from, to) into value candidates: table cells whole; in flowing text,
// words, and inside a word the runs of number characters apart from the rest, so that
// "0000000三、本年度办理结果" (a scraped page running a row into the next label) gives the
// value run and then the text. A unit word the profile knows stays with the number in
// front of it, in the same word ("246900元") or as the next word ("3 件"), and ends the
// value: "1个246900元" is two values.
func (p *profiler) tokens(from, to int) iter.Seq[token] {
	return func(yield func(token) bool) {
		// A token is yielded once the next one is read: a unit word after a number joins it.
		var prev token
		have := false
		emit := func(t token) bool {
			if have && !yield(prev) {
				return false
			}
			prev, have = t, true
			return true
		}
		if p.readTokens(from, to, &prev, &have, emit) && have {
			yield(prev)
		}
	}
}

// readTokens reads the tokens of [from, to) for tokens, handing each to emit; prev is the
// last one handed and not yet yielded, when have is set. It reports whether emit asked
// for more to the end.
func (p *profiler) readTokens(from, to int, prev *token, have *bool, emit func(token) bool) bool {
	s := p.s
	lastBar := -1 // the bar that closed the last value or empty cell, while no value followed
	for i := from; i < to; {
		a := s.atom[i]
		cell := s.atoms[a].cell
		j := i + 1
		numeric := isNumberRune(s.folded[i])
		for j < to {
			b := s.atom[j]
			if cell >= 0 {
				if s.atoms[b].cell != cell {
					break
				}
			} else if b != a || isNumberRune(s.folded[j]) != numeric {
				break
			}
			j++
		}
		if cell < 0 && numeric && j < to && s.atom[j] == a {
			j += p.unitAt(j, to, a)
		}
		if cell < 0 && !numeric && isRule(s.folded[i:j]) {
			// "|" between the values of a table scraped as text. Two bars with nothing
			// between them on one line ("| 11 |  | 0 |", "11||0") are an empty cell.
			for k := i; k < j; k++ {
				if lastBar >= 0 && (k > i || !s.lineStart[k]) {
					if !emit(token{start: lastBar, end: k + 1, kind: tokBlank, row: s.atoms[a].row}) {
						return false
					}
				}
				lastBar = k
			}
			i = j
			continue
		}
		lastBar = -1
		if cell < 0 && !numeric && *have {
			if !prev.inCell && prev.kind == tokNumber && prev.unit == "" && prev.end == i && p.unitAt(i, j, a) == j-i {
				// A unit written as a word of its own: "3 件".
				t := p.classify(prev.start, j, false, false)
				t.row = prev.row
				*prev = t
				i = j
				continue
			}
		}
		t := p.classify(i, j, cell >= 0, s.atoms[a].empty)
		t.row = s.atoms[a].row
		if !emit(t) {
			return false
		}
		i = j
	}
	return true
}

// isRule reports whether rs is made of vertical bars only: the column rulings of a table
// a page scraped into text ("行政许可 | 2 | +2 | 114 |").
func isRule(rs []rune) bool {
	for _, r := range rs {
		if r != '|' && r != '│' && r != '┃' {
			return false
		}
	}
	return len(rs) > 0
}

// unitAt returns the length of the longest unit word the profile knows that starts at
// code point i, within [i, to) and the atom a, or 0.
func (p *profiler) unitAt(i, to int, a int32) int {
	for _, u := range p.units {
		n := 0
		for _, r := range u {
			if i+n >= to || p.s.atom[i+n] != a || p.s.folded[i+n] != r {
				n = -1
				break
			}
			n++
		}
		if n > 0 {
			return n
		}
	}
	return 0
}

// isNumberRune reports the characters a number in a table is written with: digits, the
// decimal point and thousands separator, the percent sign, and signs (+ - − ﹣).
func isNumberRune(r rune) bool {
	return r >= '0' && r <= '9' || r == '.' || r == ',' || r == '%' || cnnum.IsSign(r)
}

// classify reads the token [i, j).
func (p *profiler) classify(i, j int, inCell, empty bool) token {
	t := token{start: i, end: j, inCell: inCell}
	text := string(p.s.folded[i:j])
	switch {
	case empty:
		t.kind = tokBlank
	default:
		// Table values are Arabic numbers; a Chinese numeral here is a label fragment.
		if n, unit, err := cnnum.ParseUnit(text, p.units); err == nil && !n.Chinese {
			t.kind = tokNumber
			t.num = n
			t.unit = unit
		} else if p.isPlaceholder(text) {
			t.kind = tokPlaceholder
		} else if !inCell && isSignedRun(text) {
			t.kind = tokRun
		} else {
			t.kind = tokText
		}
	}
	return t
}

// isSignedRun reports whether s is digits with at least one sign, each sign followed by a
// digit: values written together, one of them signed ("8249-19426307", "20+1737").
func isSignedRun(s string) bool {
	signs, prevSign, digits := 0, false, false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			prevSign, digits = false, true
		case cnnum.IsSign(r):
			if prevSign {
				return false
			}
			signs++
			prevSign = true
		default:
			return false
		}
	}
	return signs > 0 && digits && !prevSign
}

func (p *profiler) isPlaceholder(s string) bool {
	if cnnum.IsPlaceholder(s) {
		return true
	}
	for _, ph := range p.spec.Placeholders {
		if foldString(ph) == s {
			return true
		}
	}
	return false
}
