# METADATA
# title: 应说明信息处理费的收取情况
# description: >-
#   按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），信息处理费的收取情况应在年度报告中说明，
#   通常写在第六部分：写明收取的件数和金额，或写明本年度未收取。
# custom:
#   id: FEE-STATEMENT
#   level: warning
#   tags: [narrative]
#   since: 1.0.0
#   en:
#     title: The report should say what information processing fees were charged
#     description: >-
#       Under 《政府信息公开信息处理费管理办法》 (“国办函〔2020〕109号”), the annual report should say
#       what information processing fees were charged, usually in the sixth part: the number of
#       applications charged and the amount, or that none was charged this year.
package reportlint.rules.fee_statement

import data.reportlint.lib.facts
import data.reportlint.lib.result

report contains result.fail(msg, facts.section_ref("s6")) if {
	# A mention of the fee, a statement that none was charged (未向申请人收取任何费用), or the
	# amount charged.
	(count(facts.claims("fee_statement")) + count(facts.claims("fee_none"))) + count(facts.claims("fee_amount")) == 0
	msg := result.text(
		"未说明信息处理费的收取情况（应写明收取的件数和金额，或写明本年度未收取信息处理费）",
		"The report does not say what information processing fees were charged (it should give the number of applications charged and the amount, or say that no information processing fee was charged this year)",
	)
}
