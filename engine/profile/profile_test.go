package profile

import (
	"context"
	"errors"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/ingest/limit"
	"github.com/reportlint/reportlint/engine/ingest/markdown"
	"github.com/reportlint/reportlint/engine/ingest/text"
)

// The tests use the 2021 pack's profile laid over the shared one: the real specification.
func loadProfile(tb testing.TB) *Profile {
	tb.Helper()
	return loadPackProfile(tb, "govinfo-2021")
}

// loadPackProfile loads a bundled pack's profile laid over the shared one.
func loadPackProfile(tb testing.TB, pack string) *Profile {
	tb.Helper()
	read := func(name string) *Spec {
		data, err := os.ReadFile("../../rules/" + name)
		if err != nil {
			tb.Fatal(err)
		}
		s, err := DecodeSpec(data)
		if err != nil {
			tb.Fatal(err)
		}
		return s
	}
	ed := read(pack + "/profile.yaml")
	spec := ed
	if ed.Extends != "" {
		spec = Overlay(read(ed.Extends), ed)
	}
	p, err := Compile(spec)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func apply(tb testing.TB, src string) *Facts {
	tb.Helper()
	return loadProfile(tb).Apply(&document.Document{Path: "t.txt", Format: "text", Blocks: text.Blocks(src)})
}

func sampleText(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("../../fixtures/2023_chanhe_zhengshuju.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func TestCanonAndIndexAcrossLines(t *testing.T) {
	src := "（二）部分公开（区分处理的，只计这一情\n形，不计其他情形）\n0 0"
	s := newStream(&document.Document{Blocks: text.Blocks(src)})
	occ := s.indexAll("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", 0, s.len())
	if len(occ) != 1 {
		t.Fatalf("occurrences = %v", occ)
	}
	sp := s.span(occ[0][0], occ[0][1])
	if sp.Start != (document.Pos{Line: 1, Col: 1}) || sp.End != (document.Pos{Line: 2, Col: 10}) {
		t.Fatalf("span = %+v", sp)
	}
	// 1、 and 1. and 1． compare equal; so do curly and straight quotes.
	s2 := newStream(&document.Document{Blocks: text.Blocks("1、属于国家秘密 3.危及\"三安全一稳定\"")})
	if len(s2.indexAll("1.属于国家秘密", 0, s2.len())) != 1 || len(s2.indexAll("3.危及“三安全一稳定”", 0, s2.len())) != 1 {
		t.Fatal("punctuation variants do not match")
	}
}

func TestSampleFacts(t *testing.T) {
	f := apply(t, sampleText(t))
	for _, s := range f.Sections {
		if !s.Found || !s.InOrder || s.WrittenNumeral != s.Numeral {
			t.Errorf("section %s: %+v", s.ID, s)
		}
	}
	if f.Report.Year != 2023 || f.Report.YearFrom != "title" {
		t.Errorf("report = %+v", f.Report)
	}
	if f.Edition.Detected != "2021" {
		t.Errorf("edition = %+v", f.Edition)
	}
	wantNumbers := map[string]int{"t2_1": 6, "t2_5": 1, "t2_6": 2, "t2_8": 1, "t3": 175, "t4": 15}
	for id, n := range wantNumbers {
		tb := f.Tables[id]
		if !tb.Found || tb.Numbers != n {
			t.Errorf("table %s: found %v, numbers %d, want %d", id, tb.Found, tb.Numbers, n)
		}
	}
	if len(f.Notes) != 0 {
		t.Errorf("notes = %+v", f.Notes)
	}
	// A wrapped row: the last value sits alone on the next line.
	c := f.Tables["t3"].Rows["partial"].Cells["total"]
	if c.State != StateNumber || c.Span.Start != (document.Pos{Line: 110, Col: 1}) {
		t.Errorf("partial/total = %+v", c)
	}
	// The period statement is wrapped over two lines with spaces inside.
	var period *Claim
	for _, cl := range f.Claims {
		if cl.ID == "period" {
			period = cl
		}
	}
	if period == nil || period.Fields["m2"].Text != "12" || period.Span.End.Line != 10 {
		t.Fatalf("period = %+v", period)
	}
}

func TestPageBreaksAndRewrapping(t *testing.T) {
	src := sampleText(t)
	// A page number and a form feed inside table 3, and a row split over three lines.
	src = strings.Replace(src, "4.保护第三方合法权益 0 0 0 0 0 0 0", "4.保护第三方合法权益 0 0 0\n\n- 7 -\n\f0 0\n0 0", 1)
	src = strings.ReplaceAll(src, "\n", "\r\n")
	f := apply(t, src)
	if f.Tables["t3"].Numbers != 175 || len(f.Notes) != 0 {
		t.Fatalf("numbers = %d, notes = %+v", f.Tables["t3"].Numbers, f.Notes)
	}
}

func TestMisalignedRowIsMissingNotZero(t *testing.T) {
	src := strings.Replace(sampleText(t), "（一）予以公开 0 0 0 0 0 0 0", "（一）予以公开 0 0 0 0 0 0", 1)
	f := apply(t, src)
	r := f.Tables["t3"].Rows["disclosed"]
	if r.Aligned || r.Values != 6 || r.Cells["total"].State != StateMissing {
		t.Fatalf("row = %+v", r)
	}
	if len(f.Notes) != 1 || f.Notes[0].Ref != "t3.disclosed" {
		t.Fatalf("notes = %+v", f.Notes)
	}
}

func TestPlaceholdersKeepTheirState(t *testing.T) {
	src := strings.Replace(sampleText(t), "规章 0 0 0", "规章 / — 无", 1)
	f := apply(t, src)
	for _, col := range []string{"issued", "repealed", "in_force"} {
		c := f.Tables["t2_1"].Rows["rules"].Cells[col]
		if c.State != StatePlaceholder {
			t.Errorf("%s = %+v", col, c)
		}
	}
}

func TestSectionsOnOneLine(t *testing.T) {
	// Scraped pages put the whole article on one line; the introduction lists the parts
	// without numbers, which must not count as headings.
	src := "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六个部分。" +
		"一、总体情况2021年，我区……二、主动公开政府信息情况第二十条第（一）项" +
		"三、收到和处理政府信息公开申请情况……四、政府信息公开行政复议、行政诉讼情况……" +
		"五、存在的主要问题及改进情况……六、其他需要报告的事项无。"
	f := apply(t, src)
	for _, s := range f.Sections {
		if !s.Found || !s.InOrder {
			t.Errorf("section %s not found in order: %+v", s.ID, s)
		}
	}
	if s1 := f.Sections[0]; s1.Span.Start.Col < 40 {
		t.Errorf("section 一 matched the introduction at col %d", s1.Span.Start.Col)
	}
}

func TestSectionsOutOfOrderAndMissing(t *testing.T) {
	src := "一、总体情况\n正文\n二、主动公开政府信息情况\n正文\n五、存在的主要问题及改进情况\n正文\n四、政府信息公开行政复议、行政诉讼情况\n正文\n六、其他需要报告的事项\n无。"
	f := apply(t, src)
	got := map[string][2]bool{}
	for _, s := range f.Sections {
		got[s.ID] = [2]bool{s.Found, s.InOrder}
	}
	if got["s3"][0] {
		t.Error("section 三 should be missing")
	}
	if !got["s4"][0] || !got["s5"][0] || (got["s4"][1] && got["s5"][1]) {
		t.Errorf("one of 四/五 should be out of order: %v", got)
	}
}

// A heading set in bold (Markdown keeps the marks) and written without its numeral is still
// a heading that begins a line: found, with no numeral, so DOC-SECTION-NUM can name it.
func TestUnnumberedHeadingInEmphasis(t *testing.T) {
	src := "**一、总体情况**\n正文。\n**二、主动公开政府信息情况**\n正文。\n**三、收到和处理政府信息公开申请情况**\n正文。\n" +
		"**政府信息公开行政复议、行政诉讼情况**\n正文。\n__五、存在的主要问题及改进情况__\n正文。\n六、其他需要报告的事项\n无。\n" +
		"本报告包括政府信息公开行政复议、行政诉讼情况**等部分。"
	f := apply(t, src)
	for _, s := range f.Sections {
		if !s.Found || !s.InOrder {
			t.Errorf("section %s not found in order: %+v", s.ID, s)
		}
	}
	if s4 := f.Sections[3]; s4.WrittenNumeral != "" || s4.Span.Start.Line != 7 || s4.Span.Start.Col != 3 {
		t.Errorf("section 四 = numeral %q at %v, want the unnumbered heading at 7:3", s4.WrittenNumeral, s4.Span.Start)
	}
}

func TestClaimsSkipTables(t *testing.T) {
	f := apply(t, sampleText(t))
	for _, c := range f.Claims {
		if c.Section == "s3" || c.Section == "s4" {
			t.Errorf("claim read inside a table section: %+v", c)
		}
	}
}

func TestSpecValidation(t *testing.T) {
	bad := []string{
		"sections: [{id: s1}]",
		"tables: [{id: t, columns: [{id: a, type: weird}], rows: [{id: r, label: x}]}]",
		"tables: [{id: t, columns: [{id: a}], rows: [{id: r, label: x, parent: nope}]}]",
		"claims: [{id: c, pattern: '('}]",
		"unknown_key: 1",
		"units: {money: [元]}",
		"units: {count: ['3件']}",
		"units: [元]",
	}
	for _, y := range bad {
		if _, err := ParseSpec([]byte(y)); err == nil {
			t.Errorf("ParseSpec(%q) succeeded", y)
		}
	}
}

func FuzzApply(f *testing.F) {
	p := loadProfile(f)
	f.Add(sampleText(f))
	f.Add("一、总体情况\n（七）总计 0 0 / 0 — 0 0\n四、结转下年度继续办理")
	f.Add("统计期限为2023年1月1日至12月31日")
	f.Add("第二十条第（五）项 行政许可 | 8249 | −1942 | 6307 | 行政许可25+10 规章 3 件 1个246900元 12.5万元")
	f.Fuzz(func(t *testing.T, s string) {
		facts := p.Apply(&document.Document{Path: "f.txt", Blocks: text.Blocks(s)})
		for _, tb := range facts.Tables {
			for _, r := range tb.Rows {
				for _, c := range r.Cells {
					if c.State == StateNumber && c.Text == "" {
						t.Fatalf("number cell without text: %+v", c)
					}
				}
			}
		}
		for _, c := range facts.Claims {
			if _, ok := facts.Resolve(c.Ref); !ok {
				t.Fatalf("claim %s does not resolve", c.Ref)
			}
		}
	})
}

func BenchmarkApplySample(b *testing.B) {
	p := loadProfile(b)
	doc := &document.Document{Blocks: text.Blocks(sampleText(b))}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		p.Apply(doc)
	}
}

func TestSplitDigitRuns(t *testing.T) {
	src := sampleText(t)
	// Scraped pages run a row's cells together. 640020470 splits only as 64 0 0 2 0 4 70
	// (总计 = the sum of the applicant columns); 000 only as 0 0 0 (no leading zeros).
	src = strings.Replace(src, "一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0", "一、本年新收政府信息公开申请数量640020470", 1)
	src = strings.Replace(src, "规章 0 0 0", "规章000", 1)
	f := apply(t, src)
	r := f.Tables["t3"].Rows["new_received"]
	var got []string
	for _, c := range f.Tables["t3"].Columns {
		got = append(got, r.Cells[c].Text)
	}
	if !r.Split || strings.Join(got, " ") != "64 0 0 2 0 4 70" {
		t.Fatalf("split = %v (split %v)", got, r.Split)
	}
	if c := r.Cells["total"]; c.Span.Start.Col != 24 || c.Span.End.Col != 26 {
		t.Errorf("total span = %+v, want columns 24–26", c.Span)
	}
	if rr := f.Tables["t2_1"].Rows["rules"]; !rr.Aligned || rr.Cells["in_force"].Text != "0" {
		t.Errorf("规章000 = %+v", rr)
	}
}

func TestSplitAmbiguousStaysUnaligned(t *testing.T) {
	// 693665 into three columns with no sum to check: many splits fit, so none is chosen.
	src := strings.Replace(sampleText(t), "行政规范性文件 0 0 0", "行政规范性文件693665", 1)
	f := apply(t, src)
	r := f.Tables["t2_1"].Rows["normative"]
	if r.Aligned || r.Cells["issued"].State != StateMissing {
		t.Fatalf("row = %+v", r)
	}
}

func TestSplitResolvedByColumnTotals(t *testing.T) {
	// 270020130 splits as 2 7 0 0 20 1 30 or 27 0 0 2 0 1 30; only the second makes the
	// （七）总计 row the sum of the result rows.
	src := sampleText(t)
	src = strings.Replace(src, "（一）予以公开 0 0 0 0 0 0 0", "（一）予以公开270020130", 1)
	src = strings.Replace(src, "（七）总计 0 0 0 0 0 0 0", "（七）总计 27 0 0 2 0 1 30", 1)
	f := apply(t, src)
	r := f.Tables["t3"].Rows["disclosed"]
	if !r.Aligned || r.Cells["natural_person"].Text != "27" || r.Cells["other"].Text != "1" {
		t.Fatalf("row = %+v", r.Cells)
	}
}

func TestUnlabelledRowAfterHeaderRunTogether(t *testing.T) {
	src := sampleText(t)
	src = strings.Replace(src, "总计\n\n0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", "总计10203120001200000", 1)
	f := apply(t, src)
	r := f.Tables["t4"].Rows["cases"]
	var got []string
	for _, c := range f.Tables["t4"].Columns {
		got = append(got, r.Cells[c].Text)
	}
	if strings.Join(got, " ") != "1 0 2 0 3 12 0 0 0 12 0 0 0 0 0" {
		t.Fatalf("t4 = %v", got)
	}
}

func TestOverlay(t *testing.T) {
	base := &Spec{
		Numeral:  "x",
		Macros:   map[string]string{"a": "1", "b": "2"},
		Sections: []SectionSpec{{ID: "s1", Title: "一"}, {ID: "s2", Title: "二"}},
		Tables:   []TableSpec{{ID: "t4", Title: "base t4"}},
		Units:    map[string][]string{"count": {"件"}},
	}
	over := &Spec{
		Macros:   map[string]string{"b": "20", "c": "3"},
		Units:    map[string][]string{"count": {"个"}, "amount": {"元"}},
		Sections: []SectionSpec{{ID: "s2", Title: "二′"}},
		Tables:   []TableSpec{{ID: "t2", Title: "t2"}, {ID: "t4", Title: "over t4"}},
	}
	got := Overlay(base, over)
	if got.Numeral != "x" || got.Macros["a"] != "1" || got.Macros["b"] != "20" || got.Macros["c"] != "3" {
		t.Errorf("scalars/macros = %q %v", got.Numeral, got.Macros)
	}
	if len(got.Sections) != 2 || got.Sections[1].Title != "二′" {
		t.Errorf("sections = %+v", got.Sections)
	}
	if len(got.Tables) != 2 || got.Tables[0].Title != "over t4" || got.Tables[1].ID != "t2" {
		t.Errorf("tables = %+v", got.Tables)
	}
	if strings.Join(got.Units["count"], " ") != "件 个" || strings.Join(got.Units["amount"], " ") != "元" {
		t.Errorf("units = %v", got.Units)
	}
	if base.Sections[1].Title != "二" || len(base.Tables) != 1 || len(base.Units["count"]) != 1 {
		t.Error("Overlay changed its base")
	}
}

func TestSubtotalColumnIsDropped(t *testing.T) {
	// An eighth column: 法人或其他组织 (3 = 1 + 2) after 自然人.
	src := strings.Replace(sampleText(t), "一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0", "一、本年新收政府信息公开申请数量 4 3 1 0 0 0 2 7", 1)
	f := apply(t, src)
	r := f.Tables["t3"].Rows["new_received"]
	if !r.Aligned || r.Cells["commercial"].Text != "1" || r.Cells["other"].Text != "2" || r.Cells["total"].Text != "7" {
		t.Fatalf("row = %+v", r)
	}
	// The table's last row too: its eighth value is on its line.
	src = strings.Replace(sampleText(t), "四、结转下年度继续办理 0 0 0 0 0 0 0", "四、结转下年度继续办理 6 1 0 0 0 0 1 7", 1)
	if r := apply(t, src).Tables["t3"].Rows["carried_forward"]; !r.Aligned || r.Cells["other"].Text != "1" || r.Cells["total"].Text != "7" {
		t.Fatalf("last row = %+v", r)
	}
	// A row whose subtotal cannot be verified (a placeholder among what it totals) has the
	// column too once other rows show the table has it.
	src = strings.Replace(sampleText(t), "一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0", "一、本年新收政府信息公开申请数量 4 3 1 0 0 0 2 7", 1)
	src = strings.Replace(src, "（七）总计 0 0 0 0 0 0 0", "（七）总计 4 3 1 0 0 0 2 7", 1)
	src = strings.Replace(src, "（一）予以公开 0 0 0 0 0 0 0", "（一）予以公开 0 0 - 0 0 0 0 0", 1)
	if r := apply(t, src).Tables["t3"].Rows["disclosed"]; !r.Aligned || r.Cells["commercial"].State != StatePlaceholder || r.Cells["total"].Text != "0" {
		t.Fatalf("placeholder row = %+v", r)
	}
	// A cell left empty beside the subtotal column stays blank: the column is dropped,
	// not the blank (a blank in excess is dropped only where no subtotal explains it).
	src = strings.Replace(sampleText(t), "一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0", "一、本年新收政府信息公开申请数量 4 3 1 0 0 0 2 7", 1)
	src = strings.Replace(src, "（七）总计 0 0 0 0 0 0 0", "（七）总计 4 3 1 0 0 0 2 7", 1)
	src = strings.Replace(src, "（一）予以公开 0 0 0 0 0 0 0", "（一）予以公开 | 0 | 0 | 0 |  | 0 | 0 | 0 | 0 |", 1)
	if r := apply(t, src).Tables["t3"].Rows["disclosed"]; !r.Aligned || r.Cells["research"].State != StateBlank || r.Cells["commercial"].Text != "0" {
		t.Fatalf("blank beside a subtotal = %+v", r)
	}
	// Where most rows show the subtotal column, a row with one value fewer has a cell left
	// empty, and the text does not say which: it is not aligned, and its note says so.
	src = sampleText(t)
	for _, line := range strings.Split(src, "\n") {
		if strings.HasSuffix(line, " 0 0 0 0 0 0 0") && !strings.Contains(line, "予以公开") {
			src = strings.Replace(src, line, line+" 0", 1)
		}
	}
	f = apply(t, src)
	if r := f.Tables["t3"].Rows["new_received"]; !r.Aligned || r.Expected != 7 {
		t.Fatalf("row with the subtotal = %+v", r)
	}
	r = f.Tables["t3"].Rows["disclosed"]
	if r.Aligned || r.Values != 7 || r.Expected != 8 {
		t.Fatalf("row one value short = %+v", r)
	}
	if !slices.ContainsFunc(f.Notes, func(n Note) bool {
		return n.Ref == r.Ref && strings.Contains(n.Message, "应有 8 个数值，读到 7 个")
	}) {
		t.Errorf("no note on the short row: %+v", f.Notes)
	}
	// Eight values that are not a subtotal stay unaligned.
	src = strings.Replace(sampleText(t), "一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0", "一、本年新收政府信息公开申请数量 4 9 1 0 0 0 2 7", 1)
	if r := apply(t, src).Tables["t3"].Rows["new_received"]; r.Aligned {
		t.Fatalf("row = %+v", r)
	}
}

// An importer note inside a table's span marks that table uncertain, with the note as the
// doubt; the other tables stay certain.
func TestImportNoteMakesTableUncertain(t *testing.T) {
	doc := &document.Document{Path: "t.txt", Format: "text", Blocks: text.Blocks(sampleText(t))}
	at := document.Pos{Line: 120, Col: 1}
	doc.Notes = []document.Note{{Message: "第 1 页的表格没有框线", Span: document.Span{Start: at, End: document.Pos{Line: 120, Col: 5}}}}
	f := loadProfile(t).Apply(doc)
	t3 := f.Tables["t3"]
	if !t3.Found || !t3.Uncertain || t3.Doubt != "第 1 页的表格没有框线" {
		t.Fatalf("t3 = found %v, uncertain %v, doubt %q (span %+v)", t3.Found, t3.Uncertain, t3.Doubt, t3.Span)
	}
	for _, id := range []string{"t2_1", "t4"} {
		if f.Tables[id].Uncertain {
			t.Errorf("%s is uncertain", id)
		}
	}
}

// apply2019 applies the 2019 pack's profile to the 2019-edition sample with edits
// (old, new pairs).
func apply2019(tb testing.TB, edits ...string) *Facts {
	tb.Helper()
	b, err := os.ReadFile("../../rules/govinfo-2019/testdata/sample-2020.txt")
	if err != nil {
		tb.Fatal(err)
	}
	src := string(b)
	for i := 0; i+1 < len(edits); i += 2 {
		if !strings.Contains(src, edits[i]) {
			tb.Fatalf("sample has no %q", edits[i])
		}
		src = strings.Replace(src, edits[i], edits[i+1], 1)
	}
	return loadPackProfile(tb, "govinfo-2019").Apply(&document.Document{Path: "t.txt", Format: "text", Blocks: text.Blocks(src)})
}

// cellsOf lists a row's cells in column order as state:value:unit, with a ± mark for a
// written sign.
func cellsOf(f *Facts, table, row string) string {
	t := f.Tables[table]
	var out []string
	for _, c := range t.Columns {
		cell := t.Rows[row].Cells[c]
		s := cell.State
		if cell.State == StateNumber {
			s = strconv.FormatFloat(cell.Value, 'f', -1, 64)
			if cell.Signed {
				s = "±" + s
			}
			if cell.Unit != "" {
				s += cell.Unit
			}
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

func TestSignedYearlyChanges(t *testing.T) {
	// The 2019 format's 本年增/减 as real reports write it: -1942, +43, with a full-width
	// minus, with the minus sign U+2212 and the small hyphen-minus U+FE63 PDF and Word
	// converters produce.
	f := apply2019(t,
		"行政许可 0 0 0", "行政许可 8249 -1942 6307",
		"其他对外管理服务事项 0 0 0", "其他对外管理服务事项 20 ﹣2 3",
		"行政处罚 0 0 0", "行政处罚 9 +43 52",
		"行政强制 0 0 0", "行政强制 20 −2 3",
		"行政事业性收费 0 0", "行政事业性收费 35 －1",
	)
	for _, tc := range []struct{ table, row, want string }{
		{"t2_5", "licensing", "8249 ±-1942 6307"},
		{"t2_5", "other_services", "20 ±-2 3"},
		{"t2_6", "penalty", "9 ±43 52"},
		{"t2_6", "coercion", "20 ±-2 3"},
		{"t2_8", "fees", "35 ±-1"},
	} {
		if got := cellsOf(f, tc.table, tc.row); got != tc.want {
			t.Errorf("%s.%s = %q, want %q", tc.table, tc.row, got, tc.want)
		}
	}
	if len(f.Notes) != 0 {
		t.Errorf("notes = %+v", f.Notes)
	}
}

func TestSignedRunsSplitAtTheSign(t *testing.T) {
	for _, tc := range []struct {
		name, row, want, run string
	}{
		// 25+10: the sign starts the change column's value, and the value after it cannot
		// take a sign or start with 0 unless it is 0: 25, +1, 0 only.
		{"one split", "行政许可25+10", "25 ±1 0", ""},
		{"a negative change", "行政许可7-20", "7 ±-2 0", ""},
		// The digits after the sign split between 本年增/减 and 处理决定数量 many ways.
		{"ambiguous after the sign", "行政许可8249-19426307", "missing missing missing", "8249-19426307"},
		// A sign may not start 处理决定数量, a count: no split fits.
		{"a sign before a count", "行政许可2 0+5", "missing missing missing", "20+5"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := apply2019(t, "行政许可 0 0 0", tc.row)
			if got := cellsOf(f, "t2_5", "licensing"); got != tc.want {
				t.Errorf("cells = %q, want %q", got, tc.want)
			}
			if r := f.Tables["t2_5"].Rows["licensing"]; r.Run != tc.run {
				t.Errorf("run = %q, want %q", r.Run, tc.run)
			}
		})
	}
}

func TestValuesWithUnits(t *testing.T) {
	f := apply2019(t,
		"政府集中采购 0 0", "政府集中采购 1个 246900元",
		"规范性文件 0 0 0", "规范性文件3件3件12件",
		"行政许可 0 0 0", "行政许可 3 件 +1 项 12件",
		"规章 0 0 0", "规章 2元 0 0",
	)
	for _, tc := range []struct{ table, row, want string }{
		{"t2_9", "procurement", "1个 246900元"},
		{"t2_1", "normative", "3件 3件 12件"},
		{"t2_5", "licensing", "3件 ±1项 12件"},
		// 元 is no unit of a count: the cell is invalid, not 2.
		{"t2_1", "rules", "invalid 0 0"},
	} {
		if got := cellsOf(f, tc.table, tc.row); got != tc.want {
			t.Errorf("%s.%s = %q, want %q", tc.table, tc.row, got, tc.want)
		}
	}
	// 万元 is a unit, not the scale word 万 followed by 元.
	src := strings.Replace(sampleText(t), "行政事业性收费 0", "行政事业性收费 12.5万元", 1)
	if got := cellsOf(apply(t, src), "t2_8", "fees"); got != "12.5万元" {
		t.Errorf("fees = %q, want 12.5万元", got)
	}
}

func TestRulingsBetweenValuesInText(t *testing.T) {
	// A page scraped into text keeps the column rulings as "|": 乌海市工业和信息化局 2020
	// writes "其他对外管理服务事项 | 2 | +2 | 114 |".
	f := apply2019(t,
		"其他对外管理服务事项 0 0 0", "其他对外管理服务事项 | 2 | +2 | 114 | |",
		"行政处罚 0 0 0", "行政处罚|25|-1|0|",
		"行政强制 0 0 0", "行政强制 |\n9 |\n+43 |\n52 |",
	)
	for _, tc := range []struct{ table, row, want string }{
		{"t2_5", "other_services", "2 ±2 114"},
		{"t2_6", "penalty", "25 ±-1 0"},
		{"t2_6", "coercion", "9 ±43 52"},
	} {
		if got := cellsOf(f, tc.table, tc.row); got != tc.want {
			t.Errorf("%s.%s = %q, want %q", tc.table, tc.row, got, tc.want)
		}
	}
}

// In text with column rulings, two bars with nothing between them on one line are an empty
// cell; bars that end one line and begin the next are not.
func TestEmptyCellBetweenRulings(t *testing.T) {
	f := apply2019(t,
		"行政许可 0 0 0", "| 行政许可 | 2 |  | 59 |",
		"行政处罚 0 0 0", "行政处罚|25||0|",
		"行政强制 0 0 0", "| 行政强制 | 9 | +43 | 52 |\n",
		"规章 0 0 0\n\n规范性文件 0 0 0", "| 规章 | 0 | 0 | 0 |\n| 规范性文件 | 1 | 1 | 3 |",
	)
	for _, tc := range []struct{ table, row, want string }{
		{"t2_1", "rules", "0 0 0"},
		{"t2_1", "normative", "1 1 3"},
		{"t2_5", "licensing", "2 blank 59"},
		{"t2_6", "penalty", "25 blank 0"},
		{"t2_6", "coercion", "9 ±43 52"},
	} {
		if got := cellsOf(f, tc.table, tc.row); got != tc.want {
			t.Errorf("%s.%s = %q, want %q", tc.table, tc.row, got, tc.want)
		}
	}
}

// A row of values written apart, one too few, had a cell left empty: no split of one of
// the values ("59" as 5 and 9) is guessed where no column sum can confirm it.
func TestSeparatedValuesAreNotSplit(t *testing.T) {
	f := apply2019(t, "行政许可 0 0 0", "行政许可  2 59")
	if got := cellsOf(f, "t2_5", "licensing"); got != "missing missing missing" {
		t.Errorf("cells = %q, want missing missing missing", got)
	}
	if r := f.Tables["t2_5"].Rows["licensing"]; r.Run != "" || r.Split || r.Values != 2 {
		t.Errorf("row = run %q, split %v, %d values; want no run, no split, 2 values", r.Run, r.Split, r.Values)
	}
	// One value written apart from its label is one value, not 1, 1 and 1 (seed 2037);
	// run into the label, or with a leading zero (a scraped page's 规章 000), it is values
	// run together.
	for _, tc := range []struct{ row, cells string }{
		{"行政许可 111", "missing missing missing"},
		{"行政许可111", "1 1 1"},
		{"行政许可 000", "0 0 0"},
	} {
		f := apply2019(t, "行政许可 0 0 0", tc.row)
		if got := cellsOf(f, "t2_5", "licensing"); got != tc.cells {
			t.Errorf("%s: cells = %q, want %q", tc.row, got, tc.cells)
		}
		if r := f.Tables["t2_5"].Rows["licensing"]; r.Run != "" || r.Split != (tc.cells != "missing missing missing") {
			t.Errorf("%s: run %q, split %v", tc.row, r.Run, r.Split)
		}
	}
}

// An import note about a table before the report's first section that is none of the
// report's tables (a portal's metadata box) is not the report's; a note about a page, or
// about a table inside the report, is.
func TestPreambleTableNoteIsDropped(t *testing.T) {
	cell := func(s string, line, col int) document.Cell {
		at := document.Pos{Page: 1, Line: line, Col: col}
		return document.Cell{Col: col / 10, RowSpan: 1, ColSpan: 1, Segments: []document.Segment{{Text: s, Start: at}},
			Span: document.Span{Start: at, End: document.Pos{Page: 1, Line: line, Col: col + len([]rune(s))}}}
	}
	box := document.Block{Kind: document.Table, Rows: []document.Row{
		{Cells: []document.Cell{cell("索引号：", 1, 1), cell("0001/2025-1", 1, 10)}},
		{Cells: []document.Cell{cell("发布日期：", 2, 1), cell("2025-01-30", 2, 10)}},
	}, Span: document.Span{Start: document.Pos{Page: 1, Line: 1, Col: 1}, End: document.Pos{Page: 1, Line: 2, Col: 20}}}
	body := text.Blocks("\n\n" + sampleText(t))
	for i := range body {
		shiftPage(&body[i])
	}
	boxNote := document.Note{Message: "第 1 页的表格没有框线", Span: box.Span}
	pageNote := document.Note{Message: "第 1 页内容过多", Span: document.Span{Start: document.Pos{Page: 1, Line: 1, Col: 1}, End: document.Pos{Page: 1, Line: 1, Col: 1}}}
	var t3 document.Span
	f := loadProfile(t).Apply(&document.Document{Path: "t.pdf", Format: "pdf", Blocks: append([]document.Block{box}, body...)})
	if tb := f.Tables["t3"]; tb == nil || !tb.Found {
		t.Fatal("table 3 not found")
	} else {
		t3 = tb.Span
	}
	tableNote := document.Note{Message: "第 3 页表格有不规则的合并单元格", Span: t3}
	f = loadProfile(t).Apply(&document.Document{Path: "t.pdf", Format: "pdf", Notes: []document.Note{boxNote, pageNote, tableNote},
		Blocks: append([]document.Block{box}, body...)})
	var got []string
	for _, n := range f.Notes {
		got = append(got, n.Message)
	}
	if want := []string{pageNote.Message, tableNote.Message}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("notes = %q, want %q", got, want)
	}
}

// shiftPage puts a text block's positions on page 1.
func shiftPage(b *document.Block) {
	b.Span.Start.Page, b.Span.End.Page = 1, 1
	for i := range b.Segments {
		b.Segments[i].Start.Page = 1
	}
}

// An unnumbered title is a heading only as a line of its own or at a block's start: a
// paragraph wrapped just before a title it names goes on after it, and hides no missing
// section; a title that opens its own paragraph and runs on (其他需要报告的事项：无。) is one.
func TestUnnumberedHeadingStartsLineAndBlock(t *testing.T) {
	body := "一、总体情况\n\n正文。\n\n二、主动公开政府信息情况\n\n正文。\n\n三、收到和处理政府信息公开申请情况\n\n正文。\n\n" +
		"四、政府信息公开行政复议、行政诉讼情况\n\n正文。\n\n五、存在的主要问题及改进情况\n\n" +
		"本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况和\n" +
		"其他需要报告的事项等六个部分。"
	found := func(src string) bool {
		for _, s := range apply(t, src).Sections {
			if s.ID == "s6" {
				return s.Found
			}
		}
		t.Fatal("no section s6")
		return false
	}
	if found(body) {
		t.Error("a wrapped line of the introduction was taken for section 六")
	}
	if !found(body + "\n\n其他需要报告的事项：本单位无。") {
		t.Error("a title that opens its own paragraph was not taken for section 六")
	}
}

// doneAfter is a context that turns done after n checks of its Err: it stops the profiling
// in the middle, whatever the machine's speed.
type doneAfter struct {
	context.Context
	n int
}

func (c *doneAfter) Err() error {
	if c.n--; c.n < 0 {
		return context.DeadlineExceeded
	}
	return nil
}

func TestApplyContextStops(t *testing.T) {
	p := loadProfile(t)
	doc := &document.Document{Path: "t.txt", Format: "text", Blocks: text.Blocks(sampleText(t))}
	checks := 0
	for n := 0; ; n++ {
		f, err := p.ApplyContext(&doneAfter{context.Background(), n}, doc)
		if err == nil {
			if f == nil || len(f.Claims) == 0 {
				t.Fatalf("facts after %d checks: %+v", n, f)
			}
			checks = n
			break
		}
		if !errors.Is(err, context.DeadlineExceeded) || f != nil {
			t.Fatalf("stopped after %d checks: %v, %v", n, f, err)
		}
	}
	// The stages ask between steps, not only once at the start.
	if checks < 20 {
		t.Errorf("the profiling checked its context %d times", checks)
	}
	if want := p.Apply(doc); len(want.Claims) == 0 {
		t.Error("Apply found no claims")
	}
}

// A tab-separated row (a table copied from a spreadsheet or a web page) says where its
// blank cells are: an empty field between two tabs, or after the last tab.
func TestTabSeparatedBlankCells(t *testing.T) {
	for _, tc := range []struct {
		row   string
		blank string // the blank column
	}{
		{"一、本年新收政府信息公开申请数量\t1\t\t0\t0\t0\t0\t1", "commercial"},
		{"一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t", "total"},
		{"一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t1", "natural_person"},
	} {
		src := strings.Replace(sampleText(t), "一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0", tc.row, 1)
		f := loadProfile(t).Apply(&document.Document{Path: "t.txt", Format: "text", Blocks: text.Blocks(src)})
		r := f.Tables["t3"].Rows["new_received"]
		if !r.Aligned {
			t.Errorf("%q: row not aligned: %+v", tc.row, r)
			continue
		}
		for col, c := range r.Cells {
			if blank := c.State == StateBlank; blank != (col == tc.blank) {
				t.Errorf("%q: %s is %s (%q)", tc.row, col, c.State, c.Text)
			}
		}
	}
	// Spaces say nothing of blanks: the row is one value short.
	src := strings.Replace(sampleText(t), "一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0", "一、本年新收政府信息公开申请数量 1 0 0 0 0 1", 1)
	if r := apply(t, src).Tables["t3"].Rows["new_received"]; r.Aligned {
		t.Errorf("a row one value short read as aligned: %+v", r)
	}
}

// A table 3 with the subtotal column (法人或其他组织) drawn as a grid whose label cells span
// three columns: the row whose first value cell (自然人) is left empty has a blank before
// eight values. Its blank is the cell, not what is left of a merged label, since the other
// rows show the subtotal column (a generated report, seed 2033).
func TestBlankFirstCellBesideSubtotalColumn(t *testing.T) {
	for _, tc := range []struct{ file, row, above string }{
		{"testdata/subtotal-first-blank.md", "not_processed_confirm", "not_processed_bulk"},
		// Every row's label spans three cells, two of them empty (seed 2035).
		{"testdata/subtotal-first-blank-merged.md", "carried_over", "new_received"},
	} {
		data, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := markdown.Import("r.md", data, "", limit.Default())
		if err != nil {
			t.Fatal(err)
		}
		f := loadProfile(t).Apply(doc)
		r := f.Tables["t3"].Rows[tc.row]
		if !r.Aligned || r.Cells["natural_person"].State != StateBlank || r.Cells["commercial"].Text != "0" || r.Cells["total"].Text != "0" {
			t.Errorf("%s: row %+v", tc.file, r)
		}
		if other := f.Tables["t3"].Rows[tc.above]; !other.Aligned || other.Cells["natural_person"].State != StateNumber {
			t.Errorf("%s: the row above: %+v", tc.file, other)
		}
	}
}
