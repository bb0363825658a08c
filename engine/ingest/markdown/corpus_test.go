package markdown

import (
	"os"
	"testing"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/document/doctest"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// row returns the cell texts ("" for blank cells) of the first row of a table whose first
// cell is label, searching all tables.
func row(doc *document.Document, label string) []string {
	for _, t := range doc.Tables() {
		for _, r := range t.Rows {
			if len(r.Cells) == 0 || r.Cells[0].Text() != label {
				continue
			}
			out := make([]string, len(r.Cells))
			for i, c := range r.Cells {
				out[i] = c.Text()
			}
			return out
		}
	}
	return nil
}

func equal(a, b []string) bool {
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

func TestCorpus(t *testing.T) {
	tests := []struct {
		file     string
		blocks   int
		tables   int
		headings []string // the heading texts, in order, that must be present
		rows     map[string][]string
		check    func(t *testing.T, doc *document.Document)
	}{
		{
			file:     "2024_shkewei.md",
			blocks:   28,
			tables:   8,
			headings: []string{"表二：主动公开政府信息情况", "表三：收到和处理政府信息公开申请情况"},
			rows: map[string][]string{
				"规范性文件": {"规范性文件", "13", "0", "55"},
				"一、本年新收政府信息公开申请数量": {"一、本年新收政府信息公开申请数量", "32", "2", "0", "0", "0", "0", "34", ""},
				"（七）总计": {"（七）总计", "33", "2", "0", "0", "0", "0", "35"},
				// The converter left the total of this row blank: blank, not "0".
				"四、结转下年度继续办理": {"四、结转下年度继续办理", "1", "0", "0", "0", "0", "0", ""},
			},
			check: func(t *testing.T, doc *document.Document) {
				last := doc.Tables()[6].Rows[3].Cells[7]
				if len(last.Segments) != 0 || last.Span.Start != (document.Pos{Line: 178, Col: 40}) {
					t.Errorf("blank cell = %+v", last)
				}
				c := doc.Tables()[0].Rows[2].Cells[3]
				if c.Text() != "55" || c.Segments[0].Start != (document.Pos{Line: 89, Col: 20}) {
					t.Errorf("现行有效件数 = %+v", c)
				}
			},
		},
		{
			file:     "2025_shuyangxian.txt",
			blocks:   78,
			tables:   19,
			headings: []string{"沐阳县人民政府 2025 年 政府信息公开工作年度报告", "一、总体情况", "第二十条第（一）项", "四、政府信息公开行政复议、行政诉讼情况"},
			rows: map[string][]string{
				"行政规范性文件":         {"行政规范性文件", "6", "1", "32"},
				"（七）总计":           {"（七）总计", "710", "3", "0", "0", "5", "0", "718"},
				"四、结转下年度继续办理":     {"四、结转下年度继续办理", "31", "0", "0", "0", "0", "0", "31"},
				"1. 本机关不掌握相关政府信息": {"1. 本机关不掌握相关政府信息", "111", "0", "0", "0", "0", "0", "111"},
				"27": {"27", "10", "9", "15", "61"},
				"-":  {"-", "-"},
			},
			check: func(t *testing.T, doc *document.Document) {
				h := doc.Blocks[0]
				if h.Kind != document.Heading || h.Level != 1 || h.Segments[0].Start != (document.Pos{Line: 1, Col: 3}) {
					t.Errorf("title = %+v", h)
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data := readCorpus(t, tc.file)
			doc, err := Import(tc.file, data, "", limit.Default())
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, string(data), doc)
			if doc.Encoding != "utf-8" || len(doc.Blocks) != tc.blocks || len(doc.Tables()) != tc.tables {
				t.Errorf("%s, %d blocks, %d tables; want utf-8, %d, %d", doc.Encoding, len(doc.Blocks), len(doc.Tables()), tc.blocks, tc.tables)
			}
			var heads []string
			for _, b := range doc.Blocks {
				if b.Kind == document.Heading {
					heads = append(heads, b.Text())
				}
			}
			i := 0
			for _, h := range heads {
				if i < len(tc.headings) && h == tc.headings[i] {
					i++
				}
			}
			if i < len(tc.headings) {
				t.Errorf("heading %q missing or out of order in %q", tc.headings[i], heads)
			}
			for label, want := range tc.rows {
				if got := row(doc, label); !equal(got, want) {
					t.Errorf("row %q = %q, want %q", label, got, want)
				}
			}
			if tc.check != nil {
				tc.check(t, doc)
			}
		})
	}
}

func TestTestdata(t *testing.T) {
	tests := []struct {
		file  string
		kinds []document.Kind
		rows  map[string][]string
	}{
		{
			// Lines 91–106 of 2024_shkewei.md: flattened header text, then table 3.
			file:  "shkewei_t3_head.md",
			kinds: []document.Kind{document.Paragraph, document.Heading, document.Table},
			rows:  map[string][]string{"三、": {"三、", "（一）予以公开", "9", "0", "0", "0", "0", "0", "9"}},
		},
		{
			// Lines 155–176 of 2025_shuyangxian.txt: the end of table 3 and table 4.
			file: "shuyangxian_t3_t4.md",
			kinds: []document.Kind{document.Table, document.Heading, document.Heading, document.Table, document.Heading,
				document.Table, document.Heading, document.Table, document.Heading},
			rows: map[string][]string{"（七）总计": {"（七）总计", "710", "3", "0", "0", "5", "0", "718"}, "3": {"3", "0", "0", "0", "3"}},
		},
		{
			// An HTML table inside Markdown, as some converters write it.
			file:  "html_table.md",
			kinds: []document.Kind{document.Heading, document.Table, document.Furniture},
			rows:  map[string][]string{"规章": {"规章", "0", "", "0"}, "行政规范性文件": {"行政规范性文件", "13", "0", "55"}},
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
			checkDocument(t, string(data), doc)
			var kinds []document.Kind
			for _, b := range doc.Blocks {
				kinds = append(kinds, b.Kind)
			}
			if len(kinds) != len(tc.kinds) {
				t.Fatalf("kinds %v, want %v\n%s", kinds, tc.kinds, doctest.Dump(doc))
			}
			for i := range kinds {
				if kinds[i] != tc.kinds[i] {
					t.Fatalf("kinds %v, want %v\n%s", kinds, tc.kinds, doctest.Dump(doc))
				}
			}
			for label, want := range tc.rows {
				if got := row(doc, label); !equal(got, want) {
					t.Errorf("row %q = %q, want %q", label, got, want)
				}
			}
		})
	}
}

func BenchmarkImport(b *testing.B) {
	data := readCorpus(b, "2024_shkewei.md")
	lim := limit.Default()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Import("2024_shkewei.md", data, "", lim); err != nil {
			b.Fatal(err)
		}
	}
}
