# METADATA
# title: 正文所述规范性文件数量应与表二一致
# description: >-
#   正文中“未制定规范性文件”“制发行政规范性文件 N 件”等表述应与表二第二十条第（一）项
#   “行政规范性文件·本年制发件数”（2019 年试行格式为“规范性文件·本年新制作数量”）一致。
# custom:
#   id: NAR-NORMATIVE-DOCS
#   level: error
#   tags: [narrative]
#   since: 1.0.0
package reportlint.rules.nar_normative_docs

import data.reportlint.lib.facts
import data.reportlint.lib.result

issued := facts.cell("t2_1", "normative", "issued")

# The labels as the edition's table prints them (行政规范性文件·本年制发件数 in 2021,
# 规范性文件·本年新制作数量 in the 2019 trial format).
label := sprintf("“%s”%s", [input.tables.t2_1.rows.normative.label, input.tables.t2_1.column_labels.issued])

rel := [{"ref": issued.ref, "message": sprintf("表二%s", [label])}]

report contains result.compared(result.fail_related(msg, c.ref, rel), n, 0) if {
	some c in facts.claims("normative_docs_none")
	n := facts.number(issued)
	n > 0
	msg := sprintf("正文称未制发规范性文件，但表二%s为 %s 件", [label, facts.fmt_number(n)])
}

# A count in the text may cover more than the table's row (for example party documents):
# a warning, not an error.
report contains result.with_level(result.compared(result.fail_related(msg, c.fields.n.ref, rel), n, c.fields.n.value), "warning") if {
	some c in facts.claims("normative_docs_issued")
	c.fields.n.number
	n := facts.number(issued)
	c.fields.n.value != n
	msg := sprintf("正文称制发规范性文件 %s 件，表二%s为 %s 件", [c.fields.n.text, label, facts.fmt_number(n)])
}
