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
package reportlint.rules.nar_review_litigation

import data.reportlint.lib.facts
import data.reportlint.lib.result

review := facts.cell("t4", "cases", "review_total")

direct := facts.cell("t4", "cases", "direct_total")

after := facts.cell("t4", "cases", "after_total")

report contains result.compared(result.fail_related(msg, c.fields.n.ref, [{"ref": review.ref, "message": "表四行政复议总计"}]), table, c.fields.n.value) if {
	some c in facts.claims("reconsideration_count")
	c.fields.n.number
	table := facts.number(review)
	c.fields.n.value != table
	msg := sprintf("正文称行政复议 %s 件，表四“行政复议”总计为 %s 件", [c.fields.n.text, facts.fmt_number(table)])
}

report contains result.compared(result.fail_related(msg, c.fields.n.ref, rel), d + a, n) if {
	some c in facts.claims("litigation_count")
	c.fields.n.number
	d := facts.number(direct)
	a := facts.number(after)
	n := c.fields.n.value
	n != d + a
	not n in {d, a}
	rel := [{"ref": direct.ref, "message": "表四未经复议直接起诉总计"}, {"ref": after.ref, "message": "表四复议后起诉总计"}]
	msg := sprintf("正文称行政诉讼 %s 件，表四未经复议直接起诉 %s 件、复议后起诉 %s 件，合计 %s 件", [c.fields.n.text, facts.fmt_number(d), facts.fmt_number(a), facts.fmt_number(d + a)])
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
	rel := [{"ref": direct.ref, "message": "表四未经复议直接起诉总计"}, {"ref": after.ref, "message": "表四复议后起诉总计"}]
	msg := sprintf("正文称行政诉讼 %s 件，与表四未经复议直接起诉（%s 件）或复议后起诉（%s 件）之一相同，但行政诉讼合计为 %s 件：请确认口径", [c.fields.n.text, facts.fmt_number(d), facts.fmt_number(a), facts.fmt_number(d + a)])
}

# "未发生行政复议、行政诉讼" while table 4 counts cases.
report contains result.compared(result.fail_related(msg, c.ref, rel), total, 0) if {
	some c in facts.claims("review_litigation_none")
	c.fields.lit
	total := sum([facts.number(review), facts.number(direct), facts.number(after)])
	total > 0
	rel := [{"ref": review.ref, "message": "表四行政复议总计"}, {"ref": direct.ref, "message": "表四未经复议直接起诉总计"}, {"ref": after.ref, "message": "表四复议后起诉总计"}]
	msg := sprintf("正文称未发生行政复议、行政诉讼，但表四行政复议 %s 件、行政诉讼 %s 件", [facts.fmt_number(facts.number(review)), facts.fmt_number(facts.number(direct) + facts.number(after))])
}

# "未发生行政复议" (litigation not mentioned) while table 4 counts reconsiderations.
report contains result.compared(result.fail_related(msg, c.ref, [{"ref": review.ref, "message": "表四行政复议总计"}]), n, 0) if {
	some c in facts.claims("review_litigation_none")
	not c.fields.lit
	n := facts.number(review)
	n > 0
	msg := sprintf("正文称未发生行政复议，但表四行政复议总计为 %s 件", [facts.fmt_number(n)])
}

# "未发生行政诉讼" while table 4 counts lawsuits.
report contains result.compared(result.fail_related(msg, c.ref, rel), n, 0) if {
	some c in facts.claims("litigation_none")
	n := facts.number(direct) + facts.number(after)
	n > 0
	rel := [{"ref": direct.ref, "message": "表四未经复议直接起诉总计"}, {"ref": after.ref, "message": "表四复议后起诉总计"}]
	msg := sprintf("正文称未发生行政诉讼，但表四行政诉讼为 %s 件（未经复议直接起诉 %s 件、复议后起诉 %s 件）", [facts.fmt_number(n), facts.fmt_number(facts.number(direct)), facts.fmt_number(facts.number(after))])
}
