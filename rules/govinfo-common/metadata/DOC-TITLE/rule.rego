# METADATA
# title: 应有写明年度的报告标题
# description: 报告应有标题，写明机关名称和年度，如“××局2023年政府信息公开工作年度报告”。
# custom:
#   id: DOC-TITLE
#   level: warning
#   tags: [metadata]
#   since: 1.0.0
package reportlint.rules.doc_title

import data.reportlint.lib.result

report contains result.fail("未找到写明年度的报告标题（如“××局2023年政府信息公开工作年度报告”）", "doc") if {
	not input.report.title
}
