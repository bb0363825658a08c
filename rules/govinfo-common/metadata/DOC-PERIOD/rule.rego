# METADATA
# title: 应说明统计期限为报告年度的 1 月 1 日至 12 月 31 日
# description: >-
#   报告应说明所列数据的统计期限，即报告年度的 1 月 1 日至 12 月 31 日。年中组建、合并、撤销的机关
#   （机构改革、挂牌成立、职能划转）只能统计部分年度：写明了原因的部分年度只作提示，未写明原因的给出警告。
# custom:
#   id: DOC-PERIOD
#   level: warning
#   tags: [metadata]
#   since: 1.0.0
#   en:
#     title: The reporting period should be stated as 1 January to 31 December of the report year
#     description: >-
#       The report should state the reporting period of its figures: 1 January to 31 December
#       of the report year. A body set up, merged or wound up during the year (an institutional
#       reform, a new body, functions transferred) can report only part of the year: a part of
#       the year whose reason the report gives is only noted; one without a reason gets a warning.
package reportlint.rules.doc_period

import data.reportlint.lib.facts
import data.reportlint.lib.result

# The statistics period stated with days (2023年1月1日至2023年12月31日); failing that, in
# months only (2023年6月至12月).
periods := facts.claims("period") if count(facts.claims("period")) > 0

periods := facts.claims("period_months") if count(facts.claims("period")) == 0

report contains result.fail(msg, "doc") if {
	count(periods) == 0
	msg := result.text(
		sprintf("未说明统计期限（应写明“本报告所列数据的统计期限为%s”）", [expected]),
		sprintf("The reporting period is not stated (the report should say “本报告所列数据的统计期限为%s”)", [expected]),
	)
}

# A period that is not the whole year, with no reason given for it: most often a typing or
# copying slip, but it may be a body set up or wound up during the year that does not say
# so. A warning: the premise, that the body existed all year, is likely but not certain.
report contains result.fail(msg, p.ref) if {
	some p in periods
	not whole_year(p)
	not reason(p)
	not reversed(p)
	msg := result.text(
		sprintf("统计期限应为%s，实际为“%s”（年中组建、合并或撤销的机关只统计部分年度的，应写明原因）", [expected, p.text]),
		sprintf("The reporting period should be %s, but is “%s” (a body set up, merged or wound up during the year that reports only part of it should say why)", [expected_en, p.text]),
	)
}

# A part of the year that the report explains (本机关于2023年6月组建): accepted, noted.
report contains result.with_level(result.fail_related(msg, p.ref, [{"ref": r.ref, "message": result.text("说明的原因", "the reason given")}]), "note") if {
	some p in periods
	not whole_year(p)
	r := reason(p)
	msg := result.text(
		sprintf("统计期限为“%s”，不是整个报告年度；报告说明了原因（“%s”），按部分年度接受", [p.text, r.text]),
		sprintf("The reporting period “%s” is not the whole report year; the report gives the reason (“%s”), so part of the year is accepted", [p.text, r.text]),
	)
}

# A period that ends before it starts contradicts itself: an error.
report contains result.with_level(result.fail(msg, p.ref), "error") if {
	some p in periods
	reversed(p)
	msg := result.text(
		sprintf("统计期限“%s”的截止日期早于起始日期，应为%s", [p.text, expected]),
		sprintf("The reporting period “%s” ends before it starts; it should be %s", [p.text, expected_en]),
	)
}

reversed(p) if day_number(p, "y1", "m1", "d1", 1) > day_number(p, "y2", "m2", "d2", 31)

# day_number is a date of p as yyyymmdd; a missing year is y1, a missing day is dflt.
day_number(p, y, m, d, dflt) := ((year_of(p, y) * 10000) + (p.fields[m].value * 100)) + day_of(p, d, dflt)

year_of(p, y) := p.fields[y].value

year_of(p, y) := p.fields.y1.value if not p.fields[y]

day_of(p, d, _) := p.fields[d].value

day_of(p, d, dflt) := dflt if not p.fields[d]

whole_year(p) if {
	from_january_1(p)
	to_december_31(p)
	same_year(p)
}

from_january_1(p) if {
	p.fields.m1.value == 1
	first_day(p)
}

to_december_31(p) if {
	p.fields.m2.value == 12
	last_day(p)
}

first_day(p) if not p.fields.d1

first_day(p) if p.fields.d1.value == 1

last_day(p) if not p.fields.d2

last_day(p) if p.fields.d2.value == 31

same_year(p) if not p.fields.y2

same_year(p) if p.fields.y2.value == p.fields.y1.value

# reason(p) is the first statement that explains a part-year period p within one year: an
# event (组建, 挂牌成立, 机构改革, 撤销 …) dated in the month the period starts after 1
# January or ends before 31 December, or a reason given in the sentence that states the
# period.
reason(p) := rs[0] if {
	same_year(p)
	p.fields.m1.value <= p.fields.m2.value
	rs := [r |
		some r in facts.claims("period_reason")
		explains(r, p)
	]
	count(rs) > 0
}

explains(r, _) if not r.fields.m

explains(r, p) if {
	r.fields.y.value == p.fields.y1.value
	not from_january_1(p)
	r.fields.m.value == p.fields.m1.value
}

explains(r, p) if {
	r.fields.y.value == p.fields.y1.value
	not to_december_31(p)
	r.fields.m.value == p.fields.m2.value
}

expected := sprintf("%d年1月1日至%d年12月31日", [input.report.year, input.report.year]) if input.report.year > 0

expected := "报告年度的1月1日至12月31日" if input.report.year == 0

expected_en := sprintf("1 January to 31 December %d", [input.report.year]) if input.report.year > 0

expected_en := "1 January to 31 December of the report year" if input.report.year == 0
