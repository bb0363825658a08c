package output

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/reportlint/reportlint/engine/finding"
)

func sheetResults() []finding.Result {
	rs := results()
	rs[0].About = &finding.About{Body: "=HYPERLINK(\"http://x\")局", BodyKind: "department", Region: "上海市", Year: 2023, Edition: "2021"}
	return rs
}

func renderSheet(t *testing.T, format string, rs []finding.Result) []byte {
	t.Helper()
	var buf bytes.Buffer
	rep, err := New(format, &buf, Options{ToolVersion: "9.9.9"})
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.Begin(rules()); err != nil {
		t.Fatal(err)
	}
	var s Summary
	for _, r := range rs {
		s.Add(r)
		if err := rep.Result(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := rep.End(s); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// column returns the value of the named column in row.
func column(t *testing.T, header, row []string, name string) string {
	t.Helper()
	i := slices.Index(header, name)
	if i < 0 {
		t.Fatalf("no column %q in %q", name, header)
	}
	return row[i]
}

func checkDocumentRows(t *testing.T, rows [][]string) {
	t.Helper()
	if len(rows) != 5 {
		t.Fatalf("%d rows, want a header and 4 documents: %q", len(rows), rows)
	}
	h := rows[0]
	// Rules shared by packs (T3-ROW-SUM in p and q) are one column.
	if n := len(h); n != 13+len(finding.Categories())+3 {
		t.Errorf("%d columns: %q", n, h)
	}
	a := rows[1]
	for name, want := range map[string]string{
		"文档": "a.txt", "发布机关": "'=HYPERLINK(\"http://x\")局", "机关类别": "部门", "地区": "上海市", "年度": "2023",
		"格式版本": "2021", "规则包": "p@1.0.0", "完整读取": "是", "错误": "1", "警告": "1", "提示": "1", "无法判定": "1",
		"类别：数字": "1", "类别：正文": "1", "类别：格式": "1", "类别：章节": "0", "NAR-APPLICATIONS": "1", "T3-ROW-SUM": "1", "PDF-RULE": "1",
	} {
		if got := column(t, h, a, name); got != want {
			t.Errorf("a.txt %s = %q, want %q", name, got, want)
		}
	}
	bad := rows[2]
	if column(t, h, bad, "完整读取") != "否" || !strings.Contains(column(t, h, bad, "无法读取的原因"), "no such file") {
		t.Errorf("unreadable row: %q", bad)
	}
	if column(t, h, rows[4], "T3-ROW-SUM") != "1" || column(t, h, rows[4], "规则包") != "q@2.1.0" {
		t.Errorf("old.txt row: %q", rows[4])
	}
}

func TestCSV(t *testing.T) {
	out := renderSheet(t, "csv", sheetResults())
	if !bytes.HasPrefix(out, []byte("\ufeff")) {
		t.Fatal("no UTF-8 byte-order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	checkDocumentRows(t, rows)
	if again := renderSheet(t, "csv", sheetResults()); !bytes.Equal(out, again) {
		t.Error("two runs differ")
	}
}

func TestXLSX(t *testing.T) {
	out := renderSheet(t, "xlsx", sheetResults())
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"文档", "发现"}) {
		t.Fatalf("sheets %q", got)
	}
	rows, err := f.GetRows("文档")
	if err != nil {
		t.Fatal(err)
	}
	checkDocumentRows(t, rows)
	fs, err := f.GetRows("发现")
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1+3+1 {
		t.Fatalf("%d finding rows, want a header and 4 findings: %q", len(fs), fs)
	}
	h := fs[0]
	var nar []string
	for _, r := range fs[1:] {
		if column(t, h, r, "规则") == "NAR-APPLICATIONS" {
			nar = r
		}
	}
	if nar == nil {
		t.Fatal("no NAR-APPLICATIONS row")
	}
	for name, want := range map[string]string{"文档": "a.txt", "级别": "错误", "原文": "3", "位置": "一、总体情况",
		"相关位置": "表三/一/总计“0”：表三本年新收申请总计", "年度": "2023", "应为": "0", "实际": "3"} {
		if got := column(t, h, nar, name); got != want {
			t.Errorf("NAR-APPLICATIONS %s = %q, want %q", name, got, want)
		}
	}
	// The compared values are numbers, so that the columns sort and sum.
	numbers := 0
	for i := 2; i <= len(fs); i++ {
		cell, _ := excelize.CoordinatesToCellName(slices.Index(h, "实际")+1, i)
		if v, _ := f.GetCellValue("发现", cell); v == "3" {
			typ, _ := f.GetCellType("发现", cell)
			if typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset { // a cell with no type is a number
				numbers++
			}
		}
	}
	if numbers != 1 {
		t.Errorf("实际 3 is not one number cell")
	}
	for _, r := range fs[1:] {
		if column(t, h, r, "规则") == "T3-ROW-SUM" && column(t, h, r, "文档") == "a.txt" {
			if column(t, h, r, "表格") != "表三" || column(t, h, r, "行") != "一" || column(t, h, r, "列") != "科研机构" || column(t, h, r, "无法判定") != "是" {
				t.Errorf("cell not split into table, row, column: %q", r)
			}
		}
	}
	for range 5 { // excelize writes its parts in map order; the reporter sorts them
		if again := renderSheet(t, "xlsx", sheetResults()); !bytes.Equal(out, again) {
			t.Fatal("two runs differ")
		}
	}
}
