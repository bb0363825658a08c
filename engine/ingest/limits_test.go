package ingest

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// Documents under the size limit that would need many times their size in memory are
// refused by the importers before they build cells or blocks, with the limit named.
func TestImportersCapWork(t *testing.T) {
	lim := limit.Default()
	for _, tc := range []struct{ name, path, data, want string }{
		{"long text line", "a.txt", "一、总体情况\n" + strings.Repeat("政府信息公开", 70000) + "\n", "第 2 行：单行长度超过上限：1260000 字节 > 1048576 字节"},
		{"long markdown line", "a.md", "# 一、总体情况\n\n" + strings.Repeat("公开", 200000), "第 3 行：单行长度超过上限"},
		{"wide markdown row", "a.md", "# 表\n\n|" + strings.Repeat(" 1 |", 1500) + "\n", "第 3 行：表格一行的单元格数超过上限：1500 个 > 1000 个"},
		{"markdown cells", "a.md", "# 表\n\n" + strings.Repeat("|"+strings.Repeat(" 1 |", 500)+"\n", 201), "第 203 行：表格单元格数超过上限：100500 个 > 100000 个"},
		{"html cells", "a.html", "<html><body><table>" + strings.Repeat("<tr>"+strings.Repeat("<td>1</td>", 1000)+"</tr>\n", 101) + "</table></body></html>", "第 101 行第 5 列：表格单元格数超过上限：100001 个 > 100000 个"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(context.Background(), tc.path, []byte(tc.data), Options{Limits: lim})
			var le *limit.Error
			if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.As(err, &le) {
				t.Fatalf("Read = %v, want a *limit.Error %q", err, tc.want)
			}
		})
	}
}

// The text, Markdown and HTML importers check the deadline while they read, not only
// after: a document that takes long to read stops soon after its time is up.
func TestImportersCheckDeadline(t *testing.T) {
	lim := limit.Default()
	for _, tc := range []struct{ name, path, data string }{
		{"text", "a.txt", strings.Repeat("第一条 政府信息公开 12 34\n\n", 40000)},
		{"markdown", "a.md", strings.Repeat("第一条 政府信息公开 12 34\n\n# 标题\n", 30000)},
		{"html", "a.html", "<html><body>" + strings.Repeat("<p>第一条 政府信息公开</p>\n", 30000) + "</body></html>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel() // already out of time: only the checks inside the importer can notice
			start := time.Now()
			_, err := Read(context.WithoutCancel(ctx), tc.path, []byte(tc.data), Options{Limits: lim})
			full := time.Since(start)
			if err != nil {
				t.Fatalf("without deadline: %v", err)
			}
			ctx, cancel = context.WithTimeout(context.Background(), full/20)
			defer cancel()
			start = time.Now()
			_, err = Read(ctx, tc.path, []byte(tc.data), Options{Limits: lim})
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("Read = %v, want DeadlineExceeded", err)
			}
			if d := time.Since(start); d > full/2 {
				t.Errorf("stopped after %v, a full read takes %v", d, full)
			}
		})
	}
}
