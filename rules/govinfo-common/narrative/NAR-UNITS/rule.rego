# METADATA
# title: 数量单位应正确
# description: >-
#   政府信息公开申请和案件以“件”计；“收到申请 N 条”是单位错误。信息条数以“条”计，
#   以“万条”计的数字大到不合情理（例如 173769 万条）时，多半是把“条”误写成“万条”。
# custom:
#   id: NAR-UNITS
#   level: warning
#   tags: [narrative]
#   since: 1.0.0
#   en:
#     title: Units of quantities should be right
#     description: >-
#       Applications and cases are counted in "件"; applications received counted in "条" is a
#       wrong unit. Items of information are counted in "条"; a figure in "万条" (ten thousand
#       items) so large it is implausible (such as "173769万条") most likely has "万条" written for
#       "条".
package reportlint.rules.nar_units

import data.reportlint.lib.facts
import data.reportlint.lib.result

report contains result.fail(msg, c.fields.unit.ref) if {
	some c in facts.claims("applications_received")
	c.fields.unit.text == "条"
	msg := result.text(
		sprintf("政府信息公开申请应以“件”计，正文写作“%s条”", [c.fields.n.text]),
		sprintf("Applications are counted in “件”; the narrative writes “%s条”", [c.fields.n.text]),
	)
}

report contains result.fail(msg, c.ref) if {
	some c in facts.claims("items_wan")
	c.fields.n.value >= 10000
	msg := result.text(
		sprintf("“%s”即 %s 亿条以上，数量不合情理，可能应为“%s条”", [c.text, facts.fmt_number(floor(c.fields.n.value / 10000)), c.fields.n.text]),
		sprintf("“%s” would be %s items, an implausible number; “%s条” was probably meant", [c.text, facts.fmt_number(round(c.fields.n.value * 10000)), c.fields.n.text]),
	)
}
