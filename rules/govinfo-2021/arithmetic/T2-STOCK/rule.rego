# METADATA
# title: 现行有效件数应与上一年衔接
# description: >-
#   2021 年版格式表二第二十条第（一）项：本年“现行有效件数”通常等于上一年度报告的“现行有效件数”
#   加本年“本年制发件数”减“本年废止件数”。不一致时提示核对（修订、失效等也会造成差异）。
#   需要同时检查上一年度的 2021 年版格式报告。
# custom:
#   id: T2-STOCK
#   level: warning
#   tags: [arithmetic]
#   since: 1.0.0
#   en:
#     title: Documents in force should follow from last year's
#     description: >-
#       Table 2 block “第二十条第（一）项” of the 2021 format: this year's “现行有效件数” is normally
#       the previous year's report's “现行有效件数” plus this year's “本年制发件数” minus
#       “本年废止件数”. Where they differ, the rule asks for a check (amendments and documents
#       that lapse can also make a difference). It needs the previous year's report in the 2021
#       format, checked with this one.
package reportlint.rules.t2_stock

import data.reportlint.lib.facts
import data.reportlint.lib.result

report contains result.compared(result.fail_related(msg, stock.ref, [{"ref": prev.ref, "message": prev_note}]), expected, now) if {
	input.edition.detected == "2021"
	input.previous.edition == "2021"
	some row in ["rules", "normative"]
	stock := facts.cell("t2_1", row, "in_force")
	prev := input.previous.cells[sprintf("t2_1.%s.in_force", [row])]
	prev.state == "number"
	now := facts.number(stock)
	issued := facts.number(facts.cell("t2_1", row, "issued"))
	repealed := facts.number(facts.cell("t2_1", row, "repealed"))
	expected := (prev.value + issued) - repealed
	now != expected
	label := input.tables.t2_1.rows[row].label
	msg := result.text(
		sprintf("表二“%s”现行有效件数为 %s，按上一年度 %s 件加本年制发 %s 件、减本年废止 %s 件应为 %s 件", [label, facts.fmt_number(now), facts.fmt_number(prev.value), facts.fmt_number(issued), facts.fmt_number(repealed), facts.fmt_number(expected)]),
		sprintf("Table 2 row “%s”: “现行有效件数” should be %s (last year's %s, plus %s issued and minus %s repealed this year), but is %s", [label, facts.fmt_number(expected), facts.fmt_number(prev.value), facts.fmt_number(issued), facts.fmt_number(repealed), facts.fmt_number(now)]),
	)
}

prev_note := result.text(
	sprintf("%d 年度报告的现行有效件数", [input.previous.year]),
	sprintf("“现行有效件数” of the %d report", [input.previous.year]),
)
