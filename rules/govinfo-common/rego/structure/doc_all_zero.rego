# METADATA
# title: 全零报告应经确认
# description: >-
#   表二、表三、表四全部为 0。许多小机关确实没有可报告的事项，但也出现过实际有申请和行政复议却报全零、
#   被投诉后撤回的报告（鹿邑县市场监管局 2024 年报告）。请确认数据无误。
# custom:
#   id: DOC-ALL-ZERO
#   level: note
#   tags: [arithmetic]
#   since: 1.0.0
package reportlint.rules.doc_all_zero

import data.reportlint.lib.result

numbers := [c.value | some t in input.tables; t.found; some r in t.rows; some c in r.cells; c.state == "number"]

report contains result.fail("表二、表三、表四的数字全部为 0，请确认本年度确实没有主动公开决定、政府信息公开申请和行政复议、行政诉讼", input.tables.t3.ref) if {
	count(numbers) > 100
	every v in numbers {
		v == 0
	}
	input.tables.t3.found
	input.tables.t4.found
}
