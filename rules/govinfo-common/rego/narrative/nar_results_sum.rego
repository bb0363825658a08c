# METADATA
# title: 正文各类办理结果之和应等于正文所述办理总数
# description: >-
#   正文逐项列出各类办理结果（予以公开及部分公开、不予公开、无法提供、不予处理、其他处理）时，
#   各项之和应等于正文所述的办理（答复）总数；没有写总数的，与表三“（七）总计”比较。
# custom:
#   id: NAR-RESULTS-SUM
#   level: warning
#   tags: [narrative]
#   since: 1.0.0
package reportlint.rules.nar_results_sum

import data.reportlint.lib.facts
import data.reportlint.lib.result
import data.reportlint.lib.results

# The categories the text lists, each counted once (予以公开及部分公开 covers both).
# The first claim of each category (a text may name one twice).
listed := {cat: c |
	some cat in {x.fields.category.text | some x in facts.claims("result_count")}
	c := [x | some x in facts.claims("result_count"); x.fields.category.text == cat][0]
}

covered := {r | some cat, _ in listed; some r in results.rows_of(cat)}

# Only when the text lists every kind of result.
complete if {
	every g in ["disclosed", "partial", "withheld", "unable", "not_processed", "other_handling"] {
		some r in results.rows_of_group(g)
		r in covered
	}
}

parts_sum := sum([c.fields.n.value | some cat, c in listed; not double_counted(cat)])

double_counted(cat) if {
	cat in {"予以公开", "同意公开", "部分公开"}
	listed["予以公开及部分公开"]
}

stated := c if {
	answered := facts.claims("answered_count")
	count(answered) > 0
	c := answered[0]
}

report contains result.fail(msg, stated.fields.n.ref) if {
	complete
	parts_sum != stated.fields.n.value
	msg := sprintf("正文所列各类办理结果之和为 %s 件，与正文所述办理总数 %s 件不符", [facts.fmt_number(parts_sum), stated.fields.n.text])
}

report contains result.fail(msg, first.fields.n.ref) if {
	complete
	not stated
	total := facts.row_total("t3", "total_results")
	parts_sum != total
	first := facts.claims("result_count")[0]
	msg := sprintf("正文所列各类办理结果之和为 %s 件，表三“（七）总计”为 %s 件", [facts.fmt_number(parts_sum), facts.fmt_number(total)])
}
