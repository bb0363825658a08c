# METADATA
# title: 报告应包含全部六个部分
# description: >-
#   年度报告应包含总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、
#   政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分
#   （《政府信息公开条例》第五十条；国办公开办函〔2021〕30号要求“不能遗漏”）。
# custom:
#   id: DOC-SECTIONS
#   level: error
#   tags: [section]
#   since: 1.0.0
#   en:
#     title: The report should have all six sections
#     description: >-
#       An annual report should have six sections: general situation, proactive disclosure,
#       applications received and handled, administrative reconsideration and litigation over
#       disclosure, main problems and improvements, other matters to report (article 50 of the
#       Regulations on the Disclosure of Government Information; "国办公开办函〔2021〕30号" asks
#       that none be left out).
package reportlint.rules.doc_sections

import data.reportlint.lib.facts
import data.reportlint.lib.result

report contains result.fail(msg, facts.section_ref(s.id)) if {
	some s in input.sections
	not s.found
	not s.unheaded
	msg := result.text(
		sprintf("缺少第%s部分“%s、%s”", [s.numeral, s.numeral, s.title]),
		sprintf("Section %s “%s、%s” is missing", [facts.numeral_en(s.numeral), s.numeral, s.title]),
	)
}

# The content is there, under sub-headings, without the section's own heading: a warning.
report contains result.with_level(result.fail(msg, s.ref), "warning") if {
	some s in input.sections
	s.unheaded
	msg := result.text(
		sprintf("第%s部分缺少标题“%s、%s”（其内容从“%s”开始）", [s.numeral, s.numeral, s.title, s.heading]),
		sprintf("Section %s has no heading “%s、%s” (its content starts at “%s”)", [facts.numeral_en(s.numeral), s.numeral, s.title, s.heading]),
	)
}
