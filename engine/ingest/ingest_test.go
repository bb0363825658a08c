package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/ingest/limit"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		path, data, want string
	}{
		{"a.pdf", "whatever", "pdf"},
		{"a.txt", "%PDF-1.7\n", "pdf"},
		{"a.bin", "PK\x03\x04...", "docx"},
		{"a.txt", "  <!DOCTYPE html><html>", "html"},
		{"a", "<p>一、总体情况</p>", "html"},
		{"a.htm", "plain", "html"},
		{"a.md", "# 标题", "markdown"},
		{"a.txt", "一、总体情况", "text"},
		{"noext", "一、总体情况", "text"},
		{"ocr.txt", "# 标题\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "markdown"},
		{"ocr.txt", "# 标题\n正文\n## 一、总体情况\n", "markdown"},
		{"plain.txt", "# 只有一个标题\n正文 a|b\n", "text"},
	}
	for _, tt := range tests {
		if got := Detect(tt.path, []byte(tt.data)); got != tt.want {
			t.Errorf("Detect(%q, %q) = %s, want %s", tt.path, tt.data, got, tt.want)
		}
	}
}

func TestReadFileLimits(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(p, make([]byte, 2048), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := Options{Limits: limit.Limits{MaxBytes: 1024}}
	_, err := ReadFile(context.Background(), p, opts)
	var le *limit.Error
	if !errors.As(err, &le) || le.What != "file size" {
		t.Fatalf("err = %v, want a file size limit error", err)
	}
}

func TestReadErrors(t *testing.T) {
	ctx := context.Background()
	if _, err := Read(ctx, "empty.txt", []byte("  \n\n"), Options{}); err == nil {
		t.Error("empty document: want an error")
	}
	if _, err := Read(ctx, "x.txt", []byte("a"), Options{Format: "rtf"}); err == nil {
		t.Error("unknown format: want an error")
	}
	if _, err := Read(ctx, "bin.txt", []byte{0, 1, 2, 3}, Options{}); err == nil {
		t.Error("binary: want an error")
	}
	if _, err := ReadFile(ctx, filepath.Join(t.TempDir(), "missing.txt"), Options{}); err == nil {
		t.Error("missing file: want an error")
	}
}

// Files reports are also published as, that reportlint cannot read, are named with what to
// do; a DOCX is not mistaken for one of them.
func TestUnsupported(t *testing.T) {
	zipOf := func(names ...string) []byte {
		var buf bytes.Buffer
		w := zip.NewWriter(&buf)
		for _, n := range names {
			f, err := w.Create(n)
			if err != nil {
				t.Fatal(err)
			}
			f.Write([]byte("x"))
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	ole := []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}
	utf16 := func(s string) []byte {
		var out []byte
		for _, c := range []byte(s) {
			out = append(out, c, 0)
		}
		return out
	}
	tests := []struct {
		path string
		data []byte
		want string
	}{
		{"a.doc", ole, "Word 97-2003 文档（.doc）"},
		{"a.bin", append(ole, utf16("WordDocument")...), "Word 97-2003 文档（.doc）"},
		{"a.wps", ole, "WPS 文档（.wps）"},
		{"a.docx", append(ole, utf16("EncryptedPackage")...), "设有密码"},
		{"a.xls", append(ole, utf16("Workbook")...), "旧版电子表格"},
		{"a.doc", []byte("not even OLE"), "Word 97-2003 文档"},
		{"a.ofd", zipOf("OFD.xml", "Doc_0/Document.xml"), "OFD 版式文档"},
		{"a.zip", zipOf("OFD.xml"), "OFD 版式文档"},
		{"a.xlsx", zipOf("[Content_Types].xml", "xl/workbook.xml"), "Excel 工作簿"},
		{"a.pptx", zipOf("[Content_Types].xml", "ppt/presentation.xml"), "PowerPoint 演示文稿"},
		{"reports.zip", zipOf("2023.docx", "2024.pdf"), "ZIP 压缩包"},
		{"a.rtf", []byte(`{\rtf1\ansi hello}`), "RTF 文档"},
		{"scan.png", []byte("\x89PNG\r\n\x1a\n...."), "图片（PNG）"},
		{"scan.jpg", []byte{0xFF, 0xD8, 0xFF, 0xE0}, "图片（JPEG）"},
		{"scan.tif", []byte("II*\x00...."), "图片（TIFF）"},
		{"a.rar", []byte("Rar!\x1a\x07\x00"), "压缩包（RAR 或 7z）"},
	}
	for _, tt := range tests {
		err := Unsupported(tt.path, tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Unsupported(%s) = %v, want %q", tt.path, err, tt.want)
		}
		if _, rerr := Read(context.Background(), tt.path, tt.data, Options{}); rerr == nil || rerr.Error() != err.Error() {
			t.Errorf("Read(%s) = %v, want the same error", tt.path, rerr)
		}
	}
	for _, ok := range []struct {
		path string
		data []byte
	}{
		{"a.docx", zipOf("[Content_Types].xml", "word/document.xml")},
		{"a.txt", []byte("BM 开头的文字")},
		{"a.pdf", []byte("%PDF-1.7")},
		{"broken.docx", []byte("PK\x03\x04garbage")},
	} {
		if err := Unsupported(ok.path, ok.data); err != nil {
			t.Errorf("Unsupported(%s) = %v, want nil", ok.path, err)
		}
	}
}
