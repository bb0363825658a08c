package pdf

import (
	"math"
	"slices"
	"sort"
	"strings"
)

// Tolerances of the ruling analysis, in points.
const (
	snapTol = 2.5 // rulings this close count as the same line
	joinGap = 2.5 // collinear pieces with a gap up to this are one line
	minRule = 3.0 // shorter pieces are not rulings
	minCell = 3.0 // grid rows or columns thinner than this are double lines, not cells
	// linkTol is how far apart a horizontal and a vertical ruling may end and still be
	// parts of one table, and gapTol the widest strip without text between two parallel
	// rulings that is read as one border: cells drawn as separate boxes with cell spacing
	// between them (border-collapse: separate; cellspacing="4") and double borders (a
	// word processor's double frame, about 3 pt apart).
	linkTol   = 7.0
	gapTol    = 10.0
	coverFrac = 0.55 // a cell border must be drawn along this share of its length
	// maxGridCells bounds the grid of one ruled area; a larger one is not read as a table.
	maxGridCells = 40_000
	// maxRules bounds the rulings of a page after merging.
	maxRules = 4000
)

// hline and vline are merged rulings.
type hline struct{ y, x0, x1 float64 }
type vline struct{ x, y0, y1 float64 }

// table is a table rebuilt from one page or, after merging, several consecutive pages.
// Its cells carry page geometry; grid rows and columns are computed at the end (finish),
// so that parts from different pages can be merged by position.
type table struct {
	cells  []*tcell
	stream bool // rebuilt from text alignment, not rulings
	// Geometry of the first and last page part, for merging across pages.
	firstPage, lastPage int
	top, bottom         float64 // top on firstPage, bottom on lastPage
	x0, x1              float64
	irregular           bool
	overlaps            bool // finish had to join or cut cells that claimed the same place
	// values are the boundaries of a borderless table's value columns, for telling its
	// part on the next page.
	values []float64
}

// tcell is a cell; a cell that continues on the next page has one part per page.
type tcell struct {
	parts []*cpart
	// open: the cell lies outside every drawn table (see cover.open).
	open bool
	// Grid position, set by finish.
	r0, r1, c0, c1 int
}

// cpart is the piece of a cell on one page.
type cpart struct {
	page           int
	x0, y0, x1, y1 float64
	glyphs         []glyph
	lines          []tline
	text           string
	row            int // grid row where the part's dump line goes, set by finish
}

// hasDigit reports whether the cell's text holds a digit.
func (c *tcell) hasDigit() bool {
	for _, p := range c.parts {
		if strings.ContainsAny(p.text, "0123456789") {
			return true
		}
	}
	return false
}

func (c *tcell) blank() bool {
	for _, p := range c.parts {
		if p.text != "" {
			return false
		}
	}
	return true
}

// mergeRules turns ruling segments into horizontal and vertical lines, joining collinear
// pieces and pieces of double-drawn borders.
func mergeRules(segs []seg) ([]hline, []vline) {
	var hs []hline
	var vs []vline
	for _, s := range segs {
		switch s.axis() {
		case 'h':
			hs = append(hs, hline{(s.y0 + s.y1) / 2, math.Min(s.x0, s.x1), math.Max(s.x0, s.x1)})
		case 'v':
			vs = append(vs, vline{(s.x0 + s.x1) / 2, math.Min(s.y0, s.y1), math.Max(s.y0, s.y1)})
		}
	}
	// Horizontal: treat as (pos, lo, hi) intervals.
	hi := make([][3]float64, len(hs))
	for i, h := range hs {
		hi[i] = [3]float64{h.y, h.x0, h.x1}
	}
	vi := make([][3]float64, len(vs))
	for i, v := range vs {
		vi[i] = [3]float64{v.x, v.y0, v.y1}
	}
	hi, vi = mergeIntervals(hi), mergeIntervals(vi)
	hs, vs = hs[:0], vs[:0]
	for _, h := range hi {
		if h[2]-h[1] >= minRule {
			hs = append(hs, hline{h[0], h[1], h[2]})
		}
	}
	for _, v := range vi {
		if v[2]-v[1] >= minRule {
			vs = append(vs, vline{v[0], v[1], v[2]})
		}
	}
	return hs, vs
}

// mergeIntervals merges (pos, lo, hi) intervals whose positions are within snapTol and
// whose ranges overlap or nearly touch.
func mergeIntervals(in [][3]float64) [][3]float64 {
	if len(in) == 0 {
		return nil
	}
	sort.Slice(in, func(a, b int) bool { return in[a][0] < in[b][0] })
	var out [][3]float64
	for i := 0; i < len(in); {
		// A band of positions within snapTol of the band's first one.
		j := i + 1
		for j < len(in) && in[j][0]-in[i][0] <= snapTol {
			j++
		}
		band := in[i:j]
		sort.Slice(band, func(a, b int) bool { return band[a][1] < band[b][1] })
		cur := band[0]
		sum, n := cur[0], 1.0
		for _, b := range band[1:] {
			if b[1] <= cur[2]+joinGap {
				cur[2] = math.Max(cur[2], b[2])
				sum += b[0]
				n++
				continue
			}
			cur[0] = sum / n
			out = append(out, cur)
			cur, sum, n = b, b[0], 1
		}
		cur[0] = sum / n
		out = append(out, cur)
		i = j
	}
	return out
}

// latticeTables finds the ruled tables of a page: groups of horizontal and vertical
// rulings that touch each other, rebuilds each group's cell grid (merged cells are grid
// cells with no ruling between them) and puts every glyph whose centre lies in a cell into
// that cell. It returns the tables and the glyphs that are in none.
func latticeTables(page int, rules []seg, gs []glyph) ([]*table, []glyph) {
	hs, vs := mergeRules(rules)
	if len(hs) < 2 || len(vs) < 2 || len(hs) > maxRules || len(vs) > maxRules {
		return nil, gs
	}
	// Union-find over rulings: index i < len(hs) is a horizontal line, else vertical.
	sets := newUnionFind(len(hs) + len(vs))
	for i, h := range hs {
		for j, v := range vs {
			if v.x >= h.x0-linkTol && v.x <= h.x1+linkTol && h.y >= v.y0-linkTol && h.y <= v.y1+linkTol {
				sets.union(len(hs)+j, i)
			}
		}
	}
	groups := map[int]*struct {
		hs []hline
		vs []vline
	}{}
	var roots []int
	for i := range sets {
		r := sets.find(i)
		g, ok := groups[r]
		if !ok {
			g = &struct {
				hs []hline
				vs []vline
			}{}
			groups[r] = g
			roots = append(roots, r)
		}
		if i < len(hs) {
			g.hs = append(g.hs, hs[i])
		} else {
			g.vs = append(g.vs, vs[i-len(hs)])
		}
	}
	used := make([]bool, len(gs))
	var out []*table
	for _, r := range roots {
		g := groups[r]
		if len(g.hs) < 2 || len(g.vs) < 2 {
			continue
		}
		g.hs, g.vs = closeEdges(g.hs, g.vs)
		if t := gridTable(page, g.hs, g.vs, gs, used); t != nil {
			out = append(out, t)
		}
	}
	var rest []glyph
	for i, g := range gs {
		if !used[i] {
			rest = append(rest, g)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].top < out[b].top })
	return out, rest
}

// closeEdges adds the outer border where it is missing: a table cut by a page break is
// often drawn without its bottom (or top) border, its vertical rulings simply ending there.
// When several verticals run on past the last horizontal ruling by more than a cell
// height's minimum, a border is added where they end; likewise for the top, and for left
// and right borders of horizontals that run past the last vertical.
func closeEdges(hs []hline, vs []vline) ([]hline, []vline) {
	minY, maxY := math.Inf(1), math.Inf(-1)
	for _, h := range hs {
		minY, maxY = math.Min(minY, h.y), math.Max(maxY, h.y)
	}
	minX, maxX := math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		minX, maxX = math.Min(minX, v.x), math.Max(maxX, v.x)
	}
	var vEnd, vStart []float64
	for _, v := range vs {
		vEnd = append(vEnd, v.y1)
		vStart = append(vStart, v.y0)
	}
	sort.Float64s(vEnd)
	sort.Float64s(vStart)
	if n := len(vEnd); n >= 2 {
		// The second-furthest end: one stray long vertical does not make a border.
		if e := vEnd[n-2]; e-maxY >= minCell {
			hs = append(hs, hline{e, minX, maxX})
		}
		if s := vStart[1]; minY-s >= minCell {
			hs = append(hs, hline{s, minX, maxX})
		}
	}
	var hEnd, hStart []float64
	for _, h := range hs {
		hEnd = append(hEnd, h.x1)
		hStart = append(hStart, h.x0)
	}
	sort.Float64s(hEnd)
	sort.Float64s(hStart)
	if n := len(hEnd); n >= 2 {
		minY, maxY = math.Inf(1), math.Inf(-1)
		for _, h := range hs {
			minY, maxY = math.Min(minY, h.y), math.Max(maxY, h.y)
		}
		if e := hEnd[n-2]; e-maxX >= minCell {
			vs = append(vs, vline{e, minY, maxY})
		}
		if s := hStart[1]; minX-s >= minCell {
			vs = append(vs, vline{s, minY, maxY})
		}
	}
	return hs, vs
}

// bounds clusters positions into grid lines, dropping lines closer than minCell to the
// previous one (the second line of a double border).
func bounds(pos []float64) []float64 { return gridLines(pos, nil) }

// gridLines clusters positions into grid lines like bounds, and also drops a line closer
// than gapTol to the previous one when filled(prev, line) says that no text lies between
// them: the two sides of a border drawn by two cells with spacing between them.
func gridLines(pos []float64, filled func(a, b float64) bool) []float64 {
	sort.Float64s(pos)
	var out []float64
	for i := 0; i < len(pos); {
		j, sum := i, 0.0
		for j < len(pos) && pos[j]-pos[i] <= snapTol {
			sum += pos[j]
			j++
		}
		c := sum / float64(j-i)
		n := len(out)
		switch {
		case n == 0:
			out = append(out, c)
		case c-out[n-1] < minCell:
		case c-out[n-1] < gapTol && filled != nil && !filled(out[n-1], c):
		default:
			out = append(out, c)
		}
		i = j
	}
	return out
}

// textBetween returns a function that reports whether a glyph not yet placed (used) lies
// between a and b along one axis (span gives its extent on it) and inside [lo, hi] along
// the other (across): mostly inside the strip, not a glyph of a merged cell's text that
// runs over it.
func textBetween(gs []glyph, used []bool, span func(glyph) (float64, float64), across func(glyph) float64, lo, hi float64) func(a, b float64) bool {
	type ext struct{ c, lo, hi float64 }
	var es []ext
	ready := false
	return func(a, b float64) bool {
		if !ready {
			// Built on the first question: most tables have no lines close together.
			ready = true
			for i, g := range gs {
				if !used[i] && g.r != ' ' {
					if x := across(g); x >= lo && x <= hi {
						l, h := span(g)
						es = append(es, ext{(l + h) / 2, l, h})
					}
				}
			}
			sort.Slice(es, func(i, j int) bool { return es[i].c < es[j].c })
		}
		for i := sort.Search(len(es), func(i int) bool { return es[i].c > a }); i < len(es) && es[i].c < b; i++ {
			e := es[i]
			if math.Min(b, e.hi)-math.Max(a, e.lo) >= 0.6*(e.hi-e.lo) {
				return true
			}
		}
		return false
	}
}

// nearest returns the index of the grid line closest to v.
func nearest(lines []float64, v float64) int {
	i := sort.SearchFloat64s(lines, v)
	switch {
	case i == 0:
		return 0
	case i == len(lines):
		return len(lines) - 1
	case v-lines[i-1] <= lines[i]-v:
		return i - 1
	}
	return i
}

// overflows reports whether a glyph hangs over the ruling at y from above: its center is
// just below the line but a good part of it (more than 30%) is above. LibreOffice lets the
// last line of a label wrapped in a narrow cell run over the cell's bottom ruling when a
// page break cuts the row ("纠" / "正" over table 4's values); the glyph belongs to the
// cell above. A value centred in its own row is wholly below its top ruling.
func overflows(g glyph, y float64) bool {
	h := g.y1 - g.y0
	return h > 0 && g.y0 < y && g.cy() >= y && y-g.y0 > 0.3*h
}

// cellIndex returns the grid interval holding v, or -1.
func cellIndex(lines []float64, v float64) int {
	if len(lines) < 2 || v < lines[0] || v >= lines[len(lines)-1] {
		return -1
	}
	return sort.SearchFloat64s(lines, v+1e-9) - 1
}

// unionFind keeps the sets of the indices 0 to n-1 that were joined, each named by its
// root.
type unionFind []int

// newUnionFind returns n sets of one index each.
func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

// find returns the root of i's set.
func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

// union joins b's set into a's: the joined set keeps a's root.
func (u unionFind) union(a, b int) {
	a, b = u.find(a), u.find(b)
	if a != b {
		u[b] = a
	}
}

// gridTable rebuilds the table of one group of rulings: its grid of cells, grid cells
// with no ruling between them merged into one, and the glyphs not yet used whose centre
// lies in a cell (they are marked used). It returns nil when there is no table: too few or
// too many cells, or no text in them.
func gridTable(page int, hs []hline, vs []vline, gs []glyph, used []bool) *table {
	xs, ys := gridOf(hs, vs, gs, used)
	nx, ny := len(xs)-1, len(ys)-1
	if nx < 1 || ny < 1 || nx*ny > maxGridCells {
		return nil
	}
	cv := newCover(xs, ys, hs, vs)
	sets := joinUnruled(cv)
	regs := gridRegions(sets, nx, ny)
	t := &table{firstPage: page, lastPage: page, top: ys[0], bottom: ys[ny], x0: xs[0], x1: xs[nx]}
	cellOf, odd := regionCells(t, page, regs, sets, cv)
	if len(t.cells) < 2 {
		return nil
	}
	if !fillCells(gs, used, xs, ys, cellOf) {
		// Boxes with no text in them (a frame, a form, a drawing) are not a table. Give
		// the glyphs back (there are none but spaces).
		for i, g := range gs {
			if used[i] && g.cx() >= xs[0] && g.cx() < xs[nx] && g.cy() >= ys[0] && g.cy() < ys[ny] {
				used[i] = false
			}
		}
		return nil
	}
	// Reading an irregular region's grid cells apart can only go wrong where they hold
	// text: the empty L-shaped margin beside tables of unequal widths stacked into one
	// grid (a page converted from HTML) loses nothing.
	for _, p := range odd {
		if slices.ContainsFunc(p.glyphs, func(g glyph) bool { return g.r != ' ' }) {
			t.irregular = true
			break
		}
	}
	t.cells = splitCells(t.cells, xs, ys)
	return t
}

// gridOf returns the grid lines of a group of rulings, left to right and top to bottom:
// the rulings' positions, and lines the text between them calls for (see gridLines).
func gridOf(hs []hline, vs []vline, gs []glyph, used []bool) (xs, ys []float64) {
	xpos := make([]float64, 0, len(vs))
	for _, v := range vs {
		xpos = append(xpos, v.x)
	}
	ypos := make([]float64, 0, len(hs))
	for _, h := range hs {
		ypos = append(ypos, h.y)
	}
	x0, x1, y0, y1 := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, v := range xpos {
		x0, x1 = math.Min(x0, v), math.Max(x1, v)
	}
	for _, v := range ypos {
		y0, y1 = math.Min(y0, v), math.Max(y1, v)
	}
	xspan := func(g glyph) (float64, float64) { return g.x0, g.x1 }
	yspan := func(g glyph) (float64, float64) { return g.y0, g.y1 }
	cx := func(g glyph) float64 { return g.cx() }
	cy := func(g glyph) float64 { return g.cy() }
	xText := textBetween(gs, used, xspan, cy, y0, y1)
	yText := textBetween(gs, used, yspan, cx, x0, x1)
	vext := make([][3]float64, len(vs))
	for i, v := range vs {
		vext[i] = [3]float64{v.x, v.y0, v.y1}
	}
	hext := make([][3]float64, len(hs))
	for i, h := range hs {
		hext[i] = [3]float64{h.y, h.x0, h.x1}
	}
	// Two close lines are the sides of one border only when they run side by side; tables
	// of unequal widths stacked into one grid put close lines at different heights.
	xs = gridLines(xpos, func(a, b float64) bool { return xText(a, b) || !sideBySide(vext, a, b) })
	ys = gridLines(ypos, func(a, b float64) bool { return yText(a, b) || !sideBySide(hext, a, b) })
	return xs, ys
}

// sideBySide reports whether the rulings at position a and those at position b (each
// {position, from, to}) run alongside each other for most of the shorter one's length.
func sideBySide(rules [][3]float64, a, b float64) bool {
	var at, bt [][3]float64
	la, lb := 0.0, 0.0
	for _, r := range rules {
		switch {
		case math.Abs(r[0]-a) <= snapTol:
			at = append(at, r)
			la += r[2] - r[1]
		case math.Abs(r[0]-b) <= snapTol:
			bt = append(bt, r)
			lb += r[2] - r[1]
		}
	}
	both := 0.0
	for _, p := range at {
		for _, q := range bt {
			both += math.Max(0, math.Min(p[2], q[2])-math.Max(p[1], q[1]))
		}
	}
	return both >= 0.5*math.Min(la, lb)
}

// cover tells how much of each grid line the rulings draw.
type cover struct {
	xs, ys []float64
	vOn    [][]vline // the rulings on each vertical grid line
	hOn    [][]hline
}

func newCover(xs, ys []float64, hs []hline, vs []vline) *cover {
	c := &cover{xs: xs, ys: ys, vOn: make([][]vline, len(xs)), hOn: make([][]hline, len(ys))}
	for _, v := range vs {
		i := nearest(xs, v.x)
		c.vOn[i] = append(c.vOn[i], v)
	}
	for _, h := range hs {
		i := nearest(ys, h.y)
		c.hOn[i] = append(c.hOn[i], h)
	}
	return c
}

// v reports whether rulings draw most of vertical grid line c between grid rows r and r+1.
func (cv *cover) v(c, r int) bool {
	a, b := cv.ys[r], cv.ys[r+1]
	n := 0.0
	for _, v := range cv.vOn[c] {
		n += math.Max(0, math.Min(b, v.y1)-math.Max(a, v.y0))
	}
	return n >= coverFrac*(b-a)
}

// h reports whether rulings draw most of horizontal grid line r between columns c and c+1.
func (cv *cover) h(r, c int) bool {
	a, b := cv.xs[c], cv.xs[c+1]
	n := 0.0
	for _, h := range cv.hOn[r] {
		n += math.Max(0, math.Min(b, h.x1)-math.Max(a, h.x0))
	}
	return n >= coverFrac*(b-a)
}

// joinUnruled joins the grid cells (numbered row by row) that no ruling separates: two
// neighbours are one cell unless rulings cover most of the grid line between them.
func joinUnruled(cv *cover) unionFind {
	nx, ny := len(cv.xs)-1, len(cv.ys)-1
	sets := newUnionFind(nx * ny)
	for r := 0; r < ny; r++ {
		for c := 0; c < nx; c++ {
			if c+1 < nx && !cv.v(c+1, r) {
				sets.union(r*nx+c, r*nx+c+1)
			}
			if r+1 < ny && !cv.h(r+1, c) {
				sets.union(r*nx+c, (r+1)*nx+c)
			}
		}
	}
	return sets
}

// open reports whether grid cell (r, c) lies on the grid's left or right edge where no
// ruling is drawn: it is outside every drawn table, in the margin beside a narrower table
// stacked into the grid of a wider one. Inner sides need no check: regions are bounded by
// rulings there. A missing top or bottom border says nothing: a page break cuts tables
// without drawing one.
func (cv *cover) open(r, c int) bool {
	nx := len(cv.xs) - 1
	return c == 0 && !cv.v(0, r) || c == nx-1 && !cv.v(nx, r)
}

// gridRegion is a set of joined grid cells: its root, the rows and columns it reaches
// over, and how many grid cells it holds.
type gridRegion struct {
	key               int
	r0, r1, c0, c1, n int
}

// gridRegions returns the regions of joined grid cells, in the reading order of their
// first grid cell.
func gridRegions(sets unionFind, nx, ny int) []*gridRegion {
	regs := map[int]*gridRegion{}
	var order []*gridRegion
	for r := 0; r < ny; r++ {
		for c := 0; c < nx; c++ {
			k := sets.find(r*nx + c)
			g, ok := regs[k]
			if !ok {
				g = &gridRegion{k, r, r + 1, c, c + 1, 0}
				regs[k] = g
				order = append(order, g)
			}
			g.n++
			g.r0, g.r1 = min(g.r0, r), max(g.r1, r+1)
			g.c0, g.c1 = min(g.c0, c), max(g.c1, c+1)
		}
	}
	return order
}

// regionCells adds a cell to t for each rectangular region, and one for each grid cell of
// a region that is not a rectangle. It returns the cell of each grid cell (numbered row by
// row) and the parts of the cells of regions that are not rectangles.
func regionCells(t *table, page int, regs []*gridRegion, sets unionFind, cv *cover) ([]*tcell, []*cpart) {
	xs, ys := cv.xs, cv.ys
	nx := len(xs) - 1
	cellOf := make([]*tcell, nx*(len(ys)-1))
	var odd []*cpart // the grid cells of regions that are not rectangles
	for _, g := range regs {
		open := false
		for r := g.r0; r < g.r1 && !open; r++ {
			for c := g.c0; c < g.c1; c++ {
				if sets.find(r*nx+c) == g.key && cv.open(r, c) {
					open = true
					break
				}
			}
		}
		if g.n != (g.r1-g.r0)*(g.c1-g.c0) {
			// Not a rectangle: keep its grid cells apart rather than guess.
			for r := g.r0; r < g.r1; r++ {
				for c := g.c0; c < g.c1; c++ {
					if sets.find(r*nx+c) != g.key {
						continue
					}
					cell := &tcell{open: open, parts: []*cpart{{page: page, x0: xs[c], x1: xs[c+1], y0: ys[r], y1: ys[r+1]}}}
					odd = append(odd, cell.parts[0])
					cellOf[r*nx+c] = cell
					t.cells = append(t.cells, cell)
				}
			}
			continue
		}
		cell := &tcell{open: open, parts: []*cpart{{page: page, x0: xs[g.c0], x1: xs[g.c1], y0: ys[g.r0], y1: ys[g.r1]}}}
		for r := g.r0; r < g.r1; r++ {
			for c := g.c0; c < g.c1; c++ {
				cellOf[r*nx+c] = cell
			}
		}
		t.cells = append(t.cells, cell)
	}
	return cellOf, odd
}

// fillCells puts each glyph not yet used whose centre lies in the grid into its cell and
// marks it used. It reports whether any of them is other than a space.
func fillCells(gs []glyph, used []bool, xs, ys []float64, cellOf []*tcell) bool {
	nx := len(xs) - 1
	any := false
	for i, g := range gs {
		if used[i] {
			continue
		}
		c, r := cellIndex(xs, g.cx()), cellIndex(ys, g.cy())
		if c < 0 || r < 0 {
			continue
		}
		if r > 0 && overflows(g, ys[r]) && cellOf[(r-1)*nx+c] != cellOf[r*nx+c] {
			r-- // the last line of a label that ran out of its cell (see overflows)
		}
		p := cellOf[r*nx+c].parts[0]
		p.glyphs = append(p.glyphs, g)
		used[i] = true
		if g.r != ' ' {
			any = true
		}
	}
	return any
}

// splitCells sets the text of each cell, dividing a merged cell that holds separate
// values into its grid cells (see splitMerged).
func splitCells(in []*tcell, xs, ys []float64) []*tcell {
	var cells []*tcell
	for _, c := range in {
		if parts := splitMerged(c.parts[0], xs, ys); parts != nil {
			for _, p := range parts {
				p.setText()
				cells = append(cells, &tcell{parts: []*cpart{p}, open: c.open})
			}
			continue
		}
		c.parts[0].setText()
		cells = append(cells, c)
	}
	return cells
}

// splitMerged divides a cell that covers several grid cells (no ruling drawn between
// them) but holds separate values, each inside one of the grid cells it covers, into
// those grid cells: a ruling that is missing or too faint to find between two values of
// a row (“0” and “4” read as one cell “0 4”), or between two rows of a column.
// Every piece must be a value, except a row label left of the values; the pieces must be
// apart by more than the space between the characters of a word or the lines of a cell,
// so a number or a label wrapped over lines is never cut. It returns nil when the cell
// stays whole: one piece, text pieces, pieces that cross a grid line.
func splitMerged(p *cpart, xs, ys []float64) []*cpart {
	c0, c1 := nearest(xs, p.x0), nearest(xs, p.x1)
	r0, r1 := nearest(ys, p.y0), nearest(ys, p.y1)
	if c1-c0 < 2 && r1-r0 < 2 || len(p.glyphs) < 2 {
		return nil
	}
	type key struct{ r, c int }
	groups := map[key][]glyph{}
	for _, g := range p.glyphs {
		if g.r == ' ' {
			continue
		}
		c := min(max(cellIndex(xs, g.cx()), c0), c1-1)
		r := min(max(cellIndex(ys, g.cy()), r0), r1-1)
		groups[key{r, c}] = append(groups[key{r, c}], g)
	}
	if len(groups) < 2 {
		return nil
	}
	// A column with text in several of its rows is a label wrapped over them.
	perCol := map[int]int{}
	for k, gs := range groups {
		perCol[k.c]++
		if perCol[k.c] > 1 && !slices.ContainsFunc(gs, func(g glyph) bool { return strings.ContainsRune("0123456789.,-/—", g.r) }) {
			return nil
		}
	}
	type piece struct {
		k              key
		x0, y0, x1, y1 float64
		size           float64
		value          bool
	}
	var ps []piece
	cols := map[int]int{}
	for k, gs := range groups {
		pc := piece{k: k, x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1)}
		var sizes []float64
		for _, g := range gs {
			pc.x0, pc.x1 = math.Min(pc.x0, g.x0), math.Max(pc.x1, g.x1)
			pc.y0, pc.y1 = math.Min(pc.y0, g.y0), math.Max(pc.y1, g.y1)
			sizes = append(sizes, g.size)
		}
		pc.size = median(sizes)
		pc.value = isValue(joinLines(makeLines(gs)))
		tol := 0.25 * pc.size
		if pc.x0 < xs[k.c]-tol || pc.x1 > xs[k.c+1]+tol || pc.y0 < ys[k.r]-tol || pc.y1 > ys[k.r+1]+tol {
			return nil // the text runs over a grid line: one text, not several
		}
		cols[k.c]++
		ps = append(ps, pc)
	}
	minCol := c1
	for _, pc := range ps {
		minCol = min(minCol, pc.k.c)
	}
	for _, pc := range ps {
		if !pc.value && (pc.k.c != minCol || cols[pc.k.c] > 1) {
			return nil // text other than one row label
		}
	}
	for i, a := range ps {
		for _, b := range ps[i+1:] {
			size := math.Max(a.size, b.size)
			dx := math.Max(b.x0-a.x1, a.x0-b.x1)
			dy := math.Max(b.y0-a.y1, a.y0-b.y1)
			if dx < 0.6*size && dy < 0.6*size {
				return nil // too close to be the texts of two cells
			}
		}
	}
	var out []*cpart
	for r := r0; r < r1; r++ {
		for c := c0; c < c1; c++ {
			out = append(out, &cpart{page: p.page, x0: xs[c], x1: xs[c+1], y0: ys[r], y1: ys[r+1], glyphs: groups[key{r, c}]})
		}
	}
	return out
}

// setText builds a cell part's text from its glyphs. A number wrapped in a narrow cell
// (“832” over “0”) is one number: lines of digits, each but the last filling the
// cell's width and close under each other, are joined without a space.
func (p *cpart) setText() {
	p.lines = makeLines(p.glyphs)
	if wrappedNumber(p) {
		var sb strings.Builder
		for _, l := range p.lines {
			sb.WriteString(l.text)
		}
		p.text = sb.String()
		return
	}
	p.text = joinLines(p.lines)
}

func wrappedNumber(p *cpart) bool {
	if len(p.lines) < 2 {
		return false
	}
	for i, l := range p.lines {
		if strings.Trim(l.text, "0123456789.,") != "" {
			return false
		}
		if i == 0 {
			continue
		}
		prev := p.lines[i-1]
		if l.y0-prev.y1 > 0.6*l.size || (p.x1-p.x0)-(prev.x1-prev.x0) > 2*prev.size+2 {
			return false
		}
	}
	return true
}
