# METADATA
# title: 人民政府的报告应说明考核、评议和责任追究结果
# description: >-
#   《政府信息公开条例》第五十条第（四）项：各级人民政府的年度报告还应当包括工作考核、社会评议和
#   责任追究结果情况；国办公开办函〔2021〕30号要求写在“监督保障”部分。报告标题中的机关为人民政府时检查。
# custom:
#   id: DOC-ACCOUNTABILITY
#   level: warning
#   tags: [section]
#   since: 1.0.0
package reportlint.rules.doc_accountability

import data.reportlint.lib.body
import data.reportlint.lib.facts
import data.reportlint.lib.result

texts := concat("", [s.text | some s in input.sections; s.found])

report contains result.fail(msg, facts.section_ref("s1")) if {
	body.government
	not regex.match(`考核|评议|责任追究|追责`, texts)
	msg := sprintf("“%s”是人民政府（或其代表），报告应说明工作考核、社会评议和责任追究结果情况，正文未见“考核”“评议”“责任追究”“追责”等表述", [body.name])
}
