# METADATA
# title: 正文所述行政复议、行政诉讼数量应与表四一致
# description: >-
#   正文中“行政复议 N 件”“行政诉讼 N 件”“未发生行政复议、行政诉讼”等表述应与表四一致：
#   行政复议对应“行政复议·总计”，行政诉讼对应“未经复议直接起诉·总计”与“复议后起诉·总计”之和。
# custom:
#   id: NAR-REVIEW-LITIGATION
#   level: error
#   tags: [narrative]
#   since: 1.0.0
#   en:
#     title: The numbers of administrative reconsideration and litigation cases in the narrative should agree with Table 4
#     description: >-
#       What the narrative says of administrative reconsideration and litigation ("行政复议 N 件",
#       "行政诉讼 N 件", "未发生行政复议、行政诉讼" and the like) should agree with Table 4:
#       administrative reconsideration with the "行政复议" total, administrative litigation with the
#       sum of the "未经复议直接起诉" (sued without reconsideration) and "复议后起诉" (sued after
#       reconsideration) totals.
package reportlint.rules.nar_review_litigation

import data.reportlint.lib.facts
import data.reportlint.lib.result

review_label := result.text("表四行政复议总计", "Table 4 “行政复议” total")

direct_label := result.text("表四未经复议直接起诉总计", "Table 4 “未经复议直接起诉” total")

after_label := result.text("表四复议后起诉总计", "Table 4 “复议后起诉” total")

review := facts.cell("t4", "cases", "review_total")

direct := facts.cell("t4", "cases", "direct_total")

after := facts.cell("t4", "cases", "after_total")

report contains result.compared(result.fail_related(msg, c.fields.n.ref, [{"ref": review.ref, "message": review_label}]), table, c.fields.n.value) if {
	some c in facts.claims("reconsideration_count")
	c.fields.n.number
	table := facts.number(review)
	c.fields.n.value != table
	msg := result.text(
		sprintf("正文称行政复议 %s 件，表四“行政复议”总计为 %s 件", [c.fields.n.text, facts.fmt_number(table)]),
		sprintf("The narrative counts %s; the “行政复议” total of Table 4 is %s", [facts.count_en(c.fields.n.value, "administrative reconsideration"), facts.fmt_number(table)]),
	)
}

report contains result.compared(result.fail_related(msg, c.fields.n.ref, rel), d + a, n) if {
	some c in facts.claims("litigation_count")
	c.fields.n.number
	d := facts.number(direct)
	a := facts.number(after)
	n := c.fields.n.value
	n != d + a
	not n in {d, a}
	rel := [{"ref": direct.ref, "message": direct_label}, {"ref": after.ref, "message": after_label}]
	msg := result.text(
		sprintf("正文称行政诉讼 %s 件，表四未经复议直接起诉 %s 件、复议后起诉 %s 件，合计 %s 件", [c.fields.n.text, facts.fmt_number(d), facts.fmt_number(a), facts.fmt_number(d + a)]),
		sprintf("The narrative counts %s; Table 4 has %s “未经复议直接起诉” and %s “复议后起诉”, %s in all", [facts.count_en(n, "administrative litigation case"), facts.fmt_number(d), facts.fmt_number(a), facts.fmt_number(d + a)]),
	)
}

# The count matches one of the two litigation groups only: name both readings.
report contains result.with_level(result.compared(result.fail_related(msg, c.fields.n.ref, rel), d + a, n), "warning") if {
	some c in facts.claims("litigation_count")
	c.fields.n.number
	d := facts.number(direct)
	a := facts.number(after)
	n := c.fields.n.value
	n != d + a
	n in {d, a}
	rel := [{"ref": direct.ref, "message": direct_label}, {"ref": after.ref, "message": after_label}]
	msg := result.text(
		sprintf("正文称行政诉讼 %s 件，与表四未经复议直接起诉（%s 件）或复议后起诉（%s 件）之一相同，但行政诉讼合计为 %s 件：请确认口径", [c.fields.n.text, facts.fmt_number(d), facts.fmt_number(a), facts.fmt_number(d + a)]),
		sprintf("The narrative counts %s, the same as one of Table 4's “未经复议直接起诉” (%s) and “复议后起诉” (%s), but litigation totals %s: check what the narrative counts", [facts.count_en(n, "administrative litigation case"), facts.fmt_number(d), facts.fmt_number(a), facts.fmt_number(d + a)]),
	)
}

# "未发生行政复议、行政诉讼" while table 4 counts cases.
report contains result.compared(result.fail_related(msg, c.ref, rel), total, 0) if {
	some c in facts.claims("review_litigation_none")
	c.fields.lit
	total := sum([facts.number(review), facts.number(direct), facts.number(after)])
	total > 0
	rel := [{"ref": review.ref, "message": review_label}, {"ref": direct.ref, "message": direct_label}, {"ref": after.ref, "message": after_label}]
	msg := result.text(
		sprintf("正文称未发生行政复议、行政诉讼，但表四行政复议 %s 件、行政诉讼 %s 件", [facts.fmt_number(facts.number(review)), facts.fmt_number(facts.number(direct) + facts.number(after))]),
		sprintf("The narrative says there was no administrative reconsideration or litigation, but Table 4 has %s and %s", [facts.count_en(facts.number(review), "administrative reconsideration"), facts.count_en(facts.number(direct) + facts.number(after), "administrative litigation case")]),
	)
}

# "未发生行政复议" (litigation not mentioned) while table 4 counts reconsiderations.
report contains result.compared(result.fail_related(msg, c.ref, [{"ref": review.ref, "message": review_label}]), n, 0) if {
	some c in facts.claims("review_litigation_none")
	not c.fields.lit
	n := facts.number(review)
	n > 0
	msg := result.text(
		sprintf("正文称未发生行政复议，但表四行政复议总计为 %s 件", [facts.fmt_number(n)]),
		sprintf("The narrative says there was no administrative reconsideration, but the “行政复议” total of Table 4 is %s", [facts.fmt_number(n)]),
	)
}

# "未发生行政诉讼" while table 4 counts lawsuits.
report contains result.compared(result.fail_related(msg, c.ref, rel), n, 0) if {
	some c in facts.claims("litigation_none")
	n := facts.number(direct) + facts.number(after)
	n > 0
	rel := [{"ref": direct.ref, "message": direct_label}, {"ref": after.ref, "message": after_label}]
	msg := result.text(
		sprintf("正文称未发生行政诉讼，但表四行政诉讼为 %s 件（未经复议直接起诉 %s 件、复议后起诉 %s 件）", [facts.fmt_number(n), facts.fmt_number(facts.number(direct)), facts.fmt_number(facts.number(after))]),
		sprintf("The narrative says there was no administrative litigation, but Table 4 has %s (“未经复议直接起诉” %s, “复议后起诉” %s)", [facts.count_en(n, "administrative litigation case"), facts.fmt_number(facts.number(direct)), facts.fmt_number(facts.number(after))]),
	)
}
