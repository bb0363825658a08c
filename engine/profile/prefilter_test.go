package profile

import (
	"regexp"
	"slices"
	"testing"
)

// The literal filter never rejects a text the pattern matches, and it finds the literals
// that make it worth having.
func TestFilteredRE(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		lits    []string
		texts   []string
	}{
		{`属于已主动公开范围数|告知作出更改补充数`, []string{"属于已主动公开范围数", "告知作出更改补充数"}, []string{"x告知作出更改补充数y", "属于已主动公开范围数", "无"}},
		{`(?:指标名称|统计指标)(?:计量)?单位(?:统计数|本年度)`, []string{"单位"}, []string{"指标名称单位统计数", "统计指标计量单位本年度", "单位"}},
		{`[一二三]{1,3}[、.]收费(?:及|和)减免`, []string{"减免"}, []string{"三、收费及减免", "收费和减免", "减"}},
		{`\(六\)其他处理(?:[0-9]+|[-/]){7,8}\(七\)总计`, nil, []string{"(六)其他处理1234567(七)总计"}},
		{`a?b*`, nil, []string{"", "ab"}},
		{`(?i)abc`, nil, []string{"ABC"}},
	} {
		f := newFilteredRE(tc.pattern)
		if tc.lits != nil && !slices.Contains(tc.lits, "") {
			for _, l := range tc.lits {
				if !slices.Contains(f.any, l) && len(f.any) == 0 {
					t.Errorf("%s: literals %q, want some of %q", tc.pattern, f.any, tc.lits)
				}
			}
		}
		re := regexp.MustCompile(tc.pattern)
		for _, text := range tc.texts {
			if got, want := f.FindStringIndex(text), re.FindStringIndex(text); !slices.Equal(got, want) {
				t.Errorf("%s on %q: %v, regexp gives %v", tc.pattern, text, got, want)
			}
		}
	}
	if f := newFilteredRE(`属于已主动公开范围数|告知作出更改补充数`); f.mayMatch("一段没有这些词的文字") {
		t.Error("a text without the literals may match")
	}
}
