package markdown

import (
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/ingest/html"
)

// pipeIndexes returns the byte offsets of the unescaped pipes of a line.
func pipeIndexes(line string) []int {
	n := strings.Count(line, "|")
	if n == 0 {
		return nil
	}
	out := make([]int, 0, n)
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			if i+1 < len(line) && line[i+1] == '|' {
				i++
			}
		case '|':
			out = append(out, i)
		}
	}
	return out
}

// piece is the raw text of one cell: line[from:to].
type piece struct{ from, to int }

// cellPieces splits a row at its pipes; a pipe at the very start or end of the line (white
// space aside) opens or closes the row and does not make an empty cell.
func cellPieces(line string, pipes []int) []piece {
	out := make([]piece, 0, len(pipes)+1)
	from := 0
	for _, p := range pipes {
		out = append(out, piece{from, p})
		from = p + 1
	}
	out = append(out, piece{from, len(line)})
	if strings.TrimSpace(line[out[0].from:out[0].to]) == "" && len(out) > 1 {
		out = out[1:]
	}
	if last := out[len(out)-1]; strings.TrimSpace(line[last.from:last.to]) == "" && len(out) > 1 {
		out = out[:len(out)-1]
	}
	return out
}

// delimiterRow reports whether a line is a table's delimiter row: every cell is at least
// three dashes, or dashes with an alignment colon ("---", ":--", "-:"). Shorter runs ("-",
// "--") are data: reports write them for "not applicable".
func delimiterRow(line string, pipes []int) bool {
	from, cells := 0, 0
	for k := 0; k <= len(pipes); k++ {
		to := len(line)
		if k < len(pipes) {
			to = pipes[k]
		}
		c := strings.TrimSpace(line[from:to])
		from = to + 1
		if c == "" && (k == 0 || k == len(pipes)) {
			continue // outside the outer pipes
		}
		d := strings.TrimSuffix(strings.TrimPrefix(c, ":"), ":")
		if d == "" || strings.Trim(d, "-") != "" || (len(d) < 3 && len(d) == len(c)) {
			return false
		}
		cells++
	}
	return cells > 0
}

// table builds a Table block from lines[from:to], a run of table lines with at least one
// strong row or delimiter row.
func table(lines []string, kinds []lineKind, from, to int) (document.Block, bool) {
	var blk document.Block
	blk.Kind = document.Table
	for i := from; i < to; i++ {
		line := lines[i]
		if kinds[i] == lineDelimiter {
			if n := len(blk.Rows); n > 0 && i > from && kinds[i-1] != lineDelimiter {
				for j := range blk.Rows[n-1].Cells {
					blk.Rows[n-1].Cells[j].Header = true
				}
			}
			continue
		}
		ps := cellPieces(line, pipeIndexes(line))
		row := document.Row{Cells: make([]document.Cell, 0, len(ps))}
		col, at := 1, 0 // column of byte offset at
		for k, p := range ps {
			col += utf8.RuneCountInString(line[at:p.from])
			at = p.from
			row.Cells = append(row.Cells, cell(line, i+1, p, col, k))
		}
		blk.Rows = append(blk.Rows, row)
	}
	if len(blk.Rows) == 0 {
		return blk, false
	}
	first, last := lines[from], lines[to-1]
	lead := len(first) - len(strings.TrimLeftFunc(first, isSpace))
	trail := strings.TrimRightFunc(last, isSpace)
	blk.Span = document.Span{
		Start: document.Pos{Line: from + 1, Col: 1 + utf8.RuneCountInString(first[:lead])},
		End:   document.Pos{Line: to, Col: 1 + utf8.RuneCountInString(trail)},
	}
	return blk, true
}

// cell reads the cell line[p.from:p.to], which starts at column col of line lineNo.
func cell(line string, lineNo int, p piece, col, index int) document.Cell {
	raw := line[p.from:p.to]
	c := document.Cell{Col: index, RowSpan: 1, ColSpan: 1}
	if !strings.ContainsAny(raw, "&<\\") {
		// Plain text: the cell is its trimmed text, if any.
		body := strings.TrimLeftFunc(raw, isSpace)
		start := col + utf8.RuneCountInString(raw[:len(raw)-len(body)])
		body = strings.TrimRightFunc(body, isSpace)
		end := start + utf8.RuneCountInString(body)
		if body == "" {
			start, end = col, col+utf8.RuneCountInString(raw)
		} else {
			c.Segments = []document.Segment{{Text: body, Start: document.Pos{Line: lineNo, Col: start}}}
		}
		c.Span = document.Span{Start: document.Pos{Line: lineNo, Col: start}, End: document.Pos{Line: lineNo, Col: end}}
		return c
	}
	// Split at <br>, then decode each part; "\|" is a literal pipe.
	partCol := col
	for len(raw) > 0 {
		part, rest, gap := cutBreak(raw)
		txt := strings.ReplaceAll(part, `\|`, "|")
		c.Segments = append(c.Segments, html.Segments(txt, document.Pos{Line: lineNo, Col: partCol})...)
		partCol += utf8.RuneCountInString(part) + utf8.RuneCountInString(gap)
		raw = rest
	}
	raw = line[p.from:p.to]
	start := col
	end := col + utf8.RuneCountInString(raw)
	if len(c.Segments) > 0 {
		start = c.Segments[0].Start.Col
		end = col + utf8.RuneCountInString(strings.TrimRightFunc(raw, isSpace))
	}
	c.Span = document.Span{Start: document.Pos{Line: lineNo, Col: start}, End: document.Pos{Line: lineNo, Col: end}}
	return c
}

// cutBreak splits s at the first <br>, <br/> or <br /> (any case) into the text before
// it, the text after it and the tag itself.
func cutBreak(s string) (before, after, tag string) {
	for i := 0; i+3 <= len(s); i++ {
		if s[i] != '<' || !hasPrefixFold(s[i+1:], "br") {
			continue
		}
		j := i + 3
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		if j < len(s) && s[j] == '/' {
			j++
		}
		if j < len(s) && s[j] == '>' {
			return s[:i], s[j+1:], s[i : j+1]
		}
	}
	return s, "", ""
}
