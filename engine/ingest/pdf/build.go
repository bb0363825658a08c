package pdf

import (
	"context"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/i18n"
)

// item is one element of a page in reading order: a line of text or a table.
type item struct {
	line      *tline
	table     *table
	furniture bool
	// cont marks a table part merged into the table of an earlier page.
	cont bool
}

func (it item) top() float64 {
	if it.table != nil {
		return it.table.top
	}
	return it.line.y0
}

// pageLayout is one analysed page.
type pageLayout struct {
	n     int // 1-based page number
	w, h  float64
	items []item
	notes []document.Note
}

// pageNumber matches lines that are only a page number: "- 3 -", "— 3 —", "－3－",
// "第 3 页", "第3页 共5页", "3 / 12", "Page 3", or a bare number.
var pageNumber = regexp.MustCompile(`^(?:[-—–－─]+\s*\d{1,4}\s*[-—–－─]+|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|(?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?|\d{1,4})$`)

// enumMarker matches the start of an enumerated label: "（五）", "(5)", "3.", "1、", "四、".
var enumMarker = regexp.MustCompile(`^(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[.．、]|[一二三四五六七八九十]+\s*、)`)

// build turns the raw pages into a document: tables first (lattice, then stream), then the
// remaining text as lines, page furniture, tables continued across pages, paragraphs, and
// finally positions.
func build(ctx context.Context, path string, raw *rawDoc) (*document.Document, error) {
	doc := &document.Document{Path: path, Format: Format, Pages: len(raw.pages)}
	pages := make([]*pageLayout, len(raw.pages))
	for i := range raw.pages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pages[i] = layoutPage(i+1, &raw.pages[i])
	}
	markFurniture(pages)
	for _, p := range pages {
		streamTables(p)
	}
	mergeAcrossPages(pages)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	e := &emitter{doc: doc, lines: map[int]int{}}
	for _, p := range pages {
		e.page(p)
		doc.Notes = append(doc.Notes, p.notes...)
	}
	return doc, nil
}

// layoutPage finds the ruled tables of a page and reads the rest as lines.
func layoutPage(n int, rp *rawPage) *pageLayout {
	p := &pageLayout{n: n, w: rp.w, h: rp.h}
	if rp.unread {
		if rp.truncated != "" {
			p.notes = append(p.notes, document.Note{Message: rp.truncated, Span: pageSpan(n)})
		}
		return p
	}
	text := 0
	for _, g := range rp.glyphs {
		if g.r != ' ' {
			text++
		}
	}
	if text == 0 {
		msg := i18n.Sprintf("第 %d 页没有文字", n)
		if rp.images > 0 {
			msg = i18n.Sprintf("第 %d 页没有文字层（是扫描图片），不支持文字识别，该页内容未读取", n)
		}
		p.notes = append(p.notes, document.Note{Message: msg, Span: pageSpan(n)})
		return p
	}
	if rp.truncated != "" {
		p.notes = append(p.notes, document.Note{Message: i18n.Sprintf("第 %d 页内容过多，只读取了%s", n, rp.truncated), Span: pageSpan(n)})
	}
	tables, rest := latticeTables(n, rp.rules, rp.glyphs)
	for _, t := range tables {
		p.items = append(p.items, item{table: t})
		if t.irregular {
			p.notes = append(p.notes, document.Note{Message: i18n.Sprintf("第 %d 页表格有不规则的合并单元格，已按单独的单元格读取", n), Span: pageSpan(n)})
		}
	}
	ls := makeLines(rest)
	for i := range ls {
		p.items = append(p.items, item{line: &ls[i]})
	}
	sort.SliceStable(p.items, func(a, b int) bool { return p.items[a].top() < p.items[b].top() })
	return p
}

func pageSpan(n int) document.Span {
	return document.Span{Start: document.Pos{Page: n, Line: 1, Col: 1}, End: document.Pos{Page: n, Line: 1, Col: 1}}
}

// markFurniture marks page numbers in the top or bottom margin, and running headers or
// footers: lines in the margins whose text, digits aside, repeats on at least half of the
// pages (and at least two).
func markFurniture(pages []*pageLayout) {
	key := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return '#'
			}
			if r == ' ' {
				return -1
			}
			return r
		}, s)
	}
	margin := func(p *pageLayout, l *tline) bool { return l.y1 < 0.1*p.h || l.y0 > 0.88*p.h }
	count := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, it := range p.items {
			if it.line != nil && margin(p, it.line) {
				k := key(it.line.text)
				if !seen[k] {
					seen[k] = true
					count[k]++
				}
			}
		}
	}
	for _, p := range pages {
		for i, it := range p.items {
			if it.line == nil || !margin(p, it.line) {
				continue
			}
			t := strings.TrimSpace(it.line.text)
			if pageNumber.MatchString(strings.Join(strings.Fields(t), " ")) {
				p.items[i].furniture = true
				continue
			}
			if c := count[key(t)]; len(pages) >= 2 && c >= 2 && 2*c >= len(pages) {
				p.items[i].furniture = true
			}
		}
	}
}

// emitter writes blocks and gives every segment its position: the line number within its
// page in the order the blocks are written, which is the page as PageLines prints it.
type emitter struct {
	doc   *document.Document
	lines map[int]int // page → last line number used
}

func (e *emitter) next(page int) int {
	e.lines[page]++
	return e.lines[page]
}

// textSeg places text as a dump line of its own on page.
func (e *emitter) textSeg(page int, text string) (document.Segment, document.Span) {
	ln := e.next(page)
	s := document.Segment{Text: text, Start: document.Pos{Page: page, Line: ln, Col: 1}}
	return s, document.Span{Start: s.Start, End: document.Pos{Page: page, Line: ln, Col: 1 + utf8.RuneCountInString(text)}}
}

func (e *emitter) page(p *pageLayout) {
	var para *document.Block
	var prev *tline
	flush := func() {
		if para != nil {
			e.doc.Blocks = append(e.doc.Blocks, *para)
			para = nil
		}
		prev = nil
	}
	stats := bodyStats(p)
	for _, it := range p.items {
		switch {
		case it.cont:
			// Already written as part of the table it continues.
		case it.table != nil:
			flush()
			e.table(it.table)
		case it.furniture:
			flush()
			s, sp := e.textSeg(p.n, strings.TrimSpace(it.line.text))
			e.doc.Blocks = append(e.doc.Blocks, document.Block{Kind: document.Furniture, Segments: []document.Segment{s}, Span: sp})
		default:
			l := it.line
			if para != nil && stats.breaksBefore(prev, l) {
				flush()
			}
			s, sp := e.textSeg(p.n, strings.TrimSpace(l.text))
			if para == nil {
				para = &document.Block{Kind: document.Paragraph, Span: sp}
			}
			para.Segments = append(para.Segments, s)
			para.Span.End = sp.End
			prev = l
		}
	}
	flush()
}

// body holds a page's typical text geometry, for telling paragraphs apart.
type body struct {
	left, right float64
	gap         float64 // usual space between consecutive lines of a paragraph
}

func bodyStats(p *pageLayout) body {
	var lefts, rights, gaps []float64
	var prev *tline
	for _, it := range p.items {
		if it.line == nil || it.furniture {
			prev = nil
			continue
		}
		l := it.line
		if utf8.RuneCountInString(l.text) >= 10 {
			lefts = append(lefts, math.Round(l.x0))
			rights = append(rights, l.x1)
		}
		if prev != nil {
			gaps = append(gaps, l.y0-prev.y1)
		}
		prev = l
	}
	b := body{right: rightEdge(rights), gap: median(gaps)}
	if len(lefts) > 0 {
		sort.Float64s(lefts)
		b.left = lefts[0]
		// The smallest left edge shared by several lines: a stray line further left
		// (a page number, a note) does not move the margin.
		for i := 0; i+1 < len(lefts); i++ {
			if lefts[i+1]-lefts[i] < 2 {
				b.left = lefts[i]
				break
			}
		}
	}
	return b
}

// rightEdge is the right margin of a page's text: the right edge most lines share (within
// 3 points; of equally common ones, the furthest). Lines that run past the margin (a URL
// that could not be broken, Latin text or punctuation hung in the margin) do not move it,
// or every full line would seem to end short.
func rightEdge(rights []float64) float64 {
	best, bestN := 0.0, 0
	for _, v := range rights {
		n := 0
		for _, w := range rights {
			if math.Abs(v-w) <= 3 {
				n++
			}
		}
		if n > bestN || n == bestN && v > best {
			best, bestN = v, n
		}
	}
	return best
}

// breaksBefore reports whether line l starts a new paragraph after line prev.
func (b body) breaksBefore(prev, l *tline) bool {
	if prev == nil {
		return true
	}
	size := math.Max(prev.size, l.size)
	switch {
	case l.y0-prev.y1 > math.Max(b.gap, 0)+0.6*size:
		return true // extra space between the lines
	case math.Abs(prev.size-l.size) > 0.2*size:
		return true // a change of font size
	case l.x0-b.left >= 1.5*l.size && math.Abs(l.x0-prev.x0) > 0.5*size &&
		(math.Abs(prev.x0-b.left) < 0.5*size || endsSentence(prev.text)):
		return true // first-line indent (not the second line of a centred title)
	case b.right > 0 && prev.x1 < b.right-2*size && !wordDidNotFit(b.right-prev.x1, l):
		return true // the previous line ended short
	case endsSentence(prev.text) && enumMarker.MatchString(strings.TrimSpace(l.text)):
		return true // an enumerated item after a finished sentence: （二）…, 2. …
	}
	return false
}

// wordDidNotFit reports whether line l starts with a Latin word or a number (which a line
// is not broken inside) too wide for the room the line before it left: that line ended
// short because the word went on to the next line, not because its paragraph ended.
func wordDidNotFit(room float64, l *tline) bool {
	n := 0
	for _, r := range strings.TrimSpace(l.text) {
		if !isASCIIWord(r) && r != '.' && r != ',' && r != '%' {
			break
		}
		n++
	}
	// Latin letters and digits are about half a character wide.
	return n > 0 && room < float64(n+2)*0.6*l.size
}

// endsSentence reports whether s ends with sentence-final punctuation.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return strings.ContainsRune("。；：！？.;:!?", r)
}
