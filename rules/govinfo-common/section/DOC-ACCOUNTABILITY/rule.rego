# METADATA
# title: 人民政府的报告应说明考核、评议和责任追究结果
# description: >-
#   《政府信息公开条例》第五十条第（四）项：各级人民政府的年度报告还应当包括工作考核、社会评议和
#   责任追究结果情况；国办公开办函〔2021〕30号要求写在“监督保障”部分。只检查人民政府本身的报告
#   （标题中的机关为某某人民政府，或只写地区名）；政府办公厅（室）、政府部门、开发区等管委会不检查，
#   乡镇人民政府只在参数 accountability_townships 为 1 时检查。
# custom:
#   id: DOC-ACCOUNTABILITY
#   level: warning
#   tags: [section]
#   since: 1.0.0
#   en:
#     title: A people's government's report should state the results of assessment, appraisal and accountability
#     description: >-
#       Article 50 item (4) of the Regulations on the Disclosure of Government Information: the
#       annual reports of people's governments at every level also cover the results of work
#       assessment, public appraisal and accountability; "国办公开办函〔2021〕30号" puts them under
#       "监督保障" (supervision and safeguards). Only the reports of people's governments
#       themselves are checked (the body in the title is a people's government, or the title
#       names only the region); general offices of governments, government departments and the
#       management committees of development zones are not, and township governments only where
#       the parameter accountability_townships is 1.
package reportlint.rules.doc_accountability

import data.reportlint.lib.body
import data.reportlint.lib.facts
import data.reportlint.lib.result

texts := concat("", [s.text | some s in input.sections; s.found])

# The wordings real reports use for work assessment, public appraisal and accountability:
# 考核, 考评, 评议, 测评, 责任追究, 追责, 问责, 将政务公开纳入绩效管理 / 高质量发展考核,
# 政务公开评估.
covered := `考核|考评|评议|测评|责任追究|追究[^。;]{0,6}?责任|追责|问责|纳入[^。;]{0,20}?(?:绩效|考核|考评|评价|评估)|绩效(?:考核|考评|评价|评估)|(?:政务公开|信息公开)(?:工作)?(?:第三方)?评估|第三方评估`

report contains result.fail(msg, facts.section_ref("s1")) if {
	body.people_government
	not regex.match(covered, texts)
	msg := result.text(
		sprintf("“%s”是人民政府，报告应说明工作考核、社会评议和责任追究结果情况，正文未见“考核”“评议”“责任追究”“问责”“纳入绩效管理”等表述", [body.name]),
		sprintf("“%s” is a people's government: its report should state the results of work assessment, public appraisal and accountability, and the narrative has no wording such as “考核”, “评议”, “责任追究”, “问责” or “纳入绩效管理”", [body.name]),
	)
}
