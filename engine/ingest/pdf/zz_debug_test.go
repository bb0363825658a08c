package pdf

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/reportlint/reportlint/engine/ingest/limit"
)

func TestZZPages(t *testing.T) {
	f := os.Getenv("DUMPP")
	if f == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(f)
	e, err := NewEngine(Options{})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := e.extract(context.Background(), data, limit.Default())
	if err != nil {
		t.Fatal(err)
	}
	for i := range raw.pages {
		p := layoutPage(i+1, &raw.pages[i])
		for _, it := range p.items {
			if it.table == nil {
				continue
			}
			tb := it.table
			fmt.Printf("page %d table x0=%.1f x1=%.1f top=%.1f bottom=%.1f irregular=%v cells=%d\n", p.n, tb.x0, tb.x1, tb.top, tb.bottom, tb.irregular, len(tb.cells))
			for _, c := range tb.cells {
				pt := c.parts[0]
				fmt.Printf("   [%.1f,%.1f]-[%.1f,%.1f] %q\n", pt.x0, pt.y0, pt.x1, pt.y1, pt.text)
			}
		}
	}
}
