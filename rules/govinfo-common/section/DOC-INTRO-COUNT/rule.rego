# METADATA
# title: 引言所述部分数应为六
# description: 引言中写明报告“包括……等 N 个部分”的，N 应为 6，与报告实际的六个部分一致。
# custom:
#   id: DOC-INTRO-COUNT
#   level: warning
#   tags: [section]
#   since: 1.0.0
#   en:
#     title: The introduction should count six sections
#     description: >-
#       Where the introduction says the report has N sections ("包括……等 N 个部分"), N should be 6,
#       the six sections the report has.
package reportlint.rules.doc_intro_count

import data.reportlint.lib.facts
import data.reportlint.lib.result

report contains result.compared(result.fail(msg, c.fields.n.ref), 6, c.fields.n.value) if {
	some c in facts.claims("intro_parts")
	c.fields.n.number
	c.fields.n.value != 6
	msg := result.text(
		sprintf("引言称报告包括 %s 个部分，格式规定为六个部分", [c.fields.n.text]),
		sprintf("The introduction says the report has %s; the format has six", [facts.count_en(c.fields.n.value, "section")]),
	)
}
