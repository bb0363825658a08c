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
	msg := sprintf("%s%s：%s", [t.title, row_phrase(r), concat("；", parts)])
	related := [{"ref": d.ref, "message": sprintf("%s：各组成报告之和为 %s", [t.column_labels[d.col], facts.fmt_number(d.sum)])} | some i, d in diffs; i > 0]
}

row_phrase(r) := sprintf("“%s”行", [r.label]) if r.label != ""

row_phrase(r) := "" if r.label == ""

report contains result.not_assessable(msg, "doc") if {
	count(agg.unreadable) > 0
	msg := sprintf("无法核对汇总数：%d 份组成报告无法读取（%s），各单元格之和不完整", [count(agg.unreadable), concat("、", agg.unreadable)])
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
	msg := sprintf("有 %d 个单元格无法核对汇总数：部分组成报告在这些单元格没有数字（空白、占位符或未读到）", [count(open)])
}
