# METADATA
# title: 部分标题应按一至六编号
# description: 各部分标题应以“一、”至“六、”编号，编号与该部分在格式中的位置一致。
# custom:
#   id: DOC-SECTION-NUM
#   level: warning
#   tags: [section]
#   since: 1.0.0
#   en:
#     title: Section headings should be numbered one to six
#     description: >-
#       Section headings should be numbered "一、" to "六、", each number matching the section's
#       place in the format.
package reportlint.rules.doc_section_num

import data.reportlint.lib.result

report contains result.compared(result.fail(msg, s.ref), s.numeral, s.written_numeral) if {
	some s in input.sections
	s.found
	s.written_numeral != ""
	s.written_numeral != s.numeral
	msg := result.text(
		sprintf("“%s”的编号应为“%s”，实际为“%s”", [s.heading, s.numeral, s.written_numeral]),
		sprintf("“%s” should be numbered “%s”, not “%s”", [s.heading, s.numeral, s.written_numeral]),
	)
}

report contains result.fail(msg, s.ref) if {
	some s in input.sections
	s.found
	s.written_numeral == ""
	msg := result.text(
		sprintf("“%s”缺少编号，应为“%s、%s”", [s.heading, s.numeral, s.title]),
		sprintf("“%s” has no number: it should be “%s、%s”", [s.heading, s.numeral, s.title]),
	)
}
