package html

import (
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
)

// TestRawTags checks the shortcuts the scanner takes on raw tag bytes against the
// tokenizer's own TagName and TagAttr.
func TestRawTags(t *testing.T) {
	tags := []string{
		"<TD>", "<td/>", "<td\tclass=x>", "</TD >", "</td\n>", "<x-custom a=1>", "<o:p>", "<verylongcustomtagname>",
		"<ｔｄ>", "<td\x00>", "<td width=\"5\" valign=top>", "<td CLASS=x>", "<td\nid=y>", "<td style=\"a: b\" colspan=2>",
		"<td data-id=5>", "<td id>", "<td/class=x>", "<td a=\"1\"class=\"x\">", "<td a='1'rowspan=3>", "<div class>",
		"<p style=\"x id=5\">", "<td rowSpan = 2>", "<br/>", "<table border=1 cellspacing=0>",
	}
	for _, tag := range tags {
		t.Run(tag, func(t *testing.T) {
			z := xhtml.NewTokenizer(strings.NewReader(tag))
			tt := z.Next()
			raw := append([]byte(nil), z.Raw()...)
			from := 1
			if tt == xhtml.EndTagToken {
				from = 2
			}
			name, hasAttr := z.TagName()
			if got, ok := rawTagName(raw, from); ok && got != string(name) {
				t.Errorf("rawTagName = %q, TagName = %q", got, name)
			}
			if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
				return
			}
			want := false
			for hasAttr {
				var k []byte
				k, _, hasAttr = z.TagAttr()
				switch string(k) {
				case "class", "id", "rowspan", "colspan":
					want = true
				}
			}
			if want && !wantedAttr(raw) {
				t.Errorf("wantedAttr = false, but the tag has a wanted attribute")
			}
		})
	}
}
