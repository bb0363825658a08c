package pdf

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// TestZZDump prints the document read from the file named by $DUMP (a debugging aid:
// DUMP=path/to/file.pdf go test -run ZZDump ./engine/ingest/pdf/).
func TestZZDump(t *testing.T) {
	f := os.Getenv("DUMP")
	if f == "" {
		t.Skip("set DUMP to a PDF file")
	}
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Import(context.Background(), f, data, limit.Default())
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println(dumpDoc(doc))
	if os.Getenv("DUMP_PAGES") != "" {
		for p := 1; p <= doc.Pages; p++ {
			fmt.Printf("=== page %d\n", p)
			for i, l := range PageLines(doc, p) {
				fmt.Printf("%3d %s\n", i+1, l)
			}
		}
	}
}

func dumpDoc(doc *document.Document) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "pages=%d blocks=%d notes=%v\n", doc.Pages, len(doc.Blocks), doc.Notes)
	for i, b := range doc.Blocks {
		fmt.Fprintf(&sb, "#%d %s p%d:%d:%d-p%d:%d:%d\n", i, b.Kind, b.Span.Start.Page, b.Span.Start.Line, b.Span.Start.Col, b.Span.End.Page, b.Span.End.Line, b.Span.End.Col)
		if b.Kind == document.Table {
			for r, row := range b.Rows {
				fmt.Fprintf(&sb, "  r%d:", r)
				for _, c := range row.Cells {
					fmt.Fprintf(&sb, " [%d %dx%d %q]", c.Col, c.RowSpan, c.ColSpan, c.Text())
				}
				sb.WriteString("\n")
			}
			continue
		}
		for _, s := range b.Segments {
			fmt.Fprintf(&sb, "  %d:%d:%d %q\n", s.Start.Page, s.Start.Line, s.Start.Col, s.Text)
		}
	}
	return sb.String()
}
