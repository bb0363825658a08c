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

# A report may list its results more than once (in 总体情况 and again in section 三, or
# under another name: 同意公开 for 予以公开): each section's list is judged on its own, and
# within a list every kind of result is counted once, by the table-3 groups it names.

# key(cat) names the groups a category counts: "disclosed,partial" for 予以公开及部分公开.
key(cat) := concat(",", results.groups[cat])

in_section(s) := [x | some x in facts.claims("result_count"); x.section == s]

sections := {x.section | some x in facts.claims("result_count")}

# listed(s) is the first claim of each kind of result the section lists.
listed(s) := {k: c |
	some k in {key(x.fields.category.text) | some x in in_section(s)}
	c := [x | some x in in_section(s); key(x.fields.category.text) == k][0]
}

# Only when the section lists every kind of result.
complete(s) if {
	l := listed(s)
	every g in ["disclosed", "partial", "withheld", "unable", "not_processed", "other_handling"] {
		some k, _ in l
		g in split(k, ",")
	}
}

# A kind another listed kind covers (予以公开 beside 予以公开及部分公开) is not added again.
parts_sum(s) := sum([c.fields.n.value |
	some k, c in listed(s)
	not covered_by_wider(listed(s), k)
])

covered_by_wider(l, k) if {
	some k2, _ in l
	k2 != k
	mine := {g | some g in split(k, ",")}
	wider := {g | some g in split(k2, ",")}
	count(mine - wider) == 0
}

# The stated total: the section's own 办结 claim, else the report's first.
stated(s) := c if {
	here := [x | some x in facts.claims("answered_count"); x.section == s]
	count(here) > 0
	c := here[0]
} else := c if {
	answered := facts.claims("answered_count")
	count(answered) > 0
	c := answered[0]
}

report contains result.fail(msg, st.fields.n.ref) if {
	some s in sections
	complete(s)
	st := stated(s)
	total := parts_sum(s)
	total != st.fields.n.value
	msg := sprintf("正文所列各类办理结果之和为 %s 件，与正文所述办理总数 %s 件不符", [facts.fmt_number(total), st.fields.n.text])
}

report contains result.fail(msg, first.fields.n.ref) if {
	some s in sections
	complete(s)
	not stated(s)
	total := parts_sum(s)
	table := facts.row_total("t3", "total_results")
	total != table
	first := in_section(s)[0]
	msg := sprintf("正文所列各类办理结果之和为 %s 件，表三“（七）总计”为 %s 件", [facts.fmt_number(total), facts.fmt_number(table)])
}
