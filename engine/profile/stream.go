package profile

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/reportlint/reportlint/engine/document"
)

// emptyCell stands in the stream for a table cell with no text, so that a blank cell keeps
// its place among the values of a row. It is a private-use code point no source contains
// after import (sources that do contain it read it as text).
const emptyCell = '\uE000'

// stream is a document flattened for matching: the text of every block in reading order,
// width-folded, with all whitespace removed (so labels wrapped over lines, one character
// per line, or spread over PDF runs still match), and for every code point the place in the
// source it came from. Words (runs between whitespace in the source) and table cells are
// kept as atoms, so that values can still be told apart after whitespace is gone.
type stream struct {
	folded []rune // width-folded code points, no whitespace
	orig   []rune // the same code points as written in the source
	// The source position of code point i is starts[seg[i]] moved off[i] columns right:
	// two int32 per code point instead of a whole Pos.
	seg    []int32
	off    []int32
	starts []document.Pos
	atom   []int32 // atom of each code point
	atoms  []atom
	// lineStart marks code points that begin a source line, a paragraph or a cell.
	lineStart []bool
	// blockStart lists the code points that begin a block (paragraph, heading, cell).
	blockStart []int
	// truncated is set when the document was longer than maxRunes.
	truncated bool

	foldedStr string  // string(folded), for regular expressions
	canonStr  string  // canonical form, for label matching; same code points as folded
	foldIdx   []int32 // byte offset in foldedStr -> code point index
	canonIdx  []int32 // byte offset in canonStr -> code point index
}

// atom is a word: a run of non-space text, in flowing text or inside a table cell.
type atom struct {
	cell  int32 // index of the table cell it belongs to, -1 in flowing text
	row   int32 // index of the table row it belongs to, -1 in flowing text
	empty bool  // a blank table cell
}

// newStream flattens the document's blocks. Furniture (page numbers) is left out.
func newStream(doc *document.Document) *stream {
	s := &stream{}
	s.size(doc)
	cell, row := int32(-1), int32(-1)
	for _, b := range doc.Blocks {
		switch b.Kind {
		case document.Furniture:
			continue
		case document.Table:
			for _, r := range b.Rows {
				row++
				for _, c := range r.Cells {
					cell++
					s.blockStart = append(s.blockStart, len(s.folded))
					if !s.addSegments(c.Segments, cell, row) {
						s.addEmptyCell(c.Span.Start, cell, row)
					}
				}
			}
		default:
			s.blockStart = append(s.blockStart, len(s.folded))
			s.addSegments(b.Segments, -1, -1)
		}
	}
	s.finish()
	return s
}

// size makes room for the document's text: at most one code point per code point of its
// blocks and one per table cell (a blank cell), one segment per segment and cell.
func (s *stream) size(doc *document.Document) {
	runes, segs, blocks := 0, 0, 0
	count := func(ss []document.Segment) {
		segs += len(ss)
		for _, seg := range ss {
			runes += utf8.RuneCountInString(seg.Text)
		}
	}
	for _, b := range doc.Blocks {
		switch b.Kind {
		case document.Furniture:
		case document.Table:
			for _, r := range b.Rows {
				for _, c := range r.Cells {
					blocks++
					runes++
					segs++
					count(c.Segments)
				}
			}
		default:
			blocks++
			count(b.Segments)
		}
	}
	n := min(runes, maxRunes+1)
	s.folded = make([]rune, 0, n)
	s.orig = make([]rune, 0, n)
	s.seg = make([]int32, 0, n)
	s.off = make([]int32, 0, n)
	s.atom = make([]int32, 0, n)
	s.lineStart = make([]bool, 0, n)
	s.starts = make([]document.Pos, 0, min(segs, maxRunes+1))
	s.blockStart = make([]int, 0, min(blocks, maxRunes+1))
}

// addSegments appends the words of segs; every segment starts a new line. It reports
// whether any text was added.
func (s *stream) addSegments(segs []document.Segment, cell, row int32) bool {
	added := false
	for _, seg := range segs {
		if s.full() {
			break
		}
		s.starts = append(s.starts, seg.Start)
		idx := int32(len(s.starts) - 1)
		off := int32(0)
		inWord := false
		lineFirst := true
		// In flowing text, a line with tabs is a row of tab-separated fields: a field with
		// nothing in it (two tabs in a row, or a tab ending the line) is a blank cell.
		tsv := cell < 0 && strings.ContainsRune(seg.Text, '\t')
		fieldEmpty := false
		for _, r := range seg.Text {
			if tsv && r == '\t' {
				if fieldEmpty {
					s.addEmptyField(idx, off)
				}
				fieldEmpty = true
				inWord = false
				off++
				continue
			}
			if isSpace(r) {
				inWord = false
				off++
				continue
			}
			fieldEmpty = false
			if !inWord {
				s.atoms = append(s.atoms, atom{cell: cell, row: row})
				inWord = true
			}
			s.push(r, idx, off, lineFirst)
			lineFirst = false
			added = true
			off++
		}
		if fieldEmpty {
			s.addEmptyField(idx, off-1)
		}
	}
	return added
}

// addEmptyField marks an empty field of a tab-separated line, at the tab that closes it
// (offset off in segment idx), as the blank cell it stands for.
func (s *stream) addEmptyField(idx, off int32) {
	if s.full() {
		return
	}
	s.atoms = append(s.atoms, atom{cell: -1, row: -1, empty: true})
	s.push(emptyCell, idx, off, false)
}

func (s *stream) addEmptyCell(p document.Pos, cell, row int32) {
	if s.full() {
		return
	}
	s.starts = append(s.starts, p)
	s.atoms = append(s.atoms, atom{cell: cell, row: row, empty: true})
	s.push(emptyCell, int32(len(s.starts)-1), 0, true)
}

// maxRunes bounds the text the profile reads: far more than any annual report (they run
// to tens of thousands of characters), small enough that a huge file cannot exhaust
// memory. A document cut here gets a note.
const maxRunes = 2_000_000

func (s *stream) full() bool {
	if len(s.folded) >= maxRunes {
		s.truncated = true
		return true
	}
	return false
}

func (s *stream) push(r rune, seg, off int32, lineStart bool) {
	s.orig = append(s.orig, r)
	s.folded = append(s.folded, fold(r))
	s.seg = append(s.seg, seg)
	s.off = append(s.off, off)
	s.atom = append(s.atom, int32(len(s.atoms)-1))
	s.lineStart = append(s.lineStart, lineStart)
}

func (s *stream) finish() {
	fn, cn := 0, 0
	for _, r := range s.folded {
		fn += runeLen(r)
		cn += runeLen(canon(r))
	}
	var fb, cb strings.Builder
	fb.Grow(fn)
	cb.Grow(cn)
	s.foldIdx = make([]int32, fn+1)
	s.canonIdx = make([]int32, cn+1)
	fi, ci := 0, 0
	for i, r := range s.folded {
		n, _ := fb.WriteRune(r)
		for ; n > 0; n-- {
			s.foldIdx[fi] = int32(i)
			fi++
		}
		n, _ = cb.WriteRune(canon(r))
		for ; n > 0; n-- {
			s.canonIdx[ci] = int32(i)
			ci++
		}
	}
	s.foldIdx[fn] = int32(len(s.folded))
	s.canonIdx[cn] = int32(len(s.folded))
	s.foldedStr = fb.String()
	s.canonStr = cb.String()
}

// runeLen is the length of r in UTF-8 as strings.Builder writes it (an invalid code point
// as U+FFFD).
func runeLen(r rune) int {
	if n := utf8.RuneLen(r); n > 0 {
		return n
	}
	return utf8.RuneLen(utf8.RuneError)
}

// len is the number of code points.
func (s *stream) len() int { return len(s.folded) }

// foldByte returns the byte offset in foldedStr of code point i.
func (s *stream) foldByte(i int) int { return byteOf(s.foldIdx, i) }

// canonByte returns the byte offset in canonStr of code point i.
func (s *stream) canonByte(i int) int { return byteOf(s.canonIdx, i) }

func byteOf(idx []int32, i int) int {
	// idx is non-decreasing; find the first byte whose code point is i.
	lo, hi := 0, len(idx)-1
	for lo < hi {
		m := (lo + hi) / 2
		if int(idx[m]) < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// pos returns the source position of code point i.
func (s *stream) pos(i int) document.Pos {
	p := s.starts[s.seg[i]]
	p.Col += int(s.off[i])
	return p
}

// span returns the source span of code points [a, b).
func (s *stream) span(a, b int) document.Span {
	n := len(s.folded)
	if a >= b || a < 0 || b > n {
		if a >= 0 && a < n {
			return document.Span{Start: s.pos(a), End: s.pos(a)}
		}
		return document.Span{}
	}
	end := s.pos(b - 1)
	end.Col++
	return document.Span{Start: s.pos(a), End: end}
}

// text returns the source text of code points [a, b) (whitespace removed).
func (s *stream) text(a, b int) string {
	if a < 0 || b > len(s.orig) || a >= b {
		return ""
	}
	n := 0
	for _, r := range s.orig[a:b] {
		if r != emptyCell {
			n += runeLen(r)
		}
	}
	var out strings.Builder
	out.Grow(n)
	for _, r := range s.orig[a:b] {
		if r != emptyCell {
			out.WriteRune(r)
		}
	}
	return out.String()
}

// maxOccurrences bounds the occurrences of one label or heading considered, so that a
// document repeating a label a hundred thousand times costs bounded time (the ordered
// matching is quadratic in the occurrences).
const maxOccurrences = 64

// indexAll returns the code-point ranges of the occurrences of the canonical form of label
// in [from, to), the first maxOccurrences of them.
func (s *stream) indexAll(label string, from, to int) [][2]int {
	needle := canonString(label)
	if needle == "" || from >= to {
		return nil
	}
	n := utf8.RuneCountInString(needle)
	var out [][2]int
	hay := s.canonStr[s.canonByte(from):s.canonByte(to)]
	base := s.canonByte(from)
	for off := 0; ; {
		i := strings.Index(hay[off:], needle)
		if i < 0 {
			break
		}
		start := int(s.canonIdx[base+off+i])
		out = append(out, [2]int{start, start + n})
		off += i + len(needle)
		if len(out) == maxOccurrences {
			break
		}
	}
	return out
}

// fold maps a code point to its canonical width: full-width digits, letters and ASCII
// punctuation become ASCII; half-width katakana widen; 。 stays.
func fold(r rune) rune {
	if f := width.LookupRune(r).Folded(); f != 0 {
		return f
	}
	return r
}

// canon maps a folded code point to the form used to compare labels, so that the
// punctuation variants real reports use compare equal: 1、 and 1. and 1． (and the commas
// OCR puts in their place); “ ” and ";
// 〔 】 and ( ); the many dashes.
func canon(r rune) rune {
	switch r {
	case '、', '．', '。', '·', '•', ',', '，':
		return '.'
	case '“', '”', '„', '‟', '«', '»', '「', '」', '『', '』', '〝', '〞':
		return '"'
	case '‘', '’', '‚', '‛':
		return '\''
	case '〔', '【', '[', '〖', '｛', '{':
		return '('
	case '〕', '】', ']', '〗', '｝', '}':
		return ')'
	case '—', '–', '−', '─', '―', '‐', '－':
		return '-'
	}
	return r
}

// canonString returns the canonical form of s with whitespace removed.
func canonString(s string) string {
	var b strings.Builder
	for _, r := range s {
		if isSpace(r) {
			continue
		}
		b.WriteRune(canon(fold(r)))
	}
	return b.String()
}

// foldString returns the folded form of s with whitespace removed.
func foldString(s string) string {
	var b strings.Builder
	for _, r := range s {
		if isSpace(r) {
			continue
		}
		b.WriteRune(fold(r))
	}
	return b.String()
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', '\u3000', '\u00a0', '\ufeff', '\u200b', '\u2002', '\u2003', '\u2009', '\u202f':
		return true
	}
	return false
}
