package markdown

import (
	"errors"
	"testing"

	"github.com/reportlint/reportlint/engine/ingest/charset"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// FuzzImport checks that no input panics or hangs, and that every document keeps the
// contract: segments with positive positions and non-empty text on one line, placed where
// their first character is in the decoded source; cells with Col ≥ 0 and spans ≥ 1.
func FuzzImport(f *testing.F) {
	for _, s := range []string{
		"# 标题\n\n正文第一行\n- 3 -\n> - 项目\n1.属于国家秘密",
		"| 信息内容 | 数量 |\n|---|:--:|\n| 规章 | 0 |\n| a\\|b |  | &nbsp; | 结果<br>纠正 |",
		"a | b\n--- | ---\nc | d\n| - | -- |",
		"<table>\n<tr><td rowspan=2>规章</td><td>0</td></tr>\n</table>\n后",
		"<table><tr><td>a\n\n后文",
		"```\n# x\n| a |\n```\n#一、 标题 ##\n######\n***\n",
		"\r\n\r# 标题\r\n| 1 | 0 |\r\n|---|---|\r\n",
	} {
		f.Add([]byte(s))
	}
	lim := limit.Default()
	lim.MaxDepth = 64
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Import("fuzz.md", data, "", lim)
		if err != nil {
			var le *limit.Error
			if !errors.As(err, &le) && !errors.Is(err, charset.ErrBinary) {
				if _, _, derr := charset.Decode(data, ""); derr == nil {
					t.Fatalf("unexpected error: %v", err)
				}
			}
			return
		}
		src, _, err := charset.Decode(data, "")
		if err != nil {
			t.Fatalf("decoded by Import but not by charset.Decode: %v", err)
		}
		checkDocument(t, src, doc)
	})
}
