# METADATA
# title: 标题年份与统计期限年份应一致
# description: >-
#   报告标题中的年度与统计期限的年份应一致；不一致常见于沿用上一年报告时漏改年份。
#   第一部分开头的年份（“2023年，我局……”）与标题不一致时给出警告。
# custom:
#   id: DOC-YEAR
#   level: error
#   tags: [metadata]
#   since: 1.0.0
#   en:
#     title: The title's year and the reporting period's year should agree
#     description: >-
#       The year in the report's title and the year of the reporting period should agree; they
#       most often differ where last year's report was reused and the year left unchanged.
#       Where the first part opens with another year than the title's (“2023年，我局……”), the
#       rule gives a warning.
package reportlint.rules.doc_year

import data.reportlint.lib.facts
import data.reportlint.lib.result

report contains result.compared(result.fail_related(msg, p.fields.y1.ref, [title_year]), input.report.year, p.fields.y1.value) if {
	input.report.year_from == "title"
	some p in facts.claims("period")
	p.fields.y1.value != input.report.year
	msg := result.text(
		sprintf("统计期限的年份为 %s 年，与标题的 %d 年度不一致", [p.fields.y1.text, input.report.year]),
		sprintf("The reporting period's year is %s, not the title's %d", [facts.fmt_number(p.fields.y1.value), input.report.year]),
	)
}

report contains result.compared(result.fail_related(msg, p.fields.y2.ref, [title_year]), input.report.year, p.fields.y2.value) if {
	input.report.year_from == "title"
	some p in facts.claims("period")
	p.fields.y1.value == input.report.year
	p.fields.y2.value != input.report.year
	msg := result.text(
		sprintf("统计期限的截止年份为 %s 年，与标题的 %d 年度不一致", [p.fields.y2.text, input.report.year]),
		sprintf("The reporting period ends in %s, not in the title's year %d", [facts.fmt_number(p.fields.y2.value), input.report.year]),
	)
}

# Section 一 opening with another year ("2022年，我局……" in a 2023 report) is the mark of a
# text copied from last year's report: a warning.
report contains result.with_level(result.compared(result.fail_related(msg, c.fields.y.ref, [title_year]), input.report.year, c.fields.y.value), "warning") if {
	input.report.year_from == "title"
	some c in facts.claims("year_opening")
	c.fields.y.value != input.report.year
	msg := result.text(
		sprintf("第一部分以“%s年”开头，与标题的 %d 年度不一致（沿用上一年报告时常见）", [c.fields.y.text, input.report.year]),
		sprintf("The first part opens with “%s年”, not the title's year %d (common where last year's report was reused)", [c.fields.y.text, input.report.year]),
	)
}

# title_year points at the title's year, for a finding about another year.
title_year := {"ref": input.report.title.fields.year.ref, "message": result.text("标题年份", "title year")}
