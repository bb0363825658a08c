// Package html reads HTML reports: bare fragments as content management systems store
// them, and whole portal pages where the report sits among site navigation.
//
// The source is tokenized once with golang.org/x/net/html's Tokenizer (not html.Parse,
// which keeps no positions); every token's raw bytes advance a line/column counter, so
// each segment and cell knows where it is in the file. The element structure is repaired
// as browsers do for the cases real pages need (implied end tags of p, li, td, tr; stray end
// tags; end tags do not reach across table cells), without recursion: nesting depth costs
// memory, not stack, and is bounded by limit.Limits.MaxDepth (a deeper document is
// refused with a *limit.Error naming the line; MaxDepth ≤ 0 means no limit). Placing
// cells in table grids is bounded too (maxSpan, maxGridWork).
//
// Blocks: h1–h6 give headings with their level; other block elements (p, div, li, tr, br,
// ...) end paragraphs; inline elements (span, strong, font, a, unknown tags) do not. A
// paragraph's text on one source line is one segment, even across inline tags, so columns
// inside a segment are exact only where no tag or character reference intervened.
//
// Tables: a <table> with at least two cells, no table inside it and no long text in a cell
// is a data table and becomes a Table block; its cells get grid columns from an occupancy
// grid that resolves rowspan and colspan. Any other table is page layout and is read as
// flowing text, so nested tables come out as separate Table blocks in reading order.
// Paragraphs and <br> inside a cell become separate segments of that cell; a cell with
// only white space or &nbsp; has no segments.
//
// # Finding the article
//
// Government portals wrap the report in a site header, navigation menus, breadcrumbs,
// share buttons, related-link lists and a footer. The importer keeps one element subtree
// and drops the rest:
//
//  1. Each element is scored by the letters and digits (Han characters included) in its
//     subtree that are not inside links; navigation is mostly links, the report is not.
//     Scripts, styles, <head>, templates and form controls do not count.
//  2. If an element whose class or id names a known article container of the CMSs
//     government sites use (TRS "TRS_Editor"/"TRS_UEditor", Hanweb "Custom_UnionStyle"
//     and id "zoom", "UCAP-CONTENT", "ivs_content", "pages_content", "article_content",
//     "article-content", "bt-article-content"; matched whole and case-insensitively)
//     holds more than half of the page's score, the deepest such element is the article.
//  3. Otherwise the article is the deepest element holding at least 80% of the page's
//     score. Two disjoint elements cannot both pass either threshold, so the candidates
//     form a chain and the deepest is well defined. When no element is tight enough the
//     result is a large ancestor (at worst the whole page): noise is kept rather than
//     content lost.
//  4. Portals print the report's title (and its date and source) just above the content
//     container, outside it. When the page's <title> starts with the text of a block
//     shortly before the article (at most 30 blocks, link text ignored), the
//     article is extended back to that block, so the title and the publication line are
//     kept.
//
// A fragment without <html> or <body> is the article as a whole.
//
// The page's <title> itself becomes a Heading (level 0) only when the body has no text.
package html

import (
	"bytes"
	"context"
	"strings"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/ingest/charset"
	"github.com/reportlint/reportlint/engine/ingest/limit"
	xhtml "golang.org/x/net/html"
)

// Format is the name of this importer.
const Format = "html"

// Import decodes data (hint is a charset label from the user, or empty to use the page's
// <meta> declaration or sniff), finds the article and splits it into blocks.
func Import(path string, data []byte, hint string, lim limit.Limits) (*document.Document, error) {
	return ImportContext(context.Background(), path, data, hint, lim)
}

// ImportContext is Import with a deadline, checked while the page is scanned.
func ImportContext(ctx context.Context, path string, data []byte, hint string, lim limit.Limits) (*document.Document, error) {
	if hint == "" {
		hint = metaCharset(data)
	}
	src, enc, rep, err := charset.DecodeRepaired(data, hint)
	if err != nil {
		return nil, err
	}
	sc, err := scanContext(ctx, src, pos{1, 1}, lim)
	if err != nil {
		return nil, err
	}
	doc := &document.Document{Path: path, Format: Format, Encoding: enc}
	art := sc.article()
	lo, hi := 0, len(sc.events)
	if art != 0 {
		lo, hi = int(sc.nodes[art].first), int(sc.nodes[art].last)+1
	}
	main := build(sc, lo, hi, false)
	if main.err != nil {
		return nil, main.err
	}
	doc.Blocks, doc.Notes = main.blocks, main.notes
	if rep != nil {
		doc.Notes = append(doc.Notes, rep.Note())
	}
	title := sc.titleText()
	if art != 0 && title != "" && !startsWithTitle(doc.Blocks, title) {
		from := 0
		if sc.body >= 0 && sc.nodes[sc.body].first >= 0 {
			from = int(sc.nodes[sc.body].first)
		}
		if pre := build(sc, from, lo, true); pre.err == nil {
			for k := len(pre.blocks) - 1; k >= 0 && k >= len(pre.blocks)-titleReach; k-- {
				if titleBlock(pre.blocks[k], title) {
					doc.Blocks = append(pre.blocks[k:len(pre.blocks):len(pre.blocks)], doc.Blocks...)
					break
				}
			}
		}
	}
	if len(doc.Blocks) == 0 && sc.title.ok {
		var sb segBuf
		walkText(src, int(sc.title.off), int(sc.title.end), sc.title.at, &sb)
		if segs, ends := sb.take(); len(segs) > 0 {
			doc.Blocks = []document.Block{{Kind: document.Heading, Segments: segs,
				Span: document.Span{Start: segs[0].Start, End: ends[len(ends)-1].doc()}}}
		}
	}
	return doc, nil
}

// startsWithTitle reports whether one of the first blocks already is the page title.
func startsWithTitle(blocks []document.Block, title string) bool {
	for i := 0; i < len(blocks) && i < 3; i++ {
		if titleBlock(blocks[i], title) {
			return true
		}
	}
	return false
}

// Fragment reads src, HTML already decoded to UTF-8 that starts at position at of an
// enclosing file (for example a <table> inside a Markdown file), and returns its blocks and
// notes with positions in that file. The whole fragment is content: no article is
// searched for.
func Fragment(src string, at document.Pos, lim limit.Limits) ([]document.Block, []document.Note, error) {
	sc, err := scan(src, toPos(at), lim)
	if err != nil {
		return nil, nil, err
	}
	b := build(sc, 0, len(sc.events), false)
	if b.err != nil {
		return nil, nil, b.err
	}
	return b.blocks, b.notes, nil
}

// metaPrescan is how many leading bytes are searched for a charset declaration.
const metaPrescan = 4096

// metaCharset returns the charset a <meta charset> or <meta http-equiv="Content-Type">
// declares in the first bytes of data, or "".
func metaCharset(data []byte) string {
	if len(data) > metaPrescan {
		data = data[:metaPrescan]
	}
	z := xhtml.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return ""
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
			default:
				continue
			}
			var cs, content string
			var httpEquiv bool
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "charset":
					cs = strings.TrimSpace(string(v))
				case "http-equiv":
					httpEquiv = strings.EqualFold(strings.TrimSpace(string(v)), "content-type")
				case "content":
					content = string(v)
				}
			}
			if cs != "" {
				return cs
			}
			if httpEquiv {
				if c := contentCharset(content); c != "" {
					return c
				}
			}
		}
	}
}

// contentCharset extracts the charset parameter of a Content-Type value.
func contentCharset(v string) string {
	i := strings.Index(strings.ToLower(v), "charset")
	if i < 0 {
		return ""
	}
	v = strings.TrimLeft(v[i+len("charset"):], " \t")
	if !strings.HasPrefix(v, "=") {
		return ""
	}
	v = strings.Trim(strings.TrimLeft(v[1:], " \t"), `"'`)
	if j := strings.IndexAny(v, "; \t\"'"); j >= 0 {
		v = v[:j]
	}
	return v
}
