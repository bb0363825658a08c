package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
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
