# METADATA
# title: 2019、2020 年度报告应使用 2019 年试行格式
# description: >-
#   2019、2020 年度的报告应使用国办公开办函〔2019〕60号印发的试行格式。2021 年版格式
#   （国办公开办函〔2021〕30号）于 2021 年 9 月印发，此前的年度报告使用它的表格，
#   或两种格式的表格混用，都是格式错误。
# custom:
#   id: FMT-EDITION
#   level: error
#   tags: [format]
#   since: 1.0.0
#   en:
#     title: Reports for 2019 and 2020 should use the 2019 trial format
#     description: >-
#       Annual reports for 2019 and 2020 should use the trial format issued with
#       “国办公开办函〔2019〕60号”. The 2021 format (“国办公开办函〔2021〕30号”) was issued in
#       September 2021; an earlier year's report with its tables, or with tables of the two
#       formats mixed, has a format error.
package reportlint.rules.fmt_edition

import data.reportlint.lib.result

report contains result.fail(msg, input.edition.refs["2021"]) if {
	input.edition.detected == "2021"
	msg := result.text(
		sprintf("使用了 2021 年版格式的表格（出现“%s”），%s应使用国办公开办函〔2019〕60号试行格式", [concat("”“", input.edition.markers["2021"]), year_text]),
		sprintf("The tables are in the 2021 format (they have %s), but %s should use the 2019 trial format (“国办公开办函〔2019〕60号”)", [quoted(input.edition.markers["2021"]), year_text_en]),
	)
}

report contains result.fail(msg, input.edition.refs["2021"]) if {
	input.edition.detected == "mixed"
	not input.edition.markers.pre2019
	msg := result.text(
		sprintf("混用了两种格式的表格：2019 年试行格式（“%s”）和 2021 年格式（“%s”）", [concat("”“", input.edition.markers["2019"]), concat("”“", input.edition.markers["2021"])]),
		sprintf("The tables mix the two formats: the 2019 trial format (%s) and the 2021 format (%s)", [quoted(input.edition.markers["2019"]), quoted(input.edition.markers["2021"])]),
	)
}

year_text := sprintf("%d 年度报告", [input.report.year]) if input.report.year > 0

year_text := "2019、2020 年度报告" if input.report.year == 0

year_text_en := sprintf("a %d report", [input.report.year]) if input.report.year > 0

year_text_en := "a report for 2019 or 2020" if input.report.year == 0

# The format before 2019 (statistics table of indicators, 收费及减免 …): none of this
# pack's table checks fit it. Reached with --pack, or for a report whose year this pack covers.
report contains result.fail(msg, input.edition.refs.pre2019) if {
	input.edition.detected == "pre2019"
	msg := result.text(
		sprintf("使用了 2019 年以前的旧格式（依据：%s），该格式用于 2008—2018 年度报告（2007 年《政府信息公开条例》），%s应使用国办公开办函〔2019〕60号试行格式；本规则包对章节和表格的检查不适用于旧格式", [concat("；", input.edition.markers.pre2019), year_text]),
		sprintf("The report uses the format before 2019 (evidence: %s), the format of the 2008–2018 reports (under the 2007 《政府信息公开条例》); %s should use the 2019 trial format (“国办公开办函〔2019〕60号”), and this pack's checks of sections and tables do not apply to the old format", [concat("; ", [q(m) | some m in input.edition.markers.pre2019]), year_text_en]),
	)
}

# The old statistics table next to tables of the 2019 or 2021 format.
report contains result.fail(msg, input.edition.refs.pre2019) if {
	input.edition.detected == "mixed"
	input.edition.markers.pre2019
	others := [sprintf("%s（“%s”）", [name(ed), concat("”“", ms)]) | some ed, ms in input.edition.markers; ed != "pre2019"]
	others_en := [sprintf("%s (%s)", [name_en(ed), quoted(ms)]) | some ed, ms in input.edition.markers; ed != "pre2019"]
	msg := result.text(
		sprintf("混用了 2019 年以前的旧格式（依据：%s）和%s", [concat("；", input.edition.markers.pre2019), concat("、", others)]),
		sprintf("The tables mix the format before 2019 (evidence: %s) with %s", [concat("; ", [q(m) | some m in input.edition.markers.pre2019]), concat(" and ", others_en)]),
	)
}

name("2019") := "2019 年试行格式的表格"

name("2021") := "2021 年版格式的表格"

name_en("2019") := "the 2019 trial format's tables"

name_en("2021") := "the 2021 format's tables"

# quoted(ms) cites markers in an English message, each in quotes: “…”, or 「…」 for one
# that has curly quotes of its own.
quoted(ms) := concat(", ", [q(m) | some m in ms])

q(m) := sprintf("「%s」", [m]) if contains(m, "“")

q(m) := sprintf("“%s”", [m]) if not contains(m, "“")
