package document

import (
	"strings"
	"testing"
)

func seg(text string, line, col int) Segment {
	return Segment{Text: text, Start: Pos{Line: line, Col: col}}
}

func TestValidate(t *testing.T) {
	at := func(line int) Span { return Span{Start: Pos{Line: line, Col: 1}, End: Pos{Line: line, Col: 5}} }
	cell := func(col, rs, cs int) Cell { return Cell{Col: col, RowSpan: rs, ColSpan: cs} }
	good := Document{Blocks: []Block{
		{Kind: Heading, Level: 1, Segments: []Segment{seg("一、总体情况", 1, 1)}, Span: at(1)},
		{Kind: Table, Rows: []Row{
			{Cells: []Cell{cell(0, 2, 1), cell(1, 1, 2)}},
			{Cells: []Cell{cell(1, 1, 1), cell(2, 1, 1)}},
		}, Span: at(2)},
		{Kind: Paragraph, Segments: []Segment{{Text: "docx", Start: Pos{Ref: "p3"}}}},
		{Kind: Furniture, Segments: []Segment{seg("- 3 -", 4, 1)}, Span: at(4)},
	}}
	if err := good.Validate(); err != nil {
		t.Fatalf("valid document rejected: %v", err)
	}
	tests := []struct {
		name  string
		block Block
		want  string
	}{
		{"unknown kind", Block{Kind: "list", Segments: []Segment{seg("x", 9, 1)}}, `unknown kind "list"`},
		{"paragraph without text", Block{Kind: Paragraph}, "paragraph with 0 segments"},
		{"empty segment", Block{Kind: Paragraph, Segments: []Segment{seg("", 9, 1)}}, "empty segment"},
		{"line break", Block{Kind: Paragraph, Segments: []Segment{seg("a\nb", 9, 1)}}, "line break"},
		{"no position", Block{Kind: Paragraph, Segments: []Segment{seg("a", 0, 0)}}, "has no position"},
		{"columns not increasing", Block{Kind: Table, Rows: []Row{{Cells: []Cell{cell(1, 1, 1), cell(1, 1, 1)}}}}, "after column 1"},
		{"zero span", Block{Kind: Table, Rows: []Row{{Cells: []Cell{cell(0, 0, 1)}}}}, "spans 0×1"},
		{"overlap", Block{Kind: Table, Rows: []Row{{Cells: []Cell{cell(0, 2, 1)}}, {Cells: []Cell{cell(0, 1, 1)}}}}, "overlaps"},
		{"span backwards", Block{Kind: Paragraph, Segments: []Segment{seg("a", 9, 3)}, Span: Span{Start: Pos{Line: 9, Col: 3}, End: Pos{Line: 9, Col: 1}}}, "before it starts"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := good
			doc.Blocks = append(append([]Block(nil), good.Blocks...), tc.block)
			err := doc.Validate()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Validate() = %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestValidateBoundsItsReport(t *testing.T) {
	var doc Document
	for range 50 {
		doc.Blocks = append(doc.Blocks, Block{Kind: Paragraph})
	}
	err := doc.Validate()
	if err == nil || !strings.Contains(err.Error(), "and 40 more") || strings.Count(err.Error(), "\n") != maxProblems {
		t.Fatalf("Validate() = %v", err)
	}
}

func TestTablesAndCell(t *testing.T) {
	doc := Document{Blocks: []Block{
		{Kind: Paragraph, Segments: []Segment{seg("a", 1, 1)}},
		{Kind: Table, Rows: []Row{{Cells: []Cell{{Col: 0, RowSpan: 1, ColSpan: 2, Segments: []Segment{seg("x", 2, 1)}}, {Col: 2, RowSpan: 1, ColSpan: 1}}}}},
	}}
	tbls := doc.Tables()
	if len(tbls) != 1 {
		t.Fatalf("Tables() = %d blocks", len(tbls))
	}
	if c, ok := tbls[0].Rows[0].Cell(0); !ok || c.Text() != "x" {
		t.Errorf("Cell(0) = %+v, %v", c, ok)
	}
	if _, ok := tbls[0].Rows[0].Cell(1); ok {
		t.Error("Cell(1) found a cell inside a column span")
	}
}

func TestInSourceOrder(t *testing.T) {
	at := func(page, line int) Block {
		return Block{Kind: Paragraph, Segments: []Segment{seg("a", line, 1)}, Span: Span{Start: Pos{Page: page, Line: line, Col: 1}}}
	}
	ordered := Document{Blocks: []Block{at(1, 3), at(1, 3), {Kind: Paragraph}, at(2, 1)}}
	if err := ordered.InSourceOrder(); err != nil {
		t.Errorf("ordered document: %v", err)
	}
	swapped := Document{Blocks: []Block{at(1, 3), at(1, 2)}}
	if err := swapped.InSourceOrder(); err == nil || !strings.Contains(err.Error(), "block 1 starts at p1 2:1") {
		t.Errorf("swapped lines: %v", err)
	}
	if err := swapped.Validate(); err != nil {
		t.Errorf("reading order is not part of Validate: %v", err)
	}
}
