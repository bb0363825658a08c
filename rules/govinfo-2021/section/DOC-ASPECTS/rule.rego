# METADATA
# title: 总体情况应涵盖五个方面
# description: >-
#   国办公开办函〔2021〕30号要求第一部分“总体情况”概述主动公开、依申请公开、政府信息管理、
#   政府信息公开平台建设、监督保障五个方面的情况。
# custom:
#   id: DOC-ASPECTS
#   level: warning
#   tags: [section]
#   since: 1.0.0
#   en:
#     title: The overview should cover five aspects
#     description: >-
#       “国办公开办函〔2021〕30号” asks the first part, “总体情况” (overview), to summarise five
#       aspects: proactive disclosure, disclosure on application, government information
#       management, the disclosure platforms, and oversight and safeguards.
package reportlint.rules.doc_aspects

import data.reportlint.lib.facts
import data.reportlint.lib.result

aspects := [
	{"name": "主动公开", "en": "proactive disclosure (“主动公开”)", "pattern": `主动公开`},
	{"name": "依申请公开", "en": "disclosure on application (“依申请公开”)", "pattern": `依申请公开|申请公开|公开申请`},
	{"name": "政府信息管理", "en": "government information management (“政府信息管理”)", "pattern": `信息管理|信息资源管理|发布审查|保密审查|信息审核|内容审核|过期信息|信息清理|日常管理`},
	{"name": "政府信息公开平台建设", "en": "the disclosure platforms (“政府信息公开平台建设”)", "pattern": `平台|网站|政务新媒体|公开栏|公开专栏`},
	{"name": "监督保障", "en": "oversight and safeguards (“监督保障”)", "pattern": `监督|保障|考核|培训`},
]

s1 := facts.section("s1")

missing := [a | some a in aspects; not regex.match(a.pattern, s1.text)]

report contains result.fail(msg, s1.ref) if {
	s1.found
	count(missing) > 0
	msg := result.text(
		sprintf("第一部分“总体情况”未涉及%s", [concat("、", [a.name | some a in missing])]),
		sprintf("The first part, “总体情况”, does not cover %s", [concat(", ", [a.en | some a in missing])]),
	)
}
