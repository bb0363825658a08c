# Helpers that read the report facts (the table-independent ones of govinfo-common's lib).
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
