package html

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/document/doctest"
	"github.com/reportlint/reportlint/engine/ingest/charset"
	"github.com/reportlint/reportlint/engine/ingest/limit"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// corpus is the shared corpus of real reports, relative to this package.
const corpus = "../../../fixtures/corpus/real/"

// seg is an expected segment: text and start line:col.
type seg struct {
	text      string
	line, col int
}

// blk is an expected non-table block.
type blk struct {
	kind  document.Kind
	level int
	segs  []seg
}

func importString(t *testing.T, src string) *document.Document {
	t.Helper()
	doc, err := Import("t.html", []byte(src), "", limit.Default())
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	doctest.CheckSource(t, src, doc, "&")
	return doc
}

func TestImportBlocks(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []blk
	}{
		{
			name: "inline elements do not end a paragraph",
			in:   "<p><strong>一、总体情况</strong></p>\n<p>正文<span>第一</span>段</p>",
			want: []blk{
				{document.Paragraph, 0, []seg{{"一、总体情况", 1, 12}}},
				{document.Paragraph, 0, []seg{{"正文第一段", 2, 4}}},
			},
		},
		{
			name: "headings keep their level",
			in:   "<h1>标题</h1><h3 class=x>（一）小节</h3><p>正文</p>",
			want: []blk{
				{document.Heading, 1, []seg{{"标题", 1, 5}}},
				{document.Heading, 3, []seg{{"（一）小节", 1, 24}}},
				{document.Paragraph, 0, []seg{{"正文", 1, 37}}},
			},
		},
		{
			name: "br and block elements end paragraphs",
			in:   "<div>甲<br>乙<br/>丙<div>丁</div>戊</div><ul><li>一<li>二</ul>",
			want: []blk{
				{document.Paragraph, 0, []seg{{"甲", 1, 6}}},
				{document.Paragraph, 0, []seg{{"乙", 1, 11}}},
				{document.Paragraph, 0, []seg{{"丙", 1, 17}}},
				{document.Paragraph, 0, []seg{{"丁", 1, 23}}},
				{document.Paragraph, 0, []seg{{"戊", 1, 30}}},
				{document.Paragraph, 0, []seg{{"一", 1, 45}}},
				{document.Paragraph, 0, []seg{{"二", 1, 50}}},
			},
		},
		{
			name: "character references are decoded and leading nbsp skipped",
			in:   "<p>&nbsp;&nbsp;一、总体&amp;情况&nbsp;</p>",
			want: []blk{{document.Paragraph, 0, []seg{{"一、总体&情况", 1, 16}}}},
		},
		{
			name: "one segment per source line",
			in:   "<p>\n  第一行\n\t第二行 <b>加粗</b>\n</p>",
			want: []blk{{document.Paragraph, 0, []seg{{"第一行", 2, 3}, {"第二行 加粗", 3, 2}}}},
		},
		{
			name: "CRLF and lone CR end lines",
			in:   "<p>甲</p>\r\n<p>乙</p>\r<p>丙</p>",
			want: []blk{
				{document.Paragraph, 0, []seg{{"甲", 1, 4}}},
				{document.Paragraph, 0, []seg{{"乙", 2, 4}}},
				{document.Paragraph, 0, []seg{{"丙", 3, 4}}},
			},
		},
		{
			name: "a tag spanning lines splits the segment",
			in:   "<p>甲<span\nclass=x>乙</span></p>",
			want: []blk{{document.Paragraph, 0, []seg{{"甲", 1, 4}, {"乙", 2, 9}}}},
		},
		{
			name: "scripts, styles, comments, templates and head are skipped",
			in: "<html><head><title>页面</title><style>p{}</style><script>var a = '<p>x</p>';</script></head>" +
				"<body><!-- 注释 --><noscript>启用脚本</noscript><template><p>模板</p></template><p>正文</p>" +
				"<select><option>选项</select><button>关闭</button></body></html>",
			want: []blk{{document.Paragraph, 0, []seg{{"正文", 1, 166}}}},
		},
		{
			name: "title is used only when the body is empty",
			in:   "<html><head><title> 年度报告 </title></head><body><p> </p></body></html>",
			want: []blk{{document.Heading, 0, []seg{{"年度报告", 1, 21}}}},
		},
		{
			name: "unclosed paragraphs and list items",
			in:   "<p>甲<p>乙<ul><li>丙<li>丁</ul>",
			want: []blk{
				{document.Paragraph, 0, []seg{{"甲", 1, 4}}},
				{document.Paragraph, 0, []seg{{"乙", 1, 8}}},
				{document.Paragraph, 0, []seg{{"丙", 1, 17}}},
				{document.Paragraph, 0, []seg{{"丁", 1, 22}}},
			},
		},
		{
			name: "stray end tags are ignored",
			in:   "<div>甲</span></td></p>乙</div>",
			want: []blk{{document.Paragraph, 0, []seg{{"甲乙", 1, 6}}}},
		},
		{
			name: "text between inline elements keeps inner spaces",
			in:   "<p><span>Annual</span> <span>report</span>&nbsp;</p>",
			want: []blk{{document.Paragraph, 0, []seg{{"Annual report", 1, 10}}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := importString(t, tc.in)
			if len(doc.Blocks) != len(tc.want) {
				t.Fatalf("got %d blocks, want %d:\n%s", len(doc.Blocks), len(tc.want), doctest.Dump(doc))
			}
			for i, w := range tc.want {
				b := doc.Blocks[i]
				if b.Kind != w.kind || b.Level != w.level {
					t.Errorf("block %d: %s level %d, want %s level %d", i, b.Kind, b.Level, w.kind, w.level)
				}
				if got := segsOf(b.Segments); fmt.Sprint(got) != fmt.Sprint(w.segs) {
					t.Errorf("block %d segments = %v, want %v", i, got, w.segs)
				}
			}
		})
	}
}

func segsOf(ss []document.Segment) []seg {
	out := make([]seg, 0, len(ss))
	for _, s := range ss {
		out = append(out, seg{s.Text, s.Start.Line, s.Start.Col})
	}
	return out
}

// cell is an expected table cell: grid column, spans, text (segments joined by "/"),
// header flag.
type cell struct {
	col, rs, cs int
	text        string
	header      bool
}

func cellsOf(r document.Row) []cell {
	out := make([]cell, 0, len(r.Cells))
	for _, c := range r.Cells {
		var parts []string
		for _, s := range c.Segments {
			parts = append(parts, s.Text)
		}
		out = append(out, cell{c.Col, c.RowSpan, c.ColSpan, strings.Join(parts, "/"), c.Header})
	}
	return out
}

func TestTables(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		kinds []document.Kind // block kinds in order; the first table's rows are checked
		rows  [][]cell
	}{
		{
			name:  "header cells and plain rows",
			in:    "<table><tr><th>项目</th><th>数量</th></tr><tr><td>规章</td><td>0</td></tr></table>",
			kinds: []document.Kind{document.Table},
			rows: [][]cell{
				{{0, 1, 1, "项目", true}, {1, 1, 1, "数量", true}},
				{{0, 1, 1, "规章", false}, {1, 1, 1, "0", false}},
			},
		},
		{
			name: "rowspan and colspan resolve to grid columns",
			in: `<table>
<tr><td colspan="3" rowspan="3">说明</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td rowspan="2">三、结果</td><td colspan="2">（一）予以公开</td><td>5</td></tr>
<tr><td rowspan="1">（二）</td><td>甲</td><td>6</td></tr>
</table>`,
			kinds: []document.Kind{document.Table},
			rows: [][]cell{
				{{0, 3, 3, "说明", false}, {3, 1, 7, "申请人情况", false}},
				{{3, 2, 1, "自然人", false}, {4, 1, 5, "法人或其他组织", false}, {9, 2, 1, "总计", false}},
				{{4, 1, 1, "商业企业", false}, {5, 1, 1, "科研机构", false}, {6, 1, 1, "社会公益组织", false}, {7, 1, 1, "法律服务机构", false}, {8, 1, 1, "其他", false}},
				{{0, 2, 1, "三、结果", false}, {1, 1, 2, "（一）予以公开", false}, {3, 1, 1, "5", false}},
				{{1, 1, 1, "（二）", false}, {2, 1, 1, "甲", false}, {3, 1, 1, "6", false}},
			},
		},
		{
			name:  "blank cells have no segments, zero is text",
			in:    `<table><tr><td><p align="center">&nbsp;</p></td><td> 0 </td><td>　</td><td></td></tr></table>`,
			kinds: []document.Kind{document.Table},
			rows:  [][]cell{{{0, 1, 1, "", false}, {1, 1, 1, "0", false}, {2, 1, 1, "", false}, {3, 1, 1, "", false}}},
		},
		{
			name:  "paragraphs and br inside a cell are segments",
			in:    "<table><tr><td><p>结果<br/>纠正</p><p>&nbsp;&nbsp;</p><p>其<span>他</span></p></td><td>1</td></tr></table>",
			kinds: []document.Kind{document.Table},
			rows:  [][]cell{{{0, 1, 1, "结果/纠正/其他", false}, {1, 1, 1, "1", false}}},
		},
		{
			name:  "implied end tags of cells and rows",
			in:    "<table><tr><td>a<td>b<tr><td>c<td>d</table><p>后</p>",
			kinds: []document.Kind{document.Table, document.Paragraph},
			rows:  [][]cell{{{0, 1, 1, "a", false}, {1, 1, 1, "b", false}}, {{0, 1, 1, "c", false}, {1, 1, 1, "d", false}}},
		},
		{
			name:  "stray end tags do not leave the cell",
			in:    "<div><table><tr><td><span>a</div></span></td><td>b</td></tr></table></div>",
			kinds: []document.Kind{document.Table},
			rows:  [][]cell{{{0, 1, 1, "a", false}, {1, 1, 1, "b", false}}},
		},
		{
			name: "a layout table around a data table is read as flow",
			in: "<table><tr><td><p>一、总体情况</p><p>正文</p>" +
				"<table><tr><td>规章</td><td>0</td></tr></table><p>后文</p></td></tr></table>",
			kinds: []document.Kind{document.Paragraph, document.Paragraph, document.Table, document.Paragraph},
			rows:  [][]cell{{{0, 1, 1, "规章", false}, {1, 1, 1, "0", false}}},
		},
		{
			name:  "a one-cell table is text",
			in:    "<table><tr><td>说明文字</td></tr></table>",
			kinds: []document.Kind{document.Paragraph},
		},
		{
			name:  "a caption becomes a paragraph before the table",
			in:    "<table><caption>表一</caption><tr><td>a</td><td>b</td></tr></table>",
			kinds: []document.Kind{document.Paragraph, document.Table},
			rows:  [][]cell{{{0, 1, 1, "a", false}, {1, 1, 1, "b", false}}},
		},
		{
			name:  "row spans past the last row are cut",
			in:    "<table><tr><td rowspan=22>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
			kinds: []document.Kind{document.Table},
			rows:  [][]cell{{{0, 2, 1, "a", false}, {1, 1, 1, "b", false}}, {{1, 1, 1, "c", false}}},
		},
		{
			name:  "cells without a row and odd span values",
			in:    `<table><td colspan="0">a</td><td colspan=" 2px">b</td><td rowspan=x>c</td></table>`,
			kinds: []document.Kind{document.Table},
			rows:  [][]cell{{{0, 1, 1, "a", false}, {1, 1, 2, "b", false}, {3, 1, 1, "c", false}}},
		},
		{
			name:  "a heading inside a cell is cell text",
			in:    "<table><tr><td><h2>甲</h2>乙</td><td>1</td></tr></table>",
			kinds: []document.Kind{document.Table},
			rows:  [][]cell{{{0, 1, 1, "甲/乙", false}, {1, 1, 1, "1", false}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := importString(t, tc.in)
			var kinds []document.Kind
			var tbl *document.Block
			for i := range doc.Blocks {
				kinds = append(kinds, doc.Blocks[i].Kind)
				if doc.Blocks[i].Kind == document.Table && tbl == nil {
					tbl = &doc.Blocks[i]
				}
			}
			if fmt.Sprint(kinds) != fmt.Sprint(tc.kinds) {
				t.Fatalf("block kinds = %v, want %v\n%s", kinds, tc.kinds, doctest.Dump(doc))
			}
			if tc.rows == nil {
				return
			}
			if len(tbl.Rows) != len(tc.rows) {
				t.Fatalf("got %d rows, want %d\n%s", len(tbl.Rows), len(tc.rows), doctest.Dump(doc))
			}
			for r, want := range tc.rows {
				if got := cellsOf(tbl.Rows[r]); fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("row %d = %v, want %v", r, got, want)
				}
			}
		})
	}
}

func TestCellSpans(t *testing.T) {
	src := "<table>\n<tr><td>规章</td><td>\n  <p>13</p></td></tr>\n<tr><td>a<td>&nbsp;</tr></table>"
	doc := importString(t, src)
	if len(doc.Blocks) != 1 {
		t.Fatalf("got %d blocks\n%s", len(doc.Blocks), doctest.Dump(doc))
	}
	b := doc.Blocks[0]
	want := document.Span{Start: document.Pos{Line: 1, Col: 1}, End: document.Pos{Line: 4, Col: 33}}
	if b.Span != want {
		t.Errorf("table span = %+v, want %+v", b.Span, want)
	}
	tests := []struct {
		name     string
		row, col int
		span     document.Span
		segs     []seg
	}{
		{"explicitly closed", 0, 0, document.Span{Start: document.Pos{Line: 2, Col: 5}, End: document.Pos{Line: 2, Col: 16}}, []seg{{"规章", 2, 9}}},
		{"text on the next line", 0, 1, document.Span{Start: document.Pos{Line: 2, Col: 16}, End: document.Pos{Line: 3, Col: 17}}, []seg{{"13", 3, 6}}},
		{"implicitly closed", 1, 0, document.Span{Start: document.Pos{Line: 4, Col: 5}, End: document.Pos{Line: 4, Col: 10}}, []seg{{"a", 4, 9}}},
		{"blank", 1, 1, document.Span{Start: document.Pos{Line: 4, Col: 10}, End: document.Pos{Line: 4, Col: 20}}, []seg{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := b.Rows[tc.row].Cells[tc.col]
			if c.Span != tc.span {
				t.Errorf("span = %+v, want %+v", c.Span, tc.span)
			}
			if got := segsOf(c.Segments); fmt.Sprint(got) != fmt.Sprint(tc.segs) {
				t.Errorf("segments = %v, want %v", got, tc.segs)
			}
		})
	}
}

func TestArticle(t *testing.T) {
	nav := strings.Repeat(`<li><a href="/x">首页导航栏目链接</a></li>`, 40)
	footer := `<div class="footer"><p>主办单位：某某区人民政府办公室</p><p>网站标识码：1234567890</p></div>`
	article := `<p>本报告根据条例编制，统计期限自2023年1月1日起至2023年12月31日止。</p>` +
		`<p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table>` +
		strings.Repeat(`<p>二〇二三年，区政府坚持以公开为常态、不公开为例外，持续推进政务公开。</p>`, 10)
	tests := []struct {
		name      string
		in        string
		first     string // text of the first block
		tables    int
		forbidden []string // texts that must not appear
	}{
		{
			name: "TRS_Editor container",
			in: `<html><head><title>某区2023年政府信息公开工作年度报告_年报_某区政府</title></head><body>` +
				`<ul class="nav">` + nav + `</ul><div class="main"><div class="article_title">某区2023年政府信息公开工作年度报告</div>` +
				`<span>来源：区政府办</span><span>时间：2024-01-20</span><div><a href="#">打印</a></div>` +
				`<div class=TRS_Editor>` + article + `</div></div>` + footer + `</body></html>`,
			first:     "某区2023年政府信息公开工作年度报告",
			tables:    1,
			forbidden: []string{"首页导航栏目链接", "主办单位", "网站标识码", "打印"},
		},
		{
			name: "no marker: the deepest element with most of the text",
			in: `<html><body><div id="top"><ul>` + nav + `</ul></div><div class="wrap"><div class="txt">` + article +
				`</div></div>` + footer + `</body></html>`,
			first:     "本报告根据条例编制，统计期限自2023年1月1日起至2023年12月31日止。",
			tables:    1,
			forbidden: []string{"首页导航栏目链接", "主办单位"},
		},
		{
			name: "a title that is not the page title is not pulled in",
			in: `<html><head><title>另一个标题</title></head><body><div>` + nav + `</div><h1>网站名称</h1>` +
				`<div id="zoom">` + article + `</div>` + footer + `</body></html>`,
			first:     "本报告根据条例编制，统计期限自2023年1月1日起至2023年12月31日止。",
			tables:    1,
			forbidden: []string{"网站名称", "主办单位"},
		},
		{
			name:   "a fragment is all article",
			in:     `<ul>` + nav + `</ul>` + article + footer,
			first:  "首页导航栏目链接",
			tables: 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := importString(t, tc.in)
			if len(doc.Blocks) == 0 {
				t.Fatal("no blocks")
			}
			if got := doc.Blocks[0].Text(); got != tc.first {
				t.Errorf("first block = %q, want %q", got, tc.first)
			}
			if n := len(doc.Tables()); n != tc.tables {
				t.Errorf("%d tables, want %d", n, tc.tables)
			}
			all := allText(doc)
			for _, f := range tc.forbidden {
				if strings.Contains(all, f) {
					t.Errorf("navigation text %q was kept", f)
				}
			}
		})
	}
}

func TestCharset(t *testing.T) {
	gbk := func(s string) []byte {
		b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name string
		data []byte
		hint string
		enc  string
		text string
	}{
		{"meta charset", gbk(`<html><head><meta charset="gbk"></head><body><p>一、总体情况</p></body></html>`), "", charset.GB18030, "一、总体情况"},
		{"http-equiv", gbk(`<meta http-equiv="Content-Type" content="text/html; charset=GB2312"><p>年度报告</p>`), "", charset.GB18030, "年度报告"},
		{"sniffed GBK", gbk(`<p>政府信息公开</p>`), "", charset.GB18030, "政府信息公开"},
		{"UTF-8 despite a GBK meta", []byte(`<meta charset="gbk"><p>政府信息公开</p>`), "", charset.UTF8, "政府信息公开"},
		{"hint wins over meta", gbk(`<meta charset="utf-8"><p>年报</p>`), "gbk", charset.GB18030, "年报"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Import("t.html", tc.data, tc.hint, limit.Default())
			if err != nil {
				t.Fatal(err)
			}
			if doc.Encoding != tc.enc || len(doc.Blocks) != 1 || doc.Blocks[0].Text() != tc.text {
				t.Errorf("got %s %q, want %s %q", doc.Encoding, allText(doc), tc.enc, tc.text)
			}
		})
	}
}

func TestContentCharset(t *testing.T) {
	for in, want := range map[string]string{
		"text/html; charset=gbk":       "gbk",
		"text/html;charset=\"GB2312\"": "GB2312",
		"text/html; charset = utf-8 ;": "utf-8",
		"text/html":                    "",
		"charset":                      "",
	} {
		if got := contentCharset(in); got != want {
			t.Errorf("contentCharset(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFragment(t *testing.T) {
	src := "<table>\n<tr><td>规章</td><td>0</td></tr>\n</table>"
	blocks, notes, err := Fragment(src, document.Pos{Line: 10, Col: 1}, limit.Default())
	if err != nil || len(notes) != 0 {
		t.Fatalf("err %v notes %v", err, notes)
	}
	if len(blocks) != 1 || blocks[0].Kind != document.Table {
		t.Fatalf("got %+v", blocks)
	}
	c := blocks[0].Rows[0].Cells[1]
	if c.Segments[0].Start != (document.Pos{Line: 11, Col: 20}) || blocks[0].Span.Start != (document.Pos{Line: 10, Col: 1}) {
		t.Errorf("cell at %+v, table at %+v", c.Segments[0].Start, blocks[0].Span.Start)
	}
}

func TestSegments(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		at   document.Pos
		want []seg
	}{
		{"plain", " 13 ", document.Pos{Line: 4, Col: 10}, []seg{{"13", 4, 11}}},
		{"nbsp only", "&nbsp;\u3000 ", document.Pos{Line: 1, Col: 1}, []seg{}},
		{"reference inside", "a&lt;b", document.Pos{Line: 2, Col: 3}, []seg{{"a<b", 2, 3}}},
		{"two lines", "甲\n  乙", document.Pos{Line: 1, Col: 5}, []seg{{"甲", 1, 5}, {"乙", 2, 3}}},
		{"not a reference", "R&D &", document.Pos{}, []seg{{"R&D &", 1, 1}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := segsOf(Segments(tc.raw, tc.at)); fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// hostileCase is an input built to exhaust the reader, and what it must give.
type hostileCase struct {
	name    string
	data    []byte
	lim     limit.Limits
	wantErr string // substring of the error, or "" for a document
	check   func(t *testing.T, doc *document.Document, err error)
}

// hostileCases are inputs built to exhaust the reader: huge lines, deep nesting, grids too
// large to place. TestHostile checks what they give; BenchmarkHostile measures how long.
func hostileCases() []hostileCase {
	big := func(n int, f func(*strings.Builder)) string {
		var sb strings.Builder
		sb.Grow(n)
		for sb.Len() < n {
			f(&sb)
		}
		return sb.String()
	}
	invalid := append([]byte(`<html><head><meta charset="gbk"></head><body><p>`), []byte("\x81\x30\xff\xfe\xa1\xa1\x80\x80\x80\xfd\xfd")...)
	return []hostileCase{
		{
			name:    "100000 nested divs",
			data:    []byte(strings.Repeat("<div>", 100000) + "深" + strings.Repeat("</div>", 100000)),
			lim:     limit.Default(),
			wantErr: "嵌套层数超过上限",
			check: func(t *testing.T, _ *document.Document, err error) {
				var le *limit.Error
				if !errors.As(err, &le) || le.What != "nesting depth" || le.Limit != 512 {
					t.Errorf("error %v is not a nesting *limit.Error", err)
				}
			},
		},
		{
			name: "100000 nested divs without a depth limit",
			data: []byte(strings.Repeat("<div>", 100000) + "深" + strings.Repeat("</div>", 100000)),
			lim:  limit.Limits{},
			check: func(t *testing.T, doc *document.Document, _ error) {
				if allText(doc) != "深" {
					t.Errorf("got %q", allText(doc))
				}
			},
		},
		{
			name: "huge rowspan and colspan",
			data: []byte(`<table><tr><td rowspan=999999 colspan=999999>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>`),
			lim:  limit.Default(),
			check: func(t *testing.T, doc *document.Document, _ error) {
				tb := doc.Blocks[0]
				a, b := tb.Rows[0].Cells[0], tb.Rows[0].Cells[1]
				if a.ColSpan != maxSpan || a.RowSpan != 2 || b.Col != maxSpan || tb.Rows[1].Cells[0].Col != maxSpan || tb.Rows[1].Cells[1].Col != maxSpan+1 {
					t.Errorf("grid: %+v %+v %+v", a, b, tb.Rows[1].Cells)
				}
				if len(doc.Notes) != 2 {
					t.Errorf("want 2 notes about clamping, got %v", doc.Notes)
				}
			},
		},
		{
			name:    "a grid too large to place",
			data:    []byte("<table><tr>" + strings.Repeat("<td colspan=1000>x", 5000) + "</table>"),
			lim:     limit.Default(),
			wantErr: "表格网格大小超过上限",
		},
		{
			name: "unclosed tags everywhere",
			data: []byte(`<html><body><div><table><tr><td><p><b><i>甲<td>乙<tr><td>丙<div><span>丁`),
			lim:  limit.Default(),
			check: func(t *testing.T, doc *document.Document, _ error) {
				if n := len(doc.Tables()); n != 1 || !strings.Contains(allText(doc), "丙 丁") {
					t.Errorf("got:\n%s", doctest.Dump(doc))
				}
			},
		},
		{
			name: "unterminated tag and comment",
			data: []byte(`<p>甲</p><!-- 注释 <p>乙`),
			lim:  limit.Default(),
		},
		{
			name:    "invalid bytes with a GBK meta",
			data:    invalid,
			lim:     limit.Default(),
			wantErr: "不是文本文件",
		},
		{
			name: "GBK text with a few invalid bytes",
			data: func() []byte {
				b, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(`<meta charset="gbk"><p>` + strings.Repeat("政府信息公开工作年度报告", 20) + "</p>"))
				return append(b, 0xff, 0x80, 0xfe)
			}(),
			lim: limit.Default(),
			check: func(t *testing.T, doc *document.Document, _ error) {
				if doc.Encoding != charset.GB18030 || !strings.HasPrefix(allText(doc), "政府信息公开工作年度报告") {
					t.Errorf("got %s %q", doc.Encoding, allText(doc))
				}
			},
		},
		{
			name: "a 5 MB single-line page",
			data: []byte(`<html><body><div class=nav>` + big(1<<20, func(sb *strings.Builder) { sb.WriteString(`<a href="/">首页</a>`) }) +
				`</div><div class=TRS_Editor>` + big(4<<20, func(sb *strings.Builder) {
				sb.WriteString(`<p>政府信息公开&nbsp;工作</p><table><tr><td>规章</td><td>0</td></tr></table>`)
			}) + `</div></body></html>`),
			lim: limit.Default(),
			check: func(t *testing.T, doc *document.Document, _ error) {
				if len(doc.Tables()) < 40000 {
					t.Errorf("only %d tables", len(doc.Tables()))
				}
			},
		},
		{
			name: "a 5 MB text token",
			data: []byte("<p>" + strings.Repeat("报告", 5<<20/6) + "</p>"),
			lim:  limit.Default(),
		},
	}
}

func TestHostile(t *testing.T) {
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Import("hostile.html", tc.data, "", tc.lim)
			switch {
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("error = %v, want %q", err, tc.wantErr)
			case tc.wantErr == "" && err != nil:
				t.Fatalf("error = %v", err)
			}
			if doc != nil {
				doctest.Check(t, doc)
			}
			if tc.check != nil {
				tc.check(t, doc, err)
			}
		})
	}
}

// BenchmarkHostile measures the hostile inputs: each must stay linear, in the order of a
// second or less for megabytes (make bench reports it; a test does not time it).
func BenchmarkHostile(b *testing.B) {
	for _, tc := range hostileCases() {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				_, _ = Import("hostile.html", tc.data, "", tc.lim)
			}
		})
	}
}

func allText(doc *document.Document) string {
	var parts []string
	for _, b := range doc.Blocks {
		parts = append(parts, b.Text())
	}
	return strings.Join(parts, "\n")
}

func readCorpus(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(corpus + name)
	if err != nil {
		tb.Fatalf("corpus file missing: %v", err)
	}
	return data
}

// A colspan that runs into a rowspan from the row above is cut where the other cell
// begins, with a note, so that no grid place holds two cells.
func TestOverlappingSpans(t *testing.T) {
	doc := importString(t, "<table><tr><td>a<td rowspan=2>b<td>c<tr><td colspan=3>d</table>")
	tbl := doc.Tables()
	if len(tbl) != 1 || len(tbl[0].Rows) != 2 {
		t.Fatalf("got\n%s", doctest.Dump(doc))
	}
	if got := cellsOf(tbl[0].Rows[1]); fmt.Sprint(got) != fmt.Sprint([]cell{{0, 1, 1, "d", false}}) {
		t.Errorf("second row = %v", got)
	}
	if len(doc.Notes) != 1 || !strings.Contains(doc.Notes[0].Message, "colspan=3") || !strings.Contains(doc.Notes[0].Message, "按 1 处理") {
		t.Errorf("notes = %+v", doc.Notes)
	}
}

// Images in the content are counted in one note at the first of them (a table published as
// a picture cannot be checked); images outside the article, or in skipped markup, are not.
func TestImagesNoted(t *testing.T) {
	doc := importString(t, "<p>二、主动公开政府信息情况</p>\n<p><img src=\"t2.png\"></p>\n<table><tr><td>甲<td><img src=x></table>\n<noscript><img src=y></noscript>")
	if len(doc.Notes) != 1 {
		t.Fatalf("notes = %+v", doc.Notes)
	}
	n := doc.Notes[0]
	if n.Message != "正文中有 2 张图片，图片中的内容没有检查；表格如以图片发布，请人工核对" || n.Span.Start != (document.Pos{Line: 2, Col: 4}) {
		t.Errorf("note = %+v", n)
	}
	if doc := importString(t, "<p>一、总体情况</p><p>正文</p>"); len(doc.Notes) != 0 {
		t.Errorf("notes without images: %+v", doc.Notes)
	}
	// A portal page: the logo in the header is not the report's.
	page := `<html><head><title>t</title></head><body><div class="header"><img src="/logo.png"><a href="/">首页</a></div>` +
		`<div class="article_content"><p>一、总体情况</p><p>` + strings.Repeat("本机关依法公开政府信息。", 20) + `</p></div></body></html>`
	if doc := importString(t, page); len(doc.Notes) != 0 {
		t.Errorf("a header logo was noted: %+v", doc.Notes)
	}
}
