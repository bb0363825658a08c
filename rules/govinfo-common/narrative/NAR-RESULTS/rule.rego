# METADATA
# title: 正文所述各类办理结果数量应与表三一致
# description: >-
#   正文中“予以公开 N 件”“不予公开 N 件”“无法提供 N 件”“不予处理 N 件”“其他处理 N 件”等表述，
#   应等于表三相应办理结果的总计；分组（不予公开、无法提供、不予处理、其他处理）取其全部子项之和。
#   某一子项的数不能当作整组的数：若正文的数只等于其中一个子项，规则仍报错并指出这一点。
# custom:
#   id: NAR-RESULTS
#   level: error
#   tags: [narrative]
#   since: 1.0.0
package reportlint.rules.nar_results

import data.reportlint.lib.facts
import data.reportlint.lib.result
import data.reportlint.lib.results

report contains result.compared(result.fail_related(msg, c.fields.n.ref, rel), table, n) if {
	some c in facts.claims("result_count")
	rows := results.rows_of(c.fields.category.text)
	table := results.total(rows)
	n := c.fields.n.value
	n != table
	rel := [{"ref": input.tables.t3.rows[r].cells.total.ref, "message": sprintf("表三“%s”总计", [input.tables.t3.rows[r].label])} | some r in rows]
	msg := sprintf("正文称%s %s 件，表三%s为 %s 件%s%s", [c.fields.category.text, c.fields.n.text, results.what(c.fields.category.text), facts.fmt_number(table), sub_row_note(rows, n), facts.derived_note("t3", rows)])
}

sub_row_note(rows, n) := sprintf("（%s 只是其中“%s”一项的数）", [facts.fmt_number(n), input.tables.t3.rows[r].label]) if {
	count(rows) > 1
	matching := [r | some r in rows; facts.row_total("t3", r) == n]
	count(matching) == 1
	r := matching[0]
} else := ""

# One note per claim, naming every row whose total cannot be read.
report contains result.not_assessable(msg, c.ref) if {
	some c in facts.claims("result_count")
	missing := results.unreadable(results.rows_of(c.fields.category.text))
	count(missing) > 0
	names := concat("、", [sprintf("“%s”", [input.tables.t3.rows[r].label]) | some r in missing])
	msg := sprintf("无法核对正文所述%s数量：表三%s的总计无法读取", [c.fields.category.text, names])
}
