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
#   en:
#     title: Parts of the document could not be read in full
#     description: >-
#       Reading the document met parts it could not read in full: scanned pages without a text
#       layer, tables without rulings whose columns were inferred from the layout, content past
#       the length limit that was not checked, and the like. Problems in these parts may go
#       unnoticed, and the checks that involve them are not assessable.
package reportlint.rules.doc_import

import data.reportlint.lib.result

# The note's message is written by the engine in the run's language: the same in both.
report contains result.fail(n.message, n.ref) if {
	some n in input.notes
	startswith(n.ref, "import.")
}
