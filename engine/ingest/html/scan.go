package html

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest/limit"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pos is a compact line/column pair (1-based, columns in code points).
type pos struct{ line, col int32 }

// evKind says what an event of the flat event list is.
type evKind uint8

const (
	evStart evKind = iota // an element opens
	evEnd                 // an element closes (explicitly or implicitly)
	evText                // a run of character data
	evBreak               // <br> or <hr>
	evImage               // <img>: content reportlint cannot read
)

// event is one entry of the flat, balanced event list the scanner produces. Start and end
// events of an element always come in pairs and nest properly, whatever the markup did.
type event struct {
	kind evKind
	link bool  // text inside an <a> element
	node int32 // the element (start/end) or the innermost open element (text/break)
	off  int32 // text: byte range in the source
	end  int32
	at   pos // text: position of off; break: position of the tag
}

// node is one element of the source, with what the article heuristic and the table
// reader need to know about its subtree.
type node struct {
	tag     string
	parent  int32
	depth   int32
	first   int32 // index of the start event, -1 for skipped elements
	last    int32 // index of the end event
	table   int32 // for rows and cells: the table they belong to, -1 if none
	start   pos   // the '<' of the start tag
	end     pos   // just after the end tag, or where the element was implicitly closed
	score   int32 // letters and digits outside links, in the whole subtree
	tables  int32 // tables in the subtree, the node itself excluded
	cells   int32 // tables: cells that belong to this table
	maxCell int32 // tables: the largest score of one of its cells
	rowspan int32 // cells: the attribute as written (saturated), 0 if absent
	colspan int32
	skip    bool // not content: <head>, <script>, <template>, ... and everything inside
	marked  bool // class or id names a known article container of a CMS
}

// layout reports whether a table is page layout rather than data: it holds another
// table, has fewer than two cells, or has a cell with a long text in it. Layout tables are
// read as flowing text; only data tables become Table blocks.
func (n *node) layout() bool {
	return n.tables > 0 || n.cells < 2 || n.maxCell > maxDataCellText
}

// maxDataCellText is the most letters a cell of a data table holds; a cell with more is the
// text column of a layout table. Report tables' longest labels have about 40 characters.
const maxDataCellText = 300

// scanner is pass 1: it tokenizes the source once, keeps line/column positions from the
// raw bytes of every token, repairs the element structure the way browsers do for the
// common cases (implied end tags, stray end tags, tables) and records nodes and events.
type scanner struct {
	src      string
	nodes    []node
	events   []event
	stack    []int32            // open elements, root first
	open     map[string][]int32 // tag → stack indexes of open elements with that tag
	scopes   []int32            // stack indexes of open tables, cells and captions
	maxDepth int
	maxCells int // table cells (td, th) accepted; 0 means no limit
	cells    int // table cells met so far
	off      int // byte offset of cur
	cur      pos
	full     bool  // the source has <html> or <body>: a whole page, not a fragment
	body     int32 // the first <body> element, -1 if none
	title    struct {
		ok       bool
		off, end int32
		at       pos
	}
	err error
}

// scan runs pass 1 over src, which starts at position at of its file.
func scan(src string, at pos, lim limit.Limits) (*scanner, error) {
	return scanContext(context.Background(), src, at, lim)
}

// scanContext is scan with a deadline, checked every few thousand tokens; more than
// lim.MaxCells table cells (td, th) are refused as they are met.
func scanContext(ctx context.Context, src string, at pos, lim limit.Limits) (*scanner, error) {
	if int64(len(src)) > maxSource {
		return nil, &limit.Error{What: "HTML source size", Limit: maxSource, Actual: int64(len(src)), Unit: "bytes"}
	}
	s := &scanner{
		src:      src,
		open:     make(map[string][]int32),
		maxDepth: lim.MaxDepth,
		maxCells: lim.MaxCells,
		cur:      at,
		body:     -1,
		events:   make([]event, 0, len(src)/32+16),
		nodes:    make([]node, 0, len(src)/64+16),
	}
	s.nodes = append(s.nodes, node{tag: "#root", parent: -1, first: -1, last: -1, table: -1})
	s.stack = append(s.stack, 0)
	z := xhtml.NewTokenizer(strings.NewReader(src))
	for steps := 0; s.err == nil; steps++ {
		if steps%4096 == 4095 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break // io.EOF: a strings.Reader has no other error
		}
		startOff, startPos := s.off, s.cur
		s.advance(startOff + len(z.Raw()))
		switch tt {
		case xhtml.TextToken:
			s.text(startOff, s.off, startPos)
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			s.startTag(z, tt == xhtml.SelfClosingTagToken, startPos)
		case xhtml.EndTagToken:
			s.endTag(z, startPos)
		}
	}
	if s.err != nil {
		return nil, s.err
	}
	s.popTo(1, s.cur, s.cur)
	s.nodes[0].end = s.cur
	return s, nil
}

// maxSource bounds the source so that 32-bit offsets suffice; the caller's file size limit
// is far lower.
const maxSource = 1<<31 - 1

// advance moves the position to byte offset to. A line ends at LF, at CRLF and at a lone
// CR; columns count code points.
func (s *scanner) advance(to int) {
	seg := s.src[s.off:to]
	if strings.IndexByte(seg, '\n') < 0 && strings.IndexByte(seg, '\r') < 0 {
		s.cur.col += int32(utf8.RuneCountInString(seg))
		s.off = to
		return
	}
	for len(seg) > 0 {
		i := strings.IndexAny(seg, "\r\n")
		if i < 0 {
			s.cur.col += int32(utf8.RuneCountInString(seg))
			break
		}
		s.cur.col += int32(utf8.RuneCountInString(seg[:i]))
		abs := to - len(seg) + i
		if seg[i] == '\r' && abs+1 < len(s.src) && s.src[abs+1] == '\n' {
			seg = seg[i+1:] // the LF that follows ends the line
			continue
		}
		s.cur.line++
		s.cur.col = 1
		seg = seg[i+1:]
	}
	s.off = to
}

// top returns the stack index of the innermost open element with tag, or -1.
func (s *scanner) top(tag string) int {
	if l := s.open[tag]; len(l) > 0 {
		return int(l[len(l)-1])
	}
	return -1
}

// scope is the stack index of the innermost table, cell or caption: end tags and implied
// end tags do not reach across it.
func (s *scanner) scope() int {
	if len(s.scopes) == 0 {
		return -1
	}
	return int(s.scopes[len(s.scopes)-1])
}

// scopeTag reports the elements that bound the reach of end tags.
func scopeTag(tag string) bool {
	return tag == "table" || tag == "td" || tag == "th" || tag == "caption"
}

func (s *scanner) current() *node { return &s.nodes[s.stack[len(s.stack)-1]] }

func (s *scanner) text(off, end int, at pos) {
	n := s.current()
	if n.skip {
		if n.tag == "title" && !s.title.ok && s.body < 0 {
			s.title.ok, s.title.off, s.title.end, s.title.at = true, int32(off), int32(end), at
			return
		}
		if n.tag != "head" || blankASCII(s.src[off:end]) {
			return
		}
		// Text directly in <head> means the head has ended, as browsers read it.
		s.popTo(s.top("head"), at, at)
		n = s.current()
		if n.skip {
			return
		}
	}
	link := s.top("a") >= 0
	if !link {
		n.score += countLetters(s.src[off:end])
	}
	s.events = append(s.events, event{kind: evText, link: link, node: s.stack[len(s.stack)-1], off: int32(off), end: int32(end), at: at})
}

func (s *scanner) startTag(z *xhtml.Tokenizer, selfClosing bool, at pos) {
	raw := z.Raw()
	tag, ok := rawTagName(raw, 1)
	if !ok {
		name, _ := z.TagName()
		tag = intern(name)
	}
	var marked bool
	var rowspan, colspan int32
	// TagAttr copies every attribute; only ask for them when one we read may be there.
	hasAttr := wantedAttr(raw)
	if hasAttr {
		_, hasAttr = z.TagName()
	}
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		switch string(k) {
		case "class":
			marked = marked || markedClass(string(v))
		case "id":
			marked = marked || isMarker(strings.ToLower(strings.TrimSpace(string(v))))
		case "rowspan":
			rowspan = parseSpan(v)
		case "colspan":
			colspan = parseSpan(v)
		}
	}
	switch tag {
	case "br":
		s.brk(at)
		return
	case "hr":
		s.closeP(at)
		s.brk(at)
		return
	case "html":
		s.full = true
		if s.top("html") >= 0 {
			return
		}
	case "body":
		s.full = true
		if h := s.top("head"); h >= 0 {
			s.popTo(h, at, at)
		}
		if s.top("body") >= 0 {
			return
		}
	case "head":
		if s.top("head") >= 0 || s.body >= 0 {
			return
		}
	}
	if void(tag) {
		if tag == "img" || tag == "image" {
			s.image(at)
		}
		return
	}
	if h := s.top("head"); h >= 0 && !headContent(tag) {
		s.popTo(h, at, at)
	}
	s.implyEnds(tag, at)
	n := s.push(tag, at)
	if n == nil {
		return
	}
	n.marked = marked
	n.rowspan, n.colspan = rowspan, colspan
	if tag == "body" && s.body < 0 {
		s.body = s.stack[len(s.stack)-1]
	}
	if selfClosing && !rawText(tag) {
		s.popTo(len(s.stack)-1, s.cur, s.cur)
	}
}

// implyEnds closes the elements a start tag of tag closes implicitly.
func (s *scanner) implyEnds(tag string, at pos) {
	sc := s.scope()
	switch tag {
	case "td", "th":
		if t := max(s.top("td"), s.top("th")); t > s.top("table") {
			s.popTo(t, at, at)
		}
		return
	case "tr":
		tbl := s.top("table")
		if t := s.top("tr"); t > tbl {
			s.popTo(t, at, at)
		} else if t := max(s.top("td"), s.top("th")); t > tbl {
			s.popTo(t, at, at)
		}
		return
	case "tbody", "thead", "tfoot":
		tbl := s.top("table")
		low := -1
		for _, g := range [...]string{"tbody", "thead", "tfoot", "tr", "td", "th"} {
			if t := s.top(g); t > tbl && (low < 0 || t < low) {
				low = t
			}
		}
		if low >= 0 {
			s.popTo(low, at, at)
		}
		return
	case "table":
		// A table directly inside a table (not in a cell) closes the outer one.
		if t := s.top("table"); t >= 0 && t > max(s.top("td"), s.top("th"), s.top("caption")) {
			s.popTo(t, at, at)
		}
	case "li":
		if t := s.top("li"); t > max(sc, s.top("ul"), s.top("ol")) {
			s.popTo(t, at, at)
		}
	case "dt", "dd":
		if t := max(s.top("dt"), s.top("dd")); t > max(sc, s.top("dl")) {
			s.popTo(t, at, at)
		}
	case "a":
		if t := s.top("a"); t > sc {
			s.popTo(t, at, at)
		}
	case "option":
		if s.current().tag == "option" {
			s.popTo(len(s.stack)-1, at, at)
		}
	}
	if closesP(tag) {
		s.closeP(at)
	}
	if headingLevel(tag) > 0 && headingLevel(s.current().tag) > 0 {
		s.popTo(len(s.stack)-1, at, at)
	}
}

// closeP closes an open <p> inside the current scope.
func (s *scanner) closeP(at pos) {
	if t := s.top("p"); t >= 0 && t > s.scope() {
		s.popTo(t, at, at)
	}
}

func (s *scanner) endTag(z *xhtml.Tokenizer, at pos) {
	tag, ok := rawTagName(z.Raw(), 2)
	if !ok {
		name, _ := z.TagName()
		tag = intern(name)
	}
	limitIdx := s.scope()
	switch tag {
	case "br":
		s.brk(at)
		return
	case "html", "body":
		return // browsers keep reading content after </body>
	case "td", "th", "tr", "tbody", "thead", "tfoot", "caption", "colgroup":
		limitIdx = s.top("table")
	case "table":
		limitIdx = 0
	}
	if t := s.top(tag); t > limitIdx && t > 0 {
		s.popTo(t, s.cur, at)
	}
}

// brk records a <br> or <hr>.
func (s *scanner) brk(at pos) {
	if s.current().skip {
		return
	}
	s.events = append(s.events, event{kind: evBreak, node: s.stack[len(s.stack)-1], at: at})
}

// image records an <img>, whose content (a table published as a picture) cannot be read.
func (s *scanner) image(at pos) {
	if s.current().skip {
		return
	}
	s.events = append(s.events, event{kind: evImage, node: s.stack[len(s.stack)-1], at: at})
}

// push opens an element. It fails with a *limit.Error when the nesting limit is reached.
func (s *scanner) push(tag string, at pos) *node {
	depth := len(s.stack) // the root is at depth 0
	if s.maxDepth > 0 && depth > s.maxDepth {
		s.err = i18n.Errorf("第 %d 行第 %d 列：%w", at.line, at.col,
			&limit.Error{What: "nesting depth", Limit: int64(s.maxDepth), Actual: int64(depth), Unit: "levels"})
		return nil
	}
	if tag == "td" || tag == "th" {
		s.cells++
		if s.maxCells > 0 && s.cells > s.maxCells {
			s.err = i18n.Errorf("第 %d 行第 %d 列：%w", at.line, at.col,
				&limit.Error{What: "table cells", Limit: int64(s.maxCells), Actual: int64(s.cells), Unit: "cells"})
			return nil
		}
	}
	parent := s.stack[len(s.stack)-1]
	p := &s.nodes[parent]
	id := int32(len(s.nodes))
	n := node{tag: tag, parent: parent, depth: int32(depth), first: -1, last: -1, table: -1, start: at,
		skip: p.skip || skipped(tag)}
	switch tag {
	case "td", "th", "tr", "caption", "tbody", "thead", "tfoot":
		if t := s.top("table"); t >= 0 {
			n.table = s.stack[t]
			if tag == "td" || tag == "th" {
				s.nodes[n.table].cells++
			}
		}
	}
	if !n.skip {
		n.first = int32(len(s.events))
		s.events = append(s.events, event{kind: evStart, node: id})
	}
	s.nodes = append(s.nodes, n)
	s.stack = append(s.stack, id)
	s.open[tag] = append(s.open[tag], int32(len(s.stack)-1))
	if scopeTag(tag) {
		s.scopes = append(s.scopes, int32(len(s.stack)-1))
	}
	return &s.nodes[id]
}

// popTo closes the open elements from the innermost down to stack index t. The element at
// t ends at explicitEnd (after its end tag); the ones above it were implicitly closed at
// implicitEnd.
func (s *scanner) popTo(t int, explicitEnd, implicitEnd pos) {
	for len(s.stack) > t && len(s.stack) > 1 {
		i := len(s.stack) - 1
		id := s.stack[i]
		n := &s.nodes[id]
		if i == t {
			n.end = explicitEnd
		} else {
			n.end = implicitEnd
		}
		l := s.open[n.tag]
		s.open[n.tag] = l[:len(l)-1]
		if scopeTag(n.tag) {
			s.scopes = s.scopes[:len(s.scopes)-1]
		}
		s.stack = s.stack[:i]
		if !n.skip {
			n.last = int32(len(s.events))
			s.events = append(s.events, event{kind: evEnd, node: id})
		}
		if (n.tag == "td" || n.tag == "th") && n.table >= 0 {
			tb := &s.nodes[n.table]
			tb.maxCell = max(tb.maxCell, n.score)
		}
		p := &s.nodes[n.parent]
		p.score += n.score
		p.tables += n.tables
		if n.tag == "table" {
			p.tables++
		}
	}
}

// intern returns the tag name as a string without allocating for known HTML tags.
func intern(name []byte) string {
	if a := atom.Lookup(name); a != 0 {
		return a.String()
	}
	return string(name)
}

// rawTagName reads the tag name of a raw start (from = 1, after "<") or end (from = 2,
// after "</") tag, lower-cased, as the tokenizer does. It declines (false) names that are
// long, unknown to package atom or hold bytes the tokenizer would replace.
func rawTagName(raw []byte, from int) (string, bool) {
	var buf [16]byte
	n := 0
	for i := from; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>':
			i = len(raw)
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == 0 || c >= utf8.RuneSelf:
			return "", false
		}
		if n == len(buf) {
			return "", false
		}
		buf[n] = c
		n++
	}
	if a := atom.Lookup(buf[:n]); a != 0 {
		return a.String(), true
	}
	return "", false
}

// wantedAttr reports whether a raw start tag may have a class, id, rowspan or colspan
// attribute: one of those words, in any case, right after white space, '/' or a quote and
// followed by '=', white space, '/' or '>'. A false positive only costs time.
func wantedAttr(raw []byte) bool {
	for i := 1; i < len(raw); i++ {
		switch raw[i-1] {
		case ' ', '\t', '\n', '\r', '\f', '/', '"', '\'':
		default:
			continue
		}
		j := i
		for j < len(raw) && j-i < 8 && (raw[j]|0x20 >= 'a' && raw[j]|0x20 <= 'z') {
			j++
		}
		if j < len(raw) && strings.IndexByte(" \t\n\r\f=/>", raw[j]) < 0 {
			continue
		}
		var w [8]byte
		for k := i; k < j; k++ {
			w[k-i] = raw[k] | 0x20
		}
		switch string(w[:j-i]) {
		case "class", "id", "rowspan", "colspan":
			return true
		}
	}
	return false
}

// parseSpan reads a rowspan/colspan value as browsers do: leading digits after optional
// spaces; anything else gives 0 (which means 1). Large values saturate.
func parseSpan(v []byte) int32 {
	i := 0
	for i < len(v) && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r' || v[i] == '\f') {
		i++
	}
	var n int32
	for ; i < len(v) && v[i] >= '0' && v[i] <= '9'; i++ {
		if n < 1<<20 {
			n = n*10 + int32(v[i]-'0')
		}
	}
	return n
}

// countLetters counts letters and digits in raw character data, skipping character
// references (so that runs of &nbsp; do not count as text).
func countLetters(s string) int32 {
	var n int32
	for i := 0; i < len(s); {
		c := s[i]
		if c == '&' {
			if k := refLen(s[i:]); k > 0 && k < len(s[i:]) && s[i+k] == ';' {
				i += k + 1
				continue
			}
		}
		if c < utf8.RuneSelf {
			if ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
		i += size
	}
	return n
}

// blankASCII reports whether s holds only ASCII whitespace.
func blankASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r', '\f':
		default:
			return false
		}
	}
	return true
}

// void elements never have content or an end tag.
func void(tag string) bool {
	switch tag {
	case "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
		"input", "keygen", "link", "meta", "param", "source", "track", "wbr":
		return true
	}
	return false
}

// skipped elements hold no report content: metadata, scripts, form controls, embedded
// objects and inert templates.
func skipped(tag string) bool {
	switch tag {
	case "head", "title", "script", "style", "noscript", "template", "textarea", "select", "button",
		"iframe", "object", "svg", "math", "canvas", "audio", "video", "map", "noembed", "noframes", "datalist":
		return true
	}
	return false
}

// rawText elements make the tokenizer read their content as text up to their end tag, so
// a self-closing form of them still has content.
func rawText(tag string) bool {
	switch tag {
	case "iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp":
		return true
	}
	return false
}

// headContent elements may appear in <head> without ending it.
func headContent(tag string) bool {
	switch tag {
	case "title", "meta", "link", "base", "script", "style", "noscript", "template", "basefont", "bgsound":
		return true
	}
	return false
}

// closesP elements end an open paragraph when they start.
func closesP(tag string) bool {
	switch tag {
	case "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
		"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
		"hgroup", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "li",
		"dd", "dt", "listing", "xmp", "plaintext":
		return true
	}
	return false
}

// block elements end a paragraph (or, inside a table cell or heading, a segment) where
// they start and where they end. Everything else, including unknown tags, is inline.
func block(tag string) bool {
	switch tag {
	case "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
		"dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2",
		"h3", "h4", "h5", "h6", "header", "hgroup", "html", "legend", "li", "listing", "main", "menu", "nav",
		"ol", "p", "plaintext", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
		"tr", "ul", "xmp", "colgroup":
		return true
	}
	return false
}

// headingLevel returns 1–6 for h1–h6 and 0 otherwise.
func headingLevel(tag string) int {
	if len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' {
		return int(tag[1] - '0')
	}
	return 0
}
