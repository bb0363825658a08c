# METADATA
# title: 旧统计表中合计数等于各分项之和
# description: >-
#   2019 年以前格式的“政府信息公开情况统计表”中，合计指标应等于其分项之和：
#   收到申请数等于当面、传真、网络（网上）、电子邮件、信函、其他形式申请数之和；
#   申请办结数等于按时办结数与延期办结数之和；行政复议数量等于维持具体行政行为数、
#   被依法纠错数与其他情形数之和；行政诉讼数量同理。只核对报告实际列出的分项，
#   列出的分项少于两项时不核对；分项中有空白或占位符时说明无法判定。
# custom:
#   id: PRE-SUM
#   level: error
#   tags: [arithmetic]
#   since: 1.0.0
#   en:
#     title: In the old statistics table, totals equal the sum of their items
#     description: >-
#       In the statistics table of the format before 2019 ("政府信息公开情况统计表"), a total should
#       equal the sum of its items: applications received the sum of those made in person, by fax,
#       online, by e-mail, by letter and in other forms; applications closed the sum of those
#       closed on time and late; administrative reconsiderations the sum of those upheld,
#       corrected and otherwise ended; administrative litigation likewise. Only the items the
#       report lists are checked, and nothing when it lists fewer than two; when an item is blank
#       or holds a placeholder, the rule says it cannot be assessed.
package reportlint.rules.pre_sum

import data.reportlint.lib.facts
import data.reportlint.lib.result
import data.reportlint.lib.stats

sums := {
	"received": ["received_in_person", "received_fax", "received_email", "received_online", "received_letter", "received_other"],
	"closed": ["closed_on_time", "closed_late"],
	"review": ["review_upheld", "review_corrected", "review_other"],
	"litigation": ["litigation_upheld", "litigation_corrected", "litigation_other"],
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

report contains result.not_assessable(msg, stats.cell(total).ref) if {
	some total, ids in sums
	stats.row(total)
	parts := stats.parts(ids)
	count(parts) >= 2
	bad := [id | some id in array.concat([total], parts); not facts.is_number(stats.cell(id))]
	count(bad) > 0
	msg := result.text(
		sprintf("统计表“%s”与分项之和无法核对：%s没有填写数字", [stats.label(total), stats.names(bad)]),
		sprintf("In the statistics table, “%s” cannot be checked against the sum of its items: no number is filled in for %s", [stats.label(total), stats.names_en(bad)]),
	)
}
