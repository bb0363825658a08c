package pdf

import (
	"strings"
	"testing"
	"unicode"

	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// The PDF importer's notes and errors are in the language of the run. The test sets the
// process's language: it must not run in parallel.
func TestMessagesInBothLanguages(t *testing.T) {
	defer i18n.Set(i18n.Current())
	scanned := makePDF([]string{
		"q 400 0 0 600 100 100 cm /Im1 Do Q",
		"",
		text(100, 700, "Page three has text."),
	})
	tooMany := makePDF([]string{text(100, 700, "One."), text(100, 700, "Two."), text(100, 700, "Three.")})
	for _, tc := range []struct {
		name   string
		data   []byte
		lim    limit.Limits
		zh, en []string // the error, or the notes
	}{
		{"scanned and blank pages", scanned, limit.Default(),
			[]string{"第 1 页没有文字层（是扫描图片），不支持文字识别，该页内容未读取", "第 2 页没有文字"},
			[]string{"page 1 has no text layer (it is a scanned image); text recognition is not supported, so the page was not read", "page 2 has no text"}},
		{"no pages", makePDF(nil), limit.Default(),
			[]string{"PDF 没有页面"}, []string{"the PDF has no pages"}},
		{"page limit", tooMany, limit.Limits{MaxPages: 2},
			[]string{"页数超过上限：3 页 > 2 页"}, []string{"page count exceeds the limit: 3 pages > 2 pages"}},
		{"damaged", []byte("%PDF-1.4\n%%EOF\n"), limit.Default(),
			[]string{"无法读取的 PDF：文件损坏或不完整"}, []string{"unreadable PDF: the file is damaged or incomplete"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, l := range i18n.Langs {
				i18n.Set(l)
				want := tc.zh
				if l == i18n.En {
					want = tc.en
				}
				var got []string
				doc, err := importBytes(t, tc.data, tc.lim)
				if err != nil {
					got = []string{err.Error()}
				} else {
					for _, n := range doc.Notes {
						got = append(got, n.Message)
					}
				}
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("%s:\n got %q\nwant %q", l, got, want)
				}
				if l == i18n.En && strings.ContainsFunc(strings.Join(got, ""), func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
					t.Errorf("en: Chinese in %q", got)
				}
			}
		})
	}
}
