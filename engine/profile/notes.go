package profile

import "github.com/reportlint/reportlint/engine/document"

// preambleTableNote reports whether an import note is about a table that stands wholly
// before the report's first section heading and overlaps none of the report's tables: a
// portal's metadata box (索引号、发布机构、发布日期) printed with the page. The doubt such a
// note raises (columns inferred from a borderless layout) concerns nothing the report's
// tables hold, so it is not passed on to the rules.
func (p *profiler) preambleTableNote(doc *document.Document, n document.Note) bool {
	var first document.Pos
	for _, s := range p.facts.Sections {
		if s.Found && (first.IsZero() || posBefore(s.Span.Start, first)) {
			first = s.Span.Start
		}
	}
	if first.IsZero() || n.Span.IsZero() || n.Span.End == n.Span.Start {
		return false // a note about a page, not a table: a scanned page, a page cut short
	}
	for _, b := range doc.Blocks {
		if b.Kind != document.Table || posBefore(n.Span.Start, b.Span.Start) || posBefore(b.Span.End, n.Span.End) {
			continue
		}
		if !posBefore(b.Span.End, first) {
			return false
		}
		for _, t := range p.facts.Tables {
			if t.Found && t.Span.Overlaps(b.Span) {
				return false
			}
		}
		return true
	}
	return false
}

// posBefore reports whether a comes before b (page, line, column).
func posBefore(a, b document.Pos) bool {
	if a.Page != b.Page {
		return a.Page < b.Page
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}
