# METADATA
# title: 无权制定规章的机关不应填报规章
# description: >-
#   只有国务院部门和省、自治区、直辖市、设区的市、自治州人民政府可以制定规章。标题中的机关是区县、乡镇、
#   街道或地方政府部门，表二“规章”行却填有数字，多半是把规范性文件或上级规章填进了这一行。
# custom:
#   id: T2-REGS
#   level: warning
#   tags: [arithmetic]
#   since: 1.0.0
#   en:
#     title: A body without power to make regulations should not report regulations
#     description: >-
#       Only State Council departments and the people's governments of provinces, autonomous
#       regions, municipalities directly under the central government, cities divided into
#       districts and autonomous prefectures can make regulations. When the body in the title is
#       a district, county, township or sub-district, or a department of a local government, and
#       Table 2 row “规章” holds numbers, most likely normative documents or regulations of a
#       higher level were entered in that row.
package reportlint.rules.t2_regs

import data.reportlint.lib.body
import data.reportlint.lib.facts
import data.reportlint.lib.result

report contains result.fail(msg, c.ref) if {
	body.cannot_make_rules
	some col in input.tables.t2_1.columns
	c := facts.cell("t2_1", "rules", col)
	facts.number(c) > 0
	msg := result.text(
		sprintf("“%s”无权制定规章，但表二“规章”行“%s”为 %s", [body.name, input.tables.t2_1.column_labels[col], c.text]),
		sprintf("“%s” has no power to make regulations, but Table 2 row “规章”, column “%s”, is %s", [body.name, input.tables.t2_1.column_labels[col], facts.fmt_number(facts.number(c))]),
	)
}
