# METADATA
# title: 报告使用 2019 年以前的旧格式，2019、2021 年格式的检查不适用
# description: >-
#   2008—2018 年度的报告依据 2007 年《政府信息公开条例》（国务院令第492号）编制，
#   国办公开办函〔2019〕60号之前没有统一的六部分结构和表二至表四，通常附“政府信息公开情况统计表”
#   （统计指标、单位、统计数）。这类报告不能按 2019 年试行格式或 2021 年版格式检查：
#   本规则说明报告属于旧格式及其依据，此后只报告对各种格式都成立的检查（标题年份、统计期限、
#   导入问题）和旧统计表自身的核算（PRE-*）。2019 年及以后的报告仍使用旧格式、
#   或旧统计表与新格式表格混用，是格式错误。
# custom:
#   id: FMT-EDITION
#   level: warning
#   tags: [format]
#   since: 1.0.0
package reportlint.rules.fmt_edition

import data.reportlint.lib.result

era := "2008—2018 年度报告依据 2007 年《政府信息公开条例》、在国办公开办函〔2019〕60号之前使用的格式"

skipped := "未按 2019、2021 年格式检查章节和表二至表四，只检查标题年份、统计期限和旧统计表自身的核算"

evidence := concat("；", array.slice(input.edition.markers.pre2019, 0, 3))

# An old-format report of the years that format was used for: a warning, the report cannot
# be checked as fully as a current one.
report contains result.fail(msg, input.edition.refs.pre2019) if {
	input.edition.detected == "pre2019"
	not late
	msg := sprintf("报告使用 2019 年以前的旧格式（依据：%s），即%s；%s", [evidence, era, skipped])
}

# The old format in a report of 2019 or later: an error.
report contains result.with_level(result.fail(msg, input.edition.refs.pre2019), "error") if {
	input.edition.detected == "pre2019"
	late
	msg := sprintf("%d 年度报告使用了 2019 年以前的旧格式（依据：%s），应使用%s；%s", [input.report.year, evidence, current_format, skipped])
}

# Old and new markers together.
report contains result.with_level(result.fail(msg, input.edition.refs.pre2019), "error") if {
	input.edition.detected == "mixed"
	input.edition.markers.pre2019
	others := [sprintf("%s（%s）", [name(ed), concat("、", ms)]) | some ed, ms in input.edition.markers; ed != "pre2019"]
	msg := sprintf("混用了 2019 年以前的旧格式（%s）和%s；%s", [evidence, concat("、", others), skipped])
}

# No marker of any format, in a report of 2008–2018: the year alone places it.
report contains result.fail(msg, at) if {
	input.edition.detected == "unknown"
	input.report.year > 0
	input.report.year <= 2018
	at := year_ref
	msg := sprintf("%d 年度报告早于国办公开办函〔2019〕60号，未识别出任何格式的表格，按年份属于%s；%s", [input.report.year, era, skipped])
}

late if input.report.year >= 2019

current_format := "国办公开办函〔2019〕60号试行格式" if input.report.year < 2021

current_format := "国办公开办函〔2021〕30号格式" if input.report.year >= 2021

name("2019") := "2019 年试行格式"

name("2021") := "2021 年版格式"

year_ref := input.report.title.fields.year.ref if input.report.year_from == "title"

year_ref := "doc" if input.report.year_from != "title"
