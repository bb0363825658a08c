package output

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
)

// The spreadsheet formats (csv, xlsx) share their columns: one row per document with what
// it is about, whether it was read, counts per level and per category and one column per
// rule; the XLSX adds one row per finding.

// categoryLabel is a rule category as spreadsheets and pages show it.
func categoryLabel(c string) string {
	switch c {
	case "section":
		return i18n.T("章节")
	case "arithmetic":
		return i18n.T("数字")
	case "narrative":
		return i18n.T("正文")
	case "metadata":
		return i18n.T("基本信息")
	case "format":
		return i18n.T("格式")
	}
	return c
}

// ruleIDs returns the distinct rule ids of rules, sorted: rules of several packs that share
// an id are one column.
func ruleIDs(rules []finding.Rule) []string {
	var ids []string
	for _, r := range rules {
		ids = append(ids, r.ID)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// documentHeader is the header row of the per-document sheet.
func documentHeader(ids []string) []string {
	h := []string{i18n.C("column", "文档"), i18n.T("发布机关"), i18n.T("机关类别"), i18n.T("地区"), i18n.T("年度"),
		i18n.T("格式版本"), i18n.T("规则包"), i18n.T("完整读取"), i18n.T("无法读取的原因"),
		i18n.C("count", "错误"), i18n.C("count", "警告"), i18n.C("count", "提示"), i18n.T("无法判定")}
	for _, c := range finding.Categories() {
		h = append(h, i18n.Sprintf("类别：%s", categoryLabel(c)))
	}
	return append(h, ids...)
}

// documentRow is one document's row: strings and ints, in documentHeader's order.
func documentRow(r finding.Result, ids []string) []any {
	a := finding.About{}
	if r.About != nil {
		a = *r.About
	}
	read, why := i18n.T("是"), ""
	if r.Err != nil {
		read, why = i18n.T("否"), r.Err.Error()
	}
	var c finding.Counts
	c.Add(r)
	na := 0
	cats := map[string]int{}
	perRule := map[string]int{}
	for _, f := range r.Findings {
		if f.NotAssessable {
			na++
		}
		for _, t := range f.Tags {
			cats[t]++
		}
		perRule[f.RuleID]++
	}
	var year any = ""
	if a.Year != 0 {
		year = a.Year
	}
	row := []any{r.Path, a.Body, kindLabel(a.BodyKind), a.Region, year, a.Edition, r.Pack, read, why,
		c.Error, c.Warning, c.Note, na}
	for _, cat := range finding.Categories() {
		row = append(row, cats[cat])
	}
	for _, id := range ids {
		row = append(row, perRule[id])
	}
	return row
}

// kindLabel is a body kind in the run's language (the kinds of engine/lint.BodyKind).
func kindLabel(kind string) string {
	switch kind {
	case "people_government":
		return i18n.T("人民政府")
	case "government_office":
		return i18n.T("政府办公厅（室）")
	case "department":
		return i18n.T("部门")
	case "township":
		return i18n.T("乡镇、街道")
	case "zone":
		return i18n.T("开发区等")
	case "other":
		return i18n.T("其他")
	}
	return kind
}

// findingHeader is the header row of the per-finding sheet.
func findingHeader() []string {
	return []string{i18n.C("column", "文档"), i18n.T("发布机关"), i18n.T("年度"), i18n.C("column", "规则"), i18n.T("级别"),
		i18n.T("无法判定"), i18n.T("位置"), i18n.T("表格"), i18n.T("行"), i18n.T("列"), i18n.T("原文"),
		i18n.T("相关位置"), i18n.T("应为"), i18n.T("实际"), i18n.T("说明"), i18n.T("位置（行:列）")}
}

// findingRow is one finding's row, in findingHeader's order. A table cell's logical
// location (表三/（七）总计/自然人) is split into table, row and column.
func findingRow(r finding.Result, f finding.Finding) []any {
	a := finding.About{}
	if r.About != nil {
		a = *r.About
	}
	var year any = ""
	if a.Year != 0 {
		year = a.Year
	}
	table, row, col := "", "", ""
	if f.Location.LogicalKind == "element" {
		parts := strings.SplitN(f.Location.Logical, "/", 3)
		table = finding.ShowLogical(parts[0])
		if len(parts) > 1 {
			row = parts[1]
		}
		if len(parts) > 2 {
			col = parts[2]
		}
	}
	na := ""
	if f.NotAssessable {
		na = i18n.T("是")
	}
	var rel []string
	for _, l := range f.Related {
		rel = append(rel, relatedText(l))
	}
	return []any{r.Path, a.Body, year, f.RuleID, levelLabel(f.Level), na, finding.ShowLogical(f.Location.Logical), table, row, col,
		f.Location.Snippet, strings.Join(rel, "\n"), cellValue(f.Expected), cellValue(f.Actual), f.Message, lineCol(f.Location)}
}

// cellValue is a compared value as a spreadsheet cell: a number when it is one, so that
// the column sorts and sums, else the text.
func cellValue(s string) any {
	if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
		return f
	}
	return s
}

// relatedName names a related place after its position: its logical place, what it
// holds and what it is (表三/（七）总计/自然人“0”：本年新收申请总计).
func relatedName(l finding.Location) string {
	s := finding.ShowLogical(l.Logical)
	if l.Snippet != "" {
		s += "“" + l.Snippet + "”"
	}
	if l.Message != "" && l.Message != l.Logical {
		if s != "" {
			s = i18n.Sprintf("%s：%s", s, l.Message)
		} else {
			s = l.Message
		}
	}
	return s
}

// relatedText names a related place for a person: its logical place and what it holds
// (表三/（七）总计/自然人“0”：本年新收申请总计).
func relatedText(l finding.Location) string {
	s := finding.ShowLogical(l.Logical)
	if s == "" {
		s = lineCol(l)
	}
	if l.Snippet != "" {
		s += "“" + l.Snippet + "”"
	}
	if l.Message != "" && l.Message != l.Logical {
		s = i18n.Sprintf("%s：%s", s, l.Message)
	}
	return s
}

// lineCol is line:column (with the page), or the format's own locator.
func lineCol(l finding.Location) string {
	s := l.Span.Start
	var b strings.Builder
	if s.Page > 0 {
		b.WriteString(pageLabel(s.Page) + " ")
	}
	if s.Line > 0 {
		b.WriteString(strconv.Itoa(s.Line) + ":" + strconv.Itoa(s.Col))
	}
	if s.Ref != "" {
		b.WriteString("[" + s.Ref + "]")
	}
	return strings.TrimSpace(b.String())
}

// pageLabel names page n of a paginated document.
func pageLabel(n int) string { return i18n.Sprintf("第 %d 页", n) }

// cellText neutralises a text cell that a spreadsheet would run as a formula (=, +, -, @
// and the control characters some read as such), by a leading apostrophe as OWASP
// recommends; control characters are escaped.
func cellText(s string) string {
	s = EscapeControl(strings.ReplaceAll(s, "\n", "\u2028"))
	s = strings.ReplaceAll(s, "\u2028", "\n")
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
