package pdf

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/i18n"
)

// mergeAcrossPages joins a table that ends a page with the table that starts the next
// page when both cover the same horizontal extent: the result is ONE table whose rows run
// on across the page break. A merged cell cut by the page break (a row-spanning label such
// as "三、本年度办理结果", or "（四）无" + "法提供") becomes one cell with a part on each page
// when its continuation on the new page is blank and left of the row's text, or carries
// text that does not start a new enumerated item and spans several rows on either side.
func mergeAcrossPages(pages []*pageLayout) {
	for i := 0; i+1 < len(pages); i++ {
		li := lastContent(pages[i])
		fi := firstContent(pages[i+1])
		if li < 0 || fi < 0 {
			continue
		}
		a, b := pages[i].items[li].table, pages[i+1].items[fi].table
		// Ruled tables share their outer rulings; a borderless table's extent comes from its
		// text, which varies from page to page by a few characters' width.
		tol := 4.0
		if a != nil && a.stream {
			tol = 12
		}
		if a == nil || b == nil || pages[i+1].items[fi].cont || a.stream != b.stream ||
			a.lastPage != pages[i].n {
			continue
		}
		if !sameEdges(a.x0, a.x1, b.x0, b.x1, tol) && !(a.stream && math.Abs(a.x1-b.x1) <= tol && sameValues(a.values, b.values, tol)) {
			// A borderless table's left edge is its widest label's: the same table when
			// its value columns are the same. Ruled tables of unequal widths stacked into
			// one grid (a page converted from HTML) go on where the last row ends.
			if a.stream {
				continue
			}
			ax0, ax1 := a.rowEdges(a.lastPage, a.bottom)
			bx0, bx1 := b.rowEdges(b.firstPage, b.top)
			if !sameEdges(ax0, ax1, bx0, bx1, tol) {
				continue
			}
		}
		joinTables(a, b)
		pages[i+1].items[fi] = item{table: a, cont: true}
	}
}

// sameEdges reports whether two extents have the same left and right edges, within tol.
func sameEdges(a0, a1, b0, b1, tol float64) bool {
	return math.Abs(a0-b0) <= tol && math.Abs(a1-b1) <= tol
}

// rowEdges returns the left and right edges of the cells of t that touch y on page: its
// top or bottom row there. Blank cells outside every drawn table (the margin beside a
// narrower table stacked into the grid of a wider one) are not part of the row.
func (t *table) rowEdges(page int, y float64) (x0, x1 float64) {
	x0, x1 = math.Inf(1), math.Inf(-1)
	for _, c := range t.cells {
		if c.open && c.blank() {
			continue
		}
		for _, p := range c.parts {
			if p.page == page && (math.Abs(p.y0-y) <= snapTol || math.Abs(p.y1-y) <= snapTol) {
				x0, x1 = math.Min(x0, p.x0), math.Max(x1, p.x1)
			}
		}
	}
	return x0, x1
}

// sameValues reports whether two borderless tables have the same value columns: as many,
// with boundaries within tol of each other.
func sameValues(a, b []float64, tol float64) bool {
	if len(a) < 2 || len(a) != len(b) {
		return false
	}
	for k := range a {
		if math.Abs(a[k]-b[k]) > tol {
			return false
		}
	}
	return true
}

func lastContent(p *pageLayout) int {
	for i := len(p.items) - 1; i >= 0; i-- {
		if !p.items[i].furniture {
			return i
		}
	}
	return -1
}

func firstContent(p *pageLayout) int {
	for i, it := range p.items {
		if !it.furniture {
			return i
		}
	}
	return -1
}

// joinTables appends b (on the page after a's last page) to a.
func joinTables(a, b *table) {
	dropRepeatedHeader(a, b)
	bTop, pairs := pairRows(a, b)
	cut := cutRow(len(bTop), pairs)
	ab := a.pageBounds(a.lastPage)
	bb := b.pageBounds(b.firstPage)
	merged := map[*tcell]bool{}
	for _, pr := range pairs {
		c1, c2 := pr.c1, pr.c2
		if !cut && !cellGoesOn(c1, c2, bTop, ab, bb) {
			continue
		}
		if p1 := c1.parts[len(c1.parts)-1]; cutNumber(c1, c2) {
			// The rest of a number wrapped in a narrow cell: one value, not two.
			p1.text += strings.TrimSpace(c2.parts[0].text)
		} else {
			c1.parts = append(c1.parts, c2.parts...)
		}
		merged[c2] = true
	}
	for _, c := range b.cells {
		if !merged[c] {
			a.cells = append(a.cells, c)
		}
	}
	a.lastPage, a.bottom = b.lastPage, b.bottom
	a.irregular = a.irregular || b.irregular
}

// pairRows returns the cells of b's top row and pairs each with the cell of a's bottom row
// above it, where there is one. Blank cells outside every drawn table belong to neither row.
func pairRows(a, b *table) (bTop []*tcell, pairs []cellPair) {
	var aBottom []*tcell
	for _, c := range a.cells {
		p := c.parts[len(c.parts)-1]
		if p.page == a.lastPage && math.Abs(p.y1-a.bottom) <= snapTol && !(c.open && c.blank()) {
			aBottom = append(aBottom, c)
		}
	}
	for _, c := range b.cells {
		if math.Abs(c.parts[0].y0-b.top) <= snapTol && !(c.open && c.blank()) {
			bTop = append(bTop, c)
		}
	}
	for _, c2 := range bTop {
		p2 := c2.parts[0]
		for _, c := range aBottom {
			p := c.parts[len(c.parts)-1]
			if math.Abs(p.x0-p2.x0) <= 3 && math.Abs(p.x1-p2.x1) <= 3 ||
				a.stream && math.Min(p.x1, p2.x1)-math.Max(p.x0, p2.x0) > 0.5*math.Min(p.x1-p.x0, p2.x1-p2.x0) {
				// A borderless table's columns are drawn again on every page, a few
				// points apart: cells over the same column.
				pairs = append(pairs, cellPair{c, c2})
				break
			}
		}
	}
	return bTop, pairs
}

// cellGoesOn reports whether c2, at the top of a table part, goes on from c1 above it when
// the row as a whole is not cut: a blank cell left of the text that goes on, or a label a
// page break cut in a cell that spans rows on either page (ab and bb are the pages' row
// bounds).
func cellGoesOn(c1, c2 *tcell, bTop []*tcell, ab, bb []float64) bool {
	p1, p2 := c1.parts[len(c1.parts)-1], c2.parts[0]
	switch {
	case c2.blank():
		for _, o := range bTop {
			if !o.blank() && o.parts[0].x0 >= p2.x1-snapTol {
				return true
			}
		}
	case !c1.blank() && !enumMarker.MatchString(p2.text) && !isValue(p2.text) && !isValue(p1.text):
		// A label cut by the page break goes on as text: a header cell over two rows at
		// the foot of a page and the value under it on the next page (table 4's 结果维持
		// and 7) are two cells.
		return spanned(bb, p2.y0, p2.y1) > 1 || spanned(ab, p1.y0, p1.y1) > 1
	}
	return false
}

// cellPair is a cell at the bottom of a table part (c1) and the cell at the top of the
// part on the next page with the same left and right edges (c2).
type cellPair struct{ c1, c2 *tcell }

// cutRow reports whether the top row of a table part is the rest of the bottom row of the
// part on the page before, which word processors let a page break cut in two: every cell
// of the top row (n of them) lies under a cell of the bottom row, none starts a new item,
// no value is cut, and either the top row is all blank or a label that filled its cell's
// width to the edge goes on there.
func cutRow(n int, pairs []cellPair) bool {
	if n == 0 || len(pairs) != n {
		return false
	}
	full := func(c *tcell) bool {
		p := c.parts[len(c.parts)-1]
		return !c.blank() && !isValue(p.text) && fullLastLine(p)
	}
	evidence, blank := false, true
	if cutNumberRow(pairs) != nil {
		return true
	}
	for _, pr := range pairs {
		if !rowContinues(pr.c1, pr.c2) {
			return false
		}
		if pr.c2.blank() {
			continue
		}
		blank = false
		switch {
		case pr.c1.blank():
		case full(pr.c1) && !isValue(pr.c2.parts[0].text):
			evidence = true
		default:
			return false
		}
	}
	return evidence || blank
}

// cutNumberRow returns the pair whose number a page break cut, when the top row of a table
// part holds nothing but the rest of a number from the cell above it: a word processor
// wraps a number too wide for a narrow column (100|5), and the break may fall between its
// lines. Every other cell of the top row is blank, so no row of its own starts there.
func cutNumberRow(pairs []cellPair) *cellPair {
	var cut *cellPair
	for i := range pairs {
		pr := &pairs[i]
		if pr.c2.blank() {
			continue
		}
		if cut != nil || !cutNumber(pr.c1, pr.c2) {
			return nil
		}
		cut = pr
	}
	return cut
}

// cutNumber reports whether c2, at the top of a table part, is the rest of a number that
// ends c1 at the bottom of the part before: both are digits only, and c1's number filled
// its line.
func cutNumber(c1, c2 *tcell) bool {
	p1, t2 := c1.parts[len(c1.parts)-1], strings.TrimSpace(c2.parts[0].text)
	return digitsOnly(strings.TrimSpace(p1.text)) && digitsOnly(t2) && fullLastLine(p1)
}

func digitsOnly(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// rowContinues reports whether c2, at the top of a table part, may continue c1, at the
// bottom of the part on the page before: it does not start a new enumerated item, and the
// two are not both values (a number is not cut by a page break).
func rowContinues(c1, c2 *tcell) bool {
	t1, t2 := c1.parts[len(c1.parts)-1].text, c2.parts[0].text
	if enumMarker.MatchString(t2) {
		return false
	}
	return !(isValue(t1) && isValue(t2))
}

// isValue reports whether s is a number or a placeholder written for one.
func isValue(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if _, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64); err == nil {
		return true
	}
	switch s {
	case "/", "-", "—", "--", "——", "无", "不适用":
		return true
	}
	return false
}

// fullLastLine reports whether the last text line of p runs up to the cell's edges, less
// than about two characters short of its width: text that wrapped there and goes on (a
// word processor moves a character to the next line with the punctuation that may not
// start one, as 补|正、). The cell's padding, measured as the line's left inset up to one
// character (centred text is inset further), does not count as space left.
func fullLastLine(p *cpart) bool {
	if len(p.lines) == 0 {
		return false
	}
	l := p.lines[len(p.lines)-1]
	pad := math.Max(0, math.Min(l.x0-p.x0, l.size))
	return (p.x1-p.x0)-(l.x1-l.x0)-2*pad < 2*l.size+2
}

// dropRepeatedHeader removes from b the header rows that a word processor repeats at the
// top of every page of a table: up to three leading rows of b that read exactly like the
// leading rows of a (same texts at the same x positions), when no cell of them reaches
// below them and at least one row of b remains.
func dropRepeatedHeader(a, b *table) {
	sigs := func(t *table, page int) ([]string, []float64) {
		ys := t.pageBounds(page)
		rows := make([][]*cpart, max(0, len(ys)-1))
		for _, c := range t.cells {
			p := c.parts[0]
			if p.page != page {
				continue
			}
			if r := nearest(ys, p.y0); r < len(rows) {
				rows[r] = append(rows[r], p)
			}
		}
		out := make([]string, len(rows))
		for i, ps := range rows {
			sort.Slice(ps, func(x, y int) bool { return ps[x].x0 < ps[y].x0 })
			var sb strings.Builder
			for _, p := range ps {
				fmt.Fprintf(&sb, "%.0f:%s|", math.Round(p.x0/3), p.text)
			}
			out[i] = sb.String()
		}
		return out, ys
	}
	sa, _ := sigs(a, a.firstPage)
	sb, ys := sigs(b, b.firstPage)
	k := 0
	for k < 3 && k < len(sa) && k+1 < len(sb) && sa[k] == sb[k] && strings.Contains(sa[k], ":") && strings.Trim(sa[k], "0123456789:|") != "" {
		k++
	}
	for ; k > 0; k-- {
		cut := ys[k]
		clean := true
		for _, c := range b.cells {
			if p := c.parts[0]; p.y0 < cut-snapTol && p.y1 > cut+snapTol {
				clean = false
				break
			}
		}
		if clean {
			break
		}
	}
	if k == 0 {
		return
	}
	cut := ys[k]
	kept := b.cells[:0]
	for _, c := range b.cells {
		if c.parts[0].y0 >= cut-snapTol {
			kept = append(kept, c)
		}
	}
	b.cells = kept
	b.top = cut
}

// pageBounds returns the row lines of the table's part on page.
func (t *table) pageBounds(page int) []float64 {
	var ys []float64
	for _, c := range t.cells {
		for _, p := range c.parts {
			if p.page == page {
				ys = append(ys, p.y0, p.y1)
			}
		}
	}
	return bounds(ys)
}

// spanned counts the grid rows between y0 and y1.
func spanned(ys []float64, y0, y1 float64) int {
	return max(1, nearest(ys, y1)-nearest(ys, y0))
}

// finish computes the grid: columns from the cells' left and right edges, rows from their
// top and bottom edges page by page, then drops grid rows and columns in which no cell
// starts (they only come from rulings of merged areas), so that row and column spans are
// as small as the table allows.
func (t *table) finish() (nrows int) {
	var xs []float64
	pageSet := map[int]bool{}
	for _, c := range t.cells {
		for _, p := range c.parts {
			xs = append(xs, p.x0, p.x1)
			pageSet[p.page] = true
		}
	}
	cols := bounds(xs)
	var pages []int
	for p := range pageSet {
		pages = append(pages, p)
	}
	sort.Ints(pages)
	rowsOf := map[int][]float64{}
	offset := map[int]int{}
	off := 0
	for _, p := range pages {
		rowsOf[p] = t.pageBounds(p)
		offset[p] = off
		off += max(0, len(rowsOf[p])-1)
	}
	row := func(page int, y float64) int { return offset[page] + nearest(rowsOf[page], y) }
	n := max(off, 1)
	usedR := make([]bool, n+1)
	usedC := make([]bool, len(cols)+1)
	for _, c := range t.cells {
		f, l := c.parts[0], c.parts[len(c.parts)-1]
		c.r0, c.r1 = row(f.page, f.y0), row(l.page, l.y1)
		c.c0, c.c1 = nearest(cols, f.x0), nearest(cols, f.x1)
		if c.r1 <= c.r0 {
			c.r1 = c.r0 + 1
		}
		if c.c1 <= c.c0 {
			c.c1 = c.c0 + 1
		}
		usedR[min(c.r0, n)] = true
		usedC[min(c.c0, len(cols))] = true
	}
	remap := func(used []bool) []int {
		idx := make([]int, len(used)+1)
		k := -1
		for i, u := range used {
			if u || k < 0 {
				k++
			}
			idx[i] = k
		}
		idx[len(used)] = k + 1
		return idx
	}
	ri, ci := remap(usedR), remap(usedC)
	end := func(idx []int, e int) int {
		// The compressed end of an exclusive grid end e: one past the compressed index of
		// the last grid line before it.
		return idx[min(e-1, len(idx)-2)] + 1
	}
	for _, c := range t.cells {
		c.r0, c.r1 = ri[min(c.r0, len(ri)-2)], end(ri, c.r1)
		c.c0, c.c1 = ci[min(c.c0, len(ci)-2)], end(ci, c.c1)
	}
	// A part's row on its own page: where its dump line goes.
	for _, c := range t.cells {
		for k, p := range c.parts {
			if k == 0 {
				p.row = c.r0
				continue
			}
			p.row = ri[min(row(p.page, p.y0), len(ri)-2)]
		}
	}
	sort.SliceStable(t.cells, func(a, b int) bool {
		if t.cells[a].r0 != t.cells[b].r0 {
			return t.cells[a].r0 < t.cells[b].r0
		}
		return t.cells[a].c0 < t.cells[b].c0
	})
	t.resolveOverlaps()
	return t.compressRows()
}

// compressRows renumbers the rows so that a cell starts in every row (joining cells in
// resolveOverlaps can leave a row without one) and returns the number of rows.
func (t *table) compressRows() int {
	n := 0
	for _, c := range t.cells {
		n = max(n, c.r1)
	}
	used := make([]bool, n+1)
	for _, c := range t.cells {
		used[c.r0] = true
	}
	idx := make([]int, n+1)
	k := -1
	for r := 0; r <= n; r++ {
		if used[r] || k < 0 {
			k++
		}
		idx[r] = k
	}
	nrows := 0
	for _, c := range t.cells {
		r1 := idx[c.r1-1] + 1
		c.r0, c.r1 = idx[c.r0], r1
		for _, p := range c.parts {
			p.row = idx[min(max(p.row, 0), n)]
		}
		nrows = max(nrows, c.r1)
	}
	return nrows
}

// resolveOverlaps makes the grid consistent when cells claim the same place (rulings or
// text lines closer than the grid resolution, overlapping text): a cell whose top-left
// slot is taken is joined to the cell holding it, and spans are cut where they would run
// into another cell. It notes that it did so, unless all it joined was words with no
// number (two header labels): a value can then have gone nowhere it does not belong.
func (t *table) resolveOverlaps() {
	occ := map[[2]int]*tcell{}
	kept := t.cells[:0]
	for _, c := range t.cells {
		if o := occ[[2]int{c.r0, c.c0}]; o != nil {
			if o.hasDigit() || c.hasDigit() {
				t.overlaps = true
			}
			o.parts = append(o.parts, c.parts...)
			continue
		}
		for cc := c.c0 + 1; cc < c.c1; cc++ {
			if occ[[2]int{c.r0, cc}] != nil {
				c.c1 = cc
				t.overlaps = true
				break
			}
		}
	rows:
		for rr := c.r0 + 1; rr < c.r1; rr++ {
			for cc := c.c0; cc < c.c1; cc++ {
				if occ[[2]int{rr, cc}] != nil {
					c.r1 = rr
					t.overlaps = true
					break rows
				}
			}
		}
		for rr := c.r0; rr < c.r1; rr++ {
			for cc := c.c0; cc < c.c1; cc++ {
				occ[[2]int{rr, cc}] = c
			}
		}
		kept = append(kept, c)
	}
	t.cells = kept
}

// table writes a table block. Its dump has one line per grid row and page: the texts of
// the cells starting in that row (or continuing there from the previous page), in column
// order, separated by tabs; a blank cell is an empty field.
func (e *emitter) table(t *table) {
	nrows := t.finish()
	b := document.Block{Kind: document.Table, Rows: make([]document.Row, nrows)}
	type field struct {
		cell *tcell
		part *cpart
		idx  int // index of the part in the cell
	}
	byRow := make([][]field, nrows)
	for _, c := range t.cells {
		for k, p := range c.parts {
			if k > 0 && p.text == "" {
				continue
			}
			if p.row >= 0 && p.row < nrows {
				byRow[p.row] = append(byRow[p.row], field{c, p, k})
			}
		}
	}
	out := map[*tcell]*document.Cell{}
	for r := 0; r < nrows; r++ {
		fs := byRow[r]
		if len(fs) == 0 {
			continue
		}
		sort.SliceStable(fs, func(a, b int) bool { return fs[a].cell.c0 < fs[b].cell.c0 })
		page := fs[0].part.page
		ln := e.next(page)
		col := 1
		for i, f := range fs {
			if i > 0 {
				col++ // the tab
			}
			dc := out[f.cell]
			if dc == nil {
				dc = &document.Cell{Col: f.cell.c0, RowSpan: f.cell.r1 - f.cell.r0, ColSpan: f.cell.c1 - f.cell.c0}
				out[f.cell] = dc
			}
			start := document.Pos{Page: page, Line: ln, Col: col}
			n := utf8.RuneCountInString(f.part.text)
			end := document.Pos{Page: page, Line: ln, Col: col + n}
			if f.part.text != "" {
				dc.Segments = append(dc.Segments, document.Segment{Text: f.part.text, Start: start})
			}
			dc.Span = dc.Span.Cover(document.Span{Start: start, End: end})
			b.Span = b.Span.Cover(document.Span{Start: start, End: end})
			col += n
		}
	}
	for _, c := range t.cells {
		if dc := out[c]; dc != nil {
			b.Rows[c.r0].Cells = append(b.Rows[c.r0].Cells, *dc)
		}
	}
	if len(b.Rows) == 0 {
		return
	}
	e.doc.Blocks = append(e.doc.Blocks, b)
	if t.overlaps {
		e.doc.Notes = append(e.doc.Notes, document.Note{
			Message: i18n.Sprintf("第 %d 页表格的单元格相互重叠（框线或文字行过密，无法分开），其文字已合并", t.firstPage),
			Span:    b.Span,
		})
	}
	if t.stream {
		e.doc.Notes = append(e.doc.Notes, document.Note{
			Message: i18n.Sprintf("第 %d 页的表格没有框线，列是按文字对齐推断的，可能不准确", t.firstPage),
			Span:    b.Span,
		})
	}
}

// streamTables finds tables drawn without rulings: runs of at least three lines that are
// split by wide gaps into chunks, at least two of them into three or more. Columns are the
// union of the x-ranges of the chunks of those lines (so a header chunk over several
// columns becomes a cell spanning them); every line is a row. A line with text only in
// the first column (a wrapped row label) is joined to the row label next to it.
func streamTables(p *pageLayout) {
	margin := leftMargin(p)
	var out []item
	i := 0
	for i < len(p.items) {
		j := i
		wide := 0
		first := [2]float64{math.Inf(1), math.Inf(-1)} // x-range of the run's row labels
		values := math.Inf(1)                          // where the run's values start
		for j < len(p.items) {
			it := p.items[j]
			if it.line == nil || it.furniture || len(it.line.chunks) < 2 && j == i {
				break
			}
			if j > i {
				prev := p.items[j-1].line
				if it.line.y0-prev.y1 > 2.5*math.Max(prev.size, it.line.size) {
					break
				}
			}
			if c := it.line.chunks; len(c) == 1 && j > i && !continuesTable(c[0], first, values, margin) {
				break
			}
			if c := it.line.chunks; len(c) >= 2 {
				first[0], first[1] = math.Min(first[0], c[0].x0), math.Max(first[1], c[0].x1)
				for _, ch := range c[1:] {
					if isValue(ch.text) {
						values = math.Min(values, ch.x0)
					}
				}
			}
			if len(it.line.chunks) >= 3 {
				wide++
			}
			j++
		}
		// Trailing one-chunk lines are prose after the table, not part of it.
		for j > i && len(p.items[j-1].line.chunks) < 2 {
			j--
		}
		if j-i >= 3 && wide >= 2 {
			if t := streamTable(p.n, p.items[i:j]); t != nil {
				out = append(out, item{table: t})
				i = j
				continue
			}
		}
		out = append(out, p.items[i])
		i++
	}
	p.items = out
}

// numericChunks counts the chunks of l that are a number.
func numericChunks(l *tline) int {
	n := 0
	for _, c := range l.chunks {
		if _, err := strconv.ParseFloat(strings.TrimSpace(c.text), 64); err == nil {
			n++
		}
	}
	return n
}

// continuesTable reports whether a line of one chunk c belongs to the borderless table
// above it: a wrapped row label, within the x-range first of the rows' labels, or a
// label of a group of rows, left of where the values start. A line that starts at the
// page's left margin (a heading, a paragraph) or lies beside the labels (a caption centred
// over the next block, which has columns of its own) ends the table.
func continuesTable(c chunk, first [2]float64, values, margin float64) bool {
	if c.x0 <= margin+2 {
		return false
	}
	return c.x1 > first[0] && c.x0 < first[1] || c.x1 < values
}

// leftMargin is the page's text margin: the leftmost start of a line of one chunk (the
// prose), or of any line when there is no prose.
func leftMargin(p *pageLayout) float64 {
	m, any := math.Inf(1), math.Inf(1)
	for _, it := range p.items {
		if it.line == nil || it.furniture || len(it.line.chunks) == 0 {
			continue
		}
		x := it.line.chunks[0].x0
		any = math.Min(any, x)
		if len(it.line.chunks) == 1 {
			m = math.Min(m, x)
		}
	}
	if math.IsInf(m, 1) {
		return any
	}
	return m
}

// splitChunks returns items with their lines' chunks split at zones (chunk.splitAt),
// leaving the lines of the page as they are.
func splitChunks(items []item, zones [][2]float64) []item {
	lines := make([]tline, len(items))
	out := slices.Clone(items)
	for k, it := range items {
		lines[k] = *it.line
		var cs []chunk
		for _, c := range it.line.chunks {
			cs = append(cs, c.splitAt(zones)...)
		}
		lines[k].chunks = cs
		out[k].line = &lines[k]
	}
	return out
}

// firstItem matches the start of the first item of a numbered list: "1.", "1、", "（一）".
var firstItem = regexp.MustCompile(`^\s*(?:[1１]\s*[.．、]|[（(]\s*[1一]\s*[)）])`)

// streamTable rebuilds a table without rulings from its lines.
//
// Columns come from the data lines (three chunks or more, at least two of them numbers)
// when there are any, as header lines often run two column titles into one chunk: the
// x-ranges of their chunks, merged where they overlap, and cut where one line has two
// chunks in what would be one column (the label of a group of rows beside a row's label).
// A chunk over several columns spans them.
//
// Rows: every line with a value right of the labels is a row; the lines above the first
// are the header, each a row of its own cells, without blank cells (a header cell wrapped
// over lines leaves nothing there). The other lines are labels wrapped over lines, each
// chunk going to the row whose values are nearest. In a label column where most rows are
// empty (the labels of groups of rows, set beside the rows they span), pieces in
// consecutive rows that lie close under each other and start no new item are one cell
// spanning those rows.
func streamTable(page int, items []item) *table {
	// Texts side by side with only a space between them, the second a numbered item,
	// are two: a group's label and a row's label.
	items = splitChunks(items, nil)
	template := dataLine(items)
	cols := mergedRanges(items, template)
	if len(cols) < 3 {
		return nil
	}
	xb, zones := columnBounds(items, template, cols)
	// Chunks that run over a boundary at a space are two texts (a label running up to
	// the next column's text).
	items = splitChunks(items, zones)
	widenBounds(xb, items)
	g := &streamGrid{xb: xb, ncol: len(xb) - 1}
	g.firstVal = g.firstValue(items, template)
	rows, nHead := g.cutRows(items)
	t := &table{stream: true, firstPage: page, lastPage: page, x0: xb[0], x1: xb[g.ncol], values: xb[g.firstVal:]}
	t.top = items[0].line.y0
	t.bottom = items[len(items)-1].line.y1
	bandTop := rowBands(rows, t.top, t.bottom)
	rowspan := g.groupLabels(rows, nHead)
	t.cells = g.tableCells(page, rows, rowspan, bandTop)
	if len(t.cells) < 2 {
		return nil
	}
	return t
}

// dataLine returns the test for a borderless table's data lines: three chunks or more,
// at least two of them numbers, or just three chunks or more when no line has two numbers.
func dataLine(items []item) func(item) bool {
	template := func(it item) bool { return len(it.line.chunks) >= 3 && numericChunks(it.line) >= 2 }
	if !slices.ContainsFunc(items, template) {
		template = func(it item) bool { return len(it.line.chunks) >= 3 }
	}
	return template
}

// mergedRanges returns the x-ranges of the data lines' chunks, left to right, merged
// where they overlap or touch.
func mergedRanges(items []item, template func(item) bool) [][2]float64 {
	var iv [][2]float64
	for _, it := range items {
		if template(it) {
			for _, c := range it.line.chunks {
				iv = append(iv, [2]float64{c.x0, c.x1})
			}
		}
	}
	sort.Slice(iv, func(a, b int) bool { return iv[a][0] < iv[b][0] })
	var cols [][2]float64
	for _, v := range iv {
		if n := len(cols); n > 0 && v[0] <= cols[n-1][1]+1 {
			cols[n-1][1] = math.Max(cols[n-1][1], v[1])
			continue
		}
		cols = append(cols, v)
	}
	return cols
}

// columnBounds returns the column boundaries of a borderless table, sorted: those between
// the merged ranges cols, and cuts inside a range where a data line has two chunks in it.
// It also returns the zones, the x-ranges where a boundary may lie: the spaces between the
// merged ranges, and the spaces all the cut spaces of one boundary share.
func columnBounds(items []item, template func(item) bool, cols [][2]float64) ([]float64, [][2]float64) {
	xb := []float64{cols[0][0]}
	for k := 1; k < len(cols); k++ {
		xb = append(xb, (cols[k-1][1]+cols[k][0])/2)
	}
	xb = append(xb, cols[len(cols)-1][1])
	// Where a data line has two chunks in one range, a boundary must lie in the space
	// between them: the fewest boundaries that cut every such space, each in the middle of
	// the spaces it cuts.
	spaces := sharedSpaces(items, template, xb, valuesStart(items, template))
	var zones [][2]float64
	for k := 1; k < len(cols); k++ {
		zones = append(zones, [2]float64{cols[k-1][1], cols[k][0]})
	}
	for k := 0; k < len(spaces); {
		lo, hi := spaces[k][0], spaces[k][1]
		j := k + 1
		for j < len(spaces) && spaces[j][0] <= hi {
			lo = math.Max(lo, spaces[j][0])
			j++
		}
		xb = append(xb, (lo+hi)/2)
		zones = append(zones, [2]float64{lo, hi})
		k = j
	}
	sort.Float64s(xb)
	return xb, zones
}

// valuesStart is the leftmost start of a value in the data lines (+Inf when there is none).
func valuesStart(items []item, template func(item) bool) float64 {
	values := math.Inf(1)
	for _, it := range items {
		if template(it) {
			for _, c := range it.line.chunks {
				if isValue(c.text) {
					values = math.Min(values, c.x0)
				}
			}
		}
	}
	return values
}

// sharedSpaces returns the spaces between two chunks of one line that fall in one column
// of xb, sorted by their right end. Lines other than data lines count left of the values
// only, where labels wrapped over lines put a group's label and a row's label side by
// side on a line of their own.
func sharedSpaces(items []item, template func(item) bool, xb []float64, values float64) [][2]float64 {
	var spaces [][2]float64
	for _, it := range items {
		cs := it.line.chunks
		for k := 1; k < len(cs); k++ {
			if !template(it) && cs[k].x1 > values {
				break
			}
			if cellIndex(xb, (cs[k-1].x0+cs[k-1].x1)/2) == cellIndex(xb, (cs[k].x0+cs[k].x1)/2) {
				spaces = append(spaces, [2]float64{cs[k-1].x1, cs[k].x0})
			}
		}
	}
	sort.Slice(spaces, func(a, b int) bool { return spaces[a][1] < spaces[b][1] })
	return spaces
}

// widenBounds moves the outer boundaries of xb out to take in every chunk of items.
func widenBounds(xb []float64, items []item) {
	for _, it := range items {
		for _, c := range it.line.chunks {
			xb[0] = math.Min(xb[0], c.x0)
			xb[len(xb)-1] = math.Max(xb[len(xb)-1], c.x1)
		}
	}
}

// streamGrid is the column layout of a borderless table.
type streamGrid struct {
	xb       []float64 // column boundaries
	ncol     int
	firstVal int // the first column with a value in a data line: columns left of it hold labels
}

// streamPiece is a piece of text in a cell of a borderless table: a chunk, or several
// chunks of one line in one column.
type streamPiece struct {
	y0, y1, x0 float64
	size       float64
	text       string
	span       int
}

// streamRow is a row of a borderless table, with its pieces by the column they start in.
type streamRow struct {
	y0, y1 float64
	mid    float64 // the middle of the line that made the row
	header bool
	cells  [][]streamPiece // per column start
}

// colOf gives the columns a chunk covers: those it overlaps by most of a character
// or entirely (a label centred over two columns pokes into neither neighbour).
func (g *streamGrid) colOf(x0, x1, size float64) (int, int) {
	xb := g.xb
	c0, c1 := -1, -1
	for k := 0; k < g.ncol; k++ {
		ov := math.Min(x1, xb[k+1]) - math.Max(x0, xb[k])
		if ov > math.Max(1, math.Min(0.8*size, xb[k+1]-xb[k]-1)) {
			if c0 < 0 {
				c0 = k
			}
			c1 = k + 1
		}
	}
	if c0 < 0 {
		k := max(0, min(g.ncol-1, cellIndex(xb, (x0+x1)/2)))
		c0, c1 = k, k+1
	}
	return c0, c1
}

// firstValue returns the first column with a value in a data line.
func (g *streamGrid) firstValue(items []item, template func(item) bool) int {
	firstVal := g.ncol
	for _, it := range items {
		if template(it) {
			for _, c := range it.line.chunks {
				if isValue(c.text) {
					c0, _ := g.colOf(c.x0, c.x1, it.line.size)
					firstVal = min(firstVal, c0)
				}
			}
		}
	}
	return firstVal
}

// anchor reports whether line l has a value right of the labels, which makes it a row.
func (g *streamGrid) anchor(l *tline) bool {
	for _, c := range l.chunks {
		if c0, _ := g.colOf(c.x0, c.x1, l.size); c0 >= g.firstVal && isValue(c.text) {
			return true
		}
	}
	return false
}

// labelOnly reports whether line l lies entirely in the label columns.
func (g *streamGrid) labelOnly(l *tline) bool {
	for _, c := range l.chunks {
		if _, c1 := g.colOf(c.x0, c.x1, l.size); c1 > g.firstVal {
			return false
		}
	}
	return true
}

// bodyStart returns the index of the first line below the header: the first line that is
// a row, or the label lines close above it, which are its wrapped label.
func (g *streamGrid) bodyStart(items []item) int {
	firstAnchor := slices.IndexFunc(items, func(it item) bool { return g.anchor(it.line) })
	if firstAnchor < 0 {
		firstAnchor = len(items)
	}
	body := firstAnchor
	for body > 0 && body < len(items) && g.labelOnly(items[body-1].line) &&
		items[body].line.y0-items[body-1].line.y1 <= 0.8*items[body].line.size {
		body--
	}
	return body
}

// lineRow returns a row made from line l, holding its chunks.
func (g *streamGrid) lineRow(l *tline, header bool) *streamRow {
	r := &streamRow{y0: l.y0, y1: l.y1, mid: (l.y0 + l.y1) / 2, header: header, cells: make([][]streamPiece, g.ncol)}
	g.add(r, l)
	return r
}

// add puts the chunks of line l into row r's cells and grows the row to take in the line.
func (g *streamGrid) add(r *streamRow, l *tline) {
	for _, c := range l.chunks {
		c0, c1 := g.colOf(c.x0, c.x1, l.size)
		if ps := r.cells[c0]; len(ps) > 0 && ps[len(ps)-1].y0 == l.y0 {
			// Two chunks of one line in one column: one text.
			p := &ps[len(ps)-1]
			p.text += " " + c.text
			p.span = max(p.span, c1-c0)
			continue
		}
		r.cells[c0] = append(r.cells[c0], streamPiece{y0: l.y0, y1: l.y1, x0: c.x0, size: l.size, text: c.text, span: c1 - c0})
	}
	r.y0, r.y1 = math.Min(r.y0, l.y0), math.Max(r.y1, l.y1)
}

// cutRows cuts the lines into rows: each header line a row, each line with a value a row,
// and the other lines added to the row whose values are nearest. Without values every line
// is a row, as a table of text. It returns the rows, top to bottom, and how many are header.
func (g *streamGrid) cutRows(items []item) ([]*streamRow, int) {
	body := g.bodyStart(items)
	var rows []*streamRow
	for _, it := range items[:body] {
		rows = append(rows, g.lineRow(it.line, true))
	}
	nHead := len(rows)
	var anchors []*streamRow
	for _, it := range items[body:] {
		if g.anchor(it.line) {
			r := g.lineRow(it.line, false)
			rows = append(rows, r)
			anchors = append(anchors, r)
		}
	}
	if len(anchors) == 0 {
		// No values: every line is a row, as a table of text.
		rows = rows[:nHead]
		for _, it := range items[body:] {
			rows = append(rows, g.lineRow(it.line, false))
		}
	} else {
		// Wrapped labels go to the row whose values are nearest.
		for _, it := range items[body:] {
			if !g.anchor(it.line) {
				g.add(nearestRow(anchors, it.line), it.line)
			}
		}
	}
	for _, r := range rows {
		for _, ps := range r.cells {
			sort.SliceStable(ps, func(a, b int) bool { return ps[a].y0 < ps[b].y0 })
		}
	}
	return rows, nHead
}

// nearestRow returns the row of anchors whose line's middle is nearest to that of line l
// (the first of them on a tie).
func nearestRow(anchors []*streamRow, l *tline) *streamRow {
	mid := (l.y0 + l.y1) / 2
	best := anchors[0]
	for _, a := range anchors[1:] {
		if math.Abs(a.mid-mid) < math.Abs(best.mid-mid) {
			best = a
		}
	}
	return best
}

// pieceText joins the texts of a cell's pieces, with a space between two Latin words.
func pieceText(ps []streamPiece) string {
	var sb strings.Builder
	for i, p := range ps {
		if i > 0 {
			last, _ := utf8.DecodeLastRuneInString(sb.String())
			first, _ := utf8.DecodeRuneInString(p.text)
			if isASCIIWord(last) && isASCIIWord(first) {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(p.text)
	}
	return sb.String()
}

// rowBands returns the tops of the rows' bands, and the bottom of the last: each band
// runs from the middle of the gap above its row to the middle of the gap below, the first
// from the table's top and the last to its bottom.
func rowBands(rows []*streamRow, top, bottom float64) []float64 {
	bandTop := make([]float64, len(rows)+1)
	for k, r := range rows {
		if k == 0 {
			bandTop[0] = r.y0
			continue
		}
		bandTop[k] = (rows[k-1].y1 + r.y0) / 2
	}
	bandTop[len(rows)] = rows[len(rows)-1].y1
	bandTop[0] = math.Min(bandTop[0], top)
	bandTop[len(rows)] = math.Max(bandTop[len(rows)], bottom)
	return bandTop
}

// groupLabels joins the labels of groups of rows into cells spanning the rows of their
// group: in a sparse label column, pieces of consecutive rows that follow each other
// closely and start no new item are one cell. It returns the number of rows each cell
// spans, by row and column.
func (g *streamGrid) groupLabels(rows []*streamRow, nHead int) [][]int {
	rowspan := make([][]int, len(rows))
	for k := range rows {
		rowspan[k] = make([]int, g.ncol)
		for c := range rowspan[k] {
			rowspan[k][c] = 1
		}
	}
	for c := 0; c+1 < g.firstVal; c++ {
		// Not the label column next to the values: the rows' own labels, which may
		// follow each other as closely as the lines of one label.
		joinWrappedLabels(rows, rowspan, c, nHead)
		g.spanGroups(rows, rowspan, c, nHead)
	}
	return rowspan
}

// joinWrappedLabels joins, in label column c, the pieces of consecutive rows that lie close
// under each other and start no new item into the cell of the first of those rows.
func joinWrappedLabels(rows []*streamRow, rowspan [][]int, c, nHead int) {
	for k := nHead; k < len(rows); k++ {
		ps := rows[k].cells[c]
		if len(ps) == 0 || ps[0].span > 1 {
			continue
		}
		end := k
		for end+1 < len(rows) {
			next := rows[end+1].cells[c]
			last := rows[k].cells[c]
			if len(next) == 0 || next[0].span > 1 || enumMarker.MatchString(next[0].text) ||
				next[0].y0-last[len(last)-1].y1 > 0.8*next[0].size {
				break
			}
			rows[k].cells[c] = append(rows[k].cells[c], next...)
			rows[end+1].cells[c] = nil
			end++
		}
		rowspan[k][c] = end - k + 1
		k = end
	}
}

// spanGroups moves each group label of column c to the first row of its group and spans
// it down to the next group. A group's label sits beside the middle (or the top) of the
// rows it spans: the cell starts at the first row of the group (the row numbered 1, or
// the first row below text in its column) and spans down to the next such row.
func (g *streamGrid) spanGroups(rows []*streamRow, rowspan [][]int, c, nHead int) {
	taken := make([]bool, len(rows))
	for k := nHead; k < len(rows); k++ {
		ps := rows[k].cells[c]
		if len(ps) == 0 || ps[0].span > 1 {
			continue
		}
		top, bottom := k, k+rowspan[k][c]-1
		for top-1 >= nHead && !g.startsGroup(rows[top], c) && !occupied(rows[top-1], c) && !taken[top-1] {
			top--
		}
		for bottom+1 < len(rows) && !g.startsGroup(rows[bottom+1], c) && !occupied(rows[bottom+1], c) {
			bottom++
		}
		for kk := top; kk <= bottom; kk++ {
			taken[kk] = true
		}
		rowspan[k][c] = 1
		rows[k].cells[c] = nil
		rows[top].cells[c] = ps
		rowspan[top][c] = bottom - top + 1
		k = bottom
	}
}

// occupied reports whether row r has text in column c or in a column left of it that
// spans over c.
func occupied(r *streamRow, c int) bool {
	for cc := 0; cc <= c; cc++ {
		for _, p := range r.cells[cc] {
			if cc+p.span > c {
				return true
			}
		}
	}
	return false
}

// startsGroup reports whether row r's first label right of column c is the first item of
// a numbered list, which starts a group of rows.
func (g *streamGrid) startsGroup(r *streamRow, c int) bool {
	for cc := c + 1; cc < g.firstVal; cc++ {
		if ps := r.cells[cc]; len(ps) > 0 {
			return firstItem.MatchString(ps[0].text)
		}
	}
	return false
}

// tableCells returns the cells of a borderless table, row by row, each from the pieces of
// the rows and columns it spans, placed on the rows' bands.
func (g *streamGrid) tableCells(page int, rows []*streamRow, rowspan [][]int, bandTop []float64) []*tcell {
	var cells []*tcell
	covered := map[[2]int]bool{}
	for k, r := range rows {
		for c := 0; c < g.ncol; c++ {
			if covered[[2]int{k, c}] {
				continue
			}
			ps := r.cells[c]
			if len(ps) == 0 && (r.header || c < g.firstVal) {
				// A header line's empty stretch, or a label column left empty beside a
				// row's label: no cell (the text is on another line, or a group label
				// spans the row).
				continue
			}
			span := 1
			for _, p := range ps {
				span = max(span, p.span)
			}
			span = min(span, g.ncol-c)
			rs := rowspan[k][c]
			all := cellPieces(rows, covered, k, c, rs, span)
			part := &cpart{page: page, x0: g.xb[c], x1: g.xb[c+span], y0: bandTop[k], y1: bandTop[k+rs], text: pieceText(all)}
			cells = append(cells, &tcell{parts: []*cpart{part}})
		}
	}
	return cells
}

// cellPieces marks the rs rows and span columns of the cell at row k, column c as covered
// and returns its pieces, top to bottom and left to right.
func cellPieces(rows []*streamRow, covered map[[2]int]bool, k, c, rs, span int) []streamPiece {
	var all []streamPiece
	for dk := 0; dk < rs; dk++ {
		for dc := 0; dc < span; dc++ {
			covered[[2]int{k + dk, c + dc}] = true
			// Text of the same row under a cell that spans columns (the
			// second line of a label over two columns) is the cell's.
			if dk == 0 || dc == 0 {
				all = append(all, rows[k+dk].cells[c+dc]...)
			}
		}
	}
	sort.SliceStable(all, func(a, b int) bool {
		if all[a].y0 != all[b].y0 {
			return all[a].y0 < all[b].y0
		}
		return all[a].x0 < all[b].x0
	})
	return all
}
