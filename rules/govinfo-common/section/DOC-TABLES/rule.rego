# METADATA
# title: 三张统计表应齐全并填写数据
# description: >-
#   第二、三、四部分应分别以表格报告主动公开、依申请公开和行政复议行政诉讼情况。
#   缺少表格，或只有表头没有数据（常见于表格以图片形式发布），都无法核对。
# custom:
#   id: DOC-TABLES
#   level: error
#   tags: [section]
#   since: 1.0.0
#   en:
#     title: The three statistics tables should be there and filled in
#     description: >-
#       Sections two, three and four should each report in a table: proactive disclosure,
#       disclosure on request, and administrative reconsideration and litigation. A missing
#       table, or a header without data (common when the table is published as an image),
#       cannot be checked.
package reportlint.rules.doc_tables

import data.reportlint.lib.facts
import data.reportlint.lib.result

groups := {
	"t2": {"name": "表二（主动公开政府信息情况）", "name_en": "Table 2 (proactive disclosure of government information)", "section": "s2"},
	"t3": {"name": "表三（收到和处理政府信息公开申请情况）", "name_en": "Table 3 (applications for government information received and handled)", "section": "s3"},
	"t4": {"name": "表四（政府信息公开行政复议、行政诉讼情况）", "name_en": "Table 4 (administrative reconsideration and litigation over disclosure)", "section": "s4"},
}

found(group) if {
	some t in input.tables
	t.group == group
	t.found
}

filled(group) if {
	some t in input.tables
	t.group == group
	t.found
	some r in t.rows
	some c in r.cells
	c.state in {"number", "placeholder", "invalid"}
}

# A garbled table has values, though they cannot be placed.
filled(group) if {
	some t in input.tables
	t.group == group
	t.garbled
}

report contains result.fail(msg, facts.section_ref(g.section)) if {
	some id, g in groups
	not found(id)
	msg := result.text(sprintf("缺少%s", [g.name]), sprintf("%s is missing", [g.name_en]))
}

report contains result.fail(msg, at) if {
	some id, g in groups
	found(id)
	not filled(id)
	ats := [t.ref | some t in input.tables; t.group == id; t.found]
	at := ats[0]
	msg := result.text(sprintf("%s只有表头，没有填写数据", [g.name]), sprintf("%s has only its header, no data", [g.name_en]))
}
