# METADATA
# title: 汇总报告的数字应等于各组成报告之和
# description: >-
#   按地方规定汇总本地区各编制主体数据的报告（如重庆区县政府的年度报告），其表二、表三、表四的
#   每个数字应等于各组成报告同一单元格之和。只在指明汇总报告（--aggregate）并同时检查各组成报告时核对；
#   组成报告可能不全，所以本规则为警告。
# custom:
#   id: AGG-SUM
#   level: warning
#   tags: [arithmetic]
#   since: 1.1.0
#   en:
#     title: An aggregate report's figures should equal the sums of its component reports
#     description: >-
#       A report that, under local rules, aggregates the data of every reporting body of its
#       area (such as the annual report of a district or county government in Chongqing) should
#       give in each cell of Tables 2, 3 and 4 the sum of the same cell in the component reports.
#       Checked only when the aggregate report is named (--aggregate) and its component reports
#       are checked with it; the component reports may be incomplete, so the rule is a warning.
package reportlint.rules.agg_sum

import data.reportlint.lib.facts
import data.reportlint.lib.result

agg := input.aggregate

# judged is true when every component could be read.
judged if {
	agg.documents > 0
	count(agg.unreadable) == 0
}

# One finding per row, at its first cell that differs from the components' sum, naming
# every such cell of the row; the values compared are that first cell's.
report contains result.compared(result.fail_related(msg, diffs[0].ref, related), diffs[0].sum, diffs[0].value) if {
	judged
	some t in input.tables
	t.found
	some r in t.rows
	r.found
	diffs := [{"ref": c.ref, "col": col, "value": c.value, "sum": a.sum} |
		some col in t.columns
		c := r.cells[col]
		c.state == "number"
		a := agg.cells[c.ref]
		a.numbers == agg.documents
		a.sum != c.value
	]
	count(diffs) > 0
	parts := [sprintf("%s为 %s，%d 份组成报告之和为 %s", [t.column_labels[d.col], facts.fmt_number(d.value), agg.documents, facts.fmt_number(d.sum)]) | some d in diffs]
	parts_en := [sprintf("column “%s” is %s, the sum of the %d component reports is %s", [t.column_labels[d.col], facts.fmt_number(d.value), agg.documents, facts.fmt_number(d.sum)]) | some d in diffs]
	msg := result.text(
		sprintf("%s%s：%s", [t.title, row_phrase(r), concat("；", parts)]),
		sprintf("%s%s: %s", [table_en(t), row_phrase_en(r), concat("; ", parts_en)]),
	)
	related := [{"ref": d.ref, "message": result.text(
		sprintf("%s：各组成报告之和为 %s", [t.column_labels[d.col], facts.fmt_number(d.sum)]),
		sprintf("column “%s”: the component reports add up to %s", [t.column_labels[d.col], facts.fmt_number(d.sum)]),
	)} |
		some i, d in diffs
		i > 0
	]
}

row_phrase(r) := sprintf("“%s”行", [r.label]) if r.label != ""

row_phrase(r) := "" if r.label == ""

row_phrase_en(r) := sprintf(" row “%s”", [r.label]) if r.label != ""

row_phrase_en(r) := "" if r.label == ""

# table_en names a table in English messages: Table 3, Table 4, or a block of table 2 by
# its caption (Table 2 block “第二十条第（一）项”).
table_en(t) := "Table 3" if {
	t.id == "t3"
} else := "Table 4" if {
	t.id == "t4"
} else := sprintf("Table 2 block “%s”", [split(t.title, "·")[1]]) if {
	t.group == "t2"
	contains(t.title, "·")
} else := sprintf("table “%s”", [t.title])

report contains result.not_assessable(msg, "doc") if {
	count(agg.unreadable) > 0
	msg := result.text(
		sprintf("无法核对汇总数：%d 份组成报告无法读取（%s），各单元格之和不完整", [count(agg.unreadable), concat("、", agg.unreadable)]),
		sprintf("Cannot check the aggregate: %s could not be read (%s), so the sums of the cells are incomplete", [plural(count(agg.unreadable), "component report"), concat(", ", [sprintf("“%s”", [p]) | some p in agg.unreadable])]),
	)
}

# Cells some component leaves blank or without a number: their sums cannot be judged.
# Reported once, at the first such cell.
report contains result.not_assessable(msg, sort(open)[0]) if {
	judged
	open := {c.ref |
		some t in input.tables
		t.found
		some r in t.rows
		r.found
		some c in r.cells
		c.state == "number"
		a := agg.cells[c.ref]
		a.numbers < agg.documents
	}
	count(open) > 0
	msg := result.text(
		sprintf("有 %d 个单元格无法核对汇总数：部分组成报告在这些单元格没有数字（空白、占位符或未读到）", [count(open)]),
		sprintf("%s cannot be checked against the components: some component reports have no number there (blank, a placeholder or not read)", [plural(count(open), "cell")]),
	)
}

# plural(n, noun) is "1 cell", "3 cells".
plural(1, noun) := sprintf("1 %s", [noun])

plural(n, noun) := sprintf("%d %ss", [n, noun]) if n != 1
