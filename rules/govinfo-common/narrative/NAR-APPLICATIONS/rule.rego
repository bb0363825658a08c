# METADATA
# title: 正文所述申请数量应与表三一致
# description: >-
#   正文中关于政府信息公开申请的数量应与表三一致：“收到（新收、受理）申请 N 件”对应“本年新收政府信息公开申请数量”，
#   “上年结转 N 件”对应“上年结转政府信息公开申请数量”，“办结（答复）N 件”对应“（七）总计”，
#   “结转下年度 N 件”对应“结转下年度继续办理”，均取“总计”列；“未收到申请”要求本年新收为 0。
#   “共受理申请 N 件（含上年结转 M 件）”中的 N 对应本年新收与上年结转之和。
#   有的报告把上年结转的申请也算作“收到”，或只说明本机关代表政府受理的部分，此时给出提示并说明两种口径。
#   “全区（县、市）共收到申请 N 件”只在人民政府的报告中与表三比较：部门报告中的这类数字说的是其他机关。
# custom:
#   id: NAR-APPLICATIONS
#   level: error
#   tags: [narrative]
#   since: 1.0.0
#   en:
#     title: The numbers of applications in the narrative should agree with Table 3
#     description: >-
#       The numbers of applications the narrative gives should agree with the "总计" column of
#       Table 3: applications received (new, accepted) with "本年新收政府信息公开申请数量",
#       applications carried over from last year with "上年结转政府信息公开申请数量", applications
#       answered with "（七）总计", applications carried forward to next year with
#       "结转下年度继续办理"; "no applications received" requires no new applications. N
#       applications accepted "including M carried over" is compared with new plus carried over.
#       Some reports count the applications carried over as received too, or give only the part
#       the body accepted on behalf of its government: then a note names both readings. A count
#       over the whole area (district, county, city) is compared with Table 3 only in a people's
#       government's report; in a department's report it is another body's figure.
package reportlint.rules.nar_applications

import data.reportlint.lib.body
import data.reportlint.lib.facts
import data.reportlint.lib.result

new_cell := facts.cell("t3", "new_received", "total")

carried_cell := facts.cell("t3", "carried_over", "total")

# Claims compared with one row's 总计, and how to name them.
checks := {
	"carried_over_count": {"row": "carried_over", "say": "上年结转申请", "say_en": "%s carried over from last year"},
	"answered_count": {"row": "total_results", "say": "办结（答复）申请", "say_en": "%s answered"},
	"carried_forward_count": {"row": "carried_forward", "say": "结转下年度办理申请", "say_en": "%s carried forward to next year"},
}

related(cell, label) := [{"ref": cell.ref, "message": label}]

new_label := result.text("表三本年新收申请总计", "Table 3 total of new applications")

carried_label := result.text("表三上年结转申请总计", "Table 3 total of applications carried over")

row_label(row) := sprintf("表三“%s”", [input.tables.t3.rows[row].label])

# row_total_en(row) names the row's total in English: the total of Table 3 “…”.
row_total_en(row) := sprintf("the total of Table 3 “%s”", [input.tables.t3.rows[row].label])

# n_en(c) is the number of applications the claim gives: "3 applications".
n_en(c) := facts.count_en(c.fields.n.value, "application")

# "收到申请 N 件" disagrees with 本年新收.
report contains result.compared(result.fail_related(msg, c.fields.n.ref, related(new_cell, new_label)), table, n) if {
	some c in own_claims("applications_received")
	not c.fields.scope
	n := c.fields.n.value
	table := facts.row_total("t3", "new_received")
	n != table
	not counts_carried_over(n, table)
	msg := result.text(
		sprintf("正文称收到申请 %s 件，%s总计为 %s 件", [c.fields.n.text, row_label("new_received"), facts.fmt_number(table)]),
		sprintf("The narrative counts %s received; %s is %s", [n_en(c), row_total_en("new_received"), facts.fmt_number(table)]),
	)
}

# The same count read as new + carried over: the text counts differently from the table,
# which it may explain elsewhere; a note that names both readings.
report contains result.with_level(result.compared(result.fail_related(msg, c.fields.n.ref, related(new_cell, new_label)), table, n), "note") if {
	some c in own_claims("applications_received")
	n := c.fields.n.value
	table := facts.row_total("t3", "new_received")
	n != table
	counts_carried_over(n, table)
	carried := facts.fmt_number(facts.row_total("t3", "carried_over"))
	msg := result.text(
		sprintf("正文称收到申请 %s 件，表三本年新收为 %s 件、上年结转为 %s 件：正文似乎把上年结转也算作收到，请确认口径与表三一致", [c.fields.n.text, facts.fmt_number(table), carried]),
		sprintf("The narrative counts %s received; Table 3 has %s new and %s carried over from last year: the narrative seems to count those carried over as received too; check that it counts as Table 3 does", [n_en(c), facts.fmt_number(table), carried]),
	)
}

# A count with a scope (代表区政府受理…) may cover part of the table: a note.
report contains result.with_level(result.compared(result.fail_related(msg, c.fields.n.ref, related(new_cell, new_label)), table, n), "note") if {
	some c in own_claims("applications_received")
	c.fields.scope
	n := c.fields.n.value
	table := facts.row_total("t3", "new_received")
	n != table
	not counts_carried_over(n, table)
	msg := result.text(
		sprintf("正文称%s受理申请 %s 件，%s总计为 %s 件：正文的数可能只是其中一部分，请确认两者口径一致", [c.fields.scope.text, c.fields.n.text, row_label("new_received"), facts.fmt_number(table)]),
		sprintf("The narrative counts %s accepted “%s”; %s is %s: the narrative's figure may be only part of it; check that the two count the same", [n_en(c), c.fields.scope.text, row_total_en("new_received"), facts.fmt_number(table)]),
	)
}

# "共受理申请 N 件（含上年结转 M 件）": N is 本年新收 plus 上年结转.
report contains result.compared(result.fail_related(msg, c.fields.n.ref, rel), new + carried, c.fields.n.value) if {
	some c in own_claims("applications_with_carried")
	new := facts.row_total("t3", "new_received")
	carried := facts.row_total("t3", "carried_over")
	c.fields.n.value != new + carried
	rel := [{"ref": new_cell.ref, "message": new_label}, {"ref": carried_cell.ref, "message": carried_label}]
	msg := result.text(
		sprintf("正文称受理申请 %s 件（含上年结转），表三本年新收 %s 件、上年结转 %s 件，合计 %s 件", [c.fields.n.text, facts.fmt_number(new), facts.fmt_number(carried), facts.fmt_number(new + carried)]),
		sprintf("The narrative counts %s accepted, including those carried over from last year; Table 3 has %s new and %s carried over, %s in all", [n_en(c), facts.fmt_number(new), facts.fmt_number(carried), facts.fmt_number(new + carried)]),
	)
}

# own_claims(id) are the claims that speak of the body's own figures: a count over the
# whole area (全区共收到…) is the report's own only in a people's government's report.
own_claims(id) := [c | some c in facts.claims(id); not c.fields.area] if not body.government

own_claims(id) := facts.claims(id) if body.government

counts_carried_over(n, table) if {
	carried := facts.row_total("t3", "carried_over")
	carried > 0
	n == table + carried
}

# Carried over, answered, carried forward.
report contains result.compared(result.fail_related(msg, c.fields.n.ref, related(cell, result.text(sprintf("%s总计", [row_label(check.row)]), row_total_en(check.row)))), table, c.fields.n.value) if {
	some id, check in checks
	some c in own_claims(id)
	cell := facts.cell("t3", check.row, "total")
	table := facts.row_total("t3", check.row)
	c.fields.n.value != table
	msg := result.text(
		sprintf("正文称%s %s 件，%s总计为 %s 件", [check.say, c.fields.n.text, row_label(check.row), facts.fmt_number(table)]),
		sprintf("The narrative counts %s; %s is %s", [sprintf(check.say_en, [n_en(c)]), row_total_en(check.row), facts.fmt_number(table)]),
	)
}

# "未收到申请" while the table counts new applications.
report contains result.compared(result.fail_related(msg, c.ref, related(new_cell, new_label)), table, 0) if {
	some c in facts.claims("applications_none")
	table := facts.row_total("t3", "new_received")
	table > 0
	msg := result.text(
		sprintf("正文称未收到政府信息公开申请，但%s总计为 %s 件", [row_label("new_received"), facts.fmt_number(table)]),
		sprintf("The narrative says no applications were received, but %s is %s", [row_total_en("new_received"), facts.fmt_number(table)]),
	)
}

# The table cell cannot be read: say so instead of passing silently.
report contains result.not_assessable(msg, c.ref) if {
	some c in input.claims
	not c.fields.area
	row := claim_row[c.id]
	cell := facts.cell("t3", row, "total")
	not facts.row_total("t3", row)
	msg := result.text(
		sprintf("无法核对正文所述数量：%s总计为%s", [row_label(row), facts.state_name(cell)]),
		sprintf("The narrative's figure cannot be checked: %s is %s", [row_total_en(row), facts.state_name_en(cell)]),
	)
}

claim_row := {
	"applications_none": "new_received",
	"applications_received": "new_received",
	"carried_over_count": "carried_over",
	"answered_count": "total_results",
	"carried_forward_count": "carried_forward",
	"applications_with_carried": "new_received",
}
