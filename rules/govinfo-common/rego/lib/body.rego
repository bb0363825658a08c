# What kind of body published the report, from the name in its title.
package reportlint.lib.body

name := input.report.title.fields.body.text

# government is true for a people's government or a government-level area (its general
# office reports for it); department is true for a government department or agency.
government if regex.match(`(人民政府|人民政府办公厅|人民政府办公室|政府办公厅|政府办公室|实验区|开发区|新区|管委会|管理委员会)$`, name)

department if {
	not government
	regex.match(`(局|委|委员会|办|办公室|厅|中心|院|署|所|馆|站|队|会)$`, name)
}

# may_make_rules is true for bodies that can make 规章: State Council departments, and the
# governments of provinces, autonomous regions, municipalities, 设区的市 and 自治州 (a name
# ending in 市人民政府 may be a county-level city; that stays allowed, the rule only warns).
may_make_rules if regex.match(`^(国家|中华人民共和国|国务院)|部$`, name)

may_make_rules if regex.match(`(省|自治区|市|自治州|盟)(人民)?政府(办公厅|办公室)?$`, name)

# cannot_make_rules is true when the name says the body cannot make 规章.
cannot_make_rules if {
	not may_make_rules
	regex.match(`(区|县|旗|乡|镇|街道|街道办事处)(人民政府)?(办公室)?$`, name)
}

cannot_make_rules if {
	not may_make_rules
	department
}
