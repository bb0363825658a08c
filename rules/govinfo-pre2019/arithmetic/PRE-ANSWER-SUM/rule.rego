# METADATA
# title: 旧统计表中申请答复数等于各类答复之和
# description: >-
#   2019 年以前格式的“政府信息公开情况统计表”把申请答复数分为八类：属于已主动公开范围、
#   同意公开、同意部分公开、不同意公开、不属于本行政机关公开、申请信息不存在、
#   告知作出更改补充、告知通过其他途径办理，每件申请的答复只计一类，因此申请答复数应等于
#   八类之和；不同意公开答复数应等于其下列出的各项原因之和。有的地方的表格分类不同，
#   所以这是警告：只核对报告列出的分类，列出的分类少于两项时不核对。
# custom:
#   id: PRE-ANSWER-SUM
#   level: warning
#   tags: [arithmetic]
#   since: 1.0.0
#   en:
#     title: In the old statistics table, the answers to applications equal the sum of their kinds
#     description: >-
#       The statistics table of the format before 2019 ("政府信息公开情况统计表") divides the answers
#       to applications into eight kinds: within the scope already proactively disclosed, agreed
#       to disclose, agreed to disclose in part, refused, not this body's to disclose, information
#       does not exist, told to amend or supplement, told to obtain it another way. Each answer
#       counts under one kind, so the answers ("申请答复数") should equal the sum of the eight; and
#       the refusals ("不同意公开答复数") the sum of the reasons listed under them. Some regions'
#       tables divide them differently, so this is a warning: only the kinds the report lists are
#       checked, and nothing when it lists fewer than two.
package reportlint.rules.pre_answer_sum

import data.reportlint.lib.facts
import data.reportlint.lib.result
import data.reportlint.lib.stats

sums := {
	"answered": ["answered_published", "answered_agreed", "answered_partial", "answered_refused", "answered_not_ours", "answered_not_exist", "answered_amend", "answered_elsewhere"],
	"answered_refused": ["refused_secret", "refused_commercial", "refused_privacy", "refused_security", "refused_not_info", "refused_other"],
}

report contains result.compared(result.fail_related(msg, stats.cell(total).ref, related), expected, actual) if {
	some total, ids in sums
	facts.is_number(stats.cell(total))
	parts := stats.parts(ids)
	count(parts) >= 2
	stats.assessable(parts)
	expected := stats.total(parts)
	actual := stats.cell(total).value
	expected != actual
	related := [{"ref": stats.cell(id).ref, "message": result.text(stats.label(id), sprintf("“%s”", [stats.label(id)]))} | some id in parts]
	msg := result.text(
		sprintf("统计表“%s”应为 %s（%s之和），实际为 %s", [stats.label(total), facts.fmt_number(expected), stats.names(parts), facts.fmt_number(actual)]),
		sprintf("In the statistics table, “%s” should be %s (the sum of %s), not %s", [stats.label(total), facts.fmt_number(expected), stats.names_en(parts), facts.fmt_number(actual)]),
	)
}
