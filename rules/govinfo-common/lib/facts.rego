# Helpers that read the report facts.
package reportlint.lib.facts

# number(cell) is the cell's value; undefined unless the cell holds a number.
number(cell) := cell.value if cell.state == "number"

# is_number(cell) is true when the cell holds a number.
is_number(cell) if cell.state == "number"

# cell(table, row, col) is a cell of a found table and a found row.
cell(table, row, col) := c if {
	t := input.tables[table]
	t.found
	r := t.rows[row]
	r.found
	c := r.cells[col]
}

# section(id) is a section by id.
section(id) := s if {
	some s in input.sections
	s.id == id
}

# section_ref(id) is the place to report about a section: its heading when found, else
# the next section found after it, else the previous one, else the document.
section_ref(id) := s.ref if {
	s := section(id)
	s.found
} else := ref if {
	some i, s in input.sections
	s.id == id
	after := [x.ref | some j, x in input.sections; j > i; x.found]
	count(after) > 0
	ref := after[0]
} else := ref if {
	some i, s in input.sections
	s.id == id
	before := [x.ref | some j, x in input.sections; j < i; x.found]
	count(before) > 0
	ref := before[count(before) - 1]
} else := "doc"

# claims(id) are the claims with the given id, in document order.
claims(id) := [c | some c in input.claims; c.id == id]

# fmt_number prints whole numbers without a decimal point.
fmt_number(x) := sprintf("%d", [x]) if x == round(x)

fmt_number(x) := sprintf("%v", [x]) if x != round(x)

# count_en(n, noun) is a count for English messages, the noun plural unless n is 1:
# "1 application", "3 applications".
count_en(n, noun) := sprintf("%s %s", [fmt_number(n), noun]) if n == 1

count_en(n, noun) := sprintf("%s %ss", [fmt_number(n), noun]) if n != 1

# state_name describes a cell that holds no number.
state_name(cell) := "空白" if cell.state == "blank"

state_name(cell) := sprintf("占位符“%s”", [cell.text]) if cell.state == "placeholder"

state_name(cell) := sprintf("“%s”", [cell.text]) if cell.state == "invalid"

state_name(cell) := "未读到" if cell.state == "missing"

# state_name_en is state_name in English, for English messages: the cell's own text stays
# quoted as the document writes it.
state_name_en(cell) := "blank" if cell.state == "blank"

state_name_en(cell) := sprintf("the placeholder “%s”", [cell.text]) if cell.state == "placeholder"

state_name_en(cell) := sprintf("“%s”", [cell.text]) if cell.state == "invalid"

state_name_en(cell) := "not read" if cell.state == "missing"

# row_total(table, row) is a row's 总计: the cell when it holds a number; when the report
# leaves it blank (some provinces leave every zero blank), the sum of the row's other
# cells, reading blanks as 0, provided none is a placeholder or unreadable.
row_total(table, row) := v if {
	v := number(cell(table, row, "total"))
} else := v if {
	r := input.tables[table].rows[row]
	r.found
	r.cells.total.state == "blank"
	parts := [c | some col in input.tables[table].columns; col != "total"; c := r.cells[col]]
	every c in parts {
		c.state in {"number", "blank"}
	}
	v := sum([c.value | some c in parts; c.state == "number"])
}

# derived_total(table, row) is true when row_total read a blank 总计 as the sum of the row.
derived_total(table, row) if {
	not number(cell(table, row, "total"))
	row_total(table, row)
}

# derived_note(table, rows) says, for a message, that blank totals were read as row sums.
derived_note(table, rows) := "（表中相关行“总计”空白，按各列之和计）" if {
	some r in rows
	derived_total(table, r)
} else := ""

# derived_note_en is derived_note in English.
derived_note_en(table, rows) := " (the rows' blank “总计” read as the sum of their columns)" if {
	some r in rows
	derived_total(table, r)
} else := ""

# numeral_en(n) is a section numeral (一 … 十) as a figure for English messages ("5"), or
# the numeral quoted when it is not one of those.
numeral_en(n) := sprintf("%d", [numerals[n]]) if numerals[n]

numeral_en(n) := sprintf("“%s”", [n]) if not numerals[n]

numerals := {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
