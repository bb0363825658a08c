# METADATA
# title: 正文所述百分比应与数量相符
# description: >-
#   正文在办理结果数量旁给出的百分比（如“予以公开 42 件，占 51.85%”），应等于该数量除以办理总数
#   （表三“（七）总计”的总计）；允许末位数字因四舍五入或截断而不同（相差不足末位的 1）：51.85% 的 51.8% 或 51.9% 都可以，恰为 25% 时写 26% 则不符。
# custom:
#   id: NAR-PERCENT
#   level: warning
#   tags: [narrative]
#   since: 1.0.0
#   en:
#     title: Percentages in the narrative should match their counts
#     description: >-
#       A percentage the narrative gives beside a count of results (such as "予以公开 42 件，占 51.85%")
#       should equal that count divided by the number of applications answered (the total of
#       Table 3 "（七）总计"); the last digit may differ by rounding or truncation (by less than one
#       unit of it): 51.8% or 51.9% for 51.85% both pass, 26% for exactly 25% does not.
package reportlint.rules.nar_percent

import data.reportlint.lib.facts
import data.reportlint.lib.result

total_cell := facts.cell("t3", "total_results", "total")

report contains result.compared(result.fail_related(msg, c.fields.pct.ref, [{"ref": total_cell.ref, "message": result.text("表三（七）总计", "Table 3 “（七）总计”")}]), pct_value(share, c.fields.pct.text), c.fields.pct.value) if {
	some c in facts.claims("result_count")
	c.fields.pct.number
	total := facts.row_total("t3", "total_results")
	total > 0
	share := (100 * c.fields.n.value) / total
	abs(share - c.fields.pct.value) > tolerance(c.fields.pct.text)
	not other_base(c)
	msg := result.text(
		sprintf("正文称%s %s 件占 %s%%，按办理总数 %s 件计算应为 %s%%", [c.fields.category.text, c.fields.n.text, c.fields.pct.text, facts.fmt_number(total), format_pct(share, c.fields.pct.text)]),
		sprintf("The narrative gives %s%% for “%s” %s; as a share of the %s applications answered it is %s%%", [c.fields.pct.text, c.fields.category.text, facts.fmt_number(c.fields.n.value), facts.fmt_number(total), format_pct(share, c.fields.pct.text)]),
	)
}

# Some reports state shares of the applications received (新收, or 新收 plus 上年结转)
# rather than of those answered: a share is not wrong when one of those bases gives it and
# every other share of its sentence (the list it is in), since a list has one base.
other_base(c) if {
	some base in [facts.row_total("t3", "new_received"), facts.row_total("t3", "new_received") + facts.row_total("t3", "carried_over")]
	base > 0
	every s in shares_of(c.sentence) {
		fits(s, base)
	}
}

# shares_of(sentence) are the counts with a share stated in the sentence.
shares_of(sentence) := [s | some s in facts.claims("result_count"); s.sentence == sentence; s.fields.pct.number]

fits(c, base) if abs(((100 * c.fields.n.value) / base) - c.fields.pct.value) <= tolerance(c.fields.pct.text)

# Less than one unit of the last digit written: 4.34% (truncated) and 4.35% (rounded) for
# 4.348% pass, 26% for exactly 25% does not.
tolerance(text) := units[min([count(parts[1]), 4])] - 0.000001 if {
	parts := split(text, ".")
	count(parts) == 2
} else := 0.999999

units := [1, 0.1, 0.01, 0.001, 0.0001]

# pct_value(x, text) is the share to the digits format_pct prints, as a number.
pct_value(x, text) := round(x * 100) / 100 if contains(text, ".")

pct_value(x, text) := round(x) if not contains(text, ".")

# A whole share (30) is an integer to Rego, which %f does not print.
format_pct(x, text) := sprintf("%d.00", [x]) if {
	contains(text, ".")
	x == round(x)
}

format_pct(x, text) := sprintf("%.2f", [x]) if {
	contains(text, ".")
	x != round(x)
}

format_pct(x, text) := sprintf("%d", [round(x)]) if not contains(text, ".")
