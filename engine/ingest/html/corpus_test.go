package html

import (
	"os"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/document/doctest"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// rowCells returns, for the first row of table tbl whose cell at grid column 0..2 has
// text label, the text of its cells by grid column ("" for blank cells), or nil.
func rowCells(tbl document.Block, label string) map[int]string {
	for _, r := range tbl.Rows {
		for _, c := range r.Cells {
			if c.Text() != label {
				continue
			}
			out := map[int]string{}
			for _, c := range r.Cells {
				out[c.Col] = c.Text()
			}
			return out
		}
	}
	return nil
}

// rowWant is an expected row of a corpus table: its label and the cell texts at the grid
// columns after it.
type rowWant struct {
	table int
	label string
	cols  []int
	texts []string
}

// corpusCase is a corpus file and what its import must give.
type corpusCase struct {
	file      string
	encoding  string
	blocks    int
	tables    int
	first     string // the first block's text
	rows      []rowWant
	forbidden []string // page furniture that must have been dropped
	check     func(t *testing.T, doc *document.Document)
}

func TestCorpus(t *testing.T) {
	tests := []corpusCase{
		{
			file:     "2023_pingtan.html",
			encoding: "utf-8",
			blocks:   28,
			tables:   3,
			first:    "平潭综合实验区2023年度政府信息公开工作年度报告",
			rows: []rowWant{
				{0, "行政规范性文件", []int{1, 2, 3}, []string{"77", "132", "470"}},
				{1, "一、本年新收政府信息公开申请数量", []int{3, 4, 5, 6, 7, 8, 9}, []string{"80", "1", "0", "0", "0", "0", "81"}},
				{1, "（七）总计", []int{3, 4, 5, 6, 7, 8, 9}, []string{"80", "1", "0", "0", "0", "0", "81"}},
				{1, "1.本机关不掌握相关政府信息", []int{3, 9}, []string{"31", "31"}},
			},
			forbidden: []string{"福建省人民政府", "扫一扫在手机上查看当前页面", "文字解读", "文件下载", "首页"},
			check:     checkPingtan2023,
		},
		{
			file:      "2024_pingtan.html",
			encoding:  "utf-8",
			blocks:    21,
			tables:    3,
			first:     "平潭综合实验区2024年度政府信息公开工作年度报告",
			forbidden: []string{"福建省人民政府", "扫一扫在手机上查看当前页面", "首页"},
			rows: []rowWant{
				{1, "一、本年新收政府信息公开申请数量", []int{3, 4, 5, 6, 7, 8, 9}, []string{"217", "1", "0", "0", "0", "0", "218"}},
				{1, "（七）总计", []int{3, 9}, []string{"217", "218"}},
			},
			check: checkPingtan2024,
		},
		{
			file:     "2019_shanghaishibgt.html",
			encoding: "utf-8",
			blocks:   39,
			tables:   3,
			first:    "2019年上海市人民政府办公厅政府信息公开工作年度报告",
			rows: []rowWant{
				{0, "政府集中采购", []int{1, 3}, []string{"6", "251000元"}},
				{1, "一、本年新收政府信息公开申请数量", []int{3, 4, 5, 6, 7, 8, 9}, []string{"821", "35", "", "", "2", "1", "859"}},
				{1, "二、上年结转政府信息公开申请数量", []int{3, 4, 5, 6, 7, 8, 9}, []string{"18", "", "", "", "", "", "18"}},
				{1, "（六）其他处理", []int{3, 9}, []string{"", ""}},
				{1, "四、结转下年度继续办理", []int{3, 9}, []string{"72", "72"}},
			},
			check: checkShanghai2019,
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) { checkCorpusFile(t, tc) })
	}
}

// checkCorpusFile imports the corpus file of tc and checks the document against tc.
func checkCorpusFile(t *testing.T, tc corpusCase) {
	data := readCorpus(t, tc.file)
	doc, err := Import(tc.file, data, "", limit.Default())
	if err != nil {
		t.Fatal(err)
	}
	doctest.CheckSource(t, string(data), doc, "&")
	if doc.Encoding != tc.encoding || len(doc.Blocks) != tc.blocks || len(doc.Notes) != 0 {
		t.Errorf("encoding %s, %d blocks, notes %v; want %s, %d blocks", doc.Encoding, len(doc.Blocks), doc.Notes, tc.encoding, tc.blocks)
	}
	tbls := doc.Tables()
	if len(tbls) != tc.tables {
		t.Fatalf("%d tables, want %d", len(tbls), tc.tables)
	}
	if got := doc.Blocks[0].Text(); got != tc.first {
		t.Errorf("first block %q, want %q", got, tc.first)
	}
	for _, rw := range tc.rows {
		checkRow(t, tbls, rw)
	}
	all := allText(doc)
	for _, f := range tc.forbidden {
		if strings.Contains(all, f) {
			t.Errorf("page furniture %q kept", f)
		}
	}
	if tc.check != nil {
		tc.check(t, doc)
	}
}

// checkRow checks that the tables tbls hold the expected row rw.
func checkRow(t *testing.T, tbls []document.Block, rw rowWant) {
	t.Helper()
	cells := rowCells(tbls[rw.table], rw.label)
	if cells == nil {
		t.Errorf("table %d: no row %q", rw.table, rw.label)
		return
	}
	for i, col := range rw.cols {
		if cells[col] != rw.texts[i] {
			t.Errorf("table %d row %q col %d = %q, want %q", rw.table, rw.label, col, cells[col], rw.texts[i])
		}
	}
}

// checkPingtan2023 checks the tables of 2023_pingtan.html: the spans of the group labels of
// table 3, a header split by <br/>, and a total of table 4.
func checkPingtan2023(t *testing.T, doc *document.Document) {
	t3 := doc.Tables()[1]
	// "三、本年度办理结果" spans 22 rows; "（三）不予公开" 8.
	if c, _ := t3.Rows[5].Cell(0); c.Text() != "三、本年度办理结果" || c.RowSpan != 22 {
		t.Errorf("T3 row 5 col 0 = %q rowspan %d", c.Text(), c.RowSpan)
	}
	if c, _ := t3.Rows[7].Cell(1); c.Text() != "（三）不予公开" || c.RowSpan != 8 {
		t.Errorf("T3 row 7 col 1 = %q rowspan %d", c.Text(), c.RowSpan)
	}
	t4 := doc.Tables()[2]
	hdr, _ := t4.Rows[1].Cell(1)
	if len(hdr.Segments) != 2 || hdr.Segments[0].Text != "结果" || hdr.Segments[1].Text != "纠正" {
		t.Errorf("T4 header split by <br/>: %+v", hdr.Segments)
	}
	if c, _ := t4.Rows[3].Cell(14); c.Text() != "2" {
		t.Errorf("T4 复议后起诉 总计 = %q", c.Text())
	}
}

// checkPingtan2024 checks the tables of 2024_pingtan.html: a header padded with &nbsp; runs,
// and the totals of table 4.
func checkPingtan2024(t *testing.T, doc *document.Document) {
	t3 := doc.Tables()[1]
	// Header text padded with &nbsp; runs in extra <p>s: only the words remain.
	if c, _ := t3.Rows[2].Cell(7); c.Text() != "法律 服务 机构" {
		t.Errorf("T3 header = %q", c.Text())
	}
	t4 := doc.Tables()[2]
	if a, _ := t4.Rows[3].Cell(4); a.Text() != "7" {
		t.Errorf("T4 复议总计 = %q", a.Text())
	}
	if b, _ := t4.Rows[3].Cell(14); b.Text() != "19" {
		t.Errorf("T4 复议后起诉总计 = %q", b.Text())
	}
}

// checkShanghai2019 checks the tables of 2019_shanghaishibgt.html: blank cells have no
// segments, and the totals of table 4.
func checkShanghai2019(t *testing.T, doc *document.Document) {
	// Blank is not "0": &nbsp; cells have no segments at all.
	t3 := doc.Tables()[1]
	for _, r := range t3.Rows {
		for _, c := range r.Cells {
			for _, s := range c.Segments {
				if strings.TrimSpace(s.Text) == "" || strings.Contains(s.Text, "\u00a0") {
					t.Errorf("blank segment %+v", s)
				}
			}
		}
	}
	if c, _ := t3.Rows[4].Cell(4); len(c.Segments) != 0 || c.Span.IsZero() {
		t.Errorf("blank cell: %+v", c)
	}
	t4 := doc.Tables()[2]
	if c, _ := t4.Rows[3].Cell(4); c.Text() != "7" {
		t.Errorf("T4 复议总计 = %q", c.Text())
	}
	if c, _ := t4.Rows[3].Cell(1); len(c.Segments) != 0 {
		t.Errorf("T4 结果纠正 should be blank: %q", c.Text())
	}
}

func TestTestdata(t *testing.T) {
	tests := []struct {
		file   string
		first  string
		tables int
		check  func(t *testing.T, doc *document.Document)
	}{
		{
			// An excerpt of 2023_pingtan.html: head, navigation, article header, the start
			// of the TRS_Editor content and its table 4, the related-links column.
			file:   "portal_excerpt.html",
			first:  "平潭综合实验区2023年度政府信息公开工作年度报告",
			tables: 1,
			check: func(t *testing.T, doc *document.Document) {
				if got := doc.Blocks[1].Segments[1]; got.Text != "时间：2024-03-08 15:34" || got.Start != (document.Pos{Line: 96, Col: 64}) {
					t.Errorf("publication line = %+v", got)
				}
				c, _ := doc.Tables()[0].Rows[3].Cell(9)
				if c.Text() != "5" || c.Segments[0].Start.Line != 138 {
					t.Errorf("T4 直接起诉总计 = %+v", c)
				}
			},
		},
		{
			// The table 3 of 2019_shanghaishibgt.html, preceded by its heading.
			file:   "shanghai_t3.html",
			first:  "三、收到和处理政府信息公开申请情况",
			tables: 1,
			check: func(t *testing.T, doc *document.Document) {
				cells := rowCells(doc.Tables()[0], "（七）总计")
				if cells[3] != "767" || cells[5] != "" || cells[9] != "805" {
					t.Errorf("（七）总计 = %v", cells)
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile("testdata/" + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Import(tc.file, data, "", limit.Default())
			if err != nil {
				t.Fatal(err)
			}
			doctest.CheckSource(t, string(data), doc, "&")
			if doc.Blocks[0].Text() != tc.first || len(doc.Tables()) != tc.tables {
				t.Fatalf("first %q, %d tables\n%s", doc.Blocks[0].Text(), len(doc.Tables()), doctest.Dump(doc))
			}
			tc.check(t, doc)
		})
	}
}

func BenchmarkImport(b *testing.B) {
	data := readCorpus(b, "2023_pingtan.html")
	lim := limit.Default()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Import("2023_pingtan.html", data, "", lim); err != nil {
			b.Fatal(err)
		}
	}
}
