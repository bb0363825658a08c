package document

import (
	"errors"
	"fmt"
	"strings"
)

// maxProblems bounds how many contract violations Validate reports; maxGrid bounds the
// columns of one cell checked for overlaps.
const (
	maxProblems = 10
	maxGrid     = 4096
)

// Validate checks the format-independent contract every importer promises and returns the
// violations found (at most ten, joined), or nil:
//   - every block has a known kind; tables carry rows and no segments, other blocks carry
//     segments and no rows;
//   - every segment has text without line breaks and a position (line and column, or a Ref);
//   - in every row, cells have increasing grid columns from 0 and spans of at least 1, and no
//     two cells of a table cover the same grid place;
//   - spans do not end before they start.
//
// Blocks come in reading order, which need not be source order: an HTML parser moves text
// misplaced inside a table to before it, as browsers show it. InSourceOrder checks the
// stricter property for the formats that have it.
//
// Importer tests and fuzz targets call it on everything they produce.
func (d *Document) Validate() error {
	v := validator{}
	for i, b := range d.Blocks {
		v.block = i
		switch b.Kind {
		case Paragraph, Heading, Furniture:
			if len(b.Segments) == 0 || len(b.Rows) != 0 {
				v.addf("%s with %d segments and %d rows", b.Kind, len(b.Segments), len(b.Rows))
			}
		case Table:
			if len(b.Segments) != 0 {
				v.addf("table with %d segments outside its cells", len(b.Segments))
			}
		default:
			v.addf("unknown kind %q", b.Kind)
		}
		v.span("block", b.Span)
		for _, s := range b.Segments {
			v.segment(s)
		}
		v.rows(b.Rows)
	}
	return v.err()
}

type validator struct {
	block    int
	problems []error
	dropped  int
}

func (v *validator) addf(format string, args ...any) {
	if len(v.problems) == maxProblems {
		v.dropped++
		return
	}
	v.problems = append(v.problems, fmt.Errorf("block %d: "+format, append([]any{v.block}, args...)...))
}

func (v *validator) err() error {
	if v.dropped > 0 {
		v.problems = append(v.problems, fmt.Errorf("and %d more", v.dropped))
	}
	return errors.Join(v.problems...)
}

func (v *validator) span(what string, s Span) {
	if !s.End.IsZero() && before(s.End, s.Start) {
		v.addf("%s span ends at %s before it starts at %s", what, s.End, s.Start)
	}
}

func (v *validator) segment(s Segment) {
	switch {
	case s.Text == "":
		v.addf("empty segment at %s", s.Start)
	case strings.ContainsAny(s.Text, "\r\n"):
		v.addf("segment %q holds a line break", s.Text)
	case (s.Start.Line < 1 || s.Start.Col < 1) && s.Start.Ref == "":
		v.addf("segment %q has no position (%s)", s.Text, s.Start)
	}
}

func (v *validator) rows(rows []Row) {
	taken := map[[2]int]bool{}
	for r, row := range rows {
		last := -1
		for _, c := range row.Cells {
			if c.Col <= last || c.RowSpan < 1 || c.ColSpan < 1 {
				v.addf("row %d: cell at column %d (after column %d) spans %d×%d", r, c.Col, last, c.RowSpan, c.ColSpan)
				continue
			}
			last = c.Col
			v.span("cell", c.Span)
			for _, s := range c.Segments {
				v.segment(s)
			}
			for rr := r; rr < r+c.RowSpan && rr < len(rows); rr++ {
				for cc := c.Col; cc < c.Col+min(c.ColSpan, maxGrid); cc++ {
					if taken[[2]int{rr, cc}] {
						v.addf("row %d: cell at column %d overlaps another at row %d column %d", r, c.Col, rr, cc)
					}
					taken[[2]int{rr, cc}] = true
				}
			}
		}
	}
}

// InSourceOrder reports the first block (with a line position) that starts before the one
// before it, by page and then line, or nil when blocks follow the source.
func (d *Document) InSourceOrder() error {
	var prev Pos
	for i, b := range d.Blocks {
		if b.Span.Start.Line == 0 {
			continue
		}
		if prev.Line > 0 && before(b.Span.Start, Pos{Page: prev.Page, Line: prev.Line}) {
			return fmt.Errorf("block %d starts at %s, before the previous block at %s", i, b.Span.Start, prev)
		}
		prev = b.Span.Start
	}
	return nil
}

// String renders a position as page:line:col, ref (only the parts it has).
func (p Pos) String() string {
	var parts []string
	if p.Page > 0 {
		parts = append(parts, fmt.Sprintf("p%d", p.Page))
	}
	if p.Line > 0 || p.Col > 0 {
		parts = append(parts, fmt.Sprintf("%d:%d", p.Line, p.Col))
	}
	if p.Ref != "" {
		parts = append(parts, p.Ref)
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, " ")
}
