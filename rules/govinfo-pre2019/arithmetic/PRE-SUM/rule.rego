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
	related := [{"ref": stats.cell(id).ref, "message": stats.label(id)} | some id in parts]
	msg := sprintf("统计表“%s”应为 %s（%s之和），实际为 %s", [stats.label(total), facts.fmt_number(expected), stats.names(parts), facts.fmt_number(actual)])
}

report contains result.not_assessable(msg, stats.cell(total).ref) if {
	some total, ids in sums
	stats.row(total)
	parts := stats.parts(ids)
	count(parts) >= 2
	bad := [id | some id in array.concat([total], parts); not facts.is_number(stats.cell(id))]
	count(bad) > 0
	msg := sprintf("统计表“%s”与分项之和无法核对：%s没有填写数字", [stats.label(total), stats.names(bad)])
}
