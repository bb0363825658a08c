package markdown

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/document/doctest"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// corpus is the shared corpus of real reports, relative to this package.
const corpus = "../../../fixtures/corpus/real/"

type seg struct {
	text      string
	line, col int
}

type blk struct {
	kind  document.Kind
	level int
	segs  []seg
}

func segsOf(ss []document.Segment) []seg {
	out := make([]seg, 0, len(ss))
	for _, s := range ss {
		out = append(out, seg{s.Text, s.Start.Line, s.Start.Col})
	}
	return out
}

func importString(t *testing.T, src string) *document.Document {
	t.Helper()
	doc, err := Import("t.md", []byte(src), "", limit.Default())
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	checkDocument(t, src, doc)
	return doc
}

func TestBlocks(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []blk
	}{
		{
			name: "ATX headings",
			in:   "# 标题\n## 一、总体情况 ##\n   ###### 六级\n####### 七级\n#一、没有空格\n#5号楼\n#\n正文",
			want: []blk{
				{document.Heading, 1, []seg{{"标题", 1, 3}}},
				{document.Heading, 2, []seg{{"一、总体情况", 2, 4}}},
				{document.Heading, 6, []seg{{"六级", 3, 11}}},
				{document.Paragraph, 0, []seg{{"####### 七级", 4, 1}}},
				{document.Heading, 1, []seg{{"一、没有空格", 5, 2}}},
				{document.Paragraph, 0, []seg{{"#5号楼", 6, 1}}},
				{document.Paragraph, 0, []seg{{"正文", 8, 1}}},
			},
		},
		{
			name: "blank lines separate paragraphs",
			in:   "甲\n  乙\n\n丙\n",
			want: []blk{
				{document.Paragraph, 0, []seg{{"甲", 1, 1}, {"乙", 2, 3}}},
				{document.Paragraph, 0, []seg{{"丙", 4, 1}}},
			},
		},
		{
			name: "list bullets and quote marks are not text, numbers are",
			in:   "- 项目一\n* 项目二\n+ 项目三\n> 引用\n> - 嵌套\n1.属于国家秘密\n1. 属于国家秘密\n**加粗**\n-8",
			want: []blk{{document.Paragraph, 0, []seg{
				{"项目一", 1, 3}, {"项目二", 2, 3}, {"项目三", 3, 3}, {"引用", 4, 3}, {"嵌套", 5, 5},
				{"1.属于国家秘密", 6, 1}, {"1. 属于国家秘密", 7, 1}, {"**加粗**", 8, 1}, {"-8", 9, 1},
			}}},
		},
		{
			name: "page numbers are furniture",
			in:   "正文\n- 3 -\n第 4 页\n正文",
			want: []blk{
				{document.Paragraph, 0, []seg{{"正文", 1, 1}}},
				{document.Furniture, 0, []seg{{"- 3 -", 2, 1}}},
				{document.Furniture, 0, []seg{{"第 4 页", 3, 1}}},
				{document.Paragraph, 0, []seg{{"正文", 4, 1}}},
			},
		},
		{
			name: "thematic breaks are dropped",
			in:   "甲\n---\n乙\n* * *\n丙",
			want: []blk{
				{document.Paragraph, 0, []seg{{"甲", 1, 1}}},
				{document.Paragraph, 0, []seg{{"乙", 3, 1}}},
				{document.Paragraph, 0, []seg{{"丙", 5, 1}}},
			},
		},
		{
			name: "fenced code is plain text",
			in:   "```\n# 不是标题\n| a | b |\n```\n后",
			want: []blk{
				{document.Paragraph, 0, []seg{{"# 不是标题", 2, 1}, {"| a | b |", 3, 1}}},
				{document.Paragraph, 0, []seg{{"后", 5, 1}}},
			},
		},
		{
			name: "an unclosed fence keeps its last line",
			in:   "甲\n```\n代码\n末行",
			want: []blk{
				{document.Paragraph, 0, []seg{{"甲", 1, 1}}},
				{document.Paragraph, 0, []seg{{"代码", 3, 1}, {"末行", 4, 1}}},
			},
		},
		{
			name: "CRLF and CR line ends",
			in:   "# 标题\r\n正文\r\r三",
			want: []blk{
				{document.Heading, 1, []seg{{"标题", 1, 3}}},
				{document.Paragraph, 0, []seg{{"正文", 2, 1}}},
				{document.Paragraph, 0, []seg{{"三", 4, 1}}},
			},
		},
		{
			name: "a line with a pipe alone is text",
			in:   "甲 | 乙\n第 1 页 | 共 2 页\n- 丙 | 丁",
			want: []blk{{document.Paragraph, 0, []seg{{"甲 | 乙", 1, 1}, {"第 1 页 | 共 2 页", 2, 1}, {"丙 | 丁", 3, 3}}}},
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

// wcell is an expected cell: its text (segments joined by "/"), the start of its first
// segment (0:0 for blank cells) and whether it is a header cell.
type wcell struct {
	text      string
	line, col int
	header    bool
}

func cellsOf(r document.Row) []wcell {
	out := make([]wcell, 0, len(r.Cells))
	for _, c := range r.Cells {
		var parts []string
		for _, s := range c.Segments {
			parts = append(parts, s.Text)
		}
		var at document.Pos
		if len(c.Segments) > 0 {
			at = c.Segments[0].Start
		}
		out = append(out, wcell{strings.Join(parts, "/"), at.Line, at.Col, c.Header})
	}
	return out
}

func TestTables(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		kinds  []document.Kind
		tables [][][]wcell // rows of each table in order
	}{
		{
			name:  "delimiter row marks the header",
			in:    "| 信息内容 | 数量 |\n|---|:--:|\n| 规章 | 0 |",
			kinds: []document.Kind{document.Table},
			tables: [][][]wcell{{
				{{"信息内容", 1, 3, true}, {"数量", 1, 10, true}},
				{{"规章", 3, 3, false}, {"0", 3, 8, false}},
			}},
		},
		{
			name:  "outer pipes are optional",
			in:    "a | b\n--- | ---\nc | d\n| e | f |\ng | h",
			kinds: []document.Kind{document.Table},
			tables: [][][]wcell{{
				{{"a", 1, 1, true}, {"b", 1, 5, true}},
				{{"c", 3, 1, false}, {"d", 3, 5, false}},
				{{"e", 4, 3, false}, {"f", 4, 7, false}},
				{{"g", 5, 1, false}, {"h", 5, 5, false}},
			}},
		},
		{
			name:  "no delimiter row",
			in:    "| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 6 | 1 | 32 |",
			kinds: []document.Kind{document.Table},
			tables: [][][]wcell{{
				{{"规章", 1, 3, false}, {"0", 1, 8, false}, {"0", 1, 12, false}, {"0", 1, 16, false}},
				{{"行政规范性文件", 2, 3, false}, {"6", 2, 13, false}, {"1", 2, 17, false}, {"32", 2, 21, false}},
			}},
		},
		{
			name:   "escaped pipe",
			in:     `| a\|b | \|c | d |`,
			kinds:  []document.Kind{document.Table},
			tables: [][][]wcell{{{{"a|b", 1, 3, false}, {"|c", 1, 10, false}, {"d", 1, 16, false}}}},
		},
		{
			name:   "blank cells have no segments",
			in:     "| 规章 |  | 0 | &nbsp; |　|",
			kinds:  []document.Kind{document.Table},
			tables: [][][]wcell{{{{"规章", 1, 3, false}, {"", 0, 0, false}, {"0", 1, 11, false}, {"", 0, 0, false}, {"", 0, 0, false}}}},
		},
		{
			name:   "br inside a cell separates segments",
			in:     "| 结果<br>纠正 | 其他<BR />结果 | 1 |",
			kinds:  []document.Kind{document.Table},
			tables: [][][]wcell{{{{"结果/纠正", 1, 3, false}, {"其他/结果", 1, 14, false}, {"1", 1, 27, false}}}},
		},
		{
			name:  "dashes as values are data",
			in:    "| (数据项目) | 数量 |\n|---|---|\n| - | -- |",
			kinds: []document.Kind{document.Table},
			tables: [][][]wcell{{
				{{"(数据项目)", 1, 3, true}, {"数量", 1, 12, true}},
				{{"-", 3, 3, false}, {"--", 3, 7, false}},
			}},
		},
		{
			name:  "delimiter rows inside a run stay one table",
			in:    "| 1 | 0 |\n|---|---|\n| 6.属于四类过程性信息 | 1 |\n|---|---|\n| 7.属于行政执法案卷 | 0 |",
			kinds: []document.Kind{document.Table},
			tables: [][][]wcell{{
				{{"1", 1, 3, true}, {"0", 1, 7, true}},
				{{"6.属于四类过程性信息", 3, 3, true}, {"1", 3, 17, true}},
				{{"7.属于行政执法案卷", 5, 3, false}, {"0", 5, 16, false}},
			}},
		},
		{
			name:  "a blank line or text ends a table",
			in:    "| a | b |\n\n| c | d |\n文字\n| e | f |",
			kinds: []document.Kind{document.Table, document.Table, document.Paragraph, document.Table},
			tables: [][][]wcell{
				{{{"a", 1, 3, false}, {"b", 1, 7, false}}},
				{{{"c", 3, 3, false}, {"d", 3, 7, false}}},
				{{{"e", 5, 3, false}, {"f", 5, 7, false}}},
			},
		},
		{
			name:  "an HTML table keeps file positions",
			in:    "正文\n\n<table>\n<tr><td>规章</td><td>0</td></tr>\n<tr><td colspan=2>&nbsp;</td></tr>\n</table>\n\n后文",
			kinds: []document.Kind{document.Paragraph, document.Table, document.Paragraph},
			tables: [][][]wcell{{
				{{"规章", 4, 9, false}, {"0", 4, 20, false}},
				{{"", 0, 0, false}},
			}},
		},
		{
			name:  "a nested HTML table ends at the outer end tag",
			in:    "<table><tr><td>\n<table><tr><td>x</td><td>y</td></tr></table>\n\n</td></tr></table>\n后文",
			kinds: []document.Kind{document.Table, document.Paragraph},
			tables: [][][]wcell{{
				{{"x", 2, 16, false}, {"y", 2, 26, false}},
			}},
		},
		{
			name:  "an unclosed HTML table ends at a blank line",
			in:    "<TABLE border=1><tr><td>a<td>b\n\n后文",
			kinds: []document.Kind{document.Table, document.Paragraph},
			tables: [][][]wcell{{
				{{"a", 1, 25, false}, {"b", 1, 30, false}},
			}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := importString(t, tc.in)
			var kinds []document.Kind
			var tbls []document.Block
			for _, b := range doc.Blocks {
				kinds = append(kinds, b.Kind)
				if b.Kind == document.Table {
					tbls = append(tbls, b)
				}
			}
			if fmt.Sprint(kinds) != fmt.Sprint(tc.kinds) {
				t.Fatalf("block kinds = %v, want %v\n%s", kinds, tc.kinds, doctest.Dump(doc))
			}
			for i, rows := range tc.tables {
				if len(tbls[i].Rows) != len(rows) {
					t.Fatalf("table %d: %d rows, want %d\n%s", i, len(tbls[i].Rows), len(rows), doctest.Dump(doc))
				}
				for r, want := range rows {
					if got := cellsOf(tbls[i].Rows[r]); fmt.Sprint(got) != fmt.Sprint(want) {
						t.Errorf("table %d row %d = %v, want %v", i, r, got, want)
					}
					for c, cl := range tbls[i].Rows[r].Cells {
						if cl.Col != c && len(tc.tables[i][r]) > 1 && !strings.Contains(tc.name, "HTML") {
							t.Errorf("table %d row %d cell %d: Col %d", i, r, c, cl.Col)
						}
					}
				}
			}
		})
	}
}

func TestSpans(t *testing.T) {
	src := "前言\n\n  | 规章 |  | 13 |\n| 规范性文件 | 60 |   \n"
	doc := importString(t, src)
	if len(doc.Blocks) != 2 {
		t.Fatalf("got\n%s", doctest.Dump(doc))
	}
	tb := doc.Blocks[1]
	tests := []struct {
		name string
		got  document.Span
		want document.Span
	}{
		{"table", tb.Span, span(3, 3, 4, 15)},
		{"text cell", tb.Rows[0].Cells[0].Span, span(3, 5, 3, 7)},
		{"blank cell", tb.Rows[0].Cells[1].Span, span(3, 9, 3, 11)},
		{"last cell", tb.Rows[1].Cells[1].Span, span(4, 11, 4, 13)},
		{"paragraph", doc.Blocks[0].Span, span(1, 1, 1, 3)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("span = %+v, want %+v", tc.got, tc.want)
			}
		})
	}
}

func span(l1, c1, l2, c2 int) document.Span {
	return document.Span{Start: document.Pos{Line: l1, Col: c1}, End: document.Pos{Line: l2, Col: c2}}
}

// hostileCase is an input built to exhaust the reader, and what it must give.
type hostileCase struct {
	name    string
	data    string
	wantErr string
	check   func(t *testing.T, doc *document.Document)
}

// hostileCases are inputs built to exhaust the reader: huge lines, deep nesting, grids too
// large to place. TestHostile checks what they give; BenchmarkHostile measures how long.
func hostileCases() []hostileCase {
	return []hostileCase{
		{
			name:    "a 5 MB single line",
			data:    strings.Repeat("政府信息公开 ", 5<<20/19),
			wantErr: "第 1 行：单行长度超过上限",
		},
		{
			name: "a 1 MB single line",
			data: strings.Repeat("政府信息公开 ", 1<<20/19),
			check: func(t *testing.T, doc *document.Document) {
				if len(doc.Blocks) != 1 {
					t.Errorf("%d blocks", len(doc.Blocks))
				}
			},
		},
		{
			name:    "a 5 MB table row",
			data:    strings.Repeat("| 1 ", 5<<20/4),
			wantErr: "单行长度超过上限",
		},
		{
			name:    "a table row of 2,000 cells",
			data:    strings.Repeat("| 1 ", 2000),
			wantErr: "第 1 行：表格一行的单元格数超过上限：2000 个 > 1000 个",
		},
		{
			name:    "a table of 150,000 cells",
			data:    strings.Repeat("| 1 | 2 | 3 |\n", 50000),
			wantErr: "第 33334 行：表格单元格数超过上限：100002 个 > 100000 个",
		},
		{
			name: "a table row of 1,000 cells",
			data: strings.Repeat("| 1 ", 999),
			check: func(t *testing.T, doc *document.Document) {
				if len(doc.Blocks) != 1 || len(doc.Blocks[0].Rows[0].Cells) != 999 {
					t.Errorf("%d blocks", len(doc.Blocks))
				}
			},
		},
		{
			name: "a million short lines",
			data: strings.Repeat("| a |\n- 3 -\n# h\n\n", 1<<20/16),
		},
		{
			name:    "5 MB of br in one cell",
			data:    "| " + strings.Repeat("<br>", 5<<20/4) + " |",
			wantErr: "单行长度超过上限",
		},
		{
			name: "1 MB of br in one cell",
			data: "| " + strings.Repeat("<br>", 1<<20/4-1) + " |",
		},
		{
			name:    "deeply nested HTML table",
			data:    "<table>" + strings.Repeat("<div>", 100000) + "\n",
			wantErr: "嵌套层数超过上限",
		},
		{
			// Each unclosed table ends at the next blank line; finding that must not rescan
			// the rest of the file (quadratic). Every embedded table costs a tokenizer.
			name: "many unclosed HTML tables",
			data: strings.Repeat("<table><tr><td>a<td>b\n\n", 50000),
			check: func(t *testing.T, doc *document.Document) {
				if len(doc.Blocks) != 50000 {
					t.Errorf("%d blocks", len(doc.Blocks))
				}
			},
		},
		{
			name: "an unclosed fence",
			data: "```\n" + strings.Repeat("# 标题\n", 100000),
		},
	}
}

func TestHostile(t *testing.T) {
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Import("hostile.md", []byte(tc.data), "", limit.Default())
			if tc.wantErr != "" {
				var le *limit.Error
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !errors.As(err, &le) {
					t.Fatalf("error = %v, want a *limit.Error %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			doctest.CheckOrder(t, doc)
			if tc.check != nil {
				tc.check(t, doc)
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
				_, _ = Import("hostile.md", []byte(tc.data), "", limit.Default())
			}
		})
	}
}

func readCorpus(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(corpus + name)
	if err != nil {
		tb.Fatalf("corpus file missing: %v", err)
	}
	return data
}

// checkDocument checks the document contract, source order and that each segment starts at
// its first character in src (or at the '&' or '\' that escapes it).
func checkDocument(t *testing.T, src string, doc *document.Document) {
	t.Helper()
	doctest.CheckSource(t, src, doc, `&\`)
	if err := doc.InSourceOrder(); err != nil {
		t.Error(err)
	}
}

// Images are noted once, at the first: Markdown images and <img> in the text; those in code
// blocks are not images, and those in embedded HTML tables are noted by the HTML reader.
func TestImagesNoted(t *testing.T) {
	src := "# 二、主动公开政府信息情况\n\n表二见下图：![表二](t2.png)\n\n```\n![not an image](x.png)\n```\n\n<img src=\"t3.png\">\n"
	doc := importString(t, src)
	if len(doc.Notes) != 1 {
		t.Fatalf("notes = %+v", doc.Notes)
	}
	n := doc.Notes[0]
	if n.Message != "正文中有 2 张图片，图片中的内容没有检查；表格如以图片发布，请人工核对" || n.Span.Start != (document.Pos{Line: 3, Col: 7}) {
		t.Errorf("note = %+v", n)
	}
	tbl := "<table><tr><td>甲</td><td><img src=a.png></td></tr><tr><td>乙</td><td>1</td></tr></table>\n"
	if doc := importString(t, tbl); len(doc.Notes) != 1 || !strings.Contains(doc.Notes[0].Message, "正文中有 1 张图片") {
		t.Errorf("an image in an HTML table: %+v", doc.Notes)
	}
}

// A converter writes a merged cell once per column it spans: a column that repeats its
// left neighbour in every row of a band, header words included, is that cell's
// continuation; repeated numbers alone are data.
func TestRepeatedColumnsMerge(t *testing.T) {
	type got struct {
		text         string
		col, colspan int
	}
	rowsOf := func(doc *document.Document) [][]got {
		var out [][]got
		for _, b := range doc.Blocks {
			if b.Kind != document.Table {
				continue
			}
			for _, r := range b.Rows {
				var row []got
				for _, c := range r.Cells {
					row = append(row, got{cellText(c), c.Col, c.ColSpan})
				}
				out = append(out, row)
			}
		}
		return out
	}
	tests := []struct {
		name string
		in   string
		want [][]got
	}{
		{
			name: "a header and its values repeated in the last column",
			in: "| 第二十条第（八）项 | 第二十条第（八）项 | 第二十条第（八）项 | 第二十条第（八）项 |\n|---|---|---|---|\n" +
				"| 信息内容 | 上一年项目数量 | 本年增/减 | 本年增/减 |\n| 行政事业性收费 | 29 | -3 | -3 |\n" +
				"| 第二十条第（九）项 | 第二十条第（九）项 | 第二十条第（九）项 | 第二十条第（九）项 |\n" +
				"| 信息内容 | 采购项目数量 | 采购总金额 | 采购总金额 |\n| 政府集中采购 | 9 | 0 | 0 |",
			want: [][]got{
				{{"第二十条第（八）项", 0, 1}, {"第二十条第（八）项", 1, 1}, {"第二十条第（八）项", 2, 1}, {"第二十条第（八）项", 3, 1}},
				{{"信息内容", 0, 1}, {"上一年项目数量", 1, 1}, {"本年增/减", 2, 2}},
				{{"行政事业性收费", 0, 1}, {"29", 1, 1}, {"-3", 2, 2}},
				{{"第二十条第（九）项", 0, 1}, {"第二十条第（九）项", 1, 1}, {"第二十条第（九）项", 2, 1}, {"第二十条第（九）项", 3, 1}},
				{{"信息内容", 0, 1}, {"采购项目数量", 1, 1}, {"采购总金额", 2, 2}},
				{{"政府集中采购", 0, 1}, {"9", 1, 1}, {"0", 2, 2}},
			},
		},
		{
			name: "equal numbers under different headers stay apart",
			in:   "| 信息内容 | 本年新制作数量 | 本年新公开数量 |\n|---|---|---|\n| 规章 | 0 | 0 |\n| 规范性文件 | 3 | 3 |",
			want: [][]got{
				{{"信息内容", 0, 1}, {"本年新制作数量", 1, 1}, {"本年新公开数量", 2, 1}},
				{{"规章", 0, 1}, {"0", 1, 1}, {"0", 2, 1}},
				{{"规范性文件", 0, 1}, {"3", 1, 1}, {"3", 2, 1}},
			},
		},
		{
			name: "rows of numbers alone are never merged",
			in:   "| 商业企业 | 0 | 0 | 5 |\n| 科研机构 | 0 | 0 | 5 |",
			want: [][]got{
				{{"商业企业", 0, 1}, {"0", 1, 1}, {"0", 2, 1}, {"5", 3, 1}},
				{{"科研机构", 0, 1}, {"0", 1, 1}, {"0", 2, 1}, {"5", 3, 1}},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := importString(t, tc.in)
			if g := rowsOf(doc); fmt.Sprint(g) != fmt.Sprint(tc.want) {
				t.Errorf("got  %v\nwant %v", g, tc.want)
			}
			if err := doc.Validate(); err != nil {
				t.Error(err)
			}
		})
	}
}
