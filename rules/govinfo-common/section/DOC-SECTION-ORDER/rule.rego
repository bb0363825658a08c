# METADATA
# title: 六个部分应按顺序排列
# description: 六个部分应按一至六的顺序排列（国办公开办函〔2021〕30号规定的格式）。
# custom:
#   id: DOC-SECTION-ORDER
#   level: error
#   tags: [section]
#   since: 1.0.0
package reportlint.rules.doc_section_order

import data.reportlint.lib.result

report contains result.fail(msg, s.ref) if {
	some s in input.sections
	s.found
	not s.in_order
	msg := sprintf("第%s部分“%s”的位置不对：六个部分应按一至六依次排列，该部分实际是第 %d 个出现的", [s.numeral, s.heading, s.order])
}
