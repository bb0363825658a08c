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
#   en:
#     title: The numbers of each kind of result in the narrative should agree with Table 3
#     description: >-
#       What the narrative says of results ("予以公开 N 件", "不予公开 N 件", "无法提供 N 件",
#       "不予处理 N 件", "其他处理 N 件" and the like) should equal the total of the matching result in
#       Table 3; a group (not disclosed, unable to provide, not processed, other handling) is the
#       sum of all its items. One item's number is not the group's: when the narrative's number
#       equals only one item of the group, the rule still reports an error and says so.
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
	rel := [{"ref": input.tables.t3.rows[r].cells.total.ref, "message": result.text(sprintf("表三“%s”总计", [input.tables.t3.rows[r].label]), sprintf("Table 3 “%s” total", [input.tables.t3.rows[r].label]))} | some r in rows]
	msg := result.text(
		sprintf("正文称%s %s 件，表三%s为 %s 件%s%s", [c.fields.category.text, c.fields.n.text, results.what(c.fields.category.text), facts.fmt_number(table), sub_row_note(rows, n), facts.derived_note("t3", rows)]),
		sprintf("The narrative gives %s for “%s”; in Table 3 %s is %s%s%s", [facts.fmt_number(n), c.fields.category.text, results.what_en(c.fields.category.text), facts.fmt_number(table), sub_row_note_en(rows, n), facts.derived_note_en("t3", rows)]),
	)
}

sub_row_note(rows, n) := sprintf("（%s 只是其中“%s”一项的数）", [facts.fmt_number(n), input.tables.t3.rows[r].label]) if {
	count(rows) > 1
	matching := [r | some r in rows; facts.row_total("t3", r) == n]
	count(matching) == 1
	r := matching[0]
} else := ""

sub_row_note_en(rows, n) := sprintf(" (%s is only its item “%s”)", [facts.fmt_number(n), input.tables.t3.rows[r].label]) if {
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
	names_en := concat(", ", [sprintf("“%s”", [input.tables.t3.rows[r].label]) | some r in missing])
	msg := result.text(
		sprintf("无法核对正文所述%s数量：表三%s的总计无法读取", [c.fields.category.text, names]),
		sprintf("The narrative's number for “%s” cannot be checked: Table 3 has no readable total for %s", [c.fields.category.text, names_en]),
	)
}
