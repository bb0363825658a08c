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
package reportlint.rules.t3_xy

import data.reportlint.lib.facts
import data.reportlint.lib.result

report contains result.compared(result.fail_related(msg, cur.ref, [{"ref": prev.ref, "message": sprintf("%d 年度报告表三“结转下年度继续办理”", [input.previous.year])}]), prev.value, now) if {
	some col in input.tables.t3.columns
	cur := facts.cell("t3", "carried_over", col)
	prev := input.previous.cells[sprintf("t3.carried_forward.%s", [col])]
	prev.state == "number"
	now := facts.number(cur)
	now != prev.value
	msg := sprintf("表三“上年结转”%s列为 %s，%d 年度报告“结转下年度继续办理”为 %s", [input.tables.t3.column_labels[col], facts.fmt_number(now), input.previous.year, facts.fmt_number(prev.value)])
}
