# METADATA
# title: 应说明统计期限为报告年度的 1 月 1 日至 12 月 31 日
# description: >-
#   报告应说明所列数据的统计期限，即报告年度的 1 月 1 日至 12 月 31 日。
# custom:
#   id: DOC-PERIOD
#   level: warning
#   tags: [metadata]
#   since: 1.0.0
package reportlint.rules.doc_period

import data.reportlint.lib.facts
import data.reportlint.lib.result

periods := facts.claims("period")

report contains result.fail(msg, "doc") if {
	count(periods) == 0
	msg := sprintf("未说明统计期限（应写明“本报告所列数据的统计期限为%s”）", [expected])
}

report contains result.with_level(result.fail(msg, p.ref), "error") if {
	some p in periods
	not whole_year(p)
	msg := sprintf("统计期限应为%s，实际为“%s”", [expected, p.text])
}

whole_year(p) if {
	p.fields.m1.value == 1
	p.fields.d1.value == 1
	p.fields.m2.value == 12
	p.fields.d2.value == 31
	same_year(p)
}

same_year(p) if not p.fields.y2

same_year(p) if p.fields.y2.value == p.fields.y1.value

expected := sprintf("%d年1月1日至%d年12月31日", [input.report.year, input.report.year]) if input.report.year > 0

expected := "报告年度的1月1日至12月31日" if input.report.year == 0
