package finding

import (
	"testing"

	"github.com/reportlint/reportlint/engine/i18n"
)

func TestShowLogical(t *testing.T) {
	defer i18n.Set(i18n.Current())
	i18n.Set(i18n.Zh)
	if got := ShowLogical("表三/一、本年新收政府信息公开申请数量/总计"); got != "表三/一、本年新收政府信息公开申请数量/总计" {
		t.Errorf("zh: %q", got)
	}
	i18n.Set(i18n.En)
	for in, want := range map[string]string{
		"表三/一、本年新收政府信息公开申请数量/总计": "Table 3 “一、本年新收政府信息公开申请数量/总计”",
		"文档":         "document",
		"表四":         "Table 4",
		"一、总体情况":     "“一、总体情况”",
		"表三/“（七）总计”": "Table 3 「“（七）总计”」",
		"":           "",
	} {
		got := ShowLogical(in)
		if got != want {
			t.Errorf("en %q: %q, want %q", in, got, want)
		}
		if zh := i18n.UnquotedChinese(got); zh != "" {
			t.Errorf("en %q: Chinese outside quotes: %q", in, zh)
		}
	}
}
