package html

import (
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/engine/document"
)

// isMarker reports whether a lower-cased class name or id names an article container.
func isMarker(s string) bool {
	switch s {
	case "trs_editor", "trs_ueditor", "custom_unionstyle", "zoom", "ucap-content", "ivs_content",
		"pages_content", "article_content", "article-content", "articlecontent", "bt-article-content":
		return true
	}
	return false
}

// markedClass reports whether one of the classes in a class attribute is a marker.
func markedClass(v string) bool {
	for _, c := range strings.Fields(v) {
		if isMarker(strings.ToLower(c)) {
			return true
		}
	}
	return false
}

// titleReach is how many blocks before the article the title may stand.
const titleReach = 30

// article returns the element that holds the report (0, the root, for fragments).
func (s *scanner) article() int32 {
	total := int64(s.nodes[0].score)
	if !s.full || total == 0 {
		return 0
	}
	best := int32(-1)
	for i := range s.nodes {
		n := &s.nodes[i]
		if n.marked && !n.skip && int64(n.score)*2 > total && (best < 0 || n.depth > s.nodes[best].depth) {
			best = int32(i)
		}
	}
	if best >= 0 {
		return best
	}
	best = 0
	for i := range s.nodes {
		n := &s.nodes[i]
		if !n.skip && int64(n.score)*5 >= total*4 && n.depth > s.nodes[best].depth {
			best = int32(i)
		}
	}
	return best
}

// titleText returns the page's <title>, decoded and with white space removed.
func (s *scanner) titleText() string {
	if !s.title.ok {
		return ""
	}
	var sb segBuf
	walkText(s.src, int(s.title.off), int(s.title.end), s.title.at, &sb)
	sb.brk()
	return squeeze(document.JoinSegments(sb.segs))
}

// titleBlock reports whether b's text is the page title or its first part (portals write
// "report title_column_site name").
func titleBlock(b document.Block, title string) bool {
	if b.Kind != document.Paragraph && b.Kind != document.Heading {
		return false
	}
	t := squeeze(b.Text())
	if utf8.RuneCountInString(t) < 4 {
		return false
	}
	if t == title {
		return true
	}
	if !strings.HasPrefix(title, t) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(title[len(t):])
	switch r {
	case '_', '|', '-', '–', '—', '－', '｜', '＿', '·', ':', '：':
		return true
	}
	return false
}

// squeeze removes all white space.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, s)
}
