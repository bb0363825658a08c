package document

import "testing"

func TestSpanCover(t *testing.T) {
	a := Span{Start: Pos{Line: 3, Col: 5}, End: Pos{Line: 3, Col: 9}}
	b := Span{Start: Pos{Line: 2, Col: 7}, End: Pos{Line: 3, Col: 6}}
	got := a.Cover(b)
	want := Span{Start: Pos{Line: 2, Col: 7}, End: Pos{Line: 3, Col: 9}}
	if got != want {
		t.Fatalf("Cover = %+v, want %+v", got, want)
	}
	if got := (Span{}).Cover(a); got != a {
		t.Fatalf("zero.Cover(a) = %+v, want a", got)
	}
	if got := a.Cover(Span{}); got != a {
		t.Fatalf("a.Cover(zero) = %+v, want a", got)
	}
}

func TestBlockText(t *testing.T) {
	p := Block{Kind: Paragraph, Segments: []Segment{{Text: "第一行"}, {Text: "第二行"}}}
	if got := p.Text(); got != "第一行\n第二行" {
		t.Fatalf("paragraph text = %q", got)
	}
	tb := Block{Kind: Table, Rows: []Row{
		{Cells: []Cell{{Segments: []Segment{{Text: "规章"}}}, {Col: 1, Segments: []Segment{{Text: "0"}}}}},
		{Cells: []Cell{{Segments: []Segment{{Text: "行政"}, {Text: "许可"}}}, {Col: 1}}},
	}}
	if got := tb.Text(); got != "规章\t0\n行政 许可\t" {
		t.Fatalf("table text = %q", got)
	}
}
