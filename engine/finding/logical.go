package finding

import (
	"strings"

	"github.com/reportlint/reportlint/engine/i18n"
)

// logicalNames are the names the document model gives in logical locations, with their
// English; the rest of a logical location (section headings, row and column labels) is
// the document's own text.
var logicalNames = map[string]string{
	"文档": "document", "表格格式": "table format", "统计表": "statistics table",
	"表一": "Table 1", "表二": "Table 2", "表三": "Table 3", "表四": "Table 4",
}

// ShowLogical is a logical location ("表三/一、本年新收政府信息公开申请数量/总计") as the
// run's language shows it. In English the model's names are translated and the
// document's labels quoted: Table 3 “一、本年新收政府信息公开申请数量/总计”. Findings keep
// the logical location itself, so that fingerprints and baselines do not depend on the
// language.
func ShowLogical(s string) string {
	if s == "" || i18n.Current() != i18n.En {
		return s
	}
	head, rest, _ := strings.Cut(s, "/")
	if en, ok := logicalNames[head]; ok {
		if rest == "" {
			return en
		}
		return en + " " + quote(rest)
	}
	return quote(s)
}

func quote(s string) string {
	if strings.ContainsAny(s, "“”") {
		return "「" + s + "」"
	}
	return "“" + s + "”"
}
