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
#   en:
#     title: The number of normative documents in the narrative should agree with Table 2
#     description: >-
#       What the narrative says of normative documents (none made, or N administrative normative
#       documents issued) should agree with Table 2, article 20 item (1): the
#       "本年制发件数" of "行政规范性文件" (in the 2019 trial format the "本年新制作数量" of
#       "规范性文件").
package reportlint.rules.nar_normative_docs

import data.reportlint.lib.facts
import data.reportlint.lib.result

issued := facts.cell("t2_1", "normative", "issued")

# The labels as the edition's table prints them (行政规范性文件·本年制发件数 in 2021,
# 规范性文件·本年新制作数量 in the 2019 trial format).
label := sprintf("“%s”%s", [input.tables.t2_1.rows.normative.label, input.tables.t2_1.column_labels.issued])

# label_en is the same cell for English messages: the “本年制发件数” of “行政规范性文件”.
label_en := sprintf("the “%s” of “%s”", [input.tables.t2_1.column_labels.issued, input.tables.t2_1.rows.normative.label])

rel := [{"ref": issued.ref, "message": result.text(sprintf("表二%s", [label]), sprintf("Table 2: %s", [label_en]))}]

report contains result.compared(result.fail_related(msg, c.ref, rel), n, 0) if {
	some c in facts.claims("normative_docs_none")
	n := facts.number(issued)
	n > 0
	msg := result.text(
		sprintf("正文称未制发规范性文件，但表二%s为 %s 件", [label, facts.fmt_number(n)]),
		sprintf("The narrative says no normative documents were issued, but in Table 2 %s is %s", [label_en, facts.fmt_number(n)]),
	)
}

# A count in the text may cover more than the table's row (for example party documents):
# a warning, not an error.
report contains result.with_level(result.compared(result.fail_related(msg, c.fields.n.ref, rel), n, c.fields.n.value), "warning") if {
	some c in facts.claims("normative_docs_issued")
	c.fields.n.number
	n := facts.number(issued)
	c.fields.n.value != n
	msg := result.text(
		sprintf("正文称制发规范性文件 %s 件，表二%s为 %s 件", [c.fields.n.text, label, facts.fmt_number(n)]),
		sprintf("The narrative counts %s issued; in Table 2 %s is %s", [facts.count_en(c.fields.n.value, "normative document"), label_en, facts.fmt_number(n)]),
	)
}
