# METADATA
# title: 全零报告应经确认
# description: >-
#   表二、表三、表四全部为 0。许多小机关确实没有可报告的事项，但也出现过实际有申请和行政复议却报全零、
#   被投诉后撤回的报告（鹿邑县市场监管局 2024 年报告）。请确认数据无误。只有各表都完整读取、读到的数字
#   全部为 0 时才提示；有未能读取的行或单元格时，其中可能有非 0 的数，说明无法判定；未能读取的部分
#   明显有非 0 的数字（连写的数字、带文字的单元格）时不提示。
# custom:
#   id: DOC-ALL-ZERO
#   level: note
#   tags: [arithmetic]
#   since: 1.0.0
#   en:
#     title: An all-zero report should be confirmed
#     description: >-
#       Every number in Tables 2, 3 and 4 is 0. Many small bodies really have nothing to
#       report, but there have been reports of all zeros from bodies that did have applications
#       and an administrative reconsideration, withdrawn after a complaint (the 2024 report of
#       the market regulation bureau of Luyi county). Please confirm the data. The rule notes it
#       only when every table was read in full and every number read is 0; where rows or cells
#       could not be read, they may hold numbers other than 0, and the rule says it is not
#       assessable; where what could not be read plainly holds a number other than 0 (digits
#       written together, a cell of text with a number in it), it says nothing.
package reportlint.rules.doc_all_zero

import data.reportlint.lib.result

numbers := [c.value | some t in input.tables; t.found; some r in t.rows; some c in r.cells; c.state == "number"]

# Every number read is 0, and enough of them were read to speak of the whole report.
# A number that is not 0 is looked for first: most reports have one among their first
# cells, and the search stops there instead of listing every number.
all_zero if {
	not nonzero_read
	input.tables.t3.found
	input.tables.t4.found
	count(numbers) > 100
	not nonzero_unread
}

nonzero_read if {
	some t in input.tables
	t.found
	some r in t.rows
	some c in r.cells
	c.state == "number"
	c.value != 0
}

# What could not be read shows a digit other than 0: digits written together that could
# not be split ("5845546"), or a cell of text with a number in it ("3元" in a count
# column). The report is not all zero.
nonzero_unread if {
	some t in input.tables
	t.found
	some r in t.rows
	regex.match(`[1-9]`, r.run)
}

nonzero_unread if {
	some t in input.tables
	t.found
	some r in t.rows
	some c in r.cells
	c.state == "invalid"
	regex.match(`[1-9]`, c.text)
}

report contains result.fail(msg, input.tables.t3.ref) if {
	all_zero
	count(unread) == 0
	msg := result.text(
		"表二、表三、表四的数字全部为 0，请确认本年度确实没有主动公开决定、政府信息公开申请和行政复议、行政诉讼",
		"Every number in Tables 2, 3 and 4 is 0: confirm that this year there really were no proactive disclosure decisions, no applications for government information, and no administrative reconsideration or administrative litigation",
	)
}

# Parts of the tables that were not read may hold numbers that are not 0: the report
# cannot be called all zero.
report contains result.not_assessable(msg, input.tables.t3.ref) if {
	all_zero
	count(unread) > 0
	parts := sort(unread)
	shown := [p | some i, p in parts; i < 3]
	more := count(parts) - count(shown)
	msg := result.text(
		sprintf("无法判定是否全零报告：读到的数字都是 0，但%s%s未能读取，其中可能有不为 0 的数", [concat("；", [p[0] | some p in shown]), etc(more)]),
		sprintf("Cannot tell whether the report is all zero: every number read is 0, but %s%s could not be read and may hold numbers other than 0", [concat("; ", [p[1] | some p in shown]), etc_en(more)]),
	)
}

etc(0) := ""

etc(n) := sprintf("等共 %d 处", [n + 3]) if n > 0

etc_en(0) := ""

etc_en(n) := sprintf(" and %d more", [n]) if n > 0

# unread lists what the tables' reading left out, each as [Chinese, English]: a table not
# found, a table whose rows and values are out of order, a row not found or not matched to
# the columns, a cell that holds text.
unread contains [t.title, table_en(t)] if {
	some t in input.tables
	not t.found
}

unread contains [sprintf("%s（行与数值错位）", [t.title]), sprintf("%s (rows and values out of order)", [table_en(t)])] if {
	some t in input.tables
	t.found
	t.garbled
}

unread contains [sprintf("%s%s", [t.title, row_phrase(r)]), sprintf("%s%s", [table_en(t), row_phrase_en(r)])] if {
	some t in input.tables
	t.found
	not t.garbled
	some r in t.rows
	holds_values(t, r)
	some c in r.cells
	c.state in {"missing", "invalid"}
}

# A data row holds values; so does a group written as one row of its own (the 2019 layout
# of （六）其他处理), whose sub-rows are then absent, not unread.
holds_values(t, r) if {
	r.kind != "group"
	not t.rows[r.parent].values
}

holds_values(t, r) if {
	r.kind != "group"
	t.rows[r.parent].values == 0
}

holds_values(_, r) if {
	r.kind == "group"
	r.values > 0
}

row_phrase(r) := sprintf("“%s”行", [r.written]) if r.written != ""

row_phrase(r) := sprintf("“%s”行", [r.label]) if {
	r.written == ""
	r.label != ""
}

row_phrase(r) := "的数据行" if {
	r.written == ""
	r.label == ""
}

row_phrase_en(r) := sprintf(" row “%s”", [r.written]) if r.written != ""

row_phrase_en(r) := sprintf(" row “%s”", [r.label]) if {
	r.written == ""
	r.label != ""
}

row_phrase_en(r) := "'s data row" if {
	r.written == ""
	r.label == ""
}

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
