package pdf

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/document/doctest"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// corpusDir is the shared corpus, relative to this package.
const corpusDir = "../../../fixtures/corpus/real"

// readFile reads a test input; a missing file fails the test (it must not be skipped).
func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return data
}

func importFile(t testing.TB, path string) *document.Document {
	t.Helper()
	doc, err := Import(context.Background(), path, readFile(t, path), limit.Default())
	if err != nil {
		t.Fatalf("import %s: %v", path, err)
	}
	return doc
}

// t3Row is an expected data row of table 3: the label of the row (its innermost label
// cell, spaces removed) and the seven values 自然人 … 总计.
type t3Row struct {
	label  string
	values string
}

// golden describes what a corpus PDF must give.
type golden struct {
	file          string
	pages         int
	t3Page        int // page where table 3 starts
	t4Page        int
	t3            []t3Row
	t3GroupSpan   int    // rowspan of 三、本年度办理结果
	t4            string // the 15 values of table 4
	extraCellText string // a label cell that crosses a page break, if any
}

var hongze2023T3 = []t3Row{
	{"一、本年新收政府信息公开申请数量", "21 0 0 0 0 0 21"},
	{"二、上年结转政府信息公开申请数量", "0 0 0 0 0 0 0"},
	{"（一）予以公开", "0 0 0 0 0 0 0"},
	{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "4 0 0 0 0 0 4"},
	{"1.属于国家秘密", "1 0 0 0 0 0 1"},
	{"2.其他法律行政止公开", "0 0 0 0 0 0 0"},
	{"3.危及“三安全一稳定”", "0 0 0 0 0 0 0"},
	{"4.保护第三方合法权益", "0 0 0 0 0 0 0"},
	{"5.属于三类内部事务信息", "0 0 0 0 0 0 0"},
	{"6.属于四类过程性信息", "1 0 0 0 0 0 1"},
	{"7.属于行政执法案卷", "1 0 0 0 0 0 1"},
	{"8.属于行政查询事项", "0 0 0 0 0 0 0"},
	{"1.本机关不掌握相关政府信息", "10 0 0 0 0 0 10"},
	{"2.没有现成信息需要另行制作", "3 0 0 0 0 0 3"},
	{"3.补正后申请内容仍不明确", "0 0 0 0 0 0 0"},
	{"1.信访举报投诉类申请", "1 0 0 0 0 0 1"},
	{"2.重复申请", "0 0 0 0 0 0 0"},
	{"3.要求提供公开出版物", "0 0 0 0 0 0 0"},
	{"4.无正当理由大量反复申请", "0 0 0 0 0 0 0"},
	{"5.要求行政机关确认或重新出具已获取信息", "0 0 0 0 0 0 0"},
	{"（六）其他处理", "0 0 0 0 0 0 0"},
	{"（七）总计", "21 0 0 0 0 0 21"},
	{"四、结转下年度继续办理", "0 0 0 0 0 0 0"},
}

var hongze2024T3 = []t3Row{
	{"一、本年新收政府信息公开申请数量", "95 0 0 0 0 0 95"},
	{"二、上年结转政府信息公开申请数量", "0 0 0 0 0 0 0"},
	{"（一）予以公开", "50 0 0 0 0 0 50"},
	{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "9 0 0 0 0 0 9"},
	{"1.属于国家秘密", "0 0 0 0 0 0 0"},
	{"2.其他法律行政止公开", "0 0 0 0 0 0 0"},
	{"3.危及“三安全一稳定”", "1 0 0 0 0 0 1"},
	{"4.保护第三方合法权益", "0 0 0 0 0 0 0"},
	{"5.属于三类内部事务信息", "0 0 0 0 0 0 0"},
	{"6.属于四类过程性信息", "1 0 0 0 0 0 1"},
	{"7.属于行政执法案卷", "1 0 0 0 0 0 1"},
	{"8.属于行政查询事项", "0 0 0 0 0 0 0"},
	{"1.本机关不掌握相关政府信息", "31 0 0 0 0 0 31"},
	{"2.没有现成信息需要另行制作", "1 0 0 0 0 0 1"},
	{"3.补正后申请内容仍不明确", "0 0 0 0 0 0 0"},
	{"1.信访举报投诉类申请", "1 0 0 0 0 0 1"},
	{"2.重复申请", "0 0 0 0 0 0 0"},
	{"3.要求提供公开出版物", "0 0 0 0 0 0 0"},
	{"4.无正当理由大量反复申请", "0 0 0 0 0 0 0"},
	{"5.要求行政机关确认或重新出具已获取信息", "0 0 0 0 0 0 0"},
	// The source draws a ruling after the label of (六) and (七), so the label sits in
	// column 1 and a blank cell in column 2.
	{"（六）其他处理", "0 0 0 0 0 0 0"},
	{"（七）总计", "95 0 0 0 0 0 95"},
	{"四、结转下年度继续办理", "0 0 0 0 0 0 0"},
}

var huaian2024T3 = []t3Row{
	{"一、本年新收政府信息公开申请数量", "3001 53 0 0 61 4 3119"},
	{"二、上年结转政府信息公开申请数量", "34 0 0 0 0 0 34"},
	{"（一）予以公开", "1288 21 0 0 50 3 1362"},
	{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "447 7 0 0 0 0 454"},
	{"1.属于国家秘密", "2 0 0 0 0 0 2"},
	{"2.其他法律行政法规禁止公开", "30 1 0 0 0 0 31"},
	{"3.危及“三安全一稳定”", "5 0 0 0 0 0 5"},
	{"4.保护第三方合法权益", "6 0 0 0 0 0 6"},
	{"5.属于三类内部事务信息", "7 1 0 0 0 0 8"},
	{"6.属于四类过程性信息", "12 0 0 0 0 0 12"},
	{"7.属于行政执法案卷", "9 0 0 0 0 0 9"},
	{"8.属于行政查询事项", "105 0 0 0 0 0 105"},
	{"1.本机关不掌握相关政府信息", "746 12 0 0 10 1 769"},
	{"2.没有现成信息需要另行制作", "11 0 0 0 0 0 11"},
	{"3.补正后申请内容仍不明确", "1 0 0 0 0 0 1"},
	{"1.信访举报投诉类申请", "56 6 0 0 0 0 62"},
	{"2.重复申请", "25 0 0 0 0 0 25"},
	{"3.要求提供公开出版物", "0 0 0 0 0 0 0"},
	{"4.无正当理由大量反复申请", "0 0 0 0 0 0 0"},
	{"5.要求行政机关确认或重新出具已获取信息", "1 0 0 0 0 0 1"},
	{"1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "67 3 0 0 1 0 71"},
	{"2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "6 0 0 0 0 0 6"},
	{"3、其他", "108 2 0 0 0 0 110"},
	{"（七）总计", "2932 53 0 0 61 4 3050"},
	{"四、结转下年度继续办理", "103 0 0 0 0 0 103"},
}

var goldens = []golden{
	{file: "2023_hongzequ.pdf", pages: 5, t3Page: 3, t4Page: 4, t3: hongze2023T3, t3GroupSpan: 20,
		// The real source error: 复议 10+1 but 总计 0; 复议后起诉 5 but 总计 0.
		t4: "10 1 0 0 0 0 0 0 0 0 5 0 0 0 0"},
	{file: "2024_hongzequ.pdf", pages: 5, t3Page: 3, t4Page: 4, t3: hongze2024T3, t3GroupSpan: 20,
		t4: "1 1 0 0 2 1 0 0 0 1 2 0 1 0 3"},
	{file: "2024_huaianshi.pdf", pages: 6, t3Page: 4, t4Page: 5, t3: huaian2024T3, t3GroupSpan: 22,
		t4: "72 64 178 37 351 13 4 8 1 26 12 1 1 6 20", extraCellText: "（四）无 法提供"},
}

func TestCorpus(t *testing.T) {
	for _, g := range goldens {
		t.Run(g.file, func(t *testing.T) {
			doc := importFile(t, filepath.Join(corpusDir, g.file))
			checkGolden(t, doc, g)
			checkPositions(t, doc)
		})
	}
}

func checkGolden(t *testing.T, doc *document.Document, g golden) {
	t.Helper()
	if doc.Format != Format || doc.Pages != g.pages {
		t.Fatalf("format %q pages %d, want pdf %d", doc.Format, doc.Pages, g.pages)
	}
	if len(doc.Notes) != 0 {
		t.Errorf("notes: %+v", doc.Notes)
	}
	t3 := findTable(doc, "申请人情况")
	if t3 == nil {
		t.Fatal("table 3 not found")
	}
	if t3.Span.Start.Page != g.t3Page {
		t.Errorf("table 3 starts on page %d, want %d", t3.Span.Start.Page, g.t3Page)
	}
	checkT3(t, t3, g.t3, g.t3GroupSpan)
	if g.extraCellText != "" && findCell(t3, g.extraCellText) == nil {
		t.Errorf("table 3 has no cell %q", g.extraCellText)
	}
	t4 := findTable(doc, "行政复议")
	if t4 == nil {
		t.Fatal("table 4 not found")
	}
	if t4.Span.Start.Page != g.t4Page {
		t.Errorf("table 4 on page %d, want %d", t4.Span.Start.Page, g.t4Page)
	}
	last := t4.Rows[len(t4.Rows)-1]
	var got []string
	for i, c := range last.Cells {
		if c.Col != i || c.ColSpan != 1 || len(c.Segments) != 1 {
			t.Errorf("table 4 value %d: col %d span %d segments %d", i, c.Col, c.ColSpan, len(c.Segments))
		}
		got = append(got, c.Text())
	}
	if strings.Join(got, " ") != g.t4 {
		t.Errorf("table 4 values\n got %s\nwant %s", strings.Join(got, " "), g.t4)
	}
	if t2 := findTable(doc, "第二十条"); t2 == nil {
		t.Error("table 2 not found")
	}
	checkHeadings(t, doc)
}

// checkT3 compares every data row of table 3: the innermost label, then exactly seven
// cells in grid columns 3…9 holding one number each.
func checkT3(t *testing.T, t3 *document.Block, want []t3Row, groupSpan int) {
	t.Helper()
	var got []t3Row
	for _, r := range t3.Rows {
		var label string
		var vals []string
		for _, c := range r.Cells {
			if c.Col < 3 {
				if txt := strings.ReplaceAll(c.Text(), " ", ""); txt != "" {
					label = txt
				}
				continue
			}
			if c.ColSpan != 1 || len(c.Segments) != 1 || c.Col != 3+len(vals) {
				break
			}
			vals = append(vals, c.Text())
		}
		if len(vals) == 7 && isNumbers(vals) {
			got = append(got, t3Row{label, strings.Join(vals, " ")})
		}
	}
	if len(got) != len(want) {
		t.Errorf("table 3 has %d data rows, want %d: %v", len(got), len(want), got)
	}
	for i := range min(len(got), len(want)) {
		w := want[i]
		w.label = strings.ReplaceAll(w.label, " ", "")
		if got[i] != w {
			t.Errorf("table 3 row %d = %v, want %v", i, got[i], w)
		}
	}
	g := findCell(t3, "三、本年度办理结果")
	if g == nil || g.Col != 0 || g.RowSpan != groupSpan {
		t.Errorf("三、本年度办理结果 cell = %+v, want col 0 rowspan %d", g, groupSpan)
	}
	if c := findCell(t3, "申请人情况"); c == nil || c.ColSpan != 7 || c.Col != 3 {
		t.Errorf("申请人情况 cell = %+v, want col 3 colspan 7", c)
	}
}

func isNumbers(vs []string) bool {
	for _, v := range vs {
		if v == "" || strings.Trim(v, "0123456789.") != "" {
			return false
		}
	}
	return true
}

// checkHeadings wants the six section headings as the start of paragraph lines, in order.
func checkHeadings(t *testing.T, doc *document.Document) {
	t.Helper()
	want := []string{"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
		"四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"}
	k := 0
	for _, b := range doc.Blocks {
		if b.Kind != document.Paragraph {
			continue
		}
		for _, s := range b.Segments {
			if k < len(want) && strings.HasPrefix(strings.ReplaceAll(s.Text, " ", ""), want[k]) {
				k++
			}
		}
	}
	if k != len(want) {
		t.Errorf("found %d of the section headings in order; missing %q", k, want[k])
	}
}

func findTable(doc *document.Document, text string) *document.Block {
	for i, b := range doc.Blocks {
		if b.Kind == document.Table && findCell(&doc.Blocks[i], text) != nil {
			return &doc.Blocks[i]
		}
	}
	return nil
}

func findCell(b *document.Block, text string) *document.Cell {
	for i := range b.Rows {
		for j := range b.Rows[i].Cells {
			c := &b.Rows[i].Cells[j]
			if strings.HasPrefix(c.Text(), text) {
				return c
			}
		}
	}
	return nil
}

// checkPositions checks the document contract (doctest.Check) and, beyond it, that every
// segment has a page and that its text is found at its place in PageLines.
func checkPositions(t testing.TB, doc *document.Document) {
	t.Helper()
	doctest.Check(t, doc)
	pages := map[int][]string{}
	lineAt := func(p, l int) string {
		if _, ok := pages[p]; !ok {
			pages[p] = PageLines(doc, p)
		}
		if l < 1 || l > len(pages[p]) {
			return ""
		}
		return pages[p][l-1]
	}
	seg := func(where string, s document.Segment) {
		if s.Start.Page < 1 || s.Start.Page > doc.Pages {
			t.Errorf("%s: segment %q on page %d of %d", where, s.Text, s.Start.Page, doc.Pages)
			return
		}
		if strings.Contains(s.Text, "\t") {
			t.Errorf("%s: segment with a tab: %q", where, s.Text)
		}
		line := []rune(lineAt(s.Start.Page, s.Start.Line))
		n := utf8.RuneCountInString(s.Text)
		if s.Start.Col < 1 || s.Start.Col-1+n > len(line) || string(line[s.Start.Col-1:s.Start.Col-1+n]) != s.Text {
			t.Errorf("%s: %q is not at %d:%d:%d of the page text %q", where, s.Text, s.Start.Page, s.Start.Line, s.Start.Col, string(line))
		}
	}
	for i, b := range doc.Blocks {
		if b.Span.Start.Page < 1 {
			t.Errorf("block %d: span without a page %+v", i, b.Span)
		}
		for _, s := range b.Segments {
			seg("block", s)
		}
		for _, row := range b.Rows {
			for _, c := range row.Cells {
				for _, s := range c.Segments {
					seg("cell", s)
				}
			}
		}
	}
}

// TestSample reads the synthetic PDF of the sample report (testdata/chanhe_sample.pdf,
// made by testdata/make_chanhe_sample.sh from chanhe_sample.html with LibreOffice): its
// three tables must come out complete, every value a 0 in its grid column.
func TestSample(t *testing.T) {
	doc := importFile(t, "testdata/chanhe_sample.pdf")
	checkPositions(t, doc)
	checkHeadings(t, doc)
	if len(doc.Notes) != 0 {
		t.Errorf("notes: %+v", doc.Notes)
	}
	t3 := findTable(doc, "申请人情况")
	if t3 == nil {
		t.Fatal("table 3 not found")
	}
	var want []t3Row
	for _, l := range []string{"一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开",
		"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
		"3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
		"7.属于行政执法案卷", "8.属于行政查询事项", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
		"3.补正后申请内容仍不明确", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
		"5.要求行政机关确认或重新出具已获取信息", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
		"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计", "四、结转下年度继续办理"} {
		want = append(want, t3Row{l, "0 0 0 0 0 0 0"})
	}
	checkT3(t, t3, want, 22)
	if t3.Span.Start.Page != 1 || t3.Span.End.Page != 2 {
		t.Errorf("table 3 spans pages %d–%d, want one block over 1–2", t3.Span.Start.Page, t3.Span.End.Page)
	}
	t4 := findTable(doc, "行政复议")
	if t4 == nil || len(t4.Rows) != 4 || len(t4.Rows[3].Cells) != 15 || t4.Rows[3].Cells[14].Col != 14 {
		t.Fatalf("table 4 = %+v", t4)
	}
	if c := findCell(t4, "行政诉讼"); c == nil || c.Col != 5 || c.ColSpan != 10 {
		t.Errorf("行政诉讼 = %+v, want col 5 colspan 10", c)
	}
	t2 := findTable(doc, "第二十条")
	if t2 == nil || len(t2.Rows) != 14 {
		t.Fatalf("table 2 = %+v", t2)
	}
}

// TestConcurrent reads the corpus from several goroutines through the shared Engine; run
// with -race it checks that the Engine is safe for concurrent use.
func TestConcurrent(t *testing.T) {
	errs := make(chan error, 2*len(goldens))
	for range 2 {
		for _, g := range goldens {
			data := readFile(t, filepath.Join(corpusDir, g.file))
			go func() {
				doc, err := Import(context.Background(), g.file, data, limit.Default())
				if err == nil && doc.Pages != g.pages {
					err = fmt.Errorf("%s: %d pages", g.file, doc.Pages)
				}
				errs <- err
			}()
		}
	}
	for range 2 * len(goldens) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
