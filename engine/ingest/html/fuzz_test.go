package html

import (
	"errors"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/document/doctest"
	"github.com/reportlint/reportlint/engine/ingest/charset"
	"github.com/reportlint/reportlint/engine/ingest/limit"
	xhtml "golang.org/x/net/html"
)

// FuzzImport checks that no input panics or hangs, and that every document keeps the
// contract: segments with positive positions and text, placed where their first
// character is in the decoded source; cells with non-negative, increasing grid columns and
// spans of at least 1. Errors must be limit errors or charset errors.
func FuzzImport(f *testing.F) {
	for _, s := range []string{
		"<p>一、总体情况</p>",
		"<html><head><title>报告</title></head><body><div class=TRS_Editor><p>正文</p></div></body></html>",
		"<table><tr><td rowspan=2 colspan=3>a<td>b<tr><td>c</table>",
		"<table><tr><td><table><tr><td>1</td><td>2</td></tr></table></td></tr></table>",
		"<p>&nbsp;&amp;&#20013;&#x4e2d;&notin;&bogus;</p>\r\n<br>\r<h2>x</h2>",
		"<div><span>a</div></span></td></tr></table><li>b<dd>c",
		"<meta charset=gbk><p>\xd2\xbb\xa1\xa2</p>",
		"<script>x</script><style>y</style><template><p>z</p></template><svg><title>t</title></svg>",
		"<caption>c</caption><td>a</td><th>b</th>",
		"<plaintext><p>raw",
	} {
		f.Add([]byte(s))
	}
	// A small portal page; the testdata excerpts are too large to be useful seeds (the
	// engine spends its time minimizing their mutations).
	f.Add([]byte(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>某区2023年报告_年报_某区</title></head>` +
		`<body><ul><li><a href="/">首页</a></ul><div class="article_title">某区2023年报告</div>` +
		`<span>时间：2024-01-20</span><div class=TRS_Editor><p style="text-indent: 2em;"><strong>&nbsp;一、总体情况</strong></p>` +
		"<table><tbody><tr><td colspan=\"3\" rowspan=\"3\"><p>（本列数据）</p></td><td colspan=\"7\">申请人情况</td></tr>\n" +
		`<tr><td rowspan="2">自然人</td><td colspan="5">法人</td><td rowspan="2">总计</td></tr>` +
		`<tr><td><p>商业</p><p>企业&nbsp; &nbsp;</p></td><td>科研<br/>机构</td></tr></tbody></table></div>` +
		`<div class="footer"><p>主办单位：某区</p></div></body></html>`))
	lim := limit.Default()
	lim.MaxDepth = 64
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Import("fuzz.html", data, "", lim)
		if err != nil {
			var le *limit.Error
			if !errors.As(err, &le) && !errors.Is(err, charset.ErrBinary) && doc == nil {
				if _, _, derr := charset.Decode(data, metaCharset(data)); derr == nil {
					t.Fatalf("unexpected error: %v", err)
				}
			}
			return
		}
		src, _, err := charset.Decode(data, metaCharset(data))
		if err != nil {
			t.Fatalf("decoded by Import but not by charset.Decode: %v", err)
		}
		doctest.CheckSource(t, src, doc, "&")
		checkRawTags(t, src)
	})
}

// checkRawTags compares the scanner's raw-byte shortcuts with the tokenizer's TagName and
// TagAttr on every tag of src.
func checkRawTags(t *testing.T, src string) {
	z := xhtml.NewTokenizer(strings.NewReader(src))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return
		}
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken && tt != xhtml.EndTagToken {
			continue
		}
		raw := append([]byte(nil), z.Raw()...)
		from := 1
		if tt == xhtml.EndTagToken {
			from = 2
		}
		name, hasAttr := z.TagName()
		if got, ok := rawTagName(raw, from); ok && got != string(name) {
			t.Fatalf("%q: rawTagName = %q, TagName = %q", raw, got, name)
		}
		if tt == xhtml.EndTagToken || wantedAttr(raw) {
			continue
		}
		for hasAttr {
			var k []byte
			k, _, hasAttr = z.TagAttr()
			switch string(k) {
			case "class", "id", "rowspan", "colspan":
				t.Fatalf("%q: wantedAttr missed attribute %s", raw, k)
			}
		}
	}
}
