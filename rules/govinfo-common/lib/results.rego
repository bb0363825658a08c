# Helpers for the kinds of result in table 3.
package reportlint.lib.results

import data.reportlint.lib.facts

# The result groups the narrative names, as rows of table 3.
groups := {
	"予以公开": ["disclosed"],
	"同意公开": ["disclosed"],
	"部分公开": ["partial"],
	"区分处理后公开": ["partial"],
	"全部公开": ["disclosed"],
	"公开答复": ["disclosed"],
	"予以公开及部分公开": ["disclosed", "partial"],
	"予以公开和部分公开": ["disclosed", "partial"],
	"予以公开或部分公开": ["disclosed", "partial"],
	"不予公开": ["withheld"],
	"无法提供": ["unable"],
	"不予处理": ["not_processed"],
	"其他处理": ["other_handling"],
}

# rows_of(category) are the data rows of table 3 a narrative category counts.
rows_of(category) := [r | some g in groups[category]; some r in rows_of_group(g)]

# rows_of_group(id) is a group row's data rows, or the row itself when it has values of its
# own (（六）其他处理 is a single row in the 2019 trial format).
rows_of_group(id) := input.tables.t3.rows[id].leaves if {
	count(input.tables.t3.rows[id].leaves) > 0
} else := [id]

# total(rows) adds the rows' 总计 (see facts.row_total); undefined when one cannot be read.
total(rows) := sum([v | some r in rows; v := facts.row_total("t3", r)]) if {
	every r in rows {
		facts.row_total("t3", r)
	}
}

# unreadable(rows) are the rows whose 总计 cannot be read.
unreadable(rows) := [r | some r in rows; not facts.row_total("t3", r)]

# what(category) names the table rows a category counts, for a message: “（四）无法提供”各项之和.
what(category) := sprintf("%s%s", [names, suffix]) if {
	gs := groups[category]
	names := concat("与", [sprintf("“%s”", [input.tables.t3.rows[g].label]) | some g in gs])
	suffix := sum_word(gs)
}

sum_word(gs) := "各项之和" if {
	some g in gs
	count(input.tables.t3.rows[g].leaves) > 1
} else := "之和" if {
	count(gs) > 1
} else := ""

# what_en(category) is what(category) in English: “（四）无法提供” alone, or “the sum of the
# items of …”, “the sum of … and …”.
what_en(category) := sprintf("%s%s", [prefix, names]) if {
	gs := groups[category]
	names := concat(" and ", [sprintf("“%s”", [input.tables.t3.rows[g].label]) | some g in gs])
	prefix := sum_word_en(gs)
}

sum_word_en(gs) := "the sum of the items of " if {
	some g in gs
	count(input.tables.t3.rows[g].leaves) > 1
} else := "the sum of " if {
	count(gs) > 1
} else := ""
