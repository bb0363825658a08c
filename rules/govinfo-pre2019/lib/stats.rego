# Helpers for the statistics table of the format before 2019 (政府信息公开情况统计表):
# one value per indicator row, in the column `value`.
package reportlint.lib.stats

import data.reportlint.lib.facts

# row(id) is a row of the table found in the document.
row(id) := r if {
	t := input.tables.stats
	t.found
	r := t.rows[id]
	r.found
}

# cell(id) is the value cell of a row found.
cell(id) := row(id).cells.value

# label(id) is the row's label as written.
label(id) := row(id).written

# parts(ids) are the rows of ids found in the document.
parts(ids) := [id | some id in ids; row(id)]

# assessable(ids) holds when every value cell of the rows is a number.
assessable(ids) if {
	every id in ids {
		facts.is_number(cell(id))
	}
}

# blocked(ids) are the rows among ids whose value is not a number.
blocked(ids) := [id | some id in ids; not facts.is_number(cell(id))]

# total(ids) is the sum of the rows' values.
total(ids) := sum([cell(id).value | some id in ids])

# names(ids) lists the rows' labels as written, “a”“b”.
names(ids) := concat("、", [sprintf("“%s”", [label(id)]) | some id in ids])

# names_en(ids) is names(ids) for English messages: “a”, “b”.
names_en(ids) := concat(", ", [sprintf("“%s”", [label(id)]) | some id in ids])
