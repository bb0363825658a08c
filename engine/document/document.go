// Package document defines the generic document model every importer produces and the
// profile consumes: an ordered list of blocks (paragraphs, headings, tables, page furniture),
// each carrying the place in the source it came from. It knows nothing about any report domain.
package document

// Pos is a place in a source file. Line and Col are 1-based; Col counts Unicode code points
// (not bytes, not UTF-16 units), which is the unit reportlint declares in SARIF
// (columnKind "unicodeCodePoints"). Page is 1-based and set only for paginated formats (PDF).
// Ref is a format-specific locator for formats without lines (for example a DOCX paragraph
// or table cell index); it is empty for text-like formats.
type Pos struct {
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
	Page int    `json:"page,omitempty"`
	Ref  string `json:"ref,omitempty"`
}

// IsZero reports whether p carries no position at all.
func (p Pos) IsZero() bool { return p.Line == 0 && p.Col == 0 && p.Page == 0 && p.Ref == "" }

// Span is a range in a source file: Start is the first code point, End is the position just
// after the last one (exclusive), so a one-character span on line 3 column 5 ends at column 6.
type Span struct {
	Start Pos `json:"start"`
	End   Pos `json:"end"`
}

// IsZero reports whether s carries no position.
func (s Span) IsZero() bool { return s.Start.IsZero() && s.End.IsZero() }

// Cover returns the smallest span holding both s and t. A zero span is ignored.
func (s Span) Cover(t Span) Span {
	if s.IsZero() {
		return t
	}
	if t.IsZero() {
		return s
	}
	out := s
	if before(t.Start, s.Start) {
		out.Start = t.Start
	}
	if before(s.End, t.End) {
		out.End = t.End
	}
	return out
}

// Overlaps reports whether s and t share a place, comparing page, line and column. A span
// without an end is the single place where it starts.
func (s Span) Overlaps(t Span) bool {
	if s.IsZero() || t.IsZero() {
		return false
	}
	end := func(x Span) Pos {
		if x.End.IsZero() {
			return x.Start
		}
		return x.End
	}
	return !before(end(s), t.Start) && !before(end(t), s.Start)
}

func before(a, b Pos) bool {
	if a.Page != b.Page {
		return a.Page < b.Page
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}

// Segment is a run of text that sits contiguously in the source, on one line, starting at
// Start: its i-th code point is at column Start.Col+i. Importers split text at line ends, so a
// Segment never contains a newline. Text is the source text as decoded (not normalised).
type Segment struct {
	Text  string `json:"text"`
	Start Pos    `json:"start"`
}

// Kind says what a block is.
type Kind string

// Block kinds.
const (
	// Paragraph is running text: one or more source lines that belong together.
	Paragraph Kind = "paragraph"
	// Heading is a paragraph the source marks as a heading (HTML h1–h6, Markdown #, DOCX
	// heading styles). Plain text has no markup, so its headings arrive as paragraphs.
	Heading Kind = "heading"
	// Table is a grid of cells from a format that has tables (HTML, DOCX, Markdown, PDF rulings).
	Table Kind = "table"
	// Furniture is page furniture inside the flow: page numbers, running headers, form feeds.
	// It is kept so that locations stay honest, and the profile skips it.
	Furniture Kind = "furniture"
)

// Block is one element of a document, in reading order.
type Block struct {
	Kind Kind `json:"kind"`
	// Level is the heading level (1 = top) when the source says so, otherwise 0.
	Level int `json:"level,omitempty"`
	// Segments hold the text of paragraphs, headings and furniture, one per source line or run.
	Segments []Segment `json:"segments,omitempty"`
	// Rows hold the cells of a table, row by row, in source order.
	Rows []Row `json:"rows,omitempty"`
	// Span covers the whole block in the source.
	Span Span `json:"span"`
}

// Row is one table row. Cells lists only the cells that start in this row (the anchors of
// merged areas), in column order; Cell.Col gives each one's grid column after spans are
// resolved.
type Row struct {
	Cells []Cell `json:"cells"`
}

// Cell is one table cell. Empty is explicit: a cell with no segments is a blank cell, which
// is not the same as a cell holding "0".
type Cell struct {
	// Col is the 0-based grid column of the cell's left edge, after row and column spans of
	// earlier cells are taken into account.
	Col      int       `json:"col"`
	RowSpan  int       `json:"rowspan,omitempty"`
	ColSpan  int       `json:"colspan,omitempty"`
	Segments []Segment `json:"segments,omitempty"`
	Span     Span      `json:"span"`
	// Header is true when the source marks the cell as a header cell (HTML th).
	Header bool `json:"header,omitempty"`
}

// Text returns the cell's text with its segments joined by a space.
func (c Cell) Text() string { return JoinSegments(c.Segments) }

// Text returns the block's text with its segments joined by newlines (paragraphs) or, for
// tables, the cells of each row joined by tabs and the rows by newlines.
func (b Block) Text() string {
	if b.Kind != Table {
		out := make([]byte, 0, 64)
		for i, s := range b.Segments {
			if i > 0 {
				out = append(out, '\n')
			}
			out = append(out, s.Text...)
		}
		return string(out)
	}
	out := make([]byte, 0, 256)
	for i, r := range b.Rows {
		if i > 0 {
			out = append(out, '\n')
		}
		for j, c := range r.Cells {
			if j > 0 {
				out = append(out, '\t')
			}
			out = append(out, c.Text()...)
		}
	}
	return string(out)
}

// JoinSegments joins segment texts with single spaces.
func JoinSegments(segs []Segment) string {
	switch len(segs) {
	case 0:
		return ""
	case 1:
		return segs[0].Text
	}
	out := make([]byte, 0, 64)
	for i, s := range segs {
		if i > 0 {
			out = append(out, ' ')
		}
		out = append(out, s.Text...)
	}
	return string(out)
}

// Document is what an importer returns: the blocks of one source file and how it was read.
type Document struct {
	// Path is the file as the user named it (relative paths stay relative).
	Path string `json:"path"`
	// Format is the importer that read it: text, markdown, html, docx, pdf, json.
	Format string `json:"format"`
	// Encoding is the character encoding the bytes were decoded from (utf-8, gb18030,
	// utf-16le, ...); empty for formats that carry their own (DOCX, PDF).
	Encoding string `json:"encoding,omitempty"`
	// Pages is the number of pages for paginated formats.
	Pages int `json:"pages,omitempty"`
	// Blocks are the document's content in reading order.
	Blocks []Block `json:"blocks"`
	// Notes are things the importer wants the user to know about how it read the file (a
	// scanned page without text, a table it could not rebuild); they become "not assessable"
	// findings rather than silent gaps.
	Notes []Note `json:"notes,omitempty"`
}

// Note is an importer's remark about part of a document it could not read fully.
type Note struct {
	Message string `json:"message"`
	Span    Span   `json:"span"`
}

// Tables returns the document's table blocks in reading order.
func (d *Document) Tables() []Block {
	var out []Block
	for _, b := range d.Blocks {
		if b.Kind == Table {
			out = append(out, b)
		}
	}
	return out
}

// Cell returns the cell of r whose left edge is at grid column col.
func (r Row) Cell(col int) (Cell, bool) {
	for _, c := range r.Cells {
		if c.Col == col {
			return c, true
		}
	}
	return Cell{}, false
}
