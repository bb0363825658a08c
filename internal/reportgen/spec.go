package reportgen

// Edition is the format a report's tables follow: "2019" (国办公开办函〔2019〕60号, trial
// format, reports of 2019 and 2020) or "2021" (国办公开办函〔2021〕30号, reports of 2021 on).
type Edition string

// The two editions.
const (
	Ed2019 Edition = "2019"
	Ed2021 Edition = "2021"
)

// EditionFor returns the edition a report of the given year uses.
func EditionFor(year int) Edition {
	if year <= 2020 {
		return Ed2019
	}
	return Ed2021
}

// CellKey names one table cell by the ids the linter's profile gives the table, row and
// column (t3, new_received, total), so generated values compare directly with the facts
// the linter extracts.
type CellKey struct {
	Table, Row, Col string
}

// String writes the key as the linter's facts name a cell: t3.new_received.total.
func (k CellKey) String() string { return k.Table + "." + k.Row + "." + k.Col }

// ColSpec is one value column of a table.
type ColSpec struct {
	ID    string
	Label string
	// Amount columns hold money (may have decimals); Signed columns may be negative.
	Amount, Signed bool
}

// RowSpec is one row of a table. Group rows carry a label and no values (their children
// follow); Total rows are the sum of every leaf row of their group.
type RowSpec struct {
	ID     string
	Label  string
	Parent string
	Group  bool
	Total  bool
}

// TableSpec is one table (or one block of table 2) as the edition defines it.
type TableSpec struct {
	ID string
	// Group is t2, t3 or t4: the table a block belongs to.
	Group string
	// Caption is the 第二十条第（一）项 line of a table-2 block.
	Caption string
	Cols    []ColSpec
	Rows    []RowSpec
}

// DataRows returns the rows that hold values (not group labels).
func (t TableSpec) DataRows() []RowSpec {
	var out []RowSpec
	for _, r := range t.Rows {
		if !r.Group {
			out = append(out, r)
		}
	}
	return out
}

// Row returns the row with the given id.
func (t TableSpec) Row(id string) (RowSpec, bool) {
	for _, r := range t.Rows {
		if r.ID == id {
			return r, true
		}
	}
	return RowSpec{}, false
}

// t3Cols are the seven value columns of table 3, the applicant kinds then 总计.
var t3Cols = []ColSpec{
	{ID: "natural_person", Label: "自然人"},
	{ID: "commercial", Label: "商业企业"},
	{ID: "research", Label: "科研机构"},
	{ID: "public_interest", Label: "社会公益组织"},
	{ID: "legal_services", Label: "法律服务机构"},
	{ID: "other", Label: "其他"},
	{ID: "total", Label: "总计"},
}

// ApplicantCols are the six applicant columns of table 3 (without 总计).
func ApplicantCols() []string {
	return []string{"natural_person", "commercial", "research", "public_interest", "legal_services", "other"}
}

// t4Cols are the fifteen value columns of table 4.
var t4Cols = func() []ColSpec {
	var out []ColSpec
	for _, b := range []struct{ id, label string }{{"review", "行政复议"}, {"direct", "未经复议直接起诉"}, {"after", "复议后起诉"}} {
		for _, p := range []struct{ id, label string }{{"upheld", "结果维持"}, {"corrected", "结果纠正"}, {"other", "其他结果"}, {"pending", "尚未审结"}, {"total", "总计"}} {
			out = append(out, ColSpec{ID: b.id + "_" + p.id, Label: b.label + "·" + p.label})
		}
	}
	return out
}()

// T4Blocks are the three blocks of table 4.
func T4Blocks() []string { return []string{"review", "direct", "after"} }

// T4Parts are the parts of a table-4 block, 总计 last.
func T4Parts() []string { return []string{"upheld", "corrected", "other", "pending", "total"} }

func t3Rows(ed Edition) []RowSpec {
	rows := []RowSpec{
		{ID: "new_received", Label: "一、本年新收政府信息公开申请数量"},
		{ID: "carried_over", Label: "二、上年结转政府信息公开申请数量"},
		{ID: "results", Label: "三、本年度办理结果", Group: true},
		{ID: "disclosed", Label: "（一）予以公开", Parent: "results"},
		{ID: "partial", Label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", Parent: "results"},
		{ID: "withheld", Label: "（三）不予公开", Group: true, Parent: "results"},
		{ID: "withheld_secret", Label: "1.属于国家秘密", Parent: "withheld"},
		{ID: "withheld_law", Label: "2.其他法律行政法规禁止公开", Parent: "withheld"},
		{ID: "withheld_security", Label: "3.危及“三安全一稳定”", Parent: "withheld"},
		{ID: "withheld_third_party", Label: "4.保护第三方合法权益", Parent: "withheld"},
		{ID: "withheld_internal", Label: "5.属于三类内部事务信息", Parent: "withheld"},
		{ID: "withheld_process", Label: "6.属于四类过程性信息", Parent: "withheld"},
		{ID: "withheld_enforcement", Label: "7.属于行政执法案卷", Parent: "withheld"},
		{ID: "withheld_query", Label: "8.属于行政查询事项", Parent: "withheld"},
		{ID: "unable", Label: "（四）无法提供", Group: true, Parent: "results"},
		{ID: "unable_not_held", Label: "1.本机关不掌握相关政府信息", Parent: "unable"},
		{ID: "unable_needs_creation", Label: "2.没有现成信息需要另行制作", Parent: "unable"},
		{ID: "unable_unclear", Label: "3.补正后申请内容仍不明确", Parent: "unable"},
		{ID: "not_processed", Label: "（五）不予处理", Group: true, Parent: "results"},
		{ID: "not_processed_petition", Label: "1.信访举报投诉类申请", Parent: "not_processed"},
		{ID: "not_processed_repeat", Label: "2.重复申请", Parent: "not_processed"},
		{ID: "not_processed_publication", Label: "3.要求提供公开出版物", Parent: "not_processed"},
		{ID: "not_processed_bulk", Label: "4.无正当理由大量反复申请", Parent: "not_processed"},
		{ID: "not_processed_confirm", Label: "5.要求行政机关确认或重新出具已获取信息", Parent: "not_processed"},
	}
	if ed == Ed2021 {
		rows = append(rows,
			RowSpec{ID: "other_handling", Label: "（六）其他处理", Group: true, Parent: "results"},
			RowSpec{ID: "other_no_correction", Label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Parent: "other_handling"},
			RowSpec{ID: "other_no_fee", Label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Parent: "other_handling"},
			RowSpec{ID: "other_other", Label: "3.其他", Parent: "other_handling"},
		)
	} else {
		rows = append(rows, RowSpec{ID: "other_handling", Label: "（六）其他处理", Parent: "results"})
	}
	return append(rows,
		RowSpec{ID: "total_results", Label: "（七）总计", Total: true, Parent: "results"},
		RowSpec{ID: "carried_forward", Label: "四、结转下年度继续办理"},
	)
}

// Specs returns the tables of an edition: the blocks of table 2, table 3 and table 4, in
// the order a report prints them.
func Specs(ed Edition) []TableSpec {
	var t2 []TableSpec
	if ed == Ed2021 {
		t2 = []TableSpec{
			{ID: "t2_1", Group: "t2", Caption: "第二十条第（一）项",
				Cols: []ColSpec{{ID: "issued", Label: "本年制发件数"}, {ID: "repealed", Label: "本年废止件数"}, {ID: "in_force", Label: "现行有效件数"}},
				Rows: []RowSpec{{ID: "rules", Label: "规章"}, {ID: "normative", Label: "行政规范性文件"}}},
			{ID: "t2_5", Group: "t2", Caption: "第二十条第（五）项",
				Cols: []ColSpec{{ID: "decisions", Label: "本年处理决定数量"}},
				Rows: []RowSpec{{ID: "licensing", Label: "行政许可"}}},
			{ID: "t2_6", Group: "t2", Caption: "第二十条第（六）项",
				Cols: []ColSpec{{ID: "decisions", Label: "本年处理决定数量"}},
				Rows: []RowSpec{{ID: "penalty", Label: "行政处罚"}, {ID: "coercion", Label: "行政强制"}}},
			{ID: "t2_8", Group: "t2", Caption: "第二十条第（八）项",
				Cols: []ColSpec{{ID: "amount", Label: "本年收费金额（单位：万元）", Amount: true}},
				Rows: []RowSpec{{ID: "fees", Label: "行政事业性收费"}}},
		}
	} else {
		items := []ColSpec{{ID: "prev_items", Label: "上一年项目数量"}, {ID: "change", Label: "本年增/减", Signed: true}, {ID: "decisions", Label: "处理决定数量"}}
		t2 = []TableSpec{
			{ID: "t2_1", Group: "t2", Caption: "第二十条第（一）项",
				Cols: []ColSpec{{ID: "issued", Label: "本年新制作数量"}, {ID: "published", Label: "本年新公开数量"}, {ID: "total_public", Label: "对外公开总数量"}},
				Rows: []RowSpec{{ID: "rules", Label: "规章"}, {ID: "normative", Label: "规范性文件"}}},
			{ID: "t2_5", Group: "t2", Caption: "第二十条第（五）项", Cols: items,
				Rows: []RowSpec{{ID: "licensing", Label: "行政许可"}, {ID: "other_services", Label: "其他对外管理服务事项"}}},
			{ID: "t2_6", Group: "t2", Caption: "第二十条第（六）项", Cols: items,
				Rows: []RowSpec{{ID: "penalty", Label: "行政处罚"}, {ID: "coercion", Label: "行政强制"}}},
			{ID: "t2_8", Group: "t2", Caption: "第二十条第（八）项", Cols: items[:2],
				Rows: []RowSpec{{ID: "fees", Label: "行政事业性收费"}}},
			{ID: "t2_9", Group: "t2", Caption: "第二十条第（九）项",
				Cols: []ColSpec{{ID: "items", Label: "采购项目数量"}, {ID: "amount", Label: "采购总金额", Amount: true}},
				Rows: []RowSpec{{ID: "procurement", Label: "政府集中采购"}}},
		}
	}
	return append(t2,
		TableSpec{ID: "t3", Group: "t3", Cols: t3Cols, Rows: t3Rows(ed)},
		TableSpec{ID: "t4", Group: "t4", Cols: t4Cols, Rows: []RowSpec{{ID: "cases"}}},
	)
}

// Spec returns one table of an edition by id.
func Spec(ed Edition, id string) (TableSpec, bool) {
	for _, t := range Specs(ed) {
		if t.ID == id {
			return t, true
		}
	}
	return TableSpec{}, false
}

// ResultCategories are the kinds of result a narrative names, each with the table-3 rows
// it covers (a group's leaves), in table order.
func ResultCategories(ed Edition) []Category {
	spec, _ := Spec(ed, "t3")
	leaves := func(group string) []string {
		var out []string
		for _, r := range spec.Rows {
			if r.Parent == group && !r.Group {
				out = append(out, r.ID)
			}
		}
		if len(out) == 0 {
			out = []string{group}
		}
		return out
	}
	return []Category{
		{ID: "disclosed", Name: "予以公开", Rows: []string{"disclosed"}},
		{ID: "partial", Name: "部分公开", Rows: []string{"partial"}},
		{ID: "withheld", Name: "不予公开", Rows: leaves("withheld")},
		{ID: "unable", Name: "无法提供", Rows: leaves("unable")},
		{ID: "not_processed", Name: "不予处理", Rows: leaves("not_processed")},
		{ID: "other_handling", Name: "其他处理", Rows: leaves("other_handling")},
	}
}

// Category is one kind of result (予以公开 …) and the table-3 rows it sums.
type Category struct {
	ID   string
	Name string
	Rows []string
}
