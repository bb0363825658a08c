package text

import (
	"slices"
	"testing"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/document/doctest"
)

func TestBlocks(t *testing.T) {
	in := "标题\r\n\r\n  一、总体情况\r\n正文第一行\r\n- 3 -\r\n\f正文\u3000第二行 \r\n"
	blocks := Blocks(in)
	type want struct {
		kind  document.Kind
		text  string
		start document.Pos
		end   document.Pos
	}
	wants := []want{
		{document.Paragraph, "标题", document.Pos{Line: 1, Col: 1}, document.Pos{Line: 1, Col: 3}},
		// The paragraph the page break cut goes on; the page number follows it.
		{document.Paragraph, "一、总体情况\n正文第一行\n正文\u3000第二行", document.Pos{Line: 3, Col: 3}, document.Pos{Line: 6, Col: 8}},
		{document.Furniture, "- 3 -", document.Pos{Line: 5, Col: 1}, document.Pos{Line: 5, Col: 6}},
	}
	if len(blocks) != len(wants) {
		t.Fatalf("got %d blocks, want %d: %+v", len(blocks), len(wants), blocks)
	}
	for i, w := range wants {
		b := blocks[i]
		if b.Kind != w.kind || b.Text() != w.text || b.Span.Start != w.start || b.Span.End != w.end {
			t.Errorf("block %d = %s %q %+v-%+v, want %s %q %+v-%+v", i, b.Kind, b.Text(), b.Span.Start, b.Span.End, w.kind, w.text, w.start, w.end)
		}
	}
}

func TestPageNumberLines(t *testing.T) {
	for _, s := range []string{"- 3 -", "— 12 —", "－3－", "第 3 页", "第3页 共5页", "3 / 12", "Page 4", "\f- 2 -"} {
		b := Blocks(s)
		if len(b) != 1 || b[0].Kind != document.Furniture {
			t.Errorf("%q: not furniture: %+v", s, b)
		}
	}
	for _, s := range []string{"0", "3", "0 0 0", "—", "2023年"} {
		b := Blocks(s)
		if len(b) != 1 || b[0].Kind != document.Paragraph {
			t.Errorf("%q: should be a paragraph: %+v", s, b)
		}
	}
}

func TestImportGBK(t *testing.T) {
	gbk := []byte{0xD2, 0xBB, 0xA1, 0xA2, 0xD7, 0xDC, 0xCC, 0xE5, 0xC7, 0xE9, 0xBF, 0xF6} // 一、总体情况
	doc, err := Import("a.txt", gbk, "")
	if err != nil {
		t.Fatal(err)
	}
	if doc.Encoding != "gb18030" || len(doc.Blocks) != 1 || doc.Blocks[0].Text() != "一、总体情况" {
		t.Fatalf("got %+v", doc)
	}
}

func FuzzBlocks(f *testing.F) {
	f.Add("一、总体情况\n0 0 0\r\n- 3 -\n")
	f.Add("\r\r\n\f")
	f.Fuzz(func(t *testing.T, s string) {
		doc := &document.Document{Path: "fuzz.txt", Blocks: Blocks(s)}
		doctest.CheckSource(t, s, doc, "")
		if err := doc.InSourceOrder(); err != nil {
			t.Fatal(err)
		}
	})
}

// A tab-separated line keeps its trailing tabs (each closes a field: the blank cells at
// the row's end); other trailing white space goes.
func TestTrailingTabsOfTabSeparatedLines(t *testing.T) {
	blocks := Blocks("行政事业性收费\t15\t \t\n正文 3 件  \t\n")
	if len(blocks) != 1 || len(blocks[0].Segments) != 2 {
		t.Fatalf("blocks %+v", blocks)
	}
	if got := blocks[0].Segments[0].Text; got != "行政事业性收费\t15\t\t" {
		t.Errorf("tab-separated line %q", got)
	}
	if got := blocks[0].Segments[1].Text; got != "正文 3 件" {
		t.Errorf("a line whose only tab trails %q", got)
	}
	if end := blocks[0].Span.End; end != (document.Pos{Line: 2, Col: 7}) {
		t.Errorf("span end %+v", end)
	}
}

// A paragraph cut by a page break (text taken from a PDF) goes on after it, blank lines
// and page number between; one that ended its sentence, or a next line that starts a part
// of its own, does not.
func TestParagraphAcrossPageBreak(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string // the blocks' texts, furniture in brackets
	}{
		{"办理结果方面，予以\n\n- 2 -\n\n公开70件，占58.33%。\n", []string{"办理结果方面，予以\n公开70件，占58.33%。", "[- 2 -]"}},
		{"办理结果方面，予以公开。\n\n- 2 -\n\n下一段。\n", []string{"办理结果方面，予以公开。", "[- 2 -]", "下一段。"}},
		{"（一）主动公开\n\n第 2 页\n\n二、主动公开政府信息情况\n", []string{"（一）主动公开", "[第 2 页]", "二、主动公开政府信息情况"}},
		{"予以\n\n- 2 -\n\n公开\n\n- 3 -\n\n70件\n", []string{"予以\n公开", "[- 2 -]", "[- 3 -]", "70件"}},
		{"- 1 -\n正文\n", []string{"[- 1 -]", "正文"}},
	} {
		var got []string
		doc := &document.Document{Blocks: Blocks(tc.in)}
		for _, b := range doc.Blocks {
			if b.Kind == document.Furniture {
				got = append(got, "["+b.Text()+"]")
			} else {
				got = append(got, b.Text())
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: blocks %q, want %q", tc.in, got, tc.want)
		}
		if err := doc.Validate(); err != nil {
			t.Errorf("%q: %v", tc.in, err)
		}
	}
}
