# METADATA
# title: 正文所述收到申请数与旧统计表一致
# description: >-
#   正文中“收到（受理）政府信息公开申请 N 件”应与“政府信息公开情况统计表”的收到申请数一致。
# custom:
#   id: PRE-NAR-APPLICATIONS
#   level: error
#   tags: [narrative]
#   since: 1.0.0
#   en:
#     title: The applications received in the narrative agree with the old statistics table
#     description: >-
#       The narrative's applications received (accepted), "收到（受理）政府信息公开申请 N 件", should
#       agree with "收到申请数" of the statistics table ("政府信息公开情况统计表").
package reportlint.rules.pre_nar_applications

import data.reportlint.lib.facts
import data.reportlint.lib.result
import data.reportlint.lib.stats

report contains result.compared(result.fail_related(msg, c.fields.n.ref, [{"ref": cell.ref, "message": result.text("统计表收到申请数", sprintf("the statistics table's “%s”", [stats.label("received")]))}]), cell.value, c.fields.n.value) if {
	cell := stats.cell("received")
	facts.is_number(cell)
	some c in facts.claims("applications_received")
	c.fields.n.value != cell.value
	msg := result.text(
		sprintf("正文称收到申请 %s 件，统计表“%s”为 %s 件", [c.fields.n.text, stats.label("received"), facts.fmt_number(cell.value)]),
		sprintf("The narrative counts %s received; the statistics table's “%s” is %s", [facts.count_en(c.fields.n.value, "application"), stats.label("received"), facts.fmt_number(cell.value)]),
	)
}
