// Package doctest holds the checks importer tests share: the document contract, segment
// positions against the source text, and a readable dump for failure messages.
package doctest

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/engine/document"
)

// Check fails tb for every violation of the document contract (document.Validate).
func Check(tb testing.TB, doc *document.Document) {
	tb.Helper()
	if err := doc.Validate(); err != nil {
		tb.Errorf("%s: document contract broken:\n%v", doc.Path, err)
	}
}

// CheckOrder checks the contract and that blocks come in source order, for formats whose
// reading order is their source order (text, Markdown, DOCX).
func CheckOrder(tb testing.TB, doc *document.Document) {
	tb.Helper()
	Check(tb, doc)
	if err := doc.InSourceOrder(); err != nil {
		tb.Errorf("%s: %v", doc.Path, err)
	}
}

// CheckSource checks the contract and that each segment starts, in src, at its line and
// column with its first character. A source character listed in escapes may stand there
// instead (an entity's '&', an escaping '\\'), since the segment holds decoded text.
func CheckSource(tb testing.TB, src string, doc *document.Document, escapes string) {
	tb.Helper()
	Check(tb, doc)
	src = strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n")
	var lines [][]rune
	for l := range strings.SplitSeq(src, "\n") {
		lines = append(lines, []rune(l))
	}
	seg := func(block int, s document.Segment) {
		if s.Text == "" || s.Start.Line < 1 || s.Start.Col < 1 {
			return // reported by Check
		}
		if s.Start.Line > len(lines) || s.Start.Col > len(lines[s.Start.Line-1]) {
			tb.Errorf("block %d: segment %q at %d:%d is outside the source", block, s.Text, s.Start.Line, s.Start.Col)
			return
		}
		first, _ := utf8.DecodeRuneInString(s.Text)
		if got := lines[s.Start.Line-1][s.Start.Col-1]; got != first && !strings.ContainsRune(escapes, got) {
			tb.Errorf("block %d: segment %q starts at %d:%d, where the source has %q", block, s.Text, s.Start.Line, s.Start.Col, got)
		}
	}
	for i, b := range doc.Blocks {
		for _, s := range b.Segments {
			seg(i, s)
		}
		for _, row := range b.Rows {
			for _, c := range row.Cells {
				for _, s := range c.Segments {
					seg(i, s)
				}
			}
		}
	}
}

// Dump renders a document block by block for failure messages: kind, level and span, then
// each row's cells as column:text, then each segment with its position.
func Dump(doc *document.Document) string {
	var sb strings.Builder
	for i, b := range doc.Blocks {
		fmt.Fprintf(&sb, "#%d %s L%d %d:%d-%d:%d\n", i, b.Kind, b.Level, b.Span.Start.Line, b.Span.Start.Col, b.Span.End.Line, b.Span.End.Col)
		for r, row := range b.Rows {
			cells := make([]string, 0, len(row.Cells))
			for _, c := range row.Cells {
				cells = append(cells, fmt.Sprintf("%d:%q", c.Col, c.Text()))
			}
			fmt.Fprintf(&sb, "  r%d: %s\n", r, strings.Join(cells, " "))
		}
		for _, s := range b.Segments {
			fmt.Fprintf(&sb, "  %d:%d %q\n", s.Start.Line, s.Start.Col, s.Text)
		}
	}
	return sb.String()
}
