package pdf

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/reportlint/reportlint/engine/ingest/limit"
)

func TestZZTiming(t *testing.T) {
	e, _ := defaultEngine()
	data := readFile(t, filepath.Join(corpusDir, "2024_hongzequ.pdf"))
	for i := 0; i < 4; i++ {
		t0 := time.Now()
		inst, err := e.pool.GetInstanceWithContext(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		t1 := time.Now()
		x := &extractor{p: inst, ctx: context.Background()}
		raw, err := x.run(data, limit.Default())
		t2 := time.Now()
		inst.Close()
		t3 := time.Now()
		build(context.Background(), "x", raw)
		t4 := time.Now()
		fmt.Println("get", t1.Sub(t0), "extract", t2.Sub(t1), "close", t3.Sub(t2), "build", t4.Sub(t3))
	}
}
