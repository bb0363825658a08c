# METADATA
# title: 正文不应大段照搬上一年度报告
# description: >-
#   与同一机关上一年度报告相比，正文中重复的句子（数字不计）所占比例不应超过阈值（默认 50%，
#   可用 --repeat-threshold 调整）。大段照搬常见于只改年份的“复制粘贴”报告。
# custom:
#   id: DOC-REPEAT
#   level: warning
#   tags: [narrative]
#   since: 1.0.0
#   en:
#     title: The narrative should not copy large parts of last year's report
#     description: >-
#       Compared with the same body's report of the year before, the sentences of the narrative
#       that repeat it (numbers aside) should not exceed a threshold share (50% by default,
#       --repeat-threshold to change). Copying at length is the mark of "copy and paste" reports
#       with only the year changed.
package reportlint.rules.doc_repeat

import data.reportlint.lib.result

threshold := input.params.repeat_threshold

report contains result.fail(msg, "doc") if {
	r := input.previous.repeat
	r.share > threshold
	msg := result.text(
		sprintf("正文有 %d%% 的内容（%d 个句子中的 %d 个）与 %d 年度报告相同，超过 %d%% 的阈值", [round(r.share * 100), r.sentences, r.repeated, input.previous.year, round(threshold * 100)]),
		sprintf("%d%% of the narrative (%d of its %d sentences) is the same as in the %d report, above the threshold of %d%%", [round(r.share * 100), r.repeated, r.sentences, input.previous.year, round(threshold * 100)]),
	)
}
