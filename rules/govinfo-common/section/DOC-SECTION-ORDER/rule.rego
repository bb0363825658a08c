# METADATA
# title: 六个部分应按顺序排列
# description: 六个部分应按一至六的顺序排列（国办公开办函〔2021〕30号规定的格式）。
# custom:
#   id: DOC-SECTION-ORDER
#   level: error
#   tags: [section]
#   since: 1.0.0
#   en:
#     title: The six sections should come in order
#     description: >-
#       The six sections should come in order from one to six (the format of
#       "国办公开办函〔2021〕30号").
package reportlint.rules.doc_section_order

import data.reportlint.lib.facts
import data.reportlint.lib.result

report contains result.fail(msg, s.ref) if {
	some s in input.sections
	s.found
	not s.in_order
	msg := result.text(
		sprintf("第%s部分“%s”的位置不对：六个部分应按一至六依次排列，该部分实际是第 %d 个出现的", [s.numeral, s.heading, s.order]),
		sprintf("Section %s “%s” is out of place: the six sections should come in order from one to six, and it is the %s to appear", [facts.numeral_en(s.numeral), s.heading, ordinal(s.order)]),
	)
}

# ordinal(n) is n as an English ordinal: 1st, 2nd, 3rd, 4th …
ordinal(n) := sprintf("%dst", [n]) if n == 1

ordinal(n) := sprintf("%dnd", [n]) if n == 2

ordinal(n) := sprintf("%drd", [n]) if n == 3

ordinal(n) := sprintf("%dth", [n]) if not n in {1, 2, 3}
