package pdf

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/engine/document"
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
			a.lastPage != pages[i].n || math.Abs(a.x0-b.x0) > tol || math.Abs(a.x1-b.x1) > tol {
			continue
		}
		joinTables(a, b)
		pages[i+1].items[fi] = item{table: a, cont: true}
	}
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
	ab := a.pageBounds(a.lastPage)
	bb := b.pageBounds(b.firstPage)
	var aBottom []*tcell
	for _, c := range a.cells {
		p := c.parts[len(c.parts)-1]
		if p.page == a.lastPage && math.Abs(p.y1-a.bottom) <= snapTol {
			aBottom = append(aBottom, c)
		}
	}
	var bTop []*tcell
	for _, c := range b.cells {
		if math.Abs(c.parts[0].y0-b.top) <= snapTol {
			bTop = append(bTop, c)
		}
	}
	// Pair every cell of b's top row with the cell of a's bottom row above it.
	var pairs []cellPair
	for _, c2 := range bTop {
		p2 := c2.parts[0]
		for _, c := range aBottom {
			p := c.parts[len(c.parts)-1]
			if math.Abs(p.x0-p2.x0) <= 3 && math.Abs(p.x1-p2.x1) <= 3 {
				pairs = append(pairs, cellPair{c, c2})
				break
			}
		}
	}
	cut := cutRow(len(bTop), pairs)
	merged := map[*tcell]bool{}
	for _, pr := range pairs {
		c1, c2 := pr.c1, pr.c2
		p2 := c2.parts[0]
		join := cut
		switch {
		case join:
		case c2.blank():
			for _, o := range bTop {
				if !o.blank() && o.parts[0].x0 >= p2.x1-snapTol {
					join = true
					break
				}
			}
		case !c1.blank() && !enumMarker.MatchString(p2.text) && !isValue(p2.text) && !isValue(c1.parts[len(c1.parts)-1].text):
			// A label cut by the page break goes on as text: a header cell over two
			// rows at the foot of a page and the value under it on the next page
			// (table 4's 结果维持 and 7) are two cells.
			p1 := c1.parts[len(c1.parts)-1]
			join = spanned(bb, p2.y0, p2.y1) > 1 || spanned(ab, p1.y0, p1.y1) > 1
		}
		if join {
			c1.parts = append(c1.parts, c2.parts...)
			merged[c2] = true
		}
	}
	for _, c := range b.cells {
		if !merged[c] {
			a.cells = append(a.cells, c)
		}
	}
	a.lastPage, a.bottom = b.lastPage, b.bottom
	a.irregular = a.irregular || b.irregular
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
// than about two characters short of its width: text that wrapped there and goes on.
func fullLastLine(p *cpart) bool {
	if len(p.lines) == 0 {
		return false
	}
	l := p.lines[len(p.lines)-1]
	return (p.x1-p.x0)-(l.x1-l.x0) < 2*l.size+2
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
// into another cell. It notes that it did so.
func (t *table) resolveOverlaps() {
	occ := map[[2]int]*tcell{}
	kept := t.cells[:0]
	for _, c := range t.cells {
		if o := occ[[2]int{c.r0, c.c0}]; o != nil {
			o.parts = append(o.parts, c.parts...)
			t.overlaps = true
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
			Message: fmt.Sprintf("第 %d 页表格的单元格相互重叠（框线或文字行过密，无法分开），其文字已合并", t.firstPage),
			Span:    b.Span,
		})
	}
	if t.stream {
		e.doc.Notes = append(e.doc.Notes, document.Note{
			Message: fmt.Sprintf("第 %d 页的表格没有框线，列是按文字对齐推断的，可能不准确", t.firstPage),
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
			if c := it.line.chunks; len(c) == 1 && j > i && !continuesTable(c[0], first, margin) {
				break
			}
			if c := it.line.chunks; len(c) >= 2 {
				first[0], first[1] = math.Min(first[0], c[0].x0), math.Max(first[1], c[0].x1)
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
// above it: a wrapped row label, within the x-range first of the rows' labels. A line
// that starts at the page's left margin (a heading, a paragraph) or lies beside the labels
// (a caption centred over the next block, which has columns of its own) ends the table.
func continuesTable(c chunk, first [2]float64, margin float64) bool {
	if c.x0 <= margin+2 {
		return false
	}
	return c.x1 > first[0] && c.x0 < first[1]
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

func streamTable(page int, items []item) *table {
	// Columns come from the data lines (three chunks or more, at least two of them numbers)
	// when there are any: header lines often run two column titles into one chunk.
	template := func(it item) bool { return len(it.line.chunks) >= 3 && numericChunks(it.line) >= 2 }
	if !slices.ContainsFunc(items, template) {
		template = func(it item) bool { return len(it.line.chunks) >= 3 }
	}
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
	if len(cols) < 3 {
		return nil
	}
	xb := make([]float64, len(cols)+1)
	xb[0] = cols[0][0]
	for k := 1; k < len(cols); k++ {
		xb[k] = (cols[k-1][1] + cols[k][0]) / 2
	}
	xb[len(cols)] = cols[len(cols)-1][1]
	for _, it := range items {
		for _, c := range it.line.chunks {
			xb[0] = math.Min(xb[0], c.x0)
			xb[len(cols)] = math.Max(xb[len(cols)], c.x1)
		}
	}
	colOf := func(x0, x1 float64) (int, int) {
		c0, c1 := -1, -1
		for k, c := range cols {
			if x1 > c[0] && x0 < c[1] {
				if c0 < 0 {
					c0 = k
				}
				c1 = k + 1
			}
		}
		if c0 < 0 {
			k := max(0, min(len(cols)-1, cellIndex(xb, (x0+x1)/2)))
			c0, c1 = k, k+1
		}
		return c0, c1
	}
	t := &table{stream: true, firstPage: page, lastPage: page, x0: xb[0], x1: xb[len(cols)]}
	t.top = items[0].line.y0
	t.bottom = items[len(items)-1].line.y1
	type rowT struct {
		y0, y1 float64
		texts  []string // per column start; "" if none
		spans  []int    // colspan per column start
		label  bool     // only the first column has text
		y1b    float64  // bottom boundary of the row in the table
	}
	var rows []*rowT
	for _, it := range items {
		l := it.line
		r := &rowT{y0: l.y0, y1: l.y1, texts: make([]string, len(cols)), spans: make([]int, len(cols))}
		for _, c := range l.chunks {
			c0, c1 := colOf(c.x0, c.x1)
			if r.texts[c0] != "" {
				r.texts[c0] += " "
			}
			r.texts[c0] += c.text
			r.spans[c0] = max(r.spans[c0], c1-c0)
		}
		r.label = r.texts[0] != "" && strings.Join(r.texts[1:], "") == ""
		rows = append(rows, r)
	}
	// Join wrapped first-column labels into the row next to them.
	var kept []*rowT
	for k := 0; k < len(rows); k++ {
		r := rows[k]
		if r.label && len(kept) > 0 && k+1 < len(rows) && !rows[k+1].label && rows[k+1].texts[0] == "" {
			next := rows[k+1]
			next.texts[0] = r.texts[0]
			next.spans[0] = max(1, r.spans[0])
			next.y0 = math.Min(next.y0, r.y0)
			continue
		}
		if r.label && len(kept) > 0 {
			prev := kept[len(kept)-1]
			prev.texts[0] += r.texts[0]
			prev.y1 = math.Max(prev.y1, r.y1)
			continue
		}
		kept = append(kept, r)
	}
	for k, r := range kept {
		y0, y1 := r.y0, r.y1
		if k > 0 {
			y0 = (kept[k-1].y1 + r.y0) / 2
		}
		if k+1 < len(kept) {
			y1 = (r.y1 + kept[k+1].y0) / 2
		}
		if k > 0 {
			// Share the boundary exactly with the row above.
			y0 = kept[k-1].y1b
		}
		r.y1b = y1
		for c := 0; c < len(cols); {
			span := max(1, r.spans[c])
			if c+span > len(cols) {
				span = len(cols) - c
			}
			part := &cpart{page: page, x0: xb[c], x1: xb[c+span], y0: y0, y1: y1, text: r.texts[c]}
			t.cells = append(t.cells, &tcell{parts: []*cpart{part}})
			c += span
		}
	}
	return t
}
