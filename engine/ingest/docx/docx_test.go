package docx

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/document/doctest"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

func importBytes(t *testing.T, data []byte) *document.Document {
	t.Helper()
	doc, err := Import(context.Background(), "t.docx", data, limit.Default())
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	checkInvariants(t, doc)
	return doc
}

func importBody(t *testing.T, body string) *document.Document {
	t.Helper()
	return importBytes(t, makeDocx(t, body))
}

// checkInvariants checks the document contract (doctest.Check) and what DOCX adds to it:
// every segment has a Ref and is trimmed.
func checkInvariants(tb testing.TB, doc *document.Document) {
	tb.Helper()
	doctest.CheckOrder(tb, doc)
	seg := func(s document.Segment) {
		if s.Start.Ref == "" {
			tb.Errorf("segment %q without a Ref", s.Text)
		}
		if strings.TrimFunc(s.Text, isSpace) != s.Text {
			tb.Errorf("untrimmed segment %q", s.Text)
		}
	}
	for _, b := range doc.Blocks {
		for _, s := range b.Segments {
			seg(s)
		}
		for _, r := range b.Rows {
			for _, c := range r.Cells {
				for _, s := range c.Segments {
					seg(s)
				}
			}
		}
	}
}

// texts lists each block as "kind:text" (tables as their cell texts with grid columns).
func texts(doc *document.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		if b.Kind != document.Table {
			out = append(out, string(b.Kind)+":"+b.Text())
			continue
		}
		var rows []string
		for _, r := range b.Rows {
			var cells []string
			for _, c := range r.Cells {
				cells = append(cells, c.Text())
			}
			rows = append(rows, strings.Join(cells, "|"))
		}
		out = append(out, "table:"+strings.Join(rows, "/"))
	}
	return out
}

func TestParagraphText(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"runs join", xpara("", "本年", "新收", "0件"), []string{"paragraph:本年新收0件"}},
		{"tab", `<w:p><w:r><w:t>信息内容</w:t><w:tab/><w:t>0</w:t></w:r></w:p>`, []string{"paragraph:信息内容\t0"}},
		{"br starts a segment", `<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:cr/><w:t>第三行</w:t></w:r></w:p>`, []string{"paragraph:第一行\n第二行\n第三行"}},
		{"page break", `<w:p><w:r><w:t>前</w:t><w:br w:type="page"/><w:t>后</w:t></w:r></w:p>`, []string{"paragraph:前\n后"}},
		{"smart quotes kept", p("3.危及“三安全一稳定”‘单引号’"), []string{"paragraph:3.危及“三安全一稳定”‘单引号’"}},
		{"empty paragraphs dropped", "<w:p/>" + p("   ") + p("\u3000\u3000") + p("正文"), []string{"paragraph:正文"}},
		{"field result kept, instruction dropped",
			`<w:p><w:r><w:t>见第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Toc1 \h </w:instrText></w:r>` +
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>`,
			[]string{"paragraph:见第3页"}},
		{"nested fields",
			`<w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>IF </w:instrText><w:fldChar w:fldCharType="begin"/><w:instrText>PAGE</w:instrText>` +
				`<w:fldChar w:fldCharType="separate"/><w:t>1</w:t><w:fldChar w:fldCharType="end"/><w:instrText> = 1 "a" "b"</w:instrText>` +
				`<w:fldChar w:fldCharType="separate"/><w:t>a</w:t><w:fldChar w:fldCharType="end"/><w:t>!</w:t></w:r></w:p>`,
			[]string{"paragraph:a!"}},
		{"fldSimple", `<w:p><w:fldSimple w:instr=" DATE \@ &quot;yyyy年M月d日&quot; "><w:r><w:t>2024年1月5日</w:t></w:r></w:fldSimple></w:p>`, []string{"paragraph:2024年1月5日"}},
		{"unterminated field does not hide the next paragraph",
			`<w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>PAGE</w:instrText></w:r></w:p>` + p("下一段"), []string{"paragraph:下一段"}},
		{"hidden, deleted and moved-from text dropped, inserted kept",
			`<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>甲</w:t></w:r>` +
				`<w:del w:id="1" w:author="x"><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins w:id="2" w:author="x"><w:r><w:t>乙</w:t></w:r></w:ins>` +
				`<w:moveFrom w:id="3" w:author="x"><w:r><w:t>移走</w:t></w:r></w:moveFrom><w:r><w:t>丙</w:t></w:r></w:p>`,
			[]string{"paragraph:甲乙丙"}},
		{"tracked old properties ignored",
			`<w:p><w:r><w:rPr><w:rPrChange w:id="1" w:author="x"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>可见</w:t></w:r></w:p>`,
			[]string{"paragraph:可见"}},
		{"hyperlink, smartTag, sdt and bookmarks are transparent",
			`<w:p><w:bookmarkStart w:id="0" w:name="a"/><w:hyperlink r:id="rId9"><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:smartTag w:uri="u" w:element="e"><w:r><w:t>标记</w:t></w:r></w:smartTag>` +
				`<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt><w:bookmarkEnd w:id="0"/></w:p>`,
			[]string{"paragraph:链接标记控件"}},
		{"symbols and hyphens", `<w:p><w:r><w:t>A</w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:noBreakHyphen/><w:softHyphen/><w:t>B</w:t></w:r></w:p>`, []string{"paragraph:A\uf0fc-B"}},
		{"footnote reference and math ignored",
			`<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath></w:p>`,
			[]string{"paragraph:正文"}},
		{"body-level sdt", `<w:sdt><w:sdtContent>` + p("内容控件中的段落") + `</w:sdtContent></w:sdt>`, []string{"paragraph:内容控件中的段落"}},
		{"text box after its anchor, Fallback copy skipped",
			`<w:p><w:r><w:t>锚</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>` +
				p("文本框") + `</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
				`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` + p("文本框") + `</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>点</w:t></w:r></w:p>` + p("后文"),
			[]string{"paragraph:锚点", "paragraph:文本框", "paragraph:后文"}},
		{"drawingml text ignored", `<w:p><w:r><w:drawing><a:graphic><a:p><a:r><a:t>图表文字</a:t></a:r></a:p></a:graphic></w:drawing><w:t>正文</w:t></w:r></w:p>`, []string{"paragraph:正文"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(importBody(t, tt.body))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestPositions(t *testing.T) {
	body := p("标题") +
		`<w:p><w:r><w:t xml:space="preserve">　　2023年</w:t><w:tab/><w:t>共</w:t><w:br/><w:t xml:space="preserve"> 0件 </w:t></w:r></w:p>` +
		tbl(2, tr(ct(cellOpt{}, "规章"), tc(cellOpt{}, p("0"), p("（件）")))) +
		p("结尾")
	doc := importBody(t, body)
	if len(doc.Blocks) != 4 {
		t.Fatalf("blocks: %q", texts(doc))
	}
	pos := func(line, col int, ref string) document.Pos { return document.Pos{Line: line, Col: col, Ref: ref} }
	// Paragraph 2: two ideographic spaces are trimmed (the text starts at column 3); the tab
	// is column 8; the break is column 10, so " 0件 " starts at 11 and "0件" at 12.
	b := doc.Blocks[1]
	if len(b.Segments) != 2 ||
		b.Segments[0] != (document.Segment{Text: "2023年\t共", Start: pos(2, 3, "p2")}) ||
		b.Segments[1] != (document.Segment{Text: "0件", Start: pos(2, 12, "p2")}) ||
		b.Span != (document.Span{Start: pos(2, 3, "p2"), End: pos(2, 14, "p2")}) {
		t.Errorf("paragraph 2 = %+v", b)
	}
	tb := doc.Blocks[2]
	c0, c1 := tb.Rows[0].Cells[0], tb.Rows[0].Cells[1]
	if c0.Segments[0].Start != pos(3, 1, "t1/r1/c1") || c0.Span.End != pos(3, 3, "t1/r1/c1") {
		t.Errorf("cell 1 = %+v", c0)
	}
	// Several paragraphs in one cell are several segments.
	if len(c1.Segments) != 2 || c1.Segments[0].Start != pos(4, 1, "t1/r1/c2") || c1.Segments[1] != (document.Segment{Text: "（件）", Start: pos(5, 1, "t1/r1/c2")}) {
		t.Errorf("cell 2 = %+v", c1)
	}
	if tb.Span != (document.Span{Start: pos(3, 1, "t1"), End: pos(5, 4, "t1")}) {
		t.Errorf("table span = %+v", tb.Span)
	}
	if got := doc.Blocks[3].Segments[0].Start; got != pos(6, 1, "p6") {
		t.Errorf("last paragraph at %+v", got)
	}
}

func TestHeadings(t *testing.T) {
	body := styled("1", "一、总体情况") +
		styled("2", "（一）主动公开") +
		styled("Heading3", "1.英文样式名") +
		styled("MyTitle", "基于标题1的样式") +
		xpara(`<w:pStyle w:val="a"/><w:outlineLvl w:val="2"/>`, "大纲级别3") +
		xpara(`<w:pStyle w:val="1"/><w:outlineLvl w:val="9"/>`, "正文级别") +
		styled("Heading4", "styles.xml 中没有的 Heading4") +
		styled("TOC1", "一、总体情况\t1") +
		styled("a", "正文")
	doc := importBody(t, body)
	got := texts(doc)
	var levels []int
	for _, b := range doc.Blocks {
		levels = append(levels, b.Level)
	}
	want := []string{"heading:一、总体情况", "heading:（一）主动公开", "heading:1.英文样式名", "heading:基于标题1的样式", "heading:大纲级别3",
		"paragraph:正文级别", "heading:styles.xml 中没有的 Heading4", "furniture:一、总体情况\t1", "paragraph:正文"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if wantLevels := []int{1, 2, 3, 1, 3, 0, 4, 0, 0}; !equalInts(levels, wantLevels) {
		t.Errorf("levels %v, want %v", levels, wantLevels)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestNumbering(t *testing.T) {
	num := func(id, lvl, text string) string {
		return xpara(`<w:numPr><w:ilvl w:val="`+lvl+`"/><w:numId w:val="`+id+`"/></w:numPr>`, text)
	}
	body := num("1", "0", "总体情况") + num("1", "1", "主动公开") + num("1", "1", "依申请公开") + num("1", "2", "细项") + num("1", "2", "细项") +
		num("1", "0", "主动公开政府信息情况") + num("1", "1", "重新编号") + num("1", "3", "项目符号") + num("0", "0", "取消编号") +
		num("2", "0", "从五开始") + num("9", "0", "未定义的列表")
	want := []string{"一、总体情况", "（一）主动公开", "（二）依申请公开", "1.\t细项", "2.\t细项", "二、主动公开政府信息情况", "（一）重新编号",
		"项目符号", "取消编号", "五、从五开始", "未定义的列表"}
	doc := importBody(t, body)
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, b.Text())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// The label is part of the paragraph text: columns count it.
	if s := doc.Blocks[0].Segments[0]; s.Start.Col != 1 || doc.Blocks[0].Span.End.Col != 7 {
		t.Errorf("numbered paragraph = %+v", doc.Blocks[0])
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v      int
		format string
		want   string
	}{
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {11, "chineseCounting", "十一"}, {20, "chineseCounting", "二十"},
		{101, "chineseCounting", "一百零一"}, {110, "chineseCountingThousand", "一百一十"}, {1004, "chineseCounting", "一千零四"},
		{11, "chineseLegalSimplified", "壹拾壹"}, {3, "ideographTraditional", "丙"}, {2, "decimalEnclosedCircleChinese", "②"},
		{12, "decimalFullWidth", "１２"}, {4, "upperRoman", "IV"}, {28, "lowerLetter", "bb"}, {7, "decimalZero", "07"},
		{2025, "ideographDigital", "二〇二五"}, {5, "unknownFormat", "5"}, {100000, "chineseCounting", "100000"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.v, tt.format); got != tt.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", tt.v, tt.format, got, tt.want)
		}
	}
}

func TestTables(t *testing.T) {
	tests := []struct {
		name string
		body string
		// want lists every cell as "col[+rowspan][xcolspan]=text" per row.
		want [][]string
	}{
		{"gridSpan", tbl(4,
			tr(ct(cellOpt{span: 4}, "第二十条第（五）项")),
			tr(ct(cellOpt{}, "信息内容"), ct(cellOpt{span: 3}, "本年处理决定数量")),
			tr(ct(cellOpt{span: 2}, "a"), ct(cellOpt{}, "b"), ct(cellOpt{}, "c"))),
			[][]string{{"0x4=第二十条第（五）项"}, {"0=信息内容", "1x3=本年处理决定数量"}, {"0x2=a", "2=b", "3=c"}}},
		{"vMerge restart and continue", tbl(3,
			tr(ct(cellOpt{vmerge: "restart"}, "组"), ct(cellOpt{}, "1"), ct(cellOpt{vmerge: "restart"}, "右")),
			tr(tc(cellOpt{vmerge: "continue"}), ct(cellOpt{}, "2"), tc(cellOpt{vmerge: "continue"})),
			tr(tc(cellOpt{vmerge: "continue"}), ct(cellOpt{}, "3"), ct(cellOpt{}, "新")),
			tr(ct(cellOpt{}, "下"), ct(cellOpt{}, "4"), ct(cellOpt{vmerge: "restart"}, "独"))),
			[][]string{{"0+3=组", "1=1", "2+2=右"}, {"1=2"}, {"1=3", "2=新"}, {"0=下", "1=4", "2=独"}}},
		{"vMerge with gridSpan", tbl(4,
			tr(ct(cellOpt{span: 2, vmerge: "restart"}, "表头"), ct(cellOpt{span: 2}, "上")),
			tr(tc(cellOpt{span: 2, vmerge: "continue"}), ct(cellOpt{}, "甲"), ct(cellOpt{}, "乙"))),
			[][]string{{"0+2x2=表头", "2x2=上"}, {"2=甲", "3=乙"}}},
		{"continuation without anchor stands alone; text in a continuation joins the anchor", tbl(2,
			tr(tc(cellOpt{vmerge: "continue"}, p("孤")), ct(cellOpt{vmerge: "restart"}, "锚")),
			tr(ct(cellOpt{}, "x"), tc(cellOpt{vmerge: "continue"}, p("续")))),
			[][]string{{"0=孤", "1+2=锚 续"}, {"0=x"}}},
		{"empty cells have no segments", tbl(3,
			tr(ct(cellOpt{}, "自然人"), tc(cellOpt{}), tc(cellOpt{}, p("  "), "<w:p/>")),
			tr(`<w:tc></w:tc>`, ct(cellOpt{}, "0"), ct(cellOpt{}, "—"))),
			[][]string{{"0=自然人", "1=", "2="}, {"0=", "1=0", "2=—"}}},
		{"gridBefore and hMerge", tbl(4,
			tr(`<w:trPr><w:gridBefore w:val="1"/></w:trPr>`, ct(cellOpt{}, "b"), ct(cellOpt{}, "c"), ct(cellOpt{}, "d")),
			tr(`<w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr>`+p("横")+`</w:tc>`, `<w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>`, ct(cellOpt{span: 2}, "右"))),
			[][]string{{"1=b", "2=c", "3=d"}, {"0x2=横", "2x2=右"}}},
		{"sliver grid columns collapse", `<w:tbl><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="0"/><w:gridCol w:w="2000"/><w:gridCol w:w="12"/><w:gridCol w:w="2000"/></w:tblGrid>` +
			tr(ct(cellOpt{span: 2}, "a"), ct(cellOpt{span: 3}, "b")) +
			tr(ct(cellOpt{}, "c"), ct(cellOpt{span: 2}, "d"), ct(cellOpt{span: 2}, "e")) + `</w:tbl>`,
			[][]string{{"0=a", "1x2=b"}, {"0=c", "1=d", "2=e"}}},
		{"zero widths everywhere are not slivers", `<w:tbl><w:tblGrid><w:gridCol w:w="0"/><w:gridCol w:w="0"/></w:tblGrid>` +
			tr(ct(cellOpt{}, "a"), ct(cellOpt{}, "b")) + `</w:tbl>`,
			[][]string{{"0=a", "1=b"}}},
		{"header rows", `<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>` + ct(cellOpt{}, "表头") + ct(cellOpt{}, "列") + `</w:tr>` + tr(ct(cellOpt{}, "1"), ct(cellOpt{}, "2")) + `</w:tbl>`,
			[][]string{{"0h=表头", "1h=列"}, {"0=1", "1=2"}}},
		{"rows and cells inside content controls", `<w:tbl><w:sdt><w:sdtContent>` + tr(ct(cellOpt{}, "a"), `<w:customXml>`+ct(cellOpt{}, "b")+`</w:customXml>`) + `</w:sdtContent></w:sdt></w:tbl>`,
			[][]string{{"0=a", "1=b"}}},
		{"huge spans are clamped", tbl(2, tr(ct(cellOpt{span: 1 << 30}, "宽"), ct(cellOpt{}, "x"))),
			[][]string{{"0x1000=宽", "1000=x"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := importBody(t, tt.body)
			if len(doc.Blocks) != 1 || doc.Blocks[0].Kind != document.Table {
				t.Fatalf("blocks: %q", texts(doc))
			}
			got := describeRows(doc.Blocks[0])
			if strings.Join(flatten(got), ";") != strings.Join(flatten(tt.want), ";") || len(got) != len(tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func describeRows(b document.Block) [][]string {
	var out [][]string
	for _, r := range b.Rows {
		row := []string{}
		for _, c := range r.Cells {
			s := strconv.Itoa(c.Col)
			if c.RowSpan > 1 {
				s += "+" + strconv.Itoa(c.RowSpan)
			}
			if c.ColSpan > 1 {
				s += "x" + strconv.Itoa(c.ColSpan)
			}
			if c.Header {
				s += "h"
			}
			if len(c.Segments) == 0 && c.Text() != "" {
				s += "!"
			}
			row = append(row, s+"="+c.Text())
		}
		out = append(out, row)
	}
	return out
}

func flatten(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, ","))
	}
	return out
}

func TestEmptyCellSpan(t *testing.T) {
	doc := importBody(t, tbl(2, tr(ct(cellOpt{}, "a"), tc(cellOpt{})), tr(`<w:tc/>`, ct(cellOpt{}, "b"))))
	rows := doc.Blocks[0].Rows
	if c := rows[0].Cells[1]; len(c.Segments) != 0 || c.Span.Start != (document.Pos{Line: 2, Col: 1, Ref: "t1/r1/c2"}) {
		t.Errorf("blank cell = %+v", c)
	}
	if c := rows[1].Cells[0]; len(c.Segments) != 0 || c.Span.Start != (document.Pos{Ref: "t1/r2/c1"}) {
		t.Errorf("cell without paragraph = %+v", c)
	}
}

func TestNestedTables(t *testing.T) {
	inner := tbl(2, tr(ct(cellOpt{}, "内1"), ct(cellOpt{}, "内2")), tr(ct(cellOpt{}, "内3"), ct(cellOpt{}, "内4")))
	body := p("前") +
		tbl(2,
			tr(ct(cellOpt{}, "外1"), tc(cellOpt{}, p("外2上"), inner, p("外2下"))),
			tr(ct(cellOpt{}, "外3"), ct(cellOpt{}, "外4"))) +
		p("后")
	doc := importBody(t, body)
	want := []string{"paragraph:前", "table:外1|外2上 外2下/外3|外4", "table:内1|内2/内3|内4", "paragraph:后"}
	if got := texts(doc); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
	// Paragraphs are counted in document order, nested ones included: 前=1, 外1=2, 外2上=3,
	// 内1..内4=4..7, 外2下=8, 外3=9, 外4=10, 后=11. The inner table is table 2.
	outer, in := doc.Blocks[1], doc.Blocks[2]
	if s := outer.Rows[0].Cells[1].Segments; s[0].Start != (document.Pos{Line: 3, Col: 1, Ref: "t1/r1/c2"}) || s[1].Start.Line != 8 {
		t.Errorf("outer cell segments %+v", s)
	}
	if s := in.Rows[1].Cells[1].Segments[0]; s.Start != (document.Pos{Line: 7, Col: 1, Ref: "t2/r2/c2"}) {
		t.Errorf("inner cell segment %+v", s)
	}
	if in.Span.Start != (document.Pos{Line: 4, Col: 1, Ref: "t2"}) || in.Span.End != (document.Pos{Line: 7, Col: 3, Ref: "t2"}) {
		t.Errorf("inner span %+v", in.Span)
	}
	if got := doc.Blocks[3].Span.Start; got != (document.Pos{Line: 11, Col: 1, Ref: "p11"}) {
		t.Errorf("last paragraph at %+v", got)
	}
}

func TestThreeLevelNestedTable(t *testing.T) {
	l3 := tbl(2, tr(ct(cellOpt{}, "三1"), ct(cellOpt{}, "三2")))
	l2 := tbl(2, tr(ct(cellOpt{}, "二1"), tc(cellOpt{}, l3)), tr(ct(cellOpt{span: 2}, "二3")))
	l1 := tbl(2, tr(tc(cellOpt{}, p("一1"), l2), ct(cellOpt{}, "一2")), tr(ct(cellOpt{}, "一3"), ct(cellOpt{}, "一4")))
	doc := importBody(t, l1+p("后"))
	want := []string{"table:一1|一2/一3|一4", "table:二1|/二3", "table:三1|三2", "paragraph:后"}
	if got := texts(doc); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
	if s := doc.Blocks[2].Rows[0].Cells[1].Segments[0].Start; s != (document.Pos{Line: 4, Col: 1, Ref: "t3/r1/c2"}) {
		t.Errorf("level 3 cell at %+v", s)
	}
	if c := doc.Blocks[1].Rows[1].Cells[0]; c.ColSpan != 2 || c.Segments[0].Start.Ref != "t2/r2/c1" {
		t.Errorf("level 2 cell %+v", c)
	}
}

func TestLayoutFrameUnwrapped(t *testing.T) {
	// A whole report inside a one-cell table, as web exports do: its content reads as if the
	// frame were not there, and the data table inside stays a table.
	data := tbl(2, tr(ct(cellOpt{}, "规章"), ct(cellOpt{}, "0")))
	frame := tbl(1, tr(tc(cellOpt{}, styled("1", "一、总体情况"), p("正文"), data, p("结尾"))))
	doc := importBody(t, frame)
	want := []string{"heading:一、总体情况", "paragraph:正文", "table:规章|0", "paragraph:结尾"}
	if got := texts(doc); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
	if s := doc.Blocks[1].Segments[0].Start; s != (document.Pos{Line: 2, Col: 1, Ref: "p2"}) {
		t.Errorf("unwrapped paragraph at %+v", s)
	}
	if s := doc.Blocks[2].Rows[0].Cells[1].Segments[0].Start; s != (document.Pos{Line: 4, Col: 1, Ref: "t2/r1/c2"}) {
		t.Errorf("table cell at %+v", s)
	}
}

func TestPackageVariants(t *testing.T) {
	t.Run("main part named by the relationships", func(t *testing.T) {
		parts := packageParts(p("正文"))
		parts["word/document2.xml"] = parts["word/document.xml"]
		delete(parts, "word/document.xml")
		parts["_rels/.rels"] = strings.Replace(packageRels, `Target="word/document.xml"`, `Target="/word/document2.xml"`, 1)
		parts["word/_rels/document2.xml.rels"] = documentRels
		doc := importBytes(t, zipParts(t, parts))
		if got := texts(doc); len(got) != 1 || got[0] != "paragraph:正文" {
			t.Errorf("got %q", got)
		}
	})
	t.Run("no styles, no rels", func(t *testing.T) {
		doc := importBytes(t, zipParts(t, map[string]string{"word/document.xml": docXML(styled("Heading2", "标题") + p("正文"))}))
		if got := texts(doc); strings.Join(got, "|") != "heading:标题|paragraph:正文" || doc.Blocks[0].Level != 2 {
			t.Errorf("got %q", got)
		}
	})
	t.Run("broken styles part is a note, not a failure", func(t *testing.T) {
		parts := packageParts(styled("1", "一、总体情况"))
		parts["word/styles.xml"] = "<w:styles><w:style"
		doc := importBytes(t, zipParts(t, parts))
		if got := texts(doc); len(got) != 1 || got[0] != "paragraph:一、总体情况" {
			t.Errorf("got %q", got)
		}
		if len(doc.Notes) != 1 || !strings.Contains(doc.Notes[0].Message, "word/styles.xml") {
			t.Errorf("notes = %+v", doc.Notes)
		}
	})
	t.Run("strict OOXML namespace", func(t *testing.T) {
		xml := strings.ReplaceAll(docXML(p("严格")), nsW, nsWStrict)
		doc := importBytes(t, zipParts(t, map[string]string{"word/document.xml": xml}))
		if got := texts(doc); len(got) != 1 || got[0] != "paragraph:严格" {
			t.Errorf("got %q", got)
		}
	})
	t.Run("encoding label utf8", func(t *testing.T) {
		xml := strings.Replace(docXML(p("正文")), `encoding="UTF-8"`, `encoding="utf8"`, 1)
		doc := importBytes(t, zipParts(t, map[string]string{"word/document.xml": xml}))
		if got := texts(doc); len(got) != 1 {
			t.Errorf("got %q", got)
		}
	})
	t.Run("backslash names and upper case", func(t *testing.T) {
		doc := importBytes(t, zipParts(t, map[string]string{`Word\Document.xml`: docXML(p("正文"))}))
		if got := texts(doc); len(got) != 1 {
			t.Errorf("got %q", got)
		}
	})
}

func TestNotDocx(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "文件是空的"},
		{"legacy doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...), "不支持旧版 .doc（Word 97-2003）：请另存为 .docx"},
		{"encrypted docx", append(append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 100)...), utf16le("EncryptedPackage")...), "设有密码"},
		{"pdf", []byte("%PDF-1.7\n"), "PDF"},
		{"rtf", []byte(`{\rtf1\ansi 一}`), "RTF"},
		{"text", []byte("一、总体情况"), "开头没有 ZIP 标志"},
		{"xlsx", zipParts(t, map[string]string{"xl/workbook.xml": "<workbook/>"}), "Excel"},
		{"pptx", zipParts(t, map[string]string{"ppt/presentation.xml": "<p/>"}), "PowerPoint 演示文稿"},
		{"odt", zipParts(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}), "OpenDocument"},
		{"zip without document", zipParts(t, map[string]string{"a.txt": "x"}), "压缩包中没有 word/document.xml"},
		{"broken xml", zipParts(t, map[string]string{"word/document.xml": "<w:document><w:body><w:p>"}), "word/document.xml"},
		{"not utf-8", zipParts(t, map[string]string{"word/document.xml": `<?xml version="1.0" encoding="GBK"?><w:document/>`}), "GBK"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Import(context.Background(), "x.docx", tt.data, limit.Default())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

func TestEmbeddedObjectNote(t *testing.T) {
	body := p("表3见下：") + `<w:p><w:r><w:object><v:shape id="_x0000_i1025" style="width:400pt;height:300pt"/>` +
		`<o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" Type="Embed" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025" r:id="rId9"/></w:object></w:r></w:p>`
	doc := importBody(t, body)
	if len(doc.Notes) != 1 || !strings.Contains(doc.Notes[0].Message, "Excel.Sheet.12") || doc.Notes[0].Span.Start != (document.Pos{Line: 2, Col: 1, Ref: "p2"}) {
		t.Errorf("notes = %+v", doc.Notes)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b strings.Builder
	for i := 0; i < 5000; i++ {
		b.WriteString(p("段落"))
	}
	_, err := Import(ctx, "x.docx", makeDocx(t, b.String()), limit.Default())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}
