# METADATA
# title: 文档应是可读的政府信息公开工作年度报告
# description: >-
#   文档中既没有写明年度的报告标题，也没有六个部分中任何一个的标题或内容，也没有任何一张统计表：
#   它不像政府信息公开工作年度报告（例如门户网站的错误页、栏目列表页、其他文件），或者其文字
#   无法读取（扫描件、图片）。这时其他检查只会重复“没有找到”，因此只报告这一条。
# custom:
#   id: DOC-NOT-REPORT
#   level: error
#   tags: [section]
#   since: 1.1.0
#   en:
#     title: The document should be a readable government information disclosure annual report
#     description: >-
#       The document has no report title stating the year, no heading or content of any of the
#       six sections and no statistics table: it does not look like a government information
#       disclosure annual report (a portal's error page or list page, another kind of document,
#       for example), or its text cannot be read (a scan, images). Every other check would only
#       repeat "not found", so this is the one finding reported.
package reportlint.rules.doc_not_report

import data.reportlint.lib.result

report contains result.fail(msg, "doc") if {
	not input.report.title
	every s in input.sections {
		not s.found
		not s.unheaded
	}
	every t in input.tables {
		not t.found
	}
	msg := result.text(
		"没有找到写明年度的报告标题、六个部分中的任何一个或任何一张统计表：文档不像政府信息公开工作年度报告，或其文字无法读取（如扫描件、图片）；其他检查未进行",
		"No report title stating the year, none of the six sections and no statistics table found: the document does not look like a government information disclosure annual report, or its text cannot be read (a scan, images); no other checks were run",
	)
}
