# METADATA
# title: 文档中有未能完整读取的部分
# description: >-
#   读取文档时遇到无法完整读取的部分：没有文字层的扫描页、按版面推断列的无框线表格、
#   超出长度上限而未检查的内容等。这些部分中的问题可能未被发现，涉及的检查无法判定。
# custom:
#   id: DOC-IMPORT
#   level: warning
#   tags: [format]
#   since: 1.0.0
package reportlint.rules.doc_import

import data.reportlint.lib.result

report contains result.fail(n.message, n.ref) if {
	some n in input.notes
	startswith(n.ref, "import.")
}
