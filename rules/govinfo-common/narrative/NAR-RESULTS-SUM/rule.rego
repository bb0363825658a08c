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
#   en:
#     title: The kinds of result in the narrative should add up to the total it states
#     description: >-
#       Where the narrative lists every kind of result (disclosed and partly disclosed, not
#       disclosed, unable to provide, not processed, other handling), they should add up to the
#       number of applications answered the narrative states; where it states none, to Table 3
#       "（七）总计".
package reportlint.rules.nar_results_sum

import data.reportlint.lib.facts
import data.reportlint.lib.result
import data.reportlint.lib.results

# A report may list its results more than once (in 总体情况 and again in section 三, or
# under another name: 同意公开 for 予以公开): each list is judged on its own, and within a
# list every kind of result is counted once, by the table-3 groups it names. A list is the
# section's results when no kind is named twice in it; otherwise each sentence's.

# key(cat) names the groups a category counts: "disclosed,partial" for 予以公开及部分公开.
key(cat) := concat(",", results.groups[cat])

in_section(s) := [x | some x in facts.claims("result_count"); x.section == s]

sections := {x.section | some x in facts.claims("result_count")}

repeats(s) if {
	keys := [key(x.fields.category.text) | some x in in_section(s)]
	count(keys) != count({k | some k in keys})
}

# lists holds each list as {"section": s, "claims": [...]}, in document order.
lists contains {"section": s, "claims": in_section(s)} if {
	some s in sections
	not repeats(s)
}

lists contains {"section": s, "claims": cs} if {
	some s in sections
	repeats(s)
	some t in {x.sentence | some x in in_section(s)}
	cs := [x | some x in in_section(s); x.sentence == t]
}

# listed(l) is the first claim of each kind of result the list names.
listed(l) := {k: c |
	some k in {key(x.fields.category.text) | some x in l.claims}
	c := [x | some x in l.claims; key(x.fields.category.text) == k][0]
}

# Only when the list names every kind of result.
complete(l) if {
	ks := listed(l)
	every g in ["disclosed", "partial", "withheld", "unable", "not_processed", "other_handling"] {
		some k, _ in ks
		g in split(k, ",")
	}
}

# A kind another listed kind covers (予以公开 beside 予以公开及部分公开) is not added again.
parts_sum(l) := sum([c.fields.n.value |
	some k, c in listed(l)
	not covered_by_wider(listed(l), k)
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

report contains result.compared(located(msg, l, st), total, st.fields.n.value) if {
	some l in lists
	complete(l)
	st := stated(l.section)
	total := parts_sum(l)
	total != st.fields.n.value
	msg := result.text(
		sprintf("正文所列各类办理结果之和为 %s 件，与正文所述办理总数 %s 件不符", [facts.fmt_number(total), st.fields.n.text]),
		sprintf("The results the narrative lists add up to %s, not to the %s applications answered it states", [facts.fmt_number(total), facts.fmt_number(st.fields.n.value)]),
	)
}

report contains result.compared(result.fail(msg, first.fields.n.ref), table, total) if {
	some l in lists
	complete(l)
	not stated(l.section)
	total := parts_sum(l)
	table := facts.row_total("t3", "total_results")
	total != table
	first := l.claims[0]
	msg := result.text(
		sprintf("正文所列各类办理结果之和为 %s 件，表三“（七）总计”为 %s 件", [facts.fmt_number(total), facts.fmt_number(table)]),
		sprintf("The results the narrative lists add up to %s; Table 3 “（七）总计” is %s", [facts.fmt_number(total), facts.fmt_number(table)]),
	)
}

# A total stated in the list's own sentence is where the finding points; otherwise the
# list is, with the total as a related place.
located(msg, l, st) := result.fail(msg, st.fields.n.ref) if {
	st.sentence == l.claims[0].sentence
} else := result.fail_related(msg, l.claims[0].fields.n.ref, [{"ref": st.fields.n.ref, "message": result.text("正文所述办理总数", "the number answered the narrative states")}])
