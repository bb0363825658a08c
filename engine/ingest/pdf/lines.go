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
	flushChunk := func() {
		if cur.Len() > 0 {
			l.chunks = append(l.chunks, chunk{text: strings.TrimSpace(cur.String()), x0: chunkX0, x1: chunkX1})
			cur.Reset()
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
			wide := gap > math.Max(size, 6)
			switch {
			case wide:
				flushChunk()
				sb.WriteByte(' ')
			case space || gap > 0.5*size || (gap > 0.2*size && isASCIIWord(prev.r) && isASCIIWord(g.r)):
				sb.WriteByte(' ')
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
