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
	mergeRepeatedColumns(blk.Rows)
	first, last := lines[from], lines[to-1]
	lead := len(first) - len(strings.TrimLeftFunc(first, isSpace))
	trail := strings.TrimRightFunc(last, isSpace)
	blk.Span = document.Span{
		Start: document.Pos{Line: from + 1, Col: 1 + utf8.RuneCountInString(first[:lead])},
		End:   document.Pos{Line: to, Col: 1 + utf8.RuneCountInString(trail)},
	}
	return blk, true
}

// cellText is a cell's text, its segments joined and trimmed.
func cellText(c document.Cell) string {
	var b strings.Builder
	for _, s := range c.Segments {
		b.WriteString(s.Text)
	}
	return strings.TrimSpace(b.String())
}

// fullWidth reports whether a row is one merged cell written once per column (| 第二十条第（一）项 |
// 第二十条第（一）项 | … |): two or more cells, all with the same text.
func fullWidth(r document.Row) bool {
	if len(r.Cells) < 2 {
		return false
	}
	t := cellText(r.Cells[0])
	if t == "" {
		return false
	}
	for _, c := range r.Cells[1:] {
		if cellText(c) != t {
			return false
		}
	}
	return true
}

// mergeRepeatedColumns undoes a converter's writing of a merged cell once per column it
// spans, where the merge holds for a whole band of rows (the rows between two full-width
// rows, or the table): a column whose every cell repeats the text of the cell to its left,
// in a band of two or more rows of equal width where at least one of the repeated cells is
// words (a header: | 信息内容 | 上一年项目数量 | 本年增/减 | 本年增/减 | over | 收费 | 29 | -3 | -3 |),
// is the left cell's continuation: it is dropped and the left cell spans it. Numbers alone
// never make a merge (adjacent columns of zeros are common), and a pipe table has no other
// way to say a cell spans columns.
func mergeRepeatedColumns(rows []document.Row) {
	for a := 0; a < len(rows); {
		if fullWidth(rows[a]) {
			a++
			continue
		}
		b := a
		for b < len(rows) && !fullWidth(rows[b]) {
			b++
		}
		mergeBand(rows[a:b])
		a = b
	}
}

func mergeBand(band []document.Row) {
	if len(band) < 2 {
		return
	}
	n := len(band[0].Cells)
	for _, r := range band {
		if len(r.Cells) != n {
			return
		}
	}
	dup := make([]bool, n)
	merged := false
	for j := 1; j < n; j++ {
		words := false
		dup[j] = true
		for _, r := range band {
			t := cellText(r.Cells[j])
			if t == "" || t != cellText(r.Cells[j-1]) {
				dup[j] = false
				break
			}
			if strings.IndexFunc(t, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) >= 0 {
				words = true
			}
		}
		dup[j] = dup[j] && words
		merged = merged || dup[j]
	}
	if !merged {
		return
	}
	for i := range band {
		cells := band[i].Cells[:0:0]
		for j, c := range band[i].Cells {
			if dup[j] {
				cells[len(cells)-1].ColSpan++
				continue
			}
			cells = append(cells, c)
		}
		band[i].Cells = cells
	}
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
