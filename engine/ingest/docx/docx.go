// Package docx reads Word documents (Office Open XML, .docx/.docm/.dotx) into the generic
// document model. It uses only archive/zip and a streaming encoding/xml decoder, resolves
// merged table cells (w:gridSpan, w:vMerge, legacy w:hMerge, w:gridBefore), renders
// automatic list numbering ("一、", "（一）", "1.") into the text, and knows nothing about
// any report domain.
//
// # Positions
//
// DOCX has no lines, so a position is built from paragraphs: Pos.Line is the 1-based ordinal
// of the paragraph (w:p) in document order, counting every paragraph of the body, of table
// cells at any depth and of text boxes; Pos.Col is the 1-based code-point column inside that
// paragraph's text. The text of a paragraph is its list-numbering label (if any) followed by
// the concatenation of its visible w:t runs, with w:tab as "\t" and w:br/w:cr counting as one
// column each (a break ends a Segment, so the text after it starts a new Segment further on
// in the same paragraph). Pos.Ref is a readable locator: "p12" for paragraph 12 outside
// tables (12 is the same ordinal as Line), "t2/r3/c4" for the cell of table 2, row 3, grid
// column 4 (all 1-based; tables are numbered by their w:tbl start tag in document order,
// nested tables included; the column is the cell's grid column after spans).
//
// # What is read
//
// Only the main document part. Headers, footers, footnotes, endnotes, comments, deleted text
// (w:del, w:moveFrom), hidden text (w:vanish), field instructions (w:instrText) and the
// Fallback branch of mc:AlternateContent are ignored; field results are kept. Paragraphs in
// text boxes become paragraphs of their own, placed after the paragraph that anchors them.
// Paragraphs styled as a table of contents (style "toc N"/"目录 N") become Furniture.
//
// # Tables
//
// A table becomes a Table block; a table nested in a cell becomes a Table block of its own,
// placed after the table that holds it (blocks are ordered by where they start). A cell's
// paragraphs are its Segments (one per paragraph or line break; an empty cell has none).
// A vertically merged area is one cell, emitted in the row where it starts, with RowSpan the
// number of rows it covers; its continuation cells are not emitted, and text found in them
// (malformed files) is appended to the merged cell. RowSpan and ColSpan are always at least
// 1, as the other importers write them. Cell.Col counts grid columns (w:gridCol) except slivers under
// 30 twips wide that misaligned cell edges leave behind (LibreOffice writes such columns
// with width 0), so a table saved by another editor keeps its columns. A table of one row
// and one cell in the flow (not inside another table) is a layout frame, not data: its
// content is emitted as ordinary paragraphs and headings, as if the frame were not there.
package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// Format is the name of this importer.
const Format = "docx"

// Internal bounds that package limit does not (yet) express. They are far above any real
// report and stop a small file from building a huge document in memory.
const (
	// maxEntries is the most entries a DOCX zip may hold.
	maxEntries = 10000
	// maxParagraphs is the most w:p elements read from one document.
	maxParagraphs = 500000
	// maxCells is the most table cells (w:tc) read from one document.
	maxCells = 500000
	// depthCeiling bounds XML nesting whatever lim.MaxDepth says (0 = no limit included):
	// the reader recurses once per element level, and a Go program whose stack passes 1 GB
	// dies without a chance to recover.
	depthCeiling = 100000
	// maxNotes is the most notes one document gets.
	maxNotes = 100
	// maxSpan bounds w:gridSpan, w:gridBefore and w:gridAfter (Word allows 63 columns).
	maxSpan = 1000
)

// Part names used when the package relationships do not say otherwise.
const (
	defaultMainPart = "word/document.xml"
	relsPart        = "_rels/.rels"
)

// Relationship types (transitional and strict OOXML end the same way).
const (
	relOfficeDocument = "/officeDocument"
	relStyles         = "/styles"
	relNumbering      = "/numbering"
)

// Import reads the DOCX file data, which came from path, into a Document. lim bounds the
// work: the total decompressed size (checked against the zip directory and again while
// reading, so a zip whose headers lie cannot get past it) and the XML nesting depth. A file
// that is not a DOCX, such as a legacy .doc or a password-protected document, gives an error
// saying what it is. ctx cancels a long read.
func Import(ctx context.Context, path string, data []byte, lim limit.Limits) (*document.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := sniff(data); err != nil {
		return nil, err
	}
	pkg, err := openPackage(data, lim)
	if err != nil {
		return nil, err
	}
	main, err := pkg.mainPart(ctx)
	if err != nil {
		return nil, err
	}
	depth := lim.MaxDepth
	if depth <= 0 || depth > depthCeiling {
		depth = depthCeiling
	}
	rels := pkg.partRels(ctx, main)
	var notes []document.Note
	st, num := newStyles(), newNumbering()
	for _, aux := range []struct {
		typ, def string
		read     func(*xmlReader) error
	}{
		{relStyles, "word/styles.xml", st.read},
		{relNumbering, "word/numbering.xml", num.read},
	} {
		name := pkg.target(rels, aux.typ, path2dir(main), aux.def)
		if name == "" {
			continue
		}
		if err := pkg.readAux(ctx, name, depth, aux.read); err != nil {
			var le *limit.Error
			if errors.As(err, &le) || ctx.Err() != nil {
				return nil, err
			}
			notes = append(notes, document.Note{Message: i18n.Sprintf("%s 无法读取，标题样式或列表编号可能缺失：%v", name, err)})
		}
	}
	r, err := pkg.open(main)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	b := newBuilder(newXMLReader(ctx, r, main, depth), st, num)
	if err := b.run(); err != nil {
		return nil, err
	}
	return &document.Document{Path: path, Format: Format, Blocks: b.blocks(), Notes: append(notes, b.notes...)}, nil
}

// sniff recognises files that are not a zip at all and says what they are.
func sniff(data []byte) error {
	switch {
	case len(data) == 0:
		return i18n.NewError("不是 DOCX 文件：文件是空的")
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		if bytes.Contains(data, utf16le("EncryptedPackage")) {
			return i18n.NewError("不支持设有密码（加密）的 DOCX：请去掉密码后重新另存为 .docx")
		}
		return i18n.NewError("不支持旧版 .doc（Word 97-2003）：请另存为 .docx（该文件是 OLE 复合文档）")
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return i18n.NewError("不是 DOCX 文件：这是 PDF")
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return i18n.NewError("不支持 RTF：请另存为 .docx")
	case !bytes.HasPrefix(data, []byte("PK\x03\x04")) && !bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return i18n.NewError("不是 DOCX 文件：开头没有 ZIP 标志")
	}
	return nil
}

func utf16le(s string) []byte {
	out := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		out = append(out, s[i], 0)
	}
	return out
}

// pkgReader is an opened DOCX zip with the decompression budget shared by every part read.
type pkgReader struct {
	files  map[string]*zip.File // by lower-cased, slash-separated name
	budget *budget
}

// budget is what is left of lim.MaxDecompressed for the parts still to be read.
type budget struct {
	limit int64 // 0 = no limit
	used  int64
}

func openPackage(data []byte, lim limit.Limits) (*pkgReader, error) {
	// Every central-directory record starts with this signature, so its count bounds the
	// entries zip.NewReader would allocate before we could look at them.
	if n := bytes.Count(data, []byte("PK\x01\x02")); n > maxEntries {
		return nil, &limit.Error{What: "zip entries", Limit: maxEntries, Actual: int64(n), Unit: "entries"}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, i18n.Errorf("不是有效的 DOCX 文件（ZIP 压缩包损坏或不完整）：%w", err)
	}
	if len(zr.File) > maxEntries {
		return nil, &limit.Error{What: "zip entries", Limit: maxEntries, Actual: int64(len(zr.File)), Unit: "entries"}
	}
	p := &pkgReader{files: make(map[string]*zip.File, len(zr.File)), budget: &budget{limit: lim.MaxDecompressed}}
	var declared uint64
	for _, f := range zr.File {
		declared += f.UncompressedSize64
		if declared < f.UncompressedSize64 { // overflow
			declared = 1<<63 - 1
		}
		name := normName(f.Name)
		if _, dup := p.files[name]; !dup {
			p.files[name] = f
		}
	}
	if lim.MaxDecompressed > 0 && declared > uint64(lim.MaxDecompressed) {
		actual := int64(declared)
		if declared > 1<<63-1 {
			actual = 1<<63 - 1
		}
		return nil, &limit.Error{What: "decompressed size (declared in the zip directory)", Limit: lim.MaxDecompressed, Actual: actual, Unit: "bytes"}
	}
	return p, nil
}

// normName makes a zip entry name comparable with an OPC part name: slashes, no leading
// slash, lower case (part names are case-insensitive).
func normName(s string) string {
	s = strings.ReplaceAll(s, `\`, "/")
	return strings.ToLower(strings.TrimPrefix(s, "/"))
}

// path2dir is path.Dir for Import, whose path parameter hides the package.
func path2dir(name string) string { return path.Dir(name) }

func (p *pkgReader) has(name string) bool { _, ok := p.files[normName(name)]; return ok }

// open returns a reader of the part that fails with a *limit.Error once the decompressed
// bytes actually read, over all parts, pass the budget, whatever the zip headers declare.
func (p *pkgReader) open(name string) (io.ReadCloser, error) {
	f, ok := p.files[normName(name)]
	if !ok {
		return nil, i18n.Errorf("%s：找不到该部分", name)
	}
	if f.Flags&1 != 0 {
		return nil, i18n.Errorf("%s：压缩包条目已加密，不支持设有密码的文件", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &partReader{rc: rc, b: p.budget, name: name}, nil
}

// partReader reads one part, counting its bytes against the shared budget.
type partReader struct {
	rc   io.ReadCloser
	b    *budget
	name string
}

func (r *partReader) Read(buf []byte) (int, error) {
	if r.b.limit > 0 {
		left := r.b.limit - r.b.used
		if left < 0 {
			return 0, &limit.Error{What: "decompressed size", Limit: r.b.limit, Actual: r.b.used, Unit: "bytes"}
		}
		// Ask for one byte more than is left, so that going over is seen.
		if int64(len(buf)) > left+1 {
			buf = buf[:left+1]
		}
	}
	n, err := r.rc.Read(buf)
	r.b.used += int64(n)
	if r.b.limit > 0 && r.b.used > r.b.limit {
		return 0, &limit.Error{What: "decompressed size", Limit: r.b.limit, Actual: r.b.used, Unit: "bytes"}
	}
	switch {
	case err == nil, err == io.EOF:
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrChecksum):
		err = i18n.Errorf("读取 %s：压缩包条目损坏（数据与条目头不符）：%w", r.name, err)
	default:
		err = i18n.Errorf("读取 %s：%w", r.name, err)
	}
	return n, err
}

func (r *partReader) Close() error { return r.rc.Close() }

// readAux reads an auxiliary part (styles, numbering) with read.
func (p *pkgReader) readAux(ctx context.Context, name string, depth int, read func(*xmlReader) error) error {
	r, err := p.open(name)
	if err != nil {
		return err
	}
	defer r.Close()
	return read(newXMLReader(ctx, r, name, depth))
}

// relationship is one entry of a .rels part.
type relationship struct {
	Type, Target, Mode string
}

// readRels reads a relationships part; a missing or broken one reads as none, since the
// parts it would name have well-known defaults.
func (p *pkgReader) readRels(ctx context.Context, name string) []relationship {
	if !p.has(name) {
		return nil
	}
	r, err := p.open(name)
	if err != nil {
		return nil
	}
	defer r.Close()
	x := newXMLReader(ctx, r, name, 64)
	var out []relationship
	for {
		tok, err := x.next()
		if err != nil {
			return out
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Relationship" {
			out = append(out, relationship{Type: attr(se, "Type"), Target: attr(se, "Target"), Mode: attr(se, "TargetMode")})
			if len(out) > maxEntries {
				return out
			}
		}
	}
}

// mainPart finds the main document part: from the package relationships, else the usual
// name. A zip that is some other kind of package gets an error saying which.
func (p *pkgReader) mainPart(ctx context.Context) (string, error) {
	for _, rel := range p.readRels(ctx, relsPart) {
		if strings.HasSuffix(rel.Type, relOfficeDocument) && rel.Mode != "External" {
			name := resolveTarget("", rel.Target)
			if p.has(name) {
				return name, nil
			}
		}
	}
	if p.has(defaultMainPart) {
		return defaultMainPart, nil
	}
	switch {
	case p.has("xl/workbook.xml"):
		return "", i18n.NewError("不是 Word 文档：这是 Excel 工作簿（.xlsx）")
	case p.has("ppt/presentation.xml"):
		return "", i18n.NewError("不是 Word 文档：这是 PowerPoint 演示文稿（.pptx）")
	case p.has("content.xml") && p.has("mimetype"):
		return "", i18n.NewError("不支持 OpenDocument（.odt）：请另存为 .docx")
	case p.has("EncryptionInfo"), p.has("EncryptedPackage"):
		return "", i18n.NewError("不支持设有密码（加密）的 DOCX：请去掉密码后重新另存为 .docx")
	}
	return "", i18n.NewError("不是 DOCX 文件：压缩包中没有 word/document.xml")
}

// partRels reads the relationships of part name (word/_rels/document.xml.rels).
func (p *pkgReader) partRels(ctx context.Context, name string) []relationship {
	return p.readRels(ctx, path.Join(path.Dir(name), "_rels", path.Base(name)+".rels"))
}

// target returns the part that the first relationship of type typ points at, resolved
// against dir, or def if there is no such relationship and def exists, or "".
func (p *pkgReader) target(rels []relationship, typ, dir, def string) string {
	for _, rel := range rels {
		if strings.HasSuffix(rel.Type, typ) && rel.Mode != "External" {
			if name := resolveTarget(dir, rel.Target); p.has(name) {
				return name
			}
		}
	}
	if p.has(def) {
		return def
	}
	return ""
}

// resolveTarget resolves a relationship target against the folder of its source part.
func resolveTarget(dir, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return path.Clean(target[1:])
	}
	if dir == "." {
		dir = ""
	}
	return strings.TrimPrefix(path.Clean(path.Join("/", dir, target)), "/")
}
