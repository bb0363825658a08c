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

func TestSpanOverlaps(t *testing.T) {
	sp := func(p1, l1, c1, p2, l2, c2 int) Span {
		return Span{Start: Pos{Page: p1, Line: l1, Col: c1}, End: Pos{Page: p2, Line: l2, Col: c2}}
	}
	table := sp(1, 26, 1, 2, 30, 5)
	tests := []struct {
		name string
		s    Span
		want bool
	}{
		{"inside", sp(1, 30, 1, 1, 30, 9), true},
		{"straddles the start", sp(1, 20, 1, 1, 26, 3), true},
		{"on the next page, within", sp(2, 1, 1, 2, 2, 1), true},
		{"before", sp(1, 1, 1, 1, 25, 9), false},
		{"after", sp(2, 31, 1, 2, 40, 1), false},
		{"a point inside", Span{Start: Pos{Page: 2, Line: 3, Col: 1}}, true},
		{"no position", Span{}, false},
	}
	for _, tc := range tests {
		if got := table.Overlaps(tc.s); got != tc.want {
			t.Errorf("%s: Overlaps = %v", tc.name, got)
		}
		if got := tc.s.Overlaps(table); got != tc.want {
			t.Errorf("%s (reversed): Overlaps = %v", tc.name, got)
		}
	}
}
