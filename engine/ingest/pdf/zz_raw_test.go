package pdf

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/reportlint/reportlint/engine/ingest/limit"
)

func TestZZRaw(t *testing.T) {
	f := os.Getenv("RAW")
	if f == "" {
		t.Skip()
	}
	pg, _ := strconv.Atoi(os.Getenv("RAWPAGE"))
	data, _ := os.ReadFile(f)
	e, err := defaultEngine()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := e.extract(context.Background(), data, limit.Default())
	if err != nil {
		t.Fatal(err)
	}
	p := raw.pages[pg-1]
	for _, g := range p.glyphs {
		fmt.Printf("G %q %.1f %.1f %.1f %.1f s=%.1f\n", g.r, g.x0, g.y0, g.x1, g.y1, g.size)
	}
	hs, vs := mergeRules(p.rules)
	for _, h := range hs {
		fmt.Printf("H y=%.1f %.1f-%.1f\n", h.y, h.x0, h.x1)
	}
	for _, v := range vs {
		fmt.Printf("V x=%.1f %.1f-%.1f\n", v.x, v.y0, v.y1)
	}
}
