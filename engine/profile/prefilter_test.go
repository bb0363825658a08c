package profile

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/ingest/text"
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

// Searching only the runs between barriers that hold a literal finds exactly the matches a
// search of the whole text finds, for every bundled pattern (the claim grammar's number
// too) on the fixtures' reports, with and without the document's literal index.
func TestFilteredREFindsWhatRegexpFinds(t *testing.T) {
	files, _ := filepath.Glob("../../fixtures/*.txt")
	more, _ := filepath.Glob("../../fixtures/corpus/real/*.txt")
	files = append(files, more...)
	for _, pack := range []string{"govinfo-2019", "govinfo-2021", "govinfo-pre2019"} {
		p := loadPackProfile(t, pack)
		res := p.filtered()
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			folded := newStream(&document.Document{Blocks: text.Blocks(string(b))}).foldedStr
			idx := newLitIndex(folded, p.scanner)
			for _, re := range res {
				if re == nil {
					continue
				}
				want := re.Regexp.FindAllStringSubmatchIndex(folded, -1)
				if got := re.findAllIn(idx, folded, 0, len(folded), -1); !slices.EqualFunc(got, want, slices.Equal) {
					t.Errorf("%s, %s: %s finds %v, regexp %v", pack, f, re, got, want)
				}
				if got := re.FindAllStringSubmatchIndex(folded, -1); !slices.EqualFunc(got, want, slices.Equal) {
					t.Errorf("%s, %s: %s without index finds %v, regexp %v", pack, f, re, got, want)
				}
				if got, want := re.findIn(idx, folded), re.Regexp.FindStringIndex(folded); !slices.Equal(got, want) {
					t.Errorf("%s, %s: %s first match %v, regexp %v", pack, f, re, got, want)
				}
			}
		}
	}
}

// nextRune decodes as a range loop does, valid UTF-8 or not.
func TestNextRune(t *testing.T) {
	for _, s := range []string{"政府信息公开a1。", "\xe0\x80\x80", "\xed\xa0\x80x", "\xe4\xb8", "😀中", "\xff\xe4\xb8\xad", ""} {
		var got []rune
		for i, n := 0, 0; i < len(s); i += n {
			got = append(got, nextRune(s, i, &n))
		}
		var want []rune
		for _, r := range s {
			want = append(want, r)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
	}
}
