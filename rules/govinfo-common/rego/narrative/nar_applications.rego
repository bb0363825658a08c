# METADATA
# title: 正文所述申请数量应与表三一致
# description: >-
#   正文中“收到政府信息公开申请 N 件”“未收到政府信息公开申请”等表述应与表三“本年新收政府信息公开申请数量”的总计一致。
#   有的报告把上年结转的申请也算作“收到”，此时给出警告并说明两种口径。
# custom:
#   id: NAR-APPLICATIONS
#   level: error
#   tags: [narrative]
#   since: 1.0.0
package reportlint.rules.nar_applications

import data.reportlint.lib.facts
import data.reportlint.lib.result

new_cell := facts.cell("t3", "new_received", "total")

carried_cell := facts.cell("t3", "carried_over", "total")

related(label) := [{"ref": new_cell.ref, "message": label}]

# "收到申请 N 件" disagrees with 本年新收.
report contains result.fail_related(msg, c.fields.n.ref, related("表三本年新收申请总计")) if {
	some c in facts.claims("applications_received")
	c.fields.n.number
	n := c.fields.n.value
	table := facts.number(new_cell)
	n != table
	not counts_carried_over(n, table)
	msg := sprintf("正文称收到申请 %s 件，表三“本年新收政府信息公开申请数量”总计为 %s 件", [c.fields.n.text, facts.fmt_number(table)])
}

# The same count read as new + carried over: a warning that names both readings.
report contains result.with_level(result.fail_related(msg, c.fields.n.ref, related("表三本年新收申请总计")), "warning") if {
	some c in facts.claims("applications_received")
	c.fields.n.number
	n := c.fields.n.value
	table := facts.number(new_cell)
	n != table
	counts_carried_over(n, table)
	msg := sprintf("正文称收到申请 %s 件，表三本年新收为 %s 件、上年结转为 %s 件：正文似乎把上年结转也算作收到，口径应与表三一致", [c.fields.n.text, facts.fmt_number(table), facts.fmt_number(facts.number(carried_cell))])
}

counts_carried_over(n, table) if {
	carried := facts.number(carried_cell)
	carried > 0
	n == table + carried
}

# "未收到申请" while the table counts new applications.
report contains result.fail_related(msg, c.ref, related("表三本年新收申请总计")) if {
	some c in facts.claims("applications_none")
	table := facts.number(new_cell)
	table > 0
	msg := sprintf("正文称未收到政府信息公开申请，但表三“本年新收政府信息公开申请数量”总计为 %s 件", [facts.fmt_number(table)])
}

# The table cell cannot be read: say so instead of passing silently.
report contains result.not_assessable(msg, c.ref) if {
	some c in input.claims
	c.id in {"applications_none", "applications_received"}
	new_cell
	not facts.is_number(new_cell)
	msg := sprintf("无法核对正文所述申请数量：表三“本年新收政府信息公开申请数量”总计为%s", [facts.state_name(new_cell)])
}
