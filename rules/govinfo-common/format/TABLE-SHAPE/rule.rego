# METADATA
# title: 表格应包含格式规定的全部行，且每行数值与列对应
# description: >-
#   表格应包含格式规定的全部行（缺行为错误）。某一行读到的数值个数与列数不符、连写的数字
#   无法唯一拆分、或表格行与数值错位时，无法确定数值对应哪一列：这可能是报告的问题，也可能是
#   转换或读取造成的，因此给出提示（无法判定），涉及该行的核算也报告为无法判定。
# custom:
#   id: TABLE-SHAPE
#   level: error
#   tags: [format]
#   since: 1.0.0
#   en:
#     title: Tables should have every row the format sets, each row's values matching the columns
#     description: >-
#       A table should have every row the format sets (a missing row is an error). Where the
#       number of values read for a row differs from the number of columns, digits written
#       together cannot be split in only one way, or the table's rows and values are out of
#       order, it cannot be told which column a value belongs to. This may be the report's
#       problem or come from conversion or reading, so the rule gives a note (not assessable),
#       and the checks that involve the row are reported as not assessable.
package reportlint.rules.table_shape

import data.reportlint.lib.result

# A table whose rows and values are out of order is reported once, as a whole.
report contains result.with_level(result.fail(msg, t.ref), "note") if {
	some t in input.tables
	t.found
	t.garbled
	msg := result.text(
		sprintf("%s的行与数值错位（常见于 PDF 转换件），无法可靠地对应到行和列，涉及该表的核算无法判定", [t.title]),
		sprintf("%s has its rows and values out of order (common in documents converted from PDF): they cannot be matched reliably to rows and columns, and the checks that involve the table are not assessable", [table_en(t)]),
	)
}

report contains result.fail(msg, t.ref) if {
	some t in input.tables
	t.found
	not t.garbled
	some id in t.row_order
	r := t.rows[id]
	r.kind != "group"
	r.label != ""
	not r.found
	not parent_has_values(t, r)
	msg := result.text(
		sprintf("%s缺少“%s”行", [t.title, r.label]),
		sprintf("%s lacks the row “%s”", [table_en(t), r.label]),
	)
}

# A group written as one row of its own (the 2019 layout of （六）其他处理) has no sub-rows;
# FMT-EDITION reports the mixed layout.
parent_has_values(t, r) if t.rows[r.parent].values > 0

report contains result.with_level(result.fail(msg, r.ref), "note") if {
	some t in input.tables
	t.found
	not t.garbled
	some r in t.rows
	r.found
	not r.aligned
	r.values > 0
	r.run == ""
	msg := result.text(
		sprintf("%s%s应有 %d 个数值，读到 %d 个，无法与列对应，涉及该行的核算无法判定", [t.title, row_phrase(r), r.expected, r.values]),
		sprintf("%s%s should have %d values, but %d were read: they cannot be matched to the columns, and the checks that involve the row are not assessable", [table_en(t), row_phrase_en(r), r.expected, r.values]),
	)
}

# Digits written together ("898989") that split into the columns in more than one way.
report contains result.with_level(result.fail(msg, r.ref), "note") if {
	some t in input.tables
	t.found
	not t.garbled
	some r in t.rows
	r.found
	not r.aligned
	r.run != ""
	msg := result.text(
		sprintf("%s%s的数字连写在一起（“%s”），无法唯一拆分为 %d 列，涉及该行的核算无法判定", [t.title, row_phrase(r), r.run, count(t.columns)]),
		sprintf("%s%s has its digits written together (“%s”), which split into %d columns in more than one way: the checks that involve the row are not assessable", [table_en(t), row_phrase_en(r), r.run, count(t.columns)]),
	)
}

report contains result.with_level(result.fail(msg, r.ref), "note") if {
	some t in input.tables
	t.found
	not t.garbled
	some r in t.rows
	r.found
	r.kind != "group"
	r.values == 0
	msg := result.text(
		sprintf("%s%s没有读到数值", [t.title, row_phrase(r)]),
		sprintf("No values were read for %s%s", [table_en(t), row_phrase_en(r)]),
	)
}

row_phrase(r) := sprintf("“%s”行", [r.written]) if r.written != ""

row_phrase(r) := "的数据行" if r.written == ""

row_phrase_en(r) := sprintf(" row “%s”", [r.written]) if r.written != ""

row_phrase_en(r) := "'s data row" if r.written == ""

# table_en names a table in English messages: Table 3, Table 4, or a block of table 2 by
# its caption (Table 2 block “第二十条第（一）项”).
table_en(t) := "Table 3" if {
	t.id == "t3"
} else := "Table 4" if {
	t.id == "t4"
} else := sprintf("Table 2 block “%s”", [split(t.title, "·")[1]]) if {
	t.group == "t2"
	contains(t.title, "·")
} else := sprintf("table “%s”", [t.title])
