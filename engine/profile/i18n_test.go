package profile

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest/text"
)

// chineseOutsideQuotes is the Chinese of s outside quoted document text: what an English
// message must not have.
func chineseOutsideQuotes(s string) string {
	s = regexp.MustCompile(`“[^”]*”|「[^」]*」|"[^"]*"|‘[^’]*’|《[^》]*》`).ReplaceAllString(s, "")
	var b strings.Builder
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || strings.ContainsRune("，。：；（）、“”《》？！", r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// notes are the messages of the notes of f with refs that start with prefix.
func notes(f *Facts, prefix string) []string {
	var out []string
	for _, n := range f.Notes {
		if strings.HasPrefix(n.Ref, prefix) {
			out = append(out, n.Message)
		}
	}
	return out
}

// A document longer than the profile reads gets a note saying so, in the run's language.
func TestTruncatedNoteInBothLanguages(t *testing.T) {
	defer i18n.Set(i18n.Current())
	p := loadProfile(t)
	src := sampleText(t) + strings.Repeat("以下为附件内容，不属于年度报告正文。\n", maxRunes/16)
	doc := &document.Document{Path: "t.txt", Format: "text", Blocks: text.Blocks(src)}
	want := map[i18n.Lang]string{
		i18n.Zh: "文档过长，只检查了前 2000000 个字符，之后的内容未检查",
		i18n.En: "Document too long: only its first 2000000 characters were checked; the rest was not",
	}
	for _, lang := range i18n.Langs {
		i18n.Set(lang)
		got := notes(p.Apply(doc), "import.truncated")
		if len(got) != 1 || got[0] != want[lang] {
			t.Errorf("%s: notes %q, want %q", lang, got, want[lang])
		}
	}
}

// A table row whose values cannot be matched to the columns gets a note, in the run's
// language; the row's label is the document's, quoted.
func TestRowNoteInBothLanguages(t *testing.T) {
	defer i18n.Set(i18n.Current())
	const row = "一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0"
	src := sampleText(t)
	if !strings.Contains(src, row) {
		t.Fatalf("the sample has no line %q", row)
	}
	src = strings.Replace(src, row, "一、本年新收政府信息公开申请数量 0 0 0", 1)
	want := map[i18n.Lang]string{
		i18n.Zh: "“一、本年新收政府信息公开申请数量”行应有 7 个数值，读到 3 个，无法与列对应",
		i18n.En: "Row “一、本年新收政府信息公开申请数量”: 7 values expected, 3 read, which cannot be matched to the columns",
	}
	for _, lang := range i18n.Langs {
		i18n.Set(lang)
		got := notes(apply(t, src), "t3.")
		if len(got) != 1 || got[0] != want[lang] {
			t.Errorf("%s: notes %q, want %q", lang, got, want[lang])
		}
		if lang == i18n.En && len(got) == 1 && chineseOutsideQuotes(got[0]) != "" {
			t.Errorf("Chinese outside quotes: %q", got[0])
		}
	}
}

// A profile's problems are named in the run's language, its keys as written.
func TestSpecErrorsInBothLanguages(t *testing.T) {
	defer i18n.Set(i18n.Current())
	src := `
sections:
  - {id: a, title: 甲}
  - {id: a, title: 乙}
tables:
  - {id: t, section: nope, columns: [{id: c, type: weight}], rows: [{id: r, label: 行}]}
quantities: {number: '\d+', units: 件, kinds: [{id: k}]}
`
	want := map[i18n.Lang]string{
		i18n.Zh: "profile 有误：\n  sections[1]：id \"a\" 重复\n  表格 t：未知的章节 \"nope\"\n  表格 t 的列 c：未知的类型 \"weight\"\n  quantities: kinds[0]：id 和 phrases 为必填项",
		i18n.En: "invalid profile:\n  sections[1]: duplicate id \"a\"\n  table t: unknown section \"nope\"\n  table t column c: unknown type \"weight\"\n  quantities: kinds[0]: id and phrases are required",
	}
	for _, lang := range i18n.Langs {
		i18n.Set(lang)
		s, err := DecodeSpec([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		_, err = Compile(s)
		if err == nil || err.Error() != want[lang] {
			t.Errorf("%s: got\n%v\nwant\n%s", lang, err, want[lang])
		}
		if lang == i18n.En && err != nil && chineseOutsideQuotes(err.Error()) != "" {
			t.Errorf("Chinese outside quotes: %q", err)
		}
	}
}
