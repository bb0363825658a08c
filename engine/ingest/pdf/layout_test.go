package pdf

import (
	"strings"
	"testing"
)

// Tables of unequal widths stacked into one ruled grid (LibreOffice prints an HTML page's
// consecutive tables that way) leave an empty L-shaped margin beside the narrower ones: a
// region that is not a rectangle but holds no text, so nothing is lost by reading its grid
// cells apart and the table is not irregular. The same region with text in it is.
func TestEmptyIrregularMarginIsNotIrregular(t *testing.T) {
	// One column 0–100 (y 0–40), two columns 0–200 (y 40–80), three columns 0–300 (y 80–120).
	rules := []seg{
		{0, 0, 100, 0}, {0, 20, 100, 20}, {0, 40, 200, 40}, {0, 60, 200, 60},
		{0, 80, 300, 80}, {0, 100, 300, 100}, {0, 120, 300, 120},
		{0, 0, 0, 120}, {100, 0, 100, 120}, {200, 40, 200, 120}, {300, 80, 300, 120},
	}
	glyphAt := func(x, y float64) glyph {
		return glyph{r: '字', x0: x - 5, y0: y - 5, x1: x + 5, y1: y + 5, size: 10}
	}
	var gs []glyph
	for _, c := range [][2]float64{{50, 10}, {50, 30}, {50, 50}, {150, 50}, {50, 70}, {150, 70}, {50, 90}, {150, 90}, {250, 90}, {50, 110}, {150, 110}, {250, 110}} {
		gs = append(gs, glyphAt(c[0], c[1]))
	}
	for _, tc := range []struct {
		name      string
		extra     []glyph
		irregular bool
	}{
		{"an empty margin", nil, false},
		{"text in the margin", []glyph{glyphAt(250, 30)}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tables, _ := latticeTables(1, rules, append(append([]glyph(nil), gs...), tc.extra...))
			if len(tables) != 1 {
				t.Fatalf("%d tables, want 1", len(tables))
			}
			if tables[0].irregular != tc.irregular {
				t.Errorf("irregular = %v, want %v", tables[0].irregular, tc.irregular)
			}
		})
	}
}

// The last line of a label wrapped in a narrow cell may run over the cell's bottom ruling
// (LibreOffice, a row cut by a page break): a glyph whose centre is just below the line
// but a third of it above belongs to the cell above, not to the value under it.
func TestOverflowingLabelStaysInItsCell(t *testing.T) {
	rules := []seg{
		{0, 0, 200, 0}, {0, 20, 200, 20}, {0, 40, 200, 40},
		{0, 0, 0, 40}, {100, 0, 100, 40}, {200, 0, 200, 40},
	}
	gs := []glyph{
		{r: '纠', x0: 45, y0: 4, x1: 55, y1: 14, size: 10},
		{r: '正', x0: 45, y0: 16, x1: 55, y1: 26, size: 10}, // 4 of 10 above the line at 20
		{r: '0', x0: 48, y0: 25, x1: 53, y1: 35, size: 10},
		{r: '审', x0: 145, y0: 5, x1: 155, y1: 15, size: 10},
		{r: '7', x0: 148, y0: 19, x1: 153, y1: 29, size: 10}, // 1 of 10 above: its own row
	}
	tables, _ := latticeTables(1, rules, gs)
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	var got []string
	for _, c := range tables[0].cells {
		got = append(got, c.parts[0].text)
	}
	if want := []string{"纠正", "审", "0", "7"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("cells %q, want %q", got, want)
	}
}

// Lines that run past the right margin (hung punctuation, an unbreakable URL) do not move
// the margin: a full line before a continuation still continues its paragraph.
func TestOneOverlongLineKeepsTheMargin(t *testing.T) {
	line := func(y, x0, x1 float64, s string) item {
		return item{line: &tline{x0: x0, y0: y, x1: x1, y1: y + 12, size: 12, text: s}}
	}
	p := &pageLayout{n: 1, w: 595, h: 842, items: []item{
		line(100, 78, 534, "根据《中华人民共和国政府信息公开条例》规定，现公布本机关年度报告。全文"),
		line(124, 54, 534, "包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"),
		line(148, 54, 553, "政府信息公开行政复议、行政诉讼情况（www.example.gov.cn/xxgk/index.html）、"),
		line(172, 54, 527, "存在的主要问题及改进情况。本报告所列数据统计期限为 2023 年 1 月 1"),
		line(196, 54, 300, "日至 12 月 31 日。"),
		line(220, 78, 534, "二是不断做好依申请公开方面工作。坚持依法依规办理，对疑难复杂申请开"),
		line(244, 54, 541, "展集体研究（www.example.gov.cn/xxgk/ysqgk/index.html），确保答复内容"),
		line(268, 54, 560, "合法、准确，申请人对答复结果均无异议，未发生因答复引起的复议、诉讼。"),
	}}
	b := bodyStats(p)
	if b.right != 534 {
		t.Errorf("right margin %v, want 534", b.right)
	}
	if b.breaksBefore(p.items[3].line, p.items[4].line) {
		t.Error("the line after a full line starts a new paragraph")
	}
}

// Cells that claim the same grid place are joined, with a note when a number is among
// them; two header labels joined lose no value and get none.
func TestOverlapNoteOnlyWhereANumberIsJoined(t *testing.T) {
	cell := func(r, c int, text string) *tcell {
		return &tcell{parts: []*cpart{{page: 1, text: text}}, r0: r, r1: r + 1, c0: c, c1: c + 1}
	}
	for _, tc := range []struct {
		a, b string
		note bool
	}{
		{"本年新制作数量", "本年新公开数量", false},
		{"行政许可", "12", true},
		{"3", "4", true},
	} {
		tb := &table{cells: []*tcell{cell(0, 0, "信息内容"), cell(0, 1, tc.a), cell(0, 1, tc.b)}}
		tb.resolveOverlaps()
		if len(tb.cells) != 2 || len(tb.cells[1].parts) != 2 {
			t.Errorf("%q+%q: cells not joined: %d cells", tc.a, tc.b, len(tb.cells))
		}
		if tb.overlaps != tc.note {
			t.Errorf("%q+%q: note %v, want %v", tc.a, tc.b, tb.overlaps, tc.note)
		}
	}
}
