package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest/charset"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// The tests in this file set the process's language: they must not run in parallel.

// useLang makes l the language for the rest of the test.
func useLang(t *testing.T, l i18n.Lang) {
	t.Helper()
	prev := i18n.Current()
	i18n.Set(l)
	t.Cleanup(func() { i18n.Set(prev) })
}

var quotedText = regexp.MustCompile(`“[^”]*”|「[^」]*」|"[^"]*"|《[^》]*》`)

// hanOutsideQuotes is the Chinese text of s that is not quoted document text.
func hanOutsideQuotes(s string) string {
	var b strings.Builder
	for _, r := range quotedText.ReplaceAllString(s, "") {
		if unicode.Is(unicode.Han, r) || strings.ContainsRune("，。：；（）、？！", r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// docxOf is a minimal DOCX package whose body is body.
func docxOf(t *testing.T, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	f, err := w.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		body + `</w:body></w:document>`))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// importMessages are inputs the importers refuse, or read with a note, and the text of the
// error or of the first note in each language.
func importMessages(t *testing.T) []struct {
	name, path string
	data       []byte
	opts       Options
	zh, en     string
} {
	ole := []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}
	para := `<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>`
	// UTF-8 text with one stray byte: read with U+FFFD and a note.
	stray := []byte("一、总体情况\n本年度政府信息公开工作稳步推进\xff。\n")
	return []struct {
		name, path string
		data       []byte
		opts       Options
		zh, en     string
	}{
		{"rtf", "a.rtf", []byte(`{\rtf1\ansi hello}`), Options{},
			"RTF 文档，不支持这种格式：请另存为 .docx",
			"RTF document, a format that is not supported: save it as .docx"},
		{"doc", "a.doc", ole, Options{},
			"Word 97-2003 文档（.doc），不支持这种格式：请另存为 .docx 或 PDF",
			"Word 97-2003 document (.doc), a format that is not supported: save it as .docx or PDF"},
		{"png", "scan.png", []byte("\x89PNG\r\n\x1a\n...."), Options{},
			"图片（PNG），其中没有可检查的文字：请检查报告的文字版本，或先做文字识别（OCR）再检查识别结果",
			"image (PNG), with no text to check: check the text version of the report, or run text recognition (OCR) first and check its result"},
		{"empty docx", "a.docx", nil, Options{},
			"不是 DOCX 文件：文件是空的",
			"not a DOCX file: the file is empty"},
		{"docx without document.xml", "a.docx", func() []byte {
			var buf bytes.Buffer
			w := zip.NewWriter(&buf)
			f, _ := w.Create("readme.txt")
			f.Write([]byte("x"))
			w.Close()
			return buf.Bytes()
		}(), Options{Format: "docx"},
			"不是 DOCX 文件：压缩包中没有 word/document.xml",
			"not a DOCX file: the ZIP archive has no word/document.xml"},
		{"docx altChunk", "a.docx", docxOf(t, para+`<w:altChunk/>`), Options{},
			"文档嵌入了另一个文件的内容（w:altChunk），未读取",
			"the document embeds the content of another file (w:altChunk), which was not read"},
		{"docx embedded object", "a.docx", docxOf(t, para+`<w:p><w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" Type="Embed"/></w:object></w:r></w:p>`), Options{},
			"嵌入对象（未知类型）未读取，其中的表格或文字无法检查",
			"embedded object (unknown type) not read: its tables or text cannot be checked"},
		{"not a pdf", "a.pdf", []byte("一、总体情况\n"), Options{},
			"不是 PDF 文件：前 1024 个字节中没有 %PDF- 文件头",
			"not a PDF file: no %PDF- header in the first 1024 bytes"},
		{"binary", "a.txt", []byte{0, 1, 2, 3}, Options{},
			"不是文本文件：内容既不是 UTF-8、UTF-16 编码的文字，也不是 GB18030 编码的文字",
			"not a text file: the content is not text in UTF-8, UTF-16 or GB18030"},
		{"no text", "a.txt", []byte(" \n\n"), Options{},
			"文档中没有文字（按 text 格式读取）",
			"the document has no text (read as text)"},
		{"unknown format", "a.txt", []byte("a"), Options{Format: "rtf"},
			`未知的输入格式 "rtf"（可用：text、markdown、html、docx、pdf）`,
			`unknown input format "rtf" (available: text, markdown, html, docx, pdf)`},
		{"long line", "a.txt", []byte("一、总体情况\n" + strings.Repeat("公开", 40) + "\n"), Options{Limits: limit.Limits{MaxLineBytes: 100}},
			"第 2 行：单行长度超过上限：240 字节 > 100 字节",
			"line 2: line length exceeds the limit: 240 bytes > 100 bytes"},
		{"html cells", "a.html", []byte("<html><body><table>\n<tr><td>1</td><td>2</td><td>3</td></tr></table></body></html>"), Options{Limits: limit.Limits{MaxCells: 2}},
			"第 2 行第 25 列：表格单元格数超过上限：3 个 > 2 个",
			"line 2, column 25: table cell count exceeds the limit: 3 cells > 2 cells"},
		{"markdown columns", "a.md", []byte("# 表\n\n| 1 | 2 | 3 |\n"), Options{Limits: limit.Limits{MaxColumns: 2}},
			"第 3 行：表格一行的单元格数超过上限：3 个 > 2 个",
			"line 3: cells in one table row exceed the limit: 3 cells > 2 cells"},
		{"html images", "a.html", []byte("<p>一、总体情况</p>\n<p><img src=\"a.png\"></p>\n<table><tr><td>甲<td><img src=b.png></table>"), Options{},
			"正文中有 2 张图片，图片中的内容没有检查；表格如以图片发布，请人工核对",
			"the text has 2 images, whose content was not checked; check by hand any table published as an image"},
		{"markdown image", "a.md", []byte("# 一、总体情况\n\n![表格](t.png)\n"), Options{},
			"正文中有 1 张图片，图片中的内容没有检查；表格如以图片发布，请人工核对",
			"the text has 1 image, whose content was not checked; check by hand any table published as an image"},
		{"invalid utf-8", "a.txt", stray, Options{},
			"文件是 UTF-8 编码，但有 1 处字节不是有效的 UTF-8（第一处在第 2 行第 16 列），已按替换字符 U+FFFD 读取：这些位置的文字无法核对",
			"the file is UTF-8, but 1 byte sequence is not valid UTF-8 (at line 2, column 16); it was read as the replacement character U+FFFD: the text there cannot be verified"},
		{"invalid utf-8 twice", "a.txt", append(append([]byte{}, stray...), "第二处\xfe\n"...), Options{},
			"文件是 UTF-8 编码，但有 2 处字节不是有效的 UTF-8（第一处在第 2 行第 16 列），已按替换字符 U+FFFD 读取：这些位置的文字无法核对",
			"the file is UTF-8, but 2 byte sequences are not valid UTF-8 (the first at line 2, column 16); they were read as the replacement character U+FFFD: the text there cannot be verified"},
	}
}

// The importers' errors and notes are in the language of the run: English with no Chinese
// but quoted document text, and Chinese as they always were.
func TestMessagesInBothLanguages(t *testing.T) {
	for _, tc := range importMessages(t) {
		t.Run(tc.name, func(t *testing.T) {
			for _, l := range i18n.Langs {
				useLang(t, l)
				want := tc.zh
				if l == i18n.En {
					want = tc.en
				}
				var got string
				doc, err := Read(context.Background(), tc.path, tc.data, tc.opts)
				switch {
				case err != nil:
					got = err.Error()
				case len(doc.Notes) > 0:
					got = doc.Notes[0].Message
				default:
					t.Fatalf("%s: no error and no note", l)
				}
				if got != want {
					t.Errorf("%s:\n got %q\nwant %q", l, got, want)
				}
				if h := hanOutsideQuotes(got); l == i18n.En && h != "" {
					t.Errorf("en: Chinese %q in %q", h, got)
				}
			}
		})
	}
}

// Errors stay the same errors whatever the language: errors.Is and errors.As still find
// the sentinel and the limit.
func TestErrorsAcrossLanguages(t *testing.T) {
	useLang(t, i18n.En)
	if _, err := Read(context.Background(), "a.txt", []byte{0, 1}, Options{}); !errors.Is(err, charset.ErrBinary) {
		t.Errorf("binary: %v is not charset.ErrBinary", err)
	}
	dir := t.TempDir()
	_, err := ReadFile(context.Background(), dir, Options{})
	if !errors.Is(err, ErrNotRegular) || err.Error() != "this is a folder, not a file" {
		t.Errorf("folder: %v", err)
	}
	p := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(p, make([]byte, 2048), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		l    i18n.Lang
		want string
	}{
		{i18n.En, "file size exceeds the limit: 2048 bytes > 1024 bytes"},
		{i18n.Zh, "文件大小超过上限：2048 字节 > 1024 字节"},
	} {
		i18n.Set(c.l)
		_, err := ReadFile(context.Background(), p, Options{Limits: limit.Limits{MaxBytes: 1024}})
		var le *limit.Error
		if !errors.As(err, &le) || le.What != "file size" || err.Error() != c.want {
			t.Errorf("%s: %v, want %q", c.l, err, c.want)
		}
	}
}

// Every limit has its own message in both languages; a limit without one is named by its
// identifiers.
func TestLimitErrors(t *testing.T) {
	limits := []limit.Error{
		{What: "file size", Unit: "bytes"},
		{What: "HTML source size", Unit: "bytes"},
		{What: "decompressed size", Unit: "bytes"},
		{What: "decompressed size (declared in the zip directory)", Unit: "bytes"},
		{What: "line length", Unit: "bytes"},
		{What: "nesting depth", Unit: "levels"},
		{What: "page count", Unit: "pages"},
		{What: "paragraphs", Unit: "paragraphs"},
		{What: "reading time", Unit: "ms"},
		{What: "table cells", Unit: "cells"},
		{What: "table columns", Unit: "cells"},
		{What: "table grid size", Unit: "cells"},
		{What: "zip entries", Unit: "entries"},
	}
	useLang(t, i18n.Zh)
	for _, e := range limits {
		e.Limit, e.Actual = 10, 12
		i18n.Set(i18n.Zh)
		zh := e.Error()
		if !strings.Contains(zh, "超过上限：12 ") || !strings.Contains(zh, " > 10 ") {
			t.Errorf("zh %s: %q", e.What, zh)
		}
		i18n.Set(i18n.En)
		en := e.Error()
		if !strings.Contains(en, "exceeds the limit: 12 ") && !strings.Contains(en, "exceed the limit: 12 ") || hanOutsideQuotes(en) != "" {
			t.Errorf("en %s: %q", e.What, en)
		}
	}
	odd := &limit.Error{What: "widgets", Unit: "items", Limit: 1, Actual: 2}
	i18n.Set(i18n.En)
	if got := odd.Error(); got != "widgets exceeds the limit: 2 items > 1 items" {
		t.Errorf("en fallback: %q", got)
	}
	i18n.Set(i18n.Zh)
	if got := odd.Error(); got != "widgets超过上限：2 items > 1 items" {
		t.Errorf("zh fallback: %q", got)
	}
}
