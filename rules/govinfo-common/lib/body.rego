# What kind of body published the report, from the name in its title.
package reportlint.lib.body

name := input.report.title.fields.body.text

# government is true for a people's government or a government-level area (its general
# office reports for it); department is true for a government department or agency.
government if regex.match(`(人民政府|人民政府办公厅|人民政府办公室|政府办公厅|政府办公室|实验区|开发区|新区|管委会|管理委员会)$`, name)

# office is true for a government's general office reporting as a body of its own
# (人民政府办公厅, 区政府办公室): a working department of the government, not the government.
office if regex.match(`政府(办公厅|办公室)$`, name)

# township is true for a township or town government (乡, 镇, 苏木) and for a sub-district
# (街道, 街道办事处), which is an agency of the district, not a government.
township if regex.match(`(乡|镇|苏木)(人民政府|政府)?$|街道(办事处)?$`, name)

# area is true for a government-level zone run by a management committee (综合实验区,
# 开发区, 新区 …): it reports like a government but is not a people's government.
area if regex.match(`(实验区|试验区|开发区|示范区|新区|高新区|园区|合作区|保税区|管委会|管理委员会)$`, name)

# people_government is true when the body is a people's government itself (条例第五十条
# 第（四）项 "各级人民政府"): a name ending in 人民政府 or 政府, or the name of a region alone
# (上海市, 洪泽区, 沭阳县), whose report is the government's. Not its general office, not a
# department, not a zone; a township government only where the pack's parameter
# accountability_townships is 1.
people_government if {
	regex.match(`政府$`, name)
	not office
	not township
}

people_government if {
	regex.match(`^[^局委办厅室院署所馆站队会处部司社]{1,24}(省|自治区|市|自治州|州|地区|盟|县|自治县|旗|自治旗|区|特别行政区)$`, name)
	not area
	not regex.match(`(社区|景区|校区|片区|矿区|林区|库区|小区|辖区)$`, name)
}

people_government if {
	township
	not regex.match(`街道(办事处)?$`, name)
	input.params.accountability_townships == 1
}

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
