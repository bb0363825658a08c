# METADATA
# title: 报告应按期发布
# description: >-
#   《政府信息公开条例》第四十九条：县级以上人民政府部门应在每年 1 月 31 日前公布本部门上一年度的年度报告；
#   县级以上地方人民政府的政府信息公开工作主管部门应在每年 3 月 31 日前公布本级政府上一年度的年度报告。
#   规则读取报告中写明的发布日期；机关类型从标题中的机关名称判断，判断不出时按 3 月 31 日。
#   地方规定的期限更早时，可用参数 deadline_department、deadline_government（月×100+日）调整。
# custom:
#   id: DOC-DEADLINE
#   level: warning
#   tags: [metadata]
#   since: 1.0.0
#   en:
#     title: The report should be published on time
#     description: >-
#       Article 49 of 《政府信息公开条例》: departments of people's governments at county level and
#       above publish their annual report for the year before by 31 January each year; the
#       government information disclosure authority of a local people's government at county
#       level and above publishes the government's annual report for the year before by 31 March.
#       The rule reads the publication date the report states; the kind of body comes from its
#       name in the title, and where it cannot be told, 31 March applies. Where local rules set
#       earlier deadlines, the parameters deadline_department and deadline_government
#       (month×100+day) change them.
package reportlint.rules.doc_deadline

import data.reportlint.lib.body
import data.reportlint.lib.facts
import data.reportlint.lib.result

published := facts.claims("publish_date")[0]

# deadline is month×100+day of the year after the report year (pack parameters).
deadline := input.params.deadline_department if body.department

deadline := input.params.deadline_government if not body.department

deadline_month := floor(deadline / 100)

last_day := deadline % 100

report contains result.fail(msg, published.ref) if {
	input.report.year > 0
	y := published.fields.y.value
	m := published.fields.m.value
	d := published.fields.d.value
	late(y, m, d)
	msg := result.text(
		sprintf("报告发布日期为 %d年%d月%d日，%s应在 %d年%d月%d日前公布", [y, m, d, who, input.report.year + 1, deadline_month, last_day]),
		sprintf("The report was published on %d-%02d-%02d, but %s should be published by %d-%02d-%02d", [y, m, d, who_en, input.report.year + 1, deadline_month, last_day]),
	)
}

late(y, _, _) if y > input.report.year + 1

late(y, m, d) if {
	y == input.report.year + 1
	[m, d] > [deadline_month, last_day]
}

who := "部门年度报告" if body.department

who := "年度报告" if not body.department

who_en := "a department's annual report" if body.department

who_en := "the annual report" if not body.department
