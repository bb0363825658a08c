//go:build ignore

// gen writes the HTML sources of the carrier fixtures: one report (the sample's narrative
// with non-zero numbers that balance in every row and column) in several table layouts
// that office suites print differently. make.sh turns each into PDFs.
//
//	go run gen.go
package main

import (
	"fmt"
	"os"
	"strings"
)

// layout is one way of writing the tables.
type layout struct {
	name string
	doc  string // what the layout stresses, written into the HTML as a comment
	// table and td are the inline styles of tables and cells (LibreOffice reads inline
	// styles and attributes, not style sheets); attrs are the table's attributes.
	table, td, attrs string
	// sides draws each cell's right and bottom border only, the top and left ones only
	// on the table's edge, as Word's HTML export does (border-left:none; border-top:none).
	sides bool
	// gaps leaves out a few inner borders: between two values of table 4 and under one
	// row of table 3, as hand-edited tables have.
	gaps bool
	// cols3 and cols4 are <col> widths of tables 3 and 4 (empty: automatic).
	cols3, cols4 []string
	// thead puts the header rows of tables 3 and 4 in <thead>, which browsers repeat on
	// every page the table runs over.
	thead bool
	// before3 and before4 are paragraphs of extra text before tables 3 and 4, to move
	// them down the page so that they run over a page break.
	before3, before4 int
	// lines4 is one-line paragraphs after the others before table 4, to place its page
	// break exactly.
	lines4 int
	// align gives number cells of table 3 column c the alignment align[c%len(align)].
	align []string
	// sheet is a style sheet for the page: borders given there are drawn by browsers, but
	// LibreOffice ignores them and prints the tables without rulings.
	sheet string
	// footer adds a page-number footer (CSS margin box for browsers, a StarWriter footer
	// division for LibreOffice).
	footer bool
}

var layouts = []layout{
	{
		name:  "plain",
		doc:   "tables as the template draws them: collapsed 0.5pt borders, equal widths",
		attrs: `border="1" cellspacing="0" width="100%"`,
		table: "border-collapse:collapse",
		td:    "border:0.5pt solid #000;padding:2pt;text-align:center;font-size:9pt",
	},
	{
		name:  "widths",
		doc:   "unequal column widths: narrow label columns wrap labels over two or three lines, header cells split across lines, numbers aligned left, right or centre",
		attrs: `cellspacing="0" width="100%"`,
		table: "border-collapse:collapse",
		td:    "border:1px solid #000;padding:1pt 3pt;text-align:center;font-size:10.5pt",
		cols3: []string{"6%", "9%", "19%", "14%", "7%", "11%", "6%", "13%", "5%", "10%"},
		cols4: []string{"4%", "8%", "5%", "9%", "6%", "7%", "5%", "8%", "4%", "9%", "5%", "6%", "8%", "4%", "12%"},
		align: []string{"right", "left", "center", "right", "left", "right", "center"},
	},
	{
		name:  "separate",
		doc:   "borders not collapsed: every cell draws its own 1px box, 4px apart, inside a thick outer border",
		attrs: `cellspacing="4" width="100%"`,
		table: "border-collapse:separate;border-spacing:4px;border:1.5pt solid #000",
		td:    "border:1px solid #000;padding:2pt;text-align:center;font-size:9pt",
	},
	{
		name:  "double",
		doc:   "double borders (3px double), as word processors draw a table's frame",
		attrs: `border="1" cellspacing="0" width="100%"`,
		table: "border-collapse:collapse",
		td:    "border:3px double #000;padding:2pt;text-align:center;font-size:9pt",
	},
	{
		name:  "sides",
		doc:   "borders drawn per side as Word exports them (right and bottom only inside), some inner borders missing, automatic widths",
		attrs: `cellspacing="0" align="center"`,
		table: "border-collapse:collapse;border:none",
		td:    "padding:5px;text-align:center;font-size:10pt",
		sides: true,
		gaps:  true,
	},
	{
		name:  "sheet",
		doc:   "borders in the page's style sheet, which LibreOffice ignores (tables without rulings), numbers centred",
		attrs: `cellspacing="0" cellpadding="3" width="100%"`,
		sheet: "table { border-collapse: collapse; } td { border: 1px solid #000; }",
		td:    "text-align:center;font-size:10.5pt",
	},
	{
		name:  "sheetalign",
		doc:   "borders in the style sheet (no rulings in LibreOffice), unequal widths, numbers aligned left, right or centre so that some touch: ambiguous, the tables must be doubted",
		attrs: `cellspacing="0" width="100%"`,
		sheet: "table { border-collapse: collapse; } td { border: 1px solid #000; }",
		td:    "padding:1pt 3pt;text-align:center;font-size:10.5pt",
		cols3: []string{"6%", "9%", "19%", "14%", "7%", "11%", "6%", "13%", "5%", "10%"},
		cols4: []string{"4%", "8%", "5%", "9%", "6%", "7%", "5%", "8%", "4%", "9%", "5%", "6%", "8%", "4%", "12%"},
		align: []string{"right", "left", "center", "right", "left", "right", "center"},
	},
	{
		name:    "split",
		doc:     "table 3 runs over a page break with its header repeated, page numbers in the footer",
		attrs:   `cellspacing="0" width="100%"`,
		table:   "border-collapse:collapse",
		td:      "border:0.75pt solid #000;padding:3pt;text-align:center;font-size:10pt",
		thead:   true,
		before3: 2,
		footer:  true,
	},
	{
		name:    "flow",
		doc:     "tables 3 and 4 run over page breaks without repeating their headers (table 4's values on the page after its header), page numbers between, cells drawn per side",
		attrs:   `cellspacing="0" width="100%"`,
		table:   "border-collapse:collapse",
		td:      "padding:2pt;text-align:center;font-size:10pt",
		sides:   true,
		before3: 1,
		before4: 5,
		lines4:  2,
		footer:  true,
	},
}

// Table 3: rows in template order, seven values each (the last the row total).
var t3Labels = []string{
	"一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量",
	"（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
	"1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
	"5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
	"1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
	"1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
	"5.要求行政机关确认或重新出具已获取信息",
	"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
	"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
	"（七）总计", "四、结转下年度继续办理",
}

// t3Values makes numbers of one to four digits that balance: every row's total, the
// result rows' sum in （七）总计, and 新收 + 结转 = 总计 + 结转下年度 in every column.
func t3Values() [][]int {
	v := make([][]int, len(t3Labels))
	for i := range v {
		v[i] = make([]int, 7)
	}
	seed := uint32(2024)
	next := func(n int) int {
		seed = seed*1103515245 + 12345
		return int(seed>>16) % n
	}
	scale := []int{1200, 40, 9, 15, 120, 30} // natural persons ask most
	for r := 2; r < 23; r++ {
		for c := 0; c < 6; c++ {
			if next(3) == 0 {
				continue // many cells are 0
			}
			v[r][c] = next(scale[c]) + 1
		}
	}
	for c := 0; c < 6; c++ {
		for r := 2; r < 23; r++ {
			v[23][c] += v[r][c]
		}
		v[24][c] = next(scale[c]/3 + 2)         // carried to next year
		v[1][c] = next(scale[c]/4 + 2)          // carried from last year
		v[0][c] = v[23][c] + v[24][c] - v[1][c] // received this year
		if v[0][c] < 0 {
			v[1][c] += -v[0][c]
			v[0][c] = 0
		}
	}
	for r := range v {
		for c := 0; c < 6; c++ {
			v[r][6] += v[r][c]
		}
	}
	return v
}

// t4Values: 复议, 直接起诉, 复议后起诉, each 维持 纠正 其他 尚未审结 总计.
var t4Values = []int{7, 2, 13, 1, 23, 16, 0, 4, 3, 23, 1, 5, 0, 2, 8}

func main() {
	for _, l := range layouts {
		if err := os.WriteFile(l.name+".html", []byte(page(l)), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

func page(l layout) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>瀍河回族区政务服务和大数据管理局2023年政府信息公开工作年度报告</title>
<!-- layout ` + l.name + `: ` + l.doc + ` -->
<style>
body { font-family: "WenQuanYi Zen Hei", sans-serif; font-size: 11pt; }
p.i { text-indent: 2em; }
`)
	if l.footer {
		b.WriteString("@page { @bottom-center { content: \"- \" counter(page) \" -\"; font-size: 9pt; } }\n")
	}
	b.WriteString(l.sheet + "\n</style></head><body>\n")
	if l.footer {
		b.WriteString(`<div title="footer"><p style="text-align:center">- <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield> -</p></div>` + "\n")
	}
	b.WriteString(`<h1 style="font-size:16pt;text-align:center">瀍河回族区政务服务和大数据管理局2023年政府信息公开工作年度报告</h1>
<p>一、总体情况</p>
<p class="i">2023年，区政数局严格贯彻落实《中华人民共和国政府信息公开条例》，现将2023年政府信息公开工作年度报告编制如下。本年报中所列数据的统计期限为2023年1月1日至2023年12月31日。</p>
<p class="i">主动公开方面，全年公开政务服务事项1387项；依申请公开方面，全年收到政府信息公开申请8320件；政府信息管理方面，落实保密审查；政府信息公开平台建设方面，依托区政府门户网站公开；监督保障方面，成立政务公开领导小组。</p>
<p>二、主动公开政府信息情况</p>
`)
	b.WriteString(table2(l))
	b.WriteString("<p>三、收到和处理政府信息公开申请情况</p>\n")
	b.WriteString(filler(l.before3))
	b.WriteString(table3(l))
	b.WriteString("<p>四、政府信息公开行政复议、行政诉讼情况</p>\n")
	b.WriteString(filler(l.before4))
	b.WriteString(strings.Repeat(`<p class="i">行政复议、行政诉讼情况如下表。</p>`+"\n", l.lines4))
	b.WriteString(table4(l))
	b.WriteString(`<p>五、存在的主要问题及改进情况</p>
<p class="i">一是对政府信息公开工作还不够熟悉，主动性不够强；二是公开信息的内容和形式还不够丰富。下一步将加强业务培训，不断提升政府信息公开工作水平。</p>
<p>六、其他需要报告的事项</p>
<p class="i">本年度未收取信息处理费。没有其他需要报告的事项。</p>
</body></html>
`)
	return b.String()
}

// filler is n paragraphs of narrative.
func filler(n int) string {
	return strings.Repeat(`<p class="i">本年度区政数局共收到政府信息公开申请，均在法定期限内答复。申请内容主要涉及政务服务事项办理、电子证照归集和数据共享等方面，答复时均告知了申请人救济途径。</p>`+"\n", n)
}

func colgroup(ws []string) string {
	if len(ws) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<colgroup>")
	for _, w := range ws {
		fmt.Fprintf(&b, `<col width="%s">`, w)
	}
	b.WriteString("</colgroup>\n")
	return b.String()
}

// cell is a table cell of the source: its text, spans, extra style, and borders the gaps
// layout leaves out ('r' right, 'b' bottom).
type cell struct {
	text           string
	rowspan, colsp int
	style          string
	noBorder       string
}

// render writes a table. head is the number of header rows.
func render(l layout, rows [][]cell, head int, cols []string) string {
	// Grid positions, for the sides layout.
	type pos struct{ r, c int }
	taken := map[pos]bool{}
	at := make([][]pos, len(rows))
	for r, row := range rows {
		c := 0
		for _, x := range row {
			for taken[pos{r, c}] {
				c++
			}
			at[r] = append(at[r], pos{r, c})
			for dr := 0; dr < max(1, x.rowspan); dr++ {
				for dc := 0; dc < max(1, x.colsp); dc++ {
					taken[pos{r + dr, c + dc}] = true
				}
			}
			c += max(1, x.colsp)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<table %s style=\"%s\">\n%s", l.attrs, l.table, colgroup(cols))
	for r, row := range rows {
		if l.thead && r == 0 {
			b.WriteString("<thead>\n")
		}
		if l.thead && r == head {
			b.WriteString("</thead><tbody>\n")
		}
		b.WriteString("<tr>")
		for i, x := range row {
			st := l.td
			if l.sides {
				p := at[r][i]
				side := func(name string, on bool) string {
					if on {
						return ";border-" + name + ":1px solid windowtext"
					}
					return ";border-" + name + ":none"
				}
				gap := l.gaps && x.noBorder != ""
				st += side("left", p.c == 0) + side("top", p.r == 0) +
					side("right", !(gap && strings.Contains(x.noBorder, "r"))) +
					side("bottom", !(gap && strings.Contains(x.noBorder, "b")))
			}
			if x.style != "" {
				st += ";" + x.style
			}
			span := ""
			if x.rowspan > 1 {
				span += fmt.Sprintf(` rowspan="%d"`, x.rowspan)
			}
			if x.colsp > 1 {
				span += fmt.Sprintf(` colspan="%d"`, x.colsp)
			}
			fmt.Fprintf(&b, `<td%s style="%s">%s</td>`, span, st, x.text)
		}
		b.WriteString("</tr>\n")
	}
	if l.thead {
		b.WriteString("</tbody>")
	}
	b.WriteString("</table>\n")
	return b.String()
}

func table2(l layout) string {
	c := func(t string, span int) cell { return cell{text: t, colsp: span} }
	label := func(t string) cell { return cell{text: t, style: "text-align:left"} }
	l.thead, l.cols3 = false, nil
	rows := [][]cell{
		{c("第二十条第（一）项", 4)},
		{c("信息内容", 1), c("本年制发件数", 1), c("本年废止件数", 1), c("现行有效件数", 1)},
		{label("规章"), c("0", 1), c("0", 1), c("0", 1)},
		{label("行政规范性文件"), c("17", 1), c("5", 1), c("126", 1)},
		{c("第二十条第（五）项", 4)},
		{c("信息内容", 1), c("本年处理决定数量", 3)},
		{label("行政许可"), c("1387", 3)},
		{c("第二十条第（六）项", 4)},
		{c("信息内容", 1), c("本年处理决定数量", 3)},
		{label("行政处罚"), c("42", 3)},
		{label("行政强制"), c("3", 3)},
		{c("第二十条第（八）项", 4)},
		{c("信息内容", 1), c("本年收费金额（单位：万元）", 3)},
		{label("行政事业性收费"), c("12.5", 3)},
	}
	return render(l, rows, 0, nil)
}

func table3(l layout) string {
	v := t3Values()
	c := func(t string) cell { return cell{text: t} }
	rows := [][]cell{
		{{text: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", colsp: 3, rowspan: 3}, {text: "申请人情况", colsp: 7}},
		{{text: "自然人", rowspan: 2}, {text: "法人或其他组织", colsp: 5}, {text: "总计", rowspan: 2}},
		{c("商业企业"), c("科研机构"), c("社会公益组织"), c("法律服务机构"), c("其他")},
	}
	groups := map[int]cell{4: {text: "（三）不予公开", rowspan: 8}, 12: {text: "（四）无法提供", rowspan: 3},
		15: {text: "（五）不予处理", rowspan: 5}, 20: {text: "（六）其他处理", rowspan: 3}}
	for r, label := range t3Labels {
		var row []cell
		lc := cell{text: label, style: "text-align:left"}
		switch {
		case r < 2 || r == 24:
			lc.colsp = 3
		case r == 2:
			row = append(row, cell{text: "三、本年度办理结果", rowspan: 22})
			lc.colsp = 2
		case r == 3 || r == 23:
			lc.colsp = 2
		default:
			if g, ok := groups[r]; ok {
				row = append(row, g)
			}
		}
		row = append(row, lc)
		for k, x := range v[r] {
			n := cell{text: fmt.Sprint(x)}
			if len(l.align) > 0 {
				n.style = "text-align:" + l.align[k%len(l.align)]
			}
			if r == 9 {
				n.noBorder = "b" // no ruling under 6.属于四类过程性信息
			}
			row = append(row, n)
		}
		rows = append(rows, row)
	}
	return render(l, rows, 3, l.cols3)
}

func table4(l layout) string {
	c := func(t string) cell { return cell{text: t} }
	results := func() []cell {
		return []cell{c("结果维持"), c("结果纠正"), c("其他结果"), c("尚未审结"), c("总计")}
	}
	var second []cell
	for _, x := range results() {
		x.rowspan = 2
		second = append(second, x)
	}
	second = append(second, cell{text: "未经复议直接起诉", colsp: 5}, cell{text: "复议后起诉", colsp: 5})
	rows := [][]cell{
		{{text: "行政复议", colsp: 5}, {text: "行政诉讼", colsp: 10}},
		second,
		append(results(), results()...),
	}
	var vals []cell
	for i, x := range t4Values {
		n := c(fmt.Sprint(x))
		if i == 6 || i == 12 {
			n.noBorder = "r" // no ruling after 直接起诉·结果纠正 and 复议后起诉·其他结果
		}
		vals = append(vals, n)
	}
	rows = append(rows, vals)
	return render(l, rows, 3, l.cols4)
}
