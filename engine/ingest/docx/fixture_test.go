package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

var update = flag.Bool("update", false, "rewrite testdata/chanhe_sample.docx and the golden JSON files")

// The fixture is the sample report fixtures/2023_chanhe_zhengshuju.txt
// (a PDF text export) laid out as a Word document: headings in heading styles, the three
// tables of the v2021 format as real Word tables with gridSpan and vMerge. It is generated
// by chanheBody and written with `go test ./engine/ingest/docx/ -run TestFixture -update`.
// testdata/chanhe_sample_lo.docx is the same document saved again by LibreOffice
// (testdata/make_lo_fixture.sh), so that the importer is also tested on a file a real word
// processor wrote.
const (
	fixturePath   = "testdata/chanhe_sample.docx"
	fixtureLOPath = "testdata/chanhe_sample_lo.docx"
)

func h1(text string) string { return styled("1", text) }
func h2(text string) string { return styled("2", text) }

// body paragraph with a first-line indent of two characters, as Chinese reports are typed.
func bp(text string) string { return xpara(`<w:ind w:firstLineChars="200" w:firstLine="480"/>`, text) }

func zeros(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = ct(cellOpt{}, "0")
	}
	return out
}

// table2 is 主动公开 (Table 2) as one four-column table of four blocks, caption rows
// spanning the grid, single-value rows spanning three columns.
func table2() string {
	full := cellOpt{span: 4}
	three := cellOpt{span: 3}
	row1 := func(label string) string { return tr(append([]string{ct(cellOpt{}, label)}, zeros(3)...)...) }
	row3 := func(label, v string) string { return tr(ct(cellOpt{}, label), ct(three, v)) }
	return tblW([]int{2400, 2200, 2200, 2200},
		tr(ct(full, "第二十条第（一）项")),
		tr(ct(cellOpt{}, "信息内容"), ct(cellOpt{}, "本年制发件数"), ct(cellOpt{}, "本年废止件数"), ct(cellOpt{}, "现行有效件数")),
		row1("规章"),
		row1("行政规范性文件"),
		tr(ct(full, "第二十条第（五）项")),
		row3("信息内容", "本年处理决定数量"),
		row3("行政许可", "0"),
		tr(ct(full, "第二十条第（六）项")),
		row3("信息内容", "本年处理决定数量"),
		row3("行政处罚", "0"),
		row3("行政强制", "0"),
		tr(ct(full, "第二十条第（八）项")),
		row3("信息内容", "本年收费金额（单位：万元）"),
		row3("行政事业性收费", "0"),
	)
}

// table3Groups lists the result rows of Table 3 below 三、本年度办理结果: a group label with its
// sub-rows, or a single row (no sub-rows) whose label spans the two label columns.
func table3Groups() []struct {
	label string
	subs  []string
} {
	return []struct {
		label string
		subs  []string
	}{
		{"（一）予以公开", nil},
		{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", nil},
		{"（三）不予公开", []string{"1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
			"5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"}},
		{"（四）无法提供", []string{"1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"}},
		{"（五）不予处理", []string{"1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
			"5.要求行政机关确认或重新出具已获取信息"}},
		{"（六）其他处理", []string{"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
			"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"}},
		{"（七）总计", nil},
	}
}

// table3 is 收到和处理政府信息公开申请情况 (Table 3): ten grid columns, three label columns
// and seven value columns; three header rows; 25 data rows.
func table3() string {
	rows := []string{
		tr(ct(cellOpt{span: 3, vmerge: "restart"}, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
			ct(cellOpt{span: 7}, "申请人情况")),
		tr(tc(cellOpt{span: 3, vmerge: "continue"}),
			ct(cellOpt{vmerge: "restart"}, "自然人"), ct(cellOpt{span: 5}, "法人或其他组织"), ct(cellOpt{vmerge: "restart"}, "总计")),
		tr(append(append([]string{tc(cellOpt{span: 3, vmerge: "continue"}), tc(cellOpt{vmerge: "continue"})},
			ct(cellOpt{}, "商业企业"), ct(cellOpt{}, "科研机构"), ct(cellOpt{}, "社会公益组织"), ct(cellOpt{}, "法律服务机构"), ct(cellOpt{}, "其他")),
			tc(cellOpt{vmerge: "continue"}))...),
		tr(append([]string{ct(cellOpt{span: 3}, "一、本年新收政府信息公开申请数量")}, zeros(7)...)...),
		tr(append([]string{ct(cellOpt{span: 3}, "二、上年结转政府信息公开申请数量")}, zeros(7)...)...),
	}
	first := true
	for _, g := range table3Groups() {
		outer := tc(cellOpt{vmerge: "continue"})
		if first {
			outer = ct(cellOpt{vmerge: "restart"}, "三、本年度办理结果")
			first = false
		}
		if g.subs == nil {
			rows = append(rows, tr(append([]string{outer, ct(cellOpt{span: 2}, g.label)}, zeros(7)...)...))
			continue
		}
		for i, sub := range g.subs {
			group := tc(cellOpt{vmerge: "continue"})
			if i == 0 {
				group = ct(cellOpt{vmerge: "restart"}, g.label)
			}
			if i > 0 {
				outer = tc(cellOpt{vmerge: "continue"})
			}
			rows = append(rows, tr(append([]string{outer, group, ct(cellOpt{}, sub)}, zeros(7)...)...))
		}
	}
	rows = append(rows, tr(append([]string{ct(cellOpt{span: 3}, "四、结转下年度继续办理")}, zeros(7)...)...))
	return tblW([]int{900, 1000, 2400, 670, 670, 670, 670, 670, 670, 680}, rows...)
}

// table4 is 行政复议、行政诉讼 (Table 4): fifteen columns, three header rows, one data row.
func table4() string {
	results := []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}
	row2 := make([]string, 0, 7)
	row3 := make([]string, 0, 15)
	for _, r := range results {
		row2 = append(row2, ct(cellOpt{vmerge: "restart"}, r))
		row3 = append(row3, tc(cellOpt{vmerge: "continue"}))
	}
	row2 = append(row2, ct(cellOpt{span: 5}, "未经复议直接起诉"), ct(cellOpt{span: 5}, "复议后起诉"))
	for i := 0; i < 2; i++ {
		for _, r := range results {
			row3 = append(row3, ct(cellOpt{}, r))
		}
	}
	return tbl(15,
		tr(ct(cellOpt{span: 5}, "行政复议"), ct(cellOpt{span: 10}, "行政诉讼")),
		tr(row2...),
		tr(row3...),
		tr(zeros(15)...),
	)
}

// chanheBody is the body of the fixture.
func chanheBody() string {
	title := xpara(`<w:jc w:val="center"/><w:rPr><w:b/><w:sz w:val="44"/></w:rPr>`, "瀍河回族区政务服务和大数据管理局2023年政府信息公开工作年度报告")
	parts := []string{
		title,
		h1("一、总体情况"),
		bp("2023年，区政数局紧紧围绕上级部门关于政务服务和大数据工作方面的决策部署，严格贯彻落实《中华人民共和国政府信息公开条例》，积极推动政务公开化规范化工作建设，现将2023年政府信息公开工作年度报告编制如下。本年报中所列数据的统计期限为2023年1月1日至2023年12月31日。"),
		h2("（一）主动公开"),
		bp("2023年区政数局未制定下发规范性文件。我局已将全区1387个政务服务事项全部录入省市平台，行政许可类事项时限压缩比达95.41%，不见面审批达到97.98%，政务服务事项即办件占比达到91.81%；同时梳理区级“免证可办”事项清单，实现25家单位、30枚印章向市电子证照库归集，推动电子证照在政务服务事项全流程电子化、网络化应用；梳理11项“一件事一次办”事项清单，实现“只交一次材料、只跑一次大厅”办成“一件事”；2023年5月在政府网站公开“跨省通办”事项19项，政务服务事项1204项。"),
		h2("（二）依申请公开"),
		bp("2023年区政数局未收到政府信息公开申请。"),
		h2("（三）政府信息管理"),
		bp("在信息管理方面，区政数局严格落实网络安全责任制，成立了保密工作领导小组，制定了信息公开的相关制度，切实从源头上规范公文主动公开工作，确保“应公开尽公开”。"),
		h2("（四）政府公开平台建设"),
		bp("区政数局信息公开工作依托瀍河区政府门户公开政务信息，无微博、微信公众号等政务新媒体。"),
		h2("（五）监督保障"),
		bp("区政数局专门成立政务公开领导小组，明确由局党委班子成员主管政务公开全面工作，领导小组办公室设在局办公室。办公室负责主动公开内容的制定和依申请公开事项的办理，并认真落实政府办的检查反馈整改内容，加强责任追究制度落实，有效促进了我局政务公开各项工作落实。"),
		h1("二、主动公开政府信息情况"),
		table2(),
		h1("三、收到和处理政府信息公开申请情况"),
		table3(),
		h1("四、政府信息公开行政复议、行政诉讼情况"),
		table4(),
		h1("五、存在的主要问题及改进情况"),
		bp("2023年，区政数局持续深入推进政府信息公开工作，但还存在需要提升和改进的地方，一是对政府信息公开工作还不够熟悉，主动性不够强；二是公开信息的在内容和形式还不够丰富。2024年，我局将按照政府信息公开工作的相关要求，进一步加强对信息公开业务知识培训，在实际工作中提高对信息公开工作的重视程度，并全面抓好政府信息公开载体建设，不断提升区政数局的政府信息公开工作水平。"),
		h1("六、其他需要报告的事项"),
		bp("没有其他需要报告的事项。"),
	}
	return strings.Join(parts, "")
}

// TestFixture checks that testdata/chanhe_sample.docx holds what chanheBody generates, and
// rewrites it with -update.
func TestFixture(t *testing.T) {
	parts := packageParts(chanheBody())
	if *update {
		if err := os.WriteFile(fixturePath, zipParts(t, parts), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data := readFile(t, fixturePath)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != len(parts) {
		t.Fatalf("%s has %d parts, the generator %d: run go test -run TestFixture -update", fixturePath, len(zr.File), len(parts))
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != parts[f.Name] {
			t.Errorf("%s: part %s differs from the generator: run go test -run TestFixture -update", fixturePath, f.Name)
		}
	}
}

func readFile(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func importFile(tb testing.TB, name string) *document.Document {
	tb.Helper()
	doc, err := Import(context.Background(), name, readFile(tb, name), limit.Default())
	if err != nil {
		tb.Fatalf("Import(%s): %v", name, err)
	}
	return doc
}

// TestChanheSample is the golden test of the fixture and of its LibreOffice copy.
func TestChanheSample(t *testing.T) {
	for _, name := range []string{fixturePath, fixtureLOPath} {
		t.Run(filepath.Base(name), func(t *testing.T) {
			doc := importFile(t, name)
			if doc.Format != "docx" || doc.Path != name {
				t.Errorf("Format, Path = %q, %q", doc.Format, doc.Path)
			}
			var headings []string
			for _, b := range doc.Blocks {
				if b.Kind == document.Heading {
					headings = append(headings, b.Text()+"/"+string(rune('0'+b.Level)))
				}
				if strings.Contains(b.Text(), "- 1 -") {
					t.Errorf("footer text in the body: %q", b.Text())
				}
			}
			wantHeadings := "一、总体情况/1 （一）主动公开/2 （二）依申请公开/2 （三）政府信息管理/2 （四）政府公开平台建设/2 （五）监督保障/2 " +
				"二、主动公开政府信息情况/1 三、收到和处理政府信息公开申请情况/1 四、政府信息公开行政复议、行政诉讼情况/1 五、存在的主要问题及改进情况/1 六、其他需要报告的事项/1"
			if got := strings.Join(headings, " "); got != wantHeadings {
				t.Errorf("headings:\n got %s\nwant %s", got, wantHeadings)
			}
			tbs := doc.Tables()
			if len(tbs) != 3 {
				t.Fatalf("got %d tables, want 3", len(tbs))
			}
			checkTable2(t, tbs[0])
			checkTable3(t, tbs[1])
			checkTable4(t, tbs[2])
		})
	}
}

func checkTable2(t *testing.T, tb document.Block) {
	t.Helper()
	if len(tb.Rows) != 14 {
		t.Fatalf("table 2: %d rows, want 14", len(tb.Rows))
	}
	var values []string
	for _, r := range tb.Rows {
		for _, c := range r.Cells {
			if c.Text() == "0" {
				values = append(values, c.Span.Start.Ref)
			}
		}
	}
	// 6 + 1 + 2 + 1 = 10 value cells; the single values start at grid column 2 and span 3.
	want := "t1/r3/c2 t1/r3/c3 t1/r3/c4 t1/r4/c2 t1/r4/c3 t1/r4/c4 t1/r7/c2 t1/r10/c2 t1/r11/c2 t1/r14/c2"
	if got := strings.Join(values, " "); got != want {
		t.Errorf("table 2 value cells:\n got %s\nwant %s", got, want)
	}
	if c := tb.Rows[0].Cells[0]; len(tb.Rows[0].Cells) != 1 || c.ColSpan != 4 || c.Text() != "第二十条第（一）项" {
		t.Errorf("table 2 caption row = %+v", tb.Rows[0].Cells)
	}
	if c, _ := tb.Rows[13].Cell(1); c.ColSpan != 3 || c.Text() != "0" {
		t.Errorf("table 2 fee cell = %+v", c)
	}
}

func checkTable3(t *testing.T, tb document.Block) {
	t.Helper()
	if len(tb.Rows) != 28 {
		t.Fatalf("table 3: %d rows, want 28", len(tb.Rows))
	}
	// A span of 0 in the expectations means 1.
	type span struct {
		row, col, rowspan, colspan int
		text                       string
	}
	for _, w := range []span{
		{0, 0, 3, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"},
		{0, 3, 0, 7, "申请人情况"},
		{1, 3, 2, 0, "自然人"},
		{1, 4, 0, 5, "法人或其他组织"},
		{1, 9, 2, 0, "总计"},
		{2, 4, 0, 0, "商业企业"},
		{2, 8, 0, 0, "其他"},
		{3, 0, 0, 3, "一、本年新收政府信息公开申请数量"},
		{5, 0, 22, 0, "三、本年度办理结果"},
		{5, 1, 0, 2, "（一）予以公开"},
		{7, 1, 8, 0, "（三）不予公开"},
		{7, 2, 0, 0, "1.属于国家秘密"},
		{9, 2, 0, 0, "3.危及“三安全一稳定”"},
		{15, 1, 3, 0, "（四）无法提供"},
		{18, 1, 5, 0, "（五）不予处理"},
		{23, 1, 3, 0, "（六）其他处理"},
		{26, 1, 0, 2, "（七）总计"},
		{27, 0, 0, 3, "四、结转下年度继续办理"},
	} {
		c, ok := tb.Rows[w.row].Cell(w.col)
		if !ok || c.RowSpan != max(w.rowspan, 1) || c.ColSpan != max(w.colspan, 1) || c.Text() != w.text {
			t.Errorf("table 3 row %d col %d = %+v (found %v), want rowspan %d colspan %d %q", w.row, w.col, c, ok, w.rowspan, w.colspan, w.text)
		}
	}
	// Header rows 2 and 3 hold only the cells that start there.
	if n := len(tb.Rows[1].Cells); n != 3 {
		t.Errorf("table 3 header row 2 has %d cells, want 3", n)
	}
	if n := len(tb.Rows[2].Cells); n != 5 {
		t.Errorf("table 3 header row 3 has %d cells, want 5", n)
	}
	// 25 data rows × 7 values in grid columns 3..9, all "0".
	values := 0
	for i := 3; i < 28; i++ {
		r := tb.Rows[i]
		for col := 3; col <= 9; col++ {
			c, ok := r.Cell(col)
			if !ok || c.Text() != "0" || c.RowSpan != 1 || c.ColSpan != 1 {
				t.Errorf("table 3 row %d col %d = %+v (found %v), want a single \"0\"", i, col, c, ok)
				continue
			}
			if len(c.Segments) != 1 || c.Segments[0].Start.Ref != "t2/r"+strconv.Itoa(i+1)+"/c"+strconv.Itoa(col+1) {
				t.Errorf("table 3 row %d col %d: segments %+v", i, col, c.Segments)
			}
			values++
		}
		if last := r.Cells[len(r.Cells)-1]; last.Col != 9 {
			t.Errorf("table 3 row %d ends at col %d", i, last.Col)
		}
	}
	if values != 175 {
		t.Errorf("table 3: %d value cells, want 175", values)
	}
}

func checkTable4(t *testing.T, tb document.Block) {
	t.Helper()
	if len(tb.Rows) != 4 {
		t.Fatalf("table 4: %d rows, want 4", len(tb.Rows))
	}
	want := []struct {
		row, col, rowspan, colspan int
		text                       string
	}{
		{0, 0, 0, 5, "行政复议"}, {0, 5, 0, 10, "行政诉讼"},
		{1, 0, 2, 0, "结果维持"}, {1, 4, 2, 0, "总计"}, {1, 5, 0, 5, "未经复议直接起诉"}, {1, 10, 0, 5, "复议后起诉"},
		{2, 5, 0, 0, "结果维持"}, {2, 14, 0, 0, "总计"},
	}
	for _, w := range want {
		c, ok := tb.Rows[w.row].Cell(w.col)
		if !ok || c.RowSpan != max(w.rowspan, 1) || c.ColSpan != max(w.colspan, 1) || c.Text() != w.text {
			t.Errorf("table 4 row %d col %d = %+v (found %v), want rowspan %d colspan %d %q", w.row, w.col, c, ok, w.rowspan, w.colspan, w.text)
		}
	}
	if n := len(tb.Rows[2].Cells); n != 10 {
		t.Errorf("table 4 header row 3 has %d cells, want 10", n)
	}
	data := tb.Rows[3].Cells
	if len(data) != 15 {
		t.Fatalf("table 4 data row has %d cells, want 15", len(data))
	}
	for i, c := range data {
		if c.Col != i || c.Text() != "0" {
			t.Errorf("table 4 data cell %d = %+v", i, c)
		}
	}
}

// TestGolden compares the whole Document read from the fixture with a reviewed JSON file,
// testdata/chanhe_sample.golden.json, rewritten with -update. The LibreOffice copy must read
// exactly the same (only its path differs).
func TestGolden(t *testing.T) {
	const golden = "testdata/chanhe_sample.golden.json"
	for _, name := range []string{fixturePath, fixtureLOPath} {
		t.Run(filepath.Base(name), func(t *testing.T) {
			doc := importFile(t, name)
			doc.Path = fixturePath
			got, err := json.MarshalIndent(doc, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			if *update && name == fixturePath {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if want := readFile(t, golden); !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s: review the change and run go test -run TestGolden -update", name, golden)
			}
		})
	}
}

// BenchmarkImport reads the fixtures.
func BenchmarkImport(b *testing.B) {
	for _, name := range []string{fixturePath, fixtureLOPath, "testdata/pingtan_2023_lo.docx"} {
		b.Run(filepath.Base(name), func(b *testing.B) {
			data := readFile(b, name)
			ctx := context.Background()
			lim := limit.Default()
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Import(ctx, name, data, lim); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestRealReport reads a published report (fixtures/corpus/real/2023_pingtan.html, a web page
// with site navigation around the report) converted to DOCX by LibreOffice: its three tables
// come out with their merged headers and the numbers in the right grid columns.
func TestRealReport(t *testing.T) {
	doc := importFile(t, "testdata/pingtan_2023_lo.docx")
	checkInvariants(t, doc)
	tbs := doc.Tables()
	if len(tbs) != 3 {
		t.Fatalf("got %d tables, want 3", len(tbs))
	}
	if n := len(tbs[0].Rows); n != 14 {
		t.Errorf("table 2 has %d rows, want 14", n)
	}
	if c, _ := tbs[0].Rows[13].Cell(1); c.Text() != "5949.088667" || c.ColSpan != 3 {
		t.Errorf("table 2 fee = %+v", c)
	}
	t3 := tbs[1]
	if len(t3.Rows) != 28 {
		t.Fatalf("table 3 has %d rows, want 28", len(t3.Rows))
	}
	values := func(r document.Row) string {
		var out []string
		for col := 3; col <= 9; col++ {
			c, _ := r.Cell(col)
			out = append(out, c.Text())
		}
		return strings.Join(out, " ")
	}
	for _, w := range []struct {
		row    int
		values string
	}{
		{3, "80 1 0 0 0 0 81"},  // 一、本年新收
		{5, "22 0 0 0 0 0 22"},  // （一）予以公开
		{15, "31 0 0 0 0 0 31"}, // （四）1.本机关不掌握
		{26, "80 1 0 0 0 0 81"}, // （七）总计
		{27, "0 0 0 0 0 0 0"},   // 四、结转下年度继续办理
	} {
		if got := values(t3.Rows[w.row]); got != w.values {
			t.Errorf("table 3 row %d = %s, want %s", w.row, got, w.values)
		}
	}
	if c, _ := t3.Rows[5].Cell(0); c.RowSpan != 22 || c.Text() != "三、本年度办理结果" {
		t.Errorf("table 3 group label = %+v", c)
	}
	t4 := tbs[2]
	if got := len(t4.Rows[3].Cells); len(t4.Rows) != 4 || got != 15 {
		t.Errorf("table 4: %d rows, %d data cells", len(t4.Rows), got)
	}
}
