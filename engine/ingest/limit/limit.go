// Package limit holds the resource limits every importer enforces, so that a hostile or
// broken file (a zip bomb, HTML nested a million deep, a 10,000-page PDF) ends in a clear
// error naming the limit instead of exhausting the machine.
package limit

import (
	"time"

	"github.com/reportlint/reportlint/engine/i18n"
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
			return i18n.Errorf("第 %d 行：%w", line, &Error{What: "line length", Limit: int64(max), Actual: int64(i - start), Unit: "bytes"})
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

// Error says, in the language of the run, which limit was exceeded and by how much; What
// and Unit stay English identifiers for programs. Each limit has a message of its own
// rather than a name and a unit word put together: the Chinese counts cells and entries
// with the same word (个), English with two.
func (e *Error) Error() string {
	switch e.What + "/" + e.Unit {
	case "file size/bytes":
		return i18n.Sprintf("文件大小超过上限：%d 字节 > %d 字节", e.Actual, e.Limit)
	case "HTML source size/bytes":
		return i18n.Sprintf("HTML 源码大小超过上限：%d 字节 > %d 字节", e.Actual, e.Limit)
	case "decompressed size/bytes":
		return i18n.Sprintf("解压后大小超过上限：%d 字节 > %d 字节", e.Actual, e.Limit)
	case "decompressed size (declared in the zip directory)/bytes":
		return i18n.Sprintf("解压后大小（压缩包目录中声明的）超过上限：%d 字节 > %d 字节", e.Actual, e.Limit)
	case "line length/bytes":
		return i18n.Sprintf("单行长度超过上限：%d 字节 > %d 字节", e.Actual, e.Limit)
	case "nesting depth/levels":
		return i18n.Sprintf("嵌套层数超过上限：%d 层 > %d 层", e.Actual, e.Limit)
	case "page count/pages":
		return i18n.Sprintf("页数超过上限：%d 页 > %d 页", e.Actual, e.Limit)
	case "paragraphs/paragraphs":
		return i18n.Sprintf("段落数超过上限：%d 段 > %d 段", e.Actual, e.Limit)
	case "reading time/ms":
		return i18n.Sprintf("读取时间超过上限：%d 毫秒 > %d 毫秒", e.Actual, e.Limit)
	case "table cells/cells":
		return i18n.Sprintf("表格单元格数超过上限：%d 个 > %d 个", e.Actual, e.Limit)
	case "table columns/cells":
		return i18n.Sprintf("表格一行的单元格数超过上限：%d 个 > %d 个", e.Actual, e.Limit)
	case "table grid size/cells":
		return i18n.Sprintf("表格网格大小超过上限：%d 个 > %d 个", e.Actual, e.Limit)
	case "zip entries/entries":
		return i18n.Sprintf("压缩包条目数超过上限：%d 个 > %d 个", e.Actual, e.Limit)
	}
	// A limit without a message of its own (none is made so) is named by its identifiers.
	return i18n.Sprintf("%s超过上限：%d %s > %d %s", e.What, e.Actual, e.Unit, e.Limit, e.Unit)
}
