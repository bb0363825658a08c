# The four arithmetic checks conftest runs in `make bench-sweep`, over the table facts
# benchsweep extracted beforehand: the cheapest thing a user could build instead of
# reportlint. Only timing depends on them.
package main

import rego.v1

cols := ["natural_person", "commercial", "research", "public_interest", "legal_services", "other"]

deny contains msg if {
	some id, row in input.t3
	row.total != sum([row[c] | some c in cols; row[c]])
	msg := sprintf("t3 %s: total %v", [id, row.total])
}

deny contains msg if {
	some c in array.concat(cols, ["total"])
	parts := [input.t3[r][c] | some r in ["disclosed", "partial", "withheld", "unable", "not_processed", "other_handling"]]
	input.t3.total_results[c] != sum(parts)
	msg := sprintf("t3 results %s", [c])
}

deny contains msg if {
	some c in array.concat(cols, ["total"])
	input.t3.new_received[c] + input.t3.carried_over[c] != input.t3.total_results[c] + input.t3.carried_forward[c]
	msg := sprintf("t3 identity %s", [c])
}

deny contains msg if {
	some b in ["review", "direct", "after"]
	cases := input.t4.cases
	cases[sprintf("%s_total", [b])] != ((cases[sprintf("%s_upheld", [b])] + cases[sprintf("%s_corrected", [b])]) + cases[sprintf("%s_other", [b])]) + cases[sprintf("%s_pending", [b])]
	msg := sprintf("t4 %s", [b])
}
