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
#   en:
#     title: The report uses the format before 2019; the checks of the 2019 and 2021 formats do not apply
#     description: >-
#       Reports for 2008 to 2018 were written under the 2007 Regulations on the Disclosure of
#       Government Information (State Council Decree No. 492); before "国办公开办函〔2019〕60号" there
#       was no common structure of six sections and no Tables 2 to 4, and reports usually had a
#       statistics table "政府信息公开情况统计表" (indicator, unit, figure). Such a report cannot be
#       checked against the 2019 trial format or the 2021 format: this rule says the report uses
#       the old format and on what evidence, and from then on only the checks that hold for any
#       format (title year, reporting period, reading problems) and the old statistics table's
#       own sums (PRE-*) are reported. A report for 2019 or later still in the old format, or
#       mixing the old statistics table with tables of the new formats, is a format error.
package reportlint.rules.fmt_edition

import data.reportlint.lib.result

era := "2008—2018 年度报告依据 2007 年《政府信息公开条例》、在国办公开办函〔2019〕60号之前使用的格式"

skipped := "未按 2019、2021 年格式检查章节和表二至表四，只检查标题年份、统计期限和旧统计表自身的核算"

evidence := concat("；", array.slice(input.edition.markers.pre2019, 0, 3))

# The same in English. The markers are the names the profile gives them (edition_patterns),
# in Chinese: each known one has its English here; another is quoted as it is.
era_en := "the format of the reports for 2008 to 2018, under the 2007 《政府信息公开条例》 and before “国办公开办函〔2019〕60号”"

skipped_en := "sections and Tables 2 to 4 were not checked against the 2019 or 2021 format, only the title year, the reporting period and the old statistics table's own sums"

evidence_en := concat("; ", [marker_en(m) | some m in array.slice(input.edition.markers.pre2019, 0, 3)])

marker_en(m) := markers_en[m]

marker_en(m) := sprintf("“%s”", [m]) if not markers_en[m]

markers_en := {
	"统计表表头：指标名称、单位、统计数": "the statistics table's header “指标名称”, “单位”, “统计数”",
	"统计表中申请答复的分项：属于已主动公开范围数、告知作出更改补充数等": "the statistics table's kinds of answer to applications, such as “属于已主动公开范围数” and “告知作出更改补充数”",
	"统计表中行政复议、行政诉讼的分项：维持具体行政行为数、被依法纠错数": "the statistics table's outcomes of administrative reconsideration and litigation, “维持具体行政行为数” and “被依法纠错数”",
	"统计表中的依申请公开信息收取的费用": "the statistics table's fees for disclosure on request, “依申请公开信息收取的费用”",
	"收费及减免情况部分": "a section on fees and waivers, “收费及减免情况”",
	"需要说明的事项与附表部分": "a section of notes and attached tables, “需要说明的事项与附表”",
	"依据国务院令第492号（2007 年条例）": "a reference to “国务院令第492号”, the decree of the 2007 《政府信息公开条例》",
	"表三“（六）其他处理”为单独一行": "Table 3 with “（六）其他处理” as a single row",
}

# An old-format report of the years that format was used for: a warning, the report cannot
# be checked as fully as a current one.
report contains result.fail(msg, input.edition.refs.pre2019) if {
	input.edition.detected == "pre2019"
	not late
	msg := result.text(
		sprintf("报告使用 2019 年以前的旧格式（依据：%s），即%s；%s", [evidence, era, skipped]),
		sprintf("The report uses the old format from before 2019 (evidence: %s), that is, %s; %s", [evidence_en, era_en, skipped_en]),
	)
}

# The old format in a report of 2019 or later: an error.
report contains result.with_level(result.fail(msg, input.edition.refs.pre2019), "error") if {
	input.edition.detected == "pre2019"
	late
	msg := result.text(
		sprintf("%d 年度报告使用了 2019 年以前的旧格式（依据：%s），应使用%s；%s", [input.report.year, evidence, current_format, skipped]),
		sprintf("The %d report uses the old format from before 2019 (evidence: %s); it should use %s; %s", [input.report.year, evidence_en, current_format_en, skipped_en]),
	)
}

# Old and new markers together.
report contains result.with_level(result.fail(msg, input.edition.refs.pre2019), "error") if {
	input.edition.detected == "mixed"
	input.edition.markers.pre2019
	others := [sprintf("%s（%s）", [name(ed), concat("、", ms)]) | some ed, ms in input.edition.markers; ed != "pre2019"]
	others_en := [sprintf("%s (%s)", [name_en(ed), concat(", ", [marker_en(m) | some m in ms])]) | some ed, ms in input.edition.markers; ed != "pre2019"]
	msg := result.text(
		sprintf("混用了 2019 年以前的旧格式（%s）和%s；%s", [evidence, concat("、", others), skipped]),
		sprintf("The report mixes the old format from before 2019 (%s) with %s; %s", [evidence_en, concat(" and ", others_en), skipped_en]),
	)
}

# No marker of any format, in a report of 2008–2018: the year alone places it.
report contains result.fail(msg, at) if {
	input.edition.detected == "unknown"
	input.report.year > 0
	input.report.year <= 2018
	at := year_ref
	msg := result.text(
		sprintf("%d 年度报告早于国办公开办函〔2019〕60号，未识别出任何格式的表格，按年份属于%s；%s", [input.report.year, era, skipped]),
		sprintf("The %d report predates “国办公开办函〔2019〕60号” and no table of any format was recognized: by its year it belongs to %s; %s", [input.report.year, era_en, skipped_en]),
	)
}

late if input.report.year >= 2019

current_format := "国办公开办函〔2019〕60号试行格式" if input.report.year < 2021

current_format := "国办公开办函〔2021〕30号格式" if input.report.year >= 2021

current_format_en := "the trial format of “国办公开办函〔2019〕60号”" if input.report.year < 2021

current_format_en := "the format of “国办公开办函〔2021〕30号”" if input.report.year >= 2021

name("2019") := "2019 年试行格式"

name("2021") := "2021 年版格式"

name_en("2019") := "the 2019 trial format"

name_en("2021") := "the 2021 format"

year_ref := input.report.title.fields.year.ref if input.report.year_from == "title"

year_ref := "doc" if input.report.year_from != "title"
