package html

import (
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/engine/document"
)

// Finding the article on a portal page.
//
// Government portals wrap the report in a site header, navigation menus, breadcrumbs,
// share buttons, related-link lists and a footer. The importer keeps one element subtree
// and drops the rest:
//
//  1. Each element is scored by the letters and digits (Han characters included) in its
//     subtree that are not inside links; navigation is mostly links, the report is not.
//     Scripts, styles, <head>, templates and form controls do not count.
//  2. If an element whose class or id names a known article container of the CMSs
//     government sites use (TRS "TRS_Editor", Hanweb "Custom_UnionStyle" and id "zoom",
//     "UCAP-CONTENT", "pages_content", "article_content" ... see isMarker) holds more
//     than half of the page's score, the deepest such element is the article.
//  3. Otherwise the article is the deepest element holding at least 80% of the page's
//     score. Two disjoint elements cannot both pass either threshold, so the candidates
//     form a chain and the deepest is well defined. When no element is tight enough the
//     result is a large ancestor (at worst the whole page): noise is kept rather than
//     content lost.
//  4. Portals print the report's title (and its date and source) just above the content
//     container, outside it. When the page's <title> starts with the text of a block
//     shortly before the article (at most titleReach blocks, link text ignored), the
//     article is extended back to that block, so the title and the publication line are
//     kept.
//
// A fragment without <html> or <body> is the article as a whole.

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
