// Package ingest turns a file into a generic document.Document. It picks the importer from
// the file's content (magic bytes, markup) and then its extension, enforces the resource
// limits of package limit, and knows nothing about any report domain.
package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest/docx"
	"github.com/reportlint/reportlint/engine/ingest/html"
	"github.com/reportlint/reportlint/engine/ingest/limit"
	"github.com/reportlint/reportlint/engine/ingest/markdown"
	"github.com/reportlint/reportlint/engine/ingest/pdf"
	"github.com/reportlint/reportlint/engine/ingest/text"
)

// Formats lists the input formats by name, as --input-format accepts them.
func Formats() []string { return []string{"text", "markdown", "html", "docx", "pdf"} }

// Options control how a file is read.
type Options struct {
	// Format forces an importer (see Formats); empty means detect.
	Format string
	// Charset forces the character encoding of text-like formats; empty means detect.
	Charset string
	// Limits bound the work per document.
	Limits limit.Limits
}

// ReadFile reads the file at path, refusing files larger than the size limit and anything
// but a regular file (FIFOs, devices, sockets) before reading them, and imports it.
func ReadFile(ctx context.Context, path string, opts Options) (*document.Document, error) {
	data, err := ReadRegular(path, opts.Limits.MaxBytes)
	if err != nil {
		return nil, err
	}
	return Read(ctx, path, data, opts)
}

// Read imports data, which came from path (used for the extension and in locations).
func Read(ctx context.Context, path string, data []byte, opts Options) (*document.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	format := opts.Format
	if format == "" {
		if err := Unsupported(path, data); err != nil {
			return nil, err
		}
		format = Detect(path, data)
	}
	var doc *document.Document
	var err error
	switch format {
	case "text":
		doc, err = text.ImportContext(ctx, path, data, opts.Charset, opts.Limits)
	case "markdown":
		doc, err = markdown.ImportContext(ctx, path, data, opts.Charset, opts.Limits)
	case "html":
		doc, err = html.ImportContext(ctx, path, data, opts.Charset, opts.Limits)
	case "docx":
		doc, err = docx.Import(ctx, path, data, opts.Limits)
	case "pdf":
		doc, err = pdf.Import(ctx, path, data, opts.Limits)
	default:
		sep := "、"
		if i18n.Current() == i18n.En {
			sep = ", "
		}
		return nil, i18n.Errorf("未知的输入格式 %q（可用：%s）", format, strings.Join(Formats(), sep))
	}
	if err != nil {
		return nil, err
	}
	if len(doc.Blocks) == 0 {
		return nil, i18n.Errorf("文档中没有文字（按 %s 格式读取）", format)
	}
	return doc, nil
}

// Unsupported recognises, by content and then by extension, files that reports are also
// published as but that reportlint cannot read, and says what each is and what to do:
// legacy Word and WPS files, spreadsheets, OFD, RTF, images, archives. It returns nil for
// anything else.
func Unsupported(path string, data []byte) error {
	head := data[:min(len(data), 4096)]
	switch {
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return unsupportedOLE(path, data)
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return unsupportedZIP(data)
	case bytes.HasPrefix(head, []byte(`{\rtf`)):
		return i18n.NewError("RTF 文档，不支持这种格式：请另存为 .docx")
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return imageError("PNG")
	case bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}):
		return imageError("JPEG")
	case bytes.HasPrefix(head, []byte("GIF87a")) || bytes.HasPrefix(head, []byte("GIF89a")):
		return imageError("GIF")
	case bytes.HasPrefix(head, []byte("II*\x00")) || bytes.HasPrefix(head, []byte("MM\x00*")):
		return imageError("TIFF")
	case bytes.HasPrefix(head, []byte("BM")) && strings.EqualFold(filepath.Ext(path), ".bmp"):
		return imageError("BMP")
	case bytes.HasPrefix(head, []byte("Rar!\x1a\x07")) || bytes.HasPrefix(head, []byte{'7', 'z', 0xBC, 0xAF, 0x27, 0x1C}):
		return i18n.NewError("压缩包（RAR 或 7z）：请解压后检查其中的文件")
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".doc", ".wps":
		return unsupportedOLE(path, data)
	case ".ofd":
		return i18n.NewError("OFD 版式文档，不支持这种格式：请检查报告的 PDF 或 DOCX 版本")
	case ".xls", ".xlsx", ".et":
		return i18n.NewError("电子表格，不是报告文档：请检查报告本身（DOCX、PDF、HTML 或文本）")
	}
	return nil
}

// unsupportedZIP tells a Word document from the other ZIP-based files by the archive's
// entry names (read from its central directory, nothing is decompressed). A ZIP that
// cannot be opened is left to the DOCX importer, which says what is wrong with it.
func unsupportedZIP(data []byte) error {
	// A central directory with very many entries is the DOCX importer's to refuse (zip
	// bombs): counting record signatures bounds what zip.NewReader would allocate.
	if bytes.Count(data, []byte("PK\x01\x02")) > 10000 {
		return nil
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	has := func(prefix string) bool {
		return slices.ContainsFunc(zr.File, func(f *zip.File) bool { return strings.HasPrefix(f.Name, prefix) })
	}
	switch {
	case has("word/"):
		return nil
	case has("OFD.xml"):
		return i18n.NewError("OFD 版式文档，不支持这种格式：请检查报告的 PDF 或 DOCX 版本")
	case has("xl/"):
		return i18n.NewError("Excel 工作簿（.xlsx），不是报告文档：请检查报告本身（DOCX、PDF、HTML 或文本）")
	case has("ppt/"):
		return i18n.NewError("PowerPoint 演示文稿（.pptx），不是报告文档")
	}
	return i18n.NewError("ZIP 压缩包，不是 Word 文档：请解压后检查其中的文件")
}

// unsupportedOLE describes an OLE compound file: a legacy Word or WPS document, an
// encrypted Office document, or a legacy spreadsheet.
func unsupportedOLE(path string, data []byte) error {
	utf16 := func(s string) []byte {
		out := make([]byte, 0, 2*len(s))
		for i := 0; i < len(s); i++ {
			out = append(out, s[i], 0)
		}
		return out
	}
	switch {
	case bytes.Contains(data, utf16("EncryptedPackage")):
		return i18n.NewError("设有密码的 Office 文档：请去掉密码后另存为 .docx")
	case bytes.Contains(data, utf16("Workbook")) || bytes.Contains(data, utf16("Book")) && !bytes.Contains(data, utf16("WordDocument")):
		return i18n.NewError("旧版电子表格（.xls/.et），不是报告文档")
	case strings.EqualFold(filepath.Ext(path), ".wps"):
		return i18n.NewError("WPS 文档（.wps），不支持这种格式：请另存为 .docx 或 PDF")
	}
	return i18n.NewError("Word 97-2003 文档（.doc），不支持这种格式：请另存为 .docx 或 PDF")
}

func imageError(kind string) error {
	return i18n.Errorf("图片（%s），其中没有可检查的文字：请检查报告的文字版本，或先做文字识别（OCR）再检查识别结果", kind)
}

// Detect names the importer for data: content first (PDF and ZIP magic, HTML markup), then
// the extension, then plain text.
func Detect(path string, data []byte) string {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "pdf"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "docx"
	}
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".pdf":
		return "pdf"
	case ".docx":
		return "docx"
	case ".html", ".htm", ".shtml", ".xhtml":
		return "html"
	case ".md", ".markdown":
		return "markdown"
	}
	if looksHTML(head) {
		return "html"
	}
	if looksMarkdown(data) {
		return "markdown"
	}
	return "text"
}

// looksMarkdown reports whether text is Markdown: a pipe-table delimiter row, or at least
// two ATX headings. OCR and conversion pipelines often save Markdown as .txt.
func looksMarkdown(data []byte) bool {
	if len(data) > 1<<20 {
		data = data[:1<<20]
	}
	headings := 0
	for _, line := range bytes.Split(data, []byte("\n")) {
		l := bytes.TrimSpace(line)
		if markdownDelimiter(l) {
			return true
		}
		if bytes.HasPrefix(l, []byte("# ")) || bytes.HasPrefix(l, []byte("## ")) || bytes.HasPrefix(l, []byte("### ")) {
			headings++
		}
	}
	return headings >= 2
}

// markdownDelimiter matches a pipe-table delimiter row such as |---|:--:|.
func markdownDelimiter(l []byte) bool {
	if !bytes.Contains(l, []byte("|")) || !bytes.Contains(l, []byte("---")) {
		return false
	}
	for _, c := range l {
		switch c {
		case '|', '-', ':', ' ', '\t':
		default:
			return false
		}
	}
	return true
}

// looksHTML reports whether the start of data is markup: a doctype, an <html>, <head>,
// <body>, <meta>, <div>, <p> or <table> tag before any other text.
func looksHTML(head []byte) bool {
	s := strings.ToLower(strings.TrimLeft(string(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})), " \t\r\n"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<div", "<p>", "<p ", "<table", "<!--"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
