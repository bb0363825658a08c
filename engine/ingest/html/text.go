package html

import (
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/engine/document"
	xhtml "golang.org/x/net/html"
)

// Segments decodes raw HTML character data that starts at position at of its file:
// character references (&nbsp;, &amp;, &#20013;) are decoded, each line becomes one
// segment trimmed of white space (including no-break and ideographic spaces), and blank
// lines give nothing. Start is the position of the first visible character in the file;
// inside a segment columns are exact only where no reference was decoded. The Markdown
// importer uses it for table cells.
func Segments(raw string, at document.Pos) []document.Segment {
	var sb segBuf
	walkText(raw, 0, len(raw), toPos(at), &sb)
	sb.brk()
	return sb.segs
}

func toPos(p document.Pos) pos {
	if p.Line < 1 || p.Col < 1 {
		return pos{1, 1}
	}
	return pos{int32(p.Line), int32(p.Col)}
}

func (p pos) doc() document.Pos { return document.Pos{Line: int(p.line), Col: int(p.col)} }

// segBuf collects the segments of one block or cell: visible text on one source line,
// with inner white space kept and outer white space dropped.
type segBuf struct {
	segs []document.Segment
	ends []pos // end (exclusive) of each segment in the source
	open bool
	from pos
	to   pos
	buf  []byte
	pend []byte // white space after the last visible character, kept only if more follows
}

// add appends one character (or decoded character reference) found at line/col whose
// source ends at endCol.
func (s *segBuf) add(at pos, endCol int32, text string, space bool) {
	if space {
		if s.open {
			s.pend = append(s.pend, text...)
		}
		return
	}
	if s.open && s.from.line != at.line {
		s.brk()
	}
	if !s.open {
		s.open = true
		s.from = at
		s.buf = s.buf[:0]
	} else {
		s.buf = append(s.buf, s.pend...)
	}
	s.pend = s.pend[:0]
	s.buf = append(s.buf, text...)
	s.to = pos{at.line, endCol}
}

// brk ends the current segment.
func (s *segBuf) brk() {
	s.pend = s.pend[:0]
	if !s.open {
		return
	}
	s.open = false
	s.segs = append(s.segs, document.Segment{Text: string(s.buf), Start: s.from.doc()})
	s.ends = append(s.ends, s.to)
}

// take ends the current segment and hands over everything collected.
func (s *segBuf) take() ([]document.Segment, []pos) {
	s.brk()
	segs, ends := s.segs, s.ends
	s.segs, s.ends = nil, nil
	return segs, ends
}

// walkText feeds the characters of src[off:end], which starts at position at, to sb.
// Character references are decoded; line ends (LF, CRLF, lone CR, as the scanner counts
// them) end the segment.
func walkText(src string, off, end int, at pos, sb *segBuf) {
	line, col := at.line, at.col
	for i := off; i < end; {
		c := src[i]
		switch c {
		case '\n':
			sb.brk()
			line, col = line+1, 1
			i++
			continue
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
				continue
			}
			sb.brk()
			line, col = line+1, 1
			i++
			continue
		case '&':
			if n, dec := charRef(src[i:end]); n > 0 {
				if strings.ContainsAny(dec, "\r\n") {
					dec = strings.NewReplacer("\r", " ", "\n", " ").Replace(dec) // &#10; is white space, not a line end
				}
				sb.add(pos{line, col}, col+int32(n), dec, blank(dec))
				col += int32(n)
				i += n
				continue
			}
		}
		if c < utf8.RuneSelf {
			sb.add(pos{line, col}, col+1, src[i:i+1], isSpace(rune(c)))
			col++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:end])
		sb.add(pos{line, col}, col+1, src[i:i+size], isSpace(r))
		col++
		i += size
	}
}

// refLen returns the length of the name or number after '&' at s[0], without the ';'.
func refLen(s string) int {
	if len(s) < 2 {
		return 0
	}
	j := 1
	if s[1] == '#' {
		j = 2
		hex := j < len(s) && (s[j] == 'x' || s[j] == 'X')
		if hex {
			j++
		}
		k := j
		for j < len(s) && j-k < 10 && (isDigit(s[j]) || (hex && isHex(s[j]))) {
			j++
		}
		if j == k {
			return 0
		}
		return j
	}
	for j < len(s) && j < 40 && isAlnum(s[j]) {
		j++
	}
	if j == 1 {
		return 0
	}
	return j
}

// charRef decodes a character reference at the start of s and returns its source length
// and text, or 0 when s does not start with one.
func charRef(s string) (int, string) {
	n := refLen(s)
	if n == 0 {
		return 0, ""
	}
	if n < len(s) && s[n] == ';' {
		n++
	}
	dec := xhtml.UnescapeString(s[:n])
	if dec == s[:n] {
		return 0, ""
	}
	return n, dec
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isHex(c byte) bool   { return isDigit(c) || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F') }
func isAlnum(c byte) bool { return isDigit(c) || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

// isSpace reports white space as the text importer sees it, plus CR: ASCII and Unicode
// spaces, form feeds, the ideographic space U+3000, no-break spaces, BOM and zero-width space.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', '\u3000', '\u00a0', '\ufeff', '\u200b', '\u2002', '\u2003', '\u2009':
		return true
	}
	return false
}

// blank reports whether s is empty or only white space.
func blank(s string) bool {
	for _, r := range s {
		if !isSpace(r) {
			return false
		}
	}
	return true
}
