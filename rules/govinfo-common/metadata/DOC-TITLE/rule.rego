# METADATA
# title: 应有写明年度的报告标题
# description: 报告应有标题，写明机关名称和年度，如“××局2023年政府信息公开工作年度报告”。
# custom:
#   id: DOC-TITLE
#   level: warning
#   tags: [metadata]
#   since: 1.0.0
#   en:
#     title: The report should have a title that states the year
#     description: >-
#       The report should have a title that names the body and the year, such as
#       “××局2023年政府信息公开工作年度报告”.
package reportlint.rules.doc_title

import data.reportlint.lib.result

report contains result.fail(msg, "doc") if {
	not input.report.title
	msg := result.text(
		"未找到写明年度的报告标题（如“××局2023年政府信息公开工作年度报告”）",
		"No report title stating the year was found (such as “××局2023年政府信息公开工作年度报告”)",
	)
}
