# METADATA
# title: 上一年项目数量应与上一年报告衔接
# description: >-
#   2019 年试行格式表二第二十条第（五）、（六）、（八）项：本年报告的“上一年项目数量”应等于
#   上一年度报告的“上一年项目数量”加“本年增/减”。不一致时提示核对。需要同时检查上一年度的
#   2019 年试行格式报告（作为输入之一，或用 --previous 指定）。
# custom:
#   id: T2-STOCK
#   level: warning
#   tags: [arithmetic]
#   since: 1.1.0
#   en:
#     title: The previous year's item counts should follow from last year's report
#     description: >-
#       Table 2 blocks “第二十条第（五）项”, “第二十条第（六）项” and “第二十条第（八）项” of the
#       2019 trial format: this year's “上一年项目数量” should equal the previous year's report's
#       “上一年项目数量” plus its “本年增/减”. Where they differ, the rule asks for a check. It needs
#       the previous year's report in the 2019 trial format, checked with this one (one of the
#       inputs, or given with --previous).
package reportlint.rules.t2_stock

import data.reportlint.lib.facts
import data.reportlint.lib.result

# The rows whose item counts carry over, by table.
item_rows := {
	"t2_5": ["licensing", "other_services"],
	"t2_6": ["penalty", "coercion"],
	"t2_8": ["fees"],
}

report contains result.compared(result.fail_related(msg, items.ref, related), expected, now) if {
	input.edition.detected == "2019"
	input.previous.edition == "2019"
	some table, rows in item_rows
	some row in rows
	items := facts.cell(table, row, "prev_items")
	base := input.previous.cells[sprintf("%s.%s.prev_items", [table, row])]
	change := input.previous.cells[sprintf("%s.%s.change", [table, row])]
	base.state == "number"
	change.state == "number"
	now := facts.number(items)
	expected := base.value + change.value
	now != expected
	related := [
		{"ref": base.ref, "message": result.text(sprintf("%d 年度报告的上一年项目数量", [input.previous.year]), sprintf("“上一年项目数量” of the %d report", [input.previous.year]))},
		{"ref": change.ref, "message": result.text(sprintf("%d 年度报告的本年增/减", [input.previous.year]), sprintf("“本年增/减” of the %d report", [input.previous.year]))},
	]
	label := input.tables[table].rows[row].label
	msg := result.text(
		sprintf("表二“%s”上一年项目数量为 %s，按 %d 年度报告的上一年项目数量 %s 加本年增/减 %s 应为 %s", [label, facts.fmt_number(now), input.previous.year, facts.fmt_number(base.value), signed(change.value), facts.fmt_number(expected)]),
		sprintf("Table 2 row “%s”: “上一年项目数量” should be %s (the %d report's “上一年项目数量” %s plus its “本年增/减” %s), but is %s", [label, facts.fmt_number(expected), input.previous.year, facts.fmt_number(base.value), signed(change.value), facts.fmt_number(now)]),
	)
}

signed(x) := sprintf("+%s", [facts.fmt_number(x)]) if x > 0

signed(x) := facts.fmt_number(x) if x <= 0
