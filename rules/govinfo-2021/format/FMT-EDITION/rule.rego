# METADATA
# title: 应使用 2021 年版年度报告格式
# description: >-
#   2021 年及以后的年度报告应使用国办公开办函〔2021〕30号印发的格式。仍使用 2019 年试行格式
#   （国办公开办函〔2019〕60号）的表格，或两种格式的表格混用，都是格式错误。
# custom:
#   id: FMT-EDITION
#   level: error
#   tags: [format]
#   since: 1.0.0
package reportlint.rules.fmt_edition

import data.reportlint.lib.result

report contains result.fail(msg, input.edition.refs["2019"]) if {
	input.edition.detected == "2019"
	msg := sprintf("使用了 2019 年试行格式的表格（出现“%s”），%s应使用国办公开办函〔2021〕30号格式", [concat("”“", input.edition.markers["2019"]), year_text])
}

report contains result.fail(msg, input.edition.refs["2019"]) if {
	input.edition.detected == "mixed"
	not input.edition.markers.pre2019
	msg := sprintf("混用了两种格式的表格：2019 年试行格式（“%s”）和 2021 年格式（“%s”）", [concat("”“", input.edition.markers["2019"]), concat("”“", input.edition.markers["2021"])])
}

year_text := sprintf("%d 年度报告", [input.report.year]) if input.report.year > 0

year_text := "2021 年及以后的年度报告" if input.report.year == 0

# The format before 2019 (statistics table of indicators, 收费及减免 …): none of this
# pack's table checks fit it. Reached with --pack, or for a report whose year this pack covers.
report contains result.fail(msg, input.edition.refs.pre2019) if {
	input.edition.detected == "pre2019"
	msg := sprintf("使用了 2019 年以前的旧格式（依据：%s），该格式用于 2008—2018 年度报告（2007 年《政府信息公开条例》），%s应使用国办公开办函〔2021〕30号格式；本规则包对章节和表格的检查不适用于旧格式", [concat("；", input.edition.markers.pre2019), year_text])
}

# The old statistics table next to tables of the 2019 or 2021 format.
report contains result.fail(msg, input.edition.refs.pre2019) if {
	input.edition.detected == "mixed"
	input.edition.markers.pre2019
	others := [sprintf("%s（“%s”）", [name(ed), concat("”“", ms)]) | some ed, ms in input.edition.markers; ed != "pre2019"]
	msg := sprintf("混用了 2019 年以前的旧格式（依据：%s）和%s", [concat("；", input.edition.markers.pre2019), concat("、", others)])
}

name("2019") := "2019 年试行格式的表格"

name("2021") := "2021 年版格式的表格"
