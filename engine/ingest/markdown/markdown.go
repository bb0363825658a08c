// Package markdown reads Markdown reports, typically the output of PDF-to-Markdown
// converters and OCR/LLM pipelines: ATX headings, pipe tables (often garbled), HTML tables
// some converters emit, and running text with page numbers left in.
//
// Reading rules:
//   - "#" … "######" lines are headings with their level (CommonMark: up to three spaces of
//     indentation, a space after the marks; "#一、总体情况" with a Chinese character right
//     after the marks is accepted too). A closing run of "#" is dropped.
//   - A run of consecutive lines that look like table rows is one Table block when at least
//     one of them starts with "|" or is a delimiter row ("|---|:--:|"). Lines with an
//     unescaped "|" that do not start with one join an adjacent table. Delimiter rows
//     need three dashes or an alignment colon in every cell ("| - | -- |" is data: reports
//     write dashes for "not applicable"); they are not rows, may recur inside a run (as
//     converters split tables at page breaks) and give the row right before them Header
//     cells. Cells are split at unescaped
//     pipes ("\|" is a literal pipe), leading and trailing pipes are optional, "<br>"
//     inside a cell separates segments, character references are decoded, and a cell with
//     only white space or &nbsp; is blank (no segments). Col is the cell's index in its row.
//     Pipe tables have no spans, so converters write a merged cell once per column: within
//     a band of rows (between rows that repeat one text across the table), a column that
//     repeats its left neighbour in every row, header words included, is folded into it
//     (ColSpan 2).
//   - A line starting with "<table" starts an HTML table, read by package html up to the
//     line with the matching "</table>" (or, without one, up to the next blank line).
//   - Fenced code (``` or ~~~) is kept as plain text; thematic breaks (---, ***) are dropped.
//   - Every other line is running text, read as the text importer does: blank lines
//     separate paragraphs and page-number lines become Furniture. List bullets ("-", "*",
//     "+") and block-quote marks (">") are not part of the text: the segment starts at the
//     first character after them. Ordered-list numbers ("1.") are text, because reports
//     number their rows that way. Emphasis marks (**, __) are kept as written.
package markdown

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest/charset"
	"github.com/reportlint/reportlint/engine/ingest/html"
	"github.com/reportlint/reportlint/engine/ingest/limit"
	"github.com/reportlint/reportlint/engine/ingest/text"
)

// Format is the name of this importer.
const Format = "markdown"

// Import decodes data (hint is a charset label or empty) and splits it into blocks.
func Import(path string, data []byte, hint string, lim limit.Limits) (*document.Document, error) {
	return ImportContext(context.Background(), path, data, hint, lim)
}

// ImportContext is Import with a deadline, checked every few thousand lines. Lines longer
// than lim.MaxLineBytes, rows of more than lim.MaxColumns cells and more than lim.MaxCells
// table cells in all are refused before the cells are built.
func ImportContext(ctx context.Context, path string, data []byte, hint string, lim limit.Limits) (*document.Document, error) {
	s, enc, rep, err := charset.DecodeRepaired(data, hint)
	if err != nil {
		return nil, err
	}
	if err := limit.CheckLines(s, lim.MaxLineBytes); err != nil {
		return nil, err
	}
	blocks, notes, err := blocks(ctx, s, lim)
	if err != nil {
		return nil, err
	}
	if rep != nil {
		notes = append(notes, rep.Note())
	}
	return &document.Document{Path: path, Format: Format, Encoding: enc, Blocks: blocks, Notes: notes}, nil
}

// Blocks splits decoded Markdown into blocks with line/column spans. lim bounds the HTML
// tables embedded in it.
func Blocks(s string, lim limit.Limits) ([]document.Block, []document.Note, error) {
	return blocks(context.Background(), s, lim)
}

func blocks(ctx context.Context, s string, lim limit.Limits) ([]document.Block, []document.Note, error) {
	lines := text.Lines(s)
	cells := 0 // table cells so far
	kinds := make([]lineKind, len(lines))
	for i, l := range lines {
		kinds[i] = classify(l)
	}
	plain := make([]string, len(lines)) // what the text importer reads; "" for lines used here
	var depth *tableDepth               // built when the first HTML table is met
	var blocks []document.Block
	var notes []document.Note
	opaque := make([]bool, len(lines)) // code blocks and HTML tables: their images are not counted here
	for i, steps := 0, 0; i < len(lines); steps++ {
		if steps%4096 == 4095 && ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		line := lines[i]
		switch k := kinds[i]; {
		case k == lineFence:
			j := fenceEnd(lines, i)
			for n := i + 1; n < j; n++ {
				plain[n] = lines[n]
			}
			for n := i; n <= j && n < len(lines); n++ {
				opaque[n] = true
			}
			i = j + 1
		case k == lineHTMLTable:
			if depth == nil {
				depth = newTableDepth(lines)
			}
			j := depth.end(lines, i)
			b, n, err := html.Fragment(strings.Join(lines[i:j+1], "\n"), document.Pos{Line: i + 1, Col: 1}, lim)
			if err != nil {
				return nil, nil, err
			}
			blocks = append(blocks, b...)
			notes = append(notes, n...)
			for n := i; n <= j; n++ {
				opaque[n] = true
			}
			i = j + 1
		case k == lineHeading:
			if b, ok := heading(line, i+1); ok {
				blocks = append(blocks, b)
			}
			i++
		case k == lineBreak:
			i++
		case k.tabular():
			j, strong := i, false
			for j < len(lines) && kinds[j].tabular() {
				strong = strong || kinds[j] != lineWeakRow
				j++
			}
			if !strong {
				for ; i < j; i++ {
					plain[i] = stripMarks(lines[i])
				}
				continue
			}
			if err := countCells(lines[i:j], i+1, &cells, lim); err != nil {
				return nil, nil, err
			}
			if b, ok := table(lines, kinds, i, j); ok {
				blocks = append(blocks, b)
			}
			i = j
		default:
			plain[i] = stripMarks(line)
			i++
		}
	}
	if n, at := images(lines, opaque); n > 0 {
		notes = append(notes, document.Note{
			Message: i18n.Sprintf("正文中有 %d 张图片，图片中的内容没有检查；表格如以图片发布，请人工核对", n),
			Span:    document.Span{Start: at},
		})
	}
	blocks = append(blocks, text.Blocks(strings.Join(plain, "\n"))...)
	sort.SliceStable(blocks, func(a, b int) bool {
		pa, pb := blocks[a].Span.Start, blocks[b].Span.Start
		if pa.Line != pb.Line {
			return pa.Line < pb.Line
		}
		return pa.Col < pb.Col
	})
	return blocks, notes, nil
}

// countCells adds the cells of the table lines (the first is line first) to *cells and
// refuses a row wider than lim.MaxColumns or a total above lim.MaxCells, counting pipes
// before any cell is built.
func countCells(lines []string, first int, cells *int, lim limit.Limits) error {
	for n, l := range lines {
		c := strings.Count(l, "|") + 1 // an escaped pipe (\|) makes this an upper bound
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "|") {
			c--
			if len(t) > 1 && strings.HasSuffix(t, "|") {
				c--
			}
		}
		if lim.MaxColumns > 0 && c > lim.MaxColumns {
			return i18n.Errorf("第 %d 行：%w", first+n, &limit.Error{What: "table columns", Limit: int64(lim.MaxColumns), Actual: int64(c), Unit: "cells"})
		}
		*cells += c
		if lim.MaxCells > 0 && *cells > lim.MaxCells {
			return i18n.Errorf("第 %d 行：%w", first+n, &limit.Error{What: "table cells", Limit: int64(lim.MaxCells), Actual: int64(*cells), Unit: "cells"})
		}
	}
	return nil
}

// imageRef matches a Markdown image, ![alt](src), or an HTML <img> written in the text.
var imageRef = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)|(?i)<img\b`)

// images counts the images outside code blocks and embedded HTML tables (which note their
// own), and where the first one is.
func images(lines []string, opaque []bool) (int, document.Pos) {
	n := 0
	var at document.Pos
	for i, l := range lines {
		if opaque[i] || !strings.Contains(l, "![") && !strings.Contains(l, "<") {
			continue // the cheap test first: most lines hold neither
		}
		for _, m := range imageRef.FindAllStringIndex(l, -1) {
			if n == 0 {
				at = document.Pos{Line: i + 1, Col: utf8.RuneCountInString(l[:m[0]]) + 1}
			}
			n++
		}
	}
	return n, at
}

// lineKind classifies a source line.
type lineKind uint8

const (
	lineText lineKind = iota
	lineHeading
	lineFence
	lineHTMLTable
	lineBreak     // thematic break
	lineDelimiter // |---|---|
	lineRow       // starts with |
	lineWeakRow   // has an unescaped | but does not start with one
)

func (k lineKind) tabular() bool { return k == lineDelimiter || k == lineRow || k == lineWeakRow }

func classify(line string) lineKind {
	body := strings.TrimLeft(line, " \t")
	indent := len(line) - len(body)
	switch {
	case body == "":
		return lineText
	case indent <= 3 && body[0] == '#':
		if _, _, _, ok := atx(line); ok {
			return lineHeading
		}
	case indent <= 3 && (strings.HasPrefix(body, "```") || strings.HasPrefix(body, "~~~")):
		return lineFence
	case hasPrefixFold(body, "<table") && (len(body) == 6 || strings.ContainsRune(" \t>/\r\n", rune(body[6]))):
		return lineHTMLTable
	}
	pipes := pipeIndexes(line)
	if len(pipes) > 0 {
		if delimiterRow(line, pipes) {
			return lineDelimiter
		}
		if body[0] == '|' {
			return lineRow
		}
		return lineWeakRow
	}
	if indent <= 3 && thematicBreak(body) {
		return lineBreak
	}
	return lineText
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// thematicBreak reports a line of three or more '-', '*' or '_' (spaces allowed between).
func thematicBreak(body string) bool {
	var mark byte
	n := 0
	for i := 0; i < len(body); i++ {
		switch c := body[i]; c {
		case ' ', '\t':
		case '-', '*', '_':
			if mark != 0 && c != mark {
				return false
			}
			mark = c
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// fenceEnd returns the index of the line closing the fence opened at lines[i], or
// len(lines) when it is not closed.
func fenceEnd(lines []string, i int) int {
	open := strings.TrimLeft(lines[i], " \t")
	c := open[0]
	n := len(open) - len(strings.TrimLeft(open, string(c)))
	for j := i + 1; j < len(lines); j++ {
		b := strings.TrimSpace(lines[j])
		if len(b) >= n && strings.Trim(b, string(c)) == "" {
			return j
		}
	}
	return len(lines)
}

// tableDepth knows, for every line, how many HTML tables are open before it, so that the
// end of an HTML table is found without rescanning the rest of the file for every
// unclosed "<table".
type tableDepth struct {
	before  []int // before[i]: "<table" minus "</table" in lines[:i]
	minFrom []int // minFrom[i]: the least before[k] for k ≥ i
}

func newTableDepth(lines []string) *tableDepth {
	d := &tableDepth{before: make([]int, len(lines)+1), minFrom: make([]int, len(lines)+2)}
	for i, l := range lines {
		d.before[i+1] = d.before[i]
		if strings.IndexByte(l, '<') >= 0 {
			l = strings.ToLower(l)
			d.before[i+1] += strings.Count(l, "<table") - strings.Count(l, "</table")
		}
	}
	d.minFrom[len(lines)+1] = int(^uint(0) >> 1)
	for i := len(lines); i >= 0; i-- {
		d.minFrom[i] = min(d.before[i], d.minFrom[i+1])
	}
	return d
}

// end returns the index of the line that closes the HTML table opened at lines[i]: the
// first line after which no more tables are open than before lines[i]. Without one the
// table ends before the next blank line, as a CommonMark HTML block does.
func (d *tableDepth) end(lines []string, i int) int {
	if d.minFrom[i+1] <= d.before[i] {
		for j := i; ; j++ {
			if d.before[j+1] <= d.before[i] {
				return j
			}
		}
	}
	for j := i + 1; j < len(lines); j++ {
		if strings.TrimSpace(lines[j]) == "" {
			return j - 1
		}
	}
	return len(lines) - 1
}

// atx parses an ATX heading: its level, its text and the byte offset and column where the
// text starts.
func atx(line string) (level int, body string, off int, ok bool) {
	i := 0
	for i < len(line) && line[i] == ' ' {
		i++
	}
	if i > 3 {
		return 0, "", 0, false
	}
	j := i
	for j < len(line) && line[j] == '#' {
		j++
	}
	level = j - i
	if level < 1 || level > 6 {
		return 0, "", 0, false
	}
	if j < len(line) && line[j] != ' ' && line[j] != '\t' && line[j] < utf8.RuneSelf {
		return 0, "", 0, false // "#5" or "#tag" is text; "#一、" is a heading
	}
	rest := line[j:]
	trimmed := strings.TrimLeftFunc(rest, isSpace)
	off = j + len(rest) - len(trimmed)
	body = strings.TrimRightFunc(trimmed, isSpace)
	// A closing sequence of '#' preceded by a space (or making up the whole text) goes.
	if k := strings.TrimRight(body, "#"); len(k) < len(body) && (k == "" || k[len(k)-1] == ' ' || k[len(k)-1] == '\t') {
		body = strings.TrimRightFunc(k, isSpace)
	}
	return level, body, off, true
}

// heading returns the heading block for an ATX line, or false when it has no text.
func heading(line string, lineNo int) (document.Block, bool) {
	level, body, off, _ := atx(line)
	if body == "" {
		return document.Block{}, false
	}
	col := 1 + utf8.RuneCountInString(line[:off])
	seg := document.Segment{Text: body, Start: document.Pos{Line: lineNo, Col: col}}
	return document.Block{Kind: document.Heading, Level: level, Segments: []document.Segment{seg},
		Span: document.Span{Start: seg.Start, End: document.Pos{Line: lineNo, Col: col + utf8.RuneCountInString(body)}}}, true
}

// stripMarks blanks out list bullets and block-quote marks at the start of a line, so the
// text importer starts the segment after them; page-number lines ("- 3 -") stay as they are.
func stripMarks(line string) string {
	b := []byte(line)
	i := 0
	changed := false
	for {
		for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
			i++
		}
		if i < len(b) && b[i] == '>' {
			b[i] = ' '
			changed = true
			continue
		}
		break
	}
	if i+1 < len(b) && (b[i] == '-' || b[i] == '*' || b[i] == '+') && (b[i+1] == ' ' || b[i+1] == '\t') {
		if fb := text.Blocks(line); len(fb) == 1 && fb[0].Kind == document.Furniture {
			return line
		}
		b[i] = ' '
		changed = true
	}
	if !changed {
		return line
	}
	return string(b)
}

// isSpace matches the white space the text importer trims.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\f', '\v', '\u3000', '\u00a0', '\ufeff', '\u200b', '\u2002', '\u2003', '\u2009':
		return true
	}
	return false
}
