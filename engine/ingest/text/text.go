// Package text reads plain text, including text exported from PDF: CRLF or CR line ends,
// form feeds, page-number lines inside tables, any of the encodings package charset reads.
// Consecutive non-blank lines form a paragraph; page numbers become furniture blocks.
package text

import (
	"context"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/ingest/charset"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// Format is the name of this importer.
const Format = "text"

// pageNumber matches lines that are only a page number as PDF exports print them:
// "- 3 -", "— 3 —", "－3－", "第 3 页", "第3页 共5页", "3 / 12", "Page 3".
var pageNumber = regexp.MustCompile(`^(?:[-—–－─]+\s*\d{1,4}\s*[-—–－─]+|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|(?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?)$`)

// Import decodes data and splits it into blocks. hint is a charset label or empty.
func Import(path string, data []byte, hint string) (*document.Document, error) {
	return ImportContext(context.Background(), path, data, hint, limit.Limits{})
}

// ImportContext is Import with a deadline, checked every few thousand lines, and limits:
// a line longer than lim.MaxLineBytes is refused before the text is split.
func ImportContext(ctx context.Context, path string, data []byte, hint string, lim limit.Limits) (*document.Document, error) {
	s, enc, rep, err := charset.DecodeRepaired(data, hint)
	if err != nil {
		return nil, err
	}
	if err := limit.CheckLines(s, lim.MaxLineBytes); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc := &document.Document{Path: path, Format: Format, Encoding: enc}
	if doc.Blocks, err = BlocksContext(ctx, s); err != nil {
		return nil, err
	}
	if rep != nil {
		doc.Notes = append(doc.Notes, rep.Note())
	}
	return doc, nil
}

// Lines splits decoded text into lines, accepting LF, CRLF and lone CR line ends. Form
// feeds stay in the line (they occupy a column, as in the file) and read as spaces.
func Lines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

// Blocks turns decoded text into paragraph and furniture blocks with line/column spans.
func Blocks(s string) []document.Block {
	b, _ := BlocksContext(context.Background(), s)
	return b
}

// BlocksContext is Blocks that stops with ctx's error once ctx is done.
//
// A paragraph cut by a page break goes on after it: when a paragraph ends mid-sentence
// and only blank lines and a page number follow before the next text, as in text taken
// from a PDF (…办理结果方面，予以 / - 2 - / 公开70件，占58.33%), the next lines join the
// paragraph, and the page number comes after it as furniture.
func BlocksContext(ctx context.Context, s string) ([]document.Block, error) {
	var blocks []document.Block
	var cur *document.Block
	// open is the index in blocks of the last paragraph while it may go on after a page
	// break (it ends mid-sentence, and only blank lines and held came after it), else -1;
	// held is the page number met after it; after is the page number of a paragraph that
	// went on, which follows it once it ends.
	open := -1
	var held, after []document.Block
	release := func() {
		blocks = append(blocks, held...)
		held, open = nil, -1
	}
	flush := func() {
		if cur == nil {
			return
		}
		blocks = append(blocks, *cur)
		open = -1
		if len(after) == 0 && midSentence(cur.Segments[len(cur.Segments)-1].Text) {
			open = len(blocks) - 1
		}
		blocks = append(blocks, after...)
		cur, after = nil, nil
	}
	for i, line := range Lines(s) {
		if i%4096 == 4095 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		lineNo := i + 1
		trimmed := strings.TrimRightFunc(line, isSpace)
		lead := len(trimmed) - len(strings.TrimLeftFunc(trimmed, isSpace))
		body := trimmed[lead:]
		if body == "" {
			flush()
			continue
		}
		if strings.ContainsRune(body, '\t') {
			// A tab-separated row (a table copied from a spreadsheet or a web page) keeps
			// its trailing tabs: each one closes a field, and the empty fields are blank
			// cells (行政事业性收费<TAB>15<TAB> has its last cell blank).
			body += strings.Repeat("\t", strings.Count(line[len(trimmed):], "\t"))
		}
		col := 1 + utf8.RuneCountInString(trimmed[:lead])
		seg := document.Segment{Text: body, Start: document.Pos{Line: lineNo, Col: col}}
		span := document.Span{Start: seg.Start, End: document.Pos{Line: lineNo, Col: col + utf8.RuneCountInString(body)}}
		if pageNumber.MatchString(strings.Join(strings.Fields(strings.ReplaceAll(body, "\f", " ")), " ")) {
			furniture := document.Block{Kind: document.Furniture, Segments: []document.Segment{seg}, Span: span}
			flush()
			if open >= 0 && len(held) == 0 {
				held = append(held, furniture) // the paragraph may go on after the page break
				continue
			}
			release()
			blocks = append(blocks, furniture)
			continue
		}
		if cur == nil && len(held) > 0 && !startsPart(body) {
			// The paragraph before the page break goes on; its page number follows it.
			p := blocks[open]
			blocks = blocks[:open]
			cur, after = &p, held
			held, open = nil, -1
		}
		if cur == nil {
			release()
			cur = &document.Block{Kind: document.Paragraph, Span: span}
		}
		cur.Segments = append(cur.Segments, seg)
		cur.Span.End = span.End
	}
	flush()
	release()
	return blocks, nil
}

// midSentence reports whether a paragraph whose last line is text stops mid-sentence: the
// line ends in a character that neither ends a sentence or clause nor closes a heading
// number, a bracket or a quotation.
func midSentence(text string) bool {
	text = strings.TrimRightFunc(text, isSpace)
	r, _ := utf8.DecodeLastRuneInString(text)
	if r == utf8.RuneError || strings.ContainsRune(text, '\t') {
		return false // a table row is no sentence
	}
	return !strings.ContainsRune("。！？；：.!?;:）)」』”\"", r)
}

// startsPart reports whether a line starts a part of its own: a numbered heading or item
// (一、 （二） 3. 第二十条), which a paragraph cut by a page break does not go on into.
func startsPart(line string) bool {
	return partStart.MatchString(line)
}

var partStart = regexp.MustCompile(`^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[、.．]|第[一二三四五六七八九十百0-9]+[条章节项])`)

// isSpace reports whitespace as the text importer sees it: ASCII and Unicode spaces,
// form feeds, the ideographic space U+3000 and no-break spaces.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\f', '\v', '\u3000', '\u00a0', '\ufeff', '\u200b':
		return true
	}
	return r == '\u2002' || r == '\u2003' || r == '\u2009'
}
