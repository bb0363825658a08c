// Package ingest turns a file into a generic document.Document. It picks the importer from
// the file's content (magic bytes, markup) and then its extension, enforces the resource
// limits of package limit, and knows nothing about any report domain.
package ingest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/reportlint/reportlint/engine/document"
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

// ReadFile reads the file at path, refusing files larger than the size limit before
// reading them, and imports it.
func ReadFile(ctx context.Context, path string, opts Options) (*document.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("is a directory")
	}
	max := opts.Limits.MaxBytes
	if max > 0 && st.Size() > max {
		return nil, &limit.Error{What: "file size", Limit: max, Actual: st.Size(), Unit: "bytes"}
	}
	r := io.Reader(f)
	if max > 0 {
		r = io.LimitReader(f, max+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if max > 0 && int64(len(data)) > max {
		return nil, &limit.Error{What: "file size", Limit: max, Actual: int64(len(data)), Unit: "bytes"}
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
		format = Detect(path, data)
	}
	var doc *document.Document
	var err error
	switch format {
	case "text":
		doc, err = text.Import(path, data, opts.Charset)
	case "markdown":
		doc, err = markdown.Import(path, data, opts.Charset, opts.Limits)
	case "html":
		doc, err = html.Import(path, data, opts.Charset, opts.Limits)
	case "docx":
		doc, err = docx.Import(ctx, path, data, opts.Limits)
	case "pdf":
		doc, err = pdf.Import(ctx, path, data, opts.Limits)
	default:
		return nil, fmt.Errorf("unknown input format %q (known: %s)", format, strings.Join(Formats(), ", "))
	}
	if err != nil {
		return nil, err
	}
	if len(doc.Blocks) == 0 {
		return nil, fmt.Errorf("the %s document has no text", format)
	}
	return doc, nil
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
