# METADATA
# title: 上年结转应等于上一年报告的结转下年度
# description: >-
#   同一机关本年度报告表三“二、上年结转政府信息公开申请数量”的每一列，应等于上一年度报告
#   表三“四、结转下年度继续办理”的同一列。需要同时检查上一年度的报告（作为输入之一，或用 --previous 指定）。
# custom:
#   id: T3-XY
#   level: warning
#   tags: [arithmetic]
#   since: 1.0.0
#   en:
#     title: Applications carried over should equal those last year's report carried forward
#     description: >-
#       Each column of Table 3 row “二、上年结转政府信息公开申请数量” in a body's report should equal
#       the same column of Table 3 row “四、结转下年度继续办理” in the same body's report for the
#       year before. It needs the previous year's report, checked with this one (one of the
#       inputs, or given with --previous).
package reportlint.rules.t3_xy

import data.reportlint.lib.facts
import data.reportlint.lib.result

report contains result.compared(result.fail_related(msg, cur.ref, [{"ref": prev.ref, "message": prev_note}]), prev.value, now) if {
	some col in input.tables.t3.columns
	cur := facts.cell("t3", "carried_over", col)
	prev := input.previous.cells[sprintf("t3.carried_forward.%s", [col])]
	prev.state == "number"
	now := facts.number(cur)
	now != prev.value
	label := input.tables.t3.column_labels[col]
	msg := result.text(
		sprintf("表三“上年结转”%s列为 %s，%d 年度报告“结转下年度继续办理”为 %s", [label, facts.fmt_number(now), input.previous.year, facts.fmt_number(prev.value)]),
		sprintf("Table 3 “上年结转”, column “%s”, is %s, but the %d report's “结转下年度继续办理” is %s", [label, facts.fmt_number(now), input.previous.year, facts.fmt_number(prev.value)]),
	)
}

prev_note := result.text(
	sprintf("%d 年度报告表三“结转下年度继续办理”", [input.previous.year]),
	sprintf("Table 3 “结转下年度继续办理” of the %d report", [input.previous.year]),
)
