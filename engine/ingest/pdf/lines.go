package pdf

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tline is a visual line: glyphs that share a baseline, left to right.
type tline struct {
	x0, y0, x1, y1 float64
	size           float64
	text           string
	chunks         []chunk
}

// chunk is a run of a line's text without a wide gap in it; a line of a table laid out
// without rulings has one chunk per cell.
type chunk struct {
	text   string
	x0, x1 float64
	// gaps are the spaces inside the chunk: where a table without rulings may still
	// have a column boundary (a label running up to the next column's text).
	gaps []gap
}

// gap is a space inside a chunk: the byte offset of the space in the chunk's text and
// the x-range between the glyphs on either side.
type gap struct {
	at     int
	x0, x1 float64
}

// splitAt cuts c at the gaps that overlap one of the x-ranges zones, where a table's
// column boundary may lie; with no zones, before every numbered item after a space (the
// end of a group label, then “（二）部分公开”).
func (c chunk) splitAt(zones [][2]float64) []chunk {
	var out []chunk
	start, x0 := 0, c.x0
	for _, g := range c.gaps {
		cut := zones == nil && enumMarker.MatchString(c.text[g.at+1:])
		for _, z := range zones {
			if g.x0 < z[1] && g.x1 > z[0] {
				cut = true
				break
			}
		}
		left := strings.TrimSpace(c.text[start:g.at])
		if !cut || left == "" {
			continue
		}
		out = append(out, chunk{text: left, x0: x0, x1: g.x0})
		start, x0 = g.at+1, g.x1
	}
	if len(out) == 0 {
		return []chunk{c}
	}
	return append(out, chunk{text: strings.TrimSpace(c.text[start:]), x0: x0, x1: c.x1})
}

func (l *tline) h() float64 { return l.y1 - l.y0 }

// makeLines groups glyphs into visual lines by vertical overlap, orders each line's glyphs
// left to right, drops the doubled glyphs of fake-bold text (the same character drawn
// twice a fraction of a point apart) and turns gaps into spaces. Lines come out top to
// bottom. Glyphs are merged into words by geometry only, so text that a PDF positions
// glyph by glyph reads the same as text written in runs.
func makeLines(gs []glyph) []tline {
	if len(gs) == 0 {
		return nil
	}
	order := make([]int, len(gs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return gs[order[a]].cy() < gs[order[b]].cy() })
	type acc struct {
		y0, y1 float64 // running mean of the member glyphs' tops and bottoms
		n      int
		idx    []int
	}
	var ls []*acc
	for _, i := range order {
		g := gs[i]
		gh := g.y1 - g.y0
		best, bestOv := -1, 0.0
		for k := len(ls) - 1; k >= 0 && k >= len(ls)-8; k-- {
			l := ls[k]
			lh := l.y1 - l.y0
			ov := math.Min(l.y1, g.y1) - math.Max(l.y0, g.y0)
			if ov >= 0.5*math.Min(lh, gh) && math.Abs((l.y0+l.y1)/2-g.cy()) < 0.5*math.Max(lh, gh) && ov > bestOv {
				best, bestOv = k, ov
			}
		}
		if best < 0 {
			ls = append(ls, &acc{y0: g.y0, y1: g.y1, n: 1, idx: []int{i}})
			continue
		}
		l := ls[best]
		l.idx = append(l.idx, i)
		l.n++
		l.y0 += (g.y0 - l.y0) / float64(l.n)
		l.y1 += (g.y1 - l.y1) / float64(l.n)
	}
	out := make([]tline, 0, len(ls))
	for _, l := range ls {
		line := lineOf(gs, l.idx)
		if line.text != "" {
			out = append(out, line)
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if math.Abs(out[a].y0-out[b].y0) > 0.5*math.Min(out[a].h(), out[b].h()) {
			return out[a].y0 < out[b].y0
		}
		return out[a].x0 < out[b].x0
	})
	return out
}

// lineOf builds one line from the glyphs gs[idx...].
func lineOf(gs []glyph, idx []int) tline {
	sort.SliceStable(idx, func(a, b int) bool { return gs[idx[a]].x0 < gs[idx[b]].x0 })
	var sizes []float64
	for _, i := range idx {
		if gs[i].r != ' ' {
			sizes = append(sizes, gs[i].size)
		}
	}
	size := median(sizes)
	if size <= 0 {
		size = 10
	}
	l := tline{x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1), size: size}
	var sb strings.Builder
	var cur strings.Builder
	var prev *glyph
	space := false
	chunkX0, chunkX1 := 0.0, 0.0
	var gaps []gap
	flushChunk := func() {
		if cur.Len() > 0 {
			l.chunks = append(l.chunks, chunk{text: cur.String(), x0: chunkX0, x1: chunkX1, gaps: gaps})
			cur.Reset()
			gaps = nil
		}
	}
	for _, i := range idx {
		g := &gs[i]
		if g.r == ' ' {
			space = prev != nil
			continue
		}
		if prev != nil {
			if g.r == prev.r && math.Abs(g.x0-prev.x0) < 0.3*size {
				continue // fake bold: the same glyph drawn again slightly shifted
			}
			gap := g.x0 - prev.x1
			// Two numbers apart by more than a space are two values (cells of a table
			// without rulings whose columns are narrow).
			wide := gap > math.Max(size, 6) || gap > 0.4*size && isDigit(prev.r) && isDigit(g.r)
			switch {
			case wide:
				flushChunk()
				sb.WriteByte(' ')
			case space || gap > 0.5*size || (gap > 0.2*size && isASCIIWord(prev.r) && isASCIIWord(g.r)):
				sb.WriteByte(' ')
				gaps = append(gaps, gapAt(cur.Len(), prev.x1, g.x0))
				cur.WriteByte(' ')
			}
		}
		if cur.Len() == 0 {
			chunkX0 = g.x0
		}
		chunkX1 = g.x1
		sb.WriteRune(g.r)
		cur.WriteRune(g.r)
		space = false
		prev = g
		l.x0, l.x1 = math.Min(l.x0, g.x0), math.Max(l.x1, g.x1)
		l.y0, l.y1 = math.Min(l.y0, g.y0), math.Max(l.y1, g.y1)
	}
	flushChunk()
	l.text = sb.String()
	return l
}

func gapAt(at int, x0, x1 float64) gap { return gap{at: at, x0: x0, x1: x1} }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isASCIIWord(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// joinLines joins the lines of one table cell into one string: CJK text is joined as is,
// a line break between two Latin letters or digits becomes a space.
func joinLines(ls []tline) string {
	var sb strings.Builder
	for i, l := range ls {
		if i > 0 {
			last, _ := utf8.DecodeLastRuneInString(sb.String())
			first, _ := utf8.DecodeRuneInString(l.text)
			if isASCIIWord(last) && isASCIIWord(first) {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(l.text)
	}
	return sb.String()
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}
