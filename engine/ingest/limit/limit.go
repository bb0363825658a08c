// Package limit holds the resource limits every importer enforces, so that a hostile or
// broken file (a zip bomb, HTML nested a million deep, a 10,000-page PDF) ends in a clear
// error naming the limit instead of exhausting the machine.
package limit

import (
	"fmt"
	"time"
)

// Limits bound the work one document may cause.
type Limits struct {
	// MaxBytes is the largest file read, in bytes.
	MaxBytes int64
	// MaxDecompressed is the most bytes an archive (DOCX) may expand to, in total.
	MaxDecompressed int64
	// MaxDepth is the deepest element nesting accepted in HTML and XML.
	MaxDepth int
	// MaxPages is the most pages read from a paginated document.
	MaxPages int
	// MaxLineBytes is the longest line read from text and Markdown, in bytes.
	MaxLineBytes int
	// MaxCells is the most table cells read from one HTML or Markdown document.
	MaxCells int
	// MaxColumns is the most cells in one row of a Markdown table.
	MaxColumns int
	// Timeout is the time budget for reading and evaluating one document.
	Timeout time.Duration
}

// Default returns the limits used unless the user sets others: generous for real annual
// reports (a few MB, under 100 pages) and small enough to stop abuse quickly.
func Default() Limits {
	return Limits{
		MaxBytes:        64 << 20,
		MaxDecompressed: 256 << 20,
		MaxDepth:        512,
		MaxPages:        500,
		MaxLineBytes:    1 << 20,
		MaxCells:        100_000,
		MaxColumns:      1_000,
		Timeout:         60 * time.Second,
	}
}

// CheckLines returns an error naming the first line of s longer than max bytes (LF, CRLF
// and lone CR end lines); max <= 0 means no limit. It allocates nothing.
func CheckLines(s string, max int) error {
	if max <= 0 || len(s) <= max {
		return nil
	}
	line, start := 1, 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != '\n' && s[i] != '\r' {
			continue
		}
		if i-start > max {
			return fmt.Errorf("第 %d 行：%w", line, &Error{What: "line length", Limit: int64(max), Actual: int64(i - start), Unit: "bytes"})
		}
		if i+1 < len(s) && s[i] == '\r' && s[i+1] == '\n' {
			i++
		}
		line, start = line+1, i+1
	}
	return nil
}

// Error reports that a document exceeded a limit.
type Error struct {
	// What names the limit, as the user would set it: "file size", "nesting depth" ...
	What string
	// Limit and Actual are in the limit's unit; Actual may be a lower bound.
	Limit, Actual int64
	// Unit is "bytes", "levels", "pages" ...
	Unit string
}

// Error says, in Chinese like the rest of what users read, which limit was exceeded and by
// how much; What and Unit stay English identifiers for programs.
func (e *Error) Error() string {
	unit := unitName(e.Unit)
	return fmt.Sprintf("%s超过上限：%d %s > %d %s", limitName(e.What), e.Actual, unit, e.Limit, unit)
}

func limitName(what string) string {
	switch what {
	case "file size":
		return "文件大小"
	case "HTML source size":
		return "HTML 源码大小"
	case "decompressed size":
		return "解压后大小"
	case "decompressed size (declared in the zip directory)":
		return "解压后大小（压缩包目录中声明的）"
	case "nesting depth":
		return "嵌套层数"
	case "page count":
		return "页数"
	case "paragraphs":
		return "段落数"
	case "reading time":
		return "读取时间"
	case "table cells":
		return "表格单元格数"
	case "line length":
		return "单行长度"
	case "table columns":
		return "表格一行的单元格数"
	case "table grid size":
		return "表格网格大小"
	case "zip entries":
		return "压缩包条目数"
	}
	return what
}

func unitName(unit string) string {
	switch unit {
	case "bytes":
		return "字节"
	case "levels":
		return "层"
	case "pages":
		return "页"
	case "paragraphs":
		return "段"
	case "ms":
		return "毫秒"
	case "cells", "entries":
		return "个"
	}
	return unit
}
